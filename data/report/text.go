package report

// Text rules: what a field of the report may contain. One place decides, for
// the reader, the writer, the database and the window's forms alike.

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the text fields, in characters. A real agency name is at most a few
// tens of characters, a title a few more; a heading is one line.
const (
	MaxAgencyLen  = 100
	MaxTitleLen   = 200
	MaxHeadingLen = 200
	// MaxSections bounds the sections of one part; a real part has a few.
	MaxSections = 1000
)

// Field kinds for TextProblem.
const (
	FieldAgency  = "agency"
	FieldTitle   = "title"
	FieldHeading = "heading"
	FieldBody    = "body" // preamble, closing and section bodies: several lines
)

// TextProblem says in Chinese what makes s unfit for a field of the given
// kind, or returns "" when it is fit. One-line fields (agency, title,
// heading) refuse control characters, line breaks, characters that change the
// direction of text, invisible formatting characters such as zero-width spaces,
// spaces at either end and more characters than their limit; bodies keep tabs
// and line breaks but refuse the other control characters and direction
// overrides. The message names the character by its code, as in
// “含有不可见的控制字符 U+001B”.
func TextProblem(field, s string) string {
	if !utf8.ValidString(s) {
		return "含有无效的 UTF-8 字节"
	}
	body := field == FieldBody
	for _, r := range s {
		if m := charProblem(r, body); m != "" {
			return m
		}
	}
	if body {
		return ""
	}
	if s != strings.TrimFunc(s, unicode.IsSpace) {
		return "开头或结尾有空格，请删去"
	}
	limit := map[string]int{FieldAgency: MaxAgencyLen, FieldTitle: MaxTitleLen, FieldHeading: MaxHeadingLen}[field]
	if n := utf8.RuneCountInString(s); limit > 0 && n > limit {
		return fmt.Sprintf("长度为 %d 个字，超过 %d 个字的上限", n, limit)
	}
	return ""
}

func charProblem(r rune, body bool) string {
	if r >= 0x20 && r < 0x7f || r > 0x3164 && r < 0xfe00 {
		return "" // the bulk of text, ASCII and CJK: no control or format character here
	}
	code := fmt.Sprintf("U+%04X", r)
	switch {
	case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
		if body {
			return ""
		}
		return "含有换行符 " + code + "，这里只能填一行"
	case r == '\t':
		if body {
			return ""
		}
		return "含有制表符 " + code + "，这里只能填一行文字"
	case r < 0x20 || r >= 0x7f && r < 0xa0:
		return "含有不可见的控制字符 " + code
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return "含有改变文字方向的控制字符 " + code
	case !body && (unicode.Is(unicode.Cf, r) || r == '\u115f' || r == '\u1160' || r == '\u3164' || r == '\uffa0'):
		return "含有不可见的字符 " + code + "（如零宽空格）"
	}
	return ""
}
