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
	// Each figure carries its place: the tables run over pages 2 to 4 (part
	// 二 and part 三 each split over a page break, their heads repeated).
	pages := map[string][2]int{"二": {2, 3}, "三": {3, 4}, "四": {4, 4}}
	for _, f := range rd.Figures {
		if span := pages[f.Field.Part]; f.Where.Page < span[0] || f.Where.Page > span[1] {
			t.Errorf("%s %s %s: page %d", f.Field.Part, f.Row, f.Column, f.Where.Page)
		}
	}
	cases := []struct {
		part, row, column string
		index             int
		printed           string
		page              int
	}{
		{"二", "normative_documents", "本年新制发件数", 0, "3", 2},
		{"二", "fees", "", 0, "7545", 3},
		{"三", "new", "自然人", 0, "95", 3},
		{"三", "unable_not_held", "自然人", 0, "31", 3},
		{"三", "carried_forward", "总计", 6, "0", 4},
		{"四", "litigation_after_review", "结果维持", 0, "2", 4},
		{"四", "review", "总计", 4, "2", 4},
	}
	for _, tc := range cases {
		found := false
		for _, f := range rd.Figures {
			if f.Field.Part != tc.part || f.Field.Row != tc.row || f.Field.Index != tc.index {
				continue
			}
			found = true
			if f.Printed != tc.printed || f.Where.Page != tc.page || f.How != intake.Printed {
				t.Errorf("%s %s %s: printed %q on page %d (how %d), want %q on page %d", tc.part, tc.row, tc.column, f.Printed, f.Where.Page, f.How, tc.printed, tc.page)
			}
		}
		if !found {
			t.Errorf("%s %s %d: no figure recorded", tc.part, tc.row, tc.index)
		}
	}
}
