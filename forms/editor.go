// Package forms is the report editor of the window: a tab per part of the
// report, number cells that add themselves up, and the consistency checks
// re-run on every edit and pointed at the cell they name.
//
// Everything here runs on the UI goroutine; nothing starts a goroutine.
//
// Totals. A report made in the program, or one whose stated totals add up
// when it is opened, has its totals computed: Report() returns them as
// report.FillTotals computes them. A report imported with stated totals that
// do not add up keeps them, table by table (part 三, part 四), until the user
// presses 采用计算值 on that tab: until then Report() returns the stated totals
// (so the checks point at them and saving keeps them), and each total cell
// shows the computed figure with the stated one beside it in red, "12（原表 14）".
//
// Invalid input. A cell whose text is not a figure keeps the text (nothing
// typed is lost) and is marked red with a message under its table; the report
// keeps the figure the cell had before the user began typing in it, never a
// prefix of the text ("12345678" and "1e3" typed key by key pass 1234567 and 1).
// InvalidTexts and SetInvalidTexts carry such texts across a restart.
// InvalidCount tells how many such cells there are. Accepted as figures (see
// package figure): full-width digits and point, thousands separators in groups
// of three ("12,486", "12，486"), blanks around; an empty cell is 0.
//
// Tables are sheets (sheet.go): the column heads and row labels stay while
// the figures scroll both ways, the labels narrow and wrap when the tab is
// narrow, the wheel scrolls over the figures too. Keys as in WPS 表格: Tab and
// Shift+Tab go along the row in reading order (wrapping at the ends, skipping
// computed totals); Enter and Shift+Enter go down and up, to the column where
// a row typed with Tab began; Up/Down go to the cell above/below; PageUp and
// PageDown a view's height of rows; Left/Right leave the cell only at the edge
// of its text. The cell the cursor goes to is scrolled into view. Focus
// selects a cell's text, so typing replaces it. A block pasted from Excel/WPS
// (tabs and line ends) is laid over the printed grid from the cursor on.
// Ctrl+Tab, Ctrl+Shift+Tab and Alt+1…8 switch tabs; their titles shorten
// when the editor is narrow (tabtitles.go).
//
// Findings: a part's tab title counts its errors, the 检查 tab counts every
// finding; the cell a finding names is outlined red (error) or orange (warning).
package forms

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/check"
	"nianbao/data/report"
)

// Tabs in the order of the report.
const (
	tabBasic = iota
	tabOverview
	tabProactive
	tabApplications
	tabCases
	tabProblems
	tabOtherMatters
	tabChecks
	tabCount
)

var tabTitles = [tabCount]string{
	"基本信息", "一、总体情况", "二、主动公开", "三、依申请公开", "四、复议诉讼",
	"五、问题改进", "六、其他事项", "检查",
}

// partTab maps a finding's Part to its tab.
var partTab = map[string]int{"": tabBasic, "一": tabOverview, "二": tabProactive,
	"三": tabApplications, "四": tabCases, "五": tabProblems, "六": tabOtherMatters}

// spot is a place a finding can name: it can be marked and focused.
type spot struct {
	tab     int
	setMark func(markKind)
	focus   func()
	want    markKind
}

func spotKey(part, row, col string) string { return part + "|" + row + "|" + col }

// Editor edits one report.
type Editor struct {
	work                        report.Report // the report as edited; cells point into it
	prev                        *report.Report
	acceptedApps, acceptedCases bool
	findings                    []check.Finding
	run                         func(r, prev *report.Report) []check.Finding // check.Run; tests put their own rules here
	onChanged                   func()
	loading                     bool // set while the program fills cells: not an edit
	keys                        keyState
	now                         func() time.Time // the clock of the deadline; tests set their own
	canvas                      fyne.Canvas

	tabs        *container.AppTabs
	items       [tabCount]*container.TabItem
	tabErrors   [tabCount]int // the counts in the tabs' titles
	tabsWidth   float32       // the width the titles were fitted to
	titleLevel  int           // titlesFull, titlesShort or titlesNumbers
	fitting     bool          // while the titles are fitted
	scrolls     [tabCount]*container.Scroll
	messages    [tabCount]*widget.Label
	acceptNotes [tabCount]*widget.Label
	pasteNote   [tabCount]string
	grids       [tabCount]*navGrid
	frames      [tabCount]*fyne.Container // a table and its message lines

	basic                   *basicTab
	sections                [3]*sectionList
	tableTexts              [3][2]*tableText // text before and after the tables of parts 二, 三, 四
	cells                   []*numCell
	appTotals, caseTotals   []gridTotal
	acceptApps, acceptCases *widget.Button
	checks                  *checkList

	spots []*spot
	byKey map[string][]*spot

	checker  *check.Checker
	sameYear *check.SameYearIndex // other units' reports of the year (W9), or nil
	printed  map[[3]int]func()    // focus of a table cell by tab, printed row and column
}

// NewEditor builds the editor's widgets, showing an empty report. The app's
// theme must be set before: the tables measure their labels with its font.
func NewEditor() *Editor {
	checker := check.NewChecker() // re-reads only the edited text box
	e := &Editor{byKey: map[string][]*spot{}, printed: map[[3]int]func(){}, run: checker.Run, checker: checker, now: time.Now}
	e.work = *report.New("", 2024)
	e.acceptedApps, e.acceptedCases = true, true

	content := [tabCount]fyne.CanvasObject{}
	content[tabBasic] = e.buildBasic()
	parts := []struct {
		tab  int
		part string
		get  func(*report.Report) *[]report.Section
	}{
		{tabOverview, "一", func(r *report.Report) *[]report.Section { return &r.Overview }},
		{tabProblems, "五", func(r *report.Report) *[]report.Section { return &r.Problems }},
		{tabOtherMatters, "六", func(r *report.Report) *[]report.Section { return &r.OtherMatters }},
	}
	for i, p := range parts {
		e.sections[i] = newSectionList(e, p.tab, p.part, p.get)
		content[p.tab] = e.sections[i].content()
		tab := p.tab
		e.addSpot(tab, p.part, "", "", func(markKind) {}, func() { e.selectTab(tab) })
	}
	content[tabProactive] = e.buildProactive()
	content[tabApplications] = e.buildApplications()
	content[tabCases] = e.buildCases()
	content[tabChecks] = e.buildChecks()

	e.tabs = container.NewAppTabs()
	for i := range e.items {
		e.items[i] = container.NewTabItem(tabTitles[i], container.New(widthWatch{e, i}, content[i]))
		e.tabs.Append(e.items[i])
	}
	// the selected tab keeps a short title among numbers
	e.tabs.OnSelected = func(*container.TabItem) { e.retitle() }
	e.SetReport(report.New("", 2024), nil)
	return e
}

func (e *Editor) addSpot(tab int, part, row, col string, mark func(markKind), focus func()) {
	s := &spot{tab: tab, setMark: mark, focus: focus}
	e.spots = append(e.spots, s)
	k := spotKey(part, row, col)
	e.byKey[k] = append(e.byKey[k], s)
}

// Content returns the tabs.
func (e *Editor) Content() fyne.CanvasObject { return e.tabs }

// SetReport shows r (a copy is edited). prev is the same agency's report for
// the previous year, or nil; the checks R5 and R6 compare against it.
// Showing a report is not an edit: the OnChanged function is not called.
func (e *Editor) SetReport(r *report.Report, prev *report.Report) {
	if r == nil {
		r = report.New("", 2024)
	}
	e.loading = true
	other := r.Agency != e.work.Agency || r.Year != e.work.Year
	e.work = *r.Clone()
	if e.work.Format == "" {
		e.work.Format = report.FormatID
	}
	e.prev = prev
	e.sameYear = nil // the window gives the new report's (SetSameYear)
	f := r.Clone()
	f.FillTotals()
	e.acceptedApps = f.Applications == r.Applications
	e.acceptedCases = f.ReviewLitigation == r.ReviewLitigation
	for _, c := range e.cells {
		c.load()
	}
	e.basic.load()
	for _, s := range e.sections {
		s.load()
	}
	for _, tt := range e.tableTexts {
		tt[0].load()
		tt[1].load()
	}
	for i := range e.pasteNote {
		e.pasteNote[i] = ""
	}
	e.showPrevious()
	if other { // another report starts at its tables' top left
		for _, g := range e.grids {
			if g != nil && g.sheet != nil {
				g.sheet.scrollTo(fyne.Position{})
			}
		}
	}
	e.loading = false
	e.refresh()
}

// Report returns a copy of the report as edited, with the last valid figure
// of any cell whose text is not one. Totals of a table are computed when the
// program owns them (see the package comment), else as stated.
func (e *Editor) Report() *report.Report {
	r := e.work.Clone()
	if e.acceptedApps || e.acceptedCases {
		f := r.Clone()
		f.FillTotals()
		if e.acceptedApps {
			r.Applications = f.Applications
		}
		if e.acceptedCases {
			r.ReviewLitigation = f.ReviewLitigation
		}
	}
	return r
}

// SetClock sets the clock that 基本信息 counts the days to the deadline by.
func (e *Editor) SetClock(now func() time.Time) {
	e.now = now
	e.basic.refresh()
}

// SetOnChanged sets the function called on the UI goroutine after every edit,
// once the checks have re-run.
func (e *Editor) SetOnChanged(f func()) { e.onChanged = f }

// Findings returns the findings of the last check run.
func (e *Editor) Findings() []check.Finding { return append([]check.Finding(nil), e.findings...) }

// InvalidCount returns how many cells hold text that is not a valid figure.
func (e *Editor) InvalidCount() int {
	n := 0
	for _, c := range e.cells {
		if c.err != nil {
			n++
		}
	}
	for _, l := range e.sections {
		n += l.invalidCount()
	}
	for _, tt := range e.tableTexts {
		for _, b := range tt {
			if b.err != "" {
				n++
			}
		}
	}
	return n + e.basic.invalidCount()
}

// Focus goes to the tab of the finding and puts the cursor in its cell (for a
// computed total: the nearest cell the user can edit).
func (e *Editor) Focus(f check.Finding) {
	if f.Text != nil && e.focusText(f.Text) {
		return
	}
	if s := e.lookup(f); len(s) > 0 {
		s[0].focus()
		return
	}
	if t, ok := partTab[f.Part]; ok {
		e.selectTab(t)
	}
}

// lookup returns the places a finding names: its cell, or its whole row when
// it names no column.
func (e *Editor) lookup(f check.Finding) []*spot {
	if s := e.byKey[spotKey(f.Part, f.Row, f.Column)]; len(s) > 0 {
		return s
	}
	return e.byKey[spotKey(f.Part, f.Row, "")]
}

// AddShortcuts registers on c the tab switching keys: Ctrl+Tab and
// Ctrl+Shift+Tab for the next and previous tab, Alt+1…8 for the tabs in order.
// The editor's own entries pass these keys on even while they have focus.
func (e *Editor) AddShortcuts(c fyne.Canvas) {
	e.canvas = c
	for _, s := range e.shortcuts() {
		c.AddShortcut(s, func(sc fyne.Shortcut) { e.handleShortcut(sc.(*desktop.CustomShortcut)) })
	}
}

func (e *Editor) shortcuts() []*desktop.CustomShortcut {
	s := []*desktop.CustomShortcut{
		{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl},
		{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift},
	}
	for i := 0; i < tabCount; i++ {
		s = append(s, &desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(i + 1)), Modifier: fyne.KeyModifierAlt})
	}
	return s
}

// handleShortcut switches tabs for the keys of AddShortcuts; it reports whether it did.
func (e *Editor) handleShortcut(s *desktop.CustomShortcut) bool {
	cur := e.tabs.SelectedIndex()
	switch {
	case s.KeyName == fyne.KeyTab && s.Modifier == fyne.KeyModifierControl:
		e.selectTab((cur + 1) % tabCount)
	case s.KeyName == fyne.KeyTab && s.Modifier == fyne.KeyModifierControl|fyne.KeyModifierShift:
		e.selectTab((cur + tabCount - 1) % tabCount)
	case s.Modifier == fyne.KeyModifierAlt && len(s.KeyName) == 1 && s.KeyName[0] >= '1' && s.KeyName[0] <= '0'+tabCount:
		e.selectTab(int(s.KeyName[0] - '1'))
	default:
		return false
	}
	return true
}

func (e *Editor) selectTab(i int) {
	if e.tabs.SelectedIndex() != i {
		e.tabs.SelectIndex(i)
	}
}

func (e *Editor) currentCanvas() fyne.Canvas {
	if e.canvas != nil {
		return e.canvas
	}
	if app := fyne.CurrentApp(); app != nil {
		return app.Driver().CanvasForObject(e.tabs)
	}
	return nil
}

// focusObject selects the tab, focuses obj and scrolls it into view.
func (e *Editor) focusObject(tab int, obj fyne.Focusable) {
	e.selectTab(tab)
	if c := e.currentCanvas(); c != nil {
		c.Focus(obj)
	}
	e.scrollTo(tab, obj.(fyne.CanvasObject))
}

// focusCell puts the cursor in a figure's box and scrolls its sheet so that
// the box is in view, even when it had the focus already.
func (e *Editor) focusCell(c *numCell) {
	if c == nil {
		return
	}
	e.selectTab(c.grid.tab)
	if s := c.grid.sheet; s != nil {
		s.reveal(c.span) // first: a box out of view is hidden and cannot take the focus
	}
	e.focusObject(c.grid.tab, c.entry)
}

// scrollTo scrolls the tab so that obj is visible.
func (e *Editor) scrollTo(tab int, obj fyne.CanvasObject) {
	s := e.scrolls[tab]
	app := fyne.CurrentApp()
	if s == nil || app == nil {
		return
	}
	d := app.Driver()
	pos := d.AbsolutePositionForObject(obj).Subtract(d.AbsolutePositionForObject(s.Content))
	off := s.Offset
	size, view := obj.Size(), s.Size()
	if pos.Y < off.Y {
		off.Y = pos.Y
	} else if pos.Y+size.Height > off.Y+view.Height {
		off.Y = pos.Y + size.Height - view.Height
	}
	if pos.X < off.X {
		off.X = pos.X
	} else if pos.X+size.Width > off.X+view.Width {
		off.X = pos.X + size.Width - view.Width
	}
	if off != s.Offset {
		s.ScrollToOffset(off)
	}
}

// accept makes the program own the totals of a table (part 三 or 四): they
// become the computed ones, as report.FillTotals computes them.
func (e *Editor) accept(tab int) {
	if tab == tabApplications {
		e.acceptedApps = true
	} else {
		e.acceptedCases = true
	}
	f := e.work.Clone()
	f.FillTotals()
	if tab == tabApplications {
		e.work.Applications = f.Applications
	} else {
		e.work.ReviewLitigation = f.ReviewLitigation
	}
	e.edited()
}

// SetPrevious changes the previous year's report the checks R5 and R6 compare
// against (after the agency or year was edited) and re-runs the checks. It is
// not an edit: the OnChanged function is not called.
func (e *Editor) SetPrevious(prev *report.Report) {
	e.prev = prev
	e.showPrevious()
	e.refresh()
}

// edited is called after every edit: it re-runs the checks, updates the
// screen and tells the shell.
func (e *Editor) edited() {
	e.refresh()
	if e.onChanged != nil {
		e.onChanged()
	}
}

// refresh re-runs the checks and updates totals, marks, messages and tab
// titles. Only what changed is redrawn.
func (e *Editor) refresh() {
	r := e.Report()
	e.findings = e.run(r, e.prev)
	if e.sameYear != nil {
		e.findings = append(e.findings, e.checker.SameYearIn(r, e.sameYear)...)
	}

	f := e.work.Clone()
	f.FillTotals()
	e.showTotals(tabApplications, e.appTotals, e.acceptedApps, func(t gridTotal) int { return f.Applications[t.row][t.col] })
	e.showTotals(tabCases, e.caseTotals, e.acceptedCases, func(t gridTotal) int { return f.ReviewLitigation[t.row][t.col] })

	// Marks: the weightiest finding on each place.
	for _, s := range e.spots {
		s.want = markNone
	}
	var errs [tabCount]int
	for _, fd := range e.findings {
		k := markWarning
		if fd.Severity == check.Error {
			k = markError
			if t, ok := partTab[fd.Part]; ok {
				errs[t]++
			}
		}
		for _, s := range e.lookup(fd) {
			s.want = max(s.want, k)
		}
		if fd.Slip != nil { // the likely slip is marked as the finding is
			for _, s := range e.lookup(goToSlip(fd)) {
				s.want = max(s.want, k)
			}
		}
	}
	e.basic.refresh()
	for _, s := range e.spots {
		s.setMark(s.want)
	}

	e.showMessages()
	for i := range e.items {
		n := errs[i]
		if i == tabChecks {
			n = len(e.findings)
		}
		e.tabErrors[i] = n
	}
	if e.tabsWidth > 0 {
		e.fitTitles(e.tabsWidth) // counts widen the titles
	} else {
		e.retitle()
	}
	e.checks.update(e.findings)
}

func (e *Editor) showTotals(tab int, totals []gridTotal, accepted bool, computed func(gridTotal) int) {
	diff := false
	for _, t := range totals {
		t.cell.show(computed(t), accepted)
		diff = diff || t.cell.diff
	}
	btn := e.acceptApps
	if tab == tabCases {
		btn = e.acceptCases
	}
	if diff != btn.Visible() {
		if diff {
			btn.Show()
			e.acceptNotes[tab].Show()
		} else {
			btn.Hide()
			e.acceptNotes[tab].Hide()
		}
		e.frames[tab].Refresh() // the message lines changed height
	}
}

// showMessages writes under each table what is wrong with the text of its
// cells, and what a paste could not place.
func (e *Editor) showMessages() {
	for tab, g := range e.grids {
		if g == nil {
			continue
		}
		var first *numCell
		n := 0
		for _, c := range g.order {
			if c.err != nil {
				if first == nil {
					first = c
				}
				n++
			}
		}
		var parts []string
		if first != nil {
			m := first.name + "：" + first.err.Error()
			if n > 1 {
				m += fmt.Sprintf("（另有 %d 格填写有误，已标红）", n-1)
			}
			parts = append(parts, m+"。该格的内容未作为数字保存。")
		}
		if e.pasteNote[tab] != "" {
			parts = append(parts, e.pasteNote[tab])
		}
		if setMessage(e.messages[tab], strings.Join(parts, "\n")) {
			e.frames[tab].Refresh()
		}
	}
}
