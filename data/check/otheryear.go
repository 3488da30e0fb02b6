package check

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"nianbao/data/report"
)

// W12: dates and years that belong to another report year, as a report made
// from last year's keeps them: the closing's date (成文日期) outside the
// publication window of the report year, the preamble's statistics period
// naming another year, and last year written where a sentence of parts 一–六
// reads as the report year ("2024年，我局…" in a 2025 report). Precision comes
// first: a year compared with ("较2024年", "2024年以来", "比2024年"), a month
// of last year ("2024年12月"), a sentence that names the report year too, or
// a year in the middle of a clause is left alone.

var (
	// yearRe is a four-digit year followed by 年, ASCII or full-width digits,
	// spaces allowed between ("2023 年" in real reports).
	yearRe = regexp.MustCompile(`[0-9０-９]{4}[ \t\x{3000}]*年`)
	// dateRe is a whole date: 2025年1月22日.
	dateRe = regexp.MustCompile(`([0-9０-９]{4})[ \t\x{3000}]*年[ \t\x{3000}]*([0-9０-９]{1,2})[ \t\x{3000}]*月[ \t\x{3000}]*([0-9０-９]{1,2})[ \t\x{3000}]*日`)
)

// Words that make a year a comparison or a span rather than the year the
// clause is about; compareWords anywhere in the clause, afterYear right after it.
var (
	compareWords = []string{"较", "比", "相比", "对比", "以来", "同期", "去年", "上年", "上一年", "前一年", "截至", "截止"}
	afterYear    = []string{"以来", "同期", "底", "末", "初", "相比", "比", "相较", "至", "到", "起", "和", "与", "及", "、",
		"-", "—", "－", "～", "~", "上半年", "下半年", "以前", "之前", "前", "后", "的", "年报", "工作年度报告", "政府信息公开工作年度报告"}
)

// digitsValue reads ASCII or full-width digits.
func digitsValue(s string) int {
	v := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			v = v*10 + int(r-'0')
		case r >= '０' && r <= '９':
			v = v*10 + int(r-'０')
		}
	}
	return v
}

// isDigitRune reports an ASCII or full-width digit.
func isDigitRune(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

// years lists the years (and their byte spans) of text that are not the tail of a longer number.
func years(text string) (ys []int, spans [][2]int) {
	for _, m := range yearRe.FindAllStringIndex(text, -1) {
		if r, _ := utf8.DecodeLastRuneInString(text[:m[0]]); isDigitRune(r) {
			continue
		}
		ys = append(ys, digitsValue(text[m[0]:m[1]]))
		spans = append(spans, [2]int{m[0], m[1]})
	}
	return ys, spans
}

// checkOtherYears gives W12 for the closing, the preamble and the sections.
func checkOtherYears(c *collector, r *report.Report) {
	if r.Year <= 0 {
		return
	}
	checkStatisticsPeriod(c, r)
	checkClosingDate(c, r)
	for _, box := range proseBoxes(r) {
		forEachSentence(box.text, func(start, end int) {
			if f, ok := lastYearAsReportYear(box.text[start:end], r.Year); ok {
				span := box.span(start, end)
				c.add(box.part, textRowOrder, 1, Finding{
					Rule: "W12", Severity: Warning, Text: span,
					Expected: fig(r.Year), Actual: fig(r.Year - 1),
					Message: fmt.Sprintf("%s称“%s”，其中的“%d年”读作本报告的年度，但这是%d年度的报告，应为“%s”？"+
						"（可能沿用了上一年度报告的文字；如确指%d年，可不改）", box.name(), span.Quote, r.Year-1, r.Year, f, r.Year-1),
				})
			}
		})
	}
}

// forEachSentence calls f with the byte span of each sentence of text, spaces trimmed.
func forEachSentence(text string, f func(start, end int)) {
	for start := 0; start < len(text); {
		end := sentenceEnd(text, start)
		if s, e := trimSpan(text, start, end); e > s {
			f(s, e)
		}
		if end < len(text) {
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
		}
		start = end
	}
}

// lastYearAsReportYear returns the clause with the report year put in, when
// a clause of it begins with the year before the report year as the year it
// is about ("2024年，我局…", "2024年度门户网站…") and nothing in it compares.
func lastYearAsReportYear(sentence string, year int) (string, bool) {
	ys, spans := years(sentence)
	if len(ys) == 0 || containsInt(ys, year) {
		return "", false // a sentence naming the report year too tells a history
	}
	for i, y := range ys {
		if y != year-1 {
			continue
		}
		cs := clauseStart(sentence, spans[i][0])
		if strings.TrimSpace(sentence[cs:spans[i][0]]) != "" || containsAny(sentence, compareWords) {
			continue
		}
		after := strings.TrimPrefix(sentence[spans[i][1]:], "度")
		if r, _ := utf8.DecodeRuneInString(after); after == "" || isDigitRune(r) || hasPrefixAny(after, afterYear) {
			continue
		}
		ce := len(sentence)
		if j := strings.IndexAny(sentence[spans[i][1]:], "，,：:"); j >= 0 {
			ce = spans[i][1] + j
		}
		return withYear(sentence[cs:ce], spans[i][0]-cs, year), true
	}
	return "", false
}

// clauseStart is the offset after the clause stop before i, or 0.
func clauseStart(s string, i int) int {
	if j := strings.LastIndexAny(s[:i], "，,：:"); j >= 0 {
		_, size := utf8.DecodeRuneInString(s[j:])
		return j + size
	}
	return 0
}

// withYear is s with the four digits at i replaced by year, the rest (spaces
// before 年 too) kept.
func withYear(s string, i, year int) string {
	j := i
	for n := 0; n < 4; n++ {
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
	}
	return s[:i] + fmt.Sprint(year) + s[j:]
}

func hasPrefixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// checkClosingDate warns when the closing ends with a date (the 成文日期
// under the agency's name) outside 1 January – 31 March of the year after
// the report year, when every report must be published.
func checkClosingDate(c *collector, r *report.Report) {
	text := strings.TrimRight(r.Closing, " \t\r\n\u3000")
	ms := dateRe.FindAllStringSubmatchIndex(text, -1)
	if len(ms) == 0 || ms[len(ms)-1][1] != len(text) {
		return // no date, or a date inside a sentence: not the 成文日期
	}
	m := ms[len(ms)-1]
	y, mo, d := digitsValue(text[m[2]:m[3]]), digitsValue(text[m[4]:m[5]]), digitsValue(text[m[6]:m[7]])
	pub := r.Year + 1
	if y == pub && mo >= 1 && mo <= 3 && d >= 1 && d <= 31 {
		return
	}
	fix := fmt.Sprintf("应为%d年1月1日至3月31日之间的日期", pub)
	if mo >= 1 && mo <= 3 && d >= 1 && d <= 31 {
		fix = fmt.Sprintf("应为%d年%d月%d日？", pub, mo, d)
	}
	date := text[m[0]:m[1]]
	c.add(-1, -1, -1, Finding{
		Rule: "W12", Severity: Warning, Row: "closing",
		Expected: fig(pub), Actual: fig(y),
		Text: &TextSpan{Field: "closing", Start: utf8.RuneCountInString(text[:m[0]]),
			End: utf8.RuneCountInString(text[:m[1]]), Quote: date},
		Message: fmt.Sprintf("结尾的日期“%s”不在%d年度报告的公布期限内（%d年1月1日至3月31日），"+
			"可能是上一年度报告的日期，%s", date, r.Year, pub, fix),
	})
}

// checkStatisticsPeriod warns about a sentence of the preamble that gives the
// statistics period (统计…) in years other than the report year.
func checkStatisticsPeriod(c *collector, r *report.Report) {
	text := r.Preamble
	forEachSentence(text, func(start, end int) {
		i := strings.Index(text[start:end], "统计")
		if i < 0 || !strings.Contains(text[start+i:end], "月") {
			return
		}
		start = start + clauseStart(text[start:end], i) // the clause that gives the period, on
		s := text[start:end]
		ys, spans := years(s)
		wrong := 0
		var b strings.Builder
		last := 0
		for i, y := range ys {
			if y != r.Year {
				wrong = y
				b.WriteString(withYear(s[last:spans[i][1]], spans[i][0]-last, r.Year))
				last = spans[i][1]
			}
		}
		if wrong == 0 {
			return
		}
		b.WriteString(s[last:])
		c.add(-1, -1, -1, Finding{
			Rule: "W12", Severity: Warning, Row: "preamble",
			Expected: fig(r.Year), Actual: fig(wrong),
			Text: &TextSpan{Field: "preamble", Start: utf8.RuneCountInString(text[:start]),
				End: utf8.RuneCountInString(text[:end]), Quote: s},
			Message: fmt.Sprintf("引言称“%s”，统计期限写的是%d年，与报告年度%d年不一致，应为“%s”",
				s, wrong, r.Year, b.String()),
		})
	})
}
