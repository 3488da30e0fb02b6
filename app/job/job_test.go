package job

import (
	"slices"
	"testing"

	"nianbao/app/charts"
	"nianbao/assets"
	"nianbao/data/report"
)

func busy(t *testing.T) *report.Report {
	t.Helper()
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The printed model is built once by New and handed to every writer; an
// Input made otherwise, or whose report was replaced, gets the model of the
// report it holds.
func TestPrinted(t *testing.T) {
	r := busy(t)
	other := report.New("某县审计局", 2024)
	replaced := New(r)
	replaced.Report = other
	for _, tc := range []struct {
		name string
		in   *Input
		want *report.Report
		same bool // two calls give the one document
	}{
		{"made by New", New(r), r, true},
		{"made as a literal", &Input{Report: r}, r, false},
		{"report replaced after New", replaced, other, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := tc.in.Printed(), tc.in.Printed()
			if a == nil || a.Report != tc.want {
				t.Fatalf("the printed model is of %v, want %s", a, tc.want.Agency)
			}
			if (a == b) != tc.same {
				t.Errorf("two calls give one document: %v, want %v", a == b, tc.same)
			}
			if len(a.Tables()) != 3 {
				t.Errorf("%d tables, want the three of the national format", len(a.Tables()))
			}
		})
	}
}

// DrawCharts draws nothing unless charts are asked for; with earlier years
// the trend charts follow those of the report's own figures.
func TestDrawCharts(t *testing.T) {
	r := busy(t)
	prev := r.Clone()
	prev.Year--
	trend := []charts.Kind{charts.KindTrendApplications, charts.KindTrendCases}
	for _, tc := range []struct {
		name      string
		charts    bool
		history   []*report.Report
		none      bool
		withTrend bool
	}{
		{"not asked for", false, []*report.Report{prev}, true, false},
		{"this year only", true, nil, false, false},
		{"with an earlier year", true, []*report.Report{prev}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := New(r)
			in.Charts, in.History = tc.charts, tc.history
			cs, err := in.DrawCharts()
			if err != nil {
				t.Fatal(err)
			}
			if (len(cs) == 0) != tc.none {
				t.Fatalf("%d charts, want none: %v", len(cs), tc.none)
			}
			var kinds []charts.Kind
			for _, c := range cs {
				kinds = append(kinds, c.Kind)
				if c.Alt == "" {
					t.Errorf("chart %s has no text alternative", c.Kind)
				}
			}
			for _, k := range trend {
				if slices.Contains(kinds, k) != tc.withTrend {
					t.Errorf("chart %s drawn: %v, want %v (%v)", k, !tc.withTrend, tc.withTrend, kinds)
				}
			}
		})
	}
}

// Every front door names what a writer makes alike, made safe for Windows
// and Linux (these were the PDF's, Word's and the web page's own names).
func TestFileName(t *testing.T) {
	for _, tc := range []struct {
		agency string
		year   int
		ext    string
		want   string
	}{
		{"中卫市民政局", 2023, ".pdf", "中卫市民政局2023年政府信息公开工作年度报告.pdf"},
		{"某局/某办", 2024, ".pdf", "某局_某办2024年政府信息公开工作年度报告.pdf"},
		{"示例/市:民政局", 2024, ".docx", "示例_市_民政局2024年政府信息公开工作年度报告.docx"},
		{"某局/科", 2024, "", "某局_科2024年政府信息公开工作年度报告"},
	} {
		if got := New(report.New(tc.agency, tc.year)).FileName(tc.ext); got != tc.want {
			t.Errorf("FileName of %q %d (%q) = %q, want %q", tc.agency, tc.year, tc.ext, got, tc.want)
		}
	}
}
