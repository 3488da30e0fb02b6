package forms

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/report"
)

// Last year beside this year: when the same agency's previous report is
// known, every number cell shows last year's figure as a quiet hint
// ("上年 812") and every section of parts 一, 五 and 六 can open last year's
// text beside its box, with a button per paragraph that copies it in.

// showPrevious shows last year's figures and texts (none when e.prev is nil).
func (e *Editor) showPrevious() {
	for _, c := range e.cells {
		hint := ""
		if e.prev != nil {
			hint = "上年 " + c.field.Text(e.prev)
		}
		c.setHint(hint)
	}
	for _, g := range e.grids {
		if g != nil && g.sheet != nil {
			g.sheet.setHints(e.prev != nil)
		}
	}
	for _, s := range e.sections {
		s.showPrevious()
	}
}

// newHint is the quiet text under a number's box, at the right: last
// year's figure, two points smaller than this year's so that it reads as a
// note yet stays readable.
func newHint() *canvas.Text {
	t := canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))
	t.TextSize = hintTextSize()
	t.Alignment = fyne.TextAlignTrailing
	t.Hide()
	return t
}

// hintTextSize is the size of last year's figure: the body text less two points.
func hintTextSize() float32 { return theme.TextSize() - 2 }

// hintHeight is the room a row of figures gains for last year's figures.
func hintHeight() float32 {
	return float32(math.Ceil(float64(fyne.MeasureText("上年 0", hintTextSize(), fyne.TextStyle{}).Height)))
}

// cellLayout lays out a number cell: its background, the box, under it last
// year's figure (when shown) at the right, and over them the mark and the
// wheel catcher.
type cellLayout struct{ hint *canvas.Text }

func (cellLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[1].MinSize() }

func (l cellLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	box := size
	if l.hint.Visible() {
		hs := l.hint.MinSize()
		box.Height = max(size.Height-hs.Height, 0)
		l.hint.Resize(hs)
		l.hint.Move(fyne.NewPos(size.Width-hs.Width-theme.InnerPadding()/2, box.Height))
	}
	objs[1].Move(fyne.NewPos(0, 0))
	objs[1].Resize(box)
	for _, o := range append([]fyne.CanvasObject{objs[0]}, objs[3:]...) {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (c *numCell) setHint(s string) {
	if c.hint.Text == s {
		return
	}
	c.hint.Text = s
	if s == "" {
		c.hint.Hide()
	} else {
		c.hint.Show()
	}
	c.hint.Refresh()
	c.obj.(*fyne.Container).Refresh()
}

// sameHeading compares two section headings without their years and blanks,
// so that "（一）2023年主动公开情况" finds "（一）2024年主动公开情况".
func sameHeading(a, b string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' || r >= '０' && r <= '９' || unicode.IsSpace(r) || r == '〇' || r == '○' {
				return -1
			}
			return r
		}, s)
	}
	na := norm(a)
	return na != "" && na == norm(b)
}

// previousSection is last year's section beside row i: the one with the same
// heading, else the one at the same place.
func (l *sectionList) previousSection(i int) (report.Section, bool) {
	if l.ed.prev == nil {
		return report.Section{}, false
	}
	prev := *l.of(l.ed.prev)
	heading := (*l.slice())[i].Heading
	for _, s := range prev {
		if sameHeading(s.Heading, heading) {
			return s, true
		}
	}
	if i < len(prev) {
		return prev[i], true
	}
	return report.Section{}, false
}

// showPrevious gives each section last year's text, or hides the button.
func (l *sectionList) showPrevious() {
	for i, r := range l.rows {
		s, ok := l.previousSection(i)
		r.setPrevious(l.ed, s, ok)
	}
}

// lastYear is last year's text beside one section: a button opens it, and
// each paragraph has a button that appends it to this year's body.
type lastYear struct {
	toggle *widget.Button
	panel  *fyne.Container // the paragraphs, beside the body when open
	area   *fyne.Container // the body alone, or the body and the panel
	open   bool
	shown  *report.Section // what the panel shows
	year   int
}

func newLastYear(body fyne.CanvasObject) *lastYear {
	ly := &lastYear{panel: container.NewVBox(), area: container.NewGridWithColumns(1, body)}
	ly.toggle = widget.NewButtonWithIcon("对照上年", theme.MenuExpandIcon(), ly.flip)
	ly.toggle.Importance = widget.LowImportance
	ly.toggle.Hide()
	return ly
}

func (ly *lastYear) flip() {
	ly.open = !ly.open
	body := ly.area.Objects[0]
	if ly.open {
		ly.toggle.SetIcon(theme.MenuDropUpIcon())
		ly.toggle.SetText("收起上年")
		ly.area.Layout = layout.NewGridLayoutWithColumns(2)
		ly.area.Objects = []fyne.CanvasObject{body, ly.panel}
	} else {
		ly.toggle.SetIcon(theme.MenuExpandIcon())
		ly.toggle.SetText("对照上年")
		ly.area.Layout = layout.NewGridLayoutWithColumns(1)
		ly.area.Objects = []fyne.CanvasObject{body}
	}
	ly.area.Refresh()
}

// setPrevious shows s (ok) as last year's text of the section, or nothing.
func (r *sectionRow) setPrevious(e *Editor, s report.Section, ok bool) {
	ly := r.last
	if !ok {
		ly.shown = nil
		if ly.open {
			ly.flip()
		}
		ly.toggle.Hide()
		return
	}
	if ly.shown != nil && *ly.shown == s && ly.year == e.prev.Year {
		return
	}
	ly.shown, ly.year = &s, e.prev.Year
	ly.toggle.Show()
	title := widget.NewLabelWithStyle(fmt.Sprintf("%d年度（上年）本节", e.prev.Year), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	objs := []fyne.CanvasObject{title}
	if h := strings.TrimSpace(s.Heading); h != "" {
		objs = append(objs, quietText(h))
	}
	paras := report.Paragraphs(s.Body)
	if len(paras) == 0 {
		objs = append(objs, quietText("（上年本节没有正文）"))
	}
	for _, p := range paras {
		p := p
		copyIn := widget.NewButtonWithIcon("复制到本节", theme.ContentCopyIcon(), func() { r.appendParagraph(p) })
		copyIn.Importance = widget.LowImportance
		objs = append(objs, container.NewBorder(nil, nil, nil, copyIn, quietText(p)))
	}
	ly.panel.Objects = objs
	ly.panel.Refresh()
}

// quietText is last year's text: in italics to tell it from this year's,
// its lines broken by the PDF's rules.
func quietText(s string) *breakLabel {
	l := newBreakLabel(s)
	l.TextStyle.Italic = true
	return l
}

// appendParagraph copies a paragraph of last year's text to the end of the
// body, a blank line after what is there: an edit like typing it.
func (r *sectionRow) appendParagraph(p string) {
	body := strings.TrimRight(r.body.Text, "\n")
	if body != "" {
		body += "\n\n"
	}
	r.body.SetText(body + p)
}
