package postgres

import (
	"context"
	"errors"
	"testing"
	"time"

	"nianbao/data/store"
	"nianbao/data/store/storetest"
)

// others is h.Others, failing the test on an error.
func others(t *testing.T, h store.Hold) int {
	t.Helper()
	n, err := h.Others()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Units' logins, limited by row-level security, see each other holding a
// report open (pg_locks is every login's to read) and only on their own
// database; a report the login may not read has no revision for it.
func TestPresenceOfUnitLogins(t *testing.T) {
	k := newCounty(t)
	a, of := k.open(t, k.unitA), k.open(t, k.of)
	id, _, err := a.Find(agencyA, 2024)
	if err != nil {
		t.Fatal(err)
	}
	ha, err := a.Hold(id)
	if err != nil {
		t.Fatal(err)
	}
	defer ha.Release()
	ho, err := of.Hold(id)
	if err != nil {
		t.Fatal(err)
	}
	if na, no := others(t, ha), others(t, ho); na != 1 || no != 1 {
		t.Fatalf("unit and office on one report: they see %d and %d others, want 1 each", na, no)
	}
	// The same report id in another database of the cluster is another report.
	elsewhere, _ := openTemp(t)
	he, err := elsewhere.Hold(id)
	if err != nil {
		t.Fatal(err)
	}
	defer he.Release()
	if n := others(t, he); n != 0 {
		t.Errorf("a report of another database counts %d holders", n)
	}
	ho.Release()
	if n := others(t, ha); n != 0 {
		t.Errorf("after the office let go, %d others", n)
	}
	b := k.open(t, k.unitB)
	if _, err := b.Revision(id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("B reading the revision of A's report: %v, want ErrNotFound", err)
	}
	if rev, err := of.Revision(id); err != nil || rev < 1 {
		t.Errorf("the office reading the revision of A's report: %d, %v", rev, err)
	}
}

// A unit's saves prune its own window's versions by the shared rules; the
// server lets its login delete no other version, whatever it sends; a
// database set up before pruning (no right to delete versions) keeps them
// all and saves as before.
func TestUnitLoginPrunes(t *testing.T) {
	k := newCounty(t)
	ctx := context.Background()
	at := time.Date(2026, 1, 1, 9, 0, 0, 0, time.Local)
	clock := func() time.Time { return at }
	a := k.open(t, k.unitA)
	a.now = clock
	id, _, err := a.Find(agencyA, 2024)
	if err != nil {
		t.Fatal(err)
	}
	autosave := func(s *DB, days int) {
		t.Helper()
		for d := 0; d < days; d++ {
			at = at.AddDate(0, 0, 1)
			l, err := s.Load(id)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Update(id, l.Revision, storetest.Sample(agencyA, 2024, int(at.Unix()/86400)), store.SaveAuto, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	autosave(a, 60)
	vs, err := a.Versions(agencyA, 2024)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) >= 60 || len(vs) < store.KeepNewest {
		t.Fatalf("%d versions after 60 days of auto saves: want them pruned by the rolling rules", len(vs))
	}
	manual := 0
	for _, v := range vs {
		if v.Kind == store.SaveManual {
			manual++
		}
	}
	if manual != 1 {
		t.Errorf("%d versions saved with 保存 kept, want the one", manual)
	}
	conn := k.connect(t, k.unitA)
	for _, sql := range []string{
		`DELETE FROM versions WHERE kind NOT IN ('auto', 'close')`,
		`DELETE FROM versions WHERE agency <> '` + agencyA + `'`,
	} {
		if tag, err := conn.Exec(ctx, sql); err != nil || tag.RowsAffected() != 0 {
			t.Errorf("as %s: %s: %d rows, %v; want none", agencyA, sql, tag.RowsAffected(), err)
		}
	}

	// A database whose server init gave no right to delete versions.
	if err := k.c.Exec(ctx, k.db, `REVOKE DELETE ON versions FROM nianbao_`+k.db); err != nil {
		t.Fatal(err)
	}
	before := len(vs)
	autosave(a, 20)
	if vs, err = a.Versions(agencyA, 2024); err != nil || len(vs) != before+20 {
		t.Errorf("without the right to delete: %d versions, %v; want all %d kept", len(vs), err, before+20)
	}
}

// While the server is away, a report still opens: Hold counts no others and
// a hold whose session ended counts none; a Mark of the journal's waiting
// edit goes with it, and one of the server's content is skipped. Once the
// server is back, the holds take their locks again, the edit arrives as
// labelled, and the editor's own edit is not taken for another's save.
func TestPresenceAndMarkOffline(t *testing.T) {
	defer func(d time.Duration) { presenceRetry = d }(presenceRetry)
	presenceRetry = 50 * time.Millisecond
	c, url := killable(t)
	j, err := OpenJournaled(url, t.TempDir(), time.Hour) // sent by Flush below, not by the retries
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	id := storetest.MustPut(t, j, storetest.Sample(journalAgency, 2024, 0), store.SaveManual)
	other := storetest.MustPut(t, j, storetest.Sample(journalAgency, 2023, 0), store.SaveManual)
	l, err := j.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ha, err := j.Hold(id)
	if err != nil {
		t.Fatal(err)
	}
	defer ha.Release()
	hb, err := b.Hold(id)
	if err != nil {
		t.Fatal(err)
	}
	defer hb.Release()
	if n := others(t, ha); n != 1 {
		t.Fatalf("before the outage: %d others, want 1", n)
	}

	if err := c.Kill(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	hc, err := j.Hold(other)
	if err != nil {
		t.Fatalf("Hold with the server down: %v", err)
	}
	defer hc.Release()
	if n := others(t, hc); n != 0 {
		t.Errorf("a hold taken offline counts %d", n)
	}
	if n := others(t, ha); n != 0 {
		t.Errorf("a hold whose session ended counts %d", n)
	}
	if d := time.Since(start); d > 3*presenceTimeout {
		t.Errorf("holding offline took %v", d)
	}
	if _, err := j.Update(id, l.Revision, storetest.Sample(journalAgency, 2024, 1), store.SaveAuto, nil); !errors.Is(err, ErrJournaled) {
		t.Fatalf("save with the server down: %v", err)
	}
	if err := j.Mark(id, l.Revision, store.SaveClose); err != nil {
		t.Errorf("Mark of the journaled edit: %v", err)
	}
	if err := j.Mark(other, 1, store.SaveClose); err != nil {
		t.Errorf("Mark with the server down: %v, want it skipped", err)
	}

	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	if _, err := j.Flush(); err != nil {
		t.Fatal(err)
	}
	now, err := b.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if now.Kind != store.SaveClose || storetest.MustMarshal(t, now.Report) != journalSample(t, 1) {
		t.Errorf("the journaled edit arrived as %s, want 关闭时保存 with its content", now.Kind)
	}
	if rev, err := j.Revision(id); err != nil || rev != l.Revision {
		t.Errorf("Revision after the journal was sent: %d, %v; want the editor's %d", rev, err, l.Revision)
	}
	if rev, err := b.Revision(id); err != nil || rev != now.Revision {
		t.Errorf("another program's Revision: %d, %v; want %d", rev, err, now.Revision)
	}
	time.Sleep(2 * presenceRetry)
	hd, err := b.Hold(id)
	if err != nil {
		t.Fatal(err)
	}
	defer hd.Release()
	if na, nd := others(t, ha), others(t, hd); na != 1 || nd != 1 {
		t.Errorf("after the server came back: %d and %d others, want 1 each", na, nd)
	}
}

// Closing the store with a report still held (the window switched database
// or ended with the report open) lets the hold go: the pool's Close waits
// for every connection taken from it, and would wait for ever; another
// program then sees nobody on the report.
func TestCloseLetsHoldsGo(t *testing.T) {
	k := newCounty(t)
	a, of := k.open(t, k.unitA), k.open(t, k.of)
	id, _, err := a.Find(agencyA, 2024)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Hold(id); err != nil {
		t.Fatal(err)
	}
	ho, err := of.Hold(id)
	if err != nil {
		t.Fatal(err)
	}
	defer ho.Release()
	if n := others(t, ho); n != 1 {
		t.Fatalf("before Close: %d others, want 1", n)
	}
	closed := make(chan error, 1)
	go func() { closed <- a.Close() }()
	select {
	case err := <-closed:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Close waits for the hold not released")
	}
	if n := others(t, ho); n != 0 {
		t.Errorf("after Close: %d others, want 0", n)
	}
}
