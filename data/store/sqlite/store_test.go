package sqlite

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"nianbao/data/store"
	"nianbao/data/store/storetest"
)

// The suite every backend passes (data/store/storetest), on SQLite files in
// temporary folders; what only a database file has is tested here.
func TestSuite(t *testing.T) {
	storetest.Run(t, storetest.Backend{
		Open: func(t *testing.T, now func() time.Time) store.Store {
			s, _ := openTemp(t)
			if now != nil {
				s.now = now
			}
			return s
		},
		Again: func(t *testing.T, st store.Store) store.Store {
			s, err := Open(st.(*DB).Path())
			if err != nil {
				t.Fatalf("second Open: %v", err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
	})
}

// The suite's helpers, as the tests of this backend call them.
var (
	sample      = storetest.Sample
	mustPut     = storetest.MustPut
	mustMarshal = storetest.MustMarshal
	sameReport  = storetest.SameReport
	counts      = storetest.Counts
	listed      = storetest.Listed
)

func openTemp(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// clock is a settable time for the autosave window.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func pragma(t *testing.T, s *DB, name string) int {
	t.Helper()
	var v int
	if err := s.db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestMigrateFromEmptyAndReopen(t *testing.T) {
	s, path := openTemp(t)
	steps, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if got := pragma(t, s, "user_version"); got != len(steps) || got < 1 {
		t.Errorf("user_version = %d, want %d", got, len(steps))
	}
	if got := pragma(t, s, "application_id"); got != applicationID {
		t.Errorf("application_id = %d, want %d", got, applicationID)
	}
	if got := pragma(t, s, "foreign_keys"); got != 1 {
		t.Errorf("foreign_keys = %d, want 1", got)
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	if err := s.SetSetting("last_dir", "/home/用户"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)

	// Reopening an up-to-date database changes nothing in it.
	s2, err := Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	if got := pragma(t, s2, "user_version"); got != len(steps) {
		t.Errorf("user_version after reopen = %d", got)
	}
	if v, err := s2.Setting("last_dir"); err != nil || v != "/home/用户" {
		t.Errorf("Setting after reopen = %q, %v", v, err)
	}
	if err := s2.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, readFile(t, path)) {
		t.Error("reopening changed the database file")
	}
}

func TestNewerDatabaseRefused(t *testing.T) {
	s, path := openTemp(t)
	steps, _ := migrations()
	newer := len(steps) + 1
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", newer)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := readFile(t, path)

	_, err := Open(path)
	if err == nil {
		t.Fatal("Open of a newer database succeeded")
	}
	want := fmt.Sprintf("数据库由较新版本的年报创建（版本 %d），请升级程序", newer)
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	if !bytes.Equal(before, readFile(t, path)) {
		t.Error("the refused database was changed")
	}
}

// ourDatabase writes a database with a few reports and returns its bytes, closed.
func ourDatabase(t *testing.T, path string) []byte {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40; i++ {
		if _, err := s.Put(sample(fmt.Sprintf("机关%02d", i), 2023, i), store.SaveManual); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return readFile(t, path)
}

func TestBadFilesRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	good := ourDatabase(t, filepath.Join(dir, "good.db"))
	if len(good) < 8*4096 {
		t.Fatalf("sample database has only %d bytes", len(good))
	}
	corrupt := bytes.Clone(good)
	for i := 2 * 4096; i < 3*4096; i++ { // page 3, a b-tree page, overwritten
		corrupt[i] = byte(i * 7)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"text", []byte("机关,年度\n中卫市民政局,2023\n")},
		{"short", []byte("SQLite")},
		{"header only", []byte("SQLite format 3\x00")},
		{"truncated", good[:len(good)/2]},
		{"corrupted page", corrupt},
		{"zeroed schema page", append(bytes.Clone(good[:100]), make([]byte, len(good)-100)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "报告.db")
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), "不是年报数据库或已损坏") || !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file and say why", err)
			}
			if !bytes.Equal(tt.data, readFile(t, path)) {
				t.Error("the refused file was changed")
			}
			if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
				t.Errorf("files left beside the refused one: %v", entries)
			}
		})
	}
}

func TestOtherProgramsDatabaseRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// Make it look like someone else's: no application id of ours.
	if _, err := s.db.Exec("PRAGMA application_id = 42"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := readFile(t, path)
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "不是年报数据库") {
		t.Errorf("Open = %v, want refusal", err)
	}
	if !bytes.Equal(before, readFile(t, path)) {
		t.Error("the refused file was changed")
	}
}

func TestEmptyFileBecomesDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open of an empty file: %v", err)
	}
	defer s.Close()
	if _, err := s.Put(sample("中卫市民政局", 2023, 1), store.SaveManual); err != nil {
		t.Fatal(err)
	}
}

func TestFolderCreated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "nianbao.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if runtime.GOOS == "windows" {
		return
	}
	info, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o700 {
		t.Errorf("folder mode = %o, want 700", got)
	}
}

func TestSecondProgramWaitsForLock(t *testing.T) {
	s1, path := openTemp(t)
	s2, err := Open(path)
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	defer s2.Close()

	const hold = 300 * time.Millisecond
	locked := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		tx, err := s1.db.Begin()
		if err != nil {
			done <- err
			close(locked)
			return
		}
		if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES ('holder', 'first')`); err != nil {
			tx.Rollback()
			done <- err
			close(locked)
			return
		}
		close(locked)
		time.Sleep(hold)
		done <- tx.Commit()
	}()
	<-locked
	// A third program starting now opens without waiting for the writer.
	s3, err := Open(path)
	if err != nil {
		t.Fatalf("Open while another connection writes: %v", err)
	}
	s3.Close()
	start := time.Now()
	id, err := s2.Put(sample("中卫市民政局", 2023, 1), store.SaveManual)
	waited := time.Since(start)
	if err != nil {
		t.Fatalf("Put while another connection writes: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("holder: %v", err)
	}
	if waited < hold/2 {
		t.Errorf("Put took %v: it did not wait for the lock", waited)
	}
	if v, _ := s2.Setting("holder"); v != "first" {
		t.Errorf("second connection sees holder = %q", v)
	}
	if _, err := s1.Get(id); err != nil {
		t.Errorf("first connection does not see the second's report: %v", err)
	}
}

func TestDefaultPath(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("XDG layout only")
	}
	tests := []struct{ xdg, home, want string }{
		{"/data/xdg", "/home/u", "/data/xdg/nianbao/nianbao.db"},
		{"", "/home/u", "/home/u/.local/share/nianbao/nianbao.db"},
		{"relative/dir", "/home/u", "/home/u/.local/share/nianbao/nianbao.db"},
	}
	for _, tt := range tests {
		t.Setenv("XDG_DATA_HOME", tt.xdg)
		t.Setenv("HOME", tt.home)
		got, err := DefaultPath()
		if err != nil || got != tt.want {
			t.Errorf("XDG_DATA_HOME=%q: %q, %v; want %q", tt.xdg, got, err, tt.want)
		}
	}
}

func TestDSNEscapesPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "年报 数据?#%")
	path := filepath.Join(dir, "nianbao.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at %s: %v", path, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("files beside the folder: %v", entries)
	}
}
