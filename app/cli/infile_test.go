package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// refusedAtOnce runs the command line args, which gives file as option opt,
// and wants it refused at once: exit 2 with a message that names the file and
// says says, rather than waiting on it.
func refusedAtOnce(t *testing.T, opt, file, says string, args ...string) {
	t.Helper()
	done := make(chan string, 1)
	go func() {
		code, _, errOut := run(t, args...)
		if code != exitFailure {
			errOut = "exit status not 2: " + errOut
		}
		done <- errOut
	}()
	select {
	case got := <-done:
		if !strings.Contains(got, says) || !strings.Contains(got, file) {
			t.Errorf("%s %s: %q, want %q", opt, file, got, says)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("%s %s: still waiting", opt, file)
	}
}

// TestRosterThroughTheOpener: combine --roster refuses a FIFO (it waited for a
// writer for ever), /dev/zero (it grew to gigabytes) and a file over the
// roster limit at once, naming the file.
func TestRosterThroughTheOpener(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("FIFOs and /dev/zero are Unix")
	}
	dir := t.TempDir()
	unitFile(t, dir, "财政局.nianbao.json", "某县财政局", 2024, 3, "0", 3)
	fifo := filepath.Join(dir, "名单.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "大.txt")
	f, _ := os.Create(big)
	f.Truncate(64 << 20)
	f.Close()
	for _, tc := range []struct{ roster, says string }{
		{fifo, "这是命名管道（FIFO），不是名单"},
		{"/dev/zero", "这是设备，不是名单"},
		{big, "超过名单 32.0 MB 的上限"},
	} {
		refusedAtOnce(t, "--roster", tc.roster, tc.says, "combine", "--agency", "某县人民政府", "--year", "2024", "--roster", tc.roster, dir)
	}
}

// TestBackupThroughTheOpener: restore --backup refuses a FIFO (it waited for a
// writer for ever) and /dev/zero (it copied gigabytes into /tmp) at once,
// naming the file, and the database keeps its report.
func TestBackupThroughTheOpener(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("FIFOs and /dev/zero are Unix")
	}
	dir := t.TempDir()
	db := importExample(t, dir)
	fifo := filepath.Join(dir, "备份.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ backup, says string }{
		{fifo, "这是命名管道（FIFO），不是数据库备份"},
		{"/dev/zero", "这是设备，不是数据库备份"},
	} {
		refusedAtOnce(t, "--backup", tc.backup, tc.says, "restore", "--db", db, "--backup", tc.backup)
	}
	if code, out, errOut := run(t, "list", "--db", db); code != 0 || !strings.Contains(out, agency) {
		t.Errorf("the database lost its report: %d\n%s\n%s", code, out, errOut)
	}
}
