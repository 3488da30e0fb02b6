package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"nianbao/data/store"
)

// agencies lists the agencies of the current reports of the database at path.
func agencies(t *testing.T, path string) map[string]bool {
	t.Helper()
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, sm := range list {
		out[sm.Agency] = true
	}
	return out
}

// A save that another program commits while a restore runs is never lost:
// it is in the state kept before the restore, or saved into the restored
// state after it. Twenty rounds of a restore beside two programs importing.
func TestRestoreHoldsWriters(t *testing.T) {
	s, path := openTemp(t)
	mustPut(t, s, sample("中卫市民政局", 2023, 1), store.SaveManual)
	b, err := s.BackupNow(store.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	writers := make([]*DB, 2)
	for i := range writers {
		if writers[i], err = Open(path); err != nil {
			t.Fatal(err)
		}
		defer writers[i].Close()
	}
	for round := range 20 {
		var (
			mu    sync.Mutex
			saved []string
			wg    sync.WaitGroup
			stop  = make(chan struct{})
		)
		for w, ws := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := 0; ; n++ {
					select {
					case <-stop:
						return
					default:
					}
					agency := fmt.Sprintf("第%d轮%d号机关%d", round, w, n)
					if _, err := ws.Put(sample(agency, 2023, n), store.SaveImport); err != nil {
						t.Errorf("import beside a restore: %v", err)
						return
					}
					mu.Lock()
					saved = append(saved, agency)
					mu.Unlock()
				}
			}()
		}
		before, err := s.RestoreBackup(b.Path, false)
		close(stop)
		wg.Wait()
		if err != nil {
			t.Fatal(err)
		}
		kept, now := agencies(t, before.Path), agencies(t, path)
		lost := 0
		for _, a := range saved {
			if !kept[a] && !now[a] {
				lost++
			}
		}
		if lost > 0 {
			t.Fatalf("round %d: %d of %d imports told 已保存 are in neither the restored database nor the copy before it", round, lost, len(saved))
		}
	}
}

// A backup that is not a 年报 database with reports is refused and nothing
// changes; an empty 年报 database is restored when asked to (allowEmpty).
func TestRestoreRefusesEmpty(t *testing.T) {
	s, path := openTemp(t)
	mustPut(t, s, sample("中卫市民政局", 2023, 1), store.SaveManual)
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.db")
	os.WriteFile(zero, nil, 0o600)
	emptySQLite := filepath.Join(dir, "sqlite.db") // a SQLite database of no program
	db, err := sql.Open("sqlite3", emptySQLite)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA user_version = 0; CREATE TABLE t(x); DROP TABLE t`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	emptyOurs := filepath.Join(dir, "empty.db")
	e, err := Open(emptyOurs)
	if err != nil {
		t.Fatal(err)
	}
	e.Close()
	os.RemoveAll(BackupDir(emptyOurs))
	for _, tc := range []struct {
		name, file string
		allowEmpty bool
		empty      bool // refused as empty (ErrEmptyBackup), not as foreign
	}{
		{"zero bytes", zero, false, false},
		{"zero bytes, allowed", zero, true, false},
		{"/dev/null", os.DevNull, true, false},
		{"empty SQLite", emptySQLite, false, false},
		{"empty SQLite, allowed", emptySQLite, true, false},
		{"empty 年报 database", emptyOurs, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.RestoreBackup(tc.file, tc.allowEmpty)
			if err == nil {
				t.Fatal("restored")
			}
			if errors.Is(err, store.ErrEmptyBackup) != tc.empty {
				t.Errorf("error %v: empty %v, want %v", err, errors.Is(err, store.ErrEmptyBackup), tc.empty)
			}
			if !strings.Contains(err.Error(), tc.file) {
				t.Errorf("error %q does not name %s", err, tc.file)
			}
			if got := agencies(t, path); !got["中卫市民政局"] {
				t.Errorf("the refused restore changed the database: %v", got)
			}
		})
	}
	if _, err := s.RestoreBackup(emptyOurs, true); err != nil {
		t.Fatalf("empty 年报 database with allowEmpty: %v", err)
	}
	if got := agencies(t, path); len(got) != 0 {
		t.Errorf("after restoring an empty database %v", got)
	}
}

// A backup cut short (a copy interrupted, a full USB stick) is refused in
// Chinese, naming the file, and nothing changes.
func TestRestoreTruncatedBackup(t *testing.T) {
	s, path := openTemp(t)
	for i := range 6 {
		mustPut(t, s, sample(fmt.Sprintf("机关%d", i), 2023, i), store.SaveManual)
	}
	b, err := s.BackupNow(store.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	whole := readFile(t, b.Path)
	for _, size := range []int{100, 4096, len(whole) / 4, len(whole) / 2, len(whole) - 4096} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			cut := filepath.Join(t.TempDir(), "cut.db")
			os.WriteFile(cut, whole[:size], 0o600)
			_, err := s.RestoreBackup(cut, false)
			if err == nil {
				t.Fatal("restored a backup cut short")
			}
			msg := err.Error()
			if !strings.Contains(msg, cut) || !strings.Contains(msg, "已损坏") {
				t.Errorf("%q does not say that %s is damaged", msg, cut)
			}
			for _, english := range []string{"malformed", "database", "disk"} {
				if strings.Contains(msg, english) {
					t.Errorf("%q speaks English", msg)
				}
			}
			if got := agencies(t, path); len(got) != 6 {
				t.Errorf("the refused restore changed the database: %v", got)
			}
		})
	}
}
