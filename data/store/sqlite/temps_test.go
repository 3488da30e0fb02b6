package sqlite

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// What an interrupted backup or restore left is removed on the next start:
// the temporaries of a process that has ended, or older than staleTemp; the
// folders and hidden files earlier releases left. What a running process is
// writing now is not touched.
func TestStaleTempsRemovedOnOpen(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // os.TempDir on Unix
	path := filepath.Join(t.TempDir(), "nianbao.db")
	openClose(t, path)
	dir := BackupDir(path)
	old := time.Now().Add(-staleTemp - time.Hour)
	const dead = 999999999 // above any pid_max: no such process
	live := os.Getppid()   // the go command, alive while the test runs
	for _, tc := range []struct {
		dir, name string
		file      bool // a file, else a folder
		aged      bool // written before staleTemp
		removed   bool
	}{
		{dir, tempPrefix + strconv.Itoa(dead) + "-0a1b2c.db", true, false, true},
		{dir, tempPrefix + strconv.Itoa(dead) + "-0a1b2c.db-journal", true, false, true},
		{tmp, tempPrefix + strconv.Itoa(dead) + "-0a1b2d.db", true, false, true},
		{dir, tempPrefix + strconv.Itoa(live) + "-0a1b2e.db", true, false, false},
		{dir, tempPrefix + strconv.Itoa(live) + "-0a1b2f.db", true, true, true},
		{dir, tempPrefix + strconv.Itoa(os.Getpid()) + "-0a1b30.db", true, true, false},
		{dir, ".手动-2026-01-02-150405.db.0123456789ab.tmp", true, true, true},
		{dir, ".手动-2026-01-02-150405.db.0123456789ac.tmp", true, false, false},
		{tmp, "nianbao-backup-123456", false, true, true},
		{tmp, "nianbao-restore-123456", false, true, true},
		{tmp, "nianbao-restore-654321", false, false, false},
		{dir, "手动-2026-01-02-150405.db", true, true, false}, // a backup
	} {
		p := filepath.Join(tc.dir, tc.name)
		if tc.file {
			os.WriteFile(p, []byte("temp"), 0o600)
		} else {
			os.Mkdir(p, 0o700)
			os.WriteFile(filepath.Join(p, "nianbao.db"), []byte("temp"), 0o600)
		}
		if tc.aged {
			os.Chtimes(p, old, old)
		}
		defer func() {
			_, err := os.Stat(p)
			if gone := err != nil; gone != tc.removed {
				t.Errorf("%s: removed %v, want %v", tc.name, gone, tc.removed)
			}
		}()
	}
	openClose(t, path)
}

// A TERM or INT during a backup or restore removes the temporaries of this
// process (RemoveOwnTemps), and only those.
func TestRemoveOwnTemps(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nianbao.db")
	openClose(t, path)
	own, err := newTemp(tempDir(path))
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(BackupDir(path), tempPrefix+strconv.Itoa(os.Getppid())+"-0a1b2c.db")
	os.WriteFile(other, nil, 0o600)
	RemoveOwnTemps(path)
	if _, err := os.Stat(own); err == nil {
		t.Error("this process's temporary file is left")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("another running process's temporary file was removed")
	}
}
