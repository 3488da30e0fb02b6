package pdf

import (
	"os"
	"path/filepath"
	"testing"

	"nianbao/data/intake"
	"nianbao/data/report"
)

// The PDF of 洪泽区 2024, made by WPS, reads exactly as typed in from it:
// every figure of the three tables and every sentence, with nothing left for
// a person.
func TestHongzequ(t *testing.T) {
	d := readFile(t, "testdata/hongzequ-2024.pdf")
	if d.Pages != 5 {
		t.Errorf("%d pages, want 5", d.Pages)
	}
	got, rd := intake.Match(d)
	want, err := report.ReadFile("testdata/hongzequ-2024.nianbao.json")
	if err != nil {
		t.Fatal(err)
	}
	gj, err := report.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	wj, _ := report.Marshal(want)
	if string(gj) != string(wj) {
		out := filepath.Join(os.TempDir(), "hongzequ-got.nianbao.json")
		os.WriteFile(out, gj, 0o644)
		t.Errorf("read differs from the typed-in report; see %s", out)
	}
	for _, d := range rd.Doubts {
		t.Errorf("doubt: %s", d)
	}
	if len(rd.Figures) != 200 {
		t.Errorf("%d figures recorded, want 200", len(rd.Figures))
	}
	for _, f := range rd.Figures {
		if f.Where.Page < 1 || f.Where.Page > 5 {
			t.Errorf("%s %s: page %d", f.Row, f.Column, f.Where.Page)
		}
	}
}
