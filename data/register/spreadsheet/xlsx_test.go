package spreadsheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// zipOf is a zip of the parts, in the order given (name, body, name, body…).
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	rootRels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	mainNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)

// handBook is a workbook of one sheet whose sheetData is data, with the
// shared strings ss and cell formats xfs (numFmtIds), written by hand as
// other programs write them.
func handBook(t testing.TB, data, ss string, xfs ...string) []byte {
	t.Helper()
	var cellXfs strings.Builder
	for _, id := range append([]string{"0"}, xfs...) {
		cellXfs.WriteString(`<xf numFmtId="` + id + `" fontId="0" fillId="0" borderId="0"/>`)
	}
	return zipOf(t,
		"_rels/.rels", rootRels,
		"xl/workbook.xml", `<workbook `+mainNS+`><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>`+
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`+
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		"xl/sharedStrings.xml", `<sst `+mainNS+`>`+ss+`</sst>`,
		"xl/styles.xml", `<styleSheet `+mainNS+`><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>`+
			`<numFmt numFmtId="165" formatCode="[$-409]h:mm\ AM/PM;@"/></numFmts><cellXfs>`+cellXfs.String()+`</cellXfs></styleSheet>`,
		"xl/worksheets/sheet1.xml", `<worksheet `+mainNS+`><sheetData>`+data+`</sheetData></worksheet>`)
}

// The reader on what other writers than excelize write: rich text with its
// phonetic guide, inline strings with _x000A_ escapes, booleans, errors,
// formula strings, cells and rows without their names, a custom Chinese date
// format, a time of day, built-in CJK date formats, an absolute part name.
func TestReadXLSXHandWritten(t *testing.T) {
	ss := `<si><t>登记编号</t></si>` +
		`<si><r><rPr><b/></rPr><t>收到</t></r><r><t xml:space="preserve">申请日期</t></r><rPh sb="0" eb="2"><t>しゅうとう</t></rPh></si>` +
		`<si><t>申请人</t></si>`
	data := `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c t="s"><v>2</v></c></row>` +
		`<row><c t="inlineStr"><is><t>A_x000A_1</t></is></c><c s="1"><v>45721</v></c><c t="inlineStr"><is><r><t>张</t></r><r><t>三</t></r></is></c>` +
		`<c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><v>#N/A</v></c><c r="G3" t="str"><f>A3</f><v>A 1</v></c>` +
		`<c r="H3" s="2"><v>0.5</v></c><c r="I3" s="3"><v>45721.75</v></c><c r="J3"><v>45721</v></c><c r="K3" s="4"><v>12</v></c></row>`
	b := handBook(t, data, ss, "164", "165", "31", "20")
	name, grid, err := readXLSX(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{nil,
		{"登记编号", "收到申请日期", "申请人"},
		{"A\n1", "2025-03-05", "张三", "", "TRUE", "#N/A", "A 1", "0.5", "2025-03-05", "45721", "12"}}
	if name != "台账" || !reflect.DeepEqual(grid, want) {
		t.Errorf("工作表“%s”：\n%q\n应为\n%q", name, grid, want)
	}
}

// A workbook written by excelize: shared strings, numbers as written, dates
// of a built-in and a custom format, a time of day left a number, merged
// cells holding their value, a first sheet without a header passed over.
func TestReadXLSXByExcelize(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "说明"))
	must(f.SetCellValue("说明", "A1", "填表说明"))
	_, err := f.NewSheet("台账")
	must(err)
	sh := "台账"
	builtin, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	code := `yyyy"年"m"月"d"日"`
	custom, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	must(err)
	clock, err := f.NewStyle(&excelize.Style{NumFmt: 20})
	must(err)
	must(f.SetCellValue(sh, "A1", "某局台账"))
	must(f.MergeCell(sh, "A1", "D1"))
	must(f.SetSheetRow(sh, "A2", &[]any{"登记编号", "收到申请日期", "申请人", "答复日期", "收费金额", "办结"}))
	must(f.SetSheetRow(sh, "A3", &[]any{"X-1", time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC), "张三", 45730, 12.5, true}))
	must(f.SetCellStyle(sh, "B3", "B3", builtin))
	must(f.SetSheetRow(sh, "A5", &[]any{"X-2", time.Date(2025, 12, 24, 9, 30, 0, 0, time.UTC), "李四", 0.5}))
	must(f.SetCellStyle(sh, "B5", "B5", custom))
	must(f.SetCellStyle(sh, "D5", "D5", clock))
	must(f.MergeCell(sh, "C5", "C6"))
	var buf bytes.Buffer
	must(f.Write(&buf))
	name, grid, err := readXLSX(buf.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"某局台账", "某局台账", "某局台账", "某局台账"},
		{"登记编号", "收到申请日期", "申请人", "答复日期", "收费金额", "办结"},
		{"X-1", "2025-03-05", "张三", "45730", "12.5", "TRUE"},
		nil,
		{"X-2", "2025-12-24", "李四", "0.5"},
		{"", "", "李四"},
	}
	if name != "台账" || !reflect.DeepEqual(grid, want) {
		t.Errorf("工作表“%s”：\n%q\n应为\n%q", name, grid, want)
	}
	res, err := Read("台账.xlsx", buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Apps) != 1 || !res.Apps[0].Received.Equal(day("2025-03-05")) || !res.Apps[0].Answered.Equal(day("2025-03-14")) {
		t.Errorf("读出：%+v，问题 %v", res.Apps, res.Problems)
	}
}

// In a workbook of the 1904 date system, a date cell and a bare serial in a
// date column are both the days since 1904-01-01.
func TestReadXLSX1904(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	yes := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
		t.Fatal(err)
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range [][]any{{"登记编号", "收到申请日期", "申请人", "答复日期"}, {"A", 44259, "张三", 44269}} {
		if err := f.SetSheetRow("Sheet1", "A"+map[bool]string{true: "1", false: "2"}[row[0] == "登记编号"], &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellStyle("Sheet1", "B2", "B2", style); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	res, err := Read("a.xlsx", buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Apps) != 1 || !res.Apps[0].Received.Equal(day("2025-03-05")) || !res.Apps[0].Answered.Equal(day("2025-03-15")) {
		t.Errorf("1904 日期系统：%+v，问题 %v", res.Apps, res.Problems)
	}
}

// Workbooks LibreOffice Calc wrote (testdata: `soffice --headless
// --convert-to xlsx` of libreoffice.csv, and of the workbook officeXLSX
// writes): its shared strings, its date formats of its own, its merges.
func TestReadXLSXByLibreOffice(t *testing.T) {
	res, err := ReadFile("testdata/libreoffice.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.HeaderRow != 2 || len(res.Apps) != 3 || len(res.Problems) != 0 {
		t.Fatalf("表头第 %d 行，%d 件，问题 %v", res.HeaderRow, len(res.Apps), res.Problems)
	}
	if a := res.Apps[1]; a.Applicant != "某某律师事务所" || !a.Received.Equal(day("2025-03-05")) || !a.Answered.Equal(day("2025-04-01")) {
		t.Errorf("第 4 行：%+v", a)
	}
	excel, err := ReadFile(officeXLSX(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	lo, err := ReadFile("testdata/libreoffice-office.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(lo.Apps, excel.Apps) || !reflect.DeepEqual(lo.Problems, excel.Problems) || lo.HeaderRow != excel.HeaderRow {
		t.Errorf("LibreOffice 另存的台账读出\n%+v\n%v\n应与原表相同\n%+v\n%v", lo.Apps, lo.Problems, excel.Apps, excel.Problems)
	}
}

// Files that are no workbook, or are built to exhaust the reader, are
// refused with the cause.
func TestReadXLSXRefusals(t *testing.T) {
	good := func(name, body string) []string {
		parts := []string{"_rels/.rels", rootRels,
			"xl/workbook.xml", `<workbook ` + mainNS + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
			"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
			"xl/worksheets/sheet1.xml", `<worksheet ` + mainNS + `><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`}
		for i := 0; i < len(parts); i += 2 {
			if parts[i] == name {
				parts[i+1] = body
			}
		}
		if body == "" {
			for i := 0; i < len(parts); i += 2 {
				if parts[i] == name {
					parts = append(parts[:i], parts[i+2:]...)
					break
				}
			}
		}
		return parts
	}
	if _, _, err := readXLSX(zipOf(t, good("", "")...), nil); err != nil {
		t.Fatalf("正常的工作簿：%v", err)
	}
	deep := strings.Repeat("<a>", 300) + strings.Repeat("</a>", 300)
	many := make([]string, 0, 2*(maxEntries+1))
	for i := 0; i <= maxEntries; i++ {
		many = append(many, fmt.Sprintf("f%d", i), "")
	}
	for _, tt := range []struct {
		what string
		data []byte
		want error
		says string
	}{
		{"不是压缩包", []byte("PK\x03\x04garbage"), ErrNotXLSX, ""},
		{"没有工作簿", zipOf(t, good("xl/workbook.xml", "")...), ErrNotXLSX, "没有工作簿"},
		{"没有工作表", zipOf(t, good("xl/worksheets/sheet1.xml", "")...), ErrNotXLSX, "没有工作表“S”"},
		{"实体炸弹", zipOf(t, good("xl/worksheets/sheet1.xml", `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><worksheet/>`)...), ErrBomb, "文档类型声明"},
		{"嵌套过深", zipOf(t, good("xl/worksheets/sheet1.xml", `<worksheet>`+deep+`</worksheet>`)...), ErrBomb, "嵌套超过"},
		{"不完整的 XML", zipOf(t, good("xl/worksheets/sheet1.xml", `<worksheet><sheetData><row>`)...), ErrNotXLSX, "sheet1.xml"},
		{"文件过多", zipOf(t, many...), ErrBomb, "个文件"},
		{"解压后过大", bombZip(t, good("", "")), ErrBomb, "压缩炸弹"},
	} {
		_, _, err := readXLSX(tt.data, nil)
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s：%v，应为 %v（%s）", tt.what, err, tt.want, tt.says)
		}
	}
	for what, data := range map[string]string{
		"共享文字不存在": `<row r="1"><c r="A1" t="s"><v>3</v></c></row>`,
		"单元格名称无效": `<row r="1"><c r="1A"><v>1</v></c></row>`,
		"超过最后一列":  `<row r="1"><c r="XFE1"><v>1</v></c></row>`,
	} {
		if _, _, err := readXLSX(handBook(t, data, `<si><t>x</t></si>`), nil); err == nil {
			t.Errorf("%s：读出了", what)
		}
	}
	if _, _, err := readXLSX(handBook(t, `<row r="100001"><c r="A100001"><v>1</v></c></row>`, ""), nil); err == nil || !strings.Contains(err.Error(), "超过 100000 行") {
		t.Errorf("超过行数：%v", err)
	}
}

// bombZip is the workbook of parts with a sheet whose header says it
// unpacks to a terabyte: refused before a byte is unpacked.
func bombZip(t *testing.T, parts []string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		if parts[i] == "xl/worksheets/sheet1.xml" {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: parts[i], Method: zip.Store, CompressedSize64: uint64(len(parts[i+1])), UncompressedSize64: 1 << 40})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(parts[i+1]))
			continue
		}
		w, _ := zw.Create(parts[i])
		w.Write([]byte(parts[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDateCode(t *testing.T) {
	for code, want := range map[string]bool{
		"yyyy-mm-dd": true, `yyyy\-mm\-dd`: true, `yyyy"年"m"月"d"日"`: true, "[$-804]aaaa": false, "m/d/yy": true,
		"General": false, "0.00": false, `0.00"元"`: false, `"day"0`: false, "h:mm:ss": false, "[h]:mm": false,
		"[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"": true, "0;[Red]-0": false, "mm:ss.0": false, "@": false,
	} {
		if got := dateCode(code); got != want {
			t.Errorf("%s：%v，应为 %v", code, got, want)
		}
	}
}

// Whatever the bytes, the reader returns a grid or an error, never panics.
func FuzzReadXLSX(f *testing.F) {
	for _, name := range []string{"testdata/libreoffice.xlsx", "testdata/libreoffice-office.xlsx"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(handBook(f, `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45721</v></c></row>`+
		`<mergeCells><mergeCell ref="A1:B2"/></mergeCells>`, `<si><r><t>甲</t></r><rPh><t>x</t></rPh></si>`, "14"))
	f.Fuzz(func(t *testing.T, data []byte) {
		name, grid, err := readXLSX(data, nil)
		if err == nil && name == "" && grid != nil {
			t.Errorf("a grid without its sheet's name")
		}
	})
}
