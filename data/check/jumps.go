package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// A figure of W10 jumps when one year's is at least jumpFactor times the
// other's (or one is 0) and the larger is at least jumpFloor.
const (
	jumpFactor = 5
	jumpFloor  = 20
)

// trackedFigure is one figure W10 follows from year to year.
type trackedFigure struct {
	part, row, col int // sort position
	key, column    string
	label          string
	get            func(*report.Report) int
}

// appGroup is a figure of part 三: one row's 总计, or the sum of the rows of an outcome group.
func appGroup(first, last int, label string) trackedFigure {
	return trackedFigure{partApplications, first, report.ColTotal, printed.AppRowInfos[first].Key,
		printed.AppColumnLabels[report.ColTotal], label,
		func(r *report.Report) int {
			n := 0
			for i := first; i <= last; i++ {
				n += r.Applications[i][report.ColTotal]
			}
			return n
		}}
}

// trackedFigures are the figures of parts 二, 三 (新收 and the outcome groups) and 四.
var trackedFigures = func() []trackedFigure {
	var out []trackedFigure
	for k, kind := range docKinds {
		for col, get := range [3]func(report.DocCounts) int{
			func(d report.DocCounts) int { return d.Issued },
			func(d report.DocCounts) int { return d.Repealed },
			func(d report.DocCounts) int { return d.InForce },
		} {
			out = append(out, trackedFigure{partProactive, k, col, kind.key, docColumnLabels[col],
				fmt.Sprintf("%s：“%s”“%s”", report.PartHeadings[partProactive], kind.label, docColumnLabels[col]),
				func(r *report.Report) int { return get(kind.counts(r)) }})
		}
	}
	for i, d := range [...]struct {
		key, label string
		get        func(*report.Report) int
	}{
		{"licensing", printed.LicensingLabel, func(r *report.Report) int { return r.Proactive.Licensing }},
		{"penalty", printed.PenaltyLabel, func(r *report.Report) int { return r.Proactive.Penalty }},
		{"coercion", printed.CoercionLabel, func(r *report.Report) int { return r.Proactive.Coercion }},
	} {
		out = append(out, trackedFigure{partProactive, 2 + i, 0, d.key, decisionsLabel,
			fmt.Sprintf("%s：“%s”“%s”", report.PartHeadings[partProactive], d.label, decisionsLabel), d.get})
	}
	rows := &printed.AppRowInfos
	group := func(first, last int) trackedFigure {
		label := rows[first].A + rows[first].B
		if first == last {
			label = rows[first].FullLabel()
		}
		label = strings.SplitN(label, "（区分处理", 2)[0]
		return appGroup(first, last, fmt.Sprintf("%s“%s”“%s”", appPrefix(), label, printed.AppColumnLabels[report.ColTotal]))
	}
	out = append(out, group(report.RowNew, report.RowNew))
	starts := []int{report.FirstResultRow}
	for i := report.FirstResultRow + 1; i <= report.RowTotal; i++ {
		if rows[i].B != rows[i-1].B {
			starts = append(starts, i)
		}
	}
	for j, s := range starts {
		last := report.RowTotal
		if j+1 < len(starts) {
			last = starts[j+1] - 1
		}
		out = append(out, group(s, last))
	}
	for g, info := range printed.CaseGroupInfos {
		out = append(out, trackedFigure{partCases, g, report.CaseTotal, info.Key, printed.CaseColumnLabels[report.CaseTotal],
			fmt.Sprintf("%s：%s“%s”", report.PartHeadings[partCases], info.FullLabel(), printed.CaseColumnLabels[report.CaseTotal]),
			func(r *report.Report) int { return r.ReviewLitigation[g][report.CaseTotal] }})
	}
	return out
}()

// jumped reports whether a figure going from last to now is worth a look.
func jumped(last, now int) bool {
	lo, hi := min(last, now), max(last, now)
	return hi >= jumpFloor && lo*jumpFactor <= hi
}

// checkJumps gives W10 for each figure that jumped from last year.
func checkJumps(c *collector, r, prev *report.Report) {
	if prev == nil {
		return
	}
	for _, t := range trackedFigures {
		last, now := t.get(prev), t.get(r)
		if !jumped(last, now) {
			continue
		}
		how := ""
		switch {
		case last == 0:
			how = fmt.Sprintf("由0增至%d", now)
		case now == 0:
			how = fmt.Sprintf("由%d降为0", last)
		case now > last:
			how = fmt.Sprintf("约为上一年度的%d倍", (now+last/2)/last)
		default:
			how = fmt.Sprintf("约为上一年度的%d分之一", (last+now/2)/now)
		}
		c.add(t.part, t.row, t.col, Finding{
			Rule: "W10", Severity: Warning,
			Row: t.key, Column: t.column,
			Expected: fig(last), Actual: fig(now),
			Message: fmt.Sprintf("%s本年度为%d，上一年度（%d年）为%d，%s（差 %d），请核实是否录入有误（大幅变化如属实可不改）",
				t.label, now, prev.Year, last, how, abs(now-last)),
		})
	}
}

// Words of part 六 that say no 信息处理费 matter arose (W11).
var noFeeMarkers = []string{"未发生", "没有发生", "未产生", "没有产生", "不存在", "无"}

// feeStem finds 信息处理费 also where a report writes 信息公开处理费.
const feeStem = "处理费"

// checkFeeNotices gives W11: 三(六)2 counts applications dropped because a fee
// notice went unpaid, so fee notices were sent; part 六 saying that no
// 信息处理费 matter arose then misleads. 未收取/无收取 is not such a claim: a fee
// notified but unpaid was not collected.
func checkFeeNotices(c *collector, r *report.Report) {
	n := r.Applications[report.RowOtherNoFee][report.ColTotal]
	if n <= 0 {
		return
	}
	for _, box := range proseBoxes(r) {
		if box.part != partOther {
			continue
		}
		start, end, ok := feeDenial(box.text)
		if !ok {
			continue
		}
		span := box.span(start, end)
		info := printed.AppRowInfos[report.RowOtherNoFee]
		c.add(partApplications, report.RowOtherNoFee, report.ColTotal, Finding{
			Rule: "W11", Severity: Warning,
			Row: info.Key, Column: printed.AppColumnLabels[report.ColTotal],
			Expected: fig(0), Actual: fig(n),
			Text: span,
			Message: fmt.Sprintf("%s称“%s”，但%s“%s”行“%s”列为%d，说明本年度发出过收费通知，请核实",
				box.name(), span.Quote, appPrefix(), info.FullLabel(), printed.AppColumnLabels[report.ColTotal], n),
		})
		return
	}
}

// deniesFeeMatter reports whether a clause naming 信息处理费 says that no fee
// matter arose: a marker not followed by 收取/收费 (未收取 is consistent with unpaid notices).
func deniesFeeMatter(clause string) bool {
	plain := strings.NewReplacer("无正当理由", "", "无法", "", "无偿", "", "有无", "").Replace(clause)
	if containsAny(plain, negators) {
		return false
	}
	for _, m := range noFeeMarkers {
		for from := 0; ; {
			i := strings.Index(plain[from:], m)
			if i < 0 {
				break
			}
			from += i + len(m)
			rest := strings.TrimLeft(plain[from:], "有")
			if !strings.HasPrefix(rest, "收取") && !strings.HasPrefix(rest, "收费") && !strings.HasPrefix(rest, "向申请人收取") {
				return true
			}
		}
	}
	return false
}

// feeDenial finds a clause of text saying no 信息处理费 matter arose and returns its sentence.
func feeDenial(text string) (start, end int, ok bool) {
	for from := 0; ; {
		i := strings.Index(text[from:], feeStem)
		if i < 0 {
			return 0, 0, false
		}
		pos := from + i
		from = pos + len(feeStem)
		cs := afterLastAny(text[:pos], clauseStops)
		ce := strings.IndexAny(text[from:], clauseStops)
		if ce < 0 {
			ce = len(text)
		} else {
			ce += from
		}
		clause := text[cs:ce]
		if !deniesFeeMatter(clause) {
			continue
		}
		ss := afterLastAny(text[:pos], sentenceStops)
		se := strings.IndexAny(text[from:], sentenceStops)
		if se < 0 {
			se = len(text)
		} else {
			se += from
		}
		s, e := trimSpan(text, ss, se)
		return s, e, true
	}
}

// afterLastAny returns the offset just after the last of chars in s, or 0.
func afterLastAny(s, chars string) int {
	i := strings.LastIndexAny(s, chars)
	if i < 0 {
		return 0
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return i + size
}
