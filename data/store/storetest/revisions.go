package storetest

import (
	"errors"
	"fmt"
	"testing"

	"nianbao/data/report"
	"nianbao/data/store"
)

// Two programs on one database, each with the report open: A saves, B saves over
// the revision it loaded, A saves again. Nothing either typed is lost: each
// save over an unseen revision keeps the other's content as a version and
// says so.
func testTwoStoresOnOneFile(t *testing.T, bk Backend) {
	a := bk.Open(t, nil)
	b := bk.Again(t, a)
	id := MustPut(t, a, Sample("中卫市民政局", 2023, 1), store.SaveManual)
	la, _ := a.Load(id)
	lb, err := b.Load(id)
	if err != nil {
		t.Fatal(err)
	}

	rA1, rB, rA2 := Sample("中卫市民政局", 2023, 11), Sample("中卫市民政局", 2023, 22), Sample("中卫市民政局", 2023, 33)
	sa, err := a.Update(id, la.Revision, rA1, store.SaveAuto, nil)
	if err != nil || sa.Conflict != nil {
		t.Fatalf("A's first save: %+v, %v", sa, err)
	}
	sb, err := b.Update(id, lb.Revision, rB, store.SaveAuto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sb.Conflict == nil {
		t.Fatal("B saved over A's save without a conflict")
	}
	other, err := b.Version(sb.Conflict.Version.ID)
	if err != nil {
		t.Fatal(err)
	}
	SameReport(t, other, rA1)
	if sb.Conflict.Version.ReplacedBy != store.SaveConflict {
		t.Errorf("kept version replaced by %q, want %q", sb.Conflict.Version.ReplacedBy, store.SaveConflict)
	}

	sa2, err := a.Update(id, sa.Revision, rA2, store.SaveAuto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sa2.Conflict == nil {
		t.Fatal("A saved over B's save without a conflict")
	}
	kept, _ := a.Version(sa2.Conflict.Version.ID)
	SameReport(t, kept, rB)

	// Every content either typed is the report or one of its versions.
	cur, _ := a.Get(id)
	SameReport(t, cur, rA2)
	vs, err := a.Versions("中卫市民政局", 2023)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, v := range vs {
		r, _ := a.Version(v.ID)
		found[MustMarshal(t, r)] = true
	}
	for name, r := range map[string]*report.Report{"A's first": rA1, "B's": rB} {
		if !found[MustMarshal(t, r)] {
			t.Errorf("%s content is in no version", name)
		}
	}

	// A save on the revision it saw is no conflict, and the same content saved
	// by both is none either.
	if s3, err := a.Update(id, sa2.Revision, rA2, store.SaveManual, nil); err != nil || s3.Conflict != nil {
		t.Errorf("save on the seen revision: %+v, %v", s3, err)
	}
}

// The texts of cells that are not figures stay beside the report, go with
// each save from the editor, and are dropped when the content is replaced
// from elsewhere (an import, a restore).
func testInvalidTextsKept(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	r := Sample("中卫市民政局", 2023, 1)
	id := MustPut(t, s, r, store.SaveManual)
	l, _ := s.Load(id)
	bad := map[string]string{"三|new|自然人": "12345678", "二|licensing|": "1e3"}
	saved, err := s.Update(id, l.Revision, r, store.SaveAuto, bad)
	if err != nil {
		t.Fatal(err)
	}
	l, _ = s.Load(id)
	if fmt.Sprint(l.Invalid) != fmt.Sprint(bad) {
		t.Errorf("Load().Invalid = %v, want %v", l.Invalid, bad)
	}
	if _, err := s.Update(id, saved.Revision, r, store.SaveAuto, map[string]string{"二|licensing|": "1e3"}); err != nil {
		t.Fatal(err)
	}
	if l, _ = s.Load(id); len(l.Invalid) != 1 {
		t.Errorf("after one cell was put right: %v", l.Invalid)
	}
	MustPut(t, s, Sample("中卫市民政局", 2023, 2), store.SaveImport)
	if l, _ = s.Load(id); len(l.Invalid) != 0 {
		t.Errorf("after an import replaced the content: %v", l.Invalid)
	}
	if err := s.Delete(id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Load of a deleted report: %v", err)
	}
}

// Restore says what it did: a version kept, nothing to keep (the same version
// restored twice), or a deleted report brought back.
func testRestoreSaysWhatHappened(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	id := MustPut(t, s, Sample("中卫市民政局", 2023, 1), store.SaveManual)
	MustPut(t, s, Sample("中卫市民政局", 2023, 2), store.SaveManual)
	vs, _ := s.Versions("中卫市民政局", 2023)
	first, err := s.Restore(vs[0].ID)
	if err != nil || first.Kept == 0 || first.Unchanged {
		t.Fatalf("first restore = %+v, %v; want a kept version", first, err)
	}
	second, err := s.Restore(vs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if second.Kept != 0 || !second.Unchanged || second.ReportID != id {
		t.Errorf("same version restored again = %+v, want unchanged, nothing kept", second)
	}
	if n, _ := s.Versions("中卫市民政局", 2023); len(n) != 2 {
		t.Errorf("%d versions, want 2", len(n))
	}
}
