package layout

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/data/report"
)

// TestLongestTitlePrintsWhole: an agency name and a title at the reader's
// limits print in full, on the first page (a 16,000-character name printed
// only about 190 characters of its title).
func TestLongestTitlePrintsWhole(t *testing.T) {
	set := bundled(t)
	for _, r := range []*report.Report{
		report.New(strings.Repeat("示例县民政局", report.MaxAgencyLen/6)+"办公室", 2023),
		func() *report.Report {
			r := report.New("某局", 2023)
			r.Title = strings.Repeat("年度报告", report.MaxTitleLen/4)
			return r
		}(),
	} {
		if err := report.Validate(r); err != nil {
			t.Fatal(err)
		}
		d := Layout(r, set)
		var got strings.Builder
		for _, tx := range d.Pages[0].Texts {
			if tx.Size == TitleSize {
				got.WriteString(tx.S)
				if tx.Y > Top+AreaH {
					t.Errorf("title line %q below the type area", tx.S)
				}
			}
		}
		if got.String() != r.DisplayTitle() {
			t.Errorf("title printed as %q, want %q", got.String(), r.DisplayTitle())
		}
	}
}

// BenchmarkTitleLength lays out titles of growing length: the time per
// character stays flat (the search for where to break the title was
// quadratic).
func BenchmarkTitleLength(b *testing.B) {
	set := bundled(b)
	for _, n := range []int{1000, 4000, 16000} {
		r := report.New(strings.Repeat("示例县民政局", n/6), 2023)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Layout(r, set)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/char")
		})
	}
}
