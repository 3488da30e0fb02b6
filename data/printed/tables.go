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

// AppColumnLabels are the printed labels of the seven columns of part 三,
// indexed by report.Col….
var AppColumnLabels = [report.AppCols]string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

// AppTableNote is the note printed in the top-left cell of the table of part 三.
const AppTableNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

// AppRowInfo describes one row of part 三 as the national format prints it.
// A, B and C are the labels in the three label columns; an empty B or C means
// the label to its left spans it. Rows that share a B label are one merged group.
type AppRowInfo struct {
	Key     string // JSON key, report.AppRowKeys
	A, B, C string
}

// FullLabel joins the printed labels of the row, as a message names it:
// "三、本年度办理结果（三）不予公开 1.属于国家秘密".
func (i AppRowInfo) FullLabel() string {
	s := i.A
	if i.B != "" {
		s += i.B
	}
	if i.C != "" {
		s += " " + i.C
	}
	return s
}

const resultsLabel = "三、本年度办理结果"

// appRowLabels are the labels A, B, C of the 25 rows of part 三, indexed by report.Row….
var appRowLabels = [report.AppRows][3]string{
	{"一、本年新收政府信息公开申请数量", "", ""},
	{"二、上年结转政府信息公开申请数量", "", ""},
	{resultsLabel, "（一）予以公开", ""},
	{resultsLabel, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""},
	{resultsLabel, "（三）不予公开", "1.属于国家秘密"},
	{resultsLabel, "（三）不予公开", "2.其他法律行政法规禁止公开"},
	{resultsLabel, "（三）不予公开", "3.危及“三安全一稳定”"},
	{resultsLabel, "（三）不予公开", "4.保护第三方合法权益"},
	{resultsLabel, "（三）不予公开", "5.属于三类内部事务信息"},
	{resultsLabel, "（三）不予公开", "6.属于四类过程性信息"},
	{resultsLabel, "（三）不予公开", "7.属于行政执法案卷"},
	{resultsLabel, "（三）不予公开", "8.属于行政查询事项"},
	{resultsLabel, "（四）无法提供", "1.本机关不掌握相关政府信息"},
	{resultsLabel, "（四）无法提供", "2.没有现成信息需要另行制作"},
	{resultsLabel, "（四）无法提供", "3.补正后申请内容仍不明确"},
	{resultsLabel, "（五）不予处理", "1.信访举报投诉类申请"},
	{resultsLabel, "（五）不予处理", "2.重复申请"},
	{resultsLabel, "（五）不予处理", "3.要求提供公开出版物"},
	{resultsLabel, "（五）不予处理", "4.无正当理由大量反复申请"},
	{resultsLabel, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"},
	{resultsLabel, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
	{resultsLabel, "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
	{resultsLabel, "（六）其他处理", "3.其他"},
	{resultsLabel, "（七）总计", ""},
	{"四、结转下年度继续办理", "", ""},
}

// AppRowInfos lists the 25 rows of part 三 with their keys (report.AppRowKeys)
// and printed labels, indexed by report.Row….
var AppRowInfos = func() (rows [report.AppRows]AppRowInfo) {
	for i, l := range appRowLabels {
		rows[i] = AppRowInfo{Key: report.AppRowKeys[i], A: l[0], B: l[1], C: l[2]}
	}
	return rows
}()

// CaseColumnLabels are the printed labels of the five columns of each group
// of part 四, indexed by report.Case….
var CaseColumnLabels = [report.CaseCols]string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}

// Heads of part 四.
const (
	ReviewLabel     = "行政复议"
	LitigationLabel = "行政诉讼"
)

// CaseGroupInfo describes one group of part 四.
type CaseGroupInfo struct {
	Key   string // JSON key, report.CaseGroupKeys
	Head  string // 行政复议 or 行政诉讼
	Label string // "" for 行政复议, else 未经复议直接起诉 / 复议后起诉
}

// FullLabel is the group's name as a message gives it: "行政诉讼（复议后起诉）".
func (g CaseGroupInfo) FullLabel() string {
	if g.Label == "" {
		return g.Head
	}
	return g.Head + "（" + g.Label + "）"
}

// CaseGroupInfos lists the three groups of part 四, indexed by report.Group….
var CaseGroupInfos = [report.CaseGroups]CaseGroupInfo{
	{report.CaseGroupKeys[report.GroupReview], ReviewLabel, ""},
	{report.CaseGroupKeys[report.GroupLitigationDirect], LitigationLabel, "未经复议直接起诉"},
	{report.CaseGroupKeys[report.GroupLitigationAfterReview], LitigationLabel, "复议后起诉"},
}

// Applications is the table of part 三: the note over the three label
// columns, 申请人情况 over the seven figure columns, then the 25 rows with
// 三、本年度办理结果 and the groups （三）…（六） merged down.
func Applications() *Table {
	const head = 3
	t := &Table{ID: "applications", Part: 2, Heading: report.PartHeadings[2], Cols: 3 + report.AppCols, Rows: head + report.AppRows, Header: head}
	g := grid{t}
	g.add(0, 0, 3, 3, KindHead, AppTableNote, AlignCenter)
	g.add(0, 3, 1, 7, KindHead, ApplicantsLabel, AlignCenter)
	g.add(1, 3, 2, 1, KindHead, AppColumnLabels[report.ColNaturalPerson], AlignCenter)
	g.add(1, 4, 1, 5, KindHead, OrganisationsLabel, AlignCenter)
	g.add(1, 9, 2, 1, KindHead, AppColumnLabels[report.ColTotal], AlignCenter)
	for c := report.ColCommercial; c <= report.ColOtherOrg; c++ {
		g.add(2, 3+c, 1, 1, KindHead, AppColumnLabels[c], AlignCenter)
	}
	infos := AppRowInfos
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
			g.figure(row, 3+c, 1, Field{Part: "三", Row: info.Key, Index: c, Column: AppColumnLabels[c],
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
	infos := CaseGroupInfos
	g.add(0, 0, 1, n, KindHead, infos[report.GroupReview].Head, AlignCenter)
	g.add(0, n, 1, 2*n, KindHead, infos[report.GroupLitigationDirect].Head, AlignCenter)
	for c, l := range CaseColumnLabels {
		g.add(1, c, 2, 1, KindHead, l, AlignCenter)
	}
	for gr := report.GroupLitigationDirect; gr < report.CaseGroups; gr++ {
		g.add(1, gr*n, 1, n, KindHead, infos[gr].Label, AlignCenter)
		for c, l := range CaseColumnLabels {
			g.add(2, gr*n+c, 1, 1, KindHead, l, AlignCenter)
		}
	}
	for gr, info := range infos {
		for c, l := range CaseColumnLabels {
			g.figure(head, gr*n+c, 1, Field{Part: "四", Row: info.Key, Index: c, Column: l,
				RowLabel: info.FullLabel(), Computed: c == report.CaseTotal})
		}
	}
	return t
}
