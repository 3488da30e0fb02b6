package report

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// NewFromPrevious starts the report for year from prev, the same agency's report
// for the year before. It copies what carries over from one year to the next and
// leaves every other figure 0:
//   - agency, agency type and closing (the contact details) as they are;
//   - the title, when set, and the preamble and section headings with prev's
//     year changed to year (see replaceYear); an empty title stays empty;
//   - the sections of parts 一, 五 and 六 with their headings and empty bodies;
//   - 二、上年结转 (all 7 columns) from last year's 四、结转下年度继续办理;
//   - the 现行有效件数 of 规章 and 行政规范性文件 from last year's.
//
// Nothing is saved.
func NewFromPrevious(prev *Report, year int) *Report {
	r := New(prev.Agency, year)
	r.AgencyType = prev.AgencyType
	r.Title = replaceYear(prev.Title, prev.Year, year, false)
	r.Preamble = replaceYear(prev.Preamble, prev.Year, year, true)
	r.Overview = headingsOnly(prev.Overview, prev.Year, year)
	r.Problems = headingsOnly(prev.Problems, prev.Year, year)
	r.OtherMatters = headingsOnly(prev.OtherMatters, prev.Year, year)
	r.Closing = prev.Closing
	r.Proactive.Rules.InForce = prev.Proactive.Rules.InForce
	r.Proactive.NormativeDocuments.InForce = prev.Proactive.NormativeDocuments.InForce
	r.Applications[RowCarriedOver] = prev.Applications[RowCarriedForward]
	return r
}

func headingsOnly(sections []Section, from, to int) []Section {
	if sections == nil {
		return nil
	}
	out := make([]Section, len(sections))
	for i, s := range sections {
		out[i] = Section{Heading: replaceYear(s.Heading, from, to, true)}
	}
	return out
}

// replaceYear changes the year from into to in s, written in Arabic digits
// (2023) or Chinese numerals (二〇二三, also with ○), wherever it stands alone (not
// inside a longer number). With asYear, only where 年 follows (2023年, 2023 年,
// 二〇二三年): prose mentions other numbers, and other years (a date of
// publication in the following year, say) are left for the user to correct.
func replaceYear(s string, from, to int, asYear bool) string {
	if s == "" || from == to {
		return s
	}
	for _, f := range []struct {
		from, to string
		digit    func(rune) bool
	}{
		{strconv.Itoa(from), strconv.Itoa(to), func(r rune) bool { return r >= '0' && r <= '9' }},
		{chineseYear(from, '〇'), chineseYear(to, '〇'), isChineseDigit},
		{chineseYear(from, '○'), chineseYear(to, '○'), isChineseDigit},
	} {
		s = replaceStandalone(s, f.from, f.to, f.digit, asYear)
	}
	return s
}

func replaceStandalone(s, from, to string, digit func(rune) bool, asYear bool) string {
	var b strings.Builder
	rest := s
	for {
		i := strings.Index(rest, from)
		if i < 0 {
			b.WriteString(rest)
			return b.String()
		}
		before, _ := utf8.DecodeLastRuneInString(rest[:i])
		after := rest[i+len(from):]
		next, _ := utf8.DecodeRuneInString(after)
		ok := (i == 0 || !digit(before)) && (after == "" || !digit(next))
		if ok && asYear {
			ok = strings.HasPrefix(strings.TrimPrefix(after, " "), "年")
		}
		b.WriteString(rest[:i])
		if ok {
			b.WriteString(to)
		} else {
			b.WriteString(from)
		}
		rest = after
	}
}

const chineseDigits = "〇一二三四五六七八九"

func isChineseDigit(r rune) bool { return strings.ContainsRune(chineseDigits+"○零", r) }

// chineseYear writes a year digit by digit in Chinese numerals, as 二〇二三; zero is
// written as the given rune (〇, or the look-alike ○ that many documents use).
func chineseYear(year int, zero rune) string {
	digits := []rune(chineseDigits)
	digits[0] = zero
	var b strings.Builder
	for _, c := range strconv.Itoa(year) {
		b.WriteRune(digits[c-'0'])
	}
	return b.String()
}
