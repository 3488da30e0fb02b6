package forms

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"nianbao/assets"
	"nianbao/data/printed"
	"nianbao/data/report"
)

// Editor sizes the window leaves on the screens the issue names: a 1024×600
// screen gives a 1008×560 window, whose menu, tool bar and status line leave
// the editor about 1008×440; with the 预览 open it has 60 % of the width.
// A 1366×768 screen gives a 1280×728 window.
var editorSizes = []struct {
	name string
	size fyne.Size
}{
	{"1024×600", fyne.NewSize(1008, 440)},
	{"1024×600 with 预览", fyne.NewSize(600, 440)},
	{"1366×768", fyne.NewSize(1280, 610)},
}

// busyEditor shows the busy example in an editor of the given size, on part 三.
func busyEditor(t *testing.T, size fyne.Size) (*Editor, fyne.Window, *sheet) {
	t.Helper()
	e, w := newTestEditor(t)
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	e.SetReport(r, nil)
	w.Resize(size)
	e.selectTab(tabApplications)
	return e, w, e.grids[tabApplications].sheet
}

func absPos(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// labelCell finds the label cell showing text in quadrant q of a sheet.
func labelCell(t *testing.T, s *sheet, q int, text string) fyne.CanvasObject {
	t.Helper()
	for _, o := range s.quads[q].Objects {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 2 {
			if l, ok := c.Objects[1].(*breakLabel); ok && l.source == text {
				return o
			}
		}
	}
	t.Fatalf("no label %q in quadrant %d", text, q)
	return nil
}

// Every figure of the three tables can be brought into view at every size,
// by the keyboard's cursor for the figures the user types and by scrolling
// for the totals; the row labels shrink into a narrower column but never
// below three characters.
func TestEveryFigureReachable(t *testing.T) {
	tabs := map[string]int{"proactive": tabProactive, "applications": tabApplications, "review_litigation": tabCases}
	for _, sz := range editorSizes {
		t.Run(sz.name, func(t *testing.T) {
			e, w, _ := busyEditor(t, sz.size)
			for _, tb := range printed.Tables() {
				tab := tabs[tb.ID]
				e.selectTab(tab)
				s := e.grids[tab].sheet
				var figW float32
				for _, w := range s.natural[s.frozenCols:] {
					figW += w
				}
				// the labels leave room for the figures, or take at most labelShare
				if width := s.Size().Width; s.frozenX() > max(labelShare*width, width-figW)+float32(s.frozenCols)+1 {
					t.Errorf("%s: the row labels take %v of %v", tb.ID, s.frozenX(), s.Size().Width)
				}
				var labelW float32
				for _, w := range s.natural[:s.frozenCols] {
					labelW += w
				}
				if width := s.Size().Width; s.frozenCols > 0 && labelW+figW+theme.ScrollBarSize() <= width && s.frozenX() != labelW+1 {
					t.Errorf("%s: the row labels are %v wide with room for their %v", tb.ID, s.frozenX(), labelW)
				}
				for i := 0; i < s.frozenCols; i++ {
					if s.colX[i+1]-s.colX[i] < minLabelCol {
						t.Errorf("%s: label column %d is %v wide", tb.ID, i, s.colX[i+1]-s.colX[i])
					}
				}
				for _, c := range tb.Figures() {
					sp := span{c.Row, c.Col, c.RowSpan, c.ColSpan}
					if f, ok := e.printed[[3]int{tab, c.Row, c.Col}]; ok && !c.Field.Computed {
						s.scrollTo(fyne.Position{}) // from the top left
						f()
						if got := w.Canvas().Focused(); got == nil || !s.visible(sp) {
							t.Errorf("%s %s · %s: the cursor's cell is not in view (offset %v)", tb.ID, c.Field.RowLabel, c.Field.Column, s.scroll.Offset)
						}
						continue
					}
					s.reveal(sp)
					if !s.visible(sp) {
						t.Errorf("%s %s · %s: the total cannot be scrolled into view", tb.ID, c.Field.RowLabel, c.Field.Column)
					}
				}
			}
		})
	}
}

// The column heads and the row labels stay while the figures scroll: the
// wheel over a figure scrolls the body down and the labels with it, the heads
// stay put; sideways the heads follow and the labels stay.
func TestFrozenHeadsAndLabels(t *testing.T) {
	e, w, s := busyEditor(t, fyne.NewSize(600, 440))
	head := labelCell(t, s, quadHeads, "自然人")
	label := labelCell(t, s, quadLabels, "二、上年结转政府信息公开申请数量")
	corner := labelCell(t, s, quadCorner, printed.Applications().Cells[0].Text)
	cell := appCell(t, e, report.RowCarriedOver, report.ColNaturalPerson)
	headAt, labelAt, cornerAt, cellAt := absPos(head), absPos(label), absPos(corner), absPos(cell.obj)
	if labelAt.Y != cellAt.Y {
		t.Fatalf("row label at %v, its figure at %v", labelAt, cellAt)
	}

	test.Scroll(w.Canvas(), cellAt.Add(fyne.NewPos(5, 5)), 0, -100)
	dy := s.scroll.Offset.Y
	if dy <= 0 {
		t.Fatalf("the wheel over a figure did not scroll (offset %v)", s.scroll.Offset)
	}
	if got := absPos(head); got != headAt {
		t.Errorf("the column head moved from %v to %v", headAt, got)
	}
	if got := absPos(corner); got != cornerAt {
		t.Errorf("the corner moved from %v to %v", cornerAt, got)
	}
	if got, want := absPos(label), labelAt.SubtractXY(0, dy); got != want {
		t.Errorf("the row label is at %v, want %v with its figures", got, want)
	}
	if got := absPos(cell.obj); got.Y != cellAt.Y-dy {
		t.Errorf("the figure is at %v after scrolling %v", got, dy)
	}

	// sideways: over a head, as the wheel with Shift gives it
	test.Scroll(w.Canvas(), headAt.Add(fyne.NewPos(5, 5)), -120, 0)
	dx := s.scroll.Offset.X
	if dx <= 0 {
		t.Fatalf("the wheel over a head did not scroll sideways (offset %v)", s.scroll.Offset)
	}
	if got := absPos(label); got.X != labelAt.X {
		t.Errorf("the row label moved sideways to %v", got)
	}
	if got := absPos(head); got != headAt.SubtractXY(dx, 0) {
		t.Errorf("the head is at %v, want %v with its column", got, headAt.SubtractXY(dx, 0))
	}
	// over a row label the wheel scrolls the figures too
	test.Scroll(w.Canvas(), absPos(label).Add(fyne.NewPos(5, 5)), 0, -50)
	if s.scroll.Offset.Y <= dy {
		t.Errorf("the wheel over a row label did not scroll (offset %v)", s.scroll.Offset)
	}
}

// The wheel over a figure's box scrolls the table (the box's own scroller
// took it before), and the box still takes everything else.
func TestWheelOverFigureAndClick(t *testing.T) {
	for _, sz := range editorSizes {
		t.Run(sz.name, func(t *testing.T) {
			e, w, s := busyEditor(t, sz.size)
			cell := appCell(t, e, report.RowGranted, report.ColCommercial)
			at := absPos(cell.entry).Add(fyne.NewPos(10, 10))
			test.Scroll(w.Canvas(), at, 0, -60)
			if s.scroll.Offset.Y <= 0 {
				t.Fatalf("the wheel over %s did not scroll", cell.name)
			}
		})
	}
	// The catcher takes the wheel only: a click, a drag and the pointer's
	// shape go to the box under it (the window's driver looks for each kind
	// of receiver on its own).
	var c fyne.CanvasObject = newWheelCatcher(func(*fyne.ScrollEvent) {})
	_, tap := c.(fyne.Tappable)
	_, dtap := c.(fyne.DoubleTappable)
	_, mouse := c.(desktop.Mouseable)
	_, drag := c.(fyne.Draggable)
	_, focus := c.(fyne.Focusable)
	_, cursor := c.(desktop.Cursorable)
	_, hover := c.(desktop.Hoverable)
	if tap || dtap || mouse || drag || focus || cursor || hover {
		t.Error("the wheel catcher takes more than the wheel")
	}
}

// The keys move as in WPS 表格, and the cell the cursor goes to is scrolled
// into view.
func TestKeysMoveLikeASpreadsheet(t *testing.T) {
	e, w, s := busyEditor(t, fyne.NewSize(600, 440))
	at := func(row, col int) *numCell { return appCell(t, e, row, col) }
	shift := func(down bool) {
		ev := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
		if f, ok := w.Canvas().Focused().(desktop.Keyable); ok {
			if down {
				f.KeyDown(ev)
			} else {
				f.KeyUp(ev)
			}
		}
	}
	withShift := func(k fyne.KeyName) func() {
		return func() { shift(true); press(w, k); shift(false) }
	}
	key := func(k fyne.KeyName, n int) func() {
		return func() {
			for i := 0; i < n; i++ {
				press(w, k)
			}
		}
	}
	// PageDown from 三(一) goes down about a view's height of rows, not one
	pageRow := func() int {
		c := w.Canvas().Focused().(*cellEntry).cell
		return c.row
	}
	e.focusCell(at(report.RowNew, report.ColNaturalPerson))
	steps := []struct {
		name     string
		do       func()
		row, col int
	}{
		{"Enter goes down", key(fyne.KeyReturn, 1), report.RowCarriedOver, report.ColNaturalPerson},
		{"Shift+Enter goes up", withShift(fyne.KeyReturn), report.RowNew, report.ColNaturalPerson},
		{"Tab×2 along the row", key(fyne.KeyTab, 2), report.RowNew, report.ColResearch},
		{"Enter back to where Tab began", key(fyne.KeyReturn, 1), report.RowCarriedOver, report.ColNaturalPerson},
		{"Right at the end of the text", func() { press(w, fyne.KeyEnd); press(w, fyne.KeyRight) }, report.RowCarriedOver, report.ColCommercial},
		{"Enter after an arrow stays in the column", key(fyne.KeyReturn, 1), report.RowGranted, report.ColCommercial},
		{"Down to the last row, scrolled into view", key(fyne.KeyDown, 30), report.RowCarriedForward, report.ColCommercial},
		{"Tab to 其他 at the right", key(fyne.KeyTab, 4), report.RowCarriedForward, report.ColOtherOrg},
		{"Up over the computed （七）总计", key(fyne.KeyUp, 1), report.RowOtherOther, report.ColOtherOrg},
		{"Shift+Tab back", withShift(fyne.KeyTab), report.RowOtherOther, report.ColLegalService},
		{"Enter on the last row goes on in reading order", func() { e.focusCell(at(report.RowCarriedForward, report.ColOtherOrg)); press(w, fyne.KeyReturn) }, report.RowNew, report.ColNaturalPerson},
	}
	for _, st := range steps {
		st.do()
		want := at(st.row, st.col)
		if got := w.Canvas().Focused(); got != fyne.Focusable(want.entry) {
			t.Fatalf("%s: focus on %s, want %s", st.name, describe(e, got), want.name)
		}
		if !s.visible(want.span) {
			t.Errorf("%s: %s is not in view (offset %v, view %v)", st.name, want.name, s.scroll.Offset, s.scroll.Size())
		}
	}
	if s.scroll.Offset != (fyne.Position{}) {
		t.Errorf("back at the first cell the table is scrolled to %v", s.scroll.Offset)
	}

	// PageDown and PageUp: a view's height of rows, in the same column
	e.focusCell(at(report.RowGranted, report.ColResearch))
	from := absPos(at(report.RowGranted, report.ColResearch).obj)
	press(w, fyne.KeyPageDown)
	down := pageRow()
	c := w.Canvas().Focused().(*cellEntry).cell
	if down <= report.RowPartlyGranted+1 || c.col != report.ColResearch || !s.visible(c.span) {
		t.Fatalf("PageDown went to %s", c.name)
	}
	if moved := from.Y - absPos(at(report.RowGranted, report.ColResearch).obj).Y; moved < s.scroll.Size().Height/2 {
		t.Errorf("PageDown scrolled %v of a %v view", moved, s.scroll.Size().Height)
	}
	press(w, fyne.KeyPageUp)
	c = w.Canvas().Focused().(*cellEntry).cell
	if c.row >= down || c.col != report.ColResearch || !s.visible(c.span) {
		t.Errorf("PageUp went to %s", c.name)
	}
	key(fyne.KeyPageUp, 3)()
	if c := w.Canvas().Focused().(*cellEntry).cell; c.row != report.RowNew || s.scroll.Offset.Y != 0 {
		t.Errorf("PageUp at the top went to %s, offset %v", c.name, s.scroll.Offset)
	}

	// Part 四 has one row: Enter goes along it.
	p4 := e.grids[tabCases]
	e.focusCell(p4.cells[0][0])
	press(w, fyne.KeyReturn)
	if w.Canvas().Focused() != fyne.Focusable(p4.cells[0][1].entry) {
		t.Errorf("Enter in part 四 went to %s", describe(e, w.Canvas().Focused()))
	}
	// the last cells of part 四 are scrolled into view at the right
	e.focusCell(p4.cells[0][len(p4.cells[0])-2])
	if c := w.Canvas().Focused().(*cellEntry).cell; !p4.sheet.visible(c.span) || p4.sheet.scroll.Offset.X <= 0 {
		t.Errorf("part 四's last figure is not in view (offset %v)", p4.sheet.scroll.Offset)
	}
}

// Last year's figure is shown under this year's, at the body text size less
// two points, in room the row makes for it.
func TestLastYearHintReadable(t *testing.T) {
	e, w := newTestEditor(t)
	cur, prev := lastYearPair(t)
	e.SetReport(cur, nil)
	e.selectTab(tabApplications)
	s := e.grids[tabApplications].sheet
	cell := appCell(t, e, report.RowGranted, report.ColNaturalPerson)
	before := cell.obj.Size().Height
	e.SetPrevious(prev)
	w.Canvas().Content().Refresh()
	if cell.hint.TextSize < theme.TextSize()-2 {
		t.Errorf("the hint is %v points, the body %v", cell.hint.TextSize, theme.TextSize())
	}
	if got := cell.obj.Size().Height; got < before+hintHeight() {
		t.Errorf("the row is %v high with the hint, %v without", got, before)
	}
	box := cell.entry.Position().Y + cell.entry.Size().Height
	if y := cell.hint.Position().Y; y < box || y+cell.hint.Size().Height > cell.obj.Size().Height {
		t.Errorf("the hint at %v–%v overlaps the box ending at %v or leaves the cell of %v", y, y+cell.hint.Size().Height, box, cell.obj.Size().Height)
	}
	if s.rowY[len(s.rowY)-1] <= before*25 {
		t.Errorf("the table is %v high", s.rowY[len(s.rowY)-1])
	}
	e.SetPrevious(nil)
	if got := cell.obj.Size().Height; got != before {
		t.Errorf("without a previous report the row is %v high, was %v", got, before)
	}
}

// The tab titles give way when the editor is narrow, so that every tab stays
// on the bar (Fyne would put the last ones into a "⋯" menu).
func TestTabTitlesFit(t *testing.T) {
	for _, sz := range editorSizes {
		t.Run(sz.name, func(t *testing.T) {
			e, _, _ := busyEditor(t, sz.size)
			if need := e.titlesNeed(e.titleLevel); need > sz.size.Width {
				t.Errorf("the titles need %v of %v", need, sz.size.Width)
			}
			full := e.titlesNeed(titlesFull) <= sz.size.Width
			if full != (e.titleLevel == titlesFull) {
				t.Errorf("level %d where the full titles need %v of %v", e.titleLevel, e.titlesNeed(titlesFull), sz.size.Width)
			}
			if got := e.items[tabApplications].Text; got != tabTitles[tabApplications] && got != tabShort[tabApplications] {
				t.Errorf("the selected tab reads %q", got)
			}
		})
	}
}

// Part 三 of the busy example as a clerk sees it at the sizes the screens
// leave the editor: at the top left, and scrolled to the bottom right with
// the heads and the labels still there.
func TestGoldenSheet(t *testing.T) {
	names := map[string]string{"1024×600": "1024x600", "1024×600 with 预览": "1024x600-preview", "1366×768": "1366x768"}
	for _, sz := range editorSizes {
		t.Run(sz.name, func(t *testing.T) {
			_, w, s := busyEditor(t, sz.size)
			w.Canvas().Unfocus()
			assertGolden(t, "sheet-"+names[sz.name]+"-top-left.png", w.Canvas().Capture())
			s.wheel(&fyne.ScrollEvent{Scrolled: fyne.Delta{DX: -5000, DY: -5000}})
			if s.scroll.Offset.Y <= 0 {
				t.Fatalf("not scrolled: %v", s.scroll.Offset)
			}
			assertGolden(t, "sheet-"+names[sz.name]+"-bottom-right.png", w.Canvas().Capture())
		})
	}
}

// The heads stay over their columns whatever moves the figures: the wheel,
// the cursor, and the window growing until the table fits (the Scroll then
// resets its offset on its own).
func TestHeadsStayOverTheirColumns(t *testing.T) {
	e, w, _ := busyEditor(t, fyne.NewSize(600, 440))
	e.selectTab(tabCases)
	s := e.grids[tabCases].sheet
	p4 := e.grids[tabCases]
	aligned := func(when string) {
		t.Helper()
		// the last head row's labels sit over the figures of their columns
		n := 0
		for _, o := range s.quads[quadHeads].Objects[1:] {
			sp := spanOf(s, quadHeads, o)
			if sp.row+sp.rows != s.frozenRows {
				continue
			}
			for _, c := range p4.cells[0] {
				if c != nil && c.span.col == sp.col && c.obj.Visible() {
					n++
					if hx, cx := absPos(o).X, absPos(c.obj).X; hx != cx {
						t.Errorf("%s: the head of column %d at x %v, its figure at %v", when, sp.col, hx, cx)
					}
				}
			}
		}
		if n < 3 {
			t.Errorf("%s: only %d heads over figures in view", when, n)
		}
	}
	e.focusCell(p4.cells[0][len(p4.cells[0])-2])
	if s.scroll.Offset.X <= 0 {
		t.Fatal("part 四 did not scroll to its last figure")
	}
	aligned("after the cursor went right")
	test.Scroll(w.Canvas(), absPos(p4.cells[0][len(p4.cells[0])-2].obj).AddXY(5, 5), 40, 0)
	aligned("after the wheel")
	w.Resize(fyne.NewSize(1280, 440))
	if s.scroll.Offset.X != 0 {
		t.Fatalf("the table fits and is still scrolled to %v", s.scroll.Offset)
	}
	aligned("after the window grew")
}

// spanOf is the span object o is placed on in quadrant q.
func spanOf(s *sheet, q int, o fyne.CanvasObject) span {
	l := s.quads[q].Layout.(*quadLayout)
	for i, x := range s.quads[q].Objects {
		if x == o {
			return l.spans[i]
		}
	}
	return span{}
}

// Scrolled into the middle of part 三's 三、本年度办理结果, its group label
// stays at the top of the view beside the rows it names, instead of scrolling
// away and leaving a blank column beside them; scrolled back, it is where it
// was.
func TestGroupLabelsStayInView(t *testing.T) {
	_, _, s := busyEditor(t, fyne.NewSize(600, 440))
	group := labelCell(t, s, quadLabels, "三、本年度办理结果")
	sp := span{}
	for i, o := range s.quads[quadLabels].Objects {
		if o == group {
			sp = s.quads[quadLabels].Layout.(*quadLayout).spans[i]
		}
	}
	if sp.rows < 10 {
		t.Fatalf("the group spans %d rows", sp.rows)
	}
	natural := group.Position().Y
	_, y0 := s.origin(quadLabels)
	mid := s.rowY[sp.row+sp.rows/2] - y0 // well inside the group
	s.scrollTo(fyne.NewPos(0, mid))
	off := s.scroll.Offset.Y
	if off <= natural {
		t.Fatalf("did not scroll past the group's top (offset %v, top %v)", off, natural)
	}
	if got := group.Position().Y; got != off {
		t.Errorf("the group label begins at %v, the view at %v", got, off)
	}
	if bottom := s.rowY[sp.row+sp.rows] - y0; group.Position().Y+group.Size().Height != bottom {
		t.Errorf("the group label ends at %v, its rows at %v", group.Position().Y+group.Size().Height, bottom)
	}
	s.scrollTo(fyne.Position{})
	if got := group.Position().Y; got != natural {
		t.Errorf("scrolled back, the group label is at %v, was %v", got, natural)
	}
}
