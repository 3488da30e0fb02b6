package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// entryHeight is the height of one row of figures.
func entryHeight() float32 { return widget.NewEntry().MinSize().Height }

// addNum adds an editable figure to a table and registers it for findings
// and for the preview's clicks.
func (e *Editor) addNum(t *tableBuilder, g *navGrid, s cellSpec) *numCell {
	f := s.field
	c := newNumCell(e, cellName(f.RowLabel, f.Column), s.count, s.fee)
	c.field = f
	c.key = spotKey(f.Part, f.Row, f.Column)
	c.span = s.span
	t.add(c.obj, s.span)
	g.put(c, s.grow, s.gcol)
	e.cells = append(e.cells, c)
	e.addSpot(s.tab, f.Part, f.Row, f.Column, c.setMark, func() { e.focusCell(c) })
	e.printed[[3]int{s.tab, s.span.row, s.span.col}] = func() { e.focusCell(c) }
	return c
}

// addTotal adds the computed total s.stated; near is the editable cell the
// cursor goes to when a finding names the total.
func (e *Editor) addTotal(t *tableBuilder, g *navGrid, s cellSpec, near func() *numCell) *totalCell {
	f := s.field
	c := newTotalCell(s.stated)
	t.add(c.obj, s.span)
	g.reserve(s.grow, s.gcol)
	e.addSpot(s.tab, f.Part, f.Row, f.Column, c.setMark, func() { e.focusCell(near()) })
	e.printed[[3]int{s.tab, s.span.row, s.span.col}] = func() { e.focusCell(near()) }
	return c
}

// gridCell is a figure cell of the printed model at its place in the
// editor's grid of figures: the grid row counts the table rows that hold
// figures, the grid column the figures in that row.
type gridCell struct {
	cell       *printed.Cell
	grow, gcol int
}

// buildTable adds the printed table m to a table builder: its labels (heads
// and captions bold and centred), an editable cell for every figure the user
// types, and a read-only cell for every total the program computes (total
// says what to do with those; nil when the table has none). Every figure of
// a row is also registered under the row with no column, so that a finding
// about a whole row marks the whole row.
func (e *Editor) buildTable(m *printed.Table, tab int, colW []float32,
	total func(t *tableBuilder, g *navGrid, gc gridCell)) (*tableBuilder, *navGrid) {
	var figs []gridCell
	rowOf := map[int]int{}
	for _, c := range m.Cells {
		if c.Kind != printed.KindFigure {
			continue
		}
		if _, ok := rowOf[c.Row]; !ok {
			rowOf[c.Row] = len(rowOf)
		}
		gcol := 0
		if n := len(figs); n > 0 && figs[n-1].cell.Row == c.Row {
			gcol = figs[n-1].gcol + 1
		}
		figs = append(figs, gridCell{c, rowOf[c.Row], gcol})
	}
	t := newTableBuilder(colW, m.Rows, entryHeight(), frozenRows(m, figs), figs[0].cell.Col)
	for _, gc := range figs {
		t.frozenCols = min(t.frozenCols, gc.cell.Col)
	}
	g := newNavGrid(e, tab, len(rowOf))
	e.grids[tab] = g
	for _, c := range m.Cells {
		if c.Kind != printed.KindFigure {
			t.label(c.Text, c.Kind != printed.KindRowHead, c.Row, c.Col, c.RowSpan, c.ColSpan)
		}
	}
	var rows []string
	for _, gc := range figs {
		c, f := gc.cell, gc.cell.Field
		if len(rows) == 0 || rows[len(rows)-1] != f.Row {
			rows = append(rows, f.Row)
		}
		s := span{c.Row, c.Col, c.RowSpan, c.ColSpan}
		if f.Computed && total != nil {
			total(t, g, gc)
			continue
		}
		count, fee := f.Pointer(&e.work)
		e.addNum(t, g, cellSpec{tab: tab, field: f, count: count, fee: fee, span: s, grow: gc.grow, gcol: gc.gcol})
	}
	part := m.PartName()
	for _, row := range rows {
		var all []*spot
		for _, gc := range figs {
			if f := gc.cell.Field; f.Row == row {
				all = append(all, e.byKey[spotKey(part, row, f.Column)]...)
			}
		}
		e.byKey[spotKey(part, row, "")] = all
	}
	return t, g
}

// frozenRows is the number of column head rows that stay in view: the rows
// above the first figure when every row from there on holds figures (part
// 三, part 四); none when heads come again between the figures (part 二's
// blocks).
func frozenRows(m *printed.Table, figs []gridCell) int {
	first := figs[0].cell.Row
	has := map[int]bool{}
	for _, gc := range figs {
		has[gc.cell.Row] = true
	}
	for r := first; r < m.Rows; r++ {
		if !has[r] {
			return 0
		}
	}
	return first
}

// buildProactive builds the table of part 二: four blocks, each with a caption row.
func (e *Editor) buildProactive() fyne.CanvasObject {
	t, _ := e.buildTable(printed.Proactive(), tabProactive, []float32{220, 170, 170, 170}, nil)
	return e.tableTab(tabProactive, t, nil)
}

// buildApplications builds the 25 × 7 table of part 三 laid out as printed:
// three label columns with merged cells, six applicant columns and the total.
func (e *Editor) buildApplications() fyne.CanvasObject {
	const tab = tabApplications
	a := &e.work.Applications
	colW := []float32{96, 170, 300}
	for c := 0; c < report.ApplicantCols; c++ {
		colW = append(colW, 80)
	}
	colW = append(colW, 130)
	t, _ := e.buildTable(printed.Applications(), tab, colW, func(t *tableBuilder, g *navGrid, gc gridCell) {
		c, f := gc.cell, gc.cell.Field
		i, _ := report.AppRowIndex(f.Row)
		// the cursor goes to the figure the total adds up: above （七）总计, at the row's start for 总计
		near := func() *numCell {
			r, cc := i, f.Index
			if r == report.RowTotal {
				r = report.LastResultRow
			}
			if cc == report.ColTotal {
				cc = report.ColNaturalPerson
			}
			return g.cells[r][cc]
		}
		tc := e.addTotal(t, g, cellSpec{tab: tab, field: f, stated: &a[i][f.Index],
			span: span{c.Row, c.Col, 1, 1}, grow: gc.grow, gcol: gc.gcol}, near)
		e.appTotals = append(e.appTotals, gridTotal{tc, i, f.Index})
	})
	e.acceptApps = widget.NewButton("采用计算值", func() { e.accept(tabApplications) })
	return e.tableTab(tab, t, e.acceptApps)
}

// buildCases builds the table of part 四: 行政复议 and two groups of 行政诉讼,
// five columns each, as one printed row.
func (e *Editor) buildCases() fyne.CanvasObject {
	const tab = tabCases
	rl := &e.work.ReviewLitigation
	var colW []float32
	for g := 0; g < report.CaseGroups; g++ {
		for c := 0; c < report.CaseCols; c++ {
			if c == report.CaseTotal {
				colW = append(colW, 120)
			} else {
				colW = append(colW, 72)
			}
		}
	}
	t, _ := e.buildTable(printed.Cases(), tab, colW, func(t *tableBuilder, g *navGrid, gc gridCell) {
		c, f := gc.cell, gc.cell.Field
		gi := gc.gcol / report.CaseCols
		x := gc.gcol
		near := func() *numCell { return g.cells[0][x-1] }
		tc := e.addTotal(t, g, cellSpec{tab: tab, field: f, stated: &rl[gi][f.Index],
			span: span{c.Row, c.Col, 1, 1}, grow: gc.grow, gcol: gc.gcol}, near)
		e.caseTotals = append(e.caseTotals, gridTotal{tc, gi, f.Index})
	})
	e.acceptCases = widget.NewButton("采用计算值", func() { e.accept(tabCases) })
	return e.tableTab(tab, t, e.acceptCases)
}

// gridTotal is a computed total at (row, col) of its table.
type gridTotal struct {
	cell     *totalCell
	row, col int
}

// tableTab shows a table as a sheet between the texts printed before and
// after it, above its message line and, for the tables with totals, the
// 采用计算值 button. The sheet takes the room that is left and scrolls
// inside itself, its heads and labels frozen; the texts stay in view.
func (e *Editor) tableTab(tab int, t *tableBuilder, accept *widget.Button) fyne.CanvasObject {
	sh := t.build()
	e.grids[tab].sheet = sh
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	msg.Hide()
	e.messages[tab] = msg
	// the text the report prints before and after the table (format nianbao/2)
	texts := &e.tableTexts[tab-tabProactive]
	texts[0], texts[1] = newTableText(e, tab, false), newTableText(e, tab, true)
	bottom := container.NewVBox(msg)
	if accept != nil {
		accept.Importance = widget.WarningImportance
		accept.Hide()
		note := widget.NewLabel("红字为计算值，括号内为原表所填总计；核对无误后点击“采用计算值”以计算值为准。")
		note.Wrapping = fyne.TextWrapWord
		note.Hide()
		e.acceptNotes[tab] = note
		bottom.Add(container.NewBorder(nil, nil, nil, accept, note))
	}
	// Side by side, each one line high while empty: on a 1024×600 screen
	// every line given to them is a row of figures less.
	top := container.NewGridWithColumns(2, texts[0].content(), texts[1].content())
	e.frames[tab] = container.NewBorder(top, bottom, nil, nil, sh)
	return e.frames[tab]
}
