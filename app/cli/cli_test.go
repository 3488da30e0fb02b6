package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/assets"
)

// run runs the command line and returns its exit status, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, &out, &errOut, nil)
	return code, out.String(), errOut.String()
}

// wantAll reports each of wants that text (a command's output, named what)
// lacks.
func wantAll(t *testing.T, what, text string, wants []string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

// writeExample writes the example report into dir, changed by edit (old → new
// substring replacements), and returns its path.
func writeExample(t *testing.T, dir, name string, edits ...string) string {
	t.Helper()
	text := string(assets.ExampleReport)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(text, edits[i]) {
			t.Fatalf("example has no %q", edits[i])
		}
		text = strings.Replace(text, edits[i], edits[i+1], 1)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	good := writeExample(t, dir, "good.nianbao.json")
	// 自然人 applied once, but nothing was done with it: rule 1 fails in 自然人 and 总计.
	broken := writeExample(t, dir, "broken.nianbao.json", `"new": [0,0,0,0,0,0,0]`, `"new": [1,0,0,0,0,0,1]`)
	// A figure of the wrong kind: the file is refused.
	invalid := writeExample(t, dir, "invalid.nianbao.json", `"new": [0,0,0,0,0,0,0]`, `"new": [0,0,0,-1,0,0,0]`)

	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    []string
		stderr    []string
		notStdout []string
	}{
		{"example has no errors", []string{"check", good}, 0, []string{"good.nianbao.json：中卫市民政局 2023 年"}, nil, []string{"错误 R"}},
		{"broken totals", []string{"check", broken}, 1, []string{"错误 R1", "自然人", "总计", "个错误"}, nil, nil},
		{"flag after file", []string{"check", broken, "--json"}, 1, []string{`"rule": "R1"`}, nil, nil},
		{"invalid file", []string{"check", good, invalid}, 2, []string{"good.nianbao.json"}, []string{"invalid.nianbao.json", "一、本年新收政府信息公开申请数量 · 社会公益组织", "-1"}, nil},
		{"missing file", []string{"check", filepath.Join(dir, "none.json")}, 2, nil, []string{"none.json"}, nil},
		{"no file", []string{"check"}, 2, nil, []string{"请给出要检查的年报文件"}, nil},
		{"unknown flag", []string{"check", "--jsn", good}, 2, nil, []string{"未知的选项：-jsn"}, nil},
		{"help", []string{"check", "--help"}, 0, []string{"用法：nianbao check"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
			wantAll(t, "stdout", out, tt.stdout)
			for _, s := range tt.notStdout {
				if strings.Contains(out, s) {
					t.Errorf("stdout has %q:\n%s", s, out)
				}
			}
			wantAll(t, "stderr", errOut, tt.stderr)
		})
	}
}

func TestCheckJSON(t *testing.T) {
	dir := t.TempDir()
	broken := writeExample(t, dir, "broken.nianbao.json", `"new": [0,0,0,0,0,0,0]`, `"new": [1,0,0,0,0,0,1]`)
	code, out, errOut := run(t, "check", "--json", broken)
	if code != 1 {
		t.Fatalf("exit status %d, want 1; stderr %s", code, errOut)
	}
	var findings []map[string]any
	if err := json.Unmarshal([]byte(out), &findings); err != nil {
		t.Fatalf("output is not a JSON array: %v\n%s", err, out)
	}
	keys := []string{"file", "rule", "severity", "part", "row", "column", "expected", "actual", "message"}
	var natural map[string]any
	for _, f := range findings {
		for _, k := range keys {
			if _, ok := f[k]; !ok {
				t.Errorf("finding lacks key %q: %v", k, f)
			}
		}
		if f["rule"] == "R1" && f["column"] == "自然人" {
			natural = f
		}
	}
	if natural == nil {
		t.Fatalf("no R1 finding in column 自然人: %s", out)
	}
	if natural["file"] != broken || natural["severity"] != "error" || natural["part"] != "三" {
		t.Errorf("R1 finding = %v", natural)
	}
	if natural["expected"] == natural["actual"] {
		t.Errorf("R1 finding has equal expected and actual: %v", natural)
	}

	// A clean file gives an empty array, not null.
	good := writeExample(t, dir, "good.nianbao.json")
	_, out, _ = run(t, "check", "--json", good)
	var none []map[string]any
	if err := json.Unmarshal([]byte(out), &none); err != nil || none == nil {
		t.Errorf("clean file: %q, %v", out, err)
	}
	for _, f := range none {
		if f["severity"] == "error" {
			t.Errorf("example has an error: %v", f)
		}
	}
}

// TestCheckBatchAcrossYears checks that a batch holding last year's report
// compares the carried-over applications against it (rule 6).
func TestCheckBatchAcrossYears(t *testing.T) {
	dir := t.TempDir()
	last := writeExample(t, dir, "2022.nianbao.json", `"year": 2023`, `"year": 2022`,
		`"carried_forward": [0,0,0,0,0,0,0]`, `"carried_forward": [0,0,0,0,0,0,0]`)
	this := writeExample(t, dir, "2023.nianbao.json")
	_, out, _ := run(t, "check", last, this)
	if strings.Contains(out, "R6") {
		t.Fatalf("equal carry-over flagged:\n%s", out)
	}
	last = writeExample(t, dir, "2022.nianbao.json", `"year": 2023`, `"year": 2022`,
		`"new": [0,0,0,0,0,0,0]`, `"new": [2,0,0,0,0,0,2]`,
		`"carried_forward": [0,0,0,0,0,0,0]`, `"carried_forward": [2,0,0,0,0,0,2]`)
	_, out, _ = run(t, "check", last, this)
	if !strings.Contains(out, "警告 R6") {
		t.Fatalf("carry-over of 2 against 0 not flagged:\n%s", out)
	}
}

func TestStoreCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	file := writeExample(t, dir, "example.nianbao.json")

	code, out, errOut := run(t, "import", "--db", db, file)
	if code != 0 || !strings.Contains(out, "已导入") {
		t.Fatalf("import: %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = run(t, "list", "--db", db)
	if code != 0 || !strings.Contains(out, "中卫市民政局") || !strings.Contains(out, "2023") {
		t.Fatalf("list: %d\n%s\n%s", code, out, errOut)
	}

	// Import again with a changed text: the old one becomes a version.
	changed := writeExample(t, dir, "changed.nianbao.json", "2023年，我局未收到任何形式", "2023年，本局未收到任何形式")
	code, out, _ = run(t, "import", "--db", db, changed)
	if code != 0 || !strings.Contains(out, "已替换") {
		t.Fatalf("re-import: %d\n%s", code, out)
	}

	exported := filepath.Join(dir, "out.nianbao.json")
	if code, out, errOut = run(t, "export", "--db", db, "--agency", "中卫市民政局", "--year", "2023", "-o", exported); code != 0 {
		t.Fatalf("export: %d\n%s\n%s", code, out, errOut)
	}
	got, err := os.ReadFile(exported)
	if err != nil || !strings.Contains(string(got), "本局未收到任何形式") {
		t.Fatalf("export wrote %q, %v", got, err)
	}

	code, out, errOut = run(t, "history", "--db", db, "--agency", "中卫市民政局", "--year", "2023")
	if code != 0 || !strings.Contains(out, "导入") {
		t.Fatalf("history: %d\n%s\n%s", code, out, errOut)
	}
	// The first data line's first field is the version number.
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2 {
		t.Fatalf("history has no version:\n%s", out)
	}
	id := strings.Fields(lines[1])[0]
	if code, out, errOut = run(t, "restore", "--db", db, "--version", id); code != 0 {
		t.Fatalf("restore: %d\n%s\n%s", code, out, errOut)
	}
	if code, _, _ = run(t, "export", "--db", db, "--agency", "中卫市民政局", "--year", "2023", "-o", exported); code != 0 {
		t.Fatal("export after restore failed")
	}
	got, _ = os.ReadFile(exported)
	if !strings.Contains(string(got), "我局未收到任何形式") {
		t.Errorf("restore did not bring back the first import")
	}

	// A report that is not there.
	code, _, errOut = run(t, "export", "--db", db, "--agency", "无此机关", "--year", "2023")
	if code != 2 || !strings.Contains(errOut, "没有 无此机关 2023 年的年报") {
		t.Errorf("missing report: %d %s", code, errOut)
	}
}

func TestCorruptDatabaseRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "notes.db")
	content := []byte("这不是数据库\n")
	if err := os.WriteFile(db, content, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, "list", "--db", db)
	if code != 2 || errOut == "" {
		t.Fatalf("list on a text file: %d %q", code, errOut)
	}
	got, _ := os.ReadFile(db)
	if !bytes.Equal(got, content) {
		t.Errorf("the text file was changed")
	}
}

func TestPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	file := writeExample(t, dir, "example.nianbao.json")
	code, out, errOut := run(t, "pdf", "--fonts", "bundled", file)
	if code != 0 {
		t.Fatalf("pdf: %d\n%s\n%s", code, out, errOut)
	}
	want := filepath.Join(dir, "中卫市民政局2023年政府信息公开工作年度报告.pdf")
	text, err := exec.Command("pdftotext", want, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v\nstdout: %s", want, err, out)
	}
	if !strings.Contains(string(text), "政府信息公开工作年度报告") {
		t.Errorf("PDF text lacks the title:\n%s", text)
	}

	// A report with errors still prints, and says so.
	broken := writeExample(t, dir, "broken.nianbao.json", `"new": [0,0,0,0,0,0,0]`, `"new": [1,0,0,0,0,0,1]`)
	outPDF := filepath.Join(dir, "broken.pdf")
	code, _, errOut = run(t, "pdf", "--fonts", "bundled", "-o", outPDF, broken)
	if code != 0 || !strings.Contains(errOut, "检查错误") {
		t.Errorf("pdf of a broken report: %d %s", code, errOut)
	}
	if _, err := os.Stat(outPDF); err != nil {
		t.Errorf("no PDF written: %v", err)
	}

	code, _, errOut = run(t, "pdf", "--fonts", "pretty", file)
	if code != 2 || !strings.Contains(errOut, "auto 或 bundled") {
		t.Errorf("bad --fonts: %d %s", code, errOut)
	}
}

func TestUsage(t *testing.T) {
	for _, c := range commands() {
		code, out, _ := run(t, c.name, "--help")
		if code != 0 || !strings.HasPrefix(out, "用法：nianbao "+c.name) {
			t.Errorf("%s --help: %d %q", c.name, code, out)
		}
	}
	code, out, _ := run(t, "help")
	if code != 0 || !strings.Contains(out, "check") {
		t.Errorf("help: %d %q", code, out)
	}
	code, _, errOut := run(t, "frobnicate")
	if code != 2 || !strings.Contains(errOut, "未知的命令：frobnicate") {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
	code, out, _ = run(t, "version")
	if code != 0 || !strings.HasPrefix(out, "年报 nianbao ") || strings.Contains(out, "unknown") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestWindowArguments(t *testing.T) {
	var got []string
	open := func(db string, files []string) error { got = append(got, db+"|"+strings.Join(files, ",")); return nil }
	var out, errOut bytes.Buffer
	if code := Run(nil, &out, &errOut, open); code != 0 {
		t.Fatalf("no arguments: %d %s", code, errOut.String())
	}
	if code := Run([]string{"--db", "/tmp/x.db"}, &out, &errOut, open); code != 0 {
		t.Fatalf("--db: %d %s", code, errOut.String())
	}
	// A report file opened with the program (double-click, 打开方式): the
	// window opens and imports it.
	file := writeExample(t, t.TempDir(), "示例.nianbao.json")
	if code := Run([]string{file}, &out, &errOut, open); code != 0 {
		t.Fatalf("a file: %d %s", code, errOut.String())
	}
	if code := Run([]string{"--db", "/tmp/x.db", file}, &out, &errOut, open); code != 0 {
		t.Fatalf("--db and a file: %d %s", code, errOut.String())
	}
	want := []string{"|", "/tmp/x.db|", "|" + file, "/tmp/x.db|" + file}
	if !slices.Equal(got, want) {
		t.Errorf("window opened with %q, want %q", got, want)
	}
	errOut.Reset()
	if code := Run([]string{"nosuchcommand"}, &out, &errOut, open); code != exitFailure || !strings.Contains(errOut.String(), "未知的命令") {
		t.Errorf("an unknown command: %d %s", code, errOut.String())
	}
	if code := Run([]string{"--db", "/tmp/x.db", "nosuch.json"}, &out, &errOut, open); code != exitFailure {
		t.Errorf("a file that is not there: %d", code)
	}
}

// TestCheckBatchPairsRenamedAgency pairs 洪泽区人民政府 2022 with 淮安市洪泽区人民政府
// 2023 and says so; rule 6 then compares them.
func TestCheckBatchPairsRenamedAgency(t *testing.T) {
	dir := t.TempDir()
	last := writeExample(t, dir, "2022.nianbao.json", `"year": 2023`, `"year": 2022`,
		`"agency": "中卫市民政局"`, `"agency": "洪泽区民政局"`,
		`"new": [0,0,0,0,0,0,0]`, `"new": [2,0,0,0,0,0,2]`,
		`"carried_forward": [0,0,0,0,0,0,0]`, `"carried_forward": [2,0,0,0,0,0,2]`)
	this := writeExample(t, dir, "2023.nianbao.json", `"agency": "中卫市民政局"`, `"agency": "淮安市洪泽区民政局"`)
	_, out, _ := run(t, "check", last, this)
	wantAll(t, "output", out, []string{"2023.nianbao.json：与上一年度报告", "只差地名前缀", "警告 R6"})
	_, out, errOut := run(t, "check", "--json", last, this)
	if !strings.Contains(errOut, "只差地名前缀") || !strings.Contains(out, `"rule": "R6"`) {
		t.Errorf("--json: note on stderr %q, findings %s", errOut, out)
	}
}
