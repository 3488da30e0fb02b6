package forms

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// span places one object of a table on rows [row, row+rows) and columns [col, col+cols).
type span struct{ row, col, rows, cols int }

// tableBuilder collects the cells of one table, quadrant by quadrant, before
// it is laid out as a sheet.
type tableBuilder struct {
	colW       []float32
	minRowH    float32
	frozenRows int
	frozenCols int
	objs       [quadCount][]fyne.CanvasObject
	spans      [quadCount][]span
	labels     []sheetLabel
	figureRows []bool
}

// newTableBuilder starts a table of the given natural column widths whose
// first frozenRows rows and frozenCols columns stay in view while the rest
// scrolls.
func newTableBuilder(colW []float32, rows int, minRowH float32, frozenRows, frozenCols int) *tableBuilder {
	// Whole pixels, so that the 1-pixel rules between cells never round away.
	t := &tableBuilder{colW: colW, minRowH: float32(math.Ceil(float64(minRowH))),
		frozenRows: frozenRows, frozenCols: frozenCols, figureRows: make([]bool, rows)}
	for q := range t.objs {
		t.objs[q] = []fyne.CanvasObject{canvas.NewRectangle(theme.Color(theme.ColorNameForeground))}
		t.spans[q] = []span{{}}
	}
	return t
}

func (t *tableBuilder) quadOf(row, col int) int {
	q := quadCorner
	if col >= t.frozenCols {
		q++
	}
	if row >= t.frozenRows {
		q += 2
	}
	return q
}

// add places a figure's cell; it lies within one quadrant.
func (t *tableBuilder) add(o fyne.CanvasObject, s span) {
	q := t.quadOf(s.row, s.col)
	t.objs[q] = append(t.objs[q], o)
	t.spans[q] = append(t.spans[q], s)
	t.figureRows[s.row] = true
}

// pieces cuts a span at the frozen row and column: the piece at its top left
// first.
func (t *tableBuilder) pieces(s span) []span {
	cut := func(from, n, at int) [][2]int {
		if from < at && from+n > at {
			return [][2]int{{from, at - from}, {at, from + n - at}}
		}
		return [][2]int{{from, n}}
	}
	var out []span
	for _, r := range cut(s.row, s.rows, t.frozenRows) {
		for _, c := range cut(s.col, s.cols, t.frozenCols) {
			out = append(out, span{r[0], c[0], r[1], c[1]})
		}
	}
	return out
}

// label adds a printed label cell: wrapped, centred if it is a header. A
// label merged across the frozen edge shows its text in the frozen piece.
func (t *tableBuilder) label(text string, header bool, row, col, rows, cols int) {
	fill := theme.Color(theme.ColorNameBackground)
	if header {
		fill = theme.Color(theme.ColorNameHeaderBackground)
	}
	for i, s := range t.pieces(span{row, col, rows, cols}) {
		q := t.quadOf(s.row, s.col)
		var o fyne.CanvasObject = canvas.NewRectangle(fill)
		if i == 0 {
			// broken by the PDF's rules: no line starts with "）"
			l := newBreakLabel(text)
			if header {
				l.Alignment = fyne.TextAlignCenter
				l.TextStyle.Bold = true
			}
			o = container.NewStack(o, l)
			t.labels = append(t.labels, sheetLabel{text, header, s})
		}
		t.objs[q] = append(t.objs[q], o)
		t.spans[q] = append(t.spans[q], s)
	}
}

// build lays the table out as a sheet.
func (t *tableBuilder) build() *sheet {
	s := &sheet{natural: t.colW, frozenRows: t.frozenRows, frozenCols: t.frozenCols,
		minRowH: t.minRowH, figureRows: t.figureRows, labels: t.labels}
	s.fit(0)
	for q := range s.quads {
		s.quads[q] = container.New(&quadLayout{sh: s, q: q, spans: t.spans[q]}, t.objs[q]...)
	}
	s.scroll = container.NewScroll(newMovingBody(s.quads[quadBody], s.follow))
	s.corner = newPane(s.quads[quadCorner], s.wheel)
	s.heads = newPane(s.quads[quadHeads], s.wheel)
	s.rowHds = newPane(s.quads[quadLabels], s.wheel)
	s.ExtendBaseWidget(s)
	return s
}

// markRect is the overlay that marks a cell: red for input that is not a
// figure or a failed rule, orange for a warning. It lies over the cell and
// takes no input.
func newMarkRect() *canvas.Rectangle {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeWidth = 2
	r.Hide()
	return r
}

// mark states of a cell, in increasing weight.
type markKind int

const (
	markNone markKind = iota
	markWarning
	markError
	markInvalid
)

func applyMark(r *canvas.Rectangle, k markKind) {
	switch k {
	case markNone:
		r.Hide()
		return
	case markWarning:
		r.StrokeColor = theme.Color(theme.ColorNameWarning)
		r.FillColor = color.Transparent
	case markError:
		r.StrokeColor = theme.Color(theme.ColorNameError)
		r.FillColor = color.Transparent
	case markInvalid:
		c := theme.Color(theme.ColorNameError)
		r.StrokeColor = c
		cr, cg, cb, _ := c.RGBA()
		r.FillColor = color.NRGBA{R: uint8(cr >> 8), G: uint8(cg >> 8), B: uint8(cb >> 8), A: 0x30}
	}
	r.Show()
	r.Refresh()
}
