package sheet

import (
	"fmt"
	"io"
	"testing"

	"nianbao/data/combine"
	"nianbao/data/report"
)

// BenchmarkWrite1000Units writes the workbook of a round of 1,000 units.
func BenchmarkWrite1000Units(b *testing.B) {
	bt := combine.NewBatch(combine.Options{Agency: "测试市人民政府", Year: 2024})
	for i := 0; i < 1000; i++ {
		r := report.New(fmt.Sprintf("测试市第%04d局", i), 2024)
		r.Proactive.Licensing = i
		r.Proactive.Fees = "1.5"
		r.Applications[report.RowNew][0] = i % 40
		r.Applications[report.RowGranted][0] = i % 40
		r.FillTotals()
		if err := bt.Add(combine.Received{Report: r, Source: "x"}); err != nil {
			b.Fatal(err)
		}
	}
	res, err := bt.Finish()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, res); err != nil {
			b.Fatal(err)
		}
	}
}
