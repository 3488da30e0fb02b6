package check

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"nianbao/data/report"
)

// realReport reads one of the published reports kept in testdata.
func realReport(t testing.TB, name string) *report.Report {
	t.Helper()
	r, err := report.ReadFile(filepath.Join("testdata", name+".nianbao.json"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRealReportsPrecision holds the W8–W11 findings on every published report
// of testdata, with its previous year where it is there and against the other
// units of its year: each one listed here was read and judged a real
// inconsistency or a figure worth a look (see the note of issue 11).
func TestRealReportsPrecision(t *testing.T) {
	names := []string{"pingtan-jtjsj-2023", "pingtan-jtjsj-2024", "pingtan-jtjsj-2025",
		"pingtan-scjgj-2023", "pingtan-scjgj-2024", "pingtan-czjrj-2024"}
	var batch []*report.Report
	for _, n := range names {
		batch = append(batch, realReport(t, n))
	}
	batch = append(batch, zhongweiReport())
	want := map[string][]string{
		"平潭综合实验区交通与建设局 2024":  {"W10 denied_state_secret"},
		"平潭综合实验区交通与建设局 2025":  {"W10 denied_state_secret"},
		"平潭综合实验区市场监督管理局 2024": {"W9 "},
	}
	previous := NewPreviousIndex(batch)
	for _, r := range batch {
		key := r.Agency + " " + strconv.Itoa(r.Year)
		t.Run(key, func(t *testing.T) {
			prev, _ := previous.Of(r)
			k := NewChecker()
			var got []string
			for _, f := range append(k.Run(r, prev), k.SameYear(r, batch)...) {
				if slices.Contains([]string{"W8", "W9", "W10", "W11"}, f.Rule) {
					got = append(got, f.Rule+" "+f.Row)
					t.Logf("%s: %s", f.Rule, f.Message)
				}
			}
			if strings.Join(got, "|") != strings.Join(want[key], "|") {
				t.Errorf("W8–W11 findings %q, want %q", got, want[key])
			}
		})
	}
}
