package check

import (
	"testing"

	"nianbao/data/report"
)

func TestPreviousIndex(t *testing.T) {
	hz23 := report.New("洪泽区人民政府", 2023)
	tests := []struct {
		name  string
		batch []*report.Report
		r     *report.Report
		want  *report.Report
		how   Pairing
	}{
		{"same name", []*report.Report{hz23}, report.New("洪泽区人民政府", 2024), hz23, SameName},
		{"place prefix added", []*report.Report{hz23}, report.New("淮安市洪泽区人民政府", 2024), hz23, PlacePrefix},
		{"place prefix dropped", []*report.Report{report.New("淮安市洪泽区人民政府", 2023)}, report.New("洪泽区人民政府", 2024), nil, PlacePrefix},
		{"not consecutive", []*report.Report{report.New("洪泽区人民政府", 2022)}, report.New("淮安市洪泽区人民政府", 2024), nil, NotPaired},
		{"another agency", []*report.Report{report.New("洪泽区财政局", 2023)}, report.New("淮安市洪泽区人民政府", 2024), nil, NotPaired},
		{"not a place", []*report.Report{report.New("人民政府", 2023)}, report.New("洪泽区人民政府", 2024), nil, NotPaired},
		{"prefix not ending in a place", []*report.Report{report.New("民政局", 2023)}, report.New("某某民政局", 2024), nil, NotPaired},
		{"two candidates", []*report.Report{report.New("淮安市洪泽区人民政府", 2023), report.New("江苏省洪泽区人民政府", 2023)},
			report.New("洪泽区人民政府", 2024), nil, NotPaired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			batch := append(tt.batch, tt.r)
			got, how := NewPreviousIndex(batch).Of(tt.r)
			if how != tt.how {
				t.Fatalf("pairing %v, want %v", how, tt.how)
			}
			if want := tt.want; want == nil && how != NotPaired {
				want = tt.batch[0]
				if got != want {
					t.Errorf("paired with %v", got)
				}
			} else if got != want {
				t.Errorf("paired with %v, want %v", got, want)
			}
		})
	}
}
