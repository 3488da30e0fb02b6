package forms

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/report"
)

// lastYearPair is the example (2023) as last year and the report made from
// it for 2024, as 新建 with 以上一年度的年报为基础 makes it.
func lastYearPair(t testing.TB) (cur, prev *report.Report) {
	prev = exampleReport(t)
	cur = report.NewFromPrevious(prev, prev.Year+1)
	return cur, prev
}

func TestLastYearFiguresAsHints(t *testing.T) {
	e, w := newTestEditor(t)
	cur, prev := lastYearPair(t)
	prev.Applications[report.RowGranted][report.ColNaturalPerson] = 812
	prev.Proactive.Fees = "1.25"
	e.SetReport(cur, prev)

	cell := appCell(t, e, report.RowGranted, report.ColNaturalPerson)
	if !cell.hint.Visible() || cell.hint.Text != "上年 812" {
		t.Errorf("hint %q (visible %v), want 上年 812", cell.hint.Text, cell.hint.Visible())
	}
	if got := e.grids[tabProactive].cells[5][0].hint.Text; got != "上年 1.25" {
		t.Errorf("fee hint %q", got)
	}
	if got := e.grids[tabCases].cells[0][0].hint.Text; got != "上年 "+itoa(prev.ReviewLitigation[0][0]) {
		t.Errorf("part 四 hint %q", got)
	}
	// Typing this year's figure leaves last year's hint as it was.
	typeInto(w, cell, "5")
	if cell.hint.Text != "上年 812" {
		t.Errorf("after typing the hint is %q", cell.hint.Text)
	}
	// No previous report, no hints.
	e.SetPrevious(nil)
	if cell.hint.Visible() {
		t.Error("a hint without a previous report")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestLastYearTextBesideSections(t *testing.T) {
	e, _ := newTestEditor(t)
	cur, prev := lastYearPair(t)
	e.SetReport(cur, prev)
	l := e.sections[0]
	if len(l.rows) != len(prev.Overview) || len(prev.Overview) < 2 {
		t.Fatalf("%d sections for last year's %d", len(l.rows), len(prev.Overview))
	}
	row := l.rows[1]
	if !row.last.toggle.Visible() || row.last.open {
		t.Fatal("last year's text is not offered collapsed")
	}
	if len(row.last.area.Objects) != 1 {
		t.Error("last year's text shows before it is opened")
	}
	test.Tap(row.last.toggle)
	if !row.last.open || len(row.last.area.Objects) != 2 {
		t.Fatal("one tap does not open last year's text")
	}
	paras := report.Paragraphs(prev.Overview[1].Body)
	shown := panelTexts(row.last)
	for _, p := range paras {
		if !contains(shown, p) {
			t.Errorf("paragraph %q of last year is not shown", p)
		}
	}
	// Last year's text is broken into lines by the PDF's rules.
	broken := 0
	for _, o := range test.LaidOutObjects(row.last.panel) {
		if l, ok := o.(*breakLabel); ok && strings.Contains(l.Text, "\n") {
			broken++
			for _, line := range strings.Split(l.Text, "\n") {
				if line != "" && strings.ContainsRune("，。、；：？！）」』】〕》”", []rune(line)[0]) {
					t.Errorf("a line of last year's text starts with a mark: %q", line)
				}
			}
		}
	}
	if broken == 0 {
		t.Error("no paragraph of last year's text is broken into lines")
	}
	// Copy the first paragraph in, then the second after it.
	copyButtons := panelButtons(row.last)
	if len(copyButtons) != len(paras) {
		t.Fatalf("%d copy buttons for %d paragraphs", len(copyButtons), len(paras))
	}
	test.Tap(copyButtons[0])
	if got := e.Report().Overview[1].Body; got != paras[0] {
		t.Errorf("after copying the body is %q", got)
	}
	if len(paras) > 1 {
		test.Tap(copyButtons[1])
		if got := e.Report().Overview[1].Body; got != paras[0]+"\n\n"+paras[1] {
			t.Errorf("after copying two paragraphs the body is %q", got)
		}
	}
	// Reordering keeps each section beside its own last year (same heading).
	test.Tap(row.up)
	if l.rows[0] != row || *row.last.shown != prev.Overview[1] {
		t.Error("after moving up the section shows another section of last year")
	}
	test.Tap(row.last.toggle)
	if row.last.open || len(row.last.area.Objects) != 1 {
		t.Error("a second tap does not close it")
	}
	// Without a previous report the button goes.
	e.SetPrevious(nil)
	if row.last.toggle.Visible() {
		t.Error("对照上年 offered without a previous report")
	}
}

func panelTexts(ly *lastYear) []string {
	var out []string
	for _, o := range test.LaidOutObjects(ly.panel) {
		switch l := o.(type) {
		case *widget.Label:
			out = append(out, l.Text)
		case *breakLabel:
			out = append(out, l.source)
			squeeze := strings.NewReplacer("\n", "", " ", "").Replace
			if squeeze(l.Text) != squeeze(l.source) { // a break drops spaces only
				panic("a broken line lost text: " + l.Text)
			}
		}
	}
	return out
}

func panelButtons(ly *lastYear) []*widget.Button {
	var out []*widget.Button
	for _, o := range test.LaidOutObjects(ly.panel) {
		if b, ok := o.(*widget.Button); ok && b.Text == "复制到本节" {
			out = append(out, b)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// GoTo puts the cursor where a place of the printed page is edited.
func TestGoToPrintedPlace(t *testing.T) {
	e, w := newTestEditor(t)
	r := exampleReport(t)
	e.SetReport(r, nil)
	tests := []struct {
		name  string
		place Place
		tab   int
		want  any
	}{
		{"title", Place{Part: -1, Section: -1, Row: -1, Col: -1, Field: "title"}, tabBasic, e.basic.title},
		{"preamble", Place{Part: -1, Section: -1, Row: -1, Col: -1, Field: "preamble"}, tabBasic, e.basic.preamble},
		{"a section of 一", Place{Part: 0, Section: 1, Row: -1, Col: -1}, tabOverview, e.sections[0].rows[1].body},
		{"a section of 六", Place{Part: 5, Section: 0, Row: -1, Col: -1}, tabOtherMatters, e.sections[2].rows[0].body},
		{"a cell of 三", Place{Part: 2, Section: -1, Row: 3 + report.RowGranted, Col: 3 + report.ColResearch}, tabApplications,
			appCell(t, e, report.RowGranted, report.ColResearch).entry},
		{"a label of 三: the row's first cell", Place{Part: 2, Section: -1, Row: 3 + report.RowGranted, Col: 2}, tabApplications,
			appCell(t, e, report.RowGranted, report.ColNaturalPerson).entry},
		{"a total of 三: the cell before it", Place{Part: 2, Section: -1, Row: 3 + report.RowNew, Col: 3 + report.ColTotal}, tabApplications,
			appCell(t, e, report.RowNew, report.ColNaturalPerson).entry},
		{"the fee of 二", Place{Part: 1, Section: -1, Row: 13, Col: 1}, tabProactive, e.grids[tabProactive].cells[5][0].entry},
		{"a cell of 四", Place{Part: 3, Section: -1, Row: 3, Col: 6}, tabCases, e.grids[tabCases].cells[0][6].entry},
	}
	for _, tt := range tests {
		e.selectTab(tabChecks)
		w.Canvas().Unfocus()
		e.GoTo(tt.place)
		if e.tabs.SelectedIndex() != tt.tab {
			t.Errorf("%s: tab %d, want %d", tt.name, e.tabs.SelectedIndex(), tt.tab)
		}
		if got := w.Canvas().Focused(); got != tt.want {
			t.Errorf("%s: focus on %v", tt.name, got)
		}
	}
}
