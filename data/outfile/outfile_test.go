package outfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWriteNewFileGetsUmask(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no umask on Windows")
	}
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	p := filepath.Join(t.TempDir(), "a.pdf")
	if err := Write(p, []byte("x"), nil); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o640 {
		t.Errorf("mode %o, want 640 (0666 less umask 027)", got)
	}
}

func TestWriteKeepsModeAndReplaces(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("new"), nil); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	info, _ := os.Stat(p)
	if string(data) != "new" || info.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %o, want \"new\" 600", data, info.Mode().Perm())
	}
}

func TestFailedWriteLeavesOldFileAndNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.pdf")
	os.WriteFile(p, []byte("old"), 0o644)
	boom := errors.New("boom")
	err := WriteFunc(p, nil, func(w io.Writer) error {
		w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), p) {
		t.Fatalf("err = %v, want boom naming %s", err, p)
	}
	data, _ := os.ReadFile(p)
	if string(data) != "old" {
		t.Errorf("old file became %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only a.pdf: %v", len(entries), entries)
	}
}

func TestWriteStdout(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	var buf bytes.Buffer
	if err := Write("-", []byte("pdf"), &buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "pdf" {
		t.Errorf("stdout got %q", buf.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error("a file named - was written")
	}
}

func TestWriteDeviceIsNotReplaced(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /dev/null")
	}
	before, err := os.Stat(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	if err := Write(os.DevNull, []byte("x"), nil); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(os.DevNull)
	if err != nil || after.Mode()&os.ModeDevice == 0 || !os.SameFile(before, after) {
		t.Fatalf("/dev/null is no longer the same device: %v %v", after.Mode(), err)
	}
}

func TestWriteFIFODirectly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	p := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip(err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(p)
		if err != nil {
			got <- err.Error()
			return
		}
		data, _ := io.ReadAll(f)
		f.Close()
		got <- string(data)
	}()
	if err := Write(p, []byte("through the pipe"), nil); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("reader got %q", s)
	}
	if info, _ := os.Lstat(p); info.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
}

func TestWriteFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.pdf")
	link := filepath.Join(dir, "link.pdf")
	os.WriteFile(target, []byte("old"), 0o644)
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	if err := Write(link, []byte("new"), nil); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if data, _ := os.ReadFile(target); string(data) != "new" {
		t.Errorf("target holds %q", data)
	}
}

func TestWriteFolderRefused(t *testing.T) {
	dir := t.TempDir()
	err := Write(dir, []byte("x"), nil)
	if err == nil || !strings.Contains(err.Error(), "文件夹") {
		t.Fatalf("err = %v", err)
	}
}

func TestGuard(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "o.db")
	os.WriteFile(db, []byte("db"), 0o600)
	in := filepath.Join(dir, "in.json")
	os.WriteFile(in, []byte("{}"), 0o600)
	hard := filepath.Join(dir, "hard.json")
	os.Link(in, hard)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o700)
	prot := append(Database(db), Inputs(in)...)
	for _, tc := range []struct {
		out     string
		refused bool
	}{
		{db, true},
		{filepath.Join(sub, "..", "o.db"), true},
		{db + "-wal", true}, // does not exist yet: refused by path
		{db + "-shm", true},
		{in, true},
		{hard, true},
		{filepath.Join(dir, "out.pdf"), false},
		{"-", false},
	} {
		err := Guard(tc.out, prot...)
		if (err != nil) != tc.refused {
			t.Errorf("Guard(%s) = %v, refused want %v", tc.out, err, tc.refused)
		}
	}
}

func TestFileName(t *testing.T) {
	for _, tc := range []struct{ stem, ext, want string }{
		{"中卫市民政局2023年政府信息公开工作年度报告", ".pdf", "中卫市民政局2023年政府信息公开工作年度报告.pdf"},
		{"a/b", ".pdf", "a_b.pdf"},
		{"../x", ".pdf", "_x.pdf"},
		{`中卫市民政局/办公室:"测试"?`, ".docx", "中卫市民政局_办公室__测试__.docx"},
		{"CON", ".pdf", "_CON.pdf"},
		{"lpt1", ".nianbao.json", "_lpt1.nianbao.json"},
		{"COM10", ".pdf", "COM10.pdf"},
		{"报告. . ", ".pdf", "报告.pdf"},
		{".hidden", ".pdf", "hidden.pdf"},
		{"a\x1b[31mb\u202ec\u200bd\ne", ".pdf", "a[31mbcd e.pdf"},
		{"", ".pdf", "年报.pdf"},
		{"...", ".pdf", "年报.pdf"},
	} {
		if got := FileName(tc.stem, tc.ext); got != tc.want {
			t.Errorf("FileName(%q, %q) = %q, want %q", tc.stem, tc.ext, got, tc.want)
		}
	}
	long := FileName(strings.Repeat("民", 1000), ".pdf")
	if len(long) > 240 || !strings.HasSuffix(long, "民.pdf") {
		t.Errorf("long name: %d bytes, %q…", len(long), long[len(long)-10:])
	}
}

// TestWriteDevStdout: /dev/stdout is standard output, even when the shell
// redirected it to a file (which would otherwise be replaced by a new one).
func TestWriteDevStdout(t *testing.T) {
	for _, p := range []string{"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"} {
		var buf bytes.Buffer
		if err := Write(p, []byte("pdf"), &buf); err != nil || buf.String() != "pdf" {
			t.Errorf("Write(%s): %v, stdout got %q", p, err, buf.String())
		}
		if err := Guard(p, Inputs(p)...); err != nil {
			t.Errorf("Guard(%s) = %v", p, err)
		}
	}
}

// TestWriteRemovesStaleTemps: a temporary file left by a write that was
// killed is removed by the next write of the same file; a young one (a write
// in progress) and other files stay.
func TestWriteRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "报告[1].pdf")
	stale := filepath.Join(dir, ".报告[1].pdf.0123456789ab.tmp")
	young := filepath.Join(dir, ".报告[1].pdf.ba9876543210.tmp")
	other := filepath.Join(dir, ".其他.pdf.0123456789ab.tmp")
	for _, f := range []string{stale, young, other} {
		os.WriteFile(f, []byte("half"), 0o644)
	}
	old := time.Now().Add(-2 * staleAge)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if err := Write(p, []byte("pdf"), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale temporary file stays")
	}
	for _, f := range []string{young, other, p} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed", filepath.Base(f))
		}
	}
}

// TestManyWritesReadTheFolderOnce: writing many files into one folder reads
// the folder once for stale temporary files, not once per file (n² for a
// batch of 10,000 outputs); a stale one found then is still removed when its
// own file is written later.
func TestManyWritesReadTheFolderOnce(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".第50个.json.0123456789ab.tmp")
	os.WriteFile(stale, []byte("half"), 0o644)
	old := time.Now().Add(-2 * staleAge)
	os.Chtimes(stale, old, old)
	reads := 0
	readDir = func(name string) ([]os.DirEntry, error) {
		reads++
		return os.ReadDir(name)
	}
	defer func() { readDir = os.ReadDir }()
	for i := range 100 {
		p := filepath.Join(dir, fmt.Sprintf("第%d个.json", i))
		if err := Write(p, []byte("{}"), nil); err != nil {
			t.Fatal(err)
		}
		_, err := os.Stat(stale)
		if gone := err != nil; gone != (i >= 50) {
			t.Fatalf("after writing file %d the stale temporary file of file 50 gone: %v", i, gone)
		}
	}
	if reads != 1 {
		t.Errorf("the folder was read %d times for 100 writes, want once", reads)
	}
}

// TestWriteLongName: a file name as long as a file system allows (a default
// name cut to maxNameBytes, or one the user gave) is written too: the
// temporary file's name, longer by its marks, is cut to fit, and its stale
// copies are still found.
func TestWriteLongName(t *testing.T) {
	for _, name := range []string{
		FileName(strings.Repeat("很", 150), ".nianbao.json"),
		strings.Repeat("a", 251) + ".pdf",
		strings.Repeat("很", 83) + ".pd",
	} {
		dir := t.TempDir() // a folder of its own: each is read once for stale files
		p := filepath.Join(dir, name)
		stale := "." + truncate(name, maxTempStem) + ".0123456789ab.tmp"
		if len(stale) > 255 || !isTempFor(stale, name) {
			t.Fatalf("%d bytes: temporary name %d bytes, found %v", len(name), len(stale), isTempFor(stale, name))
		}
		if err := os.WriteFile(filepath.Join(dir, stale), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-2 * staleAge)
		os.Chtimes(filepath.Join(dir, stale), old, old)
		if err := Write(p, []byte("one"), nil); err != nil {
			t.Fatalf("%d bytes: %v", len(name), err)
		}
		if err := Write(p, []byte("two"), nil); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(p); string(got) != "two" {
			t.Errorf("%d bytes: %q", len(name), got)
		}
		if _, err := os.Stat(filepath.Join(dir, stale)); err == nil {
			t.Errorf("%d bytes: the stale temporary file stays", len(name))
		}
	}
}
