// Package registerview is the window's 台账 room: an agency's applications
// for disclosure, the open ones first by their deadline, those overdue and
// those due within 3 working days marked; filters (year, state, applicant
// type, outcome) and a search; the history of the chosen application; the
// import of an office's register spreadsheet; and part 三 of a year filled
// from the register after the changed cells are shown.
package registerview

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/data/register"
	"nianbao/data/register/spreadsheet"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/workdays"
)

// settingAgency remembers the agency whose register was shown last.
const settingAgency = "register_agency"

// SoonDays is how many working days ahead a deadline is marked as near.
const SoonDays = 3

// Store is what the room needs of the store.
type Store interface {
	store.Register
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	Find(agency string, year int) (int64, *report.Report, error)
	Previous(agency string, year int) (*report.Report, error)
	Put(r *report.Report, kind store.SaveKind) (int64, error)
}

// Host is what the room needs of the window.
type Host interface {
	kit.Window
	// Now is today.
	Now() time.Time
	// ShowList goes back to the report list.
	ShowList()
	// OpenReport opens stored report id in the editor (after part 三 was
	// filled, it shows the report as now stored).
	OpenReport(id int64)
	// ExportRegister writes the agency's register as a workbook, through the
	// window's one export path (which says it holds personal information).
	ExportRegister(agency string, apps []register.Application, cal *workdays.Calendar, today time.Time)
}

// Filter chooses the applications listed.
type Filter struct {
	Year    int // of receipt; 0: every year
	State   register.State
	Type    register.ApplicantType
	Outcome register.Outcome
	Search  string // in the number, the summary, the applicant
}

// Row is one listed application.
type Row struct {
	App   *register.Application
	State register.State
	Due   register.Due
	Open  bool // has a date to act by
}

// Rows filters apps and orders them: those with a date to act by first,
// earliest first, then the rest by receipt date, newest first.
func Rows(apps []register.Application, f Filter, cal *workdays.Calendar, today time.Time) []Row {
	search := strings.TrimSpace(f.Search)
	var out []Row
	for i := range apps {
		a := &apps[i]
		if f.Year != 0 && a.Received.Year() != f.Year || f.Type != register.TypeUnknown && a.Type != f.Type ||
			f.Outcome != register.OutcomeNone && a.Outcome != f.Outcome {
			continue
		}
		if search != "" && !strings.Contains(a.Number, search) && !strings.Contains(a.Summary, search) && !strings.Contains(a.Applicant, search) {
			continue
		}
		st := a.State(cal, today)
		if f.State != "" && st != f.State {
			continue
		}
		d, open := a.NextDue(cal, today)
		out = append(out, Row{a, st, d, open})
	}
	slices.SortStableFunc(out, func(x, y Row) int {
		switch {
		case x.Open && y.Open:
			return x.Due.By.Compare(y.Due.By)
		case x.Open != y.Open:
			if x.Open {
				return -1
			}
			return 1
		}
		return y.App.Received.Compare(x.App.Received)
	})
	return out
}

// Mark is what the list shows beside a row's deadline.
func (r Row) Mark() string {
	switch {
	case !r.Open:
		return ""
	case r.Due.Overdue:
		return fmt.Sprintf("已超期 %d 个工作日", -r.Due.Left)
	case r.Due.Lapsed:
		return r.Due.What + "已过，应办结"
	case r.Due.Left == 0:
		return "今天到期"
	case r.Due.Soon(SoonDays):
		return fmt.Sprintf("%d 个工作日内到期", r.Due.Left)
	}
	return fmt.Sprintf("还有 %d 个工作日", r.Due.Left)
}

// Summary is the count line: "2 件申请 3 个工作日内到期，1 件已超期".
func Summary(rows []Row) string {
	soon, over := 0, 0
	for _, r := range rows {
		switch {
		case !r.Open:
		case r.Due.Overdue:
			over++
		case r.Due.Soon(SoonDays) && !r.Due.Lapsed:
			soon++
		}
	}
	return fmt.Sprintf("%d 件申请 %d 个工作日内到期，%d 件已超期", soon, SoonDays, over)
}

// View is the room.
type View struct {
	u  Host
	st Store

	cal  *workdays.Calendar
	apps []register.Application
	rows []Row

	agency  *widget.Entry
	year    *widget.Select
	state   *widget.Select
	typ     *widget.Select
	outcome *widget.Select
	search  *widget.Entry
	summary *widget.Label
	list    *widget.List
	detail  *widget.Label
	content fyne.CanvasObject

	chosen   int       // the row selected in the list, -1: none
	stepForm *stepForm // the 记录办理 form last opened
	newForm  *newForm  // the 新申请 form last opened
	mapping  *mapping  // the import's mapping last shown
}

const all = "全部"

// New makes the room.
func New(u Host, st Store) *View {
	v := &View{u: u, st: st, cal: workdays.Shipped(), chosen: -1}
	v.agency = widget.NewEntry()
	v.agency.SetPlaceHolder("机关名称")
	v.agency.OnSubmitted = func(string) { v.Start() }
	v.year = widget.NewSelect([]string{all}, func(string) { v.apply() })
	states := []string{all}
	for _, s := range register.States {
		states = append(states, string(s))
	}
	v.state = widget.NewSelect(states, func(string) { v.apply() })
	types := []string{all}
	for c := 0; c < report.ApplicantCols; c++ {
		types = append(types, register.TypeOfCol(c).String())
	}
	v.typ = widget.NewSelect(types, func(string) { v.apply() })
	outcomes := []string{all}
	for row := report.FirstResultRow; row <= report.LastResultRow; row++ {
		outcomes = append(outcomes, register.OutcomeOfRow(row).Label())
	}
	v.outcome = widget.NewSelect(outcomes, func(string) { v.apply() })
	for _, s := range []*widget.Select{v.year, v.state, v.typ, v.outcome} {
		s.SetSelectedIndex(0)
	}
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder("搜索编号、内容、申请人")
	v.search.OnChanged = func(string) { v.apply() }
	v.summary = widget.NewLabel("")
	v.detail = widget.NewLabel(detailHint)
	v.detail.Wrapping = fyne.TextWrapWord
	v.list = widget.NewList(func() int { return len(v.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.line(i)) })
	v.list.OnSelected = func(i widget.ListItemID) { v.chosen = i; v.showDetail(i) }
	v.list.OnUnselected = func(widget.ListItemID) { v.chosen = -1 }
	bar := container.NewHBox(widget.NewLabel("机关"), container.NewGridWrap(fyne.NewSize(220, v.agency.MinSize().Height), v.agency),
		widget.NewLabel("年度"), v.year, widget.NewLabel("状态"), v.state, widget.NewLabel("申请人"), v.typ)
	bar2 := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("办理结果"), v.outcome), container.NewHBox(
		widget.NewButton("登记新申请…", v.newApplication), widget.NewButton("记录办理…", v.recordStep),
		widget.NewButton("导入台账…", v.importSheet), widget.NewButton("导出台账…", v.exportSheet), widget.NewButton("填写第三部分…", v.fill),
		widget.NewButton("年报列表", u.ShowList)), v.search)
	split := container.NewHSplit(v.list, container.NewVScroll(v.detail))
	split.Offset = 0.62
	v.content = container.NewBorder(container.NewVBox(bar, bar2, v.summary), nil, nil, nil, split)
	return v
}

// Content is the room's view.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Start reads the register of the agency in the box (the one shown last
// when the box is empty) and the user's calendar additions.
func (v *View) Start() { v.StartWith("") }

// StartWith is Start, taking the agency of the report open in the window
// when the box is empty and no register was shown before: a clerk coming
// from a report was told 请先填写机关名称 before 登记新申请.
func (v *View) StartWith(open string) {
	agency := strings.TrimSpace(v.agency.Text)
	var apps []register.Application
	var cal *workdays.Calendar
	kit.BackgroundOrShow(v.u, "无法读取台账", func() error {
		if agency == "" {
			a, err := v.st.Setting(settingAgency)
			if err != nil {
				return err
			}
			agency = a
			if agency == "" {
				agency = strings.TrimSpace(open)
			}
		} else if err := v.st.SetSetting(settingAgency, agency); err != nil {
			return err
		}
		texts, err := v.st.CalendarAdditions()
		if err != nil {
			return err
		}
		if cal, err = workdays.New(texts...); err != nil {
			return err
		}
		if agency == "" {
			return nil
		}
		apps, err = v.st.Applications(agency, 0)
		return err
	}, func() {
		v.agency.SetText(agency)
		v.apps, v.cal = apps, cal
		v.setYears()
		v.apply()
	})
}

func (v *View) setYears() {
	years := []string{all}
	seen := map[int]bool{}
	for _, a := range v.apps {
		if y := a.Received.Year(); !seen[y] {
			seen[y] = true
			years = append(years, strconv.Itoa(y))
		}
	}
	slices.Sort(years[1:])
	slices.Reverse(years[1:])
	sel := v.year.Selected
	v.year.Options = years
	if !slices.Contains(years, sel) {
		sel = all
	}
	v.year.SetSelected(sel)
}

// filter reads the filter boxes.
func (v *View) filter() Filter {
	f := Filter{Search: v.search.Text}
	if y, err := strconv.Atoi(v.year.Selected); err == nil {
		f.Year = y
	}
	if v.state.Selected != all {
		f.State = register.State(v.state.Selected)
	}
	if v.typ.Selected != all {
		f.Type, _ = register.ParseType(v.typ.Selected)
	}
	if v.outcome.Selected != all {
		f.Outcome, _ = register.ParseOutcome(v.outcome.Selected)
	}
	return f
}

// apply lists the applications the filter chooses.
func (v *View) apply() {
	if v.list == nil || v.cal == nil {
		return
	}
	v.rows = Rows(v.apps, v.filter(), v.cal, v.u.Now())
	v.summary.SetText(fmt.Sprintf("共 %d 件；%s", len(v.rows), Summary(v.rows)))
	v.list.UnselectAll()
	v.chosen = -1
	v.list.Refresh()
	v.detail.SetText(v.noneChosen())
}

const detailHint = "选中一件申请，这里显示它的办理经过"

// noneChosen is the detail pane with no application chosen: with none
// registered it says how to begin, not 选中一件申请 beside an empty list.
func (v *View) noneChosen() string {
	switch {
	case len(v.apps) == 0:
		return "台账中还没有申请。\n点“登记新申请…”登记收到的申请。\n已有台账时，点“导入台账…”读入。"
	case len(v.rows) == 0:
		return "没有符合所选条件的申请。"
	}
	return detailHint
}

// line is row i as the list shows it.
func (v *View) line(i int) string {
	if i >= len(v.rows) {
		return ""
	}
	r := v.rows[i]
	a := r.App
	s := fmt.Sprintf("%s  %s  %s  %s", a.Number, a.Received.Format(time.DateOnly), a.Type, r.State)
	if r.Open {
		by := r.Due.By.Format(time.DateOnly)
		if r.Due.Provisional {
			by += "（待定）"
		}
		s += fmt.Sprintf("  %s %s  %s", r.Due.What, by, r.Mark())
		if r.Due.Overdue || r.Due.Lapsed || r.Due.Soon(SoonDays) {
			s = "● " + s
		}
	} else if a.Ended() {
		s += "  " + a.Outcome.Label()
	}
	return s
}

// showDetail shows the history of row i.
func (v *View) showDetail(i int) {
	if i >= len(v.rows) {
		return
	}
	a := v.rows[i].App
	var b strings.Builder
	fmt.Fprintf(&b, "%s（%s）\n申请人类型：%s\n", a.Where(), v.rows[i].State, a.Type)
	if a.Summary != "" {
		fmt.Fprintf(&b, "申请内容：%s\n", a.Summary)
	}
	c := a.Clock(v.cal)
	if !c.Due.IsZero() {
		fmt.Fprintf(&b, "答复期限：%s", c.Due.Format(time.DateOnly))
		if c.Provisional {
			b.WriteString("（待定：该年放假安排尚未公布）")
		}
		b.WriteString("\n")
	}
	if a.Outcome.Valid() {
		fmt.Fprintf(&b, "办理结果：%s（条例%s）\n", a.Outcome.Label(), a.Outcome.Article())
	}
	b.WriteString("\n办理经过：\n")
	for _, e := range a.History() {
		fmt.Fprintf(&b, "%s  %s\n", e.Date.Format(time.DateOnly), e.What)
	}
	for _, w := range a.Warnings(v.cal) {
		fmt.Fprintf(&b, "注意：%s\n", w)
	}
	v.detail.SetText(b.String())
}

// importSheet imports an office's register spreadsheet into the agency's register.
func (v *View) importSheet() {
	agency := strings.TrimSpace(v.agency.Text)
	if agency == "" {
		kit.ShowMessage(v.u.Window(), "导入台账", "请先填写机关名称")
		return
	}
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			kit.ShowError(v.u.Window(), "无法打开台账表格", err)
			return
		}
		if rc == nil {
			return
		}
		rc.Close()
		v.u.Files().RememberFolder(rc.URI())
		v.ImportFile(agency, kit.SystemPath(rc.URI()))
	}, v.u.Window())
	v.u.Files().Show(d, []string{".xlsx", ".csv", ".xls", ".et"})
}

// importReport says what an import read: the columns and the rows left out.
func importReport(res *spreadsheet.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "表头在第 %d 行，导入 %d 件。\n各列对应：\n", res.HeaderRow, len(res.Apps))
	for _, c := range res.Columns {
		if c.Header == "" {
			continue
		}
		f := string(c.Field)
		if c.Field == spreadsheet.FieldNone || c.Field == spreadsheet.FieldDue {
			f = "不导入"
		}
		fmt.Fprintf(&b, "  %s 列“%s” → %s\n", c.Letter, c.Header, f)
	}
	if len(res.Problems) > 0 {
		fmt.Fprintf(&b, "以下 %d 行没有导入，请改正后再导入：\n", len(res.Problems))
		for _, p := range res.Problems {
			fmt.Fprintf(&b, "  %s\n", p)
		}
	}
	return b.String()
}

// exportSheet writes the agency's whole register (not only the listed
// applications) as a workbook for the file.
func (v *View) exportSheet() {
	agency := strings.TrimSpace(v.agency.Text)
	if agency == "" || len(v.apps) == 0 {
		kit.ShowMessage(v.u.Window(), "导出台账", "台账中还没有申请：请先填写机关名称，登记或导入申请")
		return
	}
	v.u.ExportRegister(agency, slices.Clone(v.apps), v.cal, v.u.Now())
}

// fill fills part 三 of the chosen year from the register, after showing the
// changed cells; a published year shows its differences and is not changed.
func (v *View) fill() {
	agency := strings.TrimSpace(v.agency.Text)
	year, err := strconv.Atoi(v.year.Selected)
	if agency == "" || err != nil {
		kit.ShowMessage(v.u.Window(), "填写第三部分", "请先选择机关和年度")
		return
	}
	v.u.Flush(func() { v.prepareFill(agency, year) })
}

func (v *View) prepareFill(agency string, year int) {
	var (
		r       *report.Report
		f       register.Filled
		changes []register.Change
		locked  bool
	)
	apps := v.apps // read on the store's goroutine: the slice as it is now
	kit.BackgroundOrShow(v.u, "无法按台账计算第三部分", func() error {
		var err error
		_, r, err = v.st.Find(agency, year)
		if errors.Is(err, store.ErrNotFound) {
			r, err = report.New(agency, year), nil // filled into a new report, as 新建 makes it
		}
		if err != nil {
			return err
		}
		last, err := v.st.Previous(agency, year)
		if err != nil {
			return err
		}
		f = register.Fill(apps, year, last)
		changes = register.Changes(r.Applications, f.Table)
		locked, err = v.st.YearLocked(agency, year)
		return err
	}, func() { v.confirmFill(r, f, changes, locked) })
}

func (v *View) confirmFill(r *report.Report, f register.Filled, changes []register.Change, locked bool) {
	var b strings.Builder
	if len(changes) == 0 {
		b.WriteString("第三部分与台账一致，没有需要改动的格子。\n")
	}
	for _, c := range changes {
		fmt.Fprintf(&b, "%s：%d → %d\n", c.Where(), c.Old, c.New)
	}
	for _, u := range f.Uncounted {
		fmt.Fprintf(&b, "未计入：%s\n", u)
	}
	title := fmt.Sprintf("按台账填写%s %d 年第三部分", r.Agency, r.Year)
	if len(changes) == 0 || locked || len(f.Uncounted) > 0 {
		if locked && len(changes) > 0 {
			b.WriteString("\n该年度的年报已发布（锁定），没有改动；以上是年报与台账的差异。\n")
			for _, d := range register.Compare(r.Applications, f) {
				b.WriteString(d.Explain() + "\n")
			}
		} else if len(f.Uncounted) > 0 {
			b.WriteString("\n有未计入的申请，请先在台账中确定它们的类型或结果。\n")
		}
		kit.ShowMessage(v.u.Window(), title, b.String())
		return
	}
	b.WriteString("\n写入后，原内容保存为历史版本。")
	kit.Confirm(v.u.Window(), title, b.String(), "写入", func() {
		next := r.Clone()
		next.Applications = f.Table
		var id int64
		kit.BackgroundOrShow(v.u, "写入失败，年报没有改动", func() error {
			var err error
			id, err = v.st.Put(next, store.SaveManual)
			return err
		}, func() {
			v.u.SetStatus(fmt.Sprintf("已按台账写入%s %d 年第三部分 %d 格", r.Agency, r.Year, len(changes)))
			v.u.OpenReport(id)
		})
	})
}
