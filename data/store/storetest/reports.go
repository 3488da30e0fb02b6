package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"nianbao/data/report"
	"nianbao/data/store"
)

func testPutGetFindList(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	a23 := Sample("中卫市民政局", 2023, 1)
	a22 := Sample("中卫市民政局", 2022, 2)
	b23 := Sample("中卫市财政局", 2023, 3)
	ids := map[string]int64{}
	for _, r := range []*report.Report{a23, b23, a22} {
		ids[fmt.Sprint(r.Agency, r.Year)] = MustPut(t, s, r, store.SaveImport)
	}
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sm := range list {
		got = append(got, fmt.Sprint(sm.Agency, sm.Year))
		if sm.ID != ids[fmt.Sprint(sm.Agency, sm.Year)] {
			t.Errorf("%s %d: id %d", sm.Agency, sm.Year, sm.ID)
		}
		if sm.SavedAt.Location() != time.Local || time.Since(sm.SavedAt) > time.Minute || time.Since(sm.SavedAt) < 0 {
			t.Errorf("SavedAt = %v", sm.SavedAt)
		}
	}
	if want := "[中卫市民政局2023 中卫市民政局2022 中卫市财政局2023]"; fmt.Sprint(got) != want {
		t.Errorf("List order = %v, want %s", got, want)
	}

	r, err := s.Get(ids["中卫市民政局2022"])
	if err != nil {
		t.Fatal(err)
	}
	SameReport(t, r, a22)
	id, r, err := s.Find("中卫市财政局", 2023)
	if err != nil || id != ids["中卫市财政局2023"] {
		t.Fatalf("Find = %d, %v", id, err)
	}
	SameReport(t, r, b23)
	if _, _, err := s.Find("中卫市财政局", 2022); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Find of a missing report: %v, want ErrNotFound", err)
	}
	if _, err := s.Get(9999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(9999): %v, want ErrNotFound", err)
	}
	prev, err := s.Previous("中卫市民政局", 2023)
	if err != nil || prev == nil {
		t.Fatalf("Previous = %v, %v", prev, err)
	}
	SameReport(t, prev, a22)
	if prev, err := s.Previous("中卫市财政局", 2023); prev != nil || err != nil {
		t.Errorf("Previous of a first year = %v, %v; want nil, nil", prev, err)
	}
}

func testPutRefusesIncompleteReport(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	tests := []struct {
		name string
		r    *report.Report
		kind store.SaveKind
	}{
		{"no agency", report.New(" ", 2023), store.SaveManual},
		{"year too early", report.New("中卫市民政局", 1999), store.SaveManual},
		{"unknown kind", report.New("中卫市民政局", 2023), store.SaveKind("typing")},
		{"nil", nil, store.SaveManual},
	}
	for _, tt := range tests {
		if _, err := s.Put(tt.r, tt.kind); err == nil {
			t.Errorf("%s: Put succeeded", tt.name)
		}
	}
	if list, _ := s.List(); len(list) != 0 {
		t.Errorf("List = %v, want nothing saved", list)
	}
}

func testCountsFollowPreviousYear(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	r24 := Sample("中卫市民政局", 2024, 1)
	r24.Applications[report.RowCarriedOver] = report.AppRow{9, 0, 0, 0, 0, 0, 9} // not last year's 结转
	r24.Applications[report.RowTotal][0] = 99                                    // and a wrong total
	MustPut(t, s, r24, store.SaveManual)
	sm, _ := Listed(t, s, "中卫市民政局", 2024)
	if got, want := [2]int{sm.Errors, sm.Warnings}, Counts(r24, nil); got != want {
		t.Errorf("alone: counts %v, want %v", got, want)
	}
	if sm.Errors == 0 {
		t.Error("a report whose totals do not add up has no errors")
	}

	r23 := Sample("中卫市民政局", 2023, 2)
	id23 := MustPut(t, s, r23, store.SaveManual)
	sm, _ = Listed(t, s, "中卫市民政局", 2024)
	if got, want := [2]int{sm.Errors, sm.Warnings}, Counts(r24, r23); got != want {
		t.Errorf("after the previous year was saved: counts %v, want %v", got, want)
	}
	if Counts(r24, r23) == Counts(r24, nil) {
		t.Error("the previous year makes no difference to the checks; this test proves nothing")
	}
	if err := s.Delete(id23); err != nil {
		t.Fatal(err)
	}
	sm, _ = Listed(t, s, "中卫市民政局", 2024)
	if got, want := [2]int{sm.Errors, sm.Warnings}, Counts(r24, nil); got != want {
		t.Errorf("after the previous year was deleted: counts %v, want %v", got, want)
	}
}

func testVersionsKeptAndRestored(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	v1 := Sample("中卫市民政局", 2023, 1)
	v2 := Sample("中卫市民政局", 2023, 2)
	id := MustPut(t, s, v1, store.SaveManual)
	if id2 := MustPut(t, s, v2, store.SaveManual); id2 != id {
		t.Fatalf("second Put gave id %d, want %d", id2, id)
	}
	vs, err := s.Versions("中卫市民政局", 2023)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 {
		t.Fatalf("%d versions after two saves, want 1", len(vs))
	}
	if vs[0].ReportID != id || vs[0].Kind != store.SaveManual || vs[0].ReplacedBy != store.SaveManual {
		t.Errorf("version = %+v", vs[0])
	}
	old, err := s.Version(vs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	SameReport(t, old, v1)

	// The same content again writes nothing.
	MustPut(t, s, v2, store.SaveManual)
	if vs, _ := s.Versions("中卫市民政局", 2023); len(vs) != 1 {
		t.Errorf("%d versions after an unchanged save, want 1", len(vs))
	}

	res, err := s.Restore(vs[0].ID)
	if err != nil || res.ReportID != id {
		t.Fatalf("Restore = %+v, %v; want %d", res, err, id)
	}
	if res.Kept == 0 || res.Unchanged || res.Recreated {
		t.Errorf("Restore over other content = %+v, want a kept version", res)
	}
	cur, _ := s.Get(id)
	SameReport(t, cur, v1)
	vs, _ = s.Versions("中卫市民政局", 2023)
	if len(vs) != 2 {
		t.Fatalf("%d versions after restore, want 2 (the restored one and the replaced one)", len(vs))
	}
	newest, _ := s.Version(vs[0].ID)
	SameReport(t, newest, v2)
	if vs[0].ReplacedBy != store.SaveRestore {
		t.Errorf("replaced by %q, want restore", vs[0].ReplacedBy)
	}
	sm, _ := Listed(t, s, "中卫市民政局", 2023)
	if _, err := s.Restore(12345); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Restore of a missing version: %v", err)
	}
	if sm.ID != id {
		t.Errorf("listed id %d", sm.ID)
	}
}

func testAutosaveCoalescing(t *testing.T, bk Backend) {
	c := &clock{t: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)}
	s := bk.Open(t, c.now)
	const agency, year = "中卫市民政局", 2023
	content := func(n int) *report.Report { return Sample(agency, year, n) }
	// kept lists the n of each version's content, newest first.
	kept := func() []int {
		t.Helper()
		vs, err := s.Versions(agency, year)
		if err != nil {
			t.Fatal(err)
		}
		var out []int
		for _, v := range vs {
			r, err := s.Version(v.ID)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, r.Proactive.Licensing)
		}
		return out
	}
	steps := []struct {
		after time.Duration
		n     int
		kind  store.SaveKind
		kept  string
	}{
		{0, 0, store.SaveManual, "[]"},
		{time.Second, 1, store.SaveAuto, "[0]"},                   // the manually saved content is kept
		{time.Second, 2, store.SaveAuto, "[0]"},                   // typing: coalesced
		{time.Second, 3, store.SaveAuto, "[0]"},                   // still
		{time.Second, 3, store.SaveAuto, "[0]"},                   // unchanged: nothing
		{5 * time.Minute, 4, store.SaveAuto, "[3 0]"},             // five minutes on: one kept
		{time.Second, 5, store.SaveAuto, "[3 0]"},                 // coalesced again
		{time.Second, 6, store.SaveManual, "[5 3 0]"},             // Ctrl+S keeps what it replaces
		{time.Second, 7, store.SaveAuto, "[6 5 3 0]"},             // and its own content is kept by the next auto save
		{time.Second, 8, store.SaveAuto, "[6 5 3 0]"},             // coalesced
		{time.Second, 8, store.SaveManual, "[6 5 3 0]"},           // Ctrl+S of what was autosaved: nothing new…
		{time.Second, 9, store.SaveAuto, "[8 6 5 3 0]"},           // …but the next auto save keeps it
		{time.Second, 10, store.SaveImport, "[9 8 6 5 3 0]"},      // import always keeps
		{time.Second, 11, store.SaveAuto, "[10 9 8 6 5 3 0]"},     // an imported content is kept
		{4 * time.Minute, 12, store.SaveAuto, "[10 9 8 6 5 3 0]"}, // within five minutes of the last auto version
		{time.Minute, 13, store.SaveAuto, "[12 10 9 8 6 5 3 0]"},  // five minutes since it
	}
	for i, st := range steps {
		c.advance(st.after)
		MustPut(t, s, content(st.n), st.kind)
		if got := fmt.Sprint(kept()); got != st.kept {
			t.Fatalf("step %d (%s of %d): versions %s, want %s", i, st.kind, st.n, got, st.kept)
		}
	}
}

func testDeleteAndBringBack(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	r := Sample("中卫市民政局", 2023, 1)
	id := MustPut(t, s, r, store.SaveManual)
	other := MustPut(t, s, Sample("中卫市民政局", 2022, 2), store.SaveManual)
	if err := s.Delete(id); err != nil {
		t.Fatal(err)
	}
	if _, ok := Listed(t, s, "中卫市民政局", 2023); ok {
		t.Error("deleted report still listed")
	}
	if _, err := s.Get(id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get of a deleted report: %v", err)
	}
	if err := s.Delete(id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second Delete: %v", err)
	}
	del, err := s.Deleted()
	if err != nil {
		t.Fatal(err)
	}
	if len(del) != 1 || del[0].Agency != "中卫市民政局" || del[0].Year != 2023 || del[0].ReplacedBy != store.SaveDelete || del[0].ReportID != id {
		t.Fatalf("Deleted = %+v", del)
	}
	res, err := s.Restore(del[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Recreated || res.Kept != 0 {
		t.Errorf("Restore of a deleted report = %+v, want recreated, nothing kept", res)
	}
	back := res.ReportID
	if back != id {
		t.Errorf("restored under id %d, want its old id %d", back, id)
	}
	got, err := s.Get(back)
	if err != nil {
		t.Fatal(err)
	}
	SameReport(t, got, r)
	if del, _ := s.Deleted(); len(del) != 0 {
		t.Errorf("Deleted after restore = %+v", del)
	}
	// A new report made after deleting does not take the old id.
	if err := s.Delete(other); err != nil {
		t.Fatal(err)
	}
	nid := MustPut(t, s, Sample("中卫市财政局", 2023, 3), store.SaveManual)
	if nid == other {
		t.Error("a new report took the id of a deleted one")
	}
}

func testUpdate(t *testing.T, bk Backend) {
	c := &clock{t: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)}
	s := bk.Open(t, c.now)
	id := MustPut(t, s, Sample("中卫市民政局", 2023, 1), store.SaveManual)
	MustPut(t, s, Sample("中卫市民政局", 2024, 2), store.SaveManual)

	c.advance(time.Minute)
	r := Sample("中卫市民政局", 2023, 5)
	saved, err := s.Update(id, 1, r, store.SaveManual, nil)
	if err != nil {
		t.Fatal(err)
	}
	at := saved.At
	if !at.Equal(c.t) {
		t.Errorf("saved at %v, want %v", at, c.t)
	}
	c.advance(time.Minute)
	if again, err := s.Update(id, saved.Revision, r, store.SaveAuto, nil); err != nil || !again.At.Equal(at) || again.Conflict != nil {
		t.Errorf("unchanged Update = %+v, %v; want the earlier time %v", again, err, at)
	}

	moved := Sample("中卫市民政局", 2024, 6)
	if _, err := s.Update(id, saved.Revision, moved, store.SaveManual, nil); !errors.Is(err, store.ErrConflict) || !strings.Contains(err.Error(), "已存在") {
		t.Errorf("Update onto another report's year: %v, want ErrConflict", err)
	}
	moved.Year = 2022
	if _, err := s.Update(id, saved.Revision, moved, store.SaveManual, nil); err != nil {
		t.Fatal(err)
	}
	if _, ok := Listed(t, s, "中卫市民政局", 2023); ok {
		t.Error("2023 still listed after its year changed")
	}
	if got, err := s.Get(id); err != nil || got.Year != 2022 {
		t.Errorf("Get after move: %v, %v", got, err)
	}
	if vs, _ := s.Versions("中卫市民政局", 2023); len(vs) != 2 {
		t.Errorf("%d versions kept under the old year, want 2", len(vs))
	}
	if _, err := s.Update(999, 1, moved, store.SaveManual, nil); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Update of a missing report: %v", err)
	}
}

func testSettings(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	if v, err := s.Setting("export_dir"); err != nil || v != "" {
		t.Errorf("unset = %q, %v", v, err)
	}
	for _, v := range []string{"/tmp/甲", "/tmp/乙", ""} {
		if err := s.SetSetting("export_dir", v); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Setting("export_dir"); err != nil || got != v {
			t.Errorf("Setting = %q, %v; want %q", got, err, v)
		}
	}
}
