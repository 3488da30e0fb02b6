package sqlite

import (
	"database/sql"
	"path/filepath"
	"testing"

	"nianbao/data/store"
)

// A database of schema version 1, made with the first migration only, is
// brought up to date with its reports: revision 1, no invalid texts.
func TestMigrateFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	steps, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	r := sample("中卫市民政局", 2023, 1)
	if _, err := db.Exec(steps[0].SQL + ";PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO reports (agency, year, saved_at, kind, errors, warnings, content)
		VALUES (?, ?, ?, ?, 0, 0, ?)`, r.Agency, r.Year, "2025-01-02T03:04:05.000000Z", store.SaveManual, mustMarshal(t, r)); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open of a version-1 database: %v", err)
	}
	defer s.Close()
	if got := pragma(t, s, "user_version"); got != len(steps) {
		t.Errorf("user_version = %d, want %d", got, len(steps))
	}
	list, err := s.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("List = %v, %v", list, err)
	}
	l, err := s.Load(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if l.Revision != 1 || len(l.Invalid) != 0 {
		t.Errorf("migrated report: revision %d, invalid %v", l.Revision, l.Invalid)
	}
	sameReport(t, l.Report, r)
	if _, err := s.Update(list[0].ID, l.Revision, sample("中卫市民政局", 2023, 2), store.SaveAuto, map[string]string{"三|new|自然人": "1e3"}); err != nil {
		t.Fatalf("Update after migration: %v", err)
	}
}
