package forms

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/check"
	"nianbao/data/report"
)

// checkList is the 检查 tab: every finding; choosing one goes to its cell.
type checkList struct {
	ed       *Editor
	findings []check.Finding
	list     *widget.List
	none     *widget.Label
}

func (e *Editor) buildChecks() fyne.CanvasObject {
	l := &checkList{ed: e}
	e.checks = l
	l.none = widget.NewLabel("未发现问题：各项数字的勾稽关系均已核对。")
	l.list = widget.NewList(
		func() int { return len(l.findings) },
		func() fyne.CanvasObject {
			text := widget.NewLabel("")
			text.Wrapping = fyne.TextWrapBreak
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, text)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			f := l.findings[id]
			c := o.(*fyne.Container)
			text := c.Objects[0].(*widget.Label)
			icon := c.Objects[1].(*widget.Icon)
			if f.Severity == check.Error {
				icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
			} else {
				icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
			}
			text.SetText(findingText(f))
		},
	)
	l.list.OnSelected = func(id widget.ListItemID) {
		f := l.findings[id]
		l.list.UnselectAll()
		e.Focus(f)
	}
	return container.NewStack(l.list, container.NewVBox(l.none))
}

// findingText is a finding as the list shows it: where, then what.
func findingText(f check.Finding) string {
	kind := "【错误】"
	if f.Severity != check.Error {
		kind = "【提示】"
	}
	t, ok := partTab[f.Part]
	if !ok {
		return kind + f.Message
	}
	if t != tabBasic && strings.HasPrefix(f.Message, report.PartHeadings[t-tabOverview]) {
		return kind + f.Message // the message names its part already
	}
	return kind + tabTitles[t] + "：" + f.Message
}

func (l *checkList) update(findings []check.Finding) {
	if len(findings) == 0 && len(l.findings) == 0 {
		return
	}
	l.findings = findings
	if len(findings) == 0 {
		l.none.Show()
	} else {
		l.none.Hide()
	}
	// Each row is as tall as its wrapped message.
	width := l.list.Size().Width
	if width <= 0 {
		width = 1200
	}
	iconW := theme.IconInlineSize() + 2*theme.Padding()
	for id, f := range findings {
		h := labelHeight(findingText(f), false, width-iconW-3*theme.Padding())
		l.list.SetItemHeight(id, h)
	}
	l.list.Refresh()
}
