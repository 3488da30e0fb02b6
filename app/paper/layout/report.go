package layout

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/app/paper/fonts"
	"nianbao/data/report"
)

// Layout lays the report out in print order: title, preamble, the six parts
// (parts 二 to 四 with their tables), closing; then the page numbers.
func Layout(r *report.Report, set *fonts.Set) *Doc {
	f := newFlow(set)
	f.ref = field("title")
	f.title(r.DisplayTitle(), r.Agency)
	f.ref = field("preamble")
	f.prose(r.Preamble, "引言")

	f.part(0, r.Overview)

	f.tablePart(1, proactiveTable(r.Proactive))
	f.tablePart(2, applicationsTable(r.Applications))
	f.tablePart(3, casesTable(r.ReviewLitigation))

	f.part(4, r.Problems)
	f.part(5, r.OtherMatters)
	f.ref = field("closing")
	f.prose(r.Closing, "结尾")

	f.pageNumbers()
	return f.doc
}

// prose sets the paragraphs of a body; where names it in a warning:
// "引言" gives "引言第2段".
func (f *flow) prose(body, where string) {
	for i, p := range report.Paragraphs(body) {
		f.paragraph(f.shapeRich(p, BodySize, fmt.Sprintf("%s第%d段", where, i+1)), 0)
	}
}

// part sets one of the prose parts 一, 五, 六: its heading, then its sections,
// each with its heading on its own line in 楷体 (none when empty).
func (f *flow) part(n int, sections []report.Section) {
	name := report.PartHeadings[n]
	keep := Pitch // the heading keeps with the first line under it…
	if len(sections) > 0 && strings.TrimSpace(sections[0].Heading) != "" {
		keep = 2 * Pitch // …and with the first line under a section heading
	}
	f.ref = inPart(n)
	f.heading(name, fonts.RoleHeading, name, keep)
	for k, s := range sections {
		f.ref.Section = k
		where := name + sectionName(s.Heading, k)
		if h := strings.TrimSpace(s.Heading); h != "" {
			f.heading(h, fonts.RoleSection, where+"小标题", Pitch)
		}
		f.prose(s.Body, where)
	}
}

// sectionName names a section in a warning by its number, "（一）", or by
// its position when its heading has none.
func sectionName(heading string, k int) string {
	h := []rune(strings.TrimSpace(heading))
	if len(h) > 0 && h[0] == '（' {
		for i := 1; i < len(h) && i < 6; i++ {
			if h[i] == '）' {
				return string(h[:i+1])
			}
		}
	}
	if len(h) == 0 {
		return ""
	}
	return fmt.Sprintf("第%d节", k+1)
}

// tablePart sets the heading of part n+1 and its table, the heading kept with
// the table's head and first row.
func (f *flow) tablePart(n int, t *table) {
	name := report.PartHeadings[n]
	t.where = name + "表格"
	t.measure(f)
	keep := t.span(0, t.header)
	// the first rows up to the first place the table may break
	for e := t.header + 1; e <= t.rows; e++ {
		if t.breakOK(t.header, e) {
			keep += t.span(t.header, e)
			break
		}
	}
	f.ref = inPart(n)
	f.heading(name, fonts.RoleHeading, name, keep)
	f.table(t)
	f.y += Pitch / 4 // air under the table before the next heading
	f.snap()
}

// proactiveTable is the table of part 二: one 4-column table of four blocks,
// each opened by its caption row (第二十条第（一）项 …) and its column heads.
func proactiveTable(p report.Proactive) *table {
	t := &table{widths: fractions(0.31, 0.23, 0.23, 0.23), noBreakBefore: map[int]bool{}}
	row := 0
	caption := func(item string) {
		t.add(row, 0, 1, 4, "第二十条第"+item+"项", fonts.RoleHeading, TableSize, alignCenter)
		row++
	}
	heads := func(h ...string) {
		t.add(row, 0, 1, 1, "信息内容", fonts.RoleBody, TableSize, alignCenter)
		for i, s := range h {
			t.add(row, 1+i, 1, 4-len(h), s, fonts.RoleBody, TableSize, alignCenter)
		}
		row++
	}
	line := func(label string, vals ...string) {
		t.add(row, 0, 1, 1, label, fonts.RoleBody, TableSize, alignCenter)
		for i, v := range vals {
			t.add(row, 1+i, 1, 4-len(vals), v, fonts.RoleBody, TableSize, alignCenter)
		}
		row++
	}
	n := strconv.Itoa
	var blocks []int
	blocks = append(blocks, row)
	caption("（一）")
	heads("本年制发件数", "本年废止件数", "现行有效件数")
	line("规章", n(p.Rules.Issued), n(p.Rules.Repealed), n(p.Rules.InForce))
	line("行政规范性文件", n(p.NormativeDocuments.Issued), n(p.NormativeDocuments.Repealed), n(p.NormativeDocuments.InForce))
	blocks = append(blocks, row)
	caption("（五）")
	heads("本年处理决定数量")
	line("行政许可", n(p.Licensing))
	blocks = append(blocks, row)
	caption("（六）")
	heads("本年处理决定数量")
	line("行政处罚", n(p.Penalty))
	line("行政强制", n(p.Coercion))
	blocks = append(blocks, row)
	caption("（八）")
	heads("本年收费金额（单位：万元）")
	fees := strings.TrimSpace(p.Fees)
	if fees == "" {
		fees = "0"
	}
	line("行政事业性收费", fees)
	t.rows = row
	// a page may break only between blocks
	start := map[int]bool{}
	for _, b := range blocks {
		start[b] = true
	}
	for r := 1; r < t.rows; r++ {
		if !start[r] {
			t.noBreakBefore[r] = true
		}
	}
	return t
}

// fractions splits the width of the type area.
func fractions(fs ...float64) []float64 {
	w := make([]float64, len(fs))
	rest := AreaW
	for i, f := range fs[:len(fs)-1] {
		w[i] = AreaW * f
		rest -= w[i]
	}
	w[len(fs)-1] = rest
	return w
}

// figureSize returns the size at which the widest of the figures fits a
// column of the given width: 五号 when it can, smaller for very large figures.
func figureSize(f *flow, figures []string, width float64) float64 {
	size := TableSize
	for _, s := range figures {
		gs := f.shape(s, fonts.RoleBody, 1, "")
		if w := natural(gs, 0); w > 0 && w*size > width-2*padX {
			size = (width - 2*padX) / w
		}
	}
	return float64(int(size*10)) / 10
}

// applicationsTable is the table of part 三: the note over the three label
// columns, 申请人情况 over the seven figure columns, then the 25 rows with
// 三、本年度办理结果 and the groups （三）…（六） merged down.
func applicationsTable(a report.Applications) *table {
	t := &table{header: 3, rows: 3 + report.AppRows}
	var figs []string
	for _, row := range a {
		for _, v := range row {
			figs = append(figs, strconv.Itoa(v))
		}
	}
	t.build = func(f *flow) {
		// figure columns: wide enough for two characters of a head or the widest figure
		fw := 2*TableSize + 2*padX + 1
		for _, s := range figs {
			if w := natural(f.shape(s, fonts.RoleBody, TableSize, ""), 0) + 2*padX; w > fw {
				fw = w
			}
		}
		if fw > 36 {
			fw = 36
		}
		size := figureSize(f, figs, fw)
		const colA, colB = 28, 84
		t.widths = []float64{colA, colB, AreaW - colA - colB - report.AppCols*fw}
		for i := 0; i < report.AppCols; i++ {
			t.widths = append(t.widths, fw)
		}
		body := fonts.RoleBody
		t.add(0, 0, 3, 3, report.AppTableNote, body, TableSize, alignCenter)
		t.add(0, 3, 1, 7, "申请人情况", body, TableSize, alignCenter)
		t.add(1, 3, 2, 1, report.AppColumnLabels[report.ColNaturalPerson], body, TableSize, alignCenter)
		t.add(1, 4, 1, 5, "法人或其他组织", body, TableSize, alignCenter)
		t.add(1, 9, 2, 1, report.AppColumnLabels[report.ColTotal], body, TableSize, alignCenter)
		for c := report.ColCommercial; c <= report.ColOtherOrg; c++ {
			t.add(2, 3+c, 1, 1, report.AppColumnLabels[c], body, TableSize, alignCenter)
		}
		infos := report.AppRowInfos
		for i, info := range infos {
			row := 3 + i
			switch {
			case info.B == "":
				t.add(row, 0, 1, 3, info.A, body, TableSize, alignLeft)
			default:
				if i == 0 || infos[i-1].A != info.A {
					t.add(row, 0, sameRun(i, func(j int) string { return infos[j].A }), 1, info.A, body, TableSize, alignCenter)
				}
				if info.C == "" {
					t.add(row, 1, 1, 2, info.B, body, TableSize, alignLeft)
				} else {
					if infos[i-1].B != info.B {
						t.add(row, 1, sameRun(i, func(j int) string { return infos[j].B }), 1, info.B, body, TableSize, alignLeft)
					}
					t.add(row, 2, 1, 1, info.C, body, TableSize, alignLeft)
				}
			}
			for c, v := range a[i] {
				t.add(row, 3+c, 1, 1, strconv.Itoa(v), body, size, alignCenter)
			}
		}
	}
	return t
}

// sameRun counts the rows from i on that share the label key(i).
func sameRun(i int, key func(int) string) int {
	n := 1
	for j := i + 1; j < report.AppRows && key(j) == key(i); j++ {
		n++
	}
	return n
}

// casesTable is the table of part 四: 行政复议 over five columns, 行政诉讼 over
// ten (未经复议直接起诉 and 复议后起诉 over five each), the five result heads
// under each, one row of figures.
func casesTable(rl report.ReviewLitigation) *table {
	cols := report.CaseGroups * report.CaseCols
	t := &table{header: 3, rows: 4}
	var figs []string
	for _, g := range rl {
		for _, v := range g {
			figs = append(figs, strconv.Itoa(v))
		}
	}
	t.build = func(f *flow) {
		w := make([]float64, cols)
		for i := range w {
			w[i] = AreaW / float64(cols)
		}
		t.widths = w
		size := figureSize(f, figs, w[0])
		body := fonts.RoleBody
		t.add(0, 0, 1, report.CaseCols, report.CaseGroupInfos[report.GroupReview].Head, body, TableSize, alignCenter)
		t.add(0, report.CaseCols, 1, 2*report.CaseCols, report.CaseGroupInfos[report.GroupLitigationDirect].Head, body, TableSize, alignCenter)
		for c, l := range report.CaseColumnLabels {
			t.add(1, c, 2, 1, l, body, TableSize, alignCenter)
		}
		for g := report.GroupLitigationDirect; g < report.CaseGroups; g++ {
			t.add(1, g*report.CaseCols, 1, report.CaseCols, report.CaseGroupInfos[g].Label, body, TableSize, alignCenter)
			for c, l := range report.CaseColumnLabels {
				t.add(2, g*report.CaseCols+c, 1, 1, l, body, TableSize, alignCenter)
			}
		}
		for i, s := range figs {
			t.add(3, i, 1, 1, s, body, size, alignCenter)
		}
	}
	return t
}
