package window

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/store"
)

// Column widths of the report list; the agency column takes the rest.
var listColumns = []float32{0, 90, 170, 70, 70, 250}

// reportList is the list of stored reports with the actions on them.
type reportList struct {
	u       *ui
	content fyne.CanvasObject
	list    *widget.List
	empty   *widget.Label
	reports []store.Summary
}

func newReportList(u *ui) *reportList {
	l := &reportList{u: u}
	l.list = widget.NewList(
		func() int { return len(l.reports) },
		l.newRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { l.updateRow(i, o) },
	)
	// Rows carry their own buttons; a selected row would only look chosen.
	l.list.OnSelected = func(widget.ListItemID) { l.list.UnselectAll() }
	l.empty = widget.NewLabel("数据库中还没有年报。点“新建”开始填写，点“导入”读入年报文件（.nianbao.json），或点“示例”看一份填好的年报。")
	l.empty.Wrapping = fyne.TextWrapWord
	l.empty.Hide()

	btn := func(label string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Importance = widget.LowImportance
		return b
	}
	newBtn := btn("新建", theme.ContentAddIcon(), u.newReport)
	newBtn.Importance = widget.HighImportance
	toolbar := container.NewHBox(
		newBtn,
		btn("导入", theme.FolderOpenIcon(), u.importFile),
		btn("示例", theme.InfoIcon(), u.openExample),
		btn("汇总", theme.GridIcon(), u.showCombine),
		layout.NewSpacer(),
		btn("已删除的年报", theme.DeleteIcon(), u.showDeleted),
	)
	header := container.New(&columns{widths: listColumns},
		boldLabel("机关名称"), boldLabel("年度"), boldLabel("最后保存"), boldLabel("错误"), boldLabel("警告"), boldLabel(""))
	title := widget.NewLabelWithStyle("年报列表", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(container.NewBorder(nil, nil, title, nil, toolbar), widget.NewSeparator(), header, widget.NewSeparator())
	l.content = container.NewBorder(top, nil, nil, nil, container.NewStack(l.list, container.NewVBox(l.empty)))
	return l
}

func boldLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func (l *reportList) newRow() fyne.CanvasObject {
	btn := func(label string) *widget.Button {
		b := widget.NewButton(label, nil)
		b.Importance = widget.LowImportance
		return b
	}
	agency := widget.NewLabel("")
	agency.Truncation = fyne.TextTruncateEllipsis
	return container.New(&columns{widths: listColumns},
		agency, widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""),
		container.NewHBox(btn("打开"), btn("导出"), btn("历史"), btn("删除")))
}

func (l *reportList) updateRow(i int, o fyne.CanvasObject) {
	if i >= len(l.reports) {
		return
	}
	s := l.reports[i]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(s.Agency)
	cells[1].(*widget.Label).SetText(strconv.Itoa(s.Year))
	cells[2].(*widget.Label).SetText(s.SavedAt.Local().Format("2006-01-02 15:04"))
	setCount(cells[3].(*widget.Label), s.Errors, widget.DangerImportance)
	setCount(cells[4].(*widget.Label), s.Warnings, widget.WarningImportance)
	btns := cells[5].(*fyne.Container).Objects
	id := s.ID
	btns[0].(*widget.Button).OnTapped = func() { l.u.openReport(id) }
	btns[1].(*widget.Button).OnTapped = func() { l.u.exportReport(id) }
	btns[2].(*widget.Button).OnTapped = func() { l.u.showVersions(id) }
	btns[3].(*widget.Button).OnTapped = func() { l.u.deleteReport(id) }
}

func setCount(l *widget.Label, n int, imp widget.Importance) {
	l.Importance = widget.MediumImportance
	if n > 0 {
		l.Importance = imp
	}
	l.SetText(strconv.Itoa(n))
}

// reload reads the list from the store.
func (l *reportList) reload() {
	var rs []store.Summary
	l.u.backgroundOrShow("无法读取年报列表", func() error {
		var err error
		rs, err = l.u.st.List()
		return err
	}, func() {
		l.reports = rs
		for _, r := range rs {
			l.u.coverText(r.Agency)
		}
		if len(rs) == 0 {
			l.empty.Show()
		} else {
			l.empty.Hide()
		}
		l.list.UnselectAll()
		l.list.Refresh()
		l.u.setStatus(fmt.Sprintf("共 %d 份年报", len(rs)))
	})
}

// columns lays objects out side by side at fixed widths; a width of 0 takes
// what the others leave.
type columns struct{ widths []float32 }

func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for i, o := range objs {
		ms := o.MinSize()
		if i < len(c.widths) && c.widths[i] > 0 {
			w += c.widths[i]
		} else {
			w += ms.Width
		}
		h = max(h, ms.Height)
	}
	return fyne.NewSize(w+theme.Padding()*float32(len(objs)-1), h)
}

func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed, flex := float32(0), 0
	for i := range objs {
		if i < len(c.widths) && c.widths[i] > 0 {
			fixed += c.widths[i]
		} else {
			flex++
		}
	}
	rest := size.Width - fixed - pad*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		w := rest / float32(max(flex, 1))
		if i < len(c.widths) && c.widths[i] > 0 {
			w = c.widths[i]
		}
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos(x, 0))
		x += w + pad
	}
}
