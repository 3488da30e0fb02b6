package forms

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A table of the window works like a spreadsheet a clerk knows: the column
// heads (the rows above the first figure) and the row labels (the columns left
// of the first figure) stay where they are while the figures scroll under them
// in both directions. The sheet is cut into four quadrants: the corner, the
// heads, the labels and the body; only the body is a Scroll, the heads and the
// labels follow its offset. A merged cell that crosses the cut (part 二's
// block captions) is shown in pieces, its text in the frozen piece.
//
// The row labels shrink into a narrower column when the tab is too narrow for
// them and every figure (the 预览 open, a 1024×600 screen) and wrap there; the
// rows grow to fit.

// Quadrants of a sheet.
const (
	quadCorner = iota
	quadHeads
	quadLabels
	quadBody
	quadCount
)

// minLabelCol is the narrowest a row label column shrinks to: three characters.
const minLabelCol = 60

// labelShare is the part of the sheet's width the frozen row labels may take
// when their natural width is more.
const labelShare = 0.38

// sheetLabel is a label cell whose text sets the height of its rows.
type sheetLabel struct {
	text string
	bold bool
	s    span // the piece that shows the text
}

// sheet is one table of the window: the four quadrants and their geometry.
type sheet struct {
	widget.BaseWidget

	natural    []float32 // the columns' widths at full size
	frozenRows int
	frozenCols int
	minRowH    float32
	figureRows []bool // rows that hold figures (they carry last year's hint)
	labels     []sheetLabel
	hints      bool // last year's figures shown under this year's

	colX, rowY []float32 // cumulative positions, len = columns+1 / rows+1
	fitted     float32   // the width the geometry was computed for; 0: none yet

	quads  [quadCount]*fyne.Container
	heads  *pane
	rowHds *pane
	corner *pane
	scroll *container.Scroll
}

// quadLayout places the cells of one quadrant; objs[0] is its background,
// which shows through the 1-pixel gaps between cells as the table's rules.
type quadLayout struct {
	sh    *sheet
	q     int
	spans []span
}

// origin is where quadrant q starts in the whole table's coordinates. The
// frozen quadrants keep the rule after their last row or column, so that the
// line between labels and figures stays while the figures scroll.
func (s *sheet) origin(q int) (x, y float32) {
	if q == quadHeads || q == quadBody {
		x = s.frozenX()
	}
	if q == quadLabels || q == quadBody {
		y = s.frozenY()
	}
	return x, y
}

// frozenX and frozenY are the width of the row labels and the height of the
// column heads, their closing rule included.
func (s *sheet) frozenX() float32 {
	if s.frozenCols == 0 {
		return 0
	}
	return s.colX[s.frozenCols] + 1
}

func (s *sheet) frozenY() float32 {
	if s.frozenRows == 0 {
		return 0
	}
	return s.rowY[s.frozenRows] + 1
}

// extent is the size of quadrant q.
func (s *sheet) extent(q int) fyne.Size {
	x0, y0 := s.origin(q)
	x1, y1 := s.frozenX(), s.frozenY()
	if q == quadHeads || q == quadBody {
		x1 = s.colX[len(s.colX)-1] + 1
	}
	if q == quadLabels || q == quadBody {
		y1 = s.rowY[len(s.rowY)-1] + 1
	}
	return fyne.NewSize(x1-x0, y1-y0)
}

func (l *quadLayout) MinSize([]fyne.CanvasObject) fyne.Size { return l.sh.extent(l.q) }

func (l *quadLayout) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	s := l.sh
	x0, y0 := s.origin(l.q)
	for i, o := range objs {
		if i == 0 {
			o.Move(fyne.NewPos(0, 0))
			o.Resize(s.extent(l.q))
			continue
		}
		sp := l.spans[i]
		x, y := s.colX[sp.col]+1, s.rowY[sp.row]+1
		top, bottom := y-y0, s.rowY[sp.row+sp.rows]-y0
		if l.q == quadLabels && sp.rows > 1 && s.rowHds != nil {
			top = stickyTop(top, bottom, s.rowHds.off.Y, o.MinSize().Height)
		}
		o.Move(fyne.NewPos(x-x0, top))
		o.Resize(fyne.NewSize(s.colX[sp.col+sp.cols]-x, bottom-top))
	}
}

// stickyTop is where a row label spanning rows top…bottom (part 三's
// 三、本年度办理结果, （三）不予公开) begins when the figures are scrolled by
// off: at the top of the view while its rows are in it, so that the rows
// scrolled to are not left beside a blank group label; never so low that
// its text of height h leaves its rows.
func stickyTop(top, bottom, off, h float32) float32 {
	return max(top, min(off, bottom-h))
}

// fit computes the geometry for a sheet of the given width: the row label
// columns shrink to labelShare of it (not below minLabelCol), and every row
// is as tall as its labels need at those widths. It reports whether
// anything changed.
func (s *sheet) fit(width float32) bool {
	if width <= 0 {
		width = 1280
	}
	if width == s.fitted && s.colX != nil {
		return false
	}
	s.fitted = width
	colW := append([]float32(nil), s.natural...)
	var labelW, figW float32
	for i, w := range colW {
		if i < s.frozenCols {
			labelW += w
		} else {
			figW += w
		}
	}
	// as narrow as the figures need, but no narrower than labelShare
	target := max(labelShare*width, width-figW-theme.ScrollBarSize(), float32(s.frozenCols)*minLabelCol)
	if labelW > target {
		shrinkTo(colW[:s.frozenCols], target)
	}
	rowH := make([]float32, len(s.figureRows))
	for i := range rowH {
		// a row of heads is as tall as its labels, a row of figures fits a box
		if s.figureRows[i] {
			rowH[i] = float32(math.Ceil(float64(s.minRowH)))
			if s.hints {
				rowH[i] += hintHeight()
			}
		}
	}
	width1 := func(sp span) float32 {
		var w float32
		for _, cw := range colW[sp.col : sp.col+sp.cols] {
			w += cw
		}
		return w - 1
	}
	for _, l := range s.labels {
		need := breakHeight(l.text, l.bold, width1(l.s))
		var have float32
		for _, h := range rowH[l.s.row : l.s.row+l.s.rows] {
			have += h
		}
		if need > have {
			rowH[l.s.row+l.s.rows-1] += need - have
		}
	}
	colX := make([]float32, len(colW)+1)
	for i, w := range colW {
		colX[i+1] = colX[i] + w
	}
	rowY := make([]float32, len(rowH)+1)
	for i, h := range rowH {
		rowY[i+1] = rowY[i] + h
	}
	changed := !equalFloats(colX, s.colX) || !equalFloats(rowY, s.rowY)
	s.colX, s.rowY = colX, rowY
	return changed
}

// shrinkTo narrows the columns to the total width target, each in proportion
// but none below minLabelCol: what the narrowest cannot give, the others do.
func shrinkTo(cols []float32, target float32) {
	for range cols { // each round fixes at least one column at the minimum
		var free, fixed float32
		for _, w := range cols {
			if w > minLabelCol {
				free += w
			} else {
				fixed += w
			}
		}
		if free == 0 || free+fixed <= target {
			return
		}
		scale := (target - fixed) / free
		done := true
		for i, w := range cols {
			if w > minLabelCol {
				cols[i] = float32(math.Floor(float64(w * scale)))
				if cols[i] < minLabelCol {
					cols[i], done = minLabelCol, false
				}
			}
		}
		if done {
			return
		}
	}
}

func equalFloats(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// relayout lays the quadrants out again after the geometry changed.
func (s *sheet) relayout() {
	for q, c := range s.quads {
		c.Resize(s.extent(q))
		c.Layout.Layout(c.Objects, c.Size())
	}
	s.scroll.Refresh()
}

// setHints makes room under the figures for last year's hint, or takes it away.
func (s *sheet) setHints(on bool) {
	if s.hints == on {
		return
	}
	s.hints = on
	s.fitted = 0
	if s.fit(s.Size().Width) {
		s.relayout()
		s.Refresh()
	}
}

// sync moves the heads and the labels to the body's offset.
func (s *sheet) sync() { s.follow(s.scroll.Offset) }

// follow moves the heads and the labels to where the body is shown. The
// body calls it whenever the Scroll moves it, which is the truth of what is
// on screen: the Scroll also resets its offset without telling OnScrolled
// (when the table comes to fit).
func (s *sheet) follow(off fyne.Position) {
	s.heads.setOffset(fyne.NewPos(off.X, 0))
	if off.Y != s.rowHds.off.Y {
		s.rowHds.setOffset(fyne.NewPos(0, off.Y))
		labels := s.quads[quadLabels]
		labels.Layout.Layout(labels.Objects, labels.Size()) // the group labels stay in view
	}
	s.cull(off)
}

// cull hides the figures out of view and shows those in it. Nothing needs
// drawing there, and a box's own scroller would otherwise let the box
// receive the mouse (and, in the test driver, be painted) outside the view.
// A box the cursor is in when it scrolls away stays focused; typing brings
// it back into view (see cellEntry.TypedRune).
func (s *sheet) cull(off fyne.Position) {
	view := s.scroll.Size()
	if view.Width <= 0 || view.Height <= 0 || s.colX == nil {
		return
	}
	body := s.quads[quadBody]
	spans := body.Layout.(*quadLayout).spans
	for i, o := range body.Objects {
		if i == 0 {
			continue
		}
		pos, size := s.cellRect(spans[i])
		in := pos.X < off.X+view.Width && pos.X+size.Width > off.X &&
			pos.Y < off.Y+view.Height && pos.Y+size.Height > off.Y
		if in && !o.Visible() {
			o.Show()
		} else if !in && o.Visible() {
			o.Hide()
		}
	}
}

// wheel scrolls the body: the wheel over a head, a label or a figure's box.
func (s *sheet) wheel(ev *fyne.ScrollEvent) { s.scroll.Scrolled(ev) }

// cellRect is the place of a body cell within the scrolled body.
func (s *sheet) cellRect(sp span) (fyne.Position, fyne.Size) {
	x0, y0 := s.origin(quadBody)
	x, y := s.colX[sp.col]+1, s.rowY[sp.row]+1
	return fyne.NewPos(x-x0, y-y0), fyne.NewSize(s.colX[sp.col+sp.cols]-x, s.rowY[sp.row+sp.rows]-y)
}

// scrollTo sets the body's offset (clamped to the body) and moves the frozen
// parts along.
func (s *sheet) scrollTo(off fyne.Position) {
	view, content := s.scroll.Size(), s.scroll.Content.MinSize()
	off.X = max(0, min(off.X, content.Width-view.Width))
	off.Y = max(0, min(off.Y, content.Height-view.Height))
	if off != s.scroll.Offset {
		s.scroll.ScrollToOffset(off)
	}
	s.sync()
}

// reveal scrolls the body so that the cell at sp is wholly in view (its top
// left corner when it is larger than the view), as a spreadsheet does for the
// cell the cursor moved to.
func (s *sheet) reveal(sp span) {
	view := s.scroll.Size()
	if view.Width <= 0 || view.Height <= 0 || s.colX == nil {
		return
	}
	pos, size := s.cellRect(sp)
	off := s.scroll.Offset
	if pos.X+size.Width > off.X+view.Width {
		off.X = pos.X + size.Width - view.Width
	}
	if pos.X < off.X {
		off.X = pos.X
	}
	if pos.Y+size.Height > off.Y+view.Height {
		off.Y = pos.Y + size.Height - view.Height
	}
	if pos.Y < off.Y {
		off.Y = pos.Y
	}
	s.scrollTo(off)
}

// visible tells whether the body cell at sp is wholly in view, or as much of
// it from its top left corner as the view holds.
func (s *sheet) visible(sp span) bool {
	pos, size := s.cellRect(sp)
	off, view := s.scroll.Offset, s.scroll.Size()
	size = fyne.NewSize(min(size.Width, view.Width), min(size.Height, view.Height))
	return pos.X >= off.X && pos.Y >= off.Y &&
		pos.X+size.Width <= off.X+view.Width+0.5 && pos.Y+size.Height <= off.Y+view.Height+0.5
}

func (s *sheet) CreateRenderer() fyne.WidgetRenderer {
	// The body first: the frozen parts lie over it, for the mouse too.
	return &sheetRenderer{s: s, objs: []fyne.CanvasObject{s.scroll, s.corner, s.heads, s.rowHds}}
}

type sheetRenderer struct {
	s    *sheet
	objs []fyne.CanvasObject
}

func (r *sheetRenderer) Destroy()                     {}
func (r *sheetRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *sheetRenderer) Refresh() {
	r.Layout(r.s.Size())
	canvas.Refresh(r.s)
}

// MinSize: the frozen parts and one figure; the rest scrolls.
func (r *sheetRenderer) MinSize() fyne.Size {
	s := r.s
	s.fit(s.fitted)
	return fyne.NewSize(s.frozenX()+s.natural[len(s.natural)-1], s.frozenY()+s.minRowH)
}

func (r *sheetRenderer) Layout(size fyne.Size) {
	s := r.s
	if s.fit(size.Width) {
		s.relayout()
	}
	fx, fy := s.frozenX(), s.frozenY()
	s.corner.Move(fyne.NewPos(0, 0))
	s.corner.Resize(fyne.NewSize(fx, fy))
	s.heads.Move(fyne.NewPos(fx, 0))
	s.heads.Resize(fyne.NewSize(max(0, size.Width-fx), fy))
	s.rowHds.Move(fyne.NewPos(0, fy))
	s.rowHds.Resize(fyne.NewSize(fx, max(0, size.Height-fy)))
	s.scroll.Move(fyne.NewPos(fx, fy))
	s.scroll.Resize(fyne.NewSize(max(0, size.Width-fx), max(0, size.Height-fy)))
	s.scrollTo(s.scroll.Offset) // clamp to the new size
}

// pane shows a part of a larger content at an offset set from outside: the
// frozen heads and labels, which follow the body's scrolling. Being
// Scrollable it clips its content, and it hands the wheel on to the body.
type pane struct {
	widget.BaseWidget
	content fyne.CanvasObject
	off     fyne.Position
	wheel   func(*fyne.ScrollEvent)
}

func newPane(content fyne.CanvasObject, wheel func(*fyne.ScrollEvent)) *pane {
	p := &pane{content: content, wheel: wheel}
	p.ExtendBaseWidget(p)
	return p
}

func (p *pane) Scrolled(ev *fyne.ScrollEvent) {
	if p.wheel != nil {
		p.wheel(ev)
	}
}

func (p *pane) setOffset(off fyne.Position) {
	if off == p.off {
		return
	}
	p.off = off
	p.content.Move(fyne.NewPos(-off.X, -off.Y))
	canvas.Refresh(p.content)
}

func (p *pane) CreateRenderer() fyne.WidgetRenderer { return &paneRenderer{p} }

type paneRenderer struct{ p *pane }

func (r *paneRenderer) Destroy()                     {}
func (r *paneRenderer) MinSize() fyne.Size           { return fyne.Size{} }
func (r *paneRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.p.content} }
func (r *paneRenderer) Refresh()                     { r.Layout(r.p.Size()) }

func (r *paneRenderer) Layout(fyne.Size) {
	c := r.p.content
	c.Resize(c.MinSize())
	c.Move(fyne.NewPos(-r.p.off.X, -r.p.off.Y))
}

// movingBody holds the body's quadrant in the Scroll and tells the sheet
// where the Scroll puts it.
type movingBody struct {
	widget.BaseWidget
	quad  *fyne.Container
	moved func(off fyne.Position)
}

func newMovingBody(quad *fyne.Container, moved func(fyne.Position)) *movingBody {
	b := &movingBody{quad: quad, moved: moved}
	b.ExtendBaseWidget(b)
	return b
}

func (b *movingBody) Move(pos fyne.Position) {
	b.BaseWidget.Move(pos)
	b.moved(fyne.NewPos(-pos.X, -pos.Y))
}

func (b *movingBody) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.quad) }

// wheelCatcher lies over a figure's box and takes only the wheel, for the
// sheet: the box's own scroller (an Entry scrolls its text sideways) would
// swallow it. Taps, drags and the cursor go to the box under it.
type wheelCatcher struct {
	widget.BaseWidget
	wheel func(*fyne.ScrollEvent)
}

func newWheelCatcher(wheel func(*fyne.ScrollEvent)) *wheelCatcher {
	w := &wheelCatcher{wheel: wheel}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelCatcher) Scrolled(ev *fyne.ScrollEvent) { w.wheel(ev) }

func (w *wheelCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
