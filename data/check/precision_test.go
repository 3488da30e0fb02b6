package check

import (
	"path/filepath"
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

func TestPrintRealFindings(t *testing.T) {
	names := []string{"pingtan-jtjsj-2023", "pingtan-jtjsj-2024", "pingtan-jtjsj-2025", "pingtan-scjgj-2023", "pingtan-scjgj-2024", "pingtan-czjrj-2024"}
	all := map[string]*report.Report{}
	for _, n := range names {
		all[n] = realReport(t, n)
	}
	all["zhongwei"] = zhongweiReport()
	all["busy"] = busyReport()
	prevOf := map[string]string{"pingtan-jtjsj-2024": "pingtan-jtjsj-2023", "pingtan-jtjsj-2025": "pingtan-jtjsj-2024", "pingtan-scjgj-2024": "pingtan-scjgj-2023"}
	for n, r := range all {
		var prev *report.Report
		if p, ok := prevOf[n]; ok {
			prev = all[p]
		}
		k := NewChecker()
		for _, f := range k.Run(r, prev) {
			if strings.HasPrefix(f.Rule, "W") && len(f.Rule) == 3 || f.Rule == "W8" || f.Rule == "W9" {
				t.Logf("%s: %s %s/%s %s", n, f.Rule, f.Row, f.Column, f.Message)
			}
		}
		var others []*report.Report
		for m, o := range all {
			if m != n {
				others = append(others, o)
			}
		}
		for _, f := range k.SameYear(r, others) {
			t.Logf("%s: same year %s", n, f.Message)
		}
		if prev != nil {
			s, _ := k.similarity(r, prev)
			t.Logf("%s: share vs previous %d%%", n, s)
		}
		for _, o := range others {
			if o.Year == r.Year {
				s, _ := k.similarity(r, o)
				t.Logf("%s: share vs %s %d %d%%", n, o.Agency, o.Year, s)
			}
		}
	}
}
