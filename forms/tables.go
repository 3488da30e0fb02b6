package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/report"
)

// Column labels of part 二 as printed (national format §2.4).
var docColumnLabels = [3]string{"本年制发件数", "本年废止件数", "现行有效件数"}

const (
	decisionsLabel = "本年处理决定数量"
	feeLabel       = "本年收费金额（单位：万元）"
)

// entryHeight is the height of one row of figures.
func entryHeight() float32 { return widget.NewEntry().MinSize().Height }

// addNum adds an editable figure to a table and registers it for findings.
func (e *Editor) addNum(t *tableBuilder, g *navGrid, tab int, part, rowKey, rowName, col string,
	count *int, fee *string, trow, tcol, tcols, grow, gcol int) *numCell {
	c := newNumCell(e, cellName(rowName, col), count, fee)
	c.key = spotKey(part, rowKey, col)
	t.add(c.obj, span{trow, tcol, 1, tcols})
	g.put(c, grow, gcol)
	e.cells = append(e.cells, c)
	e.addSpot(tab, part, rowKey, col, c.setMark, func() { e.focusCell(c) })
	return c
}

// addTotal adds a computed total; near is the editable cell the cursor goes
// to when a finding names the total.
func (e *Editor) addTotal(t *tableBuilder, g *navGrid, tab int, part, rowKey, col string,
	stated *int, trow, tcol, grow, gcol int, near func() *numCell) *totalCell {
	c := newTotalCell(stated)
	t.add(c.obj, span{trow, tcol, 1, 1})
	g.reserve(grow, gcol)
	e.addSpot(tab, part, rowKey, col, c.setMark, func() { e.focusCell(near()) })
	return c
}

// buildProactive builds the table of part 二: four blocks, each with a caption row.
func (e *Editor) buildProactive() fyne.CanvasObject {
	const tab = tabProactive
	p := &e.work.Proactive
	t := newTableBuilder([]float32{220, 170, 170, 170}, 14, entryHeight())
	g := newNavGrid(e, tab, 6)
	e.grids[tab] = g

	docs := []struct {
		key, label string
		d          *report.DocCounts
	}{{"rules", "规章", &p.Rules}, {"normative_documents", "行政规范性文件", &p.NormativeDocuments}}
	t.label("第二十条第（一）项", true, 0, 0, 1, 4)
	t.label("信息内容", true, 1, 0, 1, 1)
	for i, l := range docColumnLabels {
		t.label(l, true, 1, 1+i, 1, 1)
	}
	for i, d := range docs {
		t.label(d.label, false, 2+i, 0, 1, 1)
		figs := []*int{&d.d.Issued, &d.d.Repealed, &d.d.InForce}
		for j, f := range figs {
			e.addNum(t, g, tab, "二", d.key, d.label, docColumnLabels[j], f, nil, 2+i, 1+j, 1, i, j)
		}
	}
	e.rowSpots("二", len(docs), func(i int) string { return docs[i].key }, docColumnLabels[:])

	single := []struct {
		caption, head, key, label string
		count                     *int
		fee                       *string
		trow, grow                int
	}{
		{"第二十条第（五）项", decisionsLabel, "licensing", "行政许可", &p.Licensing, nil, 4, 2},
		{"第二十条第（六）项", decisionsLabel, "penalty", "行政处罚", &p.Penalty, nil, 7, 3},
		{"", "", "coercion", "行政强制", &p.Coercion, nil, 10, 4},
		{"第二十条第（八）项", feeLabel, "fees", "行政事业性收费", nil, &p.Fees, 11, 5},
	}
	for _, s := range single {
		row := s.trow
		if s.caption != "" {
			t.label(s.caption, true, row, 0, 1, 4)
			t.label("信息内容", true, row+1, 0, 1, 1)
			t.label(s.head, true, row+1, 1, 1, 3)
			row += 2
		}
		t.label(s.label, false, row, 0, 1, 1)
		head := s.head
		if head == "" {
			head = decisionsLabel
		}
		c := e.addNum(t, g, tab, "二", s.key, s.label, head, s.count, s.fee, row, 1, 3, s.grow, 0)
		e.addSpot(tab, "二", s.key, "", c.setMark, func() { e.focusCell(c) })
	}
	return e.tableTab(tab, t.build(), nil)
}

// buildApplications builds the 25 × 7 table of part 三 laid out as printed:
// three label columns with merged cells, six applicant columns and the total.
func (e *Editor) buildApplications() fyne.CanvasObject {
	const tab = tabApplications
	const head = 3
	a := &e.work.Applications
	colW := []float32{96, 170, 300}
	for c := 0; c < report.ApplicantCols; c++ {
		colW = append(colW, 86)
	}
	colW = append(colW, 130)
	t := newTableBuilder(colW, head+report.AppRows, entryHeight())
	g := newNavGrid(e, tab, report.AppRows)
	e.grids[tab] = g

	t.label(report.AppTableNote, true, 0, 0, 3, 3)
	t.label("申请人情况", true, 0, 3, 1, 7)
	t.label(report.AppColumnLabels[report.ColNaturalPerson], true, 1, 3, 2, 1)
	t.label("法人或其他组织", true, 1, 4, 1, 5)
	t.label(report.AppColumnLabels[report.ColTotal], true, 1, 9, 2, 1)
	for c := report.ColCommercial; c <= report.ColOtherOrg; c++ {
		t.label(report.AppColumnLabels[c], true, 2, 3+c, 1, 1)
	}

	// Merged label cells: A over the 22 result rows, B over each group.
	for i := 0; i < report.AppRows; {
		info := report.AppRowInfos[i]
		end := i + 1
		for end < report.AppRows && report.AppRowInfos[end].A == info.A {
			end++
		}
		if info.B == "" {
			t.label(info.A, false, head+i, 0, 1, 3)
		} else {
			t.label(info.A, false, head+i, 0, end-i, 1)
		}
		i = end
	}
	for i := 0; i < report.AppRows; {
		info := report.AppRowInfos[i]
		end := i + 1
		if info.B == "" {
			i = end
			continue
		}
		for end < report.AppRows && report.AppRowInfos[end].B == info.B {
			end++
		}
		if info.C == "" {
			t.label(info.B, false, head+i, 1, 1, 2)
		} else {
			t.label(info.B, false, head+i, 1, end-i, 1)
			for j := i; j < end; j++ {
				t.label(report.AppRowInfos[j].C, false, head+j, 2, 1, 1)
			}
		}
		i = end
	}

	for i := 0; i < report.AppRows; i++ {
		info := report.AppRowInfos[i]
		for c := 0; c < report.AppCols; c++ {
			col := report.AppColumnLabels[c]
			if i == report.RowTotal || c == report.ColTotal {
				i, c := i, c
				near := func() *numCell {
					r, cc := i, c
					if r == report.RowTotal {
						r = report.LastResultRow
					}
					if cc == report.ColTotal {
						cc = report.ColNaturalPerson
					}
					return g.cells[r][cc]
				}
				tc := e.addTotal(t, g, tab, "三", info.Key, col, &a[i][c], head+i, 3+c, i, c, near)
				e.appTotals = append(e.appTotals, gridTotal{tc, i, c})
				continue
			}
			e.addNum(t, g, tab, "三", info.Key, info.FullLabel(), col, &a[i][c], nil, head+i, 3+c, 1, i, c)
		}
	}
	e.rowSpots("三", report.AppRows, func(i int) string { return report.AppRowInfos[i].Key }, report.AppColumnLabels[:])
	e.acceptApps = widget.NewButton("采用计算值", func() { e.accept(tabApplications) })
	return e.tableTab(tab, t.build(), e.acceptApps)
}

// buildCases builds the table of part 四: 行政复议 and two groups of 行政诉讼,
// five columns each, as one printed row.
func (e *Editor) buildCases() fyne.CanvasObject {
	const tab = tabCases
	const head = 3
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
	t := newTableBuilder(colW, head+1, entryHeight())
	g := newNavGrid(e, tab, 1)
	e.grids[tab] = g

	t.label("行政复议", true, 0, 0, 1, 5)
	t.label("行政诉讼", true, 0, 5, 1, 10)
	for c, l := range report.CaseColumnLabels {
		t.label(l, true, 1, c, 2, 1)
	}
	for gi, info := range report.CaseGroupInfos[1:] {
		t.label(info.Label, true, 1, 5+5*gi, 1, 5)
		for c, l := range report.CaseColumnLabels {
			t.label(l, true, 2, 5+5*gi+c, 1, 1)
		}
	}
	for gi, info := range report.CaseGroupInfos {
		for c := 0; c < report.CaseCols; c++ {
			col := report.CaseColumnLabels[c]
			x := gi*report.CaseCols + c
			if c == report.CaseTotal {
				near := func() *numCell { return g.cells[0][x-1] }
				tc := e.addTotal(t, g, tab, "四", info.Key, col, &rl[gi][c], head, x, 0, x, near)
				e.caseTotals = append(e.caseTotals, gridTotal{tc, gi, c})
				continue
			}
			e.addNum(t, g, tab, "四", info.Key, info.FullLabel(), col, &rl[gi][c], nil, head, x, 1, 0, x)
		}
	}
	var keys [report.CaseGroups]string
	for i, info := range report.CaseGroupInfos {
		keys[i] = info.Key
	}
	e.rowSpots("四", report.CaseGroups, func(i int) string { return keys[i] }, report.CaseColumnLabels[:])
	e.acceptCases = widget.NewButton("采用计算值", func() { e.accept(tabCases) })
	return e.tableTab(tab, t.build(), e.acceptCases)
}

// gridTotal is a computed total at (row, col) of its table.
type gridTotal struct {
	cell     *totalCell
	row, col int
}

// rowSpots registers every cell of a row under the row's key with no column,
// so that a finding about a whole row marks the whole row.
func (e *Editor) rowSpots(part string, rows int, key func(int) string, cols []string) {
	for i := 0; i < rows; i++ {
		k := key(i)
		var all []*spot
		for _, col := range cols {
			all = append(all, e.byKey[spotKey(part, k, col)]...)
		}
		e.byKey[spotKey(part, k, "")] = all
	}
}

// tableTab puts a table in a scroll area above its message line and, for the
// tables with totals, the 采用计算值 button.
func (e *Editor) tableTab(tab int, table *fyne.Container, accept *widget.Button) fyne.CanvasObject {
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	msg.Hide()
	e.messages[tab] = msg
	scroll := container.NewScroll(container.NewVBox(table))
	e.scrolls[tab] = scroll
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
	e.frames[tab] = container.NewBorder(nil, bottom, nil, nil, scroll)
	return e.frames[tab]
}
