package forms

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/report"
)

// sectionList edits the sections of part 一, 五 or 六: a heading and a
// multi-line body each, which the user can add, remove and reorder.
type sectionList struct {
	ed    *Editor
	tab   int
	part  string
	slice func() *[]report.Section               // the sections edited
	of    func(*report.Report) *[]report.Section // the same part of any report
	box   *fyne.Container
	empty *widget.Label
	rows  []*sectionRow
}

type sectionRow struct {
	heading, body *textEntry
	up, down, del *widget.Button
	last          *lastYear
	obj           fyne.CanvasObject
	// msg says what is wrong with the heading's or the body's text
	// (report.TextProblem); meanwhile the report keeps the last fit text.
	msg                 *widget.Label
	headingErr, bodyErr string
}

// showProblems shows the row's message, or hides it.
func (r *sectionRow) showProblems() {
	var msgs []string
	if r.headingErr != "" {
		msgs = append(msgs, "小标题："+r.headingErr+"（改正后才会保存）")
	}
	if r.bodyErr != "" {
		msgs = append(msgs, "正文："+r.bodyErr+"（改正后才会保存）")
	}
	setMessage(r.msg, strings.Join(msgs, "\n"))
}

// invalidCount is how many fields of the list hold text the report does not take.
func (l *sectionList) invalidCount() int {
	n := 0
	for _, r := range l.rows {
		if r.headingErr != "" {
			n++
		}
		if r.bodyErr != "" {
			n++
		}
	}
	return n
}

func newSectionList(ed *Editor, tab int, part string, of func(*report.Report) *[]report.Section) *sectionList {
	l := &sectionList{ed: ed, tab: tab, part: part, of: of, box: container.NewVBox()}
	l.slice = func() *[]report.Section { return of(&ed.work) }
	l.empty = widget.NewLabel("本部分尚无内容，点击“添加一节”开始填写。")
	return l
}

func (l *sectionList) content() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("添加一节", theme.ContentAddIcon(), l.add)
	scroll := container.NewVScroll(container.NewVBox(l.empty, l.box))
	l.ed.scrolls[l.tab] = scroll
	return container.NewBorder(nil, container.NewHBox(add), nil, nil, scroll)
}

// load shows the sections of the editor's report; it rebuilds the widgets,
// which happens only when a report is opened.
func (l *sectionList) load() {
	secs := *l.slice()
	l.rows = l.rows[:0]
	objs := make([]fyne.CanvasObject, 0, len(secs))
	for _, s := range secs {
		r := l.newRow()
		r.heading.SetText(s.Heading)
		r.body.SetText(s.Body)
		// A report saved before the text rules may break them: say so at once.
		r.headingErr = report.OldTextProblem(report.FieldHeading, s.Heading)
		r.bodyErr = report.OldTextProblem(report.FieldBody, s.Body)
		r.showProblems()
		l.rows = append(l.rows, r)
		objs = append(objs, r.obj)
	}
	l.box.Objects = objs
	l.relabel()
}

func (l *sectionList) newRow() *sectionRow {
	r := &sectionRow{heading: newTextEntry(l.ed, false), body: newTextEntry(l.ed, true)}
	r.heading.SetPlaceHolder("小标题，如“（一）主动公开政府信息情况。”（可不填）")
	r.body.SetPlaceHolder("正文：段落之间空一行；**…** 表示加粗")
	r.body.SetMinRowsVisible(5)
	r.msg = widget.NewLabel("")
	r.msg.Importance = widget.DangerImportance
	r.msg.Wrapping = fyne.TextWrapBreak
	r.msg.Hide()
	r.heading.OnChanged = func(text string) {
		if i := l.index(r); i >= 0 && !l.ed.loading {
			if r.headingErr = report.TextProblem(report.FieldHeading, text); r.headingErr == "" {
				(*l.slice())[i].Heading = text
			}
			r.showProblems()
			l.showPrevious()
			l.ed.edited()
		}
	}
	r.body.OnChanged = func(text string) {
		if i := l.index(r); i >= 0 && !l.ed.loading {
			if r.bodyErr = report.TextProblem(report.FieldBody, text); r.bodyErr == "" {
				(*l.slice())[i].Body = text
			}
			r.showProblems()
			l.ed.edited()
		}
	}
	r.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { l.move(r, -1) })
	r.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { l.move(r, 1) })
	r.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { l.remove(r) })
	r.last = newLastYear(r.body)
	tools := container.NewHBox(r.last.toggle, r.up, r.down, r.del)
	r.obj = container.NewVBox(container.NewBorder(nil, nil, nil, tools, r.heading), r.msg, r.last.area, widget.NewSeparator())
	return r
}

func (l *sectionList) index(r *sectionRow) int {
	for i, o := range l.rows {
		if o == r {
			return i
		}
	}
	return -1
}

func (l *sectionList) add() {
	*l.slice() = append(*l.slice(), report.Section{})
	r := l.newRow()
	l.rows = append(l.rows, r)
	l.box.Add(r.obj)
	l.relabel()
	l.ed.edited()
	l.ed.focusObject(l.tab, r.heading)
}

func (l *sectionList) remove(r *sectionRow) {
	i := l.index(r)
	if i < 0 {
		return
	}
	secs := l.slice()
	*secs = append((*secs)[:i], (*secs)[i+1:]...)
	l.rows = append(l.rows[:i], l.rows[i+1:]...)
	l.box.Remove(r.obj)
	l.relabel()
	l.ed.edited()
}

func (l *sectionList) move(r *sectionRow, dir int) {
	i := l.index(r)
	j := i + dir
	if i < 0 || j < 0 || j >= len(l.rows) {
		return
	}
	secs := *l.slice()
	secs[i], secs[j] = secs[j], secs[i]
	l.rows[i], l.rows[j] = l.rows[j], l.rows[i]
	l.box.Objects[i], l.box.Objects[j] = l.box.Objects[j], l.box.Objects[i]
	l.box.Refresh()
	l.relabel()
	l.ed.edited()
}

// relabel enables the move buttons that can move and shows the hint when empty.
func (l *sectionList) relabel() {
	for i, r := range l.rows {
		setEnabled(r.up, i > 0)
		setEnabled(r.down, i < len(l.rows)-1)
	}
	l.showPrevious()
	if len(l.rows) == 0 {
		l.empty.Show()
	} else {
		l.empty.Hide()
	}
	l.box.Refresh()
}

func setEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}
