package cli

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/data/report"
	"nianbao/data/store/sqlite"
)

// registerCSV is a register as an office keeps it: a title row, dates in
// three spellings, rows the program must not guess.
const registerCSV = "中卫市民政局2025年政府信息公开申请台账,,,,,,,,\n" +
	"序号,受理日期,申请人姓名,联系电话,身份证号,申请人类型,申请方式,办理结果,办结日期\n" +
	"2025-01,2025.3.6,欧阳明月,13912345678,110101199001011234,公民,网上申请,予以公开,2025-03-20\n" +
	"2025-02,2025年12月25日,司马青云,13800001111,,自然人,当面,,\n" +
	"2025-03,2025-06-01,某某科技有限公司,0951-1234567,,企业,信函,（四）无法提供 1.本机关不掌握相关政府信息,2025年6月15日\n" +
	"2025-04,2025-11-03,上官飞燕,13700002222,,自然人,当面,,\n" +
	"2025-05,2025-06-05,诸葛长风,13600003333,,法人,当面,予以公开,2025-06-20\n" +
	"2025-06,2025-06-06,慕容秋水,13500004444,,自然人,当面,申请内容不明确,2025-06-21\n"

var personal = []string{"欧阳明月", "司马青云", "某某科技有限公司", "上官飞燕", "13912345678", "110101199001011234", "0951-1234567"}

func writeRegister(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "台账.csv")
	if err := os.WriteFile(path, []byte(registerCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRegisterImportListDueFill(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	file := writeRegister(t, dir)
	code, out, errOut := run(t, "register", "import", "--db", db, "--agency", "中卫市民政局", file)
	if code != 1 {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errOut)
	}
	wantAll(t, "import stdout", out, []string{"表头在第 2 行", "B 列“受理日期” → 收到申请日期", "新增 4 件"})
	wantAll(t, "import stderr", errOut, []string{"以下 2 行没有导入", "第 7 行：申请人类型“法人”", "第 8 行：办理结果“申请内容不明确”"})

	code, out, _ = run(t, "register", "list", "--db", db, "--agency", "中卫市民政局", "--today", "2025-12-29")
	if code != 0 || !strings.Contains(out, "2025-02\t2025-12-25\t自然人\t办理中\t2026-01-23") || !strings.Contains(out, "共 4 件") {
		t.Errorf("list: %d\n%s", code, out)
	}
	if strings.Contains(out, "欧阳明月") {
		t.Error("list shows names without --names")
	}
	if _, out, _ = run(t, "register", "list", "--db", db, "--agency", "中卫市民政局", "--names", "--state", "已答复"); !strings.Contains(out, "欧阳明月") || !strings.Contains(out, "共 2 件") {
		t.Errorf("list --names --state 已答复:\n%s", out)
	}

	// 2025-04 (received 2025-11-03) was due 2025-12-01: overdue by 20 working
	// days on 12-29; 2025-02 is due 2026-01-23, not within 3 working days.
	code, out, _ = run(t, "register", "due", "--db", db, "--agency", "中卫市民政局", "--today", "2025-12-29")
	if code != 1 || !strings.Contains(out, "2025-04\t2025-11-03\t答复期限 2025-12-01\t已超期 20 个工作日") || strings.Contains(out, "2025-02\t") ||
		!strings.Contains(out, "0 件申请 3 个工作日内到期，1 件已超期") {
		t.Errorf("due: %d\n%s", code, out)
	}
	if code, out, _ = run(t, "register", "due", "--db", db, "--agency", "中卫市民政局", "--today", "2026-01-20"); code != 1 || !strings.Contains(out, "1 件申请 3 个工作日内到期") {
		t.Errorf("due in January: %d\n%s", code, out)
	}

	// The example report (0 applications) is filled from the register.
	if code, _, errOut := run(t, "import", "--db", db, writeExample(t, dir, "example.nianbao.json", `"year": 2023`, `"year": 2025`)); code != 0 {
		t.Fatalf("import report: %s", errOut)
	}
	code, out, errOut = run(t, "register", "fill", "--db", db, "--agency", "中卫市民政局", "--year", "2025")
	if code != 0 {
		t.Fatalf("fill: %d\n%s\n%s", code, out, errOut)
	}
	wantAll(t, "fill", out, []string{"本年新收 4 件", "三、一、本年新收政府信息公开申请数量“自然人”列：0 → 3",
		"三、（四）无法提供1.本机关不掌握相关政府信息“商业企业”列：0 → 1", "三、四、结转下年度继续办理“总计”列：0 → 2", "原内容已保存为历史版本"})
	s, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	_, r, err := s.Find("中卫市民政局", 2025)
	versions, _ := s.Versions("中卫市民政局", 2025)
	s.Close()
	if err != nil || r.Applications[report.RowNew][report.ColTotal] != 4 || r.Applications[report.RowCarriedForward][report.ColTotal] != 2 || len(versions) != 1 {
		t.Errorf("stored report: %v, %v, %d versions", r.Applications, err, len(versions))
	}

	checkLockedFill(t, db, file)
}

// checkLockedFill: a published (locked) year is shown its differences, not
// written, unless --force.
func checkLockedFill(t *testing.T, db, file string) {
	t.Helper()
	if code, _, _ := run(t, "register", "lock", "--db", db, "--agency", "中卫市民政局", "--year", "2025"); code != 0 {
		t.Fatal("lock failed")
	}
	changed := strings.Replace(registerCSV, "2025-02,2025年12月25日,司马青云,13800001111,,自然人,当面,,", "2025-02,2025年12月25日,司马青云,13800001111,,自然人,当面,予以公开,2025-12-29", 1)
	if err := os.WriteFile(file, []byte(changed), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, "register", "import", "--db", db, "--agency", "中卫市民政局", file); !strings.Contains(errOut, "该年度的年报已发布（锁定），没有导入") {
		t.Errorf("import into a locked year: %d %s", code, errOut)
	}
	run(t, "register", "import", "--db", db, "--agency", "中卫市民政局", "--force", file)
	code, out, errOut := run(t, "register", "fill", "--db", db, "--agency", "中卫市民政局", "--year", "2025")
	if code != 1 || !strings.Contains(out, "三、（一）予以公开“自然人”列：1 → 2") || !strings.Contains(errOut, "已发布（锁定），没有改动") ||
		!strings.Contains(out, "三、（一）予以公开“自然人”列：年报填 1，台账为 2，台账计入的申请：[2025-01 2025-02]") {
		t.Errorf("fill of a locked year: %d\n%s\n%s", code, out, errOut)
	}
	if code, _, _ = run(t, "register", "fill", "--db", db, "--agency", "中卫市民政局", "--year", "2025", "--force"); code != 0 {
		t.Errorf("fill --force: %d", code)
	}
	if _, out, _ = run(t, "register", "fill", "--db", db, "--agency", "中卫市民政局", "--year", "2025", "--dry-run"); !strings.Contains(out, "没有需要改动的格子") {
		t.Errorf("after --force:\n%s", out)
	}
}

func TestRegisterUsageAndRefusals(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"register"}, 2, "子命令"},
		{[]string{"register", "frobnicate"}, 2, "未知的台账子命令"},
		{[]string{"register", "due", "--db", db}, 2, "--agency"},
		{[]string{"register", "fill", "--db", db, "--agency", "某局"}, 2, "--year"},
		{[]string{"register", "list", "--db", db, "--agency", "某局", "--state", "飞了"}, 2, "不是台账的状态"},
		{[]string{"register", "import", "--db", db, "--agency", "某局", "--map", "甲=乙", "x.csv"}, 2, "没有“乙”这个字段"},
		{[]string{"register", "import", "--db", db, "--agency", "某局", filepath.Join(dir, "none.csv")}, 2, "none.csv"},
		{[]string{"register", "due", "--db", db, "--agency", "某局", "--today", "2025/3/5"}, 2, "2025-03-05"},
	} {
		code, out, errOut := run(t, tc.args...)
		if code != tc.code || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s%s", tc.args, code, tc.code, tc.want, out, errOut)
		}
	}
	if code, out, _ := run(t, "register", "fill", "--help"); code != 0 || !strings.Contains(out, "计数规则") || !strings.Contains(out, "二、上年结转") {
		t.Errorf("fill --help: %d\n%s", code, out)
	}
}

// The published outputs of a report filled from a register hold none of the
// applicants' names, contacts or ID numbers; only the register export does.
func TestRegisterNamesNeverPublished(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	run(t, "register", "import", "--db", db, "--agency", "中卫市民政局", writeRegister(t, dir))
	if code, _, errOut := run(t, "import", "--db", db, writeExample(t, dir, "example.nianbao.json", `"year": 2023`, `"year": 2025`)); code != 0 {
		t.Fatal(errOut)
	}
	if code, out, errOut := run(t, "register", "fill", "--db", db, "--agency", "中卫市民政局", "--year", "2025"); code != 0 {
		t.Fatalf("fill: %s %s", out, errOut)
	}
	from := []string{"--db", db, "--agency", "中卫市民政局", "--year", "2025"}
	outputs := map[string][]string{
		"report.nianbao.json": append([]string{"export", "-o", filepath.Join(dir, "report.nianbao.json")}, from...),
		"report.pdf":          append([]string{"pdf", "--fonts", "bundled", "--charts", "-o", filepath.Join(dir, "report.pdf")}, from...),
		"report.docx":         append([]string{"docx", "-o", filepath.Join(dir, "report.docx")}, from...),
		"web":                 append([]string{"html", "-o", filepath.Join(dir, "web")}, from...),
	}
	for name, args := range outputs {
		if code, out, errOut := run(t, args...); code != 0 {
			t.Fatalf("%s: %d\n%s\n%s", name, code, out, errOut)
		}
	}
	sum := filepath.Join(dir, "sum.nianbao.json")
	xlsx := filepath.Join(dir, "sum.xlsx")
	if code, out, errOut := run(t, "combine", "--agency", "中卫市人民政府", "--year", "2025", "-o", sum, "--xlsx", xlsx, filepath.Join(dir, "report.nianbao.json")); code > 1 {
		t.Fatalf("combine: %d\n%s\n%s", code, out, errOut)
	}
	texts := map[string]string{
		"年报文件":  readText(t, filepath.Join(dir, "report.nianbao.json")),
		"Word":  zipText(t, filepath.Join(dir, "report.docx")),
		"汇总年报":  readText(t, sum),
		"汇总表格":  zipText(t, xlsx),
		"网页文件夹": folderText(t, filepath.Join(dir, "web")),
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", filepath.Join(dir, "report.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		texts["PDF"] = string(text)
	} else {
		t.Log("pdftotext (poppler-utils) is not installed: the PDF's text is not searched")
	}
	for what, text := range texts {
		if !strings.Contains(text, "4") {
			t.Errorf("%s: nothing read (%d bytes)", what, len(text))
		}
		for _, p := range personal {
			if strings.Contains(text, p) {
				t.Errorf("%s contains the personal information %q", what, p)
			}
		}
	}
	// The one output that holds them says so.
	regx := filepath.Join(dir, "台账.xlsx")
	code, _, errOut := run(t, "register", "export", "--db", db, "--agency", "中卫市民政局", "-o", regx)
	if code != 0 || !strings.Contains(errOut, "含申请人姓名、联系方式、证件号码等个人信息") {
		t.Fatalf("register export: %d %s", code, errOut)
	}
	f, err := excelize.OpenFile(regx)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("台账")
	f.Close()
	if len(rows) != 6 || !strings.Contains(rows[0][0], "个人信息") || !strings.Contains(strings.Join(rows[2], " "), "欧阳明月") {
		t.Errorf("register export rows: %v", rows)
	}
	// Erased: the counts stay, the names go.
	if code, out, _ := run(t, "register", "erase", "--db", db, "--agency", "中卫市民政局", "--year", "2025"); code != 0 || !strings.Contains(out, "4 件") {
		t.Errorf("erase: %d %s", code, out)
	}
	if _, out, _ := run(t, "register", "fill", "--db", db, "--agency", "中卫市民政局", "--year", "2025", "--dry-run"); !strings.Contains(out, "没有需要改动的格子") {
		t.Errorf("fill after erase:\n%s", out)
	}
	if _, out, _ := run(t, "register", "list", "--db", db, "--agency", "中卫市民政局", "--names"); strings.Contains(out, "欧阳明月") {
		t.Errorf("erased names listed:\n%s", out)
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// zipText joins every part of a .docx or .xlsx.
func zipText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var b strings.Builder
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(r)
		r.Close()
		b.Write(data)
	}
	return b.String()
}

func folderText(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b.WriteString(readText(t, p))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
