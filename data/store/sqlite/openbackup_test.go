package sqlite

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"nianbao/data/store"
	"nianbao/data/store/storetest"
)

// OpenBackup reads a backup's reports from a copy: the backup file is not
// changed, the copy is gone after done, and a file that is no database of
// this program, or one without reports, is refused.
func TestOpenBackup(t *testing.T) {
	s, _ := openTemp(t)
	storetest.MustPut(t, s, storetest.Sample("测试局", 2024, 0), store.SaveManual)
	b, err := s.BackupNow(store.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	db, done, err := OpenBackup(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.List()
	if err != nil || len(list) != 1 || list[0].Agency != "测试局" {
		t.Errorf("the backup's reports: %v, %v", list, err)
	}
	copyPath := db.path
	done()
	if _, err := os.Stat(copyPath); !os.IsNotExist(err) {
		t.Errorf("the copy is left: %v", err)
	}
	if after, _ := os.ReadFile(b.Path); !bytes.Equal(before, after) {
		t.Error("the backup file changed")
	}

	dir := t.TempDir()
	notDB := filepath.Join(dir, "x.db")
	os.WriteFile(notDB, []byte("这不是数据库"), 0o600)
	empty, _ := openTemp(t)
	emptyBackup, err := empty.BackupNow(store.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path string
		want       error
	}{
		{"not a database", notDB, nil},
		{"no reports", emptyBackup.Path, store.ErrEmptyBackup},
		{"a folder", dir, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db, _, err := OpenBackup(tt.path)
			if err == nil {
				db.Close()
				t.Fatal("opened")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}
