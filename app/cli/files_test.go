package cli

import (
	"bytes"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"nianbao/assets"
)

const agency = "中卫市民政局"

// importExample makes a database in dir holding the example report, changed
// by edits, and returns the database's path.
func importExample(t *testing.T, dir string, edits ...string) string {
	t.Helper()
	db := filepath.Join(dir, "o.db")
	file := writeExample(t, dir, "import.nianbao.json", edits...)
	if code, out, errOut := run(t, "import", "--db", db, file); code != 0 {
		t.Fatalf("import: %d\n%s\n%s", code, out, errOut)
	}
	return db
}

// TestOutputOntoDatabaseOrInputRefused: an output aimed at the open database,
// its -wal, another spelling of it, or the input of the same command (also
// through a hard link) is refused, and the database still holds its report.
func TestOutputOntoDatabaseOrInputRefused(t *testing.T) {
	dir := t.TempDir()
	db := importExample(t, dir)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	link := filepath.Join(dir, "link.db")
	os.Symlink(db, link)
	input := writeExample(t, dir, "in.nianbao.json")
	hard := filepath.Join(dir, "hard.nianbao.json")
	if err := os.Link(input, hard); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(input)
	exportTo := func(out string) []string {
		return []string{"export", "--db", db, "--agency", agency, "--year", "2023", "-o", out}
	}
	for _, args := range [][]string{
		exportTo(db),
		exportTo(db + "-wal"),
		exportTo(db + "-shm"),
		exportTo(filepath.Join(sub, "..", "o.db")),
		exportTo(link),
		{"pdf", "--db", db, "--agency", agency, "--year", "2023", "-o", db},
		{"pdf", "-o", input, input},
		{"pdf", "-o", hard, input},
	} {
		code, _, errOut := run(t, args...)
		if code != exitFailure || !strings.Contains(errOut, "不能写入") || !strings.Contains(errOut, "请换一个输出文件名") {
			t.Errorf("%v: %d %q, want it refused", args, code, errOut)
		}
	}
	if code, out, errOut := run(t, "list", "--db", db); code != 0 || !strings.Contains(out, agency) {
		t.Fatalf("the database was damaged: %d\n%s\n%s", code, out, errOut)
	}
	if after, _ := os.ReadFile(input); !bytes.Equal(before, after) {
		t.Error("the input file was changed")
	}
}

// TestOutputToDevicePipeAndStdout: a device node stays a device, "-" is
// standard output (for pdf and export alike, with the status on stderr), a
// FIFO is written into.
func TestOutputToDevicePipeAndStdout(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no device nodes")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	db := importExample(t, dir)
	export := func(out string) (int, string, string) {
		return run(t, "export", "--db", db, "--agency", agency, "--year", "2023", "-o", out)
	}

	code, out, errOut := export("-")
	if code != 0 || !strings.HasPrefix(out, "{\n  \"format\": \"nianbao/1\"") || strings.Contains(out, "已导出") {
		t.Errorf("export -o -: %d\n%.80s\n%s", code, out, errOut)
	}
	if _, err := os.Lstat(filepath.Join(dir, "-")); err == nil {
		t.Error("a file named - was written")
	}

	dev := os.DevNull
	if os.Geteuid() == 0 {
		dev = filepath.Join(dir, "null")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := os.Stat(dev)
	if code, _, errOut := export(dev); code != 0 {
		t.Errorf("export to %s: %d %s", dev, code, errOut)
	}
	if code, _, errOut := run(t, "pdf", "--fonts", "bundled", "--db", db, "--agency", agency, "--year", "2023", "-o", dev); code != 0 {
		t.Errorf("pdf to %s: %d %s", dev, code, errOut)
	}
	after, err := os.Lstat(dev)
	if err != nil || after.Mode()&os.ModeCharDevice == 0 || !os.SameFile(before, after) {
		t.Fatalf("%s is no longer the device: %v %v", dev, after.Mode(), err)
	}

	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		var b bytes.Buffer
		b.ReadFrom(f)
		f.Close()
		got <- b.Bytes()
	}()
	if code, _, errOut := export(fifo); code != 0 {
		t.Errorf("export to a FIFO: %d %s", code, errOut)
	}
	if data := <-got; !bytes.Contains(data, []byte(agency)) {
		t.Errorf("the FIFO's reader got %q", data)
	}
	if info, _ := os.Lstat(fifo); info.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced by a file")
	}
}

func TestPDFToStdout(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	file := writeExample(t, dir, "a.nianbao.json")
	code, out, errOut := run(t, "pdf", "--fonts", "bundled", "-o", "-", file)
	if code != 0 || !strings.HasPrefix(out, "%PDF-") || !strings.Contains(errOut, "已生成：标准输出") {
		t.Fatalf("pdf -o -: %d %.20q\n%s", code, out, errOut)
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = strings.NewReader(out)
	text, err := cmd.Output()
	if err != nil || !strings.Contains(string(text), "政府信息公开工作年度报告") {
		t.Errorf("pdftotext - -: %v\n%.200s", err, text)
	}
	if _, err := os.Lstat(filepath.Join(dir, "-")); err == nil {
		t.Error("a file named - was written")
	}
}

// TestOutputModes: a new output gets what the umask allows (it was always
// 0644), an existing one keeps its mode, and no temporary file stays behind.
func TestOutputModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no umask")
	}
	dir := t.TempDir()
	db := importExample(t, dir)
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	fresh := filepath.Join(dir, "fresh.nianbao.json")
	kept := filepath.Join(dir, "kept.nianbao.json")
	os.WriteFile(kept, []byte("old"), 0o640)
	os.Chmod(kept, 0o640)
	for _, out := range []string{fresh, kept} {
		if code, _, errOut := run(t, "export", "--db", db, "--agency", agency, "--year", "2023", "-o", out); code != 0 {
			t.Fatalf("export: %d %s", code, errOut)
		}
	}
	pdf := filepath.Join(dir, "fresh.pdf")
	if code, _, errOut := run(t, "pdf", "--fonts", "bundled", "--db", db, "--agency", agency, "--year", "2023", "-o", pdf); code != 0 {
		t.Fatalf("pdf: %d %s", code, errOut)
	}
	for path, want := range map[string]os.FileMode{fresh: 0o600, kept: 0o640, pdf: 0o600} {
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v (%v)", filepath.Base(path), info.Mode().Perm(), want, err)
		}
	}
	// A failed write (into a folder that is not there) leaves nothing either.
	if code, _, errOut := run(t, "export", "--db", db, "--agency", agency, "--year", "2023", "-o", filepath.Join(dir, "无", "a.json")); code != exitFailure ||
		!strings.Contains(errOut, "不存在") || strings.Contains(errOut, "no such") {
		t.Errorf("export into a missing folder: %d %s", code, errOut)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestNonRegularInputRefused: a FIFO given to check, import or pdf is refused
// at once (it hung for ever).
func TestNonRegularInputRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "a.nianbao.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"check", fifo},
		{"import", "--db", filepath.Join(dir, "o.db"), fifo},
		{"pdf", fifo},
		{"check", os.DevNull},
	} {
		done := make(chan string, 1)
		go func() {
			code, _, errOut := run(t, args...)
			if code != exitFailure {
				errOut = "exit status not 2: " + errOut
			}
			done <- errOut
		}()
		select {
		case errOut := <-done:
			if !strings.Contains(errOut, "不是年报文件") || !strings.Contains(errOut, args[len(args)-1]) {
				t.Errorf("%v: %q", args, errOut)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v hangs", args)
		}
	}
}

// TestDefaultNamesAreSafe: an agency name with folder separators or characters
// Windows refuses makes a default output name in the intended folder.
func TestDefaultNamesAreSafe(t *testing.T) {
	for _, tc := range []struct{ agency, want string }{
		{"a/b", "a_b2023年政府信息公开工作年度报告"},
		{"../x", "_x2023年政府信息公开工作年度报告"},
		{`中卫市民政局/办公室:"测试"?`, "中卫市民政局_办公室__测试__2023年政府信息公开工作年度报告"},
	} {
		dir := t.TempDir()
		work := filepath.Join(dir, "work")
		os.Mkdir(work, 0o755)
		t.Chdir(work)
		db := importExample(t, dir, `"agency": "中卫市民政局"`, `"agency": `+strconvQuote(tc.agency))
		if code, _, errOut := run(t, "export", "--db", db, "--agency", tc.agency, "--year", "2023"); code != 0 {
			t.Fatalf("export %s: %d %s", tc.agency, code, errOut)
		}
		if code, _, errOut := run(t, "pdf", "--fonts", "bundled", "--db", db, "--agency", tc.agency, "--year", "2023"); code != 0 {
			t.Fatalf("pdf %s: %d %s", tc.agency, code, errOut)
		}
		var names []string
		entries, _ := os.ReadDir(work)
		for _, e := range entries {
			names = append(names, e.Name())
		}
		want := []string{tc.want + ".nianbao.json", tc.want + ".pdf"}
		if strings.Join(names, "|") != strings.Join(want, "|") {
			t.Errorf("agency %q: wrote %q, want %q", tc.agency, names, want)
		}
		var outside []string
		entries, _ = os.ReadDir(dir)
		for _, e := range entries {
			outside = append(outside, e.Name())
		}
		// the database, its automatic backups, the imported file and the work folder
		if want := "import.nianbao.json|o.db|o.db-备份|work"; strings.Join(outside, "|") != want {
			t.Errorf("agency %q: something was written outside the folder: %q, want %q", tc.agency, outside, want)
		}
	}
}

func strconvQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// TestImportSameFileAgain says that nothing changed, and keeps no version.
func TestImportSameFileAgain(t *testing.T) {
	dir := t.TempDir()
	db := importExample(t, dir)
	file := filepath.Join(dir, "import.nianbao.json")
	code, out, _ := run(t, "import", "--db", db, file)
	if code != 0 || !strings.Contains(out, "未改变") || strings.Contains(out, "已替换") || strings.Contains(out, "已保存为历史版本") {
		t.Errorf("import of the same file: %d %s", code, out)
	}
	_, out, _ = run(t, "history", "--db", db, "--agency", agency, "--year", "2023")
	if !strings.Contains(out, "没有历史版本") {
		t.Errorf("a version was kept:\n%s", out)
	}
}

// TestBadTextRefused: an agency with an escape sequence is refused naming the
// field as printed (机关名称) and the character, and the escape never reaches the terminal.
func TestBadTextRefused(t *testing.T) {
	dir := t.TempDir()
	file := writeExample(t, dir, "a.nianbao.json", `"agency": "中卫市民政局"`, `"agency": "中卫市\u001b[2J民政局"`)
	code, out, errOut := run(t, "check", file)
	if code != exitFailure || !strings.Contains(errOut, "机关名称：含有不可见的控制字符 U+001B") || strings.ContainsRune(out+errOut, 0x1b) {
		t.Errorf("check: %d %q %q", code, out, errOut)
	}
}

// TestErrorsInChinese: errors of the OS reach the user in Chinese with the path.
func TestErrorsInChinese(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix paths")
	}
	dir := t.TempDir()
	loop := filepath.Join(dir, "loop.json")
	os.Symlink(loop, loop)
	file := writeExample(t, dir, "a.nianbao.json")
	full := "/dev/full" // writes fail with ENOSPC
	if os.Geteuid() == 0 {
		// Root could replace the system's own node if the writer were wrong: use a copy.
		full = filepath.Join(dir, "full")
		if err := syscall.Mknod(full, syscall.S_IFCHR|0o666, 1<<8|7); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		args          []string
		want, english string
	}{
		{[]string{"check", loop}, "符号链接过多", "too many levels"},
		{[]string{"check", filepath.Join(file, "x.json")}, "不是文件夹", "not a directory"},
		{[]string{"pdf", "-o", full, "--fonts", "bundled", file}, "磁盘空间已满", "no space"},
	} {
		code, _, errOut := run(t, tc.args...)
		if code != exitFailure || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, tc.english) {
			t.Errorf("%v: %d %q", tc.args, code, errOut)
		}
	}
}

// TestListShowsControlCharactersHarmlessly: a report stored before the text
// rules, with an escape sequence and a newline in its agency, is listed on one
// row with the characters written out, and stays readable and exportable.
func TestListShowsControlCharactersHarmlessly(t *testing.T) {
	dir := t.TempDir()
	db := importExample(t, dir)
	bad := "中卫市\x1b[2J民政局\n伪造 2099 行"
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	content := strings.Replace(string(assets.ExampleReport), `"agency": "中卫市民政局"`, `"agency": "中卫市\u001b[2J民政局\n伪造 2099 行"`, 1)
	_, err = conn.Exec(`UPDATE reports SET agency = ?, content = ?`, bad, content)
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "list", "--db", db)
	if code != 0 || strings.ContainsRune(out, 0x1b) || strings.Count(out, "\n") != 2 || !strings.Contains(out, `中卫市\u001b[2J民政局\u000a伪造 2099 行`) {
		t.Errorf("list: %d %q %q", code, out, errOut)
	}
	// Exported under the cleaned name (issue 18 point 17), saying what the old release stored.
	if code, out, errOut := run(t, "export", "--db", db, "--agency", bad, "--year", "2023", "-o", "-"); code != 0 ||
		!strings.Contains(errOut, "含有不可见的控制字符 U+001B") || !strings.Contains(out, `"agency": "中卫市[2J民政局 伪造 2099 行"`) ||
		strings.Count(errOut, "\n") != 2 {
		t.Errorf("export of the legacy report: %d %.60q %q", code, out, errOut)
	}
}
