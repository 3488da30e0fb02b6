package sqlite

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"nianbao/data/store"
	"nianbao/data/store/storetest"
)

func TestRegisterSuite(t *testing.T) {
	storetest.RunRegister(t, func(t *testing.T) store.Register {
		s, _ := openTemp(t)
		return s
	})
}

// Erased names are gone from the database file itself, not only from what it
// returns (secure_delete, and a checkpoint of the WAL).
func TestErasedNamesLeaveTheFile(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.PutApplications("某局", storetest.SampleApplications()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ErasePersonal("某局", 2025); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"110101199001011234", "zhang@example.com", "某某律师事务所"} {
		if bytes.Contains(data, []byte(name)) {
			t.Errorf("%s is still in the database file", name)
		}
	}
	if !bytes.Contains(data, []byte("王五")) {
		t.Error("the 2024 applicant should stay (only 2025 was erased)")
	}
}

func TestRegisterReadOnly(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.PutApplications("某局", storetest.SampleApplications()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if apps, err := ro.Applications("某局", 0); err != nil || len(apps) != 4 {
		t.Errorf("read-only Applications = %d, %v", len(apps), err)
	}
	if _, err := ro.PutApplications("某局", storetest.SampleApplications()); err == nil {
		t.Error("a read-only database took a put")
	}
}

// The register's step on a database of the version before it: the reports
// stay, the register works.
func TestRegisterMigrationOnPreviousVersion(t *testing.T) {
	steps, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	step := 0
	for _, m := range steps {
		if strings.HasSuffix(m.Name, "_register.sql") {
			step = m.Version
		}
	}
	if step == 0 {
		t.Fatal("no register migration")
	}
	s, err := Open(databaseAtVersion(t, step-1))
	if err != nil {
		t.Fatalf("Open of a database of the previous version: %v", err)
	}
	defer s.Close()
	if got := pragma(t, s, "user_version"); got != len(steps) {
		t.Errorf("user_version = %d, want %d", got, len(steps))
	}
	if _, r, err := s.Find("某县财政局", 2024); err != nil || r.Proactive.Fees != "1.25" {
		t.Fatalf("old report after the upgrade: %v", err)
	}
	if _, err := s.PutApplications("某县财政局", storetest.SampleApplications()); err != nil {
		t.Fatal(err)
	}
	if apps, err := s.Applications("某县财政局", 2025); err != nil || len(apps) != 3 {
		t.Errorf("Applications on an upgraded database = %d, %v", len(apps), err)
	}
}
