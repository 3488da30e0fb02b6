package sqlite

import (
	"os"
	"path/filepath"
	"testing"
)

// A lock file left by a program that ended without removing it (killed) is
// no window: it is not counted, and it is removed; a released hold leaves no
// file behind.
func TestPresenceOfAnEndedProgram(t *testing.T) {
	s, path := openTemp(t)
	left := filepath.Join(BackupDir(path), openPrefix+"7-0123456789abcdef.lock")
	if err := os.WriteFile(left, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	h, err := s.Hold(7)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := h.Others(); err != nil || n != 0 {
		t.Fatalf("Others = %d, %v; want 0", n, err)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("the ended program's file is still there: %v", err)
	}
	h.Release()
	entries, _ := filepath.Glob(filepath.Join(BackupDir(path), openPrefix+"*"))
	if len(entries) != 0 {
		t.Errorf("files left after Release: %v", entries)
	}
}
