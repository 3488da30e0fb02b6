// Package sheet writes a combining round (汇总) as an .xlsx workbook, the way
// offices that live in Excel and WPS 表格 want it: the combined three tables
// laid out as printed (from the printed model, merged heads and all), every
// unit's figures with a 合计 row (where each figure of the sum comes from), every
// unit's findings, and the status of every unit. Figures are written as values,
// never formulas (some WPS versions show a formula without a cached value as 0
// or blank); fonts are named in Chinese; head rows are frozen.
package sheet

import (
	"fmt"
	"io"
	"strconv"

	"nianbao/app/workbook"
	"nianbao/data/check"
	"nianbao/data/combine"
	"nianbao/data/money"
	"nianbao/data/printed"
	"nianbao/data/report"
)

// Sheet names, in workbook order.
const (
	TablesSheet   = "汇总表"
	UnitsSheet    = "各单位数据"
	FindingsSheet = "检查结果"
	StatusSheet   = "收报情况"
)

// Fonts named as Chinese Office and WPS know them.
const (
	bodyFont = "宋体"
	headFont = "黑体"
)

type styles struct {
	title, head, rowHead, rowHeadLeft, figure, fee, text, total int
}

func newStyles(f *workbook.Book) styles {
	add := func(font string, size float64, bold bool, align string, wrap, border bool, fill string, numFmt int) int {
		return f.AddStyle(workbook.Style{Font: font, Size: size, Bold: bold, HAlign: align, Wrap: wrap, Border: border, Fill: fill, NumFmt: numFmt})
	}
	return styles{
		title:       add(headFont, 14, false, "left", false, false, "", 0),
		head:        add(headFont, 10, false, "center", true, true, "EDEDED", 0),
		rowHead:     add(bodyFont, 10, false, "center", true, true, "", 0),
		rowHeadLeft: add(bodyFont, 10, false, "left", true, true, "", 0),
		figure:      add(bodyFont, 10, false, "center", false, true, "", 1),
		fee:         add(bodyFont, 10, false, "center", false, true, "", 0),
		text:        add(bodyFont, 10, false, "left", true, true, "", 0),
		total:       add(headFont, 10, true, "center", false, true, "FFF2CC", 0),
	}
}

// Write writes the workbook of res to w.
func Write(w io.Writer, res *combine.Result) error {
	f := workbook.New(bodyFont, TablesSheet, UnitsSheet, FindingsSheet, StatusSheet)
	st := newStyles(f)
	for _, step := range []struct {
		name string
		fill func(*workbook.Book, styles, *combine.Result) error
	}{
		{TablesSheet, writeTables},
		{UnitsSheet, writeUnits},
		{FindingsSheet, writeFindings},
		{StatusSheet, writeStatus},
	} {
		if err := step.fill(f, st, res); err != nil {
			return fmt.Errorf("无法生成工作表“%s”：%w", step.name, err)
		}
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("无法写出表格文件：%w", err)
	}
	return nil
}

// figureValue is a figure as a spreadsheet value: a whole number, or the fee
// in 万元 as a number whose decimal form is exactly the fixed-point sum (float64
// holds every decimal of up to 15 significant digits exactly as its shortest
// form; a longer one is written as text rather than rounded).
func figureValue(c combine.Cell, v int64) any {
	if !c.Fee {
		return v
	}
	s := money.Amount(v).String()
	if len(s) > 16 {
		return s
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	return x
}

// writeTables lays out the combined report's three tables as printed: the
// printed model's cells with their spans, one table under the other.
func writeTables(f *workbook.Book, st styles, res *combine.Result) error {
	tab := f.Sheet(TablesSheet)
	included := 0
	for _, u := range res.Units {
		if u.Included {
			included++
		}
	}
	title := fmt.Sprintf("%s %d 年政府信息公开工作年度报告 统计表汇总（%d 个单位合计）", res.Agency, res.Year, included)
	if err := tab.SetCellValue("A1", title); err != nil {
		return err
	}
	if err := tab.SetCellStyle("A1", "A1", st.title); err != nil {
		return err
	}
	byPath := map[string]combine.Cell{}
	for _, c := range combine.Cells() {
		byPath[c.Path] = c
	}
	row := 3
	maxCols := 0
	widths := tableColWidths
	for _, t := range printed.Tables() {
		if t.Cols > maxCols {
			maxCols = t.Cols
		}
		if err := tab.SetCellValue(workbook.CellName(1, row), t.Heading); err != nil {
			return err
		}
		if err := tab.SetCellStyle(workbook.CellName(1, row), workbook.CellName(1, row), st.title); err != nil {
			return err
		}
		row++
		for _, c := range t.Cells {
			top := workbook.CellName(c.Col+1, row+c.Row)
			bottom := workbook.CellName(c.Col+c.ColSpan, row+c.Row+c.RowSpan-1)
			style := st.head
			switch c.Kind {
			case printed.KindRowHead:
				style = st.rowHead
				if c.Align == printed.AlignStart {
					style = st.rowHeadLeft
				}
			case printed.KindFigure:
				style = st.figure
			}
			var value any = c.Text
			if c.Kind == printed.KindFigure {
				cell := findCell(c.Field)
				value = figureValue(cell, res.Sum[cell.Index])
				if cell.Fee {
					style = st.fee
				}
			}
			if err := tab.SetCellValue(top, value); err != nil {
				return err
			}
			if top != bottom {
				if err := tab.MergeCell(top, bottom); err != nil {
					return err
				}
			}
			if err := tab.SetCellStyle(top, bottom, style); err != nil {
				return err
			}
		}
		for r, h := range labelHeights(t, widths) {
			if err := tab.SetRowHeight(row+r, h); err != nil {
				return err
			}
		}
		row += t.Rows + 1
	}
	for c := 1; c <= maxCols; c++ {
		w := widths[len(widths)-1]
		if c <= len(widths) {
			w = widths[c-1]
		}
		if err := tab.SetColWidth(c, c, w); err != nil {
			return err
		}
	}
	tab.Landscape = true // printed landscape, one page wide
	return tab.SetPanes(workbook.Pane{YSplit: 1, TopLeft: "A2", Active: "bottomLeft"})
}

// tableColWidths are the column widths of the printed tables sheet, in
// characters; the last one serves every further column.
var tableColWidths = []float64{14, 22, 40, 11}

// labelHeights gives each row of a table the height its labels need, in
// points: a CJK character takes two units of column width, a line 14 points.
func labelHeights(t *printed.Table, widths []float64) []float64 {
	h := make([]float64, t.Rows)
	for i := range h {
		h[i] = 18
	}
	for _, c := range t.Cells {
		if c.Text == "" || c.RowSpan != 1 {
			continue
		}
		var w float64
		for i := c.Col; i < c.Col+c.ColSpan; i++ {
			if i < len(widths) {
				w += widths[i]
			} else {
				w += widths[len(widths)-1]
			}
		}
		units := 0.0
		for _, r := range c.Text {
			if r < 0x2E80 {
				units++
			} else {
				units += 2
			}
		}
		lines := float64(int(units/(w-1)) + 1)
		if need := lines*14 + 4; need > h[c.Row] {
			h[c.Row] = need
		}
	}
	return h
}

// findCell is the combine cell of a printed figure.
func findCell(f *printed.Field) combine.Cell {
	for _, c := range combine.Cells() {
		if c.Field.Part == f.Part && c.Field.Row == f.Row && c.Field.Index == f.Index {
			return c
		}
	}
	return combine.Cell{}
}

// partHeading is the heading of the part named by its numeral.
func partHeading(numeral string) string {
	for i, n := range report.PartNames {
		if n == numeral {
			return report.PartHeadings[i]
		}
	}
	return numeral
}

// unitCols are the columns before the figures in the units sheet.
var unitCols = []string{"单位", "类型", "分组", "状态"}

// writeUnits writes units × figures: three head rows (part, row, column of
// every cell), one row per counted unit, and the 合计 row. It streams, so
// that thousands of units cost no more than their rows.
func writeUnits(f *workbook.Book, st styles, res *combine.Result) error {
	sw := f.Sheet(UnitsSheet)
	cells := combine.Cells()
	first := len(unitCols) + 1
	if err := sw.SetColWidth(1, 1, 30); err != nil {
		return err
	}
	if err := sw.SetColWidth(2, len(unitCols), 10); err != nil {
		return err
	}
	if err := sw.SetColWidth(first, first+len(cells)-1, 12); err != nil {
		return err
	}
	if err := sw.SetPanes(workbook.Pane{XSplit: 1, YSplit: 3, TopLeft: "B4", Active: "bottomRight"}); err != nil {
		return err
	}
	heads := [3][]workbook.Cell{}
	for r := range heads {
		heads[r] = make([]workbook.Cell, first-1+len(cells))
		for i, h := range unitCols {
			heads[r][i] = workbook.Cell{Style: st.head, Value: h}
		}
	}
	for i, c := range cells {
		part := partHeading(c.Part)
		heads[0][first-1+i] = workbook.Cell{Style: st.head, Value: part}
		heads[1][first-1+i] = workbook.Cell{Style: st.head, Value: c.Field.RowLabel}
		heads[2][first-1+i] = workbook.Cell{Style: st.head, Value: c.Column}
	}
	for r, vals := range heads {
		if err := sw.SetRow(workbook.CellName(1, r+1), vals, [3]float64{18, 60, 30}[r]); err != nil {
			return err
		}
	}
	// Merge the head: the four unit columns down, each part across, each row label across.
	for i := range unitCols {
		if err := sw.MergeCell(workbook.CellName(i+1, 1), workbook.CellName(i+1, 3)); err != nil {
			return err
		}
	}
	for _, level := range []struct {
		row int
		key func(c combine.Cell) string
	}{
		{1, func(c combine.Cell) string { return c.Part }},
		{2, func(c combine.Cell) string { return c.Part + "\x00" + c.Row }},
	} {
		start := 0
		for i := 1; i <= len(cells); i++ {
			if i < len(cells) && level.key(cells[i]) == level.key(cells[start]) {
				continue
			}
			if i-1 > start {
				if err := sw.MergeCell(workbook.CellName(first+start, level.row), workbook.CellName(first+i-1, level.row)); err != nil {
					return err
				}
			}
			start = i
		}
	}
	row := 4
	for _, u := range res.Units {
		if !u.Included {
			continue
		}
		vals := make([]workbook.Cell, first-1+len(cells))
		vals[0] = workbook.Cell{Style: st.text, Value: u.Name}
		vals[1] = workbook.Cell{Style: st.rowHead, Value: combine.TypeLabel(u.Type)}
		vals[2] = workbook.Cell{Style: st.rowHead, Value: u.Group}
		vals[3] = workbook.Cell{Style: st.rowHead, Value: u.Status.Label()}
		figs := u.Figures.Full()
		for i, c := range cells {
			vals[first-1+i] = workbook.Cell{Style: st.figure, Value: figureValue(c, figs[i])}
		}
		if err := sw.SetRow(workbook.CellName(1, row), vals); err != nil {
			return err
		}
		row++
	}
	vals := make([]workbook.Cell, first-1+len(cells))
	vals[0] = workbook.Cell{Style: st.total, Value: "合计"}
	for i := 1; i < first-1; i++ {
		vals[i] = workbook.Cell{Style: st.total, Value: ""}
	}
	for i, c := range cells {
		vals[first-1+i] = workbook.Cell{Style: st.total, Value: figureValue(c, res.Sum[i])}
	}
	if err := sw.SetRow(workbook.CellName(1, row), vals); err != nil {
		return err
	}
	return nil
}

var findingHeads = []any{"单位", "检查的是", "类别", "部分", "行", "列", "说明"}

// writeFindings lists the round's problems, the findings of the sum, the
// hierarchy check and every unit's findings.
func writeFindings(f *workbook.Book, st styles, res *combine.Result) error {
	sw := f.Sheet(FindingsSheet)
	widths := []float64{30, 8, 8, 6, 24, 14, 90}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(workbook.Pane{YSplit: 1, TopLeft: "A2", Active: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]workbook.Cell, len(findingHeads))
	for i, h := range findingHeads {
		head[i] = workbook.Cell{Style: st.head, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	row := 2
	put := func(vals ...any) error {
		out := make([]workbook.Cell, len(vals))
		for i, v := range vals {
			out[i] = workbook.Cell{Style: st.text, Value: v}
		}
		err := sw.SetRow(workbook.CellName(1, row), out)
		row++
		return err
	}
	for _, p := range res.Problems {
		if err := put(p.Unit, "", "收报", "", "", "", p.Message); err != nil {
			return err
		}
	}
	findings := func(unit string, fs []check.Finding) error {
		for _, x := range fs {
			kind := "警告"
			if x.Severity == check.Error {
				kind = "错误"
			}
			// The rule and the row in words, never their codes and keys (W4, rules).
			if err := put(unit, check.RuleName(x.Rule), kind, x.Part, printed.RowName(x.Part, x.Row), x.Column, x.Message); err != nil {
				return err
			}
		}
		return nil
	}
	if err := findings(res.Agency+"（合计）", res.Findings); err != nil {
		return err
	}
	if err := findings(res.Agency+"（本级报告与合计核对）", res.Hierarchy); err != nil {
		return err
	}
	for _, u := range res.Units {
		if err := findings(u.Name, u.Findings); err != nil {
			return err
		}
	}
	return nil
}

// writeStatus is the status list: one row per unit.
func writeStatus(f *workbook.Book, st styles, res *combine.Result) error {
	sw := f.Sheet(StatusSheet)
	heads := []string{"单位", "类型", "分组", "状态", "收到时间", "来源", "错误", "警告", "计入合计"}
	heads = append(heads, combine.KeyFigureLabels[:]...)
	widths := []float64{30, 10, 12, 8, 17, 40, 6, 6, 22}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetColWidth(len(widths)+1, len(heads), 10); err != nil {
		return err
	}
	if err := sw.SetPanes(workbook.Pane{YSplit: 1, TopLeft: "A2", Active: "bottomLeft"}); err != nil {
		return err
	}
	row := make([]workbook.Cell, len(heads))
	for i, h := range heads {
		row[i] = workbook.Cell{Style: st.head, Value: h}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for n, u := range res.Units {
		received, included := "", "否"
		if !u.At.IsZero() {
			received = u.At.Local().Format("2006-01-02 15:04")
		}
		switch {
		case u.Included:
			included = "是"
		case u.LeftOutWhy != "":
			included = "否（" + u.LeftOutWhy + "）"
		}
		vals := []any{u.Name, combine.TypeLabel(u.Type), u.Group, u.Status.Label(), received, u.Source, u.Errors, u.Warnings, included}
		out := make([]workbook.Cell, 0, len(heads))
		for _, v := range vals {
			out = append(out, workbook.Cell{Style: st.text, Value: v})
		}
		for _, v := range u.Key().Values() {
			if u.Source == "" {
				out = append(out, workbook.Cell{Style: st.figure, Value: ""})
			} else {
				out = append(out, workbook.Cell{Style: st.figure, Value: v})
			}
		}
		if err := sw.SetRow(workbook.CellName(1, n+2), out); err != nil {
			return err
		}
	}
	return nil
}
