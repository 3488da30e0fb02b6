package forms

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The tab titles give way when the editor is narrow (a 1024×600 screen with
// the 预览 open) rather than Fyne putting the last tabs (检查, 图解) into a
// "⋯" menu: first the short titles, then the parts' numbers with the
// selected tab's short title.

// Title levels, from the widest.
const (
	titlesFull = iota
	titlesShort
	titlesNumbers
)

var tabShort = [tabCount]string{
	"基本信息", "一、总体", "二、主动", "三、依申请", "四、复议", "五、问题", "六、其他", "检查",
}

var tabNumbers = [tabCount]string{"基本", "一", "二", "三", "四", "五", "六", "检查"}

// tabTitle is the title of our tab i at a level, with its count of errors.
func (e *Editor) tabTitle(i, level int) string {
	title := tabTitles[i]
	switch {
	case level == titlesShort, level == titlesNumbers && i == e.tabs.SelectedIndex():
		title = tabShort[i]
	case level == titlesNumbers:
		title = tabNumbers[i]
	}
	if n := e.tabErrors[i]; n > 0 {
		title = fmt.Sprintf("%s (%d)", title, n)
	}
	return title
}

// titlesNeed is the width the tab bar needs at a level (the window's own tabs,
// 图解, at their titles).
func (e *Editor) titlesNeed(level int) float32 {
	// a tab button pads its text on both sides; the bar puts a gap between
	// buttons; 2 pixels more for rounding
	pad := 2*theme.InnerPadding() + theme.Padding() + 2
	var w float32
	for _, it := range e.tabs.Items {
		text := it.Text
		for i, our := range e.items {
			if it == our {
				text = e.tabTitle(i, level)
			}
		}
		w += fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + pad
	}
	return w
}

// fitTitles chooses the widest titles that fit the editor's width.
func (e *Editor) fitTitles(width float32) {
	if width <= 0 {
		return
	}
	e.tabsWidth = width
	level := titlesFull
	for level < titlesNumbers && e.titlesNeed(level) > width {
		level++
	}
	e.titleLevel = level
	e.retitle()
}

// retitle sets the tabs' titles at the chosen level.
func (e *Editor) retitle() {
	changed := false
	for i, it := range e.items {
		if t := e.tabTitle(i, e.titleLevel); it.Text != t {
			it.Text = t
			changed = true
		}
	}
	if changed {
		e.tabs.Refresh()
	}
}

// widthWatch lays out a tab's content as a stack and, for the selected tab,
// tells the editor the width it has, which is the tab bar's. (The tabs lay
// out hidden contents at stale sizes too.)
type widthWatch struct {
	e   *Editor
	tab int
}

func (w widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (w widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
	if e := w.e; size.Width != e.tabsWidth && e.tabs.SelectedIndex() == w.tab && !e.fitting {
		e.fitting = true // retitling lays the tabs out again
		e.fitTitles(size.Width)
		e.fitting = false
	}
}
