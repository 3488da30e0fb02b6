package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// Fees are compared in 分 (0.01 元 = 0.000001 万元): the six decimals of the
// file's 万元 are whole 分, so Expected and Actual of a fee finding are exact.
const feeColumn = printed.FeeLabel

// fen parses a decimal of 万元 ("12873.504216", up to six places) into 分 and
// says how many decimals it had.
func fen(s string) (v int64, places int, ok bool) {
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || len(whole) > 7 || !allDigits(whole) || (dot && (frac == "" || len(frac) > 6 || !allDigits(frac))) {
		return 0, 0, false
	}
	for _, c := range whole {
		v = v*10 + int64(c-'0')
	}
	for i := 0; i < 6; i++ {
		v *= 10
		if i < len(frac) {
			v += int64(frac[i] - '0')
		}
	}
	return v, len(frac), true
}

// formatFen writes 分 as 万元, without trailing zeros.
func formatFen(v int64) string {
	s := fmt.Sprintf("%d.%06d", v/1_000_000, v%1_000_000)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// roundFen rounds v to places decimals of 万元, half up.
func roundFen(v int64, places int) int64 {
	unit := int64(1)
	for i := places; i < 6; i++ {
		unit *= 10
	}
	return (v + unit/2) / unit * unit
}

// feeMention is a fee the text states: "行政事业性收费 5949.09 万元".
type feeMention struct {
	value      int64 // 分
	places     int
	start, end int // the sentence
}

// scanFees finds the 行政事业性收费 amounts in 万元 that the sentences of text state.
func scanFees(text string) []feeMention {
	var out []feeMention
	for start := 0; start < len(text); {
		end := sentenceEnd(text, start)
		sentence := text[start:end]
		if strings.Contains(sentence, "万元") && strings.Contains(sentence, "收费") {
			s, e := trimSpan(text, start, end)
			for _, cl := range clauses(sentence) {
				if i := strings.Index(cl, "其中"); i >= 0 {
					cl = cl[:i]
				}
				if v, places, ok := clauseFee(cl); ok {
					out = append(out, feeMention{v, places, s, e})
				}
			}
		}
		if end < len(text) {
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
		}
		start = end
	}
	return out
}

// clauseFee reads "行政事业性收费…N万元" in one clause.
func clauseFee(cl string) (int64, int, bool) {
	i := strings.Index(cl, "万元")
	if i < 0 {
		return 0, 0, false
	}
	head := strings.TrimRight(cl[:i], " \u3000")
	j := len(head)
	for j > 0 && (isDigitByte(head[j-1]) || head[j-1] == '.') {
		j--
	}
	ctx := head[:j]
	if !strings.Contains(ctx, printed.FeesLabel) || containsAny(ctx, []string{"处理费", "同比", "较", "增长", "减少", "下降", "增加", "约", "近", "超过"}) ||
		containsAny(cl[i:], []string{"以上", "左右", "余"}) {
		return 0, 0, false
	}
	return fen(head[j:])
}

// checkTextFees gives W8 for a fee the text states that is not part 二's.
func checkTextFees(c *collector, k *Checker, r *report.Report) {
	table, _, ok := fen(strings.TrimSpace(r.Proactive.Fees))
	if !ok {
		return
	}
	for _, box := range proseBoxes(r) {
		for _, m := range k.scan(box.text, r.Year).fees {
			if roundFen(table, m.places) == m.value {
				continue
			}
			span := box.span(m.start, m.end)
			c.add(partProactive, 5, 0, Finding{
				Rule: "W8", Severity: Warning,
				Row: "fees", Column: feeColumn,
				Expected: &table, Actual: &m.value,
				Text: span,
				Message: fmt.Sprintf("%s称“%s”，文中的%s万元与%s：“%s”“%s”的%s万元不一致（差 %s万元），请核实",
					box.name(), span.Quote, formatFen(m.value), report.PartHeadings[partProactive], printed.FeesLabel, feeColumn,
					formatFen(table), formatFen(absInt64(m.value-table))),
			})
		}
	}
}

// checkFeeJump gives W10 for the fee of part 二, in 万元 as the table prints
// it: at least five times or a fifth of last year's (0 included), the larger
// at least 20 万元.
func checkFeeJump(c *collector, r, prev *report.Report) {
	if prev == nil {
		return
	}
	now, _, ok1 := fen(strings.TrimSpace(r.Proactive.Fees))
	last, _, ok2 := fen(strings.TrimSpace(prev.Proactive.Fees))
	if !ok1 || !ok2 {
		return
	}
	lo, hi := min(last, now), max(last, now)
	if hi < jumpFloor*1_000_000 || lo*jumpFactor > hi {
		return
	}
	c.add(partProactive, 5, 0, Finding{
		Rule: "W10", Severity: Warning,
		Row: "fees", Column: feeColumn,
		Expected: &last, Actual: &now,
		Message: fmt.Sprintf("%s：“%s”“%s”本年度为%s万元，上一年度（%d年）为%s万元（差 %s万元），请核实是否录入有误（大幅变化如属实可不改）",
			report.PartHeadings[partProactive], printed.FeesLabel, feeColumn, formatFen(now), prev.Year, formatFen(last), formatFen(absInt64(now-last))),
	})
}
