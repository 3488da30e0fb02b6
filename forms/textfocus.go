package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"nianbao/data/check"
)

// proseParts maps a TextSpan's part to the editor's section lists.
var proseParts = map[string]int{"一": 0, "五": 1, "六": 2}

// focusText goes to the text box of a finding about the prose (W8, W9, W11,
// W12), about the text around a table (W8), or about the preamble or the
// closing (W12), and selects its sentence. It reports whether the box exists.
func (e *Editor) focusText(s *check.TextSpan) bool {
	switch s.Field {
	case "preamble", "closing": // the basic information's 引言 and 结尾 (W12)
		entry := e.basic.preamble
		if s.Field == "closing" {
			entry = e.basic.closing
		}
		e.focusObject(tabBasic, entry)
		selectRunes(&entry.Entry, s.Start, s.End)
		return true
	}
	if s.Field == "before" || s.Field == "after" { // the text around a table (format nianbao/2)
		t, ok := partTab[s.Part]
		if !ok || t < tabProactive || t > tabCases {
			return false
		}
		b := e.tableTexts[t-tabProactive][0]
		if s.Field == "after" {
			b = e.tableTexts[t-tabProactive][1]
		}
		e.focusObject(b.tab, b.entry)
		selectRunes(&b.entry.Entry, s.Start, s.End)
		return true
	}
	i, ok := proseParts[s.Part]
	if !ok || e.sections[i] == nil {
		return false
	}
	l := e.sections[i]
	if s.Section < 0 || s.Section >= len(l.rows) {
		return false
	}
	entry := l.rows[s.Section].body
	if s.Field == "heading" {
		entry = l.rows[s.Section].heading
	}
	e.focusObject(l.tab, entry)
	selectRunes(&entry.Entry, s.Start, s.End)
	return true
}

// selectRunes selects the runes [start, end) of entry as a user would, with
// the keyboard: Fyne has no call to set a selection. Each step is checked
// against the text offset, so that wrapped rows cannot shift it.
func selectRunes(entry interface {
	fyne.Focusable
	desktop.Keyable
	CursorTextOffset() int
}, start, end int) {
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp}) // drops any selection, goes to the start
	move := func(to int) {
		for n := 0; n < 2*to+2; n++ { // bounded: every step moves at least one rune or row
			pos := entry.CursorTextOffset()
			switch {
			case pos < to:
				entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
			case pos > to:
				entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
			default:
				return
			}
		}
	}
	move(start)
	entry.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	move(end)
	entry.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}
