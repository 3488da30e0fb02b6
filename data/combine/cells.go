package combine

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"nianbao/data/money"
	"nianbao/data/printed"
	"nianbao/data/report"
)

// Cell is one figure of parts 二, 三 or 四: the unit of summing, of
// contributions and of the hierarchy check.
type Cell struct {
	Index  int    // position in Cells()
	Path   string // JSON path, as the file format names it: "applications.new[6]"
	Part   string // 二, 三 or 四
	Row    string // JSON key of the row, as check.Finding names it
	Column string // printed column label
	Label  string // the cell as a message names it: "三、本年新收政府信息公开申请数量 总计"
	Fee    bool   // the fee of part 二, in millionths of 万元
	Total  bool   // a total as stated (总计 column or （七）总计 row, 总计 of part 四)
	Field  *printed.Field
}

// Figures holds every cell's figure of one report, indexed like Cells();
// the fee in millionths of 万元.
type Figures [NumCells]int64

// Cell counts by part.
const (
	proactiveCells   = 10 // 规章 and 行政规范性文件 three each, 许可, 处罚, 强制, the fee
	applicationCells = report.AppRows * report.AppCols
	caseCells        = report.CaseGroups * report.CaseCols
	// NumCells is the count of figures of parts 二, 三 and 四.
	NumCells = proactiveCells + applicationCells + caseCells
)

// FeeIndex is the index of the fee among the cells.
const FeeIndex = proactiveCells - 1

// proactiveIndex returns the index among the cells of part 二's single figure
// in the row of the given JSON key (licensing, penalty, coercion, fees).
func proactiveIndex(row string) int {
	for i := range proactiveCells {
		if cells[i].Row == row {
			return i
		}
	}
	panic("combine: no figure of part 二 in row " + row) // a programming error, caught by any test
}

var cells = makeCells()

// Cells lists every figure of parts 二, 三 and 四 in the reading order of the
// printed tables (data/printed): part 二 row by row (the fee last), part 三 row
// by row, part 四 group by group. Its labels are the printed model's.
func Cells() []Cell { return cells[:] }

func makeCells() [NumCells]Cell {
	var out [NumCells]Cell
	n := 0
	for _, t := range printed.Tables() {
		for _, fc := range t.Figures() {
			f := fc.Field
			label := f.RowLabel + " " + f.Column
			if f.Part == "二" {
				label = t.Heading + "：" + label
			}
			out[n] = Cell{Index: n, Path: fieldPath(t.ID, f), Part: f.Part, Row: f.Row, Column: f.Column,
				Label: label, Fee: f.Fee, Total: f.Computed, Field: f}
			n++
		}
	}
	if n != NumCells {
		panic(fmt.Sprintf("combine: the printed tables have %d figures, not %d", n, NumCells)) // a programming error, caught by any test
	}
	return out
}

// fieldPath is the JSON path of a figure, as the file format's messages name it.
func fieldPath(table string, f *printed.Field) string {
	if f.Part == "二" {
		switch f.Row {
		case "rules", "normative_documents":
			return "proactive." + f.Row + "." + [3]string{"issued", "repealed", "in_force"}[f.Index]
		}
		return "proactive." + f.Row
	}
	return table + "." + f.Row + "[" + strconv.Itoa(f.Index) + "]"
}

// Text formats a figure of the cell as the report prints it: a whole number, or
// the fee in 万元 without trailing zeros.
func (c Cell) Text(v int64) string {
	if c.Fee {
		return money.Amount(v).String()
	}
	return strconv.FormatInt(v, 10)
}

// FiguresOf reads every figure of r. A fee that is not a valid amount (only
// possible for a report built in code) is an error naming the report.
func FiguresOf(r *report.Report) (Figures, error) {
	var f Figures
	p := &r.Proactive
	// Part 二's counts through the printed model's fields; the fee below.
	for i := range proactiveCells {
		if n, _ := cells[i].Field.Pointer(r); n != nil {
			f[i] = int64(*n)
		}
	}
	fee, err := p.FeeAmount()
	if r.Combined != nil {
		fee, err = money.ParseCombined(p.Fees) // a combined report's fee may pass a unit's
	}
	if err != nil {
		return f, fmt.Errorf("%s %d 年的收费金额无效：%w", r.Agency, r.Year, err)
	}
	f[FeeIndex] = fee.Millionths()
	n := proactiveCells
	for _, row := range r.Applications {
		for _, v := range row {
			f[n] = int64(v)
			n++
		}
	}
	for _, row := range r.ReviewLitigation {
		for _, v := range row {
			f[n] = int64(v)
			n++
		}
	}
	return f, nil
}

// Add adds every figure of g to f.
func (f *Figures) Add(g *Figures) {
	for i := range f {
		f[i] += g[i]
	}
}

// Beyond names, in Chinese, every cell whose figure is beyond what r may
// hold (r.MaxFigureOf() and its fee's limit): a combined report's wider
// limits (report.MaxCombinedFigure, money.MaxCombined, which a province's
// sums fit), a unit's own report the unit's. nil when all fit.
func (f *Figures) Beyond(r *report.Report) []string {
	maxFee := money.MaxFile
	if r.Combined != nil {
		maxFee = money.MaxCombined
	}
	limit := int64(r.MaxFigureOf())
	var out []string
	for i, c := range cells {
		if c.Fee {
			if a := money.Amount(f[i]); a < 0 || a > maxFee {
				out = append(out, fmt.Sprintf("“%s”合计为 %s，超出年报文件能容纳的 %s", c.Label, c.Text(f[i]), maxFee))
			}
		} else if f[i] < 0 || f[i] > limit {
			out = append(out, fmt.Sprintf("“%s”合计为 %d，超出年报文件能容纳的 %d", c.Label, f[i], limit))
		}
	}
	return out
}

// Put writes the figures into r, leaving its text alone. A figure beyond what
// r may hold (see Beyond: mark r combined first to give it a combined
// report's limits) is an error naming the cell.
func (f *Figures) Put(r *report.Report) error {
	if beyond := f.Beyond(r); len(beyond) > 0 {
		return errors.New(strings.Join(beyond, "；"))
	}
	f.write(r)
	return nil
}

// write writes the figures into r, whether or not a file could hold them.
func (f *Figures) write(r *report.Report) {
	for i := range proactiveCells {
		switch n, s := cells[i].Field.Pointer(r); {
		case n != nil:
			*n = int(f[i])
		case s != nil:
			*s = money.Amount(f[i]).String()
		}
	}
	n := proactiveCells
	for i := range r.Applications {
		for c := range r.Applications[i] {
			r.Applications[i][c] = int(f[n])
			n++
		}
	}
	for g := range r.ReviewLitigation {
		for c := range r.ReviewLitigation[g] {
			r.ReviewLitigation[g][c] = int(f[n])
			n++
		}
	}
}

// Sparse holds a unit's figures compactly: only the cells that are not 0 (a
// unit's report is mostly zeros), so that a round of many units keeps little
// per unit. The zero value is all zeros.
type Sparse struct {
	idx []uint8 // cell indexes in increasing order (NumCells < 256)
	val []int64
}

// Compact returns f as a Sparse.
func (f *Figures) Compact() Sparse {
	n := 0
	for _, v := range f {
		if v != 0 {
			n++
		}
	}
	s := Sparse{idx: make([]uint8, 0, n), val: make([]int64, 0, n)}
	for i, v := range f {
		if v != 0 {
			s.idx = append(s.idx, uint8(i))
			s.val = append(s.val, v)
		}
	}
	return s
}

// At returns the figure of cell i.
func (s Sparse) At(i int) int64 {
	lo, hi := 0, len(s.idx)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case int(s.idx[m]) == i:
			return s.val[m]
		case int(s.idx[m]) < i:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0
}

// Full returns every figure.
func (s Sparse) Full() Figures {
	var f Figures
	for k, i := range s.idx {
		f[i] = s.val[k]
	}
	return f
}

// AddTo adds the figures to f.
func (s Sparse) AddTo(f *Figures) {
	for k, i := range s.idx {
		f[i] += s.val[k]
	}
}
