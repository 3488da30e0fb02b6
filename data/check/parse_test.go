package check

import (
	"testing"

	"nianbao/assets"
	"nianbao/data/report"
)

// TestParsedExamples reads the embedded example files with report.Parse: they
// must raise no finding, and the Go literals the other tests use must hold the
// same figures and agency facts as the files.
func TestParsedExamples(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		literal *report.Report
	}{
		{"busy", assets.BusyExampleReport, busyReport()},
		{"zhongwei", assets.ExampleReport, zhongweiReport()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := report.Parse(tt.data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if fs := Run(r, nil); len(fs) != 0 {
				t.Errorf("Run = %+v, want no findings", fs)
			}
			lit := tt.literal
			if r.Agency != lit.Agency || r.Year != lit.Year || r.EffectiveAgencyType() != lit.EffectiveAgencyType() || r.Title != lit.Title {
				t.Errorf("agency/year/type/title = %q %d %q %q, literal %q %d %q %q",
					r.Agency, r.Year, r.EffectiveAgencyType(), r.Title, lit.Agency, lit.Year, lit.EffectiveAgencyType(), lit.Title)
			}
			if r.Proactive != lit.Proactive {
				t.Errorf("proactive = %+v, literal %+v", r.Proactive, lit.Proactive)
			}
			if r.Applications != lit.Applications {
				t.Errorf("applications = %v, literal %v", r.Applications, lit.Applications)
			}
			if r.ReviewLitigation != lit.ReviewLitigation {
				t.Errorf("review_litigation = %v, literal %v", r.ReviewLitigation, lit.ReviewLitigation)
			}
		})
	}
	// The busy literal copies every text of its file too.
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	lit := busyReport()
	for _, pair := range [][2][]report.Section{{r.Overview, lit.Overview}, {r.Problems, lit.Problems}, {r.OtherMatters, lit.OtherMatters}} {
		if len(pair[0]) != len(pair[1]) {
			t.Fatalf("sections: file has %d, literal %d", len(pair[0]), len(pair[1]))
		}
		for i := range pair[0] {
			if pair[0][i] != pair[1][i] {
				t.Errorf("section %d: file %q, literal %q", i, pair[0][i], pair[1][i])
			}
		}
	}
	if r.Preamble != lit.Preamble || r.Closing != lit.Closing {
		t.Error("busy preamble/closing differ from the file")
	}
}
