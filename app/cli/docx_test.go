package cli

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// docxParts lists the parts of a .docx and returns document.xml.
func docxParts(t *testing.T, b []byte) (names []string, document string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a .docx: %v", err)
	}
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			var buf bytes.Buffer
			buf.ReadFrom(rc)
			rc.Close()
			document = buf.String()
		}
	}
	return names, document
}

func countPrefix(names []string, prefix string) int {
	n := 0
	for _, s := range names {
		if strings.HasPrefix(s, prefix) {
			n++
		}
	}
	return n
}

// runWriting runs a command that writes file ("" for none), ending the test
// unless it exits with code and says stdout and stderr (substrings); it
// returns what was written, nil for none.
func runWriting(t *testing.T, args []string, code int, stdout, stderr, file string) []byte {
	t.Helper()
	got, out, errOut := run(t, args...)
	if got != code || !strings.Contains(out, stdout) || !strings.Contains(errOut, stderr) {
		t.Fatalf("exit %d, stdout %q, stderr %q", got, out, errOut)
	}
	if file == "" {
		return nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDocx(t *testing.T) {
	dir := t.TempDir()
	in := writeExample(t, dir, "in.nianbao.json")
	before, _ := os.ReadFile(in)
	const name = "中卫市民政局2023年政府信息公开工作年度报告.docx"

	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		file   string // the file written, "" for none
		charts int
		stdout string
		stderr string
	}{
		{"default name beside the input", []string{"docx", in}, 0, filepath.Join(dir, name), 0, "已生成：" + filepath.Join(dir, name), ""},
		{"-o", []string{"docx", "-o", filepath.Join(dir, "a.docx"), in}, 0, filepath.Join(dir, "a.docx"), 0, "字体 正文：", ""},
		{"onto its input", []string{"docx", "-o", in, in}, 2, "", 0, "", "本次读取的输入文件"},
		{"bad --fonts", []string{"docx", "--fonts", "x", in}, 2, "", 0, "", "auto 或 bundled"},
		{"file and --agency", []string{"docx", "--agency", "某局", "--year", "2023", in}, 2, "", 0, "", "不能同时使用"},
		{"no file", []string{"docx"}, 2, "", 0, "", "请给出一个年报文件"},
		{"missing file", []string{"docx", filepath.Join(dir, "none.json")}, 2, "", 0, "", "none.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := runWriting(t, tc.args, tc.code, tc.stdout, tc.stderr, tc.file)
			if b == nil {
				return
			}
			names, doc := docxParts(t, b)
			if !strings.Contains(doc, "中卫市民政局") {
				t.Error("document without the agency")
			}
			if n := countPrefix(names, "word/media/"); n != tc.charts {
				t.Errorf("%d charts, want %d", n, tc.charts)
			}
		})
	}
	if after, _ := os.ReadFile(in); !bytes.Equal(before, after) {
		t.Error("the input changed")
	}
}

func TestDocxToStdout(t *testing.T) {
	in := writeExample(t, t.TempDir(), "in.nianbao.json")
	code, out, errOut := run(t, "docx", "-o", "-", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	docxParts(t, []byte(out))
	if !strings.Contains(errOut, "已生成：-") {
		t.Errorf("stderr %q", errOut)
	}
}

// TestChartsFromDatabase stores two years of an agency: the Word file and the
// PDF of the later one carry the trend over both.
func TestChartsFromDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	y2023 := writeExample(t, dir, "2023.nianbao.json")
	y2022 := writeExample(t, dir, "2022.nianbao.json", `"year": 2023`, `"year": 2022`)
	if code, _, errOut := run(t, "import", "--db", db, y2023, y2022); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	out := filepath.Join(dir, "r.docx")
	code, _, errOut := run(t, "docx", "--db", db, "--agency", "中卫市民政局", "--year", "2023", "--charts", "-o", out)
	if code != 0 {
		t.Fatalf("docx: %s", errOut)
	}
	b, _ := os.ReadFile(out)
	names, doc := docxParts(t, b)
	if n := countPrefix(names, "word/media/"); n != 7 {
		t.Errorf("%d charts, want 5 and 2 of the trend", n)
	}
	if !strings.Contains(doc, "2022—2023年新收政府信息公开申请数量") {
		t.Error("no trend chart")
	}
	if code, _, errOut := run(t, "docx", "--db", db, "--agency", "中卫市民政局", "--year", "2023", "-o", db); code != 2 || !strings.Contains(errOut, "数据库") {
		t.Errorf("writing onto the database: exit %d, %s", code, errOut)
	}

	pdf := filepath.Join(dir, "r.pdf")
	if code, _, errOut := run(t, "pdf", "--fonts", "bundled", "--db", db, "--agency", "中卫市民政局", "--year", "2023", "--charts", "-o", pdf); code != 0 {
		t.Fatalf("pdf: %s", errOut)
	}
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Fatal("pdfimages (poppler-utils) is needed")
	}
	list, err := exec.Command("pdfimages", "-list", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(regexp.MustCompile(`(?m)^\s*\d+\s+\d+\s+image\s`).FindAll(list, -1)); n != 7 {
		t.Errorf("PDF holds %d images, want 7:\n%s", n, list)
	}
}
