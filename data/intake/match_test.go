package intake

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// The tests print a report as a Document the way a reader would give it
// (from the printed model: paragraphs and the three tables as grids), then
// change it as real reports differ, and read it back.

func example(t testing.TB, name string) *report.Report {
	t.Helper()
	r, err := report.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func busy(t testing.TB) *report.Report { return example(t, "fictional-busy-2024.nianbao.json") }

// docOf prints r as a Document.
func docOf(r *report.Report) *Document {
	d := &Document{Source: "测试文件"}
	line := 0
	for _, b := range printed.Build(r).Blocks {
		line++
		if p := b.Paragraph; p != nil {
			var runs []Run
			for _, r := range p.Runs {
				runs = append(runs, Run{Text: r.Text, Bold: r.Bold})
			}
			d.Blocks = append(d.Blocks, Block{Para: &Para{Runs: runs, Where: Place{Line: line}}})
			continue
		}
		d.Blocks = append(d.Blocks, Block{Table: tableOf(b.Table, func(f *printed.Field) string { return f.Text(r) })})
	}
	return d
}

func tableOf(t *printed.Table, text func(*printed.Field) string) *Table {
	out := &Table{Rows: t.Rows, Cols: t.Cols}
	for _, c := range t.Cells {
		x := Cell{Row: c.Row, Col: c.Col, RowSpan: c.RowSpan, ColSpan: c.ColSpan, Text: c.Text}
		if c.Field != nil {
			x.Text = text(c.Field)
		}
		out.Cells = append(out.Cells, x)
	}
	return out
}

// tables returns the document's tables, in order.
func tables(d *Document) []*Table {
	var ts []*Table
	for _, b := range d.Blocks {
		if b.Table != nil {
			ts = append(ts, b.Table)
		}
	}
	return ts
}

// relabel replaces a label wherever a cell prints it.
func relabel(d *Document, old, new string) {
	for _, t := range tables(d) {
		for i := range t.Cells {
			if t.Cells[i].Text == old {
				t.Cells[i].Text = new
			}
		}
	}
}

// setCell sets the text of the cell at a grid position of table k.
func setCell(d *Document, k, row, col int, text string) {
	t := tables(d)[k]
	for i := range t.Cells {
		c := &t.Cells[i]
		if row >= c.Row && row < c.Row+c.RowSpan && col >= c.Col && col < c.Col+c.ColSpan {
			c.Text = text
			return
		}
	}
	panic(fmt.Sprintf("no cell at %d,%d", row, col))
}

// dropRows removes grid rows from a table: cells only in them go, cells
// spanning them shrink, the rows below move up.
func dropRows(t *Table, rows ...int) {
	gone := func(r int) bool { return slices.Contains(rows, r) }
	var cells []Cell
	for _, c := range t.Cells {
		n, first := 0, -1
		for r := c.Row; r < c.Row+c.RowSpan; r++ {
			if !gone(r) {
				n++
				if first < 0 {
					first = r
				}
			}
		}
		if n == 0 {
			continue
		}
		shift := 0
		for _, r := range rows {
			if r < first {
				shift++
			}
		}
		c.Row, c.RowSpan = first-shift, n
		cells = append(cells, c)
	}
	t.Cells, t.Rows = cells, t.Rows-len(rows)
}

// splitTable cuts table k before row at into two tables; the second repeats
// the first head rows of the table when head > 0.
func splitTable(d *Document, k, at, head int) {
	var idx int
	for i, b := range d.Blocks {
		if b.Table != nil {
			if k == 0 {
				idx = i
				break
			}
			k--
		}
	}
	t := d.Blocks[idx].Table
	a := &Table{Rows: at, Cols: t.Cols}
	b := &Table{Rows: head + t.Rows - at, Cols: t.Cols}
	for _, c := range t.Cells {
		switch {
		case c.Row+c.RowSpan <= at:
			a.Cells = append(a.Cells, c)
			if c.Row+c.RowSpan <= head {
				b.Cells = append(b.Cells, c)
			}
		case c.Row >= at:
			c.Row = c.Row - at + head
			b.Cells = append(b.Cells, c)
		default: // a cell across the cut: its label printed again on the new page
			top := c
			top.RowSpan = at - c.Row
			a.Cells = append(a.Cells, top)
			c.RowSpan -= at - c.Row
			c.Row = head
			b.Cells = append(b.Cells, c)
		}
	}
	rest := slices.Clone(d.Blocks[idx+1:])
	d.Blocks = append(append(d.Blocks[:idx], Block{Table: a}, Block{Para: &Para{Runs: []Run{{Text: "— 3 —"}}}}, Block{Table: b}), rest...)
}

// appRow is the grid row of a part 三 row in the printed table.
func appRow(i int) int { return 3 + i }

func marshal(t *testing.T, r *report.Report) string {
	t.Helper()
	b, err := report.Marshal(r)
	if err != nil {
		t.Fatalf("the report read cannot be written: %v", err)
	}
	return string(b)
}

// The report printed as the printed model prints it reads back exactly.
func TestMatchPrinted(t *testing.T) {
	for _, name := range []string{"fictional-busy-2024.nianbao.json", "pingtan-scjgj-2024.nianbao.json"} {
		t.Run(name, func(t *testing.T) {
			src := example(t, name)
			got, rd := Match(docOf(src))
			if marshal(t, got) != marshal(t, src) {
				t.Errorf("read back differs:\n%s", marshal(t, got))
			}
			if len(rd.Doubts)+len(rd.Zeros) > 0 {
				t.Errorf("doubts %v zeros %v", rd.Doubts, rd.Zeros)
			}
			if len(rd.Figures) != 200 {
				t.Errorf("%d figures, want 200", len(rd.Figures))
			}
		})
	}
}

// A figure's record says where it came from.
func TestFigureRecord(t *testing.T) {
	src := busy(t)
	d := docOf(src)
	relabel(d, "现行有效件数", "先行有效件数")
	_, rd := Match(d)
	for _, f := range rd.Figures {
		if f.Field.Row == "normative_documents" && f.Field.Index == 2 {
			if f.Printed != "185" || f.Row != "行政规范性文件" || f.Column != "第二十条第（一）项 先行有效件数" || f.How != Printed {
				t.Errorf("record %+v", f)
			}
			return
		}
	}
	t.Error("no record of 行政规范性文件 现行有效件数")
}

// variant is a change real reports make to the printed tables: the report
// that must be read from it (from the source), the doubts and the zeros.
type variant struct {
	name          string
	change        func(d *Document)
	want          func(r *report.Report)
	doubts, zeros int
	mention       string // a doubt or zero says this
}

// variants are every variant of what real reports print, each a case.
var variants = []variant{
	{name: "misprints", change: func(d *Document) {
		relabel(d, "现行有效件数", "先行有效件数")
		relabel(d, "2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
		relabel(d, printed.AppTableNote, strings.ReplaceAll(printed.AppTableNote, "勾稽", "钩稽"))
		relabel(d, "行政复议", "行政法复议")
	}},
	{name: "2019 wording of part 二", change: func(d *Document) {
		relabel(d, "本年制发件数", "本年新制作数量")
		relabel(d, "现行有效件数", "对外公开总数量")
		relabel(d, "本年处理决定数量", "处理决定数量")
		relabel(d, "本年废止件数", "本年新公开数量") // no 2021 meaning: not read
	}, want: func(r *report.Report) { r.Proactive.Rules.Repealed, r.Proactive.NormativeDocuments.Repealed = 0, 0 },
		doubts: 2, mention: "本年废止件数”：表格中未找到"},
	{name: "labels with spaces and ASCII brackets", change: func(d *Document) {
		relabel(d, "（三）不予公开", "(三) 不予公开")
		relabel(d, "自然人", "自 然 人")
		relabel(d, "1.属于国家秘密", "1、属于国家秘密")
		relabel(d, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开")
	}},
	{name: "part 二 without 规章, 规范性文件", change: func(d *Document) {
		dropRows(tables(d)[0], 2)
		relabel(d, "行政规范性文件", "规范性文件")
	}, want: func(r *report.Report) { r.Proactive.Rules = report.DocCounts{} }, zeros: 3, mention: "未印“规章”一行"},
	{name: "（六）其他处理 printed as one row of 0", change: func(d *Document) {
		t := tables(d)[1]
		dropRows(t, appRow(report.RowOtherNoFee), appRow(report.RowOtherOther))
		for i := range t.Cells {
			c := &t.Cells[i]
			if c.Row == appRow(report.RowOtherNoCorrection) && c.Col == 2 {
				c.Text = "（六）其他处理"
			}
			if c.Row == appRow(report.RowOtherNoCorrection) && c.Col >= 3 {
				c.Text = "0"
			}
		}
		// the B cell now spans the C column
		for i := range t.Cells {
			if t.Cells[i].Text == "（六）其他处理" && t.Cells[i].Col == 1 {
				t.Cells[i].ColSpan = 2
			}
		}
		t.Cells = slices.DeleteFunc(t.Cells, func(c Cell) bool { return c.Col == 2 && c.Text == "（六）其他处理" })
	}, want: func(r *report.Report) {
		a := &r.Applications
		a[report.RowOtherNoCorrection], a[report.RowOtherNoFee], a[report.RowOtherOther] = report.AppRow{}, report.AppRow{}, report.AppRow{}
	}, zeros: 21, mention: "印作一行，为 0"},
	{name: "（六）其他处理 printed as one row with figures", change: func(d *Document) {
		t := tables(d)[1]
		dropRows(t, appRow(report.RowOtherNoFee), appRow(report.RowOtherOther))
		t.Cells = slices.DeleteFunc(t.Cells, func(c Cell) bool { return c.Row == appRow(report.RowOtherNoCorrection) && c.Col == 2 })
		for i := range t.Cells {
			c := &t.Cells[i]
			if c.Text == "（六）其他处理" {
				c.ColSpan = 2
			}
		}
	}, want: func(r *report.Report) {
		a := &r.Applications
		a[report.RowOtherOther] = a[report.RowOtherNoCorrection]
		a[report.RowOtherNoCorrection], a[report.RowOtherNoFee] = report.AppRow{}, report.AppRow{}
	}, doubts: 3 * 3, zeros: 3 * 4, mention: "无法分到各小项"}, // 8, 1 and 9 printed; four columns of 0
	{name: "a table split over two pages, its head repeated", change: func(d *Document) {
		splitTable(d, 1, appRow(report.RowDeniedThirdParty), 3)
	}},
	{name: "a table split into two without its head", change: func(d *Document) {
		splitTable(d, 1, appRow(report.RowUnableNotHeld), 0)
	}},
	{name: "part 二 split at a block", change: func(d *Document) {
		splitTable(d, 0, 4, 0)
	}},
	{name: "two tables in one", change: func(d *Document) {
		ts := tables(d)
		app, cases := ts[1], ts[2]
		app.Cols = cases.Cols
		for _, c := range cases.Cells {
			c.Row += app.Rows
			app.Cells = append(app.Cells, c)
		}
		app.Rows += cases.Rows
		d.Blocks = slices.DeleteFunc(d.Blocks, func(b Block) bool { return b.Table == cases })
	}},
	{name: "extra blank rows", change: func(d *Document) {
		for _, t := range tables(d) {
			for _, at := range []int{t.Rows, t.Rows - 1} {
				for i := range t.Cells {
					if t.Cells[i].Row >= at {
						t.Cells[i].Row++
					}
				}
				for c := 0; c < t.Cols; c++ {
					t.Cells = append(t.Cells, Cell{Row: at, Col: c, RowSpan: 1, ColSpan: 1, Text: ""})
				}
				t.Rows++
			}
		}
	}},
	{name: "full-width digits, 1,234, 12 件", change: func(d *Document) {
		setCell(d, 0, 6, 1, "４８，２３１")
		setCell(d, 0, 9, 1, "9,127 件")
		setCell(d, 0, 10, 1, "312件")
		setCell(d, 0, 13, 1, "12,873.504216 万元")
		setCell(d, 2, 3, 0, "１４")
	}},
	{name: "blank, /, —, 无", change: func(d *Document) {
		setCell(d, 2, 3, 5, "")
		setCell(d, 2, 3, 6, "/")
		setCell(d, 2, 3, 7, "—")
		setCell(d, 2, 3, 8, "无")
	}, want: func(r *report.Report) {
		r.ReviewLitigation[report.GroupLitigationDirect] = report.CaseRow{0, 0, 0, 0, 10}
	},
		zeros: 4, mention: "印的是“无”，按 0 计"},
	{name: "not a number", change: func(d *Document) { setCell(d, 2, 3, 0, "约14") },
		want:   func(r *report.Report) { r.ReviewLitigation[report.GroupReview][0] = 0 },
		doubts: 1, mention: "行政复议“结果维持”：印的是“约14”，不是数字"},
	{name: "a figure beyond the format's limit", change: func(d *Document) { setCell(d, 2, 3, 0, "12345678") },
		want:   func(r *report.Report) { r.ReviewLitigation[report.GroupReview][0] = 0 },
		doubts: 1, mention: "不是数字"},
	{name: "a cell not found", change: func(d *Document) { relabel(d, "行政强制", "行政征收") },
		want: func(r *report.Report) { r.Proactive.Coercion = 0 }, doubts: 1, mention: "行政强制“本年处理决定数量”：表格中未找到"},
	{name: "found twice with different values", change: func(d *Document) {
		extra := tableOf(printed.Cases(), func(f *printed.Field) string { return "7" })
		d.Blocks = append(d.Blocks, Block{Table: extra})
	}, want: func(r *report.Report) {}, doubts: 15, mention: "找到 2 处，数值不同"},
	{name: "found twice with the same values", change: func(d *Document) {
		d.Blocks = append(d.Blocks, Block{Table: tables(d)[2]})
	}},
	{name: "a merged cell over three rows, 0", change: func(d *Document) {
		t := tables(d)[1]
		r0 := appRow(report.RowOtherNoCorrection)
		t.Cells = slices.DeleteFunc(t.Cells, func(c Cell) bool { return c.Col >= 3 && (c.Row == r0+1 || c.Row == r0+2) })
		for i := range t.Cells {
			if c := &t.Cells[i]; c.Row == r0 && c.Col >= 3 {
				c.RowSpan, c.Text = 3, "0"
			}
		}
	}, want: func(r *report.Report) {
		a := &r.Applications
		a[report.RowOtherNoCorrection], a[report.RowOtherNoFee], a[report.RowOtherOther] = report.AppRow{}, report.AppRow{}, report.AppRow{}
	}},
	{name: "a merged cell over three rows with a figure", change: func(d *Document) {
		t := tables(d)[1]
		r0 := appRow(report.RowOtherNoCorrection)
		t.Cells = slices.DeleteFunc(t.Cells, func(c Cell) bool { return c.Col == 3 && (c.Row == r0+1 || c.Row == r0+2) })
		for i := range t.Cells {
			if c := &t.Cells[i]; c.Row == r0 && c.Col == 3 {
				c.RowSpan = 3
			}
		}
	}, want: func(r *report.Report) {
		a := &r.Applications
		a[report.RowOtherNoFee][0], a[report.RowOtherOther][0] = 0, 0
	}, doubts: 3, mention: "一个合并的格子（8）跨 3 项"},
	{name: "a nested table", change: func(d *Document) {
		outer := &Table{Rows: 1, Cols: 1, Cells: []Cell{{RowSpan: 1, ColSpan: 1}}, Nested: []*Table{tables(d)[2]}}
		for i, b := range d.Blocks {
			if b.Table == tables(d)[2] {
				d.Blocks[i].Table = outer
			}
		}
	}},
}

// Each variant of what real reports print reads as it should.
func TestMatchVariants(t *testing.T) {
	for _, tc := range variants {
		t.Run(tc.name, func(t *testing.T) {
			src := busy(t)
			d := docOf(src)
			tc.change(d)
			got, rd := Match(d)
			want := src.Clone()
			if tc.want != nil {
				tc.want(want)
			}
			if marshal(t, got) != marshal(t, want) {
				t.Errorf("read differs from what it should be:\n%s", diff(marshal(t, got), marshal(t, want)))
			}
			if len(rd.Doubts) != tc.doubts || len(rd.Zeros) != tc.zeros {
				t.Errorf("%d doubts and %d zeros, want %d and %d:\n%v\n%v", len(rd.Doubts), len(rd.Zeros), tc.doubts, tc.zeros, rd.Doubts, rd.Zeros)
			}
			if tc.mention != "" && !strings.Contains(fmt.Sprint(rd.Doubts, rd.Zeros), tc.mention) {
				t.Errorf("no doubt or zero says %q:\n%v\n%v", tc.mention, rd.Doubts, rd.Zeros)
			}
		})
	}
}

// diff shows the lines of two texts that differ.
func diff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, fmt.Sprintf("line %d: got %q want %q", i+1, x, y))
		}
	}
	return strings.Join(out, "\n")
}
