// Package reports is the window's start: 年报列表, the stored reports with
// what can be done to each (打开, 导出, 历史, 删除), the buttons that make or
// bring one (新建, 导入, 示例, 汇总, 已删除的年报), and the registers' count of
// applications falling due. It reads the store; everything it starts is the
// window's, through Actions.
package reports

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/app/window/registerview"
	"nianbao/data/store"
)

// Host is the window the list is shown in.
type Host interface {
	kit.Window
	// Store is the database the window is on.
	Store() store.Store
	// Now is the window's clock (the registers' deadlines).
	Now() time.Time
	// CoverText makes sure the window's font can show texts (agencies'
	// names with rare characters).
	CoverText(texts ...string)
	// Where names the shared database the list is of ("共享数据库 …："),
	// "" for this PC's.
	Where() string
}

// Actions are what the list's buttons do, each the window's.
type Actions struct {
	New, Import, Example, Combine, Register, Deleted func()
	Open, Export, History, Delete                    func(id int64)
}

// Column widths of the list; the agency column takes the rest.
var listColumns = []float32{0, 90, 170, 70, 70, 250}

// List is 年报列表. Make it with New.
type List struct {
	u       Host
	do      Actions
	content fyne.CanvasObject
	list    *widget.List
	empty   *widget.Label
	due     *widget.Button // the registers' count of applications falling due; opens the 台账
	reports []store.Summary
}

// New makes the list in the window u.
func New(u Host, do Actions) *List {
	l := &List{u: u, do: do}
	l.list = widget.NewList(
		func() int { return len(l.reports) },
		l.newRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { l.updateRow(i, o) },
	)
	// Rows carry their own buttons; a selected row would only look chosen.
	l.list.OnSelected = func(widget.ListItemID) { l.list.UnselectAll() }
	l.empty = widget.NewLabel("数据库中还没有年报。点“新建”开始填写，点“导入”读入年报文件（.nianbao.json）或 Word、PDF、网页中的年报，或点“示例”看一份填好的年报。")
	l.empty.Wrapping = fyne.TextWrapWord
	l.empty.Hide()

	btn := func(label string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Importance = widget.LowImportance
		return b
	}
	l.due = btn("", theme.WarningIcon(), do.Register)
	l.due.Importance = widget.DangerImportance
	l.due.Hide()
	newBtn := btn("新建", theme.ContentAddIcon(), do.New)
	newBtn.Importance = widget.HighImportance
	toolbar := container.NewHBox(
		newBtn,
		btn("导入", theme.FolderOpenIcon(), do.Import),
		btn("示例", theme.InfoIcon(), do.Example),
		btn("汇总", theme.GridIcon(), do.Combine),
		layout.NewSpacer(),
		l.due,
		btn("已删除的年报", theme.DeleteIcon(), do.Deleted),
	)
	header := container.New(&kit.Columns{Widths: listColumns},
		kit.BoldLabel("机关名称"), kit.BoldLabel("年度"), kit.BoldLabel("最后保存"), kit.BoldLabel("错误"), kit.BoldLabel("警告"), kit.BoldLabel(""))
	title := widget.NewLabelWithStyle("年报列表", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(container.NewBorder(nil, nil, title, nil, toolbar), widget.NewSeparator(), header, widget.NewSeparator())
	l.content = container.NewBorder(top, nil, nil, nil, container.NewStack(l.list, container.NewVBox(l.empty)))
	return l
}

// Content is what the window shows.
func (l *List) Content() fyne.CanvasObject { return l.content }

// Reports are the reports listed, as last read.
func (l *List) Reports() []store.Summary { return l.reports }

// Due is the count of applications falling due, hidden when there are none.
func (l *List) Due() *widget.Button { return l.due }

// Empty is the note shown over an empty list.
func (l *List) Empty() *widget.Label { return l.empty }

func (l *List) newRow() fyne.CanvasObject {
	btn := func(label string) *widget.Button {
		b := widget.NewButton(label, nil)
		b.Importance = widget.LowImportance
		return b
	}
	agency := widget.NewLabel("")
	agency.Truncation = fyne.TextTruncateEllipsis
	return container.New(&kit.Columns{Widths: listColumns},
		agency, widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""),
		container.NewHBox(btn("打开"), btn("导出"), btn("历史"), btn("删除")))
}

func (l *List) updateRow(i int, o fyne.CanvasObject) {
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
	btns[0].(*widget.Button).OnTapped = func() { l.do.Open(id) }
	btns[1].(*widget.Button).OnTapped = func() { l.do.Export(id) }
	btns[2].(*widget.Button).OnTapped = func() { l.do.History(id) }
	btns[3].(*widget.Button).OnTapped = func() { l.do.Delete(id) }
}

func setCount(l *widget.Label, n int, imp widget.Importance) {
	l.Importance = widget.MediumImportance
	if n > 0 {
		l.Importance = imp
	}
	l.SetText(strconv.Itoa(n))
}

// Reload reads the list from the store (off the UI goroutine), with the
// registers' count of applications falling due.
func (l *List) Reload() {
	var rs []store.Summary
	var due registerview.Count
	st := l.u.Store()
	kit.BackgroundOrShow(l.u, "无法读取年报列表", func() error {
		var err error
		if rs, err = st.List(); err != nil {
			return err
		}
		if reg, ok := st.(registerview.Store); ok {
			agencies := make([]string, 0, len(rs))
			for _, r := range rs {
				agencies = append(agencies, r.Agency)
			}
			due, err = registerview.DueCount(reg, agencies, l.u.Now())
		}
		return err
	}, func() {
		l.due.SetText(due.Text())
		if due.Text() == "" {
			l.due.Hide()
		} else {
			l.due.Show()
		}
		l.reports = rs
		for _, r := range rs {
			l.u.CoverText(r.Agency)
		}
		if len(rs) == 0 {
			l.empty.Show()
		} else {
			l.empty.Hide()
		}
		l.list.UnselectAll()
		l.list.Refresh()
		l.u.SetStatus(l.u.Where() + fmt.Sprintf("共 %d 份年报", len(rs)))
	})
}
