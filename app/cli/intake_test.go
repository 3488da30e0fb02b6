package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data/figure"
	"nianbao/data/report"
	"nianbao/data/store/sqlite"
)

// The originals the readers are tested on, and the reports typed in from them.
const (
	hongzequPDF  = "../../data/intake/pdf/testdata/hongzequ-2024.pdf"
	hongzequJSON = "../../data/intake/pdf/testdata/hongzequ-2024.nianbao.json"
	haitanHTML   = "../../data/intake/web/testdata/pingtan-haitan-2023.html"
	haitanJSON   = "../../data/intake/web/testdata/pingtan-haitan-2023.nianbao.json"
	blankDocx    = "../../data/intake/docx/testdata/template-2021-format-blank.docx"
	encryptedPDF = "../../data/intake/pdf/testdata/encrypted-user-password.pdf"
)

// copyFile copies src into dir as name and returns its path.
func copyFile(t *testing.T, src, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// doubtfulPage is the 海坛 page with one cell of part 三's table printed as
// “不详”: read, it leaves that cell (本年新收 自然人) for a person.
func doubtfulPage(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(haitanHTML)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	at := strings.Index(s, "自然人")
	cell := strings.Index(s[at:], `>0</p></td>`)
	if at < 0 || cell < 0 {
		t.Fatal("the page has changed: no cell 0 after 自然人")
	}
	s = s[:at+cell] + `>不详</p></td>` + s[at+cell+len(`>0</p></td>`):]
	p := filepath.Join(dir, "haitan-doubtful.html")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func sameReport(t *testing.T, got, want string) {
	t.Helper()
	g, err := report.ReadFile(got)
	if err != nil {
		t.Fatal(err)
	}
	w, err := report.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	gj, _ := report.Marshal(g)
	wj, _ := report.Marshal(w)
	if string(gj) != string(wj) {
		t.Errorf("%s differs from %s", got, want)
	}
}

func TestConvert(t *testing.T) {
	dir := t.TempDir()
	pdfFile := copyFile(t, hongzequPDF, dir, "洪泽区 2024.pdf")
	page := copyFile(t, haitanHTML, dir, "haitan.htm")
	doubtful := doubtfulPage(t, dir)
	blank := copyFile(t, blankDocx, dir, "blank.docx")
	secret := copyFile(t, encryptedPDF, dir, "secret.pdf")
	doc := filepath.Join(dir, "old.doc")
	os.WriteFile(doc, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 an old Word file"), 0o644)
	junk := filepath.Join(dir, "notes.txt")
	os.WriteFile(junk, []byte("会议纪要"), 0o644)

	cases := []struct {
		name       string
		args       []string
		noOffice   bool
		code       int
		out        string // the file written, compared with want
		want       string
		stdout     []string
		stderr     []string
		notWritten string
	}{
		{"pdf beside the input", []string{pdfFile}, false, 0, filepath.Join(dir, "洪泽区 2024.nianbao.json"), hongzequJSON,
			[]string{"完整读出", "淮安市洪泽区人民政府 2024 年", "按 0 读取", "（第4页）"}, nil, ""},
		{"web page to -o", []string{"-o", filepath.Join(dir, "h.nianbao.json"), page}, false, 0, filepath.Join(dir, "h.nianbao.json"), haitanJSON,
			[]string{"完整读出", "报告未印“规章”一行，按 0 计"}, nil, ""},
		{"a cell not a number", []string{doubtful}, false, 1, filepath.Join(dir, "haitan-doubtful.nianbao.json"), "",
			[]string{"有 1 处需要人工核对", "一、本年新收政府信息公开申请数量“自然人”", "请对照原件改正"}, nil, ""},
		{"blank template: no title", []string{blank}, false, 2, "", "",
			nil, []string{"未找到报告标题", "无法写成年报文件：机关名称：机关名称不能为空"}, filepath.Join(dir, "blank.nianbao.json")},
		{"encrypted", []string{secret}, false, 2, "", "", nil, []string{"已加密"}, filepath.Join(dir, "secret.nianbao.json")},
		{"doc without LibreOffice", []string{doc}, true, 2, "", "", nil, []string{"没有找到 LibreOffice", "“另存为” .docx"}, filepath.Join(dir, "old.nianbao.json")},
		{"not a report", []string{junk}, false, 2, "", "", nil, []string{"不是可读取的年报文件"}, ""},
		{"over the input", []string{"-o", pdfFile, pdfFile}, false, 2, "", "", nil, []string{"输入文件"}, ""},
		{"no file", nil, false, 2, "", "", nil, []string{"用法"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.noOffice {
				t.Setenv("PATH", t.TempDir())
			}
			code, stdout, stderr := run(t, append([]string{"convert"}, c.args...)...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\n%s\n%s", code, c.code, stdout, stderr)
			}
			wantAll(t, "stdout", stdout, c.stdout)
			wantAll(t, "stderr", stderr, c.stderr)
			if c.out != "" {
				if _, err := report.ReadFile(c.out); err != nil {
					t.Error(err)
				}
			}
			if c.want != "" {
				sameReport(t, c.out, c.want)
			}
			if c.notWritten != "" {
				if _, err := os.Stat(c.notWritten); err == nil {
					t.Errorf("%s written", c.notWritten)
				}
			}
		})
	}
}

// convert -o - writes the report file alone to standard output; every other
// word goes to standard error.
func TestConvertStdout(t *testing.T) {
	code, stdout, stderr := run(t, "convert", "-o", "-", doubtfulPage(t, t.TempDir()))
	if code != 1 || !strings.HasPrefix(stdout, "{") || !strings.Contains(stderr, "需要人工核对") || !strings.Contains(stderr, "已写出：标准输出") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if _, err := report.Parse([]byte(stdout)); err != nil {
		t.Error(err)
	}
}

// check, pdf, docx and html take the files as received; a file with doubts
// is checked with its doubts listed (exit 1), and printed only when told to.
func TestReceivedFiles(t *testing.T) {
	dir := t.TempDir()
	pdfFile := copyFile(t, hongzequPDF, dir, "hongzequ.pdf")
	page := copyFile(t, haitanHTML, dir, "haitan.html")
	doubtful := doubtfulPage(t, dir)
	jsonCode, _, _ := run(t, "check", hongzequJSON)
	cases := []struct {
		name    string
		args    []string
		code    int
		stdout  []string
		stderr  []string
		written string
	}{
		{"check a pdf as its typed-in file", []string{"check", pdfFile}, jsonCode, []string{"淮安市洪泽区人民政府"}, nil, ""},
		{"check a page", []string{"check", page}, 0, []string{"平潭"}, nil, ""},
		{"check a doubtful page", []string{"check", doubtful}, 1, nil, []string{"需要人工核对", "本年新收政府信息公开申请数量“自然人”"}, ""},
		{"pdf of a page", []string{"pdf", "-o", filepath.Join(dir, "a.pdf"), page}, 0, []string{"已生成"}, nil, "a.pdf"},
		{"docx of a pdf", []string{"docx", "-o", filepath.Join(dir, "b.docx"), pdfFile}, 0, nil, nil, "b.docx"},
		{"html of a pdf", []string{"html", "-o", filepath.Join(dir, "web"), pdfFile}, 0, nil, nil, "web/index.html"},
		{"pdf of a doubtful page refused", []string{"pdf", "-o", filepath.Join(dir, "c.pdf"), doubtful}, 1, nil, []string{"本年新收政府信息公开申请数量“自然人”", "没有生成", "--accept-doubtful"}, ""},
		{"docx of a doubtful page refused", []string{"docx", "-o", filepath.Join(dir, "d.docx"), doubtful}, 1, nil, []string{"没有生成"}, ""},
		{"html of a doubtful page refused", []string{"html", "-o", filepath.Join(dir, "w2"), doubtful}, 1, nil, []string{"没有生成"}, ""},
		{"pdf of a doubtful page accepted", []string{"pdf", "--accept-doubtful", "-o", filepath.Join(dir, "e.pdf"), doubtful}, 0, []string{"已生成"}, []string{"本年新收政府信息公开申请数量“自然人”"}, "e.pdf"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := run(t, c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\n%s\n%s", code, c.code, stdout, stderr)
			}
			wantAll(t, "stdout", stdout, c.stdout)
			wantAll(t, "stderr", stderr, c.stderr)
			if c.written != "" {
				if info, err := os.Stat(filepath.Join(dir, c.written)); err != nil || info.Size() == 0 {
					t.Errorf("%s: %v", c.written, err)
				}
			}
		})
	}
	for _, name := range []string{"c.pdf", "d.docx", "w2"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s written for a doubtful file", name)
		}
	}
}

// import takes nothing from a file with doubts unless told to; then the
// doubtful cell is kept as the editor keeps a text that is not a figure.
func TestImportDoubtful(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "nianbao.db")
	doubtful := doubtfulPage(t, dir)
	pdfFile := copyFile(t, hongzequPDF, dir, "hongzequ.pdf")

	code, stdout, stderr := run(t, "import", "--db", db, doubtful, pdfFile)
	if code != 1 || !strings.Contains(stderr, "没有导入") || !strings.Contains(stderr, "本年新收政府信息公开申请数量“自然人”") || !strings.Contains(stdout, "淮安市洪泽区人民政府") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, stdout, stderr = run(t, "import", "--db", db, "--all-or-none", doubtful, pdfFile); code != 2 || !strings.Contains(stderr, "一个也没有导入") {
		t.Fatalf("--all-or-none: exit %d\n%s\n%s", code, stdout, stderr)
	}
	s, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, r, err := s.Find("平潭综合实验区海坛片区管理局", 2023); err == nil || r != nil {
		t.Errorf("the doubtful page was imported: %v", err)
	}
	s.Close()

	for _, args := range [][]string{{doubtful}, {"--all-or-none", doubtful, pdfFile}} {
		code, stdout, stderr = run(t, append([]string{"import", "--db", db, "--accept-doubtful"}, args...)...)
		if code != 0 || !strings.Contains(stderr, "在编辑窗口中标红") {
			t.Fatalf("--accept-doubtful %v: exit %d\n%s\n%s", args, code, stdout, stderr)
		}
	}
	s, err = sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want, _ := report.ReadFile(haitanJSON)
	id, r, err := s.Find(want.Agency, 2023)
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Invalid) != 1 {
		t.Fatalf("invalid cells %v, want one", l.Invalid)
	}
	for key, text := range l.Invalid {
		if key != "三|new|自然人" || !strings.HasPrefix(text, "待核对") {
			t.Errorf("invalid cell %s = %q", key, text)
		}
		if _, err := figure.ParseCountOf(text, r); err == nil {
			t.Errorf("%q reads as a figure: the cell would not be red", text)
		}
	}
}

// combine reads a folder of mixed files: the typed-in report, a PDF and a
// page; a page with doubts is not counted unless told to.
func TestCombineMixedFolder(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "收到")
	os.Mkdir(in, 0o755)
	copyFile(t, hongzequPDF, in, "洪泽区.pdf")
	copyFile(t, haitanHTML, in, "海坛.html")
	doubtfulPage(t, in)
	unitFile(t, in, "财政局.nianbao.json", "某县财政局", 2024, 3, "0", 3)

	code, stdout, stderr := run(t, "combine", "--agency", "某县人民政府", "--year", "2023", in)
	if !strings.Contains(stdout, "haitan-doubtful.html：有 1 处需要人工核对，未采用") || !strings.Contains(stdout, "平潭综合实验区海坛片区管理局") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = run(t, "combine", "--agency", "某县人民政府", "--year", "2023", "--accept-doubtful", in)
	if strings.Contains(stdout, "未采用") || !strings.Contains(stderr, "本年新收政府信息公开申请数量“自然人”") {
		t.Fatalf("--accept-doubtful: exit %d\n%s\n%s", code, stdout, stderr)
	}
}
