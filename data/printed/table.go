package printed

import (
	"strconv"
	"strings"

	"nianbao/data/report"
)

// Kind is what a cell holds.
type Kind int

const (
	KindCaption Kind = iota // a block's caption row across the table: 第二十条第（一）项
	KindHead                // a column head, or the note over the label columns
	KindRowHead             // a row's label: 规章, （一）予以公开, …
	KindFigure              // a figure of the report, named by Field
)

// Align is how the printed table sets a label in its cell.
type Align int

const (
	AlignCenter Align = iota
	AlignStart        // flush left: the long row labels of part 三
)

// Cell is one cell of a table grid, covering rows [Row, Row+RowSpan) and
// columns [Col, Col+ColSpan).
type Cell struct {
	Row, Col         int
	RowSpan, ColSpan int
	Kind             Kind
	Text             string // the printed label; "" for a figure (see Field)
	Align            Align
	Field            *Field // the figure shown; nil unless Kind is KindFigure
}

// Field names one figure of the report as a finding names it.
type Field struct {
	Part     string // 二, 三 or 四, like check.Finding.Part
	Row      string // JSON key of the row, like check.Finding.Row: rules, new, review, fees…
	Index    int    // the figure's index in its row: 0…2 for 规章 and 行政规范性文件 (制发, 废止, 现行有效), report.Col… in part 三, report.Case… in part 四, 0 for a single figure
	Column   string // printed column label, like check.Finding.Column: 现行有效件数, 自然人, 结果维持, 本年处理决定数量…
	RowLabel string // the row as a message names it: 规章, 三、本年度办理结果（三）不予公开 1.属于国家秘密, 行政诉讼（复议后起诉）
	Computed bool   // a total the program computes: part 三's 总计 column and （七）总计 row, part 四's 总计
	Fee      bool   // the fee in 万元 (a decimal string), not a count
}

// Table is one of the three tables.
type Table struct {
	ID      string // proactive, applications or cases: the JSON key of the part
	Part    int    // index of the part in report.PartHeadings: 1, 2 or 3
	Heading string // the part's heading, which is the table's caption: 二、主动公开政府信息情况
	Cols    int
	Rows    int
	Header  int   // rows [0, Header) are the head, repeated on every page a table runs onto
	Blocks  []int // the rows that start a block (part 二's four 第二十条 items); a page breaks only before one of them; nil: anywhere in the body
	Cells   []*Cell
}

// PartName is the part's numeral as a finding names it: 二, 三 or 四.
func (t *Table) PartName() string { return report.PartNames[t.Part] }

// At returns the cell covering (row, col), or nil outside the grid.
func (t *Table) At(row, col int) *Cell {
	for _, c := range t.Cells {
		if row >= c.Row && row < c.Row+c.RowSpan && col >= c.Col && col < c.Col+c.ColSpan {
			return c
		}
	}
	return nil
}

// Figures returns the figure cells in reading order.
func (t *Table) Figures() []*Cell {
	var fs []*Cell
	for _, c := range t.Cells {
		if c.Kind == KindFigure {
			fs = append(fs, c)
		}
	}
	return fs
}

// blockStart returns the first row of the block that row belongs to.
func (t *Table) blockStart(row int) int {
	start := 0
	for _, b := range t.Blocks {
		if b <= row {
			start = b
		}
	}
	return start
}

// Headers returns the head cells that name a cell: rows are the row labels
// left of it (outermost first), cols the captions and column heads above it
// in its block (topmost first).
func (t *Table) Headers(c *Cell) (rows, cols []*Cell) {
	start := t.blockStart(c.Row)
	for _, h := range t.Cells {
		switch {
		case h.Kind == KindRowHead && h.Col < c.Col && overlaps(h.Row, h.RowSpan, c.Row, c.RowSpan):
			rows = append(rows, h)
		case (h.Kind == KindHead || h.Kind == KindCaption) && h.Row >= start && h.Row < c.Row &&
			overlaps(h.Col, h.ColSpan, c.Col, c.ColSpan):
			cols = append(cols, h)
		}
	}
	sortCells(rows, func(a, b *Cell) bool { return a.Col < b.Col })
	sortCells(cols, func(a, b *Cell) bool { return a.Row < b.Row })
	return rows, cols
}

func overlaps(a, an, b, bn int) bool { return a < b+bn && b < a+an }

// sortCells is an insertion sort: the lists are a few cells long and stable order matters.
func sortCells(cs []*Cell, less func(a, b *Cell) bool) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && less(cs[j], cs[j-1]); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// Pointer returns where r holds the figure: a count, or (for the fee) the
// decimal string; the other is nil. Both are nil when the field names no figure.
func (f *Field) Pointer(r *report.Report) (*int, *string) {
	switch f.Part {
	case "二":
		p := &r.Proactive
		switch f.Row {
		case "rules":
			d := &p.Rules
			return [3]*int{&d.Issued, &d.Repealed, &d.InForce}[f.Index], nil
		case "normative_documents":
			d := &p.NormativeDocuments
			return [3]*int{&d.Issued, &d.Repealed, &d.InForce}[f.Index], nil
		case "licensing":
			return &p.Licensing, nil
		case "penalty":
			return &p.Penalty, nil
		case "coercion":
			return &p.Coercion, nil
		case "fees":
			return nil, &p.Fees
		}
	case "三":
		if i, ok := report.AppRowIndex(f.Row); ok && f.Index < report.AppCols {
			return &r.Applications[i][f.Index], nil
		}
	case "四":
		if g, ok := report.CaseGroupIndex(f.Row); ok && f.Index < report.CaseCols {
			return &r.ReviewLitigation[g][f.Index], nil
		}
	}
	return nil, nil
}

// Count returns a count figure of r, or false for the fee.
func (f *Field) Count(r *report.Report) (int, bool) {
	if p, _ := f.Pointer(r); p != nil {
		return *p, true
	}
	return 0, false
}

// Text returns the figure as printed: the count in Arabic numerals, the fee
// as the decimal the report holds ("0" when empty).
func (f *Field) Text(r *report.Report) string {
	if f.Fee {
		if s := strings.TrimSpace(r.Proactive.Fees); s != "" {
			return s
		}
		return "0"
	}
	n, _ := f.Count(r)
	return strconv.Itoa(n)
}
