package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"nianbao/app/workbook"
	"nianbao/app/workbook/workbooktest"
	"nianbao/data/combine"
	"nianbao/data/report"
)

var examples = []string{"pingtan-czjrj-2024", "pingtan-jtjsj-2024", "pingtan-scjgj-2024", "fictional-busy-2024"}

func exampleResult(t *testing.T) *combine.Result {
	t.Helper()
	roster := []combine.Unit{
		{Name: "平潭综合实验区教育局", Type: report.AgencyDepartment, Group: "区直部门"},
		{Name: "平潭综合实验区民政局", Type: report.AgencyDepartment, Group: "区直部门"},
	}
	b := combine.NewBatch(combine.Options{Agency: "平潭综合实验区管委会", Year: 2024, Roster: roster,
		Now: time.Date(2025, 1, 20, 0, 0, 0, 0, time.Local)})
	for _, name := range examples {
		r, err := report.ReadFile(filepath.Join("testdata", name+".nianbao.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Add(combine.Received{Report: r, Source: name + ".nianbao.json", At: time.Date(2025, 1, 10, 9, 0, 0, 0, time.Local)}); err != nil {
			t.Fatal(err)
		}
	}
	bad := report.New("平潭综合实验区教育局", 2024)
	bad.Applications[report.RowNew] = report.AppRow{3, 0, 0, 0, 0, 0, 4} // 总计 stated wrong
	if err := b.Add(combine.Received{Report: bad, Source: "教育局.nianbao.json"}); err != nil {
		t.Fatal(err)
	}
	res, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestWorkbookReadBack(t *testing.T) {
	res := exampleResult(t)
	var buf bytes.Buffer
	if err := Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "汇总表,各单位数据,检查结果,收报情况" {
		t.Fatalf("sheets = %s", got)
	}
	checkUnitsSheet(t, f, res)
	checkTablesSheet(t, f, res)
	checkFindingsAndStatus(t, f, res)
	checkPanesAndFonts(t, f, buf.Bytes())
}

// checkUnitsSheet: every counted unit by name, then 合计 with the sums as values.
func checkUnitsSheet(t *testing.T, f *excelize.File, res *combine.Result) {
	rows, err := f.GetRows(UnitsSheet)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range rows[3:] {
		names = append(names, r[0])
	}
	want := []string{"平潭综合实验区教育局", "平潭综合实验区财政金融局", "平潭综合实验区交通与建设局", "平潭综合实验区市场监督管理局", "示例市人民政府", "合计"}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Fatalf("unit rows = %v", names)
	}
	total := rows[len(rows)-1]
	for _, c := range combine.Cells() {
		col := len(unitCols) + c.Index
		if got, want := total[col], c.Text(res.Sum[c.Index]); got != want {
			t.Errorf("合计 %s = %q, want %q", c.Label, got, want)
		}
		ref := workbook.CellName(col+1, len(rows))
		if formula, _ := f.GetCellFormula(UnitsSheet, ref); formula != "" {
			t.Errorf("%s is a formula %q", ref, formula)
		}
		if typ, _ := f.GetCellType(UnitsSheet, ref); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s is of type %v, not a number", ref, typ)
		}
	}
	if rows[2][len(unitCols)+combine.FeeIndex] != "本年收费金额（单位：万元）" || rows[1][len(unitCols)] != "规章" {
		t.Errorf("head rows: %v / %v", rows[1][:6], rows[2][:6])
	}
	if got := total[len(unitCols)+combine.FeeIndex]; got != "31524.56832" {
		t.Errorf("fee sum = %s", got)
	}

}

// checkTablesSheet: merged heads from the printed model, and the sums.
func checkTablesSheet(t *testing.T, f *excelize.File, res *combine.Result) {
	merged, err := f.GetMergeCells(TablesSheet)
	if err != nil {
		t.Fatal(err)
	}
	var mergedText []string
	for _, m := range merged {
		mergedText = append(mergedText, m.GetCellValue()+"@"+m.GetStartAxis()+":"+m.GetEndAxis())
	}
	joined := strings.Join(mergedText, "\n")
	for _, want := range []string{"申请人情况@", "法人或其他组织@", "三、本年度办理结果@", "行政诉讼@", "第二十条第（一）项@"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no merged cell %q in:\n%s", want, joined)
		}
	}
	trows, _ := f.GetRows(TablesSheet)
	found := false
	for _, r := range trows {
		if len(r) == 10 && r[0] == "一、本年新收政府信息公开申请数量" {
			found = true
			if r[9] != combine.Cells()[10+6].Text(res.Sum[10+6]) {
				t.Errorf("本年新收 总计 = %s, sum %d", r[9], res.Sum[16])
			}
		}
	}
	if !found {
		t.Errorf("no row 一、本年新收 in the tables sheet")
	}

}

// checkFindingsAndStatus: findings of every unit, and the missing rostered unit in the status list.
func checkFindingsAndStatus(t *testing.T, f *excelize.File, res *combine.Result) {
	frows, _ := f.GetRows(FindingsSheet)
	n := 0
	for _, u := range res.Units {
		for _, x := range u.Findings {
			n++
			if !containsRow(frows, u.Name, x.Message) {
				t.Errorf("findings sheet lacks %s: %s", u.Name, x.Message)
			}
		}
	}
	if n == 0 || len(frows) < n+1 {
		t.Errorf("%d findings, %d rows", n, len(frows))
	}
	// Every word of the list is a clerk's: no rule code (W4), no JSON key (rules).
	code := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	for _, row := range frows[1:] {
		for c, cell := range row[1:min(6, len(row))] {
			if code.MatchString(cell) {
				t.Errorf("findings sheet: column %d says %q: %v", c+2, cell, row)
			}
		}
	}
	srows, _ := f.GetRows(StatusSheet)
	if !containsRow(srows, "平潭综合实验区民政局", "未收到") || !containsRow(srows, "平潭综合实验区教育局", "有错误") {
		t.Errorf("status sheet lacks the missing unit: %v", srows)
	}

}

// checkPanesAndFonts: frozen heads and Chinese fonts.
func checkPanesAndFonts(t *testing.T, f *excelize.File, data []byte) {
	for sheet, split := range map[string]int{UnitsSheet: 3, FindingsSheet: 1, StatusSheet: 1, TablesSheet: 1} {
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != split {
			t.Errorf("%s panes = %+v, %v", sheet, p, err)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == "xl/styles.xml" {
			rc, _ := zf.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			if !strings.Contains(string(data), `val="宋体"`) || !strings.Contains(string(data), `val="黑体"`) {
				t.Errorf("styles.xml names no Chinese font")
			}
		}
	}
}

func containsRow(rows [][]string, a, b string) bool {
	for _, r := range rows {
		line := strings.Join(r, "\t")
		if strings.Contains(line, a) && strings.Contains(line, b) {
			return true
		}
	}
	return false
}

// Every part of the 汇总 workbook is valid against the ECMA-376 schemas, as
// Excel and WPS want it (skipped without xmllint).
func TestWorkbookValidAgainstECMA376(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, exampleResult(t)); err != nil {
		t.Fatal(err)
	}
	workbooktest.Validate(t, buf.Bytes())
}

// TestSameRoundSameBytes (issue 23.2): the same round makes the same file, so
// that `combine --xlsx -` is byte for byte the file --xlsx writes; the
// entries stand in one order, [Content_Types].xml first.
func TestSameRoundSameBytes(t *testing.T) {
	res := exampleResult(t)
	var first []byte
	for i := range 10 {
		var buf bytes.Buffer
		if err := Write(&buf, res); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = buf.Bytes()
			zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, f := range zr.File {
				names = append(names, f.Name)
			}
			if names[0] != "[Content_Types].xml" || !slices.IsSorted(names[1:]) {
				t.Errorf("entries not in order: %v", names)
			}
			continue
		}
		if !bytes.Equal(buf.Bytes(), first) {
			t.Fatalf("write %d differs from the first", i+1)
		}
	}
}
