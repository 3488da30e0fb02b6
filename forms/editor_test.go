package forms

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/check"
	"nianbao/data/report"
)

// appCell returns the editable cell of part 三 at row, column.
func appCell(t testing.TB, e *Editor, row, col int) *numCell {
	t.Helper()
	c := e.grids[tabApplications].cells[row][col]
	if c == nil {
		t.Fatalf("no editable cell at part 三 row %d column %d", row, col)
	}
	return c
}

// appTotal returns the total cell of part 三 at row, column.
func appTotal(t testing.TB, e *Editor, row, col int) *totalCell {
	t.Helper()
	for _, g := range e.appTotals {
		if g.row == row && g.col == col {
			return g.cell
		}
	}
	t.Fatalf("no total at part 三 row %d column %d", row, col)
	return nil
}

// typeInto types text into a cell as a user does: focus (which selects the
// old text), then the characters.
func typeInto(w fyne.Window, c *numCell, text string) {
	c.ed.focusCell(c)
	if w.Canvas().Focused() != fyne.Focusable(c.entry) {
		panic("typeInto: the cell did not get focus")
	}
	test.Type(c.entry, text)
}

func TestTypingUpdatesTotals(t *testing.T) {
	e, w := newTestEditor(t)
	changes := 0
	e.SetOnChanged(func() { changes++ })
	typeInto(w, appCell(t, e, report.RowNew, report.ColNaturalPerson), "3")
	typeInto(w, appCell(t, e, report.RowNew, report.ColCommercial), "12")
	typeInto(w, appCell(t, e, report.RowGranted, report.ColNaturalPerson), "2")
	typeInto(w, appCell(t, e, report.RowDeniedThirdParty, report.ColNaturalPerson), "1")

	tests := []struct {
		row, col int
		want     string
	}{
		{report.RowNew, report.ColTotal, "15"},
		{report.RowGranted, report.ColTotal, "2"},
		{report.RowTotal, report.ColNaturalPerson, "3"},
		{report.RowTotal, report.ColCommercial, "0"},
		{report.RowTotal, report.ColTotal, "3"},
	}
	for _, tt := range tests {
		if got := appTotal(t, e, tt.row, tt.col).label.Text; got != tt.want {
			t.Errorf("total at row %d col %d shows %q, want %q", tt.row, tt.col, got, tt.want)
		}
	}
	r := e.Report()
	if r.Applications[report.RowNew] != (report.AppRow{3, 12, 0, 0, 0, 0, 15}) {
		t.Errorf("row new = %v", r.Applications[report.RowNew])
	}
	if r.Applications[report.RowTotal][report.ColTotal] != 3 {
		t.Errorf("(七)总计 总计 = %d, want 3", r.Applications[report.RowTotal][report.ColTotal])
	}
	if changes == 0 {
		t.Error("OnChanged was not called")
	}

	// Part 四 likewise.
	g := e.grids[tabCases]
	typeInto(w, g.cells[0][report.CaseUpheld], "4")
	typeInto(w, g.cells[0][report.CasePending], "1")
	if got := e.caseTotals[0].cell.label.Text; got != "5" {
		t.Errorf("行政复议 总计 shows %q, want 5", got)
	}
	if got := e.Report().ReviewLitigation[report.GroupReview]; got != (report.CaseRow{4, 0, 0, 1, 5}) {
		t.Errorf("review = %v", got)
	}
}

// The findings are those of check.Run on Report(), re-run on every edit.
func TestFindingsFollowEdits(t *testing.T) {
	e, w := newTestEditor(t)
	// 一 = 5 for 自然人 but nothing handled or carried forward: R1 fails.
	typeInto(w, appCell(t, e, report.RowNew, report.ColNaturalPerson), "5")
	want := check.Run(e.Report(), nil)
	if got := e.Findings(); !reflect.DeepEqual(got, want) {
		t.Errorf("Findings() = %v, want check.Run's %v", got, want)
	}
	if !hasRule(want, "R1", check.Error) {
		t.Fatalf("check.Run gave no R1 error for 一 = 5 with nothing handled: %v", want)
	}
	typeInto(w, appCell(t, e, report.RowCarriedForward, report.ColNaturalPerson), "5")
	if got, want := e.Findings(), check.Run(e.Report(), nil); !reflect.DeepEqual(got, want) {
		t.Errorf("after the fix Findings() = %v, want %v", got, want)
	}
	for _, f := range e.Findings() {
		if f.Severity == check.Error {
			t.Errorf("balanced report still has error %+v", f)
		}
	}
}

func hasRule(fs []check.Finding, rule string, sev check.Severity) bool {
	for _, f := range fs {
		if f.Rule == rule && f.Severity == sev {
			return true
		}
	}
	return false
}

// fakeRule flags 自然人 of 一 when it differs from 四 (a stand-in for R1 that
// does not depend on the rules being written), and the title when empty.
func fakeRule(r, _ *report.Report) []check.Finding {
	var out []check.Finding
	a := r.Applications
	if a[report.RowNew][0]+a[report.RowCarriedOver][0] != a[report.RowTotal][0]+a[report.RowCarriedForward][0] {
		out = append(out, check.Finding{Rule: "R1", Severity: check.Error, Part: "三", Row: "total", Column: "自然人", Message: "不平衡"})
	}
	if rl := r.ReviewLitigation[0]; rl[report.CaseTotal] != rl.Sum() {
		out = append(out, check.Finding{Rule: "R4", Severity: check.Error, Part: "四", Row: "review", Column: "总计", Message: "总计不符"})
	}
	if r.Proactive.Rules.InForce > 5 {
		out = append(out, check.Finding{Rule: "R5", Severity: check.Warning, Part: "二", Row: "rules", Column: "现行有效件数", Message: "现行有效偏多"})
	}
	if r.Title == "" {
		out = append(out, check.Finding{Rule: "W1", Severity: check.Warning, Part: "", Row: "title", Message: "未填标题"})
	}
	return out
}

func TestMarksTitlesAndFocus(t *testing.T) {
	e, w := newTestEditor(t)
	e.run = fakeRule
	e.SetReport(report.New("测试局", 2024), nil)

	typeInto(w, appCell(t, e, report.RowNew, report.ColNaturalPerson), "5")
	if got := e.items[tabApplications].Text; got != "三、依申请公开 (1)" {
		t.Errorf("tab title %q", got)
	}
	if got := e.items[tabChecks].Text; got != "检查 (2)" {
		t.Errorf("checks tab title %q", got)
	}
	if got := e.items[tabBasic].Text; got != "基本信息" {
		t.Errorf("a warning must not count in the tab title: %q", got)
	}
	total := appTotal(t, e, report.RowTotal, report.ColNaturalPerson)
	if total.shown != markError || !total.mark.Visible() {
		t.Error("the (七)总计 自然人 cell is not marked")
	}
	if c := appCell(t, e, report.RowNew, report.ColCommercial); c.shown != markNone {
		t.Error("an unrelated cell is marked")
	}

	// Choosing a finding goes to its tab and cell (the total is computed, so
	// the cell above it).
	e.selectTab(tabBasic)
	e.Focus(e.Findings()[0])
	if e.tabs.SelectedIndex() != tabApplications {
		t.Errorf("Focus selected tab %d", e.tabs.SelectedIndex())
	}
	if got, want := w.Canvas().Focused(), fyne.Focusable(appCell(t, e, report.RowOtherOther, report.ColNaturalPerson).entry); got != want {
		t.Errorf("Focus put the cursor in %v", got)
	}
	// The title finding goes to the title field.
	e.Focus(e.Findings()[1])
	if e.tabs.SelectedIndex() != tabBasic || w.Canvas().Focused() != fyne.Focusable(e.basic.title) {
		t.Error("Focus on the title finding did not reach the title field")
	}
	// Through the 检查 list.
	e.selectTab(tabChecks)
	e.checks.list.Select(3) // 基本信息 heads rows 0–1, part 三 rows 2–3
	if e.tabs.SelectedIndex() != tabApplications {
		t.Error("choosing a finding in 检查 did not go to its tab")
	}

	// Fixing it clears the mark and the count.
	typeInto(w, appCell(t, e, report.RowCarriedForward, report.ColNaturalPerson), "5")
	if total.shown != markNone || e.items[tabApplications].Text != "三、依申请公开" {
		t.Errorf("mark %v and title %q stay after the fix", total.shown, e.items[tabApplications].Text)
	}
	// Part 二: rules × 现行有效件数.
	typeInto(w, e.grids[tabProactive].cells[0][2], "9")
	if c := e.grids[tabProactive].cells[0][2]; c.shown != markWarning {
		t.Errorf("rules/现行有效件数 mark %v, want warning", c.shown)
	}
}

func TestStatedTotals(t *testing.T) {
	e, w := newTestEditor(t)
	e.run = fakeRule
	r := report.New("测试局", 2024)
	r.Applications[report.RowNew] = report.AppRow{10, 2, 0, 0, 0, 0, 14} // stated 14, adds up to 12
	r.Applications[report.RowCarriedForward] = report.AppRow{10, 2, 0, 0, 0, 0, 12}
	r.Applications[report.RowTotal] = report.AppRow{}
	r.ReviewLitigation[0] = report.CaseRow{1, 1, 0, 0, 3}
	e.SetReport(r, nil)

	cell := appTotal(t, e, report.RowNew, report.ColTotal)
	if cell.label.Text != "12（原表 14）" || cell.label.Importance == 0 {
		t.Errorf("stated total shows %q", cell.label.Text)
	}
	if !e.acceptApps.Visible() {
		t.Error("采用计算值 is hidden")
	}
	if got := e.Report().Applications[report.RowNew][report.ColTotal]; got != 14 {
		t.Errorf("before accepting Report() has %d, want the stated 14", got)
	}
	// Edits keep the stated figure until accepted.
	typeInto(w, appCell(t, e, report.RowNew, report.ColResearch), "1")
	if cell.label.Text != "13（原表 14）" || e.Report().Applications[report.RowNew][report.ColTotal] != 14 {
		t.Errorf("after an edit: %q, %d", cell.label.Text, e.Report().Applications[report.RowNew][report.ColTotal])
	}
	if e.caseTotals[0].cell.label.Text != "2（原表 3）" || !e.acceptCases.Visible() {
		t.Errorf("part 四 total shows %q", e.caseTotals[0].cell.label.Text)
	}

	test.Tap(e.acceptApps)
	if cell.label.Text != "13" || e.acceptApps.Visible() {
		t.Errorf("after accepting: %q", cell.label.Text)
	}
	got := e.Report()
	want := got.Clone()
	want.FillTotals()
	if got.Applications != want.Applications {
		t.Error("after accepting, part 三 totals are not FillTotals'")
	}
	if got.ReviewLitigation[0][report.CaseTotal] != 3 {
		t.Error("accepting part 三 changed part 四")
	}
	test.Tap(e.acceptCases)
	if e.Report().ReviewLitigation[0][report.CaseTotal] != 2 || e.caseTotals[0].cell.label.Text != "2" {
		t.Error("accepting part 四 did not take the computed total")
	}
	// The report made anew from Report() opens with computed totals.
	e.SetReport(e.Report(), nil)
	if !e.acceptedApps || !e.acceptedCases {
		t.Error("a report whose totals add up opens as not accepted")
	}
}

func TestInvalidAndFullWidthInput(t *testing.T) {
	tests := []struct {
		name, typed string
		valid       bool
		want        int
	}{
		{"ascii", "42", true, 42},
		{"full-width", "１２３", true, 123},
		{"thousands", "12,486", true, 12486},
		{"letters", "abc", false, 7},
		{"negative", "-3", false, 7},
		// Typed key by key, the text passes valid prefixes (1, 1234567): the
		// report holds the figure from before the typing, never one of those.
		{"decimal", "1.5", false, 7},
		{"too big", "10000000", false, 7},
		{"eight digits", "12345678", false, 7},
		{"exponent", "1e3", false, 7},
		{"empty", "", true, 0},
	}
	e, w := newTestEditor(t) // one window for all: building one costs a font load
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := report.New("测试局", 2024)
			r.Applications[report.RowGranted][report.ColResearch] = 7
			r.FillTotals()
			e.SetReport(r, nil)
			c := appCell(t, e, report.RowGranted, report.ColResearch)
			typeInto(w, c, tt.typed)
			if tt.typed == "" {
				c.entry.SetText("")
			}
			if c.entry.Text != tt.typed {
				t.Errorf("the cell shows %q, want the typed %q", c.entry.Text, tt.typed)
			}
			if got := e.Report().Applications[report.RowGranted][report.ColResearch]; got != tt.want {
				t.Errorf("figure %d, want %d", got, tt.want)
			}
			wantInvalid := 0
			if !tt.valid {
				wantInvalid = 1
			}
			if e.InvalidCount() != wantInvalid {
				t.Errorf("InvalidCount %d, want %d", e.InvalidCount(), wantInvalid)
			}
			msg := e.messages[tabApplications]
			if tt.valid == msg.Visible() || (!tt.valid && !strings.Contains(msg.Text, "（一）予以公开 · 科研机构")) {
				t.Errorf("message visible=%v %q", msg.Visible(), msg.Text)
			}
			if (c.shown == markInvalid) == tt.valid {
				t.Errorf("cell mark %v", c.shown)
			}
		})
	}
}

func TestFeeAndYear(t *testing.T) {
	e, w := newTestEditor(t)
	fee := e.grids[tabProactive].cells[5][0]
	typeInto(w, fee, "１２．５")
	if got := e.Report().Proactive.Fees; got != "12.5" {
		t.Errorf("fee %q", got)
	}
	typeInto(w, fee, "12.1234567")
	// Not a fee: the report keeps the one from before, not the prefix 12.123456.
	if got := e.Report().Proactive.Fees; got != "12.5" || e.InvalidCount() != 1 {
		t.Errorf("fee with 7 decimals stored as %q (invalid %d)", got, e.InvalidCount())
	}
	typeInto(w, fee, "0.000001")
	if got := e.Report().Proactive.Fees; got != "0.000001" || e.InvalidCount() != 0 {
		t.Errorf("fee %q", got)
	}
	e.basic.year.SetText("１９９９")
	if e.InvalidCount() != 1 || e.Report().Year != 2024 || !e.basic.msg.Visible() {
		t.Errorf("year 1999 accepted: %d", e.Report().Year)
	}
	e.basic.year.SetText("２０２３")
	if e.InvalidCount() != 0 || e.Report().Year != 2023 {
		t.Error("year 2023 refused")
	}
	e.basic.agency.SetText("某某县人民政府")
	if e.basic.title.PlaceHolder != "默认：某某县人民政府2023年政府信息公开工作年度报告" {
		t.Errorf("title placeholder %q", e.basic.title.PlaceHolder)
	}
	if e.basic.inferred.Text != "按名称判断为：人民政府" {
		t.Errorf("inferred %q", e.basic.inferred.Text)
	}
	e.basic.agencyType.SetSelected("乡镇街道")
	if e.Report().AgencyType != report.AgencyTownship {
		t.Errorf("agency type %q", e.Report().AgencyType)
	}
}

func TestPasteBlock(t *testing.T) {
	tests := []struct {
		name      string
		row, col  int
		clip      string
		want      map[[2]int]int
		invalid   int
		noteParts []string
	}{
		{
			name: "two rows from WPS", row: report.RowNew, col: report.ColNaturalPerson,
			clip: "1\t2\t3\r\n4\t5\t6\r\n",
			want: map[[2]int]int{{0, 0}: 1, {0, 1}: 2, {0, 2}: 3, {1, 0}: 4, {1, 1}: 5, {1, 2}: 6},
		},
		{
			name: "a row with its total lands the total on the computed column", row: report.RowGranted, col: report.ColNaturalPerson,
			clip: "1\t1\t1\t1\t1\t1\t6",
			want: map[[2]int]int{{2, 0}: 1, {2, 5}: 1}, noteParts: []string{"1 个数落在自动计算的总计格上"},
		},
		{
			name: "past the edge", row: report.RowCarriedForward, col: report.ColOtherOrg,
			clip: "7\t8\n9\t9",
			want: map[[2]int]int{{24, 5}: 7}, noteParts: []string{"1 个数落在自动计算的总计格上", "2 个数超出表格范围"},
		},
		{
			name: "full-width and a bad value", row: report.RowNew, col: report.ColNaturalPerson,
			clip: "１２\tx\n3",
			want: map[[2]int]int{{0, 0}: 12, {0, 1}: 0, {1, 0}: 3}, invalid: 1,
		},
		{
			name: "a column skips the (七)总计 row", row: report.RowOtherOther, col: report.ColNaturalPerson,
			clip: "1\n2\n3",
			want: map[[2]int]int{{22, 0}: 1, {24, 0}: 3}, noteParts: []string{"1 个数落在自动计算的总计格上"},
		},
	}
	e, _ := newTestEditor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.SetReport(report.New("测试局", 2024), nil)
			c := appCell(t, e, tt.row, tt.col)
			e.focusCell(c)
			clip := fyne.CurrentApp().Clipboard()
			clip.SetContent(tt.clip)
			c.entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
			r := e.Report()
			for pos, v := range tt.want {
				if got := r.Applications[pos[0]][pos[1]]; got != v {
					t.Errorf("row %d col %d = %d, want %d", pos[0], pos[1], got, v)
				}
			}
			if e.InvalidCount() != tt.invalid {
				t.Errorf("InvalidCount %d, want %d", e.InvalidCount(), tt.invalid)
			}
			for _, p := range tt.noteParts {
				if !strings.Contains(e.messages[tabApplications].Text, p) {
					t.Errorf("message %q lacks %q", e.messages[tabApplications].Text, p)
				}
			}
			if c.entry.Text == tt.clip {
				t.Error("the block was pasted into one cell as text")
			}
		})
	}

	// A single value copied from a spreadsheet cell (with its line end) is pasted as text.
	e.SetReport(report.New("测试局", 2024), nil)
	c := appCell(t, e, report.RowNew, report.ColNaturalPerson)
	e.focusCell(c) // selects the "0"
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent("８\r\n")
	c.entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if c.entry.Text != "８" || e.Report().Applications[0][0] != 8 {
		t.Errorf("single paste gave %q", c.entry.Text)
	}
}

// press sends a key to the focused object as the window does.
func press(w fyne.Window, name fyne.KeyName) {
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

func TestKeyboardOrder(t *testing.T) {
	e, w := newTestEditor(t)
	g := e.grids[tabApplications]
	at := func(row, col int) fyne.Focusable { return g.cells[row][col].entry }
	shift := func(down bool) {
		ev := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
		if f, ok := w.Canvas().Focused().(desktop.Keyable); ok {
			if down {
				f.KeyDown(ev)
			} else {
				f.KeyUp(ev)
			}
		}
	}
	e.selectTab(tabApplications)
	w.Canvas().Focus(at(report.RowNew, report.ColNaturalPerson))
	steps := []struct {
		name     string
		do       func()
		row, col int
	}{
		{"Tab", func() { press(w, fyne.KeyTab) }, report.RowNew, report.ColCommercial},
		{"Tab×4 to 其他", func() {
			for i := 0; i < 4; i++ {
				press(w, fyne.KeyTab)
			}
		}, report.RowNew, report.ColOtherOrg},
		{"Tab skips 总计 to the next row", func() { press(w, fyne.KeyTab) }, report.RowCarriedOver, report.ColNaturalPerson},
		{"Shift+Tab back", func() { shift(true); press(w, fyne.KeyTab); shift(false) }, report.RowNew, report.ColOtherOrg},
		{"Enter", func() { press(w, fyne.KeyReturn) }, report.RowCarriedOver, report.ColNaturalPerson},
		{"Down", func() { press(w, fyne.KeyDown) }, report.RowGranted, report.ColNaturalPerson},
		{"Up", func() { press(w, fyne.KeyUp) }, report.RowCarriedOver, report.ColNaturalPerson},
		{"Right at the end of the text", func() { press(w, fyne.KeyEnd); press(w, fyne.KeyRight) }, report.RowCarriedOver, report.ColCommercial},
		{"Left at the start of the text", func() { press(w, fyne.KeyHome); press(w, fyne.KeyLeft) }, report.RowCarriedOver, report.ColNaturalPerson},
	}
	for _, s := range steps {
		s.do()
		if got, want := w.Canvas().Focused(), at(s.row, s.col); got != want {
			t.Fatalf("%s: focus on %s, want row %d col %d", s.name, describe(e, got), s.row, s.col)
		}
	}
	// Down from the last result row skips the computed (七)总计 row.
	w.Canvas().Focus(at(report.RowOtherOther, report.ColResearch))
	press(w, fyne.KeyDown)
	if w.Canvas().Focused() != at(report.RowCarriedForward, report.ColResearch) {
		t.Errorf("Down from 三(六)3 went to %s", describe(e, w.Canvas().Focused()))
	}
	// Tab on the last cell wraps to the first.
	w.Canvas().Focus(at(report.RowCarriedForward, report.ColOtherOrg))
	press(w, fyne.KeyTab)
	if w.Canvas().Focused() != at(report.RowNew, report.ColNaturalPerson) {
		t.Errorf("Tab on the last cell went to %s", describe(e, w.Canvas().Focused()))
	}
	// Typing after moving replaces the figure: focus selects it.
	w.Canvas().Focus(at(report.RowNew, report.ColNaturalPerson))
	press(w, fyne.KeyTab)
	w.Canvas().Focused().TypedRune('7')
	if got := e.Report().Applications[report.RowNew][report.ColCommercial]; got != 7 {
		t.Errorf("typing after Tab gave %d", got)
	}
	// Part 二: Down from 行政规范性文件 goes to the merged 行政许可 cell.
	p := e.grids[tabProactive]
	e.focusCell(p.cells[1][2])
	press(w, fyne.KeyDown)
	if w.Canvas().Focused() != fyne.Focusable(p.cells[2][0].entry) {
		t.Errorf("Down in part 二 went to %s", describe(e, w.Canvas().Focused()))
	}
}

func describe(e *Editor, f fyne.Focusable) string {
	for _, c := range e.cells {
		if fyne.Focusable(c.entry) == f {
			return c.name
		}
	}
	return "something else"
}

func TestTabShortcuts(t *testing.T) {
	e, w := newTestEditor(t)
	cell := appCell(t, e, report.RowNew, report.ColNaturalPerson)
	e.selectTab(tabApplications)
	w.Canvas().Focus(cell.entry)
	// The focused entry gets the shortcut first, as the window sends it.
	cell.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl})
	if e.tabs.SelectedIndex() != tabCases {
		t.Errorf("Ctrl+Tab went to tab %d", e.tabs.SelectedIndex())
	}
	e.basic.title.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift})
	if e.tabs.SelectedIndex() != tabApplications {
		t.Errorf("Ctrl+Shift+Tab went to tab %d", e.tabs.SelectedIndex())
	}
	// With nothing focused the canvas has them.
	w.Canvas().Unfocus()
	for i := 0; i < tabCount; i++ {
		sc := &desktop.CustomShortcut{KeyName: fyne.KeyName(string(rune('1' + i))), Modifier: fyne.KeyModifierAlt}
		w.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
		if e.tabs.SelectedIndex() != i {
			t.Errorf("Alt+%d went to tab %d", i+1, e.tabs.SelectedIndex())
		}
	}
	e.selectTab(tabChecks)
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl})
	if e.tabs.SelectedIndex() != tabBasic {
		t.Errorf("Ctrl+Tab on the last tab went to %d", e.tabs.SelectedIndex())
	}
}

func TestSections(t *testing.T) {
	e, _ := newTestEditor(t)
	l := e.sections[0]
	test.Tap(widgetButton(t, l))
	test.Tap(widgetButton(t, l))
	l.rows[0].heading.SetText("（一）甲")
	test.Type(l.rows[0].body, "正文甲")
	l.rows[1].heading.SetText("（二）乙")
	if got := e.Report().Overview; len(got) != 2 || got[0].Heading != "（一）甲" || got[0].Body != "正文甲" || got[1].Heading != "（二）乙" {
		t.Fatalf("overview %+v", got)
	}
	test.Tap(l.rows[1].up)
	if got := e.Report().Overview; got[0].Heading != "（二）乙" || got[1].Heading != "（一）甲" {
		t.Errorf("after moving up: %+v", got)
	}
	if !l.rows[0].up.Disabled() || l.rows[0].down.Disabled() {
		t.Error("move buttons of the first section")
	}
	// Edits after the move go to the right section.
	l.rows[1].body.SetText("正文甲改")
	test.Tap(l.rows[0].del)
	if got := e.Report().Overview; len(got) != 1 || got[0].Heading != "（一）甲" || got[0].Body != "正文甲改" {
		t.Errorf("after deleting: %+v", got)
	}
	// Loading a report shows its sections.
	r := report.New("局", 2024)
	r.Problems = []report.Section{{Heading: "（一）问题", Body: "甲"}, {Body: "乙"}}
	e.SetReport(r, nil)
	if len(e.sections[1].rows) != 2 || e.sections[1].rows[1].body.Text != "乙" {
		t.Error("problems not shown")
	}
	if len(e.sections[0].rows) != 0 || !e.sections[0].empty.Visible() {
		t.Error("overview not emptied")
	}
}

// widgetButton finds the 添加一节 button of a section list's tab.
func widgetButton(t *testing.T, l *sectionList) fyne.Tappable {
	t.Helper()
	for _, o := range test.LaidOutObjects(l.ed.items[l.tab].Content) {
		if b, ok := o.(interface {
			fyne.Tappable
			fyne.Widget
		}); ok {
			if btn, ok := b.(*widget.Button); ok && btn.Text == "添加一节" {
				return btn
			}
		}
	}
	t.Fatal("no 添加一节 button")
	return nil
}

func TestExampleOpensWithoutErrors(t *testing.T) {
	e, _ := newTestEditor(t)
	r := exampleReport(t)
	e.SetReport(r, nil)
	for _, f := range e.Findings() {
		if f.Severity == check.Error {
			t.Errorf("error in the example: %+v", f)
		}
	}
	if e.InvalidCount() != 0 {
		t.Errorf("InvalidCount %d", e.InvalidCount())
	}
	if !reflect.DeepEqual(e.Report(), r) {
		t.Errorf("Report() differs from the example opened:\n%+v\n%+v", e.Report(), r)
	}
	if !e.acceptedApps || !e.acceptedCases {
		t.Error("the example's totals do not add up")
	}
}
