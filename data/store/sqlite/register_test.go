package sqlite

import (
	"bytes"
	"os"
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
