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

// killable is a cluster of the test's own, to kill, with a database.
func killable(t *testing.T) (c *pgtest.Cluster, url string) {
	t.Helper()
	pgtest.Need(t)
	c, err := pgtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Stop)
	return c, c.AdminURL(c.Database(t))
}

const journalAgency = "某县民政局"

func journalSample(t *testing.T, n int) string {
	return storetest.MustMarshal(t, storetest.Sample(journalAgency, 2024, n))
}

// The server is killed while a clerk edits: the save is kept in the journal
// on the PC and said so; quitting keeps it; at the next start, the server
// back, it is sent through the revision check, so that another clerk's
// newer save is kept as well, and the editor's next save is not taken for
// someone else's.
func TestJournalSentAtNextStart(t *testing.T) {
	c, url := killable(t)
	dir := t.TempDir()
	const agency = journalAgency
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
	defer j.Close()
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
	if storetest.MustMarshal(t, now.Report) != journalSample(t, 1) || now.Invalid["cell"] != "12x" {
		t.Errorf("the journaled edit is not current")
	}
	if by := replacedBy(t, other, journalSample(t, 2)); by != store.SaveConflict {
		t.Errorf("the other clerk's save is not kept as a conflict's version: %q", by)
	}
	// The editor goes on from the revision it had: not a conflict with its own journaled edit.
	saved, err := j.Update(id, l.Revision, storetest.Sample(agency, 2024, 3), store.SaveManual, nil)
	if err != nil || saved.Conflict != nil {
		t.Errorf("next save: %+v, %v", saved, err)
	}
}

// replacedBy is how the version of the journal's agency with content want
// was replaced, or "" when there is none.
func replacedBy(t *testing.T, s *DB, want string) store.SaveKind {
	t.Helper()
	vs, err := s.Versions(journalAgency, 2024)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		r, err := s.Version(v.ID)
		if err != nil {
			t.Fatal(err)
		}
		if storetest.MustMarshal(t, r) == want {
			return v.ReplacedBy
		}
	}
	return ""
}

// In a session that goes on, the retries send the journal's edit as soon as
// the server is back, and the editor's next save is not a conflict.
func TestJournalRetriedWhenServerIsBack(t *testing.T) {
	c, url := killable(t)
	j, err := OpenJournaled(url, t.TempDir(), 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	id := storetest.MustPut(t, j, storetest.Sample(journalAgency, 2024, 0), store.SaveManual)
	l, err := j.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Kill(); err != nil {
		t.Fatal(err)
	}
	if _, err := j.Update(id, l.Revision, storetest.Sample(journalAgency, 2024, 4), store.SaveAuto, nil); !errors.Is(err, ErrJournaled) {
		t.Fatalf("outage: %v", err)
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
	if r, err := j.Get(id); err != nil || storetest.MustMarshal(t, r) != journalSample(t, 4) {
		t.Errorf("after the retry: %v", err)
	}
	saved, err := j.Update(id, l.Revision, storetest.Sample(journalAgency, 2024, 5), store.SaveAuto, nil)
	if err != nil || saved.Conflict != nil {
		t.Errorf("save after the retry: %+v, %v", saved, err)
	}
}

// A read on a connection the server dropped says so in Chinese: no
// "unexpected EOF" or "conn closed" reaches the user.
func TestLostConnectionInChinese(t *testing.T) {
	c, url := killable(t)
	s, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.List(); err != nil {
		t.Fatal(err)
	}
	if err := c.Kill(); err != nil {
		t.Fatal(err)
	}
	for name, op := range map[string]func() error{
		"read":  func() error { _, err := s.List(); return err },
		"write": func() error { _, err := s.Put(storetest.Sample(journalAgency, 2024, 1), store.SaveManual); return err },
	} {
		err := op()
		if err == nil {
			t.Fatalf("%s with the server down succeeded", name)
		}
		text := syserr.Text(err)
		t.Logf("%s: %s", name, text)
		if !strings.Contains(text, "与数据库服务器的连接断开了") {
			t.Errorf("%s: %q", name, text)
		}
		for _, english := range []string{"EOF", "conn closed", "failed to", "dial", "refused"} {
			if strings.Contains(text, english) {
				t.Errorf("%s: %q keeps %q", name, text, english)
			}
		}
	}
}
