package forms

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// span places one object of a table on rows [row, row+rows) and columns [col, col+cols).
type span struct{ row, col, rows, cols int }

// spanLayout lays out a table with merged cells like the printed one: fixed
// column widths, row heights computed once from the labels, and a 1-pixel gap
// between cells through which the background (the rule colour) shows as lines.
// The first object is that background; spans[i] places object i.
type spanLayout struct {
	colX, rowY []float32 // cumulative positions, len = columns+1 / rows+1
	spans      []span
}

func (l *spanLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.colX[len(l.colX)-1]+1, l.rowY[len(l.rowY)-1]+1)
}

func (l *spanLayout) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	for i, o := range objs {
		if i == 0 {
			o.Move(fyne.NewPos(0, 0))
			o.Resize(l.MinSize(nil))
			continue
		}
		s := l.spans[i]
		x, y := l.colX[s.col]+1, l.rowY[s.row]+1
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(l.colX[s.col+s.cols]-x, l.rowY[s.row+s.rows]-y))
	}
}

// tableBuilder collects the cells of one table before it is laid out.
type tableBuilder struct {
	colW   []float32
	rowH   []float32
	objs   []fyne.CanvasObject
	spans  []span
	labels []pendingLabel
}

type pendingLabel struct {
	text string
	bold bool
	s    span
}

func newTableBuilder(colW []float32, rows int, minRowH float32) *tableBuilder {
	// Whole pixels, so that the 1-pixel rules between cells never round away.
	t := &tableBuilder{colW: colW, rowH: make([]float32, rows)}
	for i := range t.rowH {
		t.rowH[i] = float32(math.Ceil(float64(minRowH)))
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameForeground))
	t.add(bg, span{})
	return t
}

func (t *tableBuilder) add(o fyne.CanvasObject, s span) {
	t.objs = append(t.objs, o)
	t.spans = append(t.spans, s)
}

// label adds a printed label cell: wrapped, centred if it is a header.
func (t *tableBuilder) label(text string, header bool, row, col, rows, cols int) {
	fill := theme.Color(theme.ColorNameBackground)
	if header {
		fill = theme.Color(theme.ColorNameHeaderBackground)
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	if header {
		l.Alignment = fyne.TextAlignCenter
		l.TextStyle.Bold = true
	}
	s := span{row, col, rows, cols}
	t.add(container.NewStack(canvas.NewRectangle(fill), l), s)
	t.labels = append(t.labels, pendingLabel{text, header, s})
}

func (t *tableBuilder) width(s span) float32 {
	var w float32
	for _, cw := range t.colW[s.col : s.col+s.cols] {
		w += cw
	}
	return w - 1
}

// labelHeight is the height a wrapped label needs in the given width.
func labelHeight(text string, bold bool, width float32) float32 {
	size := theme.TextSize()
	style := fyne.TextStyle{Bold: bold}
	pad := theme.InnerPadding()
	avail := width - 2*pad - 2
	lineH := fyne.MeasureText("国", size, style).Height
	var lines float32
	for _, para := range strings.Split(text, "\n") {
		textW := fyne.MeasureText(para, size, style).Width
		lines += float32(math.Max(1, math.Ceil(float64(textW/avail))))
	}
	return float32(math.Ceil(float64(lines*lineH + (lines-1)*theme.LineSpacing() + 2*pad)))
}

// build computes the row heights from the labels and returns the table.
func (t *tableBuilder) build() *fyne.Container {
	for _, l := range t.labels {
		need := labelHeight(l.text, l.bold, t.width(l.s))
		var have float32
		for _, h := range t.rowH[l.s.row : l.s.row+l.s.rows] {
			have += h
		}
		if need > have {
			t.rowH[l.s.row+l.s.rows-1] += need - have
		}
	}
	lay := &spanLayout{spans: t.spans, colX: make([]float32, len(t.colW)+1), rowY: make([]float32, len(t.rowH)+1)}
	for i, w := range t.colW {
		lay.colX[i+1] = lay.colX[i] + w
	}
	for i, h := range t.rowH {
		lay.rowY[i+1] = lay.rowY[i] + h
	}
	return container.New(lay, t.objs...)
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
