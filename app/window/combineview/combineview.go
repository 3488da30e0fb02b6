// Package combineview is the window's 汇总 room: the round's agency and year,
// the status of every unit, the combined tables with each cell's
// contributions, and the notes (problems, findings of the sum, hierarchy
// check). Its workbook goes out through the window's one export path.
package combineview

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/data/check"
	"nianbao/data/combine"
	"nianbao/data/figure"
	"nianbao/data/intake"
	"nianbao/data/printed"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/syserr"
)

// Settings that remember the round worked on last.
const (
	settingCombineAgency = "combine_agency"
	settingCombineYear   = "combine_year"
)

// Store is what the room needs of the store.
type Store interface {
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	Roster(agency string, year int) (units []combine.Unit, from int, err error)
	SetRoster(agency string, year int, units []combine.Unit) error
	combine.Database // the round reads the stored reports (combine.FromDatabase)
	StoreReceived(r *report.Report, at time.Time) (store.Received, error)
	Find(agency string, year int) (int64, *report.Report, error)
	SaveCombined(combined *report.Report, members []string) (int64, error)
}

// Saves is a store that tells when any program saved a report (a server's
// database, through LISTEN/NOTIFY): the room then follows the units' saves
// as they come, without reading the database over and over.
type Saves interface {
	// WatchSaves calls saved, on a goroutine of its own, with the agency
	// and year of each report saved by anyone ("" and 0: anything may have
	// changed, read again), until ctx ends.
	WatchSaves(ctx context.Context, saved func(agency string, year int))
}

// followDelay gathers the saves of a moment into one reading of the round.
const followDelay = 300 * time.Millisecond

// Host is what the room needs of the window.
type Host interface {
	kit.Window
	ShowList()
	// OpenReport opens stored report id in the editor.
	OpenReport(id int64)
	// CreateReport makes the report of agency and year (from its previous
	// year's) and opens it.
	CreateReport(agency string, year int, fromPrevious bool)
	// ExportSheet writes the round's workbook through the export path.
	ExportSheet(res *combine.Result)
	// Now is the clock of the defaults.
	Now() time.Time
	// ReadReport reads a unit's file of any format (off the UI goroutine).
	ReadReport(ctx context.Context, path string) (*report.Report, *intake.Reading, error)
	// ConfirmReading shows what was read from the file at path for a person
	// to correct and confirm; then gets the report confirmed.
	ConfirmReading(path string, r *report.Report, rd *intake.Reading, then func(*report.Report))
}

// statusColumn is a column of the status list: title and width.
type statusColumn struct {
	title string
	width float32
}

// statusColumns are the columns of the status list: the unit's own, then its
// key figures under combine.KeyFigureLabels.
var statusColumns = func() []statusColumn {
	cols := []statusColumn{
		{"计入", 50}, {"单位", 260}, {"类型", 80}, {"分组", 100}, {"状态", 70}, {"收到时间", 140}, {"错误", 50}, {"警告", 50},
	}
	widths := [len(combine.KeyFigureLabels)]float32{70, 60, 80, 70, 70, 70, 70}
	for i, l := range combine.KeyFigureLabels {
		cols = append(cols, statusColumn{l, widths[i]})
	}
	return cols
}()

// combineView is the 汇总 view: the round's agency and year, the status of
// every unit, the combined tables with each cell's contributions, and the
// notes (problems, findings of the sum, hierarchy check).
type View struct {
	u       Host
	st      Store
	content fyne.CanvasObject

	agency, year *widget.Entry
	summary      *widget.Label
	status       *widget.Table
	unitInfo     *widget.Label
	openBtn      *widget.Button
	includeBtn   *widget.Button
	tables       *fyne.Container
	contribTitle *widget.Label
	contrib      *widget.List
	notes        *fyne.Container
	tabs         *container.AppTabs

	buttons map[int]*widget.Button // figure buttons of the combined tables, by cell

	res      *combine.Result
	exclude  map[string]bool
	selected int // row of the status list, -1 for none
	cell     int // the combined cell whose contributions are shown, -1 for none
	contribs []combine.Contribution
	pending  []pending // units' files that wait for a person, not stored

	stopWatch context.CancelFunc // ends following the saves (Stop); nil while not following
	followDue bool               // a reading of the round for saves is on its way
}

// New makes the 汇总 view in the window u on the store st.
func New(u Host, st Store) *View {
	v := &View{u: u, st: st, exclude: map[string]bool{}, selected: -1, cell: -1}
	v.agency = widget.NewEntry()
	v.agency.SetPlaceHolder("汇总的机关，如 某某县人民政府")
	v.year = widget.NewEntry()
	v.year.SetPlaceHolder("年度")
	v.agency.OnSubmitted = func(string) { v.refresh() }
	v.year.OnSubmitted = func(string) { v.refresh() }

	btn := func(label string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Importance = widget.LowImportance
		return b
	}
	refresh := btn("汇总", theme.ViewRefreshIcon(), v.refresh)
	refresh.Importance = widget.HighImportance
	toolbar := container.NewHBox(
		btn("年报列表", theme.ListIcon(), u.ShowList),
		widget.NewSeparator(),
		btn("导入名单…", theme.FileTextIcon(), v.importRoster),
		btn("导入报告文件…", theme.FileIcon(), v.importFile),
		btn("导入文件夹…", theme.FolderOpenIcon(), v.importFolder),
		widget.NewSeparator(),
		btn("导出汇总表格…", theme.DownloadIcon(), v.exportSheet),
		btn("保存为本级报告…", theme.DocumentSaveIcon(), v.saveOwn),
	)
	form := container.NewBorder(nil, nil, widget.NewLabel("机关"), container.NewHBox(widget.NewLabel("年度"),
		container.New(kit.FixedWidth(90), v.year), refresh), v.agency)
	title := widget.NewLabelWithStyle("汇总", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.summary = widget.NewLabel("填写汇总的机关和年度，点“汇总”。")
	v.summary.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewBorder(nil, nil, title, nil, toolbar), widget.NewSeparator(), form, v.summary)

	v.status = widget.NewTableWithHeaders(
		func() (int, int) { return v.unitCount(), len(statusColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		v.updateStatusCell,
	)
	v.status.ShowHeaderColumn = false
	v.status.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.status.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(statusColumns) {
			o.(*widget.Label).SetText(statusColumns[id.Col].title)
		}
	}
	for i, c := range statusColumns {
		v.status.SetColumnWidth(i, c.width)
	}
	v.status.OnSelected = func(id widget.TableCellID) { v.selectUnit(id.Row) }
	v.unitInfo = widget.NewLabel("选中一个单位，可打开它的报告，或决定是否计入合计。")
	v.unitInfo.Wrapping = fyne.TextWrapWord
	v.openBtn = widget.NewButtonWithIcon("打开报告", theme.DocumentIcon(), v.openUnit)
	v.includeBtn = widget.NewButton("不计入合计", v.toggleInclude)
	v.openBtn.Disable()
	v.includeBtn.Disable()
	statusTab := container.NewBorder(nil, container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(v.openBtn, v.includeBtn)), v.unitInfo), nil, nil, v.status)

	v.tables = container.NewVBox()
	v.contribTitle = widget.NewLabel("点合计表中的一个数字，这里列出各单位的数字。")
	v.contribTitle.Wrapping = fyne.TextWrapWord
	v.contrib = widget.NewList(
		func() int { return len(v.contribs) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, widget.NewLabel("0"), widget.NewLabel("单位"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			k := v.contribs[i]
			c.Objects[0].(*widget.Label).SetText(k.Unit)
			val := c.Objects[1].(*widget.Label)
			val.SetText(combine.Cells()[v.cell].Text(k.Value))
			val.TextStyle.Bold = k.Value != 0
			val.Refresh()
		},
	)
	contribPane := container.NewBorder(v.contribTitle, nil, nil, nil, v.contrib)
	split := container.NewHSplit(container.NewScroll(container.NewPadded(v.tables)), contribPane)
	split.Offset = 0.68

	v.notes = container.NewVBox()
	v.tabs = container.NewAppTabs(
		container.NewTabItem("收报情况", statusTab),
		container.NewTabItem("合计", split),
		container.NewTabItem("注意事项", container.NewVScroll(v.notes)),
	)
	v.content = container.NewBorder(top, nil, nil, nil, v.tabs)
	return v
}

func (v *View) unitCount() int {
	if v.res == nil {
		return 0
	}
	return len(v.res.Units)
}

func statusImportance(s combine.Status) widget.Importance {
	switch s {
	case combine.Overdue, combine.Errors:
		return widget.DangerImportance
	case combine.Warnings:
		return widget.WarningImportance
	case combine.Passed:
		return widget.SuccessImportance
	}
	return widget.MediumImportance
}

func (v *View) updateStatusCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Importance = widget.MediumImportance
	l.Truncation = fyne.TextTruncateEllipsis
	if v.res == nil || id.Row >= len(v.res.Units) {
		l.SetText("")
		return
	}
	u := v.res.Units[id.Row]
	text := ""
	switch id.Col {
	case 0:
		switch {
		case u.Included:
			text = "√" // in the window's own font (✓ needs an emoji or symbol font)
		case u.Source != "":
			text = "—"
		}
	case 1:
		text = u.Name
	case 2:
		text = combine.TypeLabel(u.Type)
	case 3:
		text = u.Group
	case 4:
		text = u.Status.Label()
		l.Importance = statusImportance(u.Status)
		if u.Source == "" && v.pendingOf(u.Name, v.res.Year) != nil {
			text = "待核对"
			l.Importance = widget.WarningImportance
		}
	case 5:
		if !u.At.IsZero() {
			text = u.At.Local().Format("2006-01-02 15:04")
		}
	case 6, 7:
		if u.Source != "" {
			n := u.Errors
			if id.Col == 7 {
				n = u.Warnings
			}
			text = strconv.Itoa(n)
			if n > 0 && id.Col == 6 {
				l.Importance = widget.DangerImportance
			}
		}
	default:
		if u.Source != "" {
			text = strconv.FormatInt(u.Key().Values()[id.Col-8], 10)
		}
	}
	l.SetText(text)
}

// Content is the view, for the window's body.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Start fills in the round used last, the first time, and combines; on a
// store that tells of saves, it follows them from then on (until Stop).
func (v *View) Start() {
	v.follow()
	if v.agency.Text != "" {
		v.refresh()
		return
	}
	var agency, year string
	v.u.Background(func() error {
		var err error
		if agency, err = v.st.Setting(settingCombineAgency); err != nil {
			return err
		}
		year, err = v.st.Setting(settingCombineYear)
		return err
	}, func(err error) {
		if err != nil {
			kit.ShowError(v.u.Window(), "无法读取设置", err)
		}
		if year == "" {
			year = strconv.Itoa(report.DefaultYear(v.u.Now())) // as 新建 proposes
		}
		v.agency.SetText(agency)
		v.year.SetText(year)
		if agency != "" {
			v.refresh()
		}
	})
}

// follow starts following the saves of every program, once, when the store tells of them.
func (v *View) follow() {
	saves, ok := v.st.(Saves)
	if !ok || v.stopWatch != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	v.stopWatch = cancel
	go saves.WatchSaves(ctx, func(agency string, year int) {
		v.u.Post(func() { v.saved(year) })
	})
}

// Stop ends following the saves (the window closes).
func (v *View) Stop() {
	if v.stopWatch != nil {
		v.stopWatch()
	}
}

// saved is a report of year saved by someone: the round shown is read again
// when it is of that year, once for the saves of a moment.
func (v *View) saved(year int) {
	if v.res == nil || (year != 0 && year != v.res.Year) || v.followDue {
		return
	}
	v.followDue = true
	time.AfterFunc(followDelay, func() { v.u.Post(v.reread) })
}

// reread combines the round shown again, quietly: the unit selected stays
// selected, and a failure is said on the status line, not in a dialog.
func (v *View) reread() {
	v.followDue = false
	if v.res == nil {
		return
	}
	agency, year, selected := v.res.Agency, v.res.Year, v.selected
	var rd roundRead
	v.u.Background(func() (err error) {
		if rd, err = v.read(agency, year); rd.res != nil {
			return nil // a sum beyond a report file: the round is shown, as refresh shows it
		}
		return err
	}, func(err error) {
		if err != nil {
			v.u.SetStatusError("汇总未能更新各单位的状态：" + syserr.Text(err))
			return
		}
		if v.res == nil || v.res.Agency != agency || v.res.Year != year {
			return // another round was asked for meanwhile
		}
		v.exclude = rd.exclude
		v.show(rd.res, rd.from)
		if selected >= 0 && selected < v.unitCount() {
			v.status.Select(widget.TableCellID{Row: selected, Col: 1})
		}
	})
}

// roundRead is a round combined from the database.
type roundRead struct {
	res     *combine.Result
	from    int // the year of the roster, 0 for none
	exclude map[string]bool
}

// read combines the round of agency and year from the database (on the
// store's goroutine). A result comes with an error when a sum went beyond a
// report file: the round is shown then, and the error too.
func (v *View) read(agency string, year int) (roundRead, error) {
	rd := roundRead{exclude: map[string]bool{}}
	left, err := v.st.Setting(excludeSetting(agency, year))
	if err != nil {
		return rd, err
	}
	for _, name := range strings.Split(left, "\n") {
		if name != "" {
			rd.exclude[name] = true
		}
	}
	roster, from, err := v.st.Roster(agency, year)
	if err != nil {
		return rd, err
	}
	rd.from = from
	rd.res, err = combine.FromDatabase(v.st, combine.Options{Agency: agency, Year: year, Roster: roster, Exclude: rd.exclude, Now: time.Now()})
	return rd, err
}

// round reads the agency and year typed in, or says what is wrong.
func (v *View) round() (string, int, bool) {
	agency := strings.TrimSpace(v.agency.Text)
	if agency == "" {
		kit.ShowMessage(v.u.Window(), "汇总", "请填写汇总的机关名称（本级政府，如“某某县人民政府”）。")
		return "", 0, false
	}
	year, err := figure.ParseYear(v.year.Text)
	if err != nil {
		kit.ShowMessage(v.u.Window(), "汇总", err.Error())
		return "", 0, false
	}
	return agency, year, true
}

// refresh combines the round from the database and shows it.
func (v *View) refresh() {
	agency, year, ok := v.round()
	if !ok {
		return
	}
	var rd roundRead
	kit.BackgroundOrShow(v.u, "无法汇总", func() error {
		var err error
		rd, err = v.read(agency, year)
		if rd.res == nil { // a sum beyond a report file comes with the whole round, which is shown
			return err
		}
		if err := v.st.SetSetting(settingCombineAgency, agency); err != nil {
			return err
		}
		return v.st.SetSetting(settingCombineYear, strconv.Itoa(year))
	}, func() {
		v.exclude = rd.exclude
		v.show(rd.res, rd.from)
	})
}

// excludeSetting is the setting that keeps the units the office left out of
// a round's sum, one name a line.
func excludeSetting(agency string, year int) string {
	return fmt.Sprintf("combine_exclude/%s/%d", agency, year)
}

func (v *View) show(res *combine.Result, rosterFrom int) {
	v.res = res
	text := res.Summary()
	switch {
	case rosterFrom == 0:
		text += "。还没有名单：数据库中该年度的每份报告都作为单位。点“导入名单…”读入名单。"
	case rosterFrom != res.Year:
		text += fmt.Sprintf("。%d 年还没有名单，沿用 %d 年的名单；导入新名单即为 %d 年的名单。", res.Year, rosterFrom, res.Year)
	}
	errs, warns := check.Counts(res.Findings)
	if waiting := v.pendingIn(res.Year); len(waiting) > 0 {
		var names []string
		for _, p := range waiting {
			name := "“" + p.report.Agency + "”"
			for _, u := range res.Units {
				if u.Name == p.report.Agency && u.Source != "" {
					name += "（合计中用的是数据库中已有的它的报告）"
				}
			}
			names = append(names, name)
		}
		text += fmt.Sprintf("\n%d 份文件有需要人工核对之处，尚未计入合计：%s（见“注意事项”，核对后计入）。", len(waiting), strings.Join(names, "、"))
	}
	text += fmt.Sprintf("\n合计：%d 个错误，%d 个警告；本级报告与合计不符 %d 处；注意事项 %d 条。", errs, warns, len(res.Hierarchy), len(res.Problems))
	v.summary.SetText(text)
	v.status.UnselectAll()
	v.status.Refresh()
	v.selectUnit(-1)
	v.buildTables()
	v.showContributions(v.cell)
	v.buildNotes()
}

func (v *View) selectUnit(row int) {
	v.selected = row
	if v.res == nil || row < 0 || row >= len(v.res.Units) {
		v.selected = -1
		v.unitInfo.SetText("选中一个单位，可打开它的报告，或决定是否计入合计。")
		v.openBtn.Disable()
		v.includeBtn.Disable()
		return
	}
	u := v.res.Units[row]
	var b strings.Builder
	fmt.Fprintf(&b, "%s（%s）：%s", u.Name, combine.TypeLabel(u.Type), u.Status.Label())
	waiting := v.pendingOf(u.Name, v.res.Year)
	if u.Source == "" && waiting != nil {
		b.WriteString("。收到的文件" + doubtLines(*waiting))
	} else if u.Source == "" {
		d := combine.Deadline(u.Type, v.res.Year)
		fmt.Fprintf(&b, "，应于 %d 年 %d 月 %d 日前公布", d.Year(), d.Month(), d.Day())
	} else {
		fmt.Fprintf(&b, "，%d 个错误，%d 个警告", u.Errors, u.Warnings)
		if u.LeftOutWhy != "" {
			fmt.Fprintf(&b, "，未计入合计：%s", u.LeftOutWhy)
		}
		for i, f := range u.Findings {
			if i == 3 {
				fmt.Fprintf(&b, "\n……共 %d 条", len(u.Findings))
				break
			}
			fmt.Fprintf(&b, "\n%s（%s）：%s", severityLabel(f.Severity), check.RuleName(f.Rule), f.Message)
		}
	}
	v.unitInfo.SetText(b.String())
	switch {
	case u.ID != 0:
		v.openBtn.SetText("打开报告")
		v.openBtn.Enable()
	case waiting != nil:
		v.openBtn.SetText("核对文件")
		v.openBtn.Enable()
	case u.Source == "":
		// Typed in from the unit's published report.
		v.openBtn.SetText("录入报告")
		v.openBtn.Enable()
	default:
		v.openBtn.Disable()
	}
	if u.Source == "" || strings.HasPrefix(u.LeftOutWhy, "已计入") {
		v.includeBtn.Disable()
	} else {
		v.includeBtn.Enable()
	}
	if v.exclude[u.Name] {
		v.includeBtn.SetText("计入合计")
	} else {
		v.includeBtn.SetText("不计入合计")
	}
}

func severityLabel(s check.Severity) string {
	if s == check.Error {
		return "错误"
	}
	return "警告"
}

func (v *View) openUnit() {
	if v.selected < 0 || v.res == nil {
		return
	}
	u := v.res.Units[v.selected]
	switch {
	case u.ID != 0:
		v.u.OpenReport(u.ID)
	case u.Source == "" && v.pendingOf(u.Name, v.res.Year) != nil:
		v.confirmPending(*v.pendingOf(u.Name, v.res.Year))
	case u.Source == "":
		v.u.CreateReport(u.Name, v.res.Year, true)
	}
}

func (v *View) toggleInclude() {
	if v.selected < 0 || v.res == nil {
		return
	}
	name := v.res.Units[v.selected].Name
	var names []string
	for n := range v.exclude {
		if n != name {
			names = append(names, n)
		}
	}
	if !v.exclude[name] {
		names = append(names, name)
	}
	sort.Strings(names)
	key := excludeSetting(v.res.Agency, v.res.Year)
	kit.BackgroundOrShow(v.u, "无法保存计入合计的选择", func() error {
		return v.st.SetSetting(key, strings.Join(names, "\n"))
	}, v.refresh)
}

// buildTables shows the combined three tables laid out from the printed
// model, every figure a button that lists its contributions.
func (v *View) buildTables() {
	v.tables.Objects = nil
	v.buttons = map[int]*widget.Button{}
	if v.res == nil {
		v.tables.Refresh()
		return
	}
	index := map[[3]any]int{}
	for _, c := range combine.Cells() {
		index[[3]any{c.Field.Part, c.Field.Row, c.Field.Index}] = c.Index
	}
	for _, t := range printed.Tables() {
		widths := tableWidths(t)
		g := &spanGrid{colW: widths, rowH: rowHeights(t, widths)}
		var objs []fyne.CanvasObject
		for _, c := range t.Cells {
			var o fyne.CanvasObject
			if c.Kind == printed.KindFigure {
				i := index[[3]any{c.Field.Part, c.Field.Row, c.Field.Index}]
				cell := combine.Cells()[i]
				b := widget.NewButton(cell.Text(v.res.Sum[i]), func() { v.showContributions(i) })
				b.Importance = widget.LowImportance
				if i == v.cell {
					b.Importance = widget.HighImportance
				}
				v.buttons[i] = b
				o = b
			} else {
				l := widget.NewLabel(c.Text)
				l.Wrapping = fyne.TextWrapWord
				l.TextStyle.Bold = c.Kind != printed.KindRowHead
				if c.Kind != printed.KindRowHead || c.Align == printed.AlignCenter {
					l.Alignment = fyne.TextAlignCenter
				}
				o = l
			}
			g.spans = append(g.spans, [4]int{c.Row, c.Col, c.RowSpan, c.ColSpan})
			objs = append(objs, container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameBackground)), o))
		}
		heading := widget.NewLabelWithStyle(t.Heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		v.tables.Add(heading)
		rules := canvas.NewRectangle(theme.Color(theme.ColorNameForeground))
		v.tables.Add(container.NewHBox(container.NewStack(rules, container.New(g, objs...))))
	}
	v.tables.Refresh()
}

// tableWidths are the column widths of a table in the window.
func tableWidths(t *printed.Table) []float32 {
	w := make([]float32, t.Cols)
	for i := range w {
		w[i] = 80
	}
	switch t.ID {
	case "proactive":
		w[0] = 160
		for i := 1; i < len(w); i++ {
			w[i] = 130
		}
	case "applications":
		w[0], w[1], w[2] = 110, 170, 330
		for i := 3; i < len(w); i++ {
			w[i] = 78
		}
	}
	return w
}

// rowHeights gives each row of a table room for its labels: about 15 pixels
// a character at the window's text size, 20 a line, one line at least.
func rowHeights(t *printed.Table, widths []float32) []float32 {
	h := make([]float32, t.Rows)
	for i := range h {
		h[i] = 38
	}
	for _, c := range t.Cells {
		if c.Text == "" || c.RowSpan != 1 {
			continue
		}
		var w float32
		for i := c.Col; i < c.Col+c.ColSpan; i++ {
			w += widths[i]
		}
		lines := float32(int(float32(len([]rune(c.Text)))*15/(w-16)) + 1)
		if need := lines*20 + 16; need > h[c.Row] {
			h[c.Row] = need
		}
	}
	return h
}

// spanGrid lays out cells with row and column spans on fixed widths and heights.
type spanGrid struct {
	colW, rowH []float32
	spans      [][4]int // row, col, rows, cols of each object
}

func (g *spanGrid) offsets(sizes []float32, from, n int) (float32, float32) {
	var start, length float32
	for i := 0; i < from+n; i++ {
		if i < from {
			start += sizes[i]
		} else {
			length += sizes[i]
		}
	}
	return start, length
}

func (g *spanGrid) MinSize([]fyne.CanvasObject) fyne.Size {
	_, w := g.offsets(g.colW, 0, len(g.colW))
	_, h := g.offsets(g.rowH, 0, len(g.rowH))
	return fyne.NewSize(w, h)
}

func (g *spanGrid) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	for i, o := range objs {
		s := g.spans[i]
		y, h := g.offsets(g.rowH, s[0], s[2])
		x, w := g.offsets(g.colW, s[1], s[3])
		o.Move(fyne.NewPos(x+1, y+1))
		o.Resize(fyne.NewSize(w-2, h-2))
	}
}

// showContributions lists each counted unit's figure in the cell.
func (v *View) showContributions(i int) {
	if v.res == nil || i < 0 {
		v.contribs = nil
		v.contrib.Refresh()
		return
	}
	prev := v.cell
	v.cell = i
	c := combine.Cells()[i]
	v.contribs = v.res.Contributions(i)
	nonzero := 0
	for _, k := range v.contribs {
		if k.Value != 0 {
			nonzero++
		}
	}
	// Units with a figure first, largest first; the zeros after, in list order.
	sortContributions(v.contribs)
	v.contribTitle.SetText(fmt.Sprintf("“%s”合计 %s，来自 %d 个单位（%d 个不为 0）：", c.Label, c.Text(v.res.Sum[i]), len(v.contribs), nonzero))
	v.contrib.Refresh()
	v.contrib.ScrollToTop()
	if prev != i {
		if b := v.buttons[prev]; b != nil {
			b.Importance = widget.LowImportance
			b.Refresh()
		}
		if b := v.buttons[i]; b != nil {
			b.Importance = widget.HighImportance
			b.Refresh()
		}
	}
}

func sortContributions(cs []combine.Contribution) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Value > cs[j-1].Value; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// buildNotes lists the round's problems, the findings of the sum and the hierarchy check.
func (v *View) buildNotes() {
	v.notes.Objects = nil
	add := func(s string, imp widget.Importance) {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = imp
		v.notes.Add(l)
	}
	if v.res != nil {
		for _, p := range v.pendingIn(v.res.Year) {
			l := widget.NewLabel("待核对：" + doubtLines(p))
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.DangerImportance
			check := widget.NewButton("核对…", func() { v.confirmPending(p) })
			v.notes.Add(container.NewBorder(nil, nil, nil, container.NewVBox(check), l))
		}
		for _, p := range v.res.Problems {
			add("收报："+p.Message, widget.WarningImportance)
		}
		for _, f := range v.res.Findings {
			imp := widget.WarningImportance
			if f.Severity == check.Error {
				imp = widget.DangerImportance
			}
			add(fmt.Sprintf("合计%s（%s）：%s", severityLabel(f.Severity), check.RuleName(f.Rule), f.Message), imp)
		}
		if bad := v.res.ErrorUnits(); len(bad) > 0 && len(v.res.Findings) > 0 {
			add("合计中有错误的单位："+strings.Join(bad, "、")+"（合计的错误多由它们而来；可在“收报情况”中选中单位打开修改，或不计入合计）", widget.DangerImportance)
		}
		for _, f := range v.res.Hierarchy {
			add(fmt.Sprintf("本级报告（%s）：%s", check.RuleName(f.Rule), f.Message), widget.WarningImportance)
		}
	}
	if len(v.notes.Objects) == 0 {
		add("没有需要注意的事项。", widget.MediumImportance)
	}
	v.notes.Refresh()
}

// importRoster reads a roster text file as the round's roster.
func (v *View) importRoster() {
	agency, year, ok := v.round()
	if !ok {
		return
	}
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			kit.ShowError(v.u.Window(), "无法打开名单", err)
			return
		}
		if rc == nil {
			return
		}
		defer rc.Close()
		v.u.Files().RememberFolder(rc.URI())
		data, err := v.u.Files().Read(rc)
		if err != nil {
			kit.ShowError(v.u.Window(), "无法读取名单", err)
			return
		}
		units, err := combine.ParseRoster(rc.URI().Name(), data)
		if err != nil {
			kit.ShowMessage(v.u.Window(), "无法导入名单", err.Error())
			return
		}
		kit.BackgroundOrShow(v.u, "无法保存名单", func() error {
			return v.st.SetRoster(agency, year, units)
		}, func() {
			v.u.SetStatus(fmt.Sprintf("已导入%s %d 年的名单：%d 个单位", agency, year, len(units)))
			v.refresh()
		})
	}, v.u.Window())
	v.u.Files().Show(d, []string{".txt"})
}

// importFile imports one unit's report file.
func (v *View) importFile() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			kit.ShowError(v.u.Window(), "无法打开文件", err)
			return
		}
		if rc == nil {
			return
		}
		rc.Close()
		v.u.Files().RememberFolder(rc.URI())
		v.importPaths([]string{rc.URI().Path()})
	}, v.u.Window())
	v.u.Files().Show(d, ReportExts)
}

// ReportExts are the files a unit's report arrives as, for the file dialogs.
var ReportExts = []string{".json", ".docx", ".pdf", ".html", ".htm", ".doc", ".wps", ".rtf", ".mht", ".mhtml"}

// importFolder imports every report file in a folder (and its subfolders).
func (v *View) importFolder() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			kit.ShowError(v.u.Window(), "无法打开文件夹", err)
			return
		}
		if dir == nil {
			return
		}
		v.u.Files().RememberDir(dir)
		v.importPaths([]string{dir.Path()})
	}, v.u.Window())
	d.SetTitleText("选择收到的年报所在的文件夹（其中的子文件夹也读入）")
	d.SetConfirmText("导入此文件夹")
	v.u.Files().Show(d, nil)
}

// importPaths reads the units' files found at paths (report files, Word
// files, PDFs, web pages; folders at any depth) off the UI goroutine, saying
// which it reads, then stores those read completely and says, file by file,
// what became of each: imported, replacing an older one, older than the one
// stored (both kept), of another year, unreadable, or waiting for a person
// because cells or parts of it could not be read for certain (never summed
// until confirmed).
func (v *View) importPaths(paths []string) {
	agency, year, ok := v.round()
	if !ok {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	dlg := newReadDialog(v.u.Window(), cancel)
	go func() {
		found, err := combine.ExpandPaths(paths)
		var arrivals []arrival
		if err == nil {
			v.u.Files().NoteRead(found.Files...) // no output of the window replaces them
			arrivals = readArrivals(ctx, found.Files, v.u.ReadReport, func(i int, name string) {
				v.u.Post(func() { dlg.at(i, len(found.Files), name) })
			})
		}
		v.u.Post(func() {
			cancel()
			dlg.d.Hide()
			switch {
			case err != nil:
				kit.ShowError(v.u.Window(), "无法导入", err)
			case len(arrivals) < len(found.Files):
				v.u.SetStatus(fmt.Sprintf("已取消：读了 %d 个文件，共 %d 个，都没有导入", len(arrivals), len(found.Files)))
			default:
				v.storeArrivals(agency, year, found, arrivals)
			}
		})
	}()
}

// storeArrivals stores the files read completely as received from their
// units, keeps the ones that need a person as pending, and says what became
// of each file.
func (v *View) storeArrivals(agency string, year int, found combine.Found, arrivals []arrival) {
	var lines []string
	var waiting []pending
	var stored []string // a file read again, now completely, waits no more
	imported := 0
	if len(found.Files) == 0 {
		lines = append(lines, "没有找到年报文件（*.json，或 Word、PDF、网页文件）")
	}
	for _, s := range found.Skipped {
		lines = append(lines, fmt.Sprintf("%s：未读取：%s", s.Path, s.Why))
	}
	kit.BackgroundOrShow(v.u, "无法导入", func() error {
		for i := range arrivals {
			a := &arrivals[i]
			if line := arrivalLine(a, year); line != "" {
				lines = append(lines, line)
				if a.err == nil && a.rec.Report.Year == year {
					waiting = append(waiting, pending{path: a.path, report: a.rec.Report, reading: a.reading, at: a.rec.At})
				}
				continue
			}
			line, err := v.storeArrival(a)
			if err != nil {
				return err
			}
			stored = append(stored, a.path)
			imported++
			lines = append(lines, line)
		}
		return nil
	}, func() {
		for _, p := range stored {
			v.dropPending(p)
		}
		for _, p := range waiting {
			v.keepPending(p)
		}
		status := fmt.Sprintf("导入了 %d 份报告（%s %d 年）", imported, agency, year)
		if len(waiting) > 0 {
			status += fmt.Sprintf("，%d 份需要人工核对，尚未计入", len(waiting))
		}
		v.u.SetStatus(status)
		kit.ListDialog(v.u.Window(), "导入结果", "", labelRows(lines)).Show()
		v.refresh()
	})
}

// storeArrival stores one file read completely; it runs on the store goroutine.
func (v *View) storeArrival(a *arrival) (string, error) {
	name := filepath.Base(a.path)
	r := a.rec.Report
	got, err := v.st.StoreReceived(r, a.rec.At)
	if err != nil {
		return "", fmt.Errorf("%s：%w", name, err)
	}
	from := ""
	if a.reading != nil {
		from = "（" + a.reading.Source + "，每个数字都已读准）"
	}
	switch {
	case got.Same:
		return fmt.Sprintf("%s：“%s”与数据库中的相同，未改动", name, r.Agency), nil
	case got.Older:
		return fmt.Sprintf("%s：“%s”已有一份较新的报告（%s 保存），仍用较新的；这份文件（%s）保存为历史版本",
			name, r.Agency, got.StoredAt.Format("2006-01-02 15:04"), a.rec.At.Format("2006-01-02 15:04")), nil
	case got.Replaced:
		return fmt.Sprintf("%s：“%s”已有一份较旧的报告（%s 保存），改用这份较新的%s；原来的保存为历史版本",
			name, r.Agency, got.StoredAt.Format("2006-01-02 15:04"), from), nil
	}
	return fmt.Sprintf("%s：已导入“%s”%s", name, r.Agency, from), nil
}

func labelRows(lines []string) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, s := range lines {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		rows = append(rows, l)
	}
	return rows
}

// exportSheet writes the round's workbook through the window's export path.
func (v *View) exportSheet() {
	if v.res == nil {
		kit.ShowMessage(v.u.Window(), "导出汇总表格", "请先点“汇总”。")
		return
	}
	v.u.ExportSheet(v.res)
}

// saveOwn stores the sum as the agency's own report: a new one, or its
// existing one's figures after showing cell by cell what changes. Text is
// never touched.
func (v *View) saveOwn() {
	if v.res == nil {
		kit.ShowMessage(v.u.Window(), "保存为本级报告", "请先点“汇总”。")
		return
	}
	res := v.res
	var existing *report.Report
	kit.BackgroundOrShow(v.u, "无法读取本级报告", func() error {
		_, r, err := v.st.Find(res.Agency, res.Year)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		existing = r
		return err
	}, func() {
		save := func() {
			kit.BackgroundOrShow(v.u, "无法保存本级报告", func() error {
				_, err := v.st.SaveCombined(res.Combined, res.Members)
				return err
			}, func() {
				v.u.SetStatus(fmt.Sprintf("已保存%s %d 年报告的数字（%d 个单位的合计）", res.Agency, res.Year, len(res.Members)))
				v.refresh()
			})
		}
		if existing == nil {
			kit.Confirm(v.u.Window(), "保存为本级报告", fmt.Sprintf("数据库中还没有%s %d 年的报告。新建一份，数字为 %d 个单位的合计，正文为空？", res.Agency, res.Year, len(res.Members)), "新建", save)
			return
		}
		old, err := combine.FiguresOf(existing)
		if err != nil {
			kit.ShowError(v.u.Window(), "无法读取本级报告", err)
			return
		}
		changes := combine.Changes(&old, &res.Sum)
		if len(changes) == 0 {
			kit.ShowMessage(v.u.Window(), "保存为本级报告", "本级报告的数字与合计完全一致，无需更新。")
			return
		}
		rows := []fyne.CanvasObject{widget.NewLabel(fmt.Sprintf("将更新 %d 处数字，正文不变，原内容保存为历史版本：", len(changes)))}
		for _, c := range changes {
			rows = append(rows, widget.NewLabel(fmt.Sprintf("%s：%s → %s", c.Cell.Label, c.Cell.Text(c.Old), c.Cell.Text(c.New))))
		}
		list := container.NewVScroll(container.NewVBox(rows...))
		list.SetMinSize(fyne.NewSize(760, 380))
		dialog.NewCustomConfirm("更新本级报告的数字", "更新", "取消", list, func(ok bool) {
			if ok {
				save()
			}
		}, v.u.Window()).Show()
	})
}
