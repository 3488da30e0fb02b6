package forms

import (
	"testing"

	"nianbao/data/report"
)

// The texts of invalid cells go out with InvalidTexts and come back with
// SetInvalidTexts, red, over the report's figures; every cell has its own key.
func TestInvalidTextsRoundTrip(t *testing.T) {
	e, w := newTestEditor(t)
	keys := map[string]bool{}
	for _, c := range e.cells {
		if c.key == "" || keys[c.key] {
			t.Fatalf("cell %s has key %q, empty or not unique", c.name, c.key)
		}
		keys[c.key] = true
	}
	r := report.New("测试局", 2024)
	r.Applications[report.RowGranted][report.ColResearch] = 7
	r.Proactive.Fees = "1.5"
	r.FillTotals()
	e.SetReport(r, nil)
	c := appCell(t, e, report.RowGranted, report.ColResearch)
	typeInto(w, c, "12345678")
	var fee *numCell
	for _, x := range e.cells {
		if x.fee != nil {
			fee = x
		}
	}
	typeInto(w, fee, "1e3")
	texts := e.InvalidTexts()
	if len(texts) != 2 || texts[c.key] != "12345678" || texts[fee.key] != "1e3" {
		t.Fatalf("InvalidTexts = %v", texts)
	}
	saved := e.Report()
	if saved.Applications[report.RowGranted][report.ColResearch] != 7 || saved.Proactive.Fees != "1.5" {
		t.Errorf("report holds %d and %q, want the figures from before: 7 and 1.5",
			saved.Applications[report.RowGranted][report.ColResearch], saved.Proactive.Fees)
	}

	// A restart: the saved report, then its texts.
	changed := 0
	e.SetOnChanged(func() { changed++ })
	e.SetReport(saved, nil)
	e.SetInvalidTexts(texts)
	if c.entry.Text != "12345678" || c.shown != markInvalid || e.InvalidCount() != 2 {
		t.Errorf("after reopening: text %q, mark %v, %d invalid", c.entry.Text, c.shown, e.InvalidCount())
	}
	if got := e.Report(); mustJSON(t, got) != mustJSON(t, saved) {
		t.Error("putting the texts back changed the report")
	}
	if changed != 0 {
		t.Errorf("putting the texts back counted as %d edits", changed)
	}
}

func mustJSON(t *testing.T, r *report.Report) string {
	t.Helper()
	b, err := report.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
