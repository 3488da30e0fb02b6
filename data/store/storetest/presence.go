package storetest

import (
	"errors"
	"testing"

	"nianbao/data/store"
)

// Two programs on one database see each other holding a report open, and
// stop seeing it once it is released; a report held by one program alone
// has no others; Revision follows every save.
func testPresence(t *testing.T, bk Backend) {
	a := bk.Open(t, nil)
	b := bk.Again(t, a)
	id := MustPut(t, a, Sample("中卫市民政局", 2023, 1), store.SaveManual)
	other := MustPut(t, a, Sample("中卫市民政局", 2022, 2), store.SaveManual)
	others := func(h store.Hold) int {
		t.Helper()
		n, err := h.Others()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	ha, err := a.Hold(id)
	if err != nil {
		t.Fatal(err)
	}
	defer ha.Release()
	if n := others(ha); n != 0 {
		t.Fatalf("alone with the report, %d others hold it", n)
	}
	hb, err := b.Hold(id)
	if err != nil {
		t.Fatal(err)
	}
	hc, err := b.Hold(other)
	if err != nil {
		t.Fatal(err)
	}
	defer hc.Release()
	if na, nb := others(ha), others(hb); na != 1 || nb != 1 {
		t.Fatalf("two programs on the report: they see %d and %d others, want 1 each", na, nb)
	}
	hb.Release()
	if n := others(ha); n != 0 {
		t.Fatalf("after the other let go, %d others hold it", n)
	}

	l, err := a.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if rev, err := b.Revision(id); err != nil || rev != l.Revision {
		t.Fatalf("Revision = %d, %v; want %d", rev, err, l.Revision)
	}
	saved, err := a.Update(id, l.Revision, Sample("中卫市民政局", 2023, 5), store.SaveAuto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rev, err := b.Revision(id); err != nil || rev != saved.Revision || rev == l.Revision {
		t.Fatalf("after a save, Revision = %d, %v; want %d", rev, err, saved.Revision)
	}
	if _, err := b.Revision(9999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Revision of no report: %v, want ErrNotFound", err)
	}
}
