package window

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit/kittest"
	"nianbao/data/report"
)

// dialogEntries returns the texts of the entries in the dialog on top.
func (h *harness) dialogEntries() []string {
	var out []string
	kittest.Walk(h.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e.Text)
		}
	})
	return out
}

// 新建 proposes the year by the date and the agency worked on last.
func TestNewReportDefaults(t *testing.T) {
	tests := []struct {
		today time.Time
		year  string
	}{
		{time.Date(2026, time.December, 1, 9, 0, 0, 0, time.Local), "2026"},
		{time.Date(2027, time.January, 5, 9, 0, 0, 0, time.Local), "2026"},
		{time.Date(2027, time.June, 30, 9, 0, 0, 0, time.Local), "2026"},
		{time.Date(2027, time.July, 1, 9, 0, 0, 0, time.Local), "2027"},
	}
	for _, tt := range tests {
		h := newHarness(t, nil)
		h.u.now = func() time.Time { return tt.today }
		h.u.newReport()
		if got := h.dialogEntries(); !slices.Equal(got, []string{"", tt.year}) {
			t.Errorf("on %s 新建 proposes %q, want agency \"\" and year %s", tt.today.Format("2006-01-02"), got, tt.year)
		}
		// What 以上一年度 does, broken into lines by the print rules: "Word"
		// kept whole (Fyne's own wrapping broke it as Wo/rd).
		note := ""
		for _, x := range texts(h.win.Canvas().Overlays().Top()) {
			if strings.ReplaceAll(x, "\n", "") == fromPreviousNote {
				note = x
			}
		}
		if !strings.Contains(note, "\n") || !strings.Contains(note, "Word") {
			t.Errorf("the dialog does not say what 以上一年度 does in lines: %q", note)
		}
	}

	// From the list after a report was open, the agency is that of the report
	// worked on, not of the one saved last.
	h := newHarness(t, nil)
	h.u.now = func() time.Time { return time.Date(2026, time.December, 1, 9, 0, 0, 0, time.Local) }
	id := h.put(report.New("某某市民政局", 2025))
	h.put(report.New("某某县财政局", 2024)) // saved later, but not worked on
	h.startOn(id)
	h.u.ShowList()
	h.idle()
	h.u.newReport()
	if got := h.dialogEntries(); !slices.Equal(got, []string{"某某市民政局", "2026"}) {
		t.Errorf("from the list 新建 proposes %q", got)
	}
}
