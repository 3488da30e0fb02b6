package forms

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/linebreak"
)

// Fyne breaks a wrapped text where the next character no longer fits
// (fyne.TextWrapBreak; TextWrapWord only at spaces), in an unexported function
// of its RichText that every Label and Entry uses, so a line of an Entry can
// begin with "，". The editor's read-only texts (last year's paragraphs, the
// findings) are broken here instead, by the PDF's rules (linebreak.CanBreak: no
// line starts with ，。、；：？！）」』】〕》 or ends with （《「), and shown
// with the line ends put in.

// wrapKinsoku breaks text into lines at most width wide, by the PDF's rules
// (linebreak.Wrap).
func wrapKinsoku(text string, width float32, measure func(string) float32) string {
	return linebreak.Wrap(text, width, measure)
}

// breakLabel is a read-only label whose lines break by the PDF's rules at
// whatever width it is given.
type breakLabel struct {
	widget.Label
	source string
	width  float32
}

func newBreakLabel(text string) *breakLabel {
	l := &breakLabel{source: text}
	l.Label.Text = text
	l.ExtendBaseWidget(l)
	return l
}

// set shows text, broken at the label's width.
func (l *breakLabel) set(text string, bold bool) {
	if text == l.source && bold == l.TextStyle.Bold {
		return
	}
	l.source, l.TextStyle.Bold = text, bold
	l.rewrap()
	l.Label.Refresh()
}

func (l *breakLabel) Resize(s fyne.Size) {
	if s.Width != l.width {
		l.width = s.Width
		l.rewrap()
	}
	l.Label.Resize(s)
}

func (l *breakLabel) rewrap() {
	text := l.source
	if l.width > 0 {
		text = wrapKinsoku(l.source, l.width-2*theme.InnerPadding(), l.measure)
	}
	if text != l.Label.Text {
		l.Label.Text = text
		l.Label.Refresh()
	}
}

func (l *breakLabel) measure(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), l.TextStyle).Width
}

// breakHeight is the height of a breakLabel showing text at the given width.
func breakHeight(text string, bold bool, width float32) float32 {
	style := fyne.TextStyle{Bold: bold}
	size, pad := theme.TextSize(), theme.InnerPadding()
	measure := func(s string) float32 { return fyne.MeasureText(s, size, style).Width }
	lines := float32(strings.Count(wrapKinsoku(text, width-2*pad, measure), "\n") + 1)
	lineH := fyne.MeasureText("国", size, style).Height
	return float32(math.Ceil(float64(lines*lineH + (lines-1)*theme.LineSpacing() + 2*pad)))
}

// MinSize is the height of the lines at the label's width; it asks for
// little width, since it takes the width it is given.
func (l *breakLabel) MinSize() fyne.Size {
	ms := l.Label.MinSize()
	return fyne.NewSize(min(ms.Width, 4*theme.TextSize()), ms.Height)
}
