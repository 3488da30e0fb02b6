package forms

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/figure"
	"nianbao/data/printed"
)

// keyState remembers whether Shift is held: the test driver has no
// desktop.Driver, and a cell that gained focus while Shift was down never saw
// the key go down.
type keyState struct{ shiftDown bool }

func (k *keyState) track(ev *fyne.KeyEvent, down bool) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		k.shiftDown = down
	}
}

func (k *keyState) shift() bool {
	if k.shiftDown {
		return true
	}
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// textEntry is an Entry of the editor's prose fields. It passes the tab
// switching shortcuts on to the editor (a focused Entry swallows every shortcut
// it does not know) and lets Tab move focus instead of typing a tab character.
type textEntry struct {
	widget.Entry
	ed *Editor
}

func newTextEntry(ed *Editor, multiLine bool) *textEntry {
	e := &textEntry{ed: ed}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapBreak
	}
	e.ExtendBaseWidget(e)
	return e
}

func (e *textEntry) AcceptsTab() bool { return false }

func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && e.ed.handleShortcut(cs) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// cellSpec describes one figure cell of a table for the builders addNum and
// addTotal: the figure of the printed model it shows, where it is printed
// and where it sits among the table's editable cells.
type cellSpec struct {
	tab   int
	field *printed.Field // the figure, as findings name it

	count  *int    // an editable count, or nil for the fee
	fee    *string // the editable fee
	stated *int    // a computed total: the figure stated in the report

	span       span // printed row and column, and the cells it spans
	grow, gcol int  // row and column among the editable cells
}

// numCell is one editable figure: a count (件) or the fee (万元).
type numCell struct {
	ed    *Editor
	entry *cellEntry
	mark  *canvas.Rectangle
	hint  *canvas.Text   // last year's figure, "上年 812"
	field *printed.Field // the figure of the printed model
	obj   fyne.CanvasObject

	count *int    // the figure in the editor's report, or nil for the fee
	fee   *string // the fee in the editor's report

	name  string // row and column as a message names them
	key   string // the cell's key for its stored invalid text (see Editor.InvalidTexts)
	err   error  // why the text is not a figure; nil when it is
	shown markKind

	// The figure the cell had before the user began typing in it: while the
	// text is not a figure, the report holds this, never a prefix of the text
	// (typed key by key, "12345678" passes 1234567, "1e3" passes 1).
	baseCount int
	baseFee   string

	grid     *navGrid
	row, col int
	span     span // printed row and column: the cell's place in its sheet
}

func newNumCell(ed *Editor, name string, count *int, fee *string) *numCell {
	c := &numCell{ed: ed, name: name, count: count, fee: fee, mark: newMarkRect()}
	c.entry = &cellEntry{cell: c}
	c.entry.ExtendBaseWidget(c.entry)
	c.entry.OnChanged = func(string) { c.edited() }
	c.hint = newHint()
	wheel := newWheelCatcher(func(ev *fyne.ScrollEvent) {
		if c.grid != nil && c.grid.sheet != nil {
			c.grid.sheet.wheel(ev)
		}
	})
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	c.obj = container.New(cellLayout{c.hint}, bg, c.entry, c.hint, c.mark, wheel)
	return c
}

// load shows the figure of the report.
func (c *numCell) load() {
	if c.count != nil {
		c.entry.SetText(strconv.Itoa(*c.count))
	} else {
		c.entry.SetText(*c.fee)
	}
	c.err = nil
	c.commit()
}

// commit takes the cell's figure as the one to fall back on, when it is one.
func (c *numCell) commit() {
	if c.err != nil {
		return
	}
	if c.count != nil {
		c.baseCount = *c.count
	} else {
		c.baseFee = *c.fee
	}
}

// parse stores the text as the figure if it is one; otherwise the report
// holds the figure the cell had before editing began, and the cell remembers
// why the text is not one.
func (c *numCell) parse() {
	if c.count != nil {
		n, err := figure.ParseCountOf(c.entry.Text, &c.ed.work)
		if c.err = err; err != nil {
			n = c.baseCount
		}
		*c.count = n
		return
	}
	v, err := figure.ParseFeeOf(c.entry.Text, &c.ed.work)
	if c.err = err; err != nil {
		v = c.baseFee
	}
	*c.fee = v
}

func (c *numCell) edited() {
	if c.ed.loading {
		return
	}
	c.parse()
	c.ed.edited()
}

func (c *numCell) setMark(k markKind) {
	if c.err != nil {
		k = markInvalid
	}
	if k != c.shown {
		c.shown = k
		applyMark(c.mark, k)
	}
}

// cellEntry is the Entry of a number cell: Tab, Shift+Tab, Enter and the arrow
// keys move through the table, a block pasted from a spreadsheet fills the
// cells from this one on, and focus selects the text so that typing replaces it.
type cellEntry struct {
	widget.Entry
	cell *numCell
}

func (e *cellEntry) AcceptsTab() bool { return true }

func (e *cellEntry) FocusGained() {
	e.cell.commit()
	e.Entry.FocusGained()
	e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	g := e.cell.grid
	if !g.tabbing {
		g.anchor = -1 // a click or an arrow ends a row typed with Tab
	}
	if g.sheet != nil {
		g.sheet.reveal(e.cell.span)
	}
}

// TypedRune brings the box back into view when the table was scrolled away
// from it, as a spreadsheet does when the user types.
func (e *cellEntry) TypedRune(r rune) {
	if s := e.cell.grid.sheet; s != nil && !s.visible(e.cell.span) {
		s.reveal(e.cell.span)
	}
	e.Entry.TypedRune(r)
}

func (e *cellEntry) FocusLost() {
	e.cell.commit()
	e.Entry.FocusLost()
}

func (e *cellEntry) KeyDown(ev *fyne.KeyEvent) {
	e.cell.ed.keys.track(ev, true)
	e.Entry.KeyDown(ev)
}

func (e *cellEntry) KeyUp(ev *fyne.KeyEvent) {
	e.cell.ed.keys.track(ev, false)
	e.Entry.KeyUp(ev)
}

// TypedKey moves as WPS 表格 and Excel do: Tab and Shift+Tab along the row
// (on to the next row at its end), Enter and Shift+Enter down and up — back
// to the column where a row typed with Tab began —, the arrows to the
// neighbouring cell (left and right only at the end of the text), PageUp and
// PageDown a screen of rows.
func (e *cellEntry) TypedKey(ev *fyne.KeyEvent) {
	g, shift := e.cell.grid, e.cell.ed.keys.shift()
	dir := 1
	if shift {
		dir = -1
	}
	switch ev.Name {
	case fyne.KeyTab:
		if g.anchor < 0 {
			g.anchor = e.cell.col
		}
		g.tabbing = true
		g.step(e.cell, dir)
		g.tabbing = false
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		g.enter(e.cell, dir)
		return
	case fyne.KeyPageUp:
		g.page(e.cell, -1)
		return
	case fyne.KeyPageDown:
		g.page(e.cell, 1)
		return
	case fyne.KeyUp:
		if !shift {
			g.vertical(e.cell, -1)
			return
		}
	case fyne.KeyDown:
		if !shift {
			g.vertical(e.cell, 1)
			return
		}
	case fyne.KeyLeft:
		if !shift && e.SelectedText() == "" && e.CursorColumn == 0 {
			g.step(e.cell, -1)
			return
		}
	case fyne.KeyRight:
		if !shift && e.SelectedText() == "" && e.CursorColumn >= len([]rune(e.Text)) {
			g.step(e.cell, 1)
			return
		}
	}
	e.Entry.TypedKey(ev)
}

func (e *cellEntry) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *desktop.CustomShortcut:
		if e.cell.ed.handleShortcut(s) {
			return
		}
	case *fyne.ShortcutPaste:
		clip := s.Clipboard
		if clip == nil {
			clip = fyne.CurrentApp().Clipboard()
		}
		text := strings.TrimRight(strings.ReplaceAll(clip.Content(), "\r\n", "\n"), "\n")
		if strings.ContainsAny(text, "\t\n") {
			e.cell.grid.pasteBlock(e.cell, text)
			return
		}
		// One value (a spreadsheet cell comes with a line end): paste it as text.
		e.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: &textClipboard{text}})
		return
	}
	e.Entry.TypedShortcut(s)
}

// textClipboard hands a fixed text to Entry's own paste.
type textClipboard struct{ text string }

func (c *textClipboard) Content() string        { return c.text }
func (c *textClipboard) SetContent(text string) { c.text = text }

// totalCell is a read-only computed total. While the user has not accepted
// the computed totals of its table, a stated figure that differs is shown
// beside the computed one: "12（原表 14）" in red.
type totalCell struct {
	label  *widget.Label
	mark   *canvas.Rectangle
	obj    fyne.CanvasObject
	stated *int
	shown  markKind
	text   string
	diff   bool
}

func newTotalCell(stated *int) *totalCell {
	t := &totalCell{stated: stated, mark: newMarkRect()}
	t.label = widget.NewLabel("")
	t.label.Alignment = fyne.TextAlignCenter
	t.label.TextStyle.Bold = true
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameDisabledButton))
	t.obj = container.NewStack(bg, t.label, t.mark)
	return t
}

// show displays the computed figure; accepted says whether the program owns
// the totals of this table (then the stated figure is not shown).
func (t *totalCell) show(computed int, accepted bool) {
	text := strconv.Itoa(computed)
	t.diff = !accepted && computed != *t.stated
	if t.diff {
		text = fmt.Sprintf("%d（原表 %d）", computed, *t.stated)
	}
	if text == t.text {
		return
	}
	t.text = text
	if t.diff {
		t.label.Importance = widget.DangerImportance
	} else {
		t.label.Importance = widget.MediumImportance
	}
	t.label.SetText(text)
}

func (t *totalCell) setMark(k markKind) {
	if k != t.shown {
		t.shown = k
		applyMark(t.mark, k)
	}
}

// navGrid is one table's editable cells by printed row and column (nil where
// the cell is computed) and moves the cursor among them in reading order.
type navGrid struct {
	ed    *Editor
	cells [][]*numCell
	order []*numCell
	tab   int
	sheet *sheet // where the cells are shown

	// anchor is the column where a row typed with Tab began (-1: none):
	// Enter goes down to it, as in a spreadsheet. tabbing is set while Tab
	// moves the focus, which keeps the anchor.
	anchor  int
	tabbing bool
}

func newNavGrid(ed *Editor, tab, rows int) *navGrid {
	return &navGrid{ed: ed, tab: tab, cells: make([][]*numCell, rows), anchor: -1}
}

// put places c at (row, col); cells must be put in reading order.
func (g *navGrid) put(c *numCell, row, col int) {
	for len(g.cells[row]) <= col {
		g.cells[row] = append(g.cells[row], nil)
	}
	g.cells[row][col] = c
	c.grid, c.row, c.col = g, row, col
	g.order = append(g.order, c)
}

// reserve makes room for a computed cell at (row, col), for pasting geometry.
func (g *navGrid) reserve(row, col int) {
	for len(g.cells[row]) <= col {
		g.cells[row] = append(g.cells[row], nil)
	}
}

func (g *navGrid) index(c *numCell) int {
	for i, o := range g.order {
		if o == c {
			return i
		}
	}
	return 0
}

// step moves to the next (+1) or previous (-1) cell in reading order, wrapping.
func (g *navGrid) step(c *numCell, dir int) {
	n := len(g.order)
	g.ed.focusCell(g.order[(g.index(c)+dir+n)%n])
}

// vertical moves to the nearest editable cell above (-1) or below (+1) in the
// same column, or in the last column of a shorter row.
func (g *navGrid) vertical(c *numCell, dir int) {
	if t := g.below(c.row, c.col, dir); t != nil {
		g.ed.focusCell(t)
	}
}

// below finds the nearest editable cell above (-1) or below (+1) row in
// column col, or in the last column of a shorter row; nil at the edge.
func (g *navGrid) below(row, col, dir int) *numCell {
	for r := row + dir; r >= 0 && r < len(g.cells); r += dir {
		cells := g.cells[r]
		for cc := min(col, len(cells)-1); cc >= 0; cc-- {
			if cells[cc] != nil {
				return cells[cc]
			}
		}
	}
	return nil
}

// enter moves down (+1) or up (-1) for Enter and Shift+Enter: to the column
// where a row typed with Tab began, else the same column. A table of one row
// (part 四), and the last row, go on in reading order instead.
func (g *navGrid) enter(c *numCell, dir int) {
	col := c.col
	if g.anchor >= 0 {
		col = g.anchor
	}
	if t := g.below(c.row, col, dir); t != nil {
		g.ed.focusCell(t)
		return
	}
	g.step(c, dir)
}

// page moves a screen of rows up (-1) or down (+1) in the same column, as
// PageUp and PageDown do in a spreadsheet: the view scrolls by its height,
// and the cursor goes to the cell as far from the one it was in, or the
// first or last row.
func (g *navGrid) page(c *numCell, dir int) {
	s := g.sheet
	if s == nil {
		return
	}
	h := s.scroll.Size().Height
	if h <= 0 {
		h = 10 * s.minRowH
	}
	from, _ := s.cellRect(c.span)
	target := c
	for t := g.below(c.row, c.col, dir); t != nil; t = g.below(t.row, c.col, dir) {
		at, _ := s.cellRect(t.span)
		if target != c && (at.Y-from.Y)*float32(dir) > h {
			break
		}
		target = t
	}
	if target == c {
		return
	}
	off := s.scroll.Offset
	off.Y += float32(dir) * h
	s.scrollTo(off)
	g.ed.focusCell(target)
}

// pasteBlock fills the cells from c on with a block copied from a spreadsheet:
// tab-separated columns, one line per row, laid over the printed grid.
// Values that land on computed cells are skipped, values beyond the table are
// dropped, and both are reported.
func (g *navGrid) pasteBlock(c *numCell, text string) {
	skipped, dropped := 0, 0
	var touched []*numCell
	g.ed.loading = true
	for i, line := range strings.Split(text, "\n") {
		r := c.row + i
		for j, v := range strings.Split(strings.TrimSuffix(line, "\r"), "\t") {
			col := c.col + j
			switch {
			case r >= len(g.cells) || col >= len(g.cells[r]):
				dropped++
				continue
			case g.cells[r][col] == nil:
				skipped++
				continue
			}
			t := g.cells[r][col]
			t.entry.SetText(strings.TrimSpace(v))
			touched = append(touched, t)
		}
	}
	g.ed.loading = false
	for _, t := range touched {
		t.parse()
	}
	var note []string
	if skipped > 0 {
		note = append(note, fmt.Sprintf("%d 个数落在自动计算的总计格上，未采用", skipped))
	}
	if dropped > 0 {
		note = append(note, fmt.Sprintf("%d 个数超出表格范围，未填入", dropped))
	}
	g.ed.pasteNote[g.tab] = ""
	if len(note) > 0 {
		g.ed.pasteNote[g.tab] = fmt.Sprintf("已粘贴 %d 格；", len(touched)) + strings.Join(note, "；") + "。"
	}
	g.ed.edited()
}

// cellName names a cell in messages: "三、本年度办理结果（一）予以公开 · 自然人".
func cellName(row, col string) string {
	if col == "" {
		return row
	}
	return row + " · " + col
}
