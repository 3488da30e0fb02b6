// Package linebreak holds the rules of where a line of Chinese text may end
// (禁则, after GB/T 15834 and common practice): no line starts with ，。、；：？！）》
// and the like nor ends with （《“ and the like, and a number, a Latin word or
// a telephone number is never split, nor a group in 〔〕 (〔2021〕, 〔二〇二一〕)
// or a document number's year with its number (国办公开办函〔2021〕30号). The PDF's layout (app/paper/layout) and
// the editor's read-only texts (forms) both break by them, so that the screen
// and the paper agree. It knows nothing of fonts or widths.
package linebreak

import "strings"

// noStart are the marks that must not begin a line (行首禁则), noEnd those that
// must not end one (行尾禁则).
const (
	noStart = "，。、；：？！）》〕】」』”’…—–％%‰·・,.;:?!)]}〉›»°℃～~〗︶﹚｝］＞"
	noEnd   = "（《〔【「『“‘([{〈‹«〖﹙｛［＜"
	// numJoin are marks that join two numbers into one unbreakable unit,
	// as in 0955—7037171 or 2023-2024.
	numJoin = "—–-－~～:：./／"
)

// NoStart tells whether r must not begin a line (行首禁则).
func NoStart(r rune) bool { return strings.ContainsRune(noStart, r) }

// NoEnd tells whether r must not end a line (行尾禁则).
func NoEnd(r rune) bool { return strings.ContainsRune(noEnd, r) }

// IsSpace tells whether r is a space a line may break at, dropped there.
func IsSpace(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' }

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
func isDigit(r rune) bool  { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// isWord tells whether r belongs to a Latin word or a number, which is never
// split: ASCII letters, digits and in-word marks, and their full-width forms.
func isWord(r rune) bool {
	return r > ' ' && r < 0x7F || r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

// maxGroup is the longest 〔〕 group (brackets included) kept on one line: a
// document number's year; a longer one is text in brackets, broken as text.
const maxGroup = 8

// inGroup tells whether i falls inside a 〔…〕 group of at most maxGroup runes.
func inGroup(rs []rune, i int) bool {
	open := -1
	for j := i - 1; j >= 0 && j > i-maxGroup; j-- {
		if rs[j] == '〕' {
			return false
		}
		if rs[j] == '〔' {
			open = j
			break
		}
	}
	if open < 0 {
		return false
	}
	for j := i; j < len(rs) && j < open+maxGroup; j++ {
		switch rs[j] {
		case '〕':
			return true
		case '〔':
			return false
		}
	}
	return false
}

// CanBreak tells whether a line may end between rs[i-1] and rs[i].
func CanBreak(rs []rune, i int) bool {
	if i <= 0 || i >= len(rs) {
		return true
	}
	prev, next := rs[i-1], rs[i]
	switch {
	case inGroup(rs, i):
		return false // 〔2021〕 and 〔二〇二一〕 stay whole
	case prev == '〕' && isDigit(next):
		return false // 〔2021〕30号: the year stays with the number
	case isDigit(prev) && next == '号' && documentNumber(rs, i-1):
		return false // 〔2021〕30号: the number stays with 号
	}
	switch {
	case IsSpace(prev):
		return !IsSpace(next) // after a run of spaces
	case IsSpace(next):
		return false // the space stays at the end of the line, where it is dropped
	case NoStart(next) || NoEnd(prev):
		return false
	case prev == '/' && isWord(next) && next != '/' && i >= 2 && isLetter(rs[i-2]):
		return true // a web address breaks after a path's slash: …gov.cn/ xxgk/
	case isWord(prev) && isWord(next):
		return false
	case isDigit(prev) && strings.ContainsRune(numJoin, next) && i+1 < len(rs) && isDigit(rs[i+1]):
		return false
	case isDigit(next) && strings.ContainsRune(numJoin, prev) && i >= 2 && isDigit(rs[i-2]):
		return false
	}
	return true
}

// documentNumber tells whether the digits ending at rs[i] follow a 〕, as the
// number of a document (〔2021〕30号) does.
func documentNumber(rs []rune, i int) bool {
	for i >= 0 && isDigit(rs[i]) {
		i--
	}
	return i >= 0 && rs[i] == '〕'
}

// Wrap breaks text into lines at most width wide, by the PDF's rules;
// width measures a run of text. A paragraph with no allowed break in a line's
// width is cut where it must be.
func Wrap(text string, width float32, measure func(string) float32) string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		rs := []rune(para)
		for start := 0; start < len(rs) || start == 0; {
			end := start
			for end < len(rs) && measure(string(rs[start:end+1])) <= width {
				end++
			}
			if end == start && end < len(rs) {
				end++ // not even one character fits: one a line
			}
			if end < len(rs) {
				brk := end
				for brk > start+1 && !CanBreak(rs, brk) {
					brk--
				}
				if brk > start+1 || CanBreak(rs, brk) {
					end = brk
				}
			}
			out = append(out, strings.TrimRight(string(rs[start:end]), " \u3000"))
			start = end
			for start < len(rs) && (rs[start] == ' ' || rs[start] == '\u3000') {
				start++
			}
			if start >= len(rs) {
				break
			}
		}
	}
	return strings.Join(out, "\n")
}
