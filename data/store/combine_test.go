package store

import (
	"strings"
	"testing"
	"time"

	"nianbao/data/combine"
	"nianbao/data/report"
)

// TestCombineStoredNamesLikeFiles: a stored report whose name differs from
// the roster is named (not silently left out while its unit shows as not
// received), and one renamed with its former name on the roster counts as
// that unit, in the database as with files.
func TestCombineStoredNamesLikeFiles(t *testing.T) {
	s, _ := openTemp(t)
	mustPut(t, s, sample("某县财政局", 2024, 1), SaveImport) // the roster writes 县财政局
	mustPut(t, s, sample("县教育局", 2023, 2), SaveImport)
	mustPut(t, s, sample("县教育和体育局", 2024, 2), SaveImport)
	if err := s.SetFormerName("县教育和体育局", 2024, "县教育局"); err != nil {
		t.Fatal(err)
	}
	roster := []combine.Unit{{Name: "县财政局", Type: report.AgencyDepartment}, {Name: "县教育局", Type: report.AgencyDepartment}}
	res, err := s.Combine(combine.Options{Agency: "某县人民政府", Year: 2024, Roster: roster, Now: time.Date(2025, 2, 20, 0, 0, 0, 0, time.Local)})
	if err != nil {
		t.Fatal(err)
	}
	var notes strings.Builder
	for _, p := range res.Problems {
		notes.WriteString(p.Message + "\n")
	}
	for _, want := range []string{"“某县财政局”（数据库（编号 1））不在名单中，未计入合计",
		"“县教育和体育局”（数据库（编号 3））按曾用名“县教育局”作为名单中的该单位计入合计"} {
		if !strings.Contains(notes.String(), want) {
			t.Errorf("notes lack %q:\n%s", want, notes.String())
		}
	}
	edu := res.Units[1]
	if edu.Name != "县教育局" || !edu.Included || edu.Source != "数据库（编号 3）" || res.Combined.Proactive.Licensing != 2 {
		t.Errorf("renamed unit not counted as its roster name: %+v, sum %d", edu, res.Combined.Proactive.Licensing)
	}
	hasR5 := false
	for _, f := range edu.Findings {
		hasR5 = hasR5 || f.Rule == "R5"
	}
	if !hasR5 {
		t.Errorf("the former name's previous year not used: %+v", edu.Findings)
	}
}
