package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data/report"
	"nianbao/data/store/sqlite"
)

// TestCombineCountyFileIntoCity: a county's sum written by `combine -o` says
// what it sums; combined at city level beside a township's own file that is
// also inside the county (its name does not start with the county's), the
// township is counted once and named, and the city's file lists the units'
// own reports (the county's units, not the county).
func TestCombineCountyFileIntoCity(t *testing.T) {
	dir := t.TempDir()
	countyIn := filepath.Join(dir, "县收到")
	cityIn := filepath.Join(dir, "市收到")
	os.Mkdir(countyIn, 0o755)
	os.Mkdir(cityIn, 0o755)
	unitFile(t, countyIn, "财政局.nianbao.json", "甲县财政局", 2024, 3, "0.1", 3)
	unitFile(t, countyIn, "乙镇.nianbao.json", "乙镇人民政府", 2024, 4, "0.2", 4)
	countyFile := filepath.Join(cityIn, "甲县合计.nianbao.json")
	if code, stdout, stderr := run(t, "combine", "--agency", "甲县人民政府", "--year", "2024", "-o", countyFile, countyIn); code != 0 {
		t.Fatalf("county: exit %d\n%s\n%s", code, stdout, stderr)
	}
	unitFile(t, cityIn, "乙镇.nianbao.json", "乙镇人民政府", 2024, 4, "0.2", 4)
	unitFile(t, cityIn, "公安局.nianbao.json", "某市公安局", 2024, 10, "5", 5)
	out := filepath.Join(dir, "市合计.nianbao.json")
	code, stdout, stderr := run(t, "combine", "--agency", "某市人民政府", "--year", "2024", "-o", out, cityIn)
	if code != 0 {
		t.Fatalf("city: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "“乙镇人民政府”已计入“甲县人民政府”的汇总，不再重复计入合计") {
		t.Errorf("the township is not named:\n%s", stdout)
	}
	sum, err := report.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := sum.Applications[report.RowNew][report.ColTotal]; got != 17 {
		t.Errorf("本年新收 %d, want 3+4+10 (the township once)", got)
	}
	if sum.Combined == nil || strings.Join(sum.Combined.Units, ",") != "某市公安局,乙镇人民政府,甲县财政局" {
		t.Errorf("the city's file lists %+v", sum.Combined)
	}
}

// TestCombineSumOverUnitLimits: a province's sum over a unit's 9,999,999 (and
// fee over 9999999.999999 万元) is written by -o and saved by --save, and
// both read back; the units' own reports keep the unit limits.
func TestCombineSumOverUnitLimits(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "收到")
	os.Mkdir(in, 0o755)
	for i, name := range []string{"甲市人民政府", "乙市人民政府"} {
		path := unitFile(t, in, name+".nianbao.json", name, 2024, 1, "9999999.5", 3+i)
		r, err := report.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r.Proactive.Licensing = 6_000_000
		if err := report.WriteFile(path, r); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "合计.nianbao.json")
	if code, stdout, stderr := run(t, "combine", "--agency", "某省人民政府", "--year", "2024", "-o", out, in); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	sum, err := report.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Proactive.Licensing != 12_000_000 || sum.Proactive.Fees != "19999999" || sum.Combined == nil {
		t.Errorf("-o read back: 行政许可 %d, 收费 %s, combined %+v", sum.Proactive.Licensing, sum.Proactive.Fees, sum.Combined)
	}

	db := filepath.Join(dir, "nianbao.db")
	files, _ := filepath.Glob(filepath.Join(in, "*.json"))
	importInto(t, db, files...)
	for _, again := range []string{"新建一份", "共 0 处变化"} { // new, then over the stored sum
		code, stdout, stderr := run(t, "combine", "--db", db, "--agency", "某省人民政府", "--year", "2024", "--save")
		if code != 0 || !strings.Contains(stderr, again) {
			t.Fatalf("--save: exit %d\n%s\n%s", code, stdout, stderr)
		}
	}
	s, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, saved, err := s.Find("某省人民政府", 2024)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Proactive.Licensing != 12_000_000 || saved.Combined == nil || strings.Join(saved.Combined.Units, ",") != "乙市人民政府,甲市人民政府" {
		t.Errorf("--save read back: 行政许可 %d, combined %+v", saved.Proactive.Licensing, saved.Combined)
	}
	unitReport := report.New("丙市人民政府", 2024)
	unitReport.Proactive.Licensing = 12_000_000
	if err := report.WriteFile(filepath.Join(dir, "丙市.nianbao.json"), unitReport); err == nil {
		t.Errorf("a unit's own report took 12,000,000")
	}
}
