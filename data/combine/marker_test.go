package combine

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/data/report"
)

// writeSum writes a round's combined report as `combine -o` does and
// returns the file, its modification time day of January 2025.
func writeSum(t *testing.T, dir, name string, res *Result, day int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := report.WriteFile(path, res.Combined); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, at(day), at(day)); err != nil {
		t.Fatal(err)
	}
	return path
}

func addFile(t *testing.T, b *Batch, path string) {
	t.Helper()
	rec, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Add(rec); err != nil {
		t.Fatal(err)
	}
}

// TestCombinedFileSaysWhatItSums: a county's sum written to a file lists the
// units it sums (the marker); combined at city level from files beside a
// township's own file that is also inside the county (its name says
// nothing of the county), the township is counted once and named, and the
// city's file lists the units' own reports, flattened, never the county's
// name. The city's file left among a later round's inputs beside what it
// sums is an earlier sum, an error, found by its marker.
func TestCombinedFileSaysWhatItSums(t *testing.T) {
	dir := t.TempDir()
	county := NewBatch(Options{Agency: "甲县人民政府", Year: 2024})
	county.Add(Received{Report: unit("甲县财政局", "0.1", 2), Source: "a", At: at(1)})
	county.Add(Received{Report: unit("乙镇人民政府", "0.2", 3), Source: "b", At: at(2)})
	cres := mustFinish(t, county)
	if cres.Combined.Combined == nil || strings.Join(cres.Combined.Combined.Units, ",") != "甲县财政局,乙镇人民政府" {
		t.Fatalf("the county's sum is not marked with its units: %+v", cres.Combined.Combined)
	}
	countyFile := writeSum(t, dir, "甲县合计.nianbao.json", cres, 5)
	rec, err := ReadFile(countyFile)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rec.Members, ",") != "甲县财政局,乙镇人民政府" {
		t.Fatalf("ReadFile: members %v", rec.Members)
	}

	township := filepath.Join(dir, "乙镇.nianbao.json")
	if err := report.WriteFile(township, unit("乙镇人民政府", "0.2", 3)); err != nil {
		t.Fatal(err)
	}
	police := filepath.Join(dir, "公安局.nianbao.json")
	if err := report.WriteFile(police, unit("某市公安局", "5", 10)); err != nil {
		t.Fatal(err)
	}
	city := NewBatch(Options{Agency: "某市人民政府", Year: 2024})
	for _, f := range []string{countyFile, township, police} {
		addFile(t, city, f)
	}
	res := mustFinish(t, city)
	if got := res.Combined.Applications[report.RowNew][report.ColTotal]; got != 15 {
		t.Errorf("city 本年新收 = %d, want 2+3+10 = 15 (the township once)", got)
	}
	if !strings.Contains(problemText(res), "“乙镇人民政府”已计入“甲县人民政府”的汇总，不再重复计入合计") {
		t.Errorf("the township is not named:\n%s", problemText(res))
	}
	if got := strings.Join(res.Combined.Combined.Units, ","); got != "甲县财政局,乙镇人民政府,某市公安局" {
		t.Errorf("the city's file lists %s, want the units' own reports, flattened", got)
	}
	if !slices.Contains(res.Members, "甲县人民政府") {
		t.Errorf("the record of what the sum counts lacks the county's sum: %v", res.Members)
	}
	if res.ExitCode() != ExitOK {
		t.Errorf("exit %d:\n%s", res.ExitCode(), problemText(res))
	}

	// The city's earlier output (written with another --agency) among the
	// same inputs: not counted, an error.
	res.Combined.Agency = "某市"
	earlier := writeSum(t, dir, "某市合计.nianbao.json", res, 6)
	again := NewBatch(Options{Agency: "某市人民政府", Year: 2024})
	for _, f := range []string{countyFile, township, police, earlier} {
		addFile(t, again, f)
	}
	res2 := mustFinish(t, again)
	if got := res2.Combined.Applications[report.RowNew][report.ColTotal]; got != 15 {
		t.Errorf("with the earlier sum among the inputs: 本年新收 = %d, want 15", got)
	}
	if !strings.Contains(problemText(res2), "“某市”（"+earlier+"）是汇总的合计，它所汇总的 3 个单位也都在本次汇总中") {
		t.Errorf("the earlier sum is not named:\n%s", problemText(res2))
	}
	if res2.ExitCode() != ExitBadInput {
		t.Errorf("exit %d, want %d", res2.ExitCode(), ExitBadInput)
	}
}

// TestSumBeyondUnitLimitsWrittenAndReadBack: a sum over a unit's 9,999,999
// is within a combined report's limits: Finish gives no error, and the file
// written holds it and reads back with its units.
func TestSumBeyondUnitLimitsWrittenAndReadBack(t *testing.T) {
	b := NewBatch(Options{Agency: "某省人民政府", Year: 2024})
	for i, name := range []string{"甲市人民政府", "乙市人民政府"} {
		r := unit(name, "9999999.999999", 1)
		r.Proactive.Licensing = 6_000_000
		b.Add(Received{Report: r, Source: name + ".json", At: at(i + 1)})
	}
	res, err := b.Finish()
	var beyond *BeyondError
	if errors.As(err, &beyond) || err != nil || res.Beyond != nil {
		t.Fatalf("a sum within a combined report's limits refused: %v", err)
	}
	path := filepath.Join(t.TempDir(), "合计.nianbao.json")
	if err := report.WriteFile(path, res.Combined); err != nil {
		t.Fatal(err)
	}
	back, err := report.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.Proactive.Licensing != 12_000_000 || back.Proactive.Fees != "19999999.999998" {
		t.Errorf("read back: 行政许可 %d, 收费 %s", back.Proactive.Licensing, back.Proactive.Fees)
	}
	if back.Combined == nil || strings.Join(back.Combined.Units, ",") != "甲市人民政府,乙市人民政府" {
		t.Errorf("read back: combined %+v", back.Combined)
	}
	if f, err := FiguresOf(back); err != nil || f != res.Sum {
		t.Errorf("the figures read back are not the sum: %v", err)
	}
}
