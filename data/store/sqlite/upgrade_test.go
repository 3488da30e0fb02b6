package sqlite

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data/store"
)

// oldDatabase makes at path a database as the release with schema version
// left it: the first version migrations, and one report row.
func oldDatabase(t *testing.T, path string, version int) {
	t.Helper()
	steps, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if version >= len(steps) {
		t.Skipf("no migration after version %d to test with", version)
	}
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, step := range steps[:version] {
		if _, err := db.Exec(step.SQL); err != nil {
			t.Fatalf("%s: %v", step.Name, err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", version)); err != nil {
		t.Fatal(err)
	}
}

func userVersionOf(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// Before the schema is changed, the database as it was is kept in the backup
// folder, named for its schema version, once; a new database is not copied.
func TestCopyBeforeUpgrade(t *testing.T) {
	steps, _ := migrations()
	for _, version := range []int{1, len(steps) - 1} {
		t.Run(fmt.Sprint(version), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "nianbao.db")
			oldDatabase(t, path, version)
			for range 2 {
				openClose(t, path)
			}
			if v := userVersionOf(t, path); v != len(steps) {
				t.Fatalf("upgraded to version %d, want %d", v, len(steps))
			}
			bs, err := Backups(path)
			if err != nil {
				t.Fatal(err)
			}
			var kept []store.Backup
			for _, b := range bs {
				if b.Kind == store.BackupBeforeUpgrade {
					kept = append(kept, b)
				}
			}
			if len(kept) != 1 {
				t.Fatalf("%d copies before the upgrade, want 1: %+v", len(kept), bs)
			}
			b := kept[0]
			name := filepath.Base(b.Path)
			if b.Schema != version || !strings.HasPrefix(name, fmt.Sprintf("升级前-版本%d-", version)) {
				t.Errorf("copy %s of schema %d, want version %d", name, b.Schema, version)
			}
			if v := userVersionOf(t, b.Path); v != version {
				t.Errorf("the copy before the upgrade has schema version %d, want %d", v, version)
			}
		})
	}
	// A new database has nothing to keep.
	path := filepath.Join(t.TempDir(), "nianbao.db")
	openClose(t, path)
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Errorf("a new database has backups: %+v", bs)
	}
}

// A backup made by an older release is brought up to the current schema as
// it is restored (its copy, not the file), and no 升级前 copy is kept of it.
func TestRestoreOlderBackup(t *testing.T) {
	s, path := openTemp(t)
	mustPut(t, s, sample("中卫市民政局", 2023, 1), store.SaveManual)
	old := filepath.Join(t.TempDir(), "old.db")
	oldDatabase(t, old, 1)
	if _, err := s.RestoreBackup(old, true); err != nil {
		t.Fatalf("restore of a backup of schema version 1: %v", err)
	}
	steps, _ := migrations()
	if v := userVersionOf(t, path); v != len(steps) {
		t.Errorf("schema version %d after the restore, want %d", v, len(steps))
	}
	if v := userVersionOf(t, old); v != 1 {
		t.Errorf("the backup file was changed to schema version %d", v)
	}
	bs, _ := Backups(path)
	for _, b := range bs {
		if b.Kind == store.BackupBeforeUpgrade {
			t.Errorf("a copy before upgrading the backup's copy: %s", b.Path)
		}
	}
	// Nothing but the backups and the locks (the open database's and the
	// restore's) is left in the backup folder (no temporary copy, nothing made
	// beside it).
	entries, _ := os.ReadDir(BackupDir(path))
	var names []string
	others := 0
	for _, e := range entries {
		names = append(names, e.Name())
		if e.Name() != inUseName && e.Name() != restoringName {
			others++
		}
	}
	if others != len(bs) {
		t.Errorf("the backup folder holds %v; backups %d", names, len(bs))
	}
	if got := agencies(t, path); len(got) != 0 {
		t.Errorf("restored %v from an empty backup", got)
	}
}
