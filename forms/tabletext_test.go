package forms

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nianbao/assets"
	"nianbao/data/report"
)

// The text before and after the tables of parts 二–四 (format nianbao/2) is
// shown in the part's tab, edited into the report, refused when it breaks the
// text rules, and a W8 finding on it selects its sentence there.
func TestTableTextEdited(t *testing.T) {
	e, w := newTestEditor(t)
	r, err := report.Parse(assets.ExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	r.ReviewLitigationText.After = "本年度无行政复议。"
	e.SetReport(r, nil)
	before, after := e.tableTexts[0][0], e.tableTexts[2][1]
	if after.entry.Text != "本年度无行政复议。" || before.entry.Text != "" {
		t.Fatalf("shown %q and %q", before.entry.Text, after.entry.Text)
	}

	// typed into part 二's box before the table
	e.focusObject(tabProactive, before.entry)
	test.Type(before.entry, "（一）主动公开")
	got := e.Report()
	if got.ProactiveText.Before != "（一）主动公开" || got.ReviewLitigationText.After != "本年度无行政复议。" ||
		got.NeededFormat() != report.FormatV2 {
		t.Fatalf("report text %+v %+v", got.ProactiveText, got.ReviewLitigationText)
	}

	// a control character is refused and counted; the report keeps the last fit text
	test.Type(before.entry, "\x1b")
	if e.InvalidCount() != 1 || e.Report().ProactiveText.Before != "（一）主动公开" || !before.msg.Visible() ||
		before.msg.Text[:len(report.TableTextWhere(1, false))] != report.TableTextWhere(1, false) {
		t.Errorf("invalid text: count %d, report %q, message %q", e.InvalidCount(), e.Report().ProactiveText.Before, before.msg.Text)
	}

	// a blank box is no text: the report is written as version 1 again
	before.entry.SetText("  ")
	after.entry.SetText("\n")
	if got := e.Report(); !got.ProactiveText.IsEmpty() || !got.ReviewLitigationText.IsEmpty() ||
		got.NeededFormat() != report.FormatID || e.InvalidCount() != 0 {
		t.Errorf("blank boxes kept %+v %+v", got.ProactiveText, got.ReviewLitigationText)
	}

	// W8 on the text after part 三's table goes to that box with the sentence selected
	slip := e.Report()
	slip.ApplicationsText.After = "本年度说明如下。全年新收政府信息公开申请999件。"
	e.SetReport(slip, nil)
	f := w8(t, e.Findings())
	if f.Text == nil || f.Text.Part != "三" || f.Text.Field != "after" {
		t.Fatalf("W8 = %+v", f)
	}
	e.Focus(f)
	box := e.tableTexts[1][1]
	if e.tabs.SelectedIndex() != tabApplications || w.Canvas().Focused() != fyne.Focusable(box.entry) {
		t.Fatalf("went to tab %d, focus %v", e.tabs.SelectedIndex(), w.Canvas().Focused())
	}
	if got := box.entry.SelectedText(); got != f.Text.Quote || got != "全年新收政府信息公开申请999件" {
		t.Errorf("selected %q, want %q", got, f.Text.Quote)
	}
}
