package sqlite

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"nianbao/data/check"
	"nianbao/data/store"
)

// copyTo copies the database at path and its -wal, as a crash leaves them,
// into dir while the store still has them open.
func copyTo(t *testing.T, path, dir string) string {
	t.Helper()
	to := filepath.Join(dir, filepath.Base(path))
	for _, suffix := range []string{"", "-wal"} {
		if err := os.WriteFile(to+suffix, readFile(t, path+suffix), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return to
}

// A -wal cut short beside a good database: before SQLite reads it (and drops
// the frames it cannot use), both files are copied aside, byte for byte.
func TestTruncatedWALKeptAside(t *testing.T) {
	s, path := openTemp(t)
	for i := range 5 {
		mustPut(t, s, sample(fmt.Sprintf("机关%d", i), 2023, i), store.SaveManual)
	}
	crashed := copyTo(t, path, t.TempDir()) // as if the program had been killed
	wal := readFile(t, crashed+"-wal")
	if len(wal) < 10000 {
		t.Fatalf("-wal of %d bytes: the test needs frames not yet checkpointed", len(wal))
	}
	wal = wal[:len(wal)/2+7] // a damaged -wal
	if err := os.WriteFile(crashed+"-wal", wal, 0o600); err != nil {
		t.Fatal(err)
	}
	dbBytes := readFile(t, crashed)

	s2, err := Open(crashed)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	bs, err := Backups(crashed)
	if err != nil {
		t.Fatal(err)
	}
	var aside *store.Backup
	for i := range bs {
		if bs[i].Kind == store.BackupWAL {
			aside = &bs[i]
		}
	}
	if aside == nil {
		t.Fatalf("no copy of the -wal kept aside; backups: %+v", bs)
	}
	if !bytes.Equal(readFile(t, aside.Path+"-wal"), wal) || !bytes.Equal(readFile(t, aside.Path), dbBytes) {
		t.Error("the copies kept aside differ from the files as they were")
	}
	// A clean database has no -wal left, and is not copied.
	s3, err := Open(crashed)
	if err != nil {
		t.Fatal(err)
	}
	s3.Close()
	if bs2, _ := Backups(crashed); len(bs2) != len(bs) {
		t.Errorf("%d backups after opening a cleanly closed database, want %d", len(bs2), len(bs))
	}
}

// nianbao backup: a consistent copy that Open reads; restore brings it back,
// keeping the state it replaces, and a second program on the database keeps
// what it shows on its next save.
func TestBackupAndRestore(t *testing.T) {
	s, path := openTemp(t)
	r1 := sample("中卫市民政局", 2023, 1)
	id := mustPut(t, s, r1, store.SaveManual)

	var buf bytes.Buffer
	if err := s.Snapshot(&buf); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(copyPath, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Open(copyPath)
	if err != nil {
		t.Fatalf("the snapshot does not open: %v", err)
	}
	if list, _ := c.List(); len(list) != 1 {
		t.Errorf("snapshot lists %d reports", len(list))
	}
	c.Close()

	b, err := s.BackupNow(store.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	other, err := Open(path) // a window left open on the database
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	r2 := sample("中卫市民政局", 2023, 2)
	mustPut(t, s, r2, store.SaveManual)
	lo, _ := other.Load(id)
	mustPut(t, s, sample("中卫市民政局", 2024, 3), store.SaveManual)

	before, err := s.RestoreBackup(b.Path, false)
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := s.Get(id)
	sameReport(t, cur, r1)
	if list, _ := s.List(); len(list) != 1 {
		t.Errorf("after restore %d reports listed, want 1", len(list))
	}
	// The state before the restore is a backup of its own.
	bb, err := Open(before.Path)
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := bb.List(); len(list) != 2 {
		t.Errorf("the backup made before restoring lists %d reports, want 2", len(list))
	}
	bb.Close()
	bs, _ := Backups(path)
	kinds := map[store.BackupKind]int{}
	for _, b := range bs {
		kinds[b.Kind]++
	}
	if kinds[store.BackupManual] != 1 || kinds[store.BackupBeforeRestore] != 1 {
		t.Errorf("backups %+v", bs)
	}
	// The open store lists the same backups, from the same folder (Files).
	if mine, err := s.Backups(); err != nil || !reflect.DeepEqual(mine, bs) {
		t.Errorf("s.Backups() = %+v, %v; want %+v", mine, err, bs)
	}
	if got, want := s.BackupDir(), path+"-备份"; got != want {
		t.Errorf("s.BackupDir() = %q, want %q", got, want)
	}
	// The other program saves what it shows: the restored content is kept.
	sv, err := other.Update(id, lo.Revision, sample("中卫市民政局", 2023, 9), store.SaveAuto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sv.Conflict == nil {
		t.Error("a save edited before the restore replaced the restored content without keeping it")
	}
	// A file that is not a 年报 database is refused, and nothing is changed.
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	if _, err := s.RestoreBackup(junk, false); err == nil || !strings.Contains(err.Error(), junk) {
		t.Errorf("restore from junk: %v", err)
	}
	if _, err := os.Stat(junk + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Error("restore left a -wal beside the backup file")
	}
}

// Daily backups: one a day for a week, then one a week up to a month.
func TestAutoBackupRolling(t *testing.T) {
	s, path := openTemp(t)
	c := &clock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.Local)}
	s.now = c.now
	mustPut(t, s, sample("中卫市民政局", 2023, 1), store.SaveManual)
	for range 60 {
		for range 2 { // twice a day: one backup
			if err := s.AutoBackup(); err != nil {
				t.Fatal(err)
			}
		}
		c.advance(24 * time.Hour)
	}
	c.advance(-24 * time.Hour)
	bs, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	var days []int
	weeks := map[string]int{}
	for _, b := range bs {
		if b.Kind != store.BackupDaily {
			t.Errorf("unexpected backup %+v", b)
		}
		age := int(c.t.Sub(b.Time).Hours() / 24)
		days = append(days, age)
		if age >= 7 {
			y, w := b.Time.ISOWeek()
			weeks[strconv.Itoa(y)+"-"+strconv.Itoa(w)]++
		}
		if age >= 35 {
			t.Errorf("a backup %d days old is still kept", age)
		}
	}
	for d := range 7 {
		if len(days) <= d || days[d] != d {
			t.Fatalf("ages of the kept backups %v, want every day of the last week", days)
		}
	}
	for w, n := range weeks {
		if n != 1 {
			t.Errorf("week %s keeps %d backups, want 1", w, n)
		}
	}
	if len(weeks) < 4 {
		t.Errorf("%d weekly backups kept (ages %v), want one a week for a month", len(weeks), days)
	}
}

// A database whose counts were made by other rules is recounted on opening.
func TestCountsRecountedOnNewRules(t *testing.T) {
	s, path := openTemp(t)
	r := sample("中卫市民政局", 2023, 1)
	r.Applications[0][0] += 5 // does not add up: errors
	mustPut(t, s, r, store.SaveManual)
	want := counts(r, nil)
	if want[0] == 0 {
		t.Fatal("the sample has no errors; this test proves nothing")
	}
	// As an older program, with fewer rules, left it.
	if _, err := s.db.Exec(`UPDATE reports SET errors = 0, warnings = 0`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE settings SET value = ? WHERE key = ?`, strconv.Itoa(check.RulesVersion-1), settingRules); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	sm, _ := listed(t, s2, "中卫市民政局", 2023)
	if got := [2]int{sm.Errors, sm.Warnings}; got != want {
		t.Errorf("counts after an upgrade of the rules %v, want %v", got, want)
	}
	if v, _ := s2.Setting(settingRules); v != strconv.Itoa(check.RulesVersion) {
		t.Errorf("rules version %q", v)
	}
}

// A newer database is refused and leaves nothing beside itself.
func TestNewerDatabaseLeavesNoTrace(t *testing.T) {
	s, path := openTemp(t)
	mustPut(t, s, sample("中卫市民政局", 2023, 1), store.SaveManual)
	steps, _ := migrations()
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", len(steps)+1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Fatalf("%s exists before the test", suffix)
		}
	}
	// The backup folder (with the lock every open store holds, see inUse)
	// was made when the database was first opened; a refused one must take
	// nothing away and add nothing.
	os.RemoveAll(BackupDir(path))
	if _, err := Open(path); err == nil {
		t.Fatal("newer database opened")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 1 {
		t.Errorf("files beside the refused database: %v", names)
	}
}

// A healthy database where nothing can be written is read: list and load
// work, a save says why it cannot be made. Root may write anywhere, so the
// folder is made immutable (chattr +i) for root, read-only for others.
func TestReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a Windows folder has no read-only bit to set; TestReadOnlyMode covers the read-only store")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	ourDatabase(t, path)
	if os.Geteuid() == 0 {
		if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
			t.Skipf("chattr +i not possible here (%v: %s); TestReadOnlyMode covers the read-only store", err, out)
		}
		defer exec.Command("chattr", "-i", dir).Run()
	} else {
		os.Chmod(dir, 0o555)
		defer os.Chmod(dir, 0o700)
	}
	if f, err := os.Create(filepath.Join(dir, "probe")); err == nil {
		f.Close()
		t.Fatal("the folder is still writable")
	}
	checkReadOnly(t, path, func() (*DB, error) { return Open(path) })
}

// The read-only store, asked for directly (as Open does where nothing can be written).
func TestReadOnlyMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nianbao.db")
	ourDatabase(t, path)
	checkReadOnly(t, path, func() (*DB, error) { return open(path, options{readOnly: true}) })
}

func checkReadOnly(t *testing.T, path string, openIt func() (*DB, error)) {
	t.Helper()
	before := readFile(t, path)
	s, err := openIt()
	if err != nil {
		t.Fatalf("Open of a healthy database that cannot be written: %v", err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	list, err := s.List()
	if err != nil || len(list) != 40 {
		t.Fatalf("List = %d reports, %v", len(list), err)
	}
	l, err := s.Load(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Update(list[0].ID, l.Revision, sample(list[0].Agency, list[0].Year, 99), store.SaveAuto, nil)
	if !errors.Is(err, store.ErrReadOnly) || !strings.Contains(err.Error(), "只读") {
		t.Errorf("save to a read-only database: %v", err)
	}
	// nianbao backup -o works from a database that cannot be written.
	var snap bytes.Buffer
	if err := s.Snapshot(&snap); err != nil || snap.Len() == 0 {
		t.Errorf("Snapshot of a read-only database: %d bytes, %v", snap.Len(), err)
	}
	if !bytes.Equal(before, readFile(t, path)) {
		t.Error("the read-only database changed")
	}
}
