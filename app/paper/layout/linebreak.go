package layout

import "strings"

// Glyph is one character placed in a line: its face (an index into the font
// set), its size and its advance width in points at that size.
type Glyph struct {
	R    rune
	Face int
	Size float64
	W    float64
	Bold bool
}

// Line is one line of a broken paragraph: glyphs [Start, End), with the
// surrounding spaces left out.
type Line struct {
	Start, End int
	Natural    float64 // width with the normal spacing
}

// noStart are the marks that must not begin a line (行首禁则), noEnd those that
// must not end one (行尾禁则), after GB/T 15834 and common practice.
const (
	noStart = "，。、；：？！）》〕】」』”’…—–％%‰·・,.;:?!)]}〉›»°℃～~〗︶﹚｝］＞"
	noEnd   = "（《〔【「『“‘([{〈‹«〖﹙｛［＜"
	// numJoin are marks that join two numbers into one unbreakable unit,
	// as in 0955—7037171 or 2023-2024.
	numJoin = "—–-－~～:：./／"
)

func isNoStart(r rune) bool { return strings.ContainsRune(noStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noEnd, r) }
func isSpace(r rune) bool   { return r == ' ' || r == '\u3000' || r == '\t' }
func isLetter(r rune) bool  { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
func isDigit(r rune) bool   { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// isWord tells whether r belongs to a Latin word or a number, which is never
// split: ASCII letters, digits and in-word marks, and their full-width forms.
func isWord(r rune) bool {
	return r > ' ' && r < 0x7F || r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

// CanBreak tells whether a line may end between rs[i-1] and rs[i].
func CanBreak(rs []rune, i int) bool {
	if i <= 0 || i >= len(rs) {
		return true
	}
	prev, next := rs[i-1], rs[i]
	switch {
	case isSpace(prev):
		return !isSpace(next) // after a run of spaces
	case isSpace(next):
		return false // the space stays at the end of the line, where it is dropped
	case isNoStart(next) || isNoEnd(prev):
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

// Break splits gs into lines: the first at most first points wide, the others
// at most rest. track is the spacing added between two glyphs of a line.
// Lines break only where CanBreak allows; a unit wider than a whole line (a
// long web address) is cut where it must be.
func Break(gs []Glyph, first, rest, track float64) []Line {
	rs := make([]rune, len(gs))
	for i, g := range gs {
		rs[i] = g.R
	}
	var lines []Line
	start := 0
	for start < len(gs) {
		for start < len(gs) && isSpace(gs[start].R) {
			start++
		}
		if start == len(gs) {
			break
		}
		limit := rest
		if len(lines) == 0 {
			limit = first
		}
		const eps = 0.01
		end, lastBreak := start, -1
		w := 0.0
		for end < len(gs) {
			nw := w + gs[end].W
			if end > start {
				nw += track
			}
			if nw > limit+eps && !isSpace(gs[end].R) {
				break
			}
			w = nw
			end++
			if end == len(gs) || CanBreak(rs, end) {
				lastBreak = end
			}
		}
		switch {
		case end == len(gs):
			lastBreak = end
		case lastBreak < 0: // nothing breakable fits: cut where the rules allow, else where it must
			lastBreak = end
			for p := end; p > start+1; p-- {
				if !isNoStart(rs[p]) && !isNoEnd(rs[p-1]) {
					lastBreak = p
					break
				}
			}
			if lastBreak == start {
				lastBreak = start + 1
			}
		}
		e := lastBreak
		for e > start && isSpace(gs[e-1].R) {
			e--
		}
		lines = append(lines, Line{Start: start, End: e, Natural: natural(gs[start:e], track)})
		start = lastBreak
	}
	return lines
}

// natural is the width of gs set with track between glyphs.
func natural(gs []Glyph, track float64) float64 {
	if len(gs) == 0 {
		return 0
	}
	w := track * float64(len(gs)-1)
	for _, g := range gs {
		w += g.W
	}
	return w
}

// JustifySpacing returns the spacing between glyphs that makes gs exactly
// width wide (两端对齐): the slack shared over the gaps between characters.
func JustifySpacing(gs []Glyph, width float64) float64 {
	if len(gs) < 2 {
		return 0
	}
	w := 0.0
	for _, g := range gs {
		w += g.W
	}
	return (width - w) / float64(len(gs)-1)
}
