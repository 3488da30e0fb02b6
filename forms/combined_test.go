package forms

import (
	"testing"

	"nianbao/data/report"
)

// TestCombinedReportTakesWiderFigures: the cells of a combined report (汇总)
// take a province's sums, beyond a unit's 9,999,999 and 9999999.999999 万元;
// a unit's report refuses the same text.
func TestCombinedReportTakesWiderFigures(t *testing.T) {
	for _, tc := range []struct {
		name     string
		combined bool
	}{{"unit", false}, {"combined", true}} {
		t.Run(tc.name, func(t *testing.T) {
			e, w := newTestEditor(t)
			r := report.New("某省人民政府", 2024)
			if tc.combined {
				r.Combined = &report.Combination{Units: []string{"甲市人民政府", "乙市人民政府"}}
			}
			e.SetReport(r, nil)
			c := appCell(t, e, report.RowGranted, report.ColResearch)
			typeInto(w, c, "12,345,678")
			var fee *numCell
			for _, x := range e.cells {
				if x.fee != nil {
					fee = x
				}
			}
			typeInto(w, fee, "12000000.5")
			got := e.Report()
			n, f := got.Applications[report.RowGranted][report.ColResearch], got.Proactive.Fees
			if tc.combined && (n != 12_345_678 || f != "12000000.5" || e.InvalidCount() != 0) {
				t.Errorf("combined report: %d, %q, %d invalid; want 12345678, 12000000.5, none", n, f, e.InvalidCount())
			}
			if !tc.combined && (n != 0 || f != "0" || e.InvalidCount() != 2) {
				t.Errorf("unit's report: %d, %q, %d invalid; want the figures refused", n, f, e.InvalidCount())
			}
		})
	}
}
