package postgres

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"nianbao/data/store"
	"nianbao/data/store/postgres/pgtest"
	"nianbao/data/store/storetest"
	"nianbao/data/syserr"
)

// The server is killed while a clerk edits: the save is kept in the journal
// on the PC and said so; quitting keeps it; at the next start, the server
// back, it is sent through the revision check, so that another clerk's
// newer save is kept as well. Meanwhile, in a session that goes on, the
// retries send it as soon as the server is back, and the editor's next save
// is not taken for someone else's.
func TestJournalWhenServerIsDown(t *testing.T) {
	pgtest.Shared(t)         // skips when PostgreSQL is not installed
	c, err := pgtest.Start() // a cluster of its own, to kill
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Stop)
	url := c.AdminURL(c.Database(t))
	dir := t.TempDir()
	const agency = "某县民政局"
	sample := func(n int) string { return storetest.MustMarshal(t, storetest.Sample(agency, 2024, n)) }

	j, err := OpenJournaled(url, dir, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	id := storetest.MustPut(t, j, storetest.Sample(agency, 2024, 0), store.SaveManual)
	l, err := j.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Kill(); err != nil {
		t.Fatal(err)
	}
	_, err = j.Update(id, l.Revision, storetest.Sample(agency, 2024, 1), store.SaveManual, map[string]string{"cell": "12x"})
	if !errors.Is(err, ErrJournaled) || !strings.Contains(syserr.Text(err), "未连接服务器，修改已暂存本机") {
		t.Fatalf("save with the server down: %v", err)
	}
	if j.Pending() != 1 {
		t.Fatalf("%d pending", j.Pending())
	}
	j.Close() // quitting with the edit unsent
	if _, err := os.Stat(JournalPath(dir, url)); err != nil {
		t.Fatalf("journal after quitting: %v", err)
	}

	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	other, err := Open(url) // another clerk saves first
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Update(id, l.Revision, storetest.Sample(agency, 2024, 2), store.SaveManual, nil); err != nil {
		t.Fatal(err)
	}

	j, err = OpenJournaled(url, dir, 50*time.Millisecond) // the next start sends it
	if err != nil {
		t.Fatal(err)
	}
	defer func() { j.Close() }()
	if j.Pending() != 0 {
		t.Fatalf("%d still pending after the start", j.Pending())
	}
	if _, err := os.Stat(JournalPath(dir, url)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("journal left after sending: %v", err)
	}
	now, err := other.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if storetest.MustMarshal(t, now.Report) != sample(1) || now.Invalid["cell"] != "12x" {
		t.Errorf("the journaled edit is not current")
	}
	kept := map[string]store.SaveKind{}
	vs, err := other.Versions(agency, 2024)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		r, err := other.Version(v.ID)
		if err != nil {
			t.Fatal(err)
		}
		kept[storetest.MustMarshal(t, r)] = v.ReplacedBy
	}
	if kept[sample(2)] != store.SaveConflict {
		t.Errorf("the other clerk's save is not kept as a conflict's version: %v", kept[sample(2)])
	}
	// The editor goes on from the revision it had: not a conflict with its own journaled edit.
	saved, err := j.Update(id, l.Revision, storetest.Sample(agency, 2024, 3), store.SaveManual, nil)
	if err != nil || saved.Conflict != nil {
		t.Errorf("next save: %+v, %v", saved, err)
	}

	// In a session that goes on: the retries send it when the server is back.
	l, err = j.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Kill(); err != nil {
		t.Fatal(err)
	}
	if _, err := j.Update(id, l.Revision, storetest.Sample(agency, 2024, 4), store.SaveAuto, nil); !errors.Is(err, ErrJournaled) {
		t.Fatalf("second outage: %v", err)
	}
	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for j.Pending() > 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if j.Pending() > 0 {
		t.Fatal("not sent after the server came back")
	}
	if r, err := other.Get(id); err != nil || storetest.MustMarshal(t, r) != sample(4) {
		t.Errorf("after the retry: %v", err)
	}
	saved, err = j.Update(id, l.Revision, storetest.Sample(agency, 2024, 5), store.SaveAuto, nil)
	if err != nil || saved.Conflict != nil {
		t.Errorf("save after the retry: %+v, %v", saved, err)
	}
}
