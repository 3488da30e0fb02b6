package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// tableFigure is the figure of a table a mention is compared with.
type tableFigure struct {
	part   int
	row    string // the Finding's Row
	column string
	label  string // the cell as the message names it
	value  int
	also   []int // other figures the sentence may mean: 收到 75 件 = 新收 + 上年结转
}

// figureFor returns the table figure a mention of kind states in r.
func figureFor(r *report.Report, kind mentionKind) tableFigure {
	a, cases, p := &r.Applications, &r.ReviewLitigation, &r.Proactive
	app := func(row int, also ...int) tableFigure {
		info := printed.AppRowInfos[row]
		return tableFigure{partApplications, info.Key, printed.AppColumnLabels[report.ColTotal],
			fmt.Sprintf("%s“%s”行“%s”列", appPrefix(), info.FullLabel(), printed.AppColumnLabels[report.ColTotal]), a[row][report.ColTotal], also}
	}
	group := func(g int) tableFigure {
		info := printed.CaseGroupInfos[g]
		return tableFigure{partCases, info.Key, printed.CaseColumnLabels[report.CaseTotal],
			fmt.Sprintf("%s：“%s”“%s”", report.PartHeadings[partCases], info.FullLabel(), printed.CaseColumnLabels[report.CaseTotal]), cases[g][report.CaseTotal], nil}
	}
	doc := func(k, col int, v int) tableFigure {
		return tableFigure{partProactive, docKinds[k].key, docColumnLabels[col],
			fmt.Sprintf("%s：“%s”“%s”", report.PartHeadings[partProactive], docKinds[k].label, docColumnLabels[col]), v, nil}
	}
	decision := func(key, label string, v int) tableFigure {
		return tableFigure{partProactive, key, decisionsLabel,
			fmt.Sprintf("%s：“%s”“%s”", report.PartHeadings[partProactive], label, decisionsLabel), v, nil}
	}
	switch kind {
	case mentionNew:
		return app(report.RowNew, a[report.RowNew][report.ColTotal]+a[report.RowCarriedOver][report.ColTotal])
	case mentionCarriedOver:
		return app(report.RowCarriedOver)
	case mentionHandled:
		return app(report.RowTotal)
	case mentionCarriedForward:
		return app(report.RowCarriedForward)
	case mentionReview:
		return group(report.GroupReview)
	case mentionLitigationDirect:
		return group(report.GroupLitigationDirect)
	case mentionLitigationAfter:
		return group(report.GroupLitigationAfterReview)
	case mentionLitigation:
		// Both groups; the finding names the group that holds the figures, or the first.
		g := report.GroupLitigationDirect
		if cases[g][report.CaseTotal] == 0 && cases[report.GroupLitigationAfterReview][report.CaseTotal] != 0 {
			g = report.GroupLitigationAfterReview
		}
		f := group(g)
		f.value = cases[report.GroupLitigationDirect][report.CaseTotal] + cases[report.GroupLitigationAfterReview][report.CaseTotal]
		direct, after := printed.CaseGroupInfos[report.GroupLitigationDirect], printed.CaseGroupInfos[report.GroupLitigationAfterReview]
		f.label = fmt.Sprintf("%s：%s两项（%s、%s）“%s”之和", report.PartHeadings[partCases],
			direct.Head, direct.Label, after.Label, printed.CaseColumnLabels[report.CaseTotal])
		return f
	case mentionNormIssued:
		return doc(1, 0, p.NormativeDocuments.Issued)
	case mentionNormRepealed:
		return doc(1, 1, p.NormativeDocuments.Repealed)
	case mentionNormInForce:
		return doc(1, 2, p.NormativeDocuments.InForce)
	case mentionRulesIssued:
		return doc(0, 0, p.Rules.Issued)
	case mentionRulesRepealed:
		return doc(0, 1, p.Rules.Repealed)
	case mentionRulesInForce:
		return doc(0, 2, p.Rules.InForce)
	case mentionLicensing:
		return decision("licensing", printed.LicensingLabel, p.Licensing)
	case mentionPenalty:
		return decision("penalty", printed.PenaltyLabel, p.Penalty)
	case mentionCoercion:
		return decision("coercion", printed.CoercionLabel, p.Coercion)
	}
	return tableFigure{}
}

// Printed column labels of part 二.
var docColumnLabels = printed.DocColumnLabels

const decisionsLabel = printed.DecisionsLabel

// checkTextFigures gives W8 for every count of the prose that is not the table's.
func checkTextFigures(c *collector, k *Checker, r *report.Report) {
	for _, box := range proseBoxes(r) {
		for _, m := range k.scan(box.text, r.Year).mentions {
			t := figureFor(r, m.kind)
			if t.row == "" || m.value == t.value || containsInt(t.also, m.value) {
				continue
			}
			span := box.span(m.start, m.end)
			caution := ""
			if m.limited {
				caution = "（该句所述可能只是某一渠道或某一机构的数字，如是，可不改）"
			}
			f := Finding{
				Rule: "W8", Severity: Warning,
				Row: t.row, Column: t.column,
				Expected: fig(t.value), Actual: fig(m.value),
				Text: span,
				Message: fmt.Sprintf("%s称“%s”，文中的%d与%s的%d不一致（差 %d），请核实%s",
					box.name(), span.Quote, m.value, t.label, t.value, abs(m.value-t.value), caution),
			}
			c.add(t.part, textRowOrder, 0, f)
		}
	}
}

// textRowOrder sorts W8 findings after the table's own findings of their part.
const textRowOrder = 1 << 20

// name is the box as a message names it: 一、总体情况（二）依申请公开, or 第3段 when it has no heading;
// 二、主动公开政府信息情况表格前的文字 for the text around a table.
func (b proseBox) name() string {
	switch b.field {
	case "before", "after":
		return report.TableTextWhere(b.part, b.field == "after")
	}
	h := strings.TrimSpace(b.heading)
	if h == "" {
		return fmt.Sprintf("%s第%d段", report.PartHeadings[b.part], b.section+1)
	}
	if r := []rune(h); len(r) > 20 {
		h = string(r[:20]) + "…"
	}
	return report.PartHeadings[b.part] + "“" + strings.TrimRight(h, "。.：: ") + "”"
}

// span is the sentence text[start:end] of the box as a TextSpan.
func (b proseBox) span(start, end int) *TextSpan {
	return &TextSpan{
		Part: report.PartNames[b.part], Section: b.section, Field: b.field,
		Start: utf8.RuneCountInString(b.text[:start]),
		End:   utf8.RuneCountInString(b.text[:end]),
		Quote: b.text[start:end],
	}
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
