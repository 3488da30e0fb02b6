package storetest

import (
	"strings"
	"testing"
	"time"

	"nianbao/data/combine"
	"nianbao/data/report"
	"nianbao/data/store"
)

func testRosterCarriesToNextYear(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	r2023 := []combine.Unit{
		{Name: "县教育局", Type: report.AgencyDepartment, Group: "县直部门"},
		{Name: "县财政局", Type: report.AgencyDepartment, Group: "县直部门"},
		{Name: "城关镇", Type: report.AgencyTownship, Group: "乡镇/街道"},
	}
	if err := s.SetRoster("某县人民政府", 2023, r2023); err != nil {
		t.Fatal(err)
	}
	units, from, err := s.Roster("某县人民政府", 2025)
	if err != nil || from != 2023 || len(units) != 3 || units[0].Name != "县教育局" || units[2] != r2023[2] {
		t.Fatalf("2025 from 2023: %v %d %v", units, from, err)
	}
	// The year's own roster replaces, in its own order; others' rosters are apart.
	if err := s.SetRoster("某县人民政府", 2024, r2023[1:]); err != nil {
		t.Fatal(err)
	}
	if units, from, _ := s.Roster("某县人民政府", 2025); from != 2024 || len(units) != 2 || units[0].Name != "县财政局" {
		t.Errorf("2025 from 2024: %v %d", units, from)
	}
	if units, from, _ := s.Roster("某市人民政府", 2025); units != nil || from != 0 {
		t.Errorf("another agency's roster: %v %d", units, from)
	}
	for _, bad := range [][]combine.Unit{
		{{Name: "甲", Type: report.AgencyDepartment}, {Name: "甲", Type: report.AgencyTownship}},
		{{Name: "", Type: report.AgencyDepartment}},
		{{Name: "甲", Type: "unit"}},
	} {
		if err := s.SetRoster("某县人民政府", 2024, bad); err == nil {
			t.Errorf("SetRoster(%v) accepted", bad)
		}
	}
	if units, _, _ := s.Roster("某县人民政府", 2024); len(units) != 2 {
		t.Errorf("a refused roster changed the stored one: %v", units)
	}
}

func testSaveCombinedKeepsTextAndMembers(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	own := Sample("某县人民政府", 2024, 1)
	own.Preamble = "本级自己写的引言"
	id := MustPut(t, s, own, store.SaveManual)

	sum := report.New("某县人民政府", 2024)
	sum.Proactive.Fees = "0.3"
	sum.Applications[report.RowNew] = report.AppRow{40, 0, 0, 0, 0, 0, 40}
	got, err := s.SaveCombined(sum, []string{"县财政局", "县教育局"})
	if err != nil || got != id {
		t.Fatalf("SaveCombined = %d, %v (want id %d)", got, err, id)
	}
	_, r, err := s.Find("某县人民政府", 2024)
	if err != nil {
		t.Fatal(err)
	}
	if r.Preamble != "本级自己写的引言" || r.Proactive.Fees != "0.3" || r.Applications[report.RowNew][report.ColTotal] != 40 {
		t.Errorf("figures not updated or text lost: %q %s %v", r.Preamble, r.Proactive.Fees, r.Applications[report.RowNew])
	}
	if vs, err := s.Versions("某县人民政府", 2024); err != nil || len(vs) != 1 {
		t.Errorf("the content before the update is not kept as a version: %v %v", vs, err)
	}
	if m, err := s.Members("某县人民政府", 2024); err != nil || strings.Join(m, ",") != "县教育局,县财政局" {
		t.Errorf("Members = %v, %v", m, err)
	}
	// A new combined report for an agency without one; members replaced on a second save.
	if _, err := s.SaveCombined(report.New("某市人民政府", 2024), []string{"某县人民政府"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveCombined(report.New("某市人民政府", 2024), []string{"某县人民政府", "乙县人民政府"}); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.Members("某市人民政府", 2024); len(m) != 2 {
		t.Errorf("Members = %v", m)
	}
	n := 0
	err = s.EachOfYear(2024, func(st combine.StoredReport) error {
		n++
		r, _, err := st.Read()
		if st.ID == 0 || err != nil || r == nil || st.Saved.IsZero() {
			t.Errorf("EachOfYear gave %+v: %v, %v", st, r, err)
		}
		return nil
	})
	if err != nil || n != 2 {
		t.Errorf("EachOfYear: %d reports, %v", n, err)
	}
}

func testStoreReceivedKeepsBoth(t *testing.T, bk Backend) {
	c := &clock{t: time.Date(2025, 1, 10, 9, 0, 0, 0, time.Local)}
	s := bk.Open(t, c.now)
	first := Sample("县财政局", 2024, 1)
	if got, err := s.StoreReceived(first, c.t.Add(-time.Hour)); err != nil || got.Replaced {
		t.Fatalf("first: %+v %v", got, err)
	}
	c.advance(time.Hour)
	// An older file arrives later: the stored (newer) one stays current, the older is a version.
	older := Sample("县财政局", 2024, 2)
	got, err := s.StoreReceived(older, c.t.Add(-48*time.Hour))
	if err != nil || !got.Replaced || !got.Older {
		t.Fatalf("older: %+v %v", got, err)
	}
	_, cur, _ := s.Find("县财政局", 2024)
	if cur.Proactive.Licensing != 1 {
		t.Errorf("the older report became current")
	}
	vs, _ := s.Versions("县财政局", 2024)
	found := false
	for _, v := range vs {
		if r, err := s.Version(v.ID); err == nil && r.Proactive.Licensing == 2 {
			found = true
		}
	}
	if !found {
		t.Errorf("the older report is not kept as a version: %+v", vs)
	}
	// A newer one replaces; the same one again writes nothing.
	c.advance(time.Hour)
	newer := Sample("县财政局", 2024, 3)
	if got, err := s.StoreReceived(newer, c.t); err != nil || got.Older {
		t.Fatalf("newer: %+v %v", got, err)
	}
	if got, err := s.StoreReceived(newer, c.t); err != nil || !got.Same {
		t.Fatalf("same: %+v %v", got, err)
	}
	if _, cur, _ := s.Find("县财政局", 2024); cur.Proactive.Licensing != 3 {
		t.Errorf("newer not current")
	}
}

func testCombineStored(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	for i, name := range []string{"县财政局", "县教育局", "外县某局"} {
		MustPut(t, s, Sample(name, 2024, i+1), store.SaveImport)
	}
	MustPut(t, s, Sample("县财政局", 2023, 1), store.SaveImport)
	roster := []combine.Unit{{Name: "县财政局", Type: report.AgencyDepartment}, {Name: "县教育局", Type: report.AgencyDepartment}, {Name: "城关镇", Type: report.AgencyTownship}}
	res, err := combine.FromDatabase(s, combine.Options{Agency: "某县人民政府", Year: 2024, Roster: roster, Now: time.Date(2025, 1, 20, 0, 0, 0, 0, time.Local)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Units) != 3 || res.Units[2].Status != combine.Missing {
		t.Fatalf("units: %+v", res.Units)
	}
	// Licensing 1 + 2; the unit outside the roster is not read.
	if res.Combined.Proactive.Licensing != 3 || res.Combined.Proactive.Fees != "2.5" {
		t.Errorf("sum: %d %s", res.Combined.Proactive.Licensing, res.Combined.Proactive.Fees)
	}
	// The 2023 report was the previous year of 县财政局: R5 ran (5+1 in force, last year 6, +2−1 → 7).
	hasR5 := false
	for _, f := range res.Units[0].Findings {
		hasR5 = hasR5 || f.Rule == "R5"
	}
	if !hasR5 {
		t.Errorf("previous year not used: %+v", res.Units[0].Findings)
	}
}
