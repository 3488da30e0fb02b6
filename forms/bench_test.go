package forms

import (
	"strconv"
	"testing"

	"nianbao/assets"
	"nianbao/data/report"
)

// BenchmarkCellEdit is one figure typed into a cell of part 三 of the busy
// example: parse, totals, check.Run, marks, tab titles and the widgets' refresh.
func BenchmarkCellEdit(b *testing.B) {
	e, _ := newTestEditor(b)
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		b.Fatalf("parse the busy example: %v", err)
	}
	e.SetReport(r, nil)
	c := e.grids[tabApplications].cells[report.RowGranted][report.ColCommercial]
	e.focusCell(c)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.entry.SetText(strconv.Itoa(i % 1000))
	}
}
