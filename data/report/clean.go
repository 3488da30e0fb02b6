package report

// Cleaning: what a report saved by an older release becomes under the text
// rules of TextProblem, for a report the database holds that the rules now
// refuse (a trailing space, a zero-width character, a name over the limit).

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CleanText returns s fit for a field of the given kind (TextProblem(field,
// CleanText(field, s)) == ""): bytes that are not UTF-8, control, direction
// and invisible characters removed; in a one-line field a line break or tab
// becomes a space, spaces at either end go, and a text over the limit keeps
// its first characters up to the limit.
func CleanText(field, s string) string {
	s = strings.ToValidUTF8(s, "")
	body := field == FieldBody
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if charProblem(r, body) == "" {
			b.WriteRune(r)
		} else if !body && (r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029') {
			b.WriteByte(' ')
		}
	}
	s = b.String()
	if body {
		return s
	}
	s = strings.TrimFunc(s, unicode.IsSpace)
	limit := map[string]int{FieldAgency: MaxAgencyLen, FieldTitle: MaxTitleLen, FieldHeading: MaxHeadingLen}[field]
	if limit > 0 && utf8.RuneCountInString(s) > limit {
		s = strings.TrimFunc(string([]rune(s)[:limit]), unicode.IsSpace)
	}
	return s
}

// Cleaned is one text of a report that Clean changed.
type Cleaned struct {
	Where    string // where it is, in the report's printed words: "机关名称", "一、总体情况第2段的小标题"
	Field    string // its kind: FieldAgency, FieldTitle, FieldHeading or FieldBody
	Why      string // what the rules refuse in it: "开头或结尾有空格", "含有不可见的字符 U+200B（如零宽空格）"
	Old, New string
}

// Message says in Chinese what was changed and why, for a report an older
// release saved: the text is not the user's typing mistake.
func (c Cleaned) Message() string {
	if c.Field == FieldBody {
		return fmt.Sprintf("%s是旧版本保存的，%s（现在的版本不接受），已删去这些字符", c.Where, c.Why)
	}
	return fmt.Sprintf("%s“%s”是旧版本保存的，%s（现在的版本不接受），已改为“%s”", c.Where, c.Old, c.Why, c.New)
}

// Clean makes every text of r fit the rules of TextProblem with CleanText,
// in place, and returns what it changed, in the report's order; nothing for
// a report that Validate accepts as to its texts. An agency name that is
// empty once cleaned is left for Validate to refuse.
func Clean(r *Report) []Cleaned {
	var out []Cleaned
	fix := func(where, field string, s *string) {
		m := TextProblem(field, *s)
		if m == "" {
			return
		}
		c := CleanText(field, *s)
		if field == FieldAgency && c == "" {
			return
		}
		out = append(out, Cleaned{Where: where, Field: field, Why: why(m), Old: *s, New: c})
		*s = c
	}
	fix("机关名称", FieldAgency, &r.Agency)
	fix("标题", FieldTitle, &r.Title)
	fix("引言", FieldBody, &r.Preamble)
	for _, part := range []struct {
		n  int
		ss []Section
	}{{0, r.Overview}, {4, r.Problems}, {5, r.OtherMatters}} {
		for i := range part.ss {
			where := fmt.Sprintf("%s第%d段", PartHeadings[part.n], i+1)
			fix(where+"的小标题", FieldHeading, &part.ss[i].Heading)
			fix(where, FieldBody, &part.ss[i].Body)
		}
	}
	fix("结尾", FieldBody, &r.Closing)
	return out
}

// why is TextProblem's message without the advice to the typist.
func why(m string) string {
	for _, advice := range []string{"，请删去", "，这里只能填一行文字", "，这里只能填一行"} {
		m = strings.TrimSuffix(m, advice)
	}
	return m
}

// OldTextProblem is TextProblem for a text the database holds, which an
// older release may have saved under looser rules: it says so, rather than
// as if the user had typed it wrong, and offers CleanText's text; "" when the
// text is fit.
func OldTextProblem(field, s string) string {
	m := TextProblem(field, s)
	if m == "" {
		return ""
	}
	if field == FieldBody {
		return "旧版本保存的文字" + why(m) + "（现在的版本不接受），请删去这些字符"
	}
	return fmt.Sprintf("旧版本保存的文字%s（现在的版本不接受），可改为“%s”", why(m), CleanText(field, s))
}
