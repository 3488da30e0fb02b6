package forms

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/report"
)

// tableText edits the paragraphs a report prints before or after the table of
// part 二, 三 or 四 (format nianbao/2), in the part's tab above or under the
// table, as the report prints them.
type tableText struct {
	ed    *Editor
	tab   int
	part  int // index into report.PartHeadings: 1, 2 or 3
	after bool
	entry *textEntry
	msg   *widget.Label
	err   string // what is wrong with the text (report.TextProblem); the report keeps the last fit text
}

// tablePart is the part (index into report.PartHeadings) a table tab shows.
func tablePart(tab int) int { return tab - tabProactive + 1 }

func newTableText(ed *Editor, tab int, after bool) *tableText {
	b := &tableText{ed: ed, tab: tab, part: tablePart(tab), after: after, entry: newTextEntry(ed, true)}
	if after {
		b.entry.SetPlaceHolder("表格后的文字（可不填）：段落间空一行，**…** 加粗")
	} else {
		b.entry.SetPlaceHolder("表格前的文字（可不填）：段落间空一行，**…** 加粗")
	}
	b.entry.SetMinRowsVisible(1)
	b.msg = widget.NewLabel("")
	b.msg.Importance = widget.DangerImportance
	b.msg.Wrapping = fyne.TextWrapBreak
	b.msg.Hide()
	b.entry.OnChanged = func(text string) {
		if ed.loading {
			return
		}
		if b.err = report.TextProblem(report.FieldBody, text); b.err == "" {
			*b.field() = stored(text)
		}
		b.showProblem()
		ed.edited()
	}
	return b
}

// stored is what the report keeps of a box: a blank box is no text (the
// file format keeps even a space, and a space alone would make the file
// version 2).
func stored(text string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	return text
}

// field is the text edited, in the editor's report.
func (b *tableText) field() *string {
	t := b.ed.work.TableText(b.part)
	if b.after {
		return &t.After
	}
	return &t.Before
}

func (b *tableText) showProblem() {
	msg := ""
	if b.err != "" {
		msg = report.TableTextWhere(b.part, b.after) + "：" + b.err + "（改正后才会保存）"
	}
	setMessage(b.msg, msg)
}

// load shows the text of the editor's report.
func (b *tableText) load() {
	text := *b.field()
	// An empty box stays one line high beside a table that needs the room
	// (a 1024×600 screen); one with text shows a few lines of it.
	rows := 1
	if text != "" {
		rows = 3
	}
	b.entry.SetMinRowsVisible(rows)
	b.entry.SetText(text)
	// A report saved before the text rules may break them: say so at once.
	b.err = report.TextProblem(report.FieldBody, text)
	b.showProblem()
}

func (b *tableText) content() fyne.CanvasObject {
	return container.NewVBox(b.entry, b.msg)
}
