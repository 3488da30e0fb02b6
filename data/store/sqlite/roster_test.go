package sqlite

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data/combine"
	"nianbao/data/report"
)

// databaseAtVersion makes a database as the program before the roster step
// left it: every step up to version applied, and one report stored in it.
func databaseAtVersion(t *testing.T, version int) string {
	t.Helper()
	steps, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, m := range steps[:version] {
		if _, err := db.Exec(m.SQL); err != nil {
			t.Fatalf("%s: %v", m.Name, err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", version)); err != nil {
		t.Fatal(err)
	}
	content := mustMarshal(t, sample("某县财政局", 2024, 1))
	if _, err := db.Exec(`INSERT INTO reports (agency, year, saved_at, kind, content) VALUES (?, ?, ?, ?, ?)`,
		"某县财政局", 2024, "2025-01-10T08:00:00.000000Z", "manual", content); err != nil {
		t.Fatal(err)
	}
	return path
}

func rosterStep(t *testing.T) int {
	steps, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range steps {
		if strings.HasSuffix(m.Name, "_roster.sql") {
			return m.Version
		}
	}
	t.Fatal("no roster migration")
	return 0
}

func TestRosterMigrationOnPreviousVersion(t *testing.T) {
	path := databaseAtVersion(t, rosterStep(t)-1)
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open of a database of the previous version: %v", err)
	}
	defer s.Close()
	steps, _ := migrations()
	if got := pragma(t, s, "user_version"); got != len(steps) {
		t.Errorf("user_version = %d, want %d", got, len(steps))
	}
	// What was there is still there.
	if _, r, err := s.Find("某县财政局", 2024); err != nil || r.Proactive.Fees != "1.25" {
		t.Fatalf("old report after the upgrade: %v", err)
	}
	// The new tables work.
	if units, from, err := s.Roster("某县人民政府", 2024); err != nil || units != nil || from != 0 {
		t.Errorf("Roster on an upgraded database = %v %d %v", units, from, err)
	}
	roster := []combine.Unit{{Name: "某县财政局", Type: report.AgencyDepartment, Group: "县直部门"}}
	if err := s.SetRoster("某县人民政府", 2024, roster); err != nil {
		t.Fatal(err)
	}
	if units, from, err := s.Roster("某县人民政府", 2024); err != nil || len(units) != 1 || from != 2024 || units[0] != roster[0] {
		t.Errorf("Roster = %v %d %v", units, from, err)
	}
}
