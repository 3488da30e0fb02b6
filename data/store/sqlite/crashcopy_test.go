package sqlite

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"nianbao/data/store"
)

// crashCopies lists the 打开前 copies of the database at path, newest first.
func crashCopies(t *testing.T, path string) []store.Backup {
	t.Helper()
	bs, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []store.Backup
	for _, b := range bs {
		if b.Kind == store.BackupWAL {
			out = append(out, b)
		}
	}
	return out
}

// crash leaves at to the database at from and its -wal as a program killed
// while it wrote leaves them (from stays open in the test's store).
func crash(t *testing.T, from, to string) {
	t.Helper()
	for _, suffix := range []string{"", "-wal"} {
		if err := os.WriteFile(to+suffix, readFile(t, from+suffix), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func openClose(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// The -wal of a database another program has open is alive, not crashed:
// opening the database beside it copies nothing, however often.
func TestLiveWALNotCopied(t *testing.T) {
	s, path := openTemp(t)
	mustPut(t, s, sample("中卫市民政局", 2023, 1), store.SaveManual)
	if info, err := os.Stat(path + "-wal"); err != nil || info.Size() == 0 {
		t.Fatalf("the open database has no -wal to test with: %v", err)
	}
	for range 5 {
		openClose(t, path)
	}
	if cs := crashCopies(t, path); len(cs) != 0 {
		t.Errorf("%d copies made of a -wal another program holds: %+v", len(cs), cs)
	}
}

// A crashed -wal is copied and its copy survives the run that made it: with
// folders dated in the future, with many copies made in one second (the
// newest is never pruned first), and for 30 days; only copies older than
// that beyond the newest five are removed.
func TestCrashCopiesKept(t *testing.T) {
	s, live := openTemp(t)
	mustPut(t, s, sample("中卫市民政局", 2023, 1), store.SaveManual)
	path := filepath.Join(t.TempDir(), "nianbao.db")
	dir := BackupDir(path)
	os.MkdirAll(dir, 0o700)
	future := time.Now().AddDate(0, 2, 0)
	for i := range 5 { // made while the clock was two months ahead
		at := future.Add(time.Duration(i) * time.Hour)
		name := filepath.Join(dir, string(store.BackupWAL)+"-"+at.Format(stampLayout))
		os.Mkdir(name, 0o700)
		os.WriteFile(filepath.Join(name, "nianbao.db"), []byte("copy"), 0o600)
	}
	old := time.Now().AddDate(0, 0, -40)
	var olds []string
	for i := range 3 { // over a month old, by name and by file time
		at := old.Add(time.Duration(i) * time.Hour)
		name := filepath.Join(dir, string(store.BackupWAL)+"-"+at.Format(stampLayout))
		os.Mkdir(name, 0o700)
		f := filepath.Join(name, "nianbao.db")
		os.WriteFile(f, []byte("copy"), 0o600)
		os.Chtimes(f, at, at)
		olds = append(olds, f)
	}
	for i := range 6 { // six crashes within a second or two
		crash(t, live, path)
		openClose(t, path)
		cs := crashCopies(t, path)
		var made []store.Backup
		for _, c := range cs {
			if time.Since(c.ModTime) < time.Minute && c.Time.Before(future.Add(-24*time.Hour)) {
				made = append(made, c)
			}
		}
		if len(made) != i+1 {
			t.Fatalf("after %d crashes %d copies of this run are kept: %+v", i+1, len(made), cs)
		}
	}
	for _, f := range olds {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s, 40 days old beyond the newest five, is kept", f)
		}
	}
	if n := len(crashCopies(t, path)); n != 5+6 {
		t.Errorf("%d crash copies, want the five future-dated and the six of this run", n)
	}
}

// Backups lists copies made in the same second newest first, by the time
// their files were written, not by the suffix of their names.
func TestBackupsOrderedByFileTime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nianbao.db")
	dir := BackupDir(path)
	os.MkdirAll(dir, 0o700)
	stamp := time.Now().Format(stampLayout)
	base := time.Now().Add(-time.Hour)
	names := []string{"", "-2", "-3", "-10"} // written in this order
	for i, suffix := range names {
		f := filepath.Join(dir, string(store.BackupManual)+"-"+stamp+suffix+".db")
		os.WriteFile(f, []byte("copy"), 0o600)
		at := base.Add(time.Duration(i) * time.Minute)
		os.Chtimes(f, at, at)
	}
	bs, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != len(names) {
		t.Fatalf("%d backups listed, want %d", len(bs), len(names))
	}
	for i, b := range bs {
		want := string(store.BackupManual) + "-" + stamp + names[len(names)-1-i] + ".db"
		if filepath.Base(b.Path) != want {
			t.Errorf("backup %d is %s, want %s", i, filepath.Base(b.Path), want)
		}
	}
}
