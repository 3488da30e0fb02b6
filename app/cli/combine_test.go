package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/sqlite"
)

// unitFile writes a unit's report with n applications, all granted, and the
// fee, to dir; its modification time is day of January 2025.
func unitFile(t *testing.T, dir, file, agency string, year, n int, fee string, day int) string {
	t.Helper()
	r := report.New(agency, year)
	r.Overview = []report.Section{{Body: "总体情况。"}}
	r.Problems = []report.Section{{Body: "问题。"}}
	r.OtherMatters = []report.Section{{Body: "本年度未收取信息处理费。"}}
	r.Proactive.Fees = fee
	r.Applications[report.RowNew][report.ColNaturalPerson] = n
	r.Applications[report.RowGranted][report.ColNaturalPerson] = n
	r.FillTotals()
	path := filepath.Join(dir, file)
	if err := report.WriteFile(path, r); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2025, time.January, day, 9, 0, 0, 0, time.Local)
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeText(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCombineFiles(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "收到")
	os.Mkdir(in, 0o755)
	unitFile(t, in, "财政局.nianbao.json", "某县财政局", 2024, 3, "0.1", 3)
	unitFile(t, in, "教育局.nianbao.json", "某县教育局", 2024, 4, "0.2", 4)
	roster := writeText(t, filepath.Join(dir, "名单.txt"), "某县财政局\n某县教育局\n")
	out := filepath.Join(dir, "合计.nianbao.json")
	xlsx := filepath.Join(dir, "汇总.xlsx")

	code, stdout, stderr := run(t, "combine", "--agency", "某县人民政府", "--year", "2024", "--roster", roster, "-o", out, "--xlsx", xlsx, in)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	wantAll(t, "stdout", stdout, []string{"通过\t某县财政局（部门）\t0 个错误，0 个警告", "共 2 个单位，计入合计 2 个，通过 2"})
	sum, err := report.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Agency != "某县人民政府" || sum.Year != 2024 || sum.Proactive.Fees != "0.3" ||
		sum.Applications[report.RowNew][report.ColTotal] != 7 || len(sum.Overview) != 0 {
		t.Errorf("-o wrote %+v", sum)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("各单位数据")
	f.Close()
	if len(rows) != 6 || rows[3][0] != "某县财政局" || rows[4][0] != "某县教育局" || rows[5][0] != "合计" {
		t.Errorf("xlsx unit rows: %v", rows)
	}

	// JSON.
	code, stdout, _ = run(t, "combine", "--agency", "某县人民政府", "--year", "2024", "--json", in)
	var res jsonResult
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || code != 0 || len(res.Units) != 2 || res.Units[0].Key["本年新收"] != 4 {
		t.Errorf("--json: %d %v %+v", code, err, res)
	}

	// A missing rostered unit: 1. A unit with errors: 1, and it is counted.
	roster3 := writeText(t, filepath.Join(dir, "名单3.txt"), "某县财政局\n某县教育局\n城关镇\n")
	code, stdout, _ = run(t, "combine", "--agency", "某县人民政府", "--year", "2024", "--roster", roster3, in)
	if code != 1 || !strings.Contains(stdout, "城关镇（乡镇/街道）") {
		t.Errorf("missing unit: exit %d\n%s", code, stdout)
	}
	bad := writeExample(t, dir, "bad.nianbao.json", `"new": [0,0,0,0,0,0,0]`, `"new": [1,0,0,0,0,0,1]`)
	code, stdout, _ = run(t, "combine", "--agency", "某县人民政府", "--year", "2023", bad)
	if code != 1 || !strings.Contains(stdout, "有错误\t中卫市民政局（部门）\t2 个错误") {
		t.Errorf("unit with errors: exit %d\n%s", code, stdout)
	}
	code, _, _ = run(t, "combine", "--agency", "某县人民政府", "--year", "2023", "--exclude", "中卫市民政局", bad)
	if code != 0 {
		t.Errorf("unit with errors left out: exit %d", code)
	}
}

func TestCombineRefusals(t *testing.T) {
	dir := t.TempDir()
	a := unitFile(t, dir, "a.nianbao.json", "某县财政局", 2024, 3, "0", 3)
	aNew := unitFile(t, dir, "a-改.nianbao.json", "某县财政局", 2024, 5, "0", 9)
	old := unitFile(t, dir, "b2023.nianbao.json", "某县教育局", 2023, 1, "0", 2)
	junk := writeText(t, filepath.Join(dir, "junk.json"), "{")
	for _, tc := range []struct {
		name   string
		args   []string
		stdout []string
		stderr []string
	}{
		{"a unit twice", []string{a, aNew}, []string{"“某县财政局”收到两份报告：" + aNew + "（2025-01-09 09:00，较新，采用）和 " + a}, nil},
		{"another year", []string{a, old}, []string{old + " 是“某县教育局”2023 年的报告，不是 2024 年的"}, nil},
		{"unreadable", []string{a, junk}, []string{junk}, nil},
		{"output onto an input", []string{"-o", a, a}, nil, []string{"输入文件"}},
		{"no such file", []string{filepath.Join(dir, "没有.json")}, nil, []string{"没有.json"}},
	} {
		args := append([]string{"combine", "--agency", "某县人民政府", "--year", "2024"}, tc.args...)
		code, stdout, stderr := run(t, args...)
		if code != 2 {
			t.Errorf("%s: exit %d, want 2\n%s\n%s", tc.name, code, stdout, stderr)
		}
		for _, w := range tc.stdout {
			if !strings.Contains(stdout, w) {
				t.Errorf("%s: stdout lacks %q:\n%s", tc.name, w, stdout)
			}
		}
		for _, w := range tc.stderr {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", tc.name, w, stderr)
			}
		}
	}
	if code, _, stderr := run(t, "combine", a); code != 2 || !strings.Contains(stderr, "--agency") {
		t.Errorf("no agency: %d %s", code, stderr)
	}
}

// importInto imports files into the database db, ending the test when it cannot.
func importInto(t *testing.T, db string, files ...string) {
	t.Helper()
	if code, _, stderr := run(t, append([]string{"import", "--db", db}, files...)...); code != 0 {
		t.Fatal(stderr)
	}
}

// TestCombineDatabaseCountyIntoCity combines a county in the database and saves
// the sum as its report, then the city, whose roster names the county and, by
// mistake, one of the county's departments: that one is not counted twice.
func TestCombineDatabaseCountyIntoCity(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "nianbao.db")
	files := []string{
		unitFile(t, dir, "1.json", "甲县财政局", 2024, 3, "0.1", 3),
		unitFile(t, dir, "2.json", "甲县教育局", 2024, 4, "0.2", 3),
		unitFile(t, dir, "3.json", "某市公安局", 2024, 10, "5", 3),
	}
	importInto(t, db, files...)
	county := writeText(t, filepath.Join(dir, "县名单.txt"), "甲县财政局\n甲县教育局\n")
	code, stdout, stderr := run(t, "combine", "--db", db, "--agency", "甲县人民政府", "--year", "2024", "--roster", county, "--save")
	if code != 0 || !strings.Contains(stderr, "新建一份") {
		t.Fatalf("county: exit %d\n%s\n%s", code, stdout, stderr)
	}
	// Combining again shows what changes cell by cell: nothing now.
	code, _, stderr = run(t, "combine", "--db", db, "--agency", "甲县人民政府", "--year", "2024", "--save")
	if code != 0 || !strings.Contains(stderr, "共 0 处变化") {
		t.Errorf("county again: exit %d\n%s", code, stderr)
	}

	city := writeText(t, filepath.Join(dir, "市名单.txt"), "甲县人民政府\t下级政府\n甲县财政局\n某市公安局\n")
	out := filepath.Join(dir, "市合计.nianbao.json")
	code, stdout, stderr = run(t, "combine", "--db", db, "--agency", "某市人民政府", "--year", "2024", "--roster", city, "-o", out)
	if code != 0 {
		t.Fatalf("city: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "“甲县财政局”已计入“甲县人民政府”的汇总，不再重复计入合计") {
		t.Errorf("stdout:\n%s", stdout)
	}
	sum, err := report.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := sum.Applications[report.RowNew][report.ColTotal]; got != 17 || sum.Proactive.Fees != "5.3" {
		t.Errorf("city sum: 本年新收 %d (want 3+4+10), fees %s (want 5.3)", got, sum.Proactive.Fees)
	}
	// The file lists the units' own reports, the county's by its units (as its
	// stored sum is marked), never the county's name.
	if sum.Combined == nil || strings.Join(sum.Combined.Units, ",") != "甲县财政局,甲县教育局,某市公安局" {
		t.Errorf("city sum lists %+v", sum.Combined)
	}

	// The hierarchy check against the city's own stated figures, and -o onto the database refused.
	s, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	own := report.New("某市人民政府", 2024)
	own.Preamble = "市里自己的引言"
	own.Applications[report.RowNew] = report.AppRow{20, 0, 0, 0, 0, 0, 20}
	if _, err := s.Put(own, store.SaveManual); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, stdout, _ = run(t, "combine", "--db", db, "--agency", "某市人民政府", "--year", "2024", "-o", out)
	if !strings.Contains(stdout, "本级报告：警告 H1：“一、本年新收政府信息公开申请数量 自然人”本级报告填写 20，各单位合计 17（相差 +3）") {
		t.Errorf("hierarchy: exit %d\n%s", code, stdout)
	}
	if sum, _ := report.ReadFile(out); sum == nil || sum.Preamble != "市里自己的引言" {
		t.Errorf("-o did not keep the own report's text")
	}
	if code, _, stderr := run(t, "combine", "--db", db, "--agency", "某市人民政府", "--year", "2024", "--xlsx", db); code != 2 || stderr == "" {
		t.Errorf("--xlsx onto the database: %d %s", code, stderr)
	}
}

// TestCombineCopiedText: units whose text is the same are not 通过 in the
// status list, and the list names the copied text (W9 between units).
func TestCombineCopiedText(t *testing.T) {
	dir := t.TempDir()
	body := strings.Repeat("本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，持续加强政策解读和回应关切工作。", 3)
	for i, name := range []string{"某县财政局", "某县教育局", "某县民政局"} {
		path := unitFile(t, dir, name+".nianbao.json", name, 2024, 3, "0", 3+i)
		r, err := report.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r.Overview = []report.Section{{Body: body}}
		if err := report.WriteFile(path, r); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := run(t, "combine", "--agency", "某县人民政府", "--year", "2024", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	wantAll(t, "stdout", stdout, []string{"有警告\t某县财政局（部门）\t0 个错误，1 个警告",
		"“某县财政局”：警告 W9：正文约100%的文字与同年度 2 个单位的报告（", "有警告 3"})
}

// TestCombineFolderLinks: a unit's file reached through a link is counted,
// and the files of the folder that are not read are named.
func TestCombineFolderLinks(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "收到")
	os.Mkdir(in, 0o755)
	unitFile(t, in, "财政局.nianbao.json", "某县财政局", 2024, 3, "0", 3)
	target := unitFile(t, dir, "教育局.nianbao.json", "某县教育局", 2024, 58, "0", 4)
	if err := os.Symlink(target, filepath.Join(in, "教育局.nianbao.json")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	writeText(t, filepath.Join(in, "说明.txt"), "x")
	code, stdout, stderr := run(t, "combine", "--agency", "某县人民政府", "--year", "2024", in)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	wantAll(t, "stdout", stdout, []string{"通过\t某县教育局（部门）", "计入合计 2 个", "说明.txt：不是年报文件（*.json）"})
}

// savedCounty is a database in dir holding two departments' reports of 2024
// and 甲县人民政府's sum of them, saved with its roster.
func savedCounty(t *testing.T, dir string) (db string) {
	t.Helper()
	db = filepath.Join(dir, "nianbao.db")
	importInto(t, db,
		unitFile(t, dir, "1.json", "甲县财政局", 2024, 3, "0", 3),
		unitFile(t, dir, "2.json", "甲县教育局", 2024, 4, "0", 3))
	county := writeText(t, filepath.Join(dir, "县名单.txt"), "甲县财政局\n甲县教育局\n")
	if code, stdout, stderr := run(t, "combine", "--db", db, "--agency", "甲县人民政府", "--year", "2024", "--roster", county, "--save"); code != 0 {
		t.Fatalf("county: exit %d\n%s\n%s", code, stdout, stderr)
	}
	return db
}

// TestCombineStaleCounty: after a unit of a saved county sum is imported
// again, the city's round says the county's sum is stale, exits 1 and gives
// the command that combines the county again; run, the city is whole again.
func TestCombineStaleCounty(t *testing.T) {
	dir := t.TempDir()
	db := savedCounty(t, dir)
	again := unitFile(t, dir, "1-new.json", "甲县财政局", 2024, 43, "0", 3)
	now := time.Now()
	os.Chtimes(again, now, now)
	if code, _, stderr := run(t, "import", "--db", db, again); code != 0 {
		t.Fatal(stderr)
	}
	city := writeText(t, filepath.Join(dir, "市名单.txt"), "甲县人民政府\t下级政府\n")
	code, stdout, _ := run(t, "combine", "--db", db, "--agency", "某市人民政府", "--year", "2024", "--roster", city)
	wantAll(t, "stdout", stdout, []string{"“甲县人民政府”的汇总已过时：“甲县财政局”的报告在汇总",
		"重新汇总“甲县人民政府”：nianbao combine --db " + shellWord(db) + " --agency 甲县人民政府 --year 2024 --save"})
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if code, _, stderr := run(t, "combine", "--db", db, "--agency", "甲县人民政府", "--year", "2024", "--save"); code != 0 {
		t.Fatalf("county again: %d %s", code, stderr)
	}
	code, stdout, _ = run(t, "combine", "--db", db, "--agency", "某市人民政府", "--year", "2024")
	if code != 0 || strings.Contains(stdout, "过时") || !strings.Contains(stdout, "本年新收 47") {
		t.Errorf("after recombining: exit %d\n%s", code, stdout)
	}
}

// TestCombineEarlierOutputInFolder: an earlier `combine -o` left in the
// folder of the units is not counted again (exit 2, the sum not doubled):
// found by its marker, and, a file of the format before the marker, by its
// figures.
func TestCombineEarlierOutputInFolder(t *testing.T) {
	for _, tc := range []struct {
		name   string
		marked bool
		want   string
	}{
		{"marked", true, "）是汇总的合计，它所汇总的 3 个单位也都在本次汇总中"},
		{"by figures", false, "）的每个数字都恰好等于其余 3 个单位之和"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			unitFile(t, dir, "财政局.nianbao.json", "某县财政局", 2024, 3, "0.1", 3)
			unitFile(t, dir, "教育局.nianbao.json", "某县教育局", 2024, 4, "0.2", 4)
			unitFile(t, dir, "民政局.nianbao.json", "某县民政局", 2024, 5, "0", 5)
			first := filepath.Join(dir, "合计.nianbao.json")
			if code, stdout, stderr := run(t, "combine", "--agency", "某县", "--year", "2024", "-o", first, dir); code != 0 {
				t.Fatalf("first: exit %d\n%s\n%s", code, stdout, stderr)
			}
			if !tc.marked {
				r, err := report.ReadFile(first)
				if err != nil {
					t.Fatal(err)
				}
				r.Combined = nil
				if err := report.WriteFile(first, r); err != nil {
					t.Fatal(err)
				}
			}
			second := filepath.Join(t.TempDir(), "合计.nianbao.json")
			code, stdout, _ := run(t, "combine", "--agency", "某县人民政府", "--year", "2024", "-o", second, dir)
			if code != 2 || !strings.Contains(stdout, "“某县”（"+first+tc.want) {
				t.Errorf("exit %d\n%s", code, stdout)
			}
			sum, err := report.ReadFile(second)
			if err != nil {
				t.Fatal(err)
			}
			if got := sum.Applications[report.RowNew][report.ColTotal]; got != 12 {
				t.Errorf("本年新收 %d, want 3+4+5", got)
			}
		})
	}
}

// TestCombineSumBeyondFile: a sum beyond what even a combined report holds
// (two provinces' sums of 600,000,000,000 each) still gives the status list
// and the spreadsheet; -o is refused naming the cell.
func TestCombineSumBeyondFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "收到")
	os.Mkdir(in, 0o755)
	for i, name := range []string{"甲省人民政府", "乙省人民政府"} {
		path := unitFile(t, in, name+".nianbao.json", name, 2024, 1, "0", 3+i)
		r, err := report.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r.Combined = &report.Combination{Units: []string{name + "办公厅", name + "财政厅"}}
		r.Proactive.Licensing = 600_000_000_000
		if err := report.WriteFile(path, r); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "合计.nianbao.json")
	xlsx := filepath.Join(dir, "汇总.xlsx")
	code, stdout, stderr := run(t, "combine", "--agency", "全国", "--year", "2024", "-o", out, "--xlsx", xlsx, in)
	if code != 2 || !strings.Contains(stderr, "合计为 1200000000000，超出年报文件能容纳的 999999999999") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "甲省人民政府（") || !strings.Contains(stdout, "共 2 个单位，计入合计 2 个") {
		t.Errorf("no status list:\n%s", stdout)
	}
	if _, err := os.Stat(xlsx); err != nil {
		t.Errorf("no spreadsheet: %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a report file was written with a sum it cannot hold")
	}
}

// TestCombineSaveOverUnit: --save with a mistyped --agency that names a unit
// on the county's roster does not put the sum over the unit's own report
// unless --replace-unit confirms it; the county's own save is not asked.
func TestCombineSaveOverUnit(t *testing.T) {
	db := savedCounty(t, t.TempDir())
	code, _, stderr := run(t, "combine", "--db", db, "--agency", "甲县财政局", "--year", "2024", "--save")
	if code != 2 || !strings.Contains(stderr, "“甲县财政局”是“甲县人民政府”名单中的单位") || strings.Contains(stderr, "已更新") {
		t.Errorf("mistyped agency: exit %d\n%s", code, stderr)
	}
	_, out, _ := run(t, "list", "--db", db)
	if _, stdout, _ := run(t, "combine", "--db", db, "--agency", "甲县人民政府", "--year", "2024"); !strings.Contains(stdout, "通过\t甲县财政局（部门）\t0 个错误，0 个警告") || !strings.Contains(stdout, "本年新收 3") {
		t.Errorf("the unit's report changed:\n%s\n%s", stdout, out)
	}
	code, _, stderr = run(t, "combine", "--db", db, "--agency", "甲县财政局", "--year", "2024", "--save", "--replace-unit")
	if code != 0 || !strings.Contains(stderr, "已更新甲县财政局 2024 年报告的数字") {
		t.Errorf("--replace-unit: exit %d\n%s", code, stderr)
	}
}

// TestCombineSaveReadOnly: a --save that fails on a read-only database does
// not say first that it creates a report.
func TestCombineSaveReadOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a Windows folder has no read-only bit to set")
	}
	dir := t.TempDir()
	dbDir := filepath.Join(dir, "ro")
	os.Mkdir(dbDir, 0o700)
	db := filepath.Join(dbDir, "nianbao.db")
	if code, _, stderr := run(t, "import", "--db", db, unitFile(t, dir, "1.json", "甲县财政局", 2024, 3, "0", 3)); code != 0 {
		t.Fatal(stderr)
	}
	os.RemoveAll(db + "-备份")
	makeReadOnly(t, dbDir, "")
	code, _, stderr := run(t, "combine", "--db", db, "--agency", "甲县人民政府", "--year", "2024", "--save")
	if code != 2 || strings.Contains(stderr, "新建") || !strings.Contains(stderr, "合计未保存为甲县人民政府 2024 年的报告") || !strings.Contains(stderr, "只读") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}
