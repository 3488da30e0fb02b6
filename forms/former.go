package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/check"
)

// formerField is the 曾用名 of 基本信息: the name the agency's report of the
// previous year is stored under, when the agency was renamed. It is not part
// of the report file but of the database, so the editor only shows it and
// hands a change to the window (SetOnFormerNameChanged).
type formerField struct {
	ed       *Editor
	entry    *formerEntry
	propose  *widget.Button
	obj      fyne.CanvasObject
	shown    string // the value as stored; a change is committed when it differs
	proposal string // last year's name, when this report was made from it
	onChange func(name string)
}

// formerEntry commits its text when the user leaves it or presses Enter.
type formerEntry struct {
	textEntry
	field *formerField
}

func (e *formerEntry) FocusLost() {
	e.textEntry.FocusLost()
	e.field.commit()
}

func newFormerField(ed *Editor) *formerField {
	f := &formerField{ed: ed}
	f.entry = &formerEntry{textEntry: textEntry{ed: ed}, field: f}
	f.entry.ExtendBaseWidget(f.entry)
	f.entry.SetPlaceHolder("机关更名时填写上一年度报告所用的名称，以便与上一年度核对（可不填）")
	f.entry.OnSubmitted = func(string) { f.commit() }
	f.propose = widget.NewButton("", func() {
		f.entry.SetText(f.proposal)
		f.commit()
	})
	f.propose.Hide()
	f.obj = container.NewBorder(nil, nil, nil, f.propose, f.entry)
	return f
}

func (f *formerField) commit() {
	if f.entry.Text == f.shown {
		return
	}
	f.shown = f.entry.Text
	if f.onChange != nil {
		f.onChange(f.entry.Text)
	}
	f.refresh()
}

// refresh offers last year's name once the agency's name was edited away from it.
func (f *formerField) refresh() {
	name := f.ed.work.Agency
	offer := f.proposal != "" && f.entry.Text == "" && name != "" && name != f.proposal
	if offer {
		if label := "采用“" + f.proposal + "”"; f.propose.Text != label {
			f.propose.SetText(label)
		}
		f.propose.Show()
	} else {
		f.propose.Hide()
	}
}

// SetFormerName shows the stored former name of the open report ("" for none)
// and forgets any proposal; it is not an edit.
func (e *Editor) SetFormerName(name string) {
	f := e.basic.former
	f.shown, f.proposal = name, ""
	f.entry.SetText(name)
	f.refresh()
}

// FormerName returns the former name as shown.
func (e *Editor) FormerName() string { return e.basic.former.entry.Text }

// ProposeFormerName remembers the name of the report this one was made from:
// when the user then edits the agency's name, 基本信息 offers it as 曾用名.
func (e *Editor) ProposeFormerName(lastYearsName string) {
	e.basic.former.proposal = lastYearsName
	e.basic.former.refresh()
}

// SetOnFormerNameChanged sets the function called when the user changes the 曾用名.
func (e *Editor) SetOnFormerNameChanged(f func(name string)) { e.basic.former.onChange = f }

// reset empties the field for another report.
func (f *formerField) reset() {
	f.shown, f.proposal = "", ""
	f.entry.SetText("")
	f.propose.Hide()
}

// SetSameYear gives the sentences of other units' reports of the open
// report's year (check.NewSameYearIndex, built off the UI goroutine): the
// checks warn (W9) when this report's text repeats one of them. nil forgets them.
func (e *Editor) SetSameYear(others *check.SameYearIndex) {
	e.sameYear = others
	e.refresh()
}
