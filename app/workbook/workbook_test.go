package workbook

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"nianbao/app/workbook/workbooktest"
)

// sampleBook writes a book of every kind of value, a date under a format of
// the book's own, a styled head, a merge, widths, a height and a frozen pane.
func sampleBook(t *testing.T) []byte {
	t.Helper()
	b := New("宋体", "甲", "乙")
	date := b.AddStyle(Style{NumFmtCode: "yyyy-mm-dd"})
	date2 := b.AddStyle(Style{NumFmtCode: "yyyy-mm-dd", Bold: true})
	head := b.AddStyle(Style{Font: "黑体", Size: 14, Bold: true, HAlign: "center", Wrap: true, Border: true, Fill: "EDEDED"})
	s := b.Sheet("甲")
	row := []Cell{{head, "标题<&>\x01"}, {0, 12}, {0, int64(-3)}, {0, 0.25}, {0, true}, {date, time.Date(2025, 3, 5, 0, 0, 0, 0, time.Local)}, {}, {date2, ""}}
	for _, err := range []error{
		s.SetRow("A1", row, 30),
		s.MergeCell("A2", "C3"),
		s.SetColWidth(1, 2, 25),
		s.SetPanes(Pane{YSplit: 1, TopLeft: "A2", Active: "bottomLeft"}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	s.Landscape = true
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openSample(t *testing.T) (*excelize.File, []byte) {
	t.Helper()
	data := sampleBook(t)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, data
}

// What is written reads back in excelize as the values it was given, and the
// same book is the same bytes.
func TestReadBackValues(t *testing.T) {
	f, data := openSample(t)
	if !bytes.Equal(data, sampleBook(t)) {
		t.Error("the same book made two different files")
	}
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "甲" || got[1] != "乙" {
		t.Errorf("sheets %v", got)
	}
	want := map[string]string{"A1": "标题<&>", "B1": "12", "C1": "-3", "D1": "0.25", "E1": "TRUE", "F1": "2025-03-05", "G1": "", "H1": ""}
	for ref, w := range want {
		if got, err := f.GetCellValue("甲", ref); err != nil || got != w {
			t.Errorf("%s: %q %v, want %q", ref, got, err, w)
		}
	}
	if raw, _ := f.GetCellValue("甲", "F1", excelize.Options{RawCellValue: true}); raw != "45721" {
		t.Errorf("F1 serial %s", raw)
	}
}

// Styles, the custom number format (written once), merges, sizes, the pane
// and the page set-up read back as written.
func TestReadBackLayout(t *testing.T) {
	f, data := openSample(t)
	st, _ := f.GetCellStyle("甲", "A1")
	style, err := f.GetStyle(st)
	if err != nil || style.Font == nil || !style.Font.Bold || style.Font.Family != "黑体" || style.Fill.Pattern != 1 || style.Alignment.Horizontal != "center" {
		t.Errorf("A1 style %+v %v", style, err)
	}
	// excelize reads colours only in a book with a theme, which this one has not
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	styles, err := fs.ReadFile(zr, "xl/styles.xml")
	if err != nil || !bytes.Contains(styles, []byte(`<fgColor rgb="FFEDEDED"/>`)) || !bytes.Contains(styles, []byte(`formatCode="yyyy-mm-dd"`)) ||
		bytes.Count(styles, []byte("<numFmt ")) != 1 {
		t.Errorf("styles.xml: %s %v", styles, err)
	}
	merges, _ := f.GetMergeCells("甲")
	if len(merges) != 1 || merges[0].GetStartAxis() != "A2" || merges[0].GetEndAxis() != "C3" {
		t.Errorf("merges %v", merges)
	}
	if w, _ := f.GetColWidth("甲", "B"); w != 25 {
		t.Errorf("width %v", w)
	}
	if h, _ := f.GetRowHeight("甲", 1); h != 30 {
		t.Errorf("height %v", h)
	}
	panes, _ := f.GetPanes("甲")
	if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v", panes)
	}
	layout, _ := f.GetPageLayout("甲")
	if layout.Orientation == nil || *layout.Orientation != "landscape" {
		t.Errorf("page layout %+v", layout)
	}
}

func TestNames(t *testing.T) {
	for _, tt := range []struct {
		col, row int
		name     string
	}{{1, 1, "A1"}, {26, 9, "Z9"}, {27, 10, "AA10"}, {702, 1, "ZZ1"}, {703, 2, "AAA2"}, {16384, 1048576, "XFD1048576"}} {
		if got := CellName(tt.col, tt.row); got != tt.name {
			t.Errorf("CellName(%d, %d) = %s, want %s", tt.col, tt.row, got, tt.name)
		}
		if c, r, err := ParseRef(tt.name); err != nil || c != tt.col || r != tt.row {
			t.Errorf("ParseRef(%s) = %d, %d, %v", tt.name, c, r, err)
		}
	}
	for _, bad := range []string{"", "A", "1", "a1", "A0", "XFE1", "A1048577", "A-1"} {
		if _, _, err := ParseRef(bad); err == nil {
			t.Errorf("ParseRef(%q) accepted", bad)
		}
	}
}

func TestSerial(t *testing.T) {
	for in, want := range map[time.Time]float64{
		time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC):                      61,
		time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC):                      45721,
		time.Date(2025, 3, 5, 18, 0, 0, 0, time.Local):                   45721.75,
		time.Date(2025, 3, 5, 0, 0, 0, 0, time.FixedZone("CST", 8*3600)): 45721,
	} {
		if got := Serial(in); got != want {
			t.Errorf("Serial(%v) = %v, want %v", in, got, want)
		}
	}
}

// fullBook uses everything the writer has: several sheets, fonts, sizes,
// bold, fills, borders, alignment with and without wrapping, built-in and
// custom number formats (one shared by two styles), every kind of value
// (Chinese text, text to escape, control characters, dates with and without
// a time), merges, widths, heights (of a row with cells and of one without),
// frozen panes of rows, of columns and of both, and landscape printing.
func fullBook(t *testing.T) []byte {
	t.Helper()
	b := New("宋体", "汇总表", "各单位<数据>&", "空", "横向")
	date := b.AddStyle(Style{NumFmt: 14})
	custom := b.AddStyle(Style{NumFmtCode: `yyyy"年"m"月"d"日"`, HAlign: "left"})
	custom2 := b.AddStyle(Style{NumFmtCode: `yyyy"年"m"月"d"日"`, Bold: true, Border: true})
	money := b.AddStyle(Style{NumFmtCode: "#,##0.00;[Red]-#,##0.00", Fill: "FFF2CC"})
	integer := b.AddStyle(Style{NumFmt: 1, Size: 9})
	head := b.AddStyle(Style{Font: "黑体", Size: 16, Bold: true, HAlign: "center", Wrap: true, Border: true, Fill: "EDEDED"})
	wrap := b.AddStyle(Style{Wrap: true})
	s := b.Sheet("汇总表")
	for _, err := range []error{
		s.SetRow("A1", []Cell{{head, "2024年度政府信息公开工作年度报告 \"汇总\" <表> & 附件"}}, 40),
		s.MergeCell("A1", "H1"),
		s.SetRow("A2", []Cell{{head, "单位"}, {head, "数量"}, {head, "负数"}, {head, "比例"}, {head, "是否"}, {head, "日期"}, {head, "金额"}, {head, "备注"}}),
		s.SetRow("A3", []Cell{{wrap, "平潭综合实验区教育局\n（含下属单位）"}, {integer, 12}, {0, int64(-3)}, {0, 0.25}, {0, true},
			{date, time.Date(2025, 3, 5, 0, 0, 0, 0, time.Local)}, {money, 1234.5}, {custom, time.Date(2025, 1, 20, 9, 30, 0, 0, time.Local)}}),
		s.SetRow("A4", []Cell{{0, "标题<&>\x01\x1f'\"end"}, {0, 0}, {0, int64(1) << 40}, {0, -1e-9}, {0, false}, {custom2, ""}, {}, {0, struct{ A int }{7}}}),
		s.SetCellValue("J9", "远处"),
		s.SetRow("A10", []Cell{{wrap, "  前后有空格 "}, {0, "\u3000\u3000全角缩进"}, {0, "\t制表\n"}}),
		s.SetCellStyle("A6", "C7", head),
		s.MergeCell("A6", "C7"),
		s.SetRowHeight(12, 8.5),
		s.SetColWidth(1, 1, 30),
		s.SetColWidth(2, 7, 12.75),
		s.SetPanes(Pane{YSplit: 2, TopLeft: "A3", Active: "bottomLeft"}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	s2 := b.Sheet("各单位<数据>&")
	for _, err := range []error{
		s2.SetRow("A1", []Cell{{head, "单位"}, {head, "一"}, {head, "二"}}, 20),
		s2.SetRow("A2", []Cell{{0, "民政局"}, {integer, 1}, {integer, 2}}),
		s2.SetPanes(Pane{XSplit: 1, YSplit: 1, TopLeft: "B2", Active: "bottomRight"}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	s4 := b.Sheet("横向")
	for _, err := range []error{
		s4.SetRow("B2", []Cell{{0, "横向打印"}}),
		s4.SetPanes(Pane{XSplit: 1, TopLeft: "B1", Active: "topRight"}),
		s4.SetColWidth(2, 2, 50),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	s4.Landscape = true
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Every part of a written book is valid against the ECMA-376 schemas, as
// Excel and WPS want it (testdata/ecma376; skipped without xmllint).
func TestPartsValidAgainstECMA376(t *testing.T) {
	workbooktest.Validate(t, fullBook(t))
	workbooktest.Validate(t, sampleBook(t))
}

// Text keeps its leading and trailing spaces, and only such text carries
// xml:space, which the schemas lack.
func TestSpacesKept(t *testing.T) {
	data := fullBook(t)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, want := range map[string]string{"A10": "  前后有空格 ", "B10": "\u3000\u3000全角缩进", "C10": "\t制表\n", "A2": "单位"} {
		if got, err := f.GetCellValue("汇总表", ref); err != nil || got != want {
			t.Errorf("%s: %q %v, want %q", ref, got, err, want)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := fs.ReadFile(zr, "xl/worksheets/sheet1.xml")
	if err != nil || bytes.Count(sheet, []byte(`xml:space`)) != 3 || !bytes.Contains(sheet, []byte(`<t>单位</t>`)) {
		t.Errorf("sheet1.xml: %s %v", sheet, err)
	}
}
