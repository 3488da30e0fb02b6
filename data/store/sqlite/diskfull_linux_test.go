package sqlite

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data/store"
)

// fullDisk mounts a small tmpfs in a temporary folder (root only; the test
// is skipped where it cannot) and returns its path and a function that
// fills it to the last byte.
func fullDisk(t *testing.T) (string, func()) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir, func() {
		f, err := os.Create(filepath.Join(dir, "filler"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		buf := make([]byte, 4096)
		for {
			if _, err := f.Write(buf); err != nil {
				break
			}
		}
		for _, size := range []int{512, 64, 1} { // the last blocks
			for {
				if _, err := f.Write(buf[:size]); err != nil {
					break
				}
			}
		}
	}
}

// On a full disk a sound database is read (list, load), opened read-only
// with the reason said in Chinese, and a save says the disk is full and
// where, never that the file is no 年报 database.
func TestFullDisk(t *testing.T) {
	dir, fill := fullDisk(t)
	path := filepath.Join(dir, "nianbao.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, sample("中卫市民政局", 2023, 1), store.SaveManual)
	s.Close()
	fill()

	s, err = Open(path)
	if err != nil {
		t.Fatalf("open on a full disk: %v", err)
	}
	defer s.Close()
	if list, err := s.List(); err != nil || len(list) != 1 {
		t.Errorf("list on a full disk: %v %v", list, err)
	}
	_, err = s.Put(sample("中卫市财政局", 2023, 2), store.SaveManual)
	if err == nil {
		t.Fatal("saved on a full disk")
	}
	for _, want := range []string{"磁盘", dir} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("save on a full disk: %q does not say %q", err, want)
		}
	}
	for _, bad := range []string{"不是年报数据库", "disk I/O", "no space"} {
		if strings.Contains(err.Error(), bad) {
			t.Errorf("save on a full disk: %q says %q", err, bad)
		}
	}
	if s.ReadOnly() && !strings.Contains(s.ReadOnlyReason(), "磁盘已满") {
		t.Errorf("read-only because %q", s.ReadOnlyReason())
	}
}
