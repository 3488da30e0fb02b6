package forms

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/check"
)

// checkList is the 检查 tab: the findings grouped by part in the order of the
// report, each group headed by its part and its counts, errors before
// warnings within it. Choosing a finding goes to its cell, or to the cell
// that is the likely slip when the checks name one.
type checkList struct {
	ed   *Editor
	rows []checkRow
	list *widget.List
	none *widget.Label

	// The rows' heights at heightsAt, by text: an edit lays out only the
	// findings it changed, not every row again.
	heights   map[rowText]float32
	heightsAt float32
	laidOut   int // rows laid out (breakHeight) since the list was made
}

type rowText struct {
	text string
	bold bool
}

// checkRow is one line of the list: a part's heading, or a finding.
type checkRow struct {
	heading string
	finding *check.Finding
}

// checkParts is the order of the groups: basic information, then 一 … 六.
var checkParts = []string{"", "一", "二", "三", "四", "五", "六"}

// groupFindings orders findings into the list's rows.
func groupFindings(findings []check.Finding) []checkRow {
	var rows []checkRow
	seen := map[string]bool{}
	group := func(part string, in func(check.Finding) bool) {
		var errs, warns []check.Finding
		for _, f := range findings {
			if !in(f) {
				continue
			}
			if f.Severity == check.Error {
				errs = append(errs, f)
			} else {
				warns = append(warns, f)
			}
		}
		if len(errs)+len(warns) == 0 {
			return
		}
		rows = append(rows, checkRow{heading: groupHeading(part, len(errs), len(warns))})
		for _, fs := range [][]check.Finding{errs, warns} {
			for i := range fs {
				rows = append(rows, checkRow{finding: &fs[i]})
			}
		}
	}
	for _, p := range checkParts {
		seen[p] = true
		group(p, func(f check.Finding) bool { return f.Part == p })
	}
	group("?", func(f check.Finding) bool { return !seen[f.Part] })
	return rows
}

func groupHeading(part string, errs, warns int) string {
	name := "其他"
	if t, ok := partTab[part]; ok {
		name = tabTitles[t]
	}
	var n []string
	if errs > 0 {
		n = append(n, fmt.Sprintf("错误 %d 个", errs))
	}
	if warns > 0 {
		n = append(n, fmt.Sprintf("警告 %d 个", warns))
	}
	return name + "（" + strings.Join(n, "，") + "）"
}

func (e *Editor) buildChecks() fyne.CanvasObject {
	l := &checkList{ed: e}
	e.checks = l
	l.none = widget.NewLabel("未发现问题：各项数字的勾稽关系均已核对。")
	l.list = widget.NewList(
		func() int { return len(l.rows) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, newBreakLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := l.rows[id]
			c := o.(*fyne.Container)
			text := c.Objects[0].(*breakLabel)
			icon := c.Objects[1].(*widget.Icon)
			if row.finding == nil {
				icon.Hide()
				text.set(row.heading, true)
				return
			}
			icon.Show()
			if row.finding.Severity == check.Error {
				icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
			} else {
				icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
			}
			text.set(l.text(*row.finding), false)
		},
	)
	l.list.OnSelected = func(id widget.ListItemID) {
		row := l.rows[id]
		l.list.UnselectAll()
		if row.finding != nil {
			e.Focus(goToSlip(*row.finding))
		}
	}
	return container.New(&rewrapOnWidth{changed: l.resized}, container.NewStack(l.list, container.NewVBox(l.none)))
}

// rewrapOnWidth lays its objects out over the whole of its size and calls
// changed when its width changes: the check list's rows are laid out again
// at the new width (预览 opened beside the list narrows it, and a message
// wrapped to three lines in a row two lines high ran over the next).
type rewrapOnWidth struct {
	changed func()
	width   float32
}

func (w *rewrapOnWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width != w.width {
		w.width = size.Width
		w.changed()
	}
}

func (w *rewrapOnWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return m
}

// resized lays the rows out again at the list's new width.
func (l *checkList) resized() {
	if len(l.rows) > 0 {
		l.setHeights()
	}
}

// goToSlip is the finding as the place to go: its likely slip when it names one.
func goToSlip(f check.Finding) check.Finding {
	if f.Slip != nil {
		f.Part, f.Row, f.Column = f.Slip.Part, f.Slip.Row, f.Slip.Column
	}
	return f
}

// findingText is a finding as the list shows it: what, then the difference
// where the message does not say it.
func findingText(f check.Finding) string {
	kind := "【错误】"
	if f.Severity != check.Error {
		kind = "【警告】"
	}
	msg := f.Message
	if f.Difference != nil && !strings.Contains(msg, "差") {
		d := *f.Difference
		if d < 0 {
			d = -d
		}
		msg += fmt.Sprintf("（差 %d）", d)
	}
	return kind + msg
}

// text is findingText with the cell of the likely slip named, by which a
// click on the finding goes.
func (l *checkList) text(f check.Finding) string {
	t := findingText(f)
	if f.Slip != nil {
		if name := l.ed.cellTitle(*f.Slip); name != "" {
			t += "\n→ 最可能填错的是：" + name + "（点击转到该格）"
		}
	}
	return t
}

// cellTitle names a cell of a table as messages name it, "" if there is none.
func (e *Editor) cellTitle(c check.Cell) string {
	for _, n := range e.cells {
		f := n.field
		if f.Part != c.Part || f.Row != c.Row {
			continue
		}
		if c.Column == "" {
			return f.RowLabel + "（整行）"
		}
		if f.Column == c.Column {
			return n.name
		}
	}
	return ""
}

func (l *checkList) update(findings []check.Finding) {
	if len(findings) == 0 && len(l.rows) == 0 {
		return
	}
	l.rows = groupFindings(findings)
	if len(findings) == 0 {
		l.none.Show()
	} else {
		l.none.Hide()
	}
	l.setHeights()
}

// setHeights makes each row as tall as its message wrapped at the list's width.
func (l *checkList) setHeights() {
	// Each row is as tall as its wrapped message.
	width := l.list.Size().Width
	if width <= 0 {
		width = 1200
	}
	iconW := theme.IconInlineSize() + 2*theme.Padding()
	width -= iconW + 3*theme.Padding()
	if width != l.heightsAt || len(l.heights) > 4*len(l.rows)+64 {
		l.heights, l.heightsAt = map[rowText]float32{}, width
	}
	for id, row := range l.rows {
		key := rowText{row.heading, true}
		if row.finding != nil {
			key = rowText{l.text(*row.finding), false}
		}
		h, ok := l.heights[key]
		if !ok {
			h = breakHeight(key.text, key.bold, width)
			l.heights[key] = h
			l.laidOut++
		}
		l.list.SetItemHeight(id, h)
	}
	l.list.Refresh()
}
