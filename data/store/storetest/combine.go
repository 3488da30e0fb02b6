package storetest

import (
	"strings"
	"testing"
	"time"

	"nianbao/data/combine"
	"nianbao/data/report"
	"nianbao/data/store"
)

// testCombineStoredNamesLikeFiles: a stored report whose name differs from
// the roster is named (not silently left out while its unit shows as not
// received), and one renamed with its former name on the roster counts as
// that unit, in the database as with files.
func testCombineStoredNamesLikeFiles(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	MustPut(t, s, Sample("某县财政局", 2024, 1), store.SaveImport) // the roster writes 县财政局
	MustPut(t, s, Sample("县教育局", 2023, 2), store.SaveImport)
	MustPut(t, s, Sample("县教育和体育局", 2024, 2), store.SaveImport)
	if err := s.SetFormerName("县教育和体育局", 2024, "县教育局"); err != nil {
		t.Fatal(err)
	}
	roster := []combine.Unit{{Name: "县财政局", Type: report.AgencyDepartment}, {Name: "县教育局", Type: report.AgencyDepartment}}
	res, err := combine.FromDatabase(s, combine.Options{Agency: "某县人民政府", Year: 2024, Roster: roster, Now: time.Date(2025, 2, 20, 0, 0, 0, 0, time.Local)})
	if err != nil {
		t.Fatal(err)
	}
	var notes strings.Builder
	for _, p := range res.Problems {
		notes.WriteString(p.Message + "\n")
	}
	// Each is named by when it was saved, never by its row number (issue 19 point 11).
	for _, want := range []string{"“某县财政局”（", " 保存的年报）不在名单中，未计入合计",
		"“县教育和体育局”（", " 保存的年报）按曾用名“县教育局”作为名单中的该单位计入合计"} {
		if !strings.Contains(notes.String(), want) {
			t.Errorf("notes lack %q:\n%s", want, notes.String())
		}
	}
	if strings.Contains(notes.String(), "编号") {
		t.Errorf("notes name a row number:\n%s", notes.String())
	}
	edu := res.Units[1]
	if edu.Name != "县教育局" || !edu.Included || !strings.HasSuffix(edu.Source, " 保存的年报") || res.Combined.Proactive.Licensing != 2 {
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

// testCombineStaleSum: a county's saved sum whose unit is imported again
// afterwards is said to be stale in the city's round (exit 1), and the unit
// is not claimed to be counted with its new figures.
func testCombineStaleSum(t *testing.T, bk Backend) {
	c := &clock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.Local)}
	s := bk.Open(t, c.now)
	MustPut(t, s, Sample("甲镇", 2024, 1), store.SaveImport)
	MustPut(t, s, Sample("乙镇", 2024, 2), store.SaveImport)
	c.advance(time.Hour)
	county := []combine.Unit{{Name: "甲镇", Type: report.AgencyTownship}, {Name: "乙镇", Type: report.AgencyTownship}}
	when := time.Date(2025, 3, 2, 0, 0, 0, 0, time.Local)
	res, err := combine.FromDatabase(s, combine.Options{Agency: "某县人民政府", Year: 2024, Roster: county, Now: when})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveCombined(res.Combined, res.Members); err != nil {
		t.Fatal(err)
	}
	city := []combine.Unit{{Name: "某县人民政府", Type: report.AgencyGovernment}, {Name: "甲镇", Type: report.AgencyTownship}}
	cityRound := func() *combine.Result {
		t.Helper()
		res, err := combine.FromDatabase(s, combine.Options{Agency: "某市人民政府", Year: 2024, Roster: city, Now: when})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := cityRound(); res.ExitCode() != combine.ExitOK || strings.Contains(notesOf(res), "过时") {
		t.Fatalf("fresh sum: exit %d\n%s", res.ExitCode(), notesOf(res))
	}

	c.advance(time.Hour)
	if _, err := s.StoreReceived(Sample("甲镇", 2024, 41), c.t); err != nil {
		t.Fatal(err)
	}
	res = cityRound()
	notes := notesOf(res)
	for _, want := range []string{"“某县人民政府”的汇总已过时：“甲镇”的报告在汇总（2025-03-01 10:00）之后又保存过（2025-03-01 11:00）",
		"请先重新汇总并保存“某县人民政府”的报告"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if res.ExitCode() != combine.ExitIncomplete {
		t.Errorf("exit %d, want %d", res.ExitCode(), combine.ExitIncomplete)
	}
	for _, u := range res.Units {
		if u.Name == "甲镇" && (u.Included || !strings.Contains(u.LeftOutWhy, "更新前的数字")) {
			t.Errorf("甲镇 claimed counted with its new figures: included %v, %q", u.Included, u.LeftOutWhy)
		}
	}
}

func notesOf(res *combine.Result) string {
	var b strings.Builder
	for _, p := range res.Problems {
		b.WriteString(p.Message + "\n")
	}
	return b.String()
}

// testCombineStoredRosterListsAgency: a roster that lists the combining
// agency itself makes its stored report a unit, received and counted.
func testCombineStoredRosterListsAgency(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	MustPut(t, s, Sample("某县人民政府", 2024, 1), store.SaveImport)
	MustPut(t, s, Sample("县财政局", 2024, 2), store.SaveImport)
	roster := []combine.Unit{{Name: "某县人民政府", Type: report.AgencyGovernment}, {Name: "县财政局", Type: report.AgencyDepartment}}
	res, err := combine.FromDatabase(s, combine.Options{Agency: "某县人民政府", Year: 2024, Roster: roster, Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.Local)})
	if err != nil {
		t.Fatal(err)
	}
	if u := res.Units[0]; !u.Status.Received() || !u.Included || res.Combined.Proactive.Licensing != 3 {
		t.Errorf("the agency on its own roster: %s, included %v, sum %d", u.Status.Label(), u.Included, res.Combined.Proactive.Licensing)
	}
}
