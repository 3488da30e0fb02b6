package web

import (
	"os"
	"strings"
	"testing"

	"nianbao/data/intake"
	"nianbao/data/report"
)

func readReport(t testing.TB, path string) *report.Report {
	t.Helper()
	r, err := report.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The published page of 平潭 海坛片区 reads exactly as typed in from it:
// every figure and every sentence, with nothing left for a person.
func TestHaitanPage(t *testing.T) {
	d, err := ReadFile("testdata/pingtan-haitan-2023.html")
	if err != nil {
		t.Fatal(err)
	}
	got, rd := intake.Match(d)
	want := readReport(t, "testdata/pingtan-haitan-2023.nianbao.json")
	gj, err := report.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	wj, _ := report.Marshal(want)
	if string(gj) != string(wj) {
		os.WriteFile("/tmp/haitan-got.json", gj, 0o644)
		t.Errorf("read differs from the typed-in report; see /tmp/haitan-got.json")
	}
	for _, d := range rd.Doubts {
		t.Errorf("doubt: %s", d)
	}
	if len(rd.Figures) != 200 {
		t.Errorf("%d figures recorded, want 200", len(rd.Figures))
	}
	var zeros []string
	for _, z := range rd.Zeros {
		zeros = append(zeros, z.String())
	}
	t.Log(strings.Join(zeros, "\n"))
}
