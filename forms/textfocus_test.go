package forms

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nianbao/assets"
	"nianbao/data/check"
	"nianbao/data/report"
)

// exampleWithTextSlip is the busy example with 本年新收 typed 3000 in the table
// while part 一 says 3017: a W8 finding on the sentence.
func exampleWithTextSlip(t *testing.T) *report.Report {
	t.Helper()
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	r.Applications[report.RowNew][report.ColNaturalPerson] -= 17
	r.Applications[report.RowNew][report.ColTotal] -= 17
	r.Applications[report.RowGranted][report.ColNaturalPerson] -= 17
	r.Applications[report.RowGranted][report.ColTotal] -= 17
	r.FillTotals()
	return r
}

func w8(t *testing.T, fs []check.Finding) check.Finding {
	t.Helper()
	for _, f := range fs {
		if f.Rule == "W8" {
			return f
		}
	}
	t.Fatalf("no W8 among %+v", fs)
	return check.Finding{}
}

// Choosing a W8 finding in the 检查 tab goes to the section's text box with
// the sentence selected; editing another section keeps the finding.
func TestW8FocusSelectsSentence(t *testing.T) {
	e, w := newTestEditor(t)
	e.SetReport(exampleWithTextSlip(t), nil)
	f := w8(t, e.Findings())
	if f.Row != "new" || *f.Expected+17 != *f.Actual {
		t.Fatalf("W8 = %+v", f)
	}
	e.selectTab(tabChecks)
	for i, g := range e.Findings() {
		if g.Rule == "W8" {
			e.checks.list.Select(i)
		}
	}
	if e.tabs.SelectedIndex() != tabOverview {
		t.Fatalf("the W8 finding went to tab %d", e.tabs.SelectedIndex())
	}
	body := e.sections[0].rows[f.Text.Section].body
	if w.Canvas().Focused() != fyne.Focusable(body) {
		t.Fatalf("focus is on %v, not the section's body", w.Canvas().Focused())
	}
	if got := body.SelectedText(); got != f.Text.Quote {
		t.Errorf("selected %q, want %q", got, f.Text.Quote)
	}

	// Typing into another section: the finding stays, the sentence is unchanged.
	other := e.sections[0].rows[0].body
	e.focusObject(tabOverview, other)
	test.Type(other, "。")
	if g := w8(t, e.Findings()); g.Text.Quote != f.Text.Quote {
		t.Errorf("after an edit elsewhere W8 quotes %q", g.Text.Quote)
	}
	// Correcting the sentence clears it.
	r := e.Report()
	r.Overview[f.Text.Section].Body = r.Overview[f.Text.Section].Body[:0] + "全年新收政府信息公开申请3000件，上年结转34件，办结2938件，结转下年度继续办理96件。"
	e.SetReport(r, nil)
	for _, g := range e.Findings() {
		if g.Rule == "W8" {
			t.Errorf("W8 after the fix: %s", g.Message)
		}
	}
}

// The 曾用名 field: offered after the name is edited in a report made from last
// year's, handed to the window when chosen or typed, reset by another report.
func TestFormerNameField(t *testing.T) {
	e, w := newTestEditor(t)
	var got []string
	e.SetOnFormerNameChanged(func(name string) { got = append(got, name) })
	e.SetReport(report.New("洪泽区人民政府", 2024), nil)
	e.ProposeFormerName("洪泽区人民政府")
	f := e.basic.former
	if f.propose.Visible() {
		t.Error("offered before the name was edited")
	}
	e.focusObject(tabBasic, e.basic.agency)
	e.basic.agency.SetText("淮安市洪泽区人民政府")
	if !f.propose.Visible() || f.propose.Text != "采用“洪泽区人民政府”" {
		t.Fatalf("proposal button %v %q", f.propose.Visible(), f.propose.Text)
	}
	test.Tap(f.propose)
	if len(got) != 1 || got[0] != "洪泽区人民政府" || e.FormerName() != "洪泽区人民政府" || f.propose.Visible() {
		t.Fatalf("after choosing: changes %q, field %q", got, e.FormerName())
	}
	// Typed: handed over when the field loses focus.
	e.focusObject(tabBasic, f.entry)
	f.entry.SetText("")
	test.Type(f.entry, "洪泽县人民政府")
	w.Canvas().Focus(e.basic.title)
	if len(got) != 2 || got[1] != "洪泽县人民政府" {
		t.Errorf("typed former name handed over as %q", got)
	}
	e.SetReport(report.New("某局", 2024), nil)
	if e.FormerName() != "" || f.propose.Visible() {
		t.Error("another report keeps the former name")
	}
	e.SetFormerName("某局旧名")
	if e.FormerName() != "某局旧名" || len(got) != 2 {
		t.Errorf("SetFormerName: field %q, changes %q", e.FormerName(), got)
	}
}

// Choosing a W12 finding (a date of another report year) goes to 基本信息
// with the closing's date, or the preamble's statistics sentence, selected;
// one about a sentence of part 一 to that sentence.
func TestW12FocusSelectsDate(t *testing.T) {
	e, w := newTestEditor(t)
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	r.Year = 2025 // the 2024 report carried into the next year, its words kept
	r.Closing += "\n\n示例市人民政府\n2025年1月20日"
	e.SetReport(r, nil)
	for field, want := range map[string]string{
		"closing":  "2025年1月20日",
		"preamble": "报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止",
		"body":     "2024年，示例市人民政府坚持以公开为常态、不公开为例外，围绕重点领域信息公开、政策解读回应和平台规范建设，持续提升政务公开质量",
	} {
		var f *check.Finding
		for _, g := range e.Findings() {
			if g.Rule == "W12" && g.Text.Field == field && g.Text.Part != "六" {
				f = &g
				break
			}
		}
		if f == nil {
			t.Fatalf("no W12 on the %s among %+v", field, e.Findings())
		}
		e.selectTab(tabChecks)
		e.Focus(*f)
		entry := map[string]*textEntry{"closing": e.basic.closing, "preamble": e.basic.preamble,
			"body": e.sections[0].rows[0].body}[field]
		if w.Canvas().Focused() != fyne.Focusable(entry) {
			t.Errorf("%s: focus is on %v", field, w.Canvas().Focused())
		}
		if got := entry.SelectedText(); got != want {
			t.Errorf("%s: selected %q, want %q", field, got, want)
		}
	}
}
