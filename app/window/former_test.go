package window

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/report"
)

// A report made from last year's and then renamed: 基本信息 offers the old
// name as 曾用名; choosing it stores it and the checks compare with last year
// again (W10 here: 行政处罚 135 last year, 0 so far). Reopening shows it.
func TestRenamedAgencyFollowsFormerName(t *testing.T) {
	h := newHarness(t, nil)
	last := report.New("洪泽区人民政府", 2023)
	last.Proactive.Penalty = 135
	h.put(last)
	h.u.createReport("洪泽区人民政府", 2024, true)
	h.waitFor("the new report", func() bool { return h.u.id != 0 })
	id := h.u.id
	comparedWithLastYear := func() bool {
		for _, f := range h.u.editor.Findings() {
			if f.Rule == "W10" && f.Row == "penalty" {
				return true
			}
		}
		return false
	}
	h.waitFor("W10 against 2023 under the same name", comparedWithLastYear)

	agency := h.entryWithText("洪泽区人民政府").(interface{ SetText(string) })
	agency.SetText("淮安市洪泽区人民政府")
	h.waitFor("the rename saved and compared with nothing", func() bool {
		return h.get(id).Agency == "淮安市洪泽区人民政府" && !comparedWithLastYear()
	})
	var offer *widget.Button
	walk(h.u.editor.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "采用“洪泽区人民政府”" && b.Visible() {
			offer = b
		}
	})
	if offer == nil {
		t.Fatal("基本信息 does not offer the old name as 曾用名")
	}
	test.Tap(offer)
	h.waitFor("W10 against the former name's 2023", comparedWithLastYear)
	if got, err := h.st.FormerName("淮安市洪泽区人民政府", 2024); err != nil || got != "洪泽区人民政府" {
		t.Fatalf("stored former name %q, %v", got, err)
	}
	h.idle()
	h.u.closeReport()
	h.u.openReport(id)
	h.waitFor("the former name shown again", func() bool { return h.u.editor.FormerName() == "洪泽区人民政府" })
}
