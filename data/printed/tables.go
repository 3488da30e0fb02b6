package printed

import "nianbao/data/report"

// Labels of part 二 as printed (national format §2.4).
const (
	ContentLabel   = "信息内容"     // the head of the label column
	DecisionsLabel = "本年处理决定数量" // the figure head of items （五） and （六）
	FeeLabel       = "本年收费金额（单位：万元）"

	RulesLabel     = "规章"
	NormativeLabel = "行政规范性文件"
	LicensingLabel = "行政许可"
	PenaltyLabel   = "行政处罚"
	CoercionLabel  = "行政强制"
	FeesLabel      = "行政事业性收费"
)

// InForceLabel is the third figure head of item （一）.
const InForceLabel = "现行有效件数"

// DocColumnLabels are the figure heads of item （一）: 本年制发件数, 本年废止件数, 现行有效件数.
var DocColumnLabels = [3]string{"本年制发件数", "本年废止件数", InForceLabel}

// Tables returns the three tables in print order: Proactive, Applications, Cases.
func Tables() []*Table { return []*Table{Proactive(), Applications(), Cases()} }

// grid collects the cells of a table in reading order.
type grid struct{ t *Table }

func (g grid) add(row, col, rows, cols int, kind Kind, text string, al Align) *Cell {
	c := &Cell{Row: row, Col: col, RowSpan: rows, ColSpan: cols, Kind: kind, Text: text, Align: al}
	g.t.Cells = append(g.t.Cells, c)
	return c
}

func (g grid) figure(row, col, cols int, f Field) {
	g.add(row, col, 1, cols, KindFigure, "", AlignCenter).Field = &f
}

// Proactive is the table of part 二: one 4-column table of four blocks, each
// opened by its caption row (第二十条第（一）项 …) and its column heads.
func Proactive() *Table {
	t := &Table{ID: "proactive", Part: 1, Heading: report.PartHeadings[1], Cols: 4}
	g := grid{t}
	row := 0
	caption := func(item string) {
		t.Blocks = append(t.Blocks, row)
		g.add(row, 0, 1, 4, KindCaption, "第二十条第"+item+"项", AlignCenter)
		row++
	}
	heads := func(h ...string) {
		g.add(row, 0, 1, 1, KindHead, ContentLabel, AlignCenter)
		for i, s := range h {
			g.add(row, 1+i, 1, 4-len(h), KindHead, s, AlignCenter)
		}
		row++
	}
	docs := func(key, label string) {
		g.add(row, 0, 1, 1, KindRowHead, label, AlignCenter)
		for i, col := range DocColumnLabels {
			g.figure(row, 1+i, 1, Field{Part: "二", Row: key, Index: i, Column: col, RowLabel: label})
		}
		row++
	}
	single := func(key, label, col string, fee bool) {
		g.add(row, 0, 1, 1, KindRowHead, label, AlignCenter)
		g.figure(row, 1, 3, Field{Part: "二", Row: key, Column: col, RowLabel: label, Fee: fee})
		row++
	}
	caption("（一）")
	heads(DocColumnLabels[:]...)
	docs("rules", RulesLabel)
	docs("normative_documents", NormativeLabel)
	caption("（五）")
	heads(DecisionsLabel)
	single("licensing", LicensingLabel, DecisionsLabel, false)
	caption("（六）")
	heads(DecisionsLabel)
	single("penalty", PenaltyLabel, DecisionsLabel, false)
	single("coercion", CoercionLabel, DecisionsLabel, false)
	caption("（八）")
	heads(FeeLabel)
	single("fees", FeesLabel, FeeLabel, true)
	t.Rows = row
	return t
}

// Heads of part 三 over the seven figure columns.
const (
	ApplicantsLabel    = "申请人情况"
	OrganisationsLabel = "法人或其他组织"
)

// Applications is the table of part 三: the note over the three label
// columns, 申请人情况 over the seven figure columns, then the 25 rows with
// 三、本年度办理结果 and the groups （三）…（六） merged down.
func Applications() *Table {
	const head = 3
	t := &Table{ID: "applications", Part: 2, Heading: report.PartHeadings[2], Cols: 3 + report.AppCols, Rows: head + report.AppRows, Header: head}
	g := grid{t}
	g.add(0, 0, 3, 3, KindHead, report.AppTableNote, AlignCenter)
	g.add(0, 3, 1, 7, KindHead, ApplicantsLabel, AlignCenter)
	g.add(1, 3, 2, 1, KindHead, report.AppColumnLabels[report.ColNaturalPerson], AlignCenter)
	g.add(1, 4, 1, 5, KindHead, OrganisationsLabel, AlignCenter)
	g.add(1, 9, 2, 1, KindHead, report.AppColumnLabels[report.ColTotal], AlignCenter)
	for c := report.ColCommercial; c <= report.ColOtherOrg; c++ {
		g.add(2, 3+c, 1, 1, KindHead, report.AppColumnLabels[c], AlignCenter)
	}
	infos := report.AppRowInfos
	run := func(i int, key func(int) string) int {
		n := 1
		for j := i + 1; j < report.AppRows && key(j) == key(i); j++ {
			n++
		}
		return n
	}
	for i, info := range infos {
		row := head + i
		switch {
		case info.B == "":
			g.add(row, 0, 1, 3, KindRowHead, info.A, AlignStart)
		default:
			if i == 0 || infos[i-1].A != info.A {
				g.add(row, 0, run(i, func(j int) string { return infos[j].A }), 1, KindRowHead, info.A, AlignCenter)
			}
			if info.C == "" {
				g.add(row, 1, 1, 2, KindRowHead, info.B, AlignStart)
			} else {
				if infos[i-1].B != info.B {
					g.add(row, 1, run(i, func(j int) string { return infos[j].B }), 1, KindRowHead, info.B, AlignStart)
				}
				g.add(row, 2, 1, 1, KindRowHead, info.C, AlignStart)
			}
		}
		for c := 0; c < report.AppCols; c++ {
			g.figure(row, 3+c, 1, Field{Part: "三", Row: info.Key, Index: c, Column: report.AppColumnLabels[c],
				RowLabel: info.FullLabel(), Computed: i == report.RowTotal || c == report.ColTotal})
		}
	}
	return t
}

// Cases is the table of part 四: 行政复议 over five columns, 行政诉讼 over ten
// (未经复议直接起诉 and 复议后起诉 over five each), the five result heads under
// each, one row of figures.
func Cases() *Table {
	const head = 3
	n := report.CaseCols
	t := &Table{ID: "review_litigation", Part: 3, Heading: report.PartHeadings[3], Cols: report.CaseGroups * n, Rows: head + 1, Header: head}
	g := grid{t}
	infos := report.CaseGroupInfos
	g.add(0, 0, 1, n, KindHead, infos[report.GroupReview].Head, AlignCenter)
	g.add(0, n, 1, 2*n, KindHead, infos[report.GroupLitigationDirect].Head, AlignCenter)
	for c, l := range report.CaseColumnLabels {
		g.add(1, c, 2, 1, KindHead, l, AlignCenter)
	}
	for gr := report.GroupLitigationDirect; gr < report.CaseGroups; gr++ {
		g.add(1, gr*n, 1, n, KindHead, infos[gr].Label, AlignCenter)
		for c, l := range report.CaseColumnLabels {
			g.add(2, gr*n+c, 1, 1, KindHead, l, AlignCenter)
		}
	}
	for gr, info := range infos {
		for c, l := range report.CaseColumnLabels {
			g.figure(head, gr*n+c, 1, Field{Part: "四", Row: info.Key, Index: c, Column: l,
				RowLabel: info.FullLabel(), Computed: c == report.CaseTotal})
		}
	}
	return t
}
