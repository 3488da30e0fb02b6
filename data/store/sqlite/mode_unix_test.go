//go:build unix

package sqlite

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"nianbao/data/store"
)

func TestFileModeOwnerOnly(t *testing.T) {
	old := syscall.Umask(0) // the modes must not depend on the user's umask
	defer syscall.Umask(old)
	path := filepath.Join(t.TempDir(), "data", "nianbao.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(sample("中卫市民政局", 2023, 1), store.SaveManual); err != nil {
		t.Fatal(err)
	}
	want := map[string]os.FileMode{
		filepath.Dir(path): 0o700,
		path:               0o600,
		path + "-wal":      0o600,
		path + "-shm":      0o600,
	}
	for p, mode := range want {
		info, err := os.Stat(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if got := info.Mode().Perm(); got != mode {
			t.Errorf("%s: mode %o, want %o", filepath.Base(p), got, mode)
		}
	}
}
