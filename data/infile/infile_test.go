package infile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadFileAndCheck: only a regular file within its kind's limit is read;
// a FIFO, a device, a folder or a file over the limit is refused at once,
// naming the file and what it should have been.
func TestReadFileAndCheck(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("FIFOs and /dev/zero are Unix")
	}
	dir := t.TempDir()
	small := filepath.Join(dir, "名单.txt")
	os.WriteFile(small, []byte("甲局\n乙局\n"), 0o644)
	link := filepath.Join(dir, "link.txt")
	os.Symlink(small, link)
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.txt")
	f, _ := os.Create(big)
	f.Truncate(Roster.Limit + 1) // sparse: nothing is written, nothing need be read
	f.Close()
	huge := filepath.Join(dir, "huge.db")
	f, _ = os.Create(huge)
	f.Truncate(8 << 30)
	f.Close()

	tests := []struct {
		path string
		kind Kind
		want error  // nil: read
		says string // in the message
	}{
		{small, Roster, nil, ""},
		{link, Roster, nil, ""},
		{fifo, Roster, ErrNotRegular, "这是命名管道（FIFO），不是名单"},
		{"/dev/zero", Roster, ErrNotRegular, "这是设备，不是名单"},
		{dir, Roster, ErrNotRegular, "这是文件夹，不是名单"},
		{big, Roster, ErrTooLarge, "超过名单 32.0 MB 的上限"},
		{fifo, Backup, ErrNotRegular, "不是数据库备份"},
		{huge, Backup, nil, ""},
	}
	for _, tt := range tests {
		done := make(chan error, 1)
		go func() {
			var err error
			if tt.kind.Limit == NoLimit {
				var f *os.File
				if f, _, err = OpenLimit(tt.path, tt.kind); err == nil {
					f.Close()
				}
			} else {
				var data []byte
				data, err = ReadFile(tt.path, tt.kind)
				if err == nil && string(data) != "甲局\n乙局\n" {
					t.Errorf("%s: read %q", tt.path, data)
				}
			}
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, tt.want) || tt.want != nil && (!strings.Contains(err.Error(), tt.says) || !strings.Contains(err.Error(), tt.path)) {
				t.Errorf("%s as %s: %v, want %v saying %q", tt.path, tt.kind.Name, err, tt.want, tt.says)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s as %s: still waiting", tt.path, tt.kind.Name)
		}
	}
}

// TestReadFileNeedsALimit: a kind without a limit is never read into memory.
func TestReadFileNeedsALimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a")
	os.WriteFile(p, []byte("x"), 0o644)
	if _, err := ReadFile(p, Backup); err == nil {
		t.Error("a backup was read whole")
	}
}

// TestOpenSaysReportFile: Open, the report reader's, still names a report file.
func TestOpenSaysReportFile(t *testing.T) {
	if _, err := Open(t.TempDir()); err == nil || !strings.Contains(err.Error(), "这是文件夹，不是年报文件") {
		t.Errorf("Open(folder) = %v", err)
	}
}
