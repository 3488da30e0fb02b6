package spreadsheet

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/data/register"
	"nianbao/data/report"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// officeXLSX writes a register as offices keep it: a merged title row, a
// header of two levels with 补正 merged over its two columns, dates as Excel
// serials with a date format and as text in two spellings, a blank row, and
// rows that cannot be read.
func officeXLSX(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	set := func(cell string, v any) {
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	merge := func(a, b string) {
		if err := f.MergeCell(sh, a, b); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "某某局2025年政府信息公开申请登记台账")
	merge("A1", "J1")
	heads := []string{"序号", "受理日期", "申请人\n姓名（名称）", "申请人类型", "申请方式", "申请内容", "补正", "", "办理结果", "办结日期"}
	for i, h := range heads {
		c, _ := excelize.CoordinatesToCellName(i+1, 2)
		set(c, h)
	}
	for _, col := range []string{"A", "B", "C", "D", "E", "F", "I", "J"} {
		merge(col+"2", col+"3") // one-level heads span both header rows
	}
	merge("G2", "H2")
	set("G3", "告知日期")
	set("H3", "收到日期")
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"2025-001", day("2025-01-20"), "张三", "公民", "网上申请", "某路段改造批复", nil, nil, "予以公开", day("2025-02-10")},
		{"2025-002", "2025.3.5", "某某律师事务所", "律师事务所", "信函", "行政处罚决定书", "2025年3月7日", "2025.3.14", "（二）部分公开", "2025年4月1日"},
		{},
		{"2025-003", "2025年12月24日", "李四", "自然人", "当面", "征收补偿方案", nil, nil, nil, nil},
		{"2025-004", "2025-06-02", "王五", "法人", "当面", "某事", nil, nil, "予以公开", "2025-06-10"},
		{"2025-005", "2025-06-03", "赵六", "自然人", "当面", "某事", nil, nil, "申请内容不明确", "2025-06-20"},
		{"2025-006", "6月3日", "钱七", "自然人", "当面", "某事", nil, nil, nil, nil},
		{"2025-007", day("2025-07-01"), "孙八", "", "传真", "某事", nil, nil, "信息不存在", day("2025-07-15")},
	}
	for i, r := range rows {
		for j, v := range r {
			c, _ := excelize.CoordinatesToCellName(j+1, i+4)
			if v != nil {
				set(c, v)
				if _, isDate := v.(time.Time); isDate {
					f.SetCellStyle(sh, c, c, dateStyle)
				}
			}
		}
	}
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadOfficeXLSX(t *testing.T) {
	res, err := ReadFile(officeXLSX(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.HeaderRow != 3 || res.Sheet != "Sheet1" {
		t.Errorf("表头在第 %d 行（工作表 %s），应为第 3 行", res.HeaderRow, res.Sheet)
	}
	want := map[string]Field{"A": FieldNumber, "B": FieldReceived, "C": FieldApplicant, "D": FieldType, "E": FieldChannel,
		"F": FieldSummary, "G": FieldCorrectionAsked, "H": FieldCorrectionGot, "I": FieldOutcome, "J": FieldAnswered}
	for _, c := range res.Columns {
		if c.Field != want[c.Letter] {
			t.Errorf("%s 列“%s”对应“%s”，应为“%s”", c.Letter, c.Header, c.Field, want[c.Letter])
		}
	}
	if len(res.Apps) != 4 {
		t.Fatalf("导入 %d 件，应为 4 件；问题：%v", len(res.Apps), res.Problems)
	}
	a := res.Apps[0]
	if !a.Received.Equal(day("2025-01-20")) || a.Type != register.TypeNaturalPerson || a.Channel != register.ChannelOnline ||
		a.Outcome != register.OutcomeOfRow(report.RowGranted) || !a.Answered.Equal(day("2025-02-10")) || a.Applicant != "张三" {
		t.Errorf("第 4 行（Excel 日期）：%+v", a)
	}
	b := res.Apps[1]
	if !b.Received.Equal(day("2025-03-05")) || b.Type != register.TypeLegalService || b.Channel != register.ChannelPostSigned ||
		len(b.Corrections) != 1 || !b.Corrections[0].Asked.Equal(day("2025-03-07")) || !b.Corrections[0].Received.Equal(day("2025-03-14")) ||
		b.Outcome != register.OutcomeOfRow(report.RowPartlyGranted) || !b.Answered.Equal(day("2025-04-01")) {
		t.Errorf("第 5 行（2025.3.5、2025年3月7日）：%+v", b)
	}
	if c := res.Apps[2]; !c.Received.Equal(day("2025-12-24")) || c.Ended() || res.Rows[2] != 7 {
		t.Errorf("第 7 行：%+v（行 %d）", c, res.Rows[2])
	}
	if d := res.Apps[3]; d.Type != register.TypeUnknown || d.Outcome != register.OutcomeOfRow(report.RowUnableNotHeld) {
		t.Errorf("第 11 行（类型空着，未分类）：%+v", d)
	}
	checkProblems(t, res.Problems, []Problem{
		{8, "申请人类型“法人”不能确定"},
		{9, "办理结果“申请内容不明确”不能确定是第三部分的哪一行"},
		{10, "“收到申请日期”的“6月3日”不是日期"},
	})
}

// checkProblems checks that got are the rows of want, each with its words.
func checkProblems(t *testing.T, got, want []Problem) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("问题 %v，应为 %v", got, want)
	}
	for i, w := range want {
		if p := got[i]; p.Row != w.Row || !strings.Contains(p.Reason, w.Reason) {
			t.Errorf("问题 %d：%s，应为第 %d 行“%s”", i, p, w.Row, w.Reason)
		}
	}
}

func TestReadCSVEncodings(t *testing.T) {
	text := "某局政府信息公开申请台账,,,,\n" +
		"登记编号,收到申请日期,申请人姓名,申请人类别,答复类型,答复日期\n" +
		"A1,2025/3/5,张三,个人,不予公开 属于国家秘密,2025/3/20\n" +
		"A2, 2025年 3月 6日 ,某公司,企业,,\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"utf8.csv": text, "bom.csv": "\xEF\xBB\xBF" + text, "gbk.csv": gbk} {
		res, err := Read(name, []byte(data), Options{})
		if err != nil {
			t.Fatalf("%s：%v", name, err)
		}
		if len(res.Apps) != 2 || len(res.Problems) != 0 || res.HeaderRow != 2 {
			t.Fatalf("%s：%d 件，问题 %v，表头第 %d 行", name, len(res.Apps), res.Problems, res.HeaderRow)
		}
		a, b := res.Apps[0], res.Apps[1]
		if a.Applicant != "张三" || a.Outcome != register.OutcomeOfRow(report.RowDeniedStateSecret) || !a.Received.Equal(day("2025-03-05")) {
			t.Errorf("%s：%+v", name, a)
		}
		if b.Type != register.TypeCommercial || !b.Received.Equal(day("2025-03-06")) || b.Ended() {
			t.Errorf("%s：%+v", name, b)
		}
	}
}

func TestMappingByUser(t *testing.T) {
	text := "编号,收件日期,申请人类型,来文单位,事由\nX1,2025-04-01,商业企业,某公司,某事\n"
	res, err := Read("a.csv", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Columns[3].Field != FieldNone || res.Apps[0].Applicant != "" {
		t.Errorf("“来文单位”不应被猜作申请人：%+v", res.Columns[3])
	}
	res, err = Read("a.csv", []byte(text), Options{Map: map[string]Field{"来文单位": FieldApplicant, "事由": FieldSummary}})
	if err != nil {
		t.Fatal(err)
	}
	if a := res.Apps[0]; a.Applicant != "某公司" || a.Summary != "某事" || !res.Columns[3].ByUser {
		t.Errorf("按用户的对应：%+v", a)
	}
}

func TestRefusals(t *testing.T) {
	if _, err := Read("old.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, Options{}); !errors.Is(err, ErrXLS) {
		t.Errorf(".xls：%v", err)
	}
	if _, err := Read("a.csv", []byte("甲,乙,丙\n1,2,3\n"), Options{}); !errors.Is(err, ErrNoHeader) {
		t.Errorf("没有表头：%v", err)
	}
	if _, err := Read("a.xlsx", []byte("PK\x03\x04garbage"), Options{}); err == nil {
		t.Error("损坏的 .xlsx 应拒绝")
	}
	dup := "编号,收到日期,申请日期,申请人\n1,2025-01-02,2025-01-02,某\n"
	if _, err := Read("a.csv", []byte(dup), Options{}); err == nil || !strings.Contains(err.Error(), "都对应“收到申请日期”") {
		t.Errorf("两列对应同一字段：%v", err)
	}
	dir := t.TempDir()
	if _, err := ReadFile(dir, Options{}); err == nil {
		t.Error("文件夹应拒绝")
	}
	big := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(big, make([]byte, 33<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(big, Options{}); err == nil || !strings.Contains(err.Error(), "超过") {
		t.Errorf("过大的文件：%v", err)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"45721": "2025-03-05", "45721.5": "2025-03-05", "2025.3.5": "2025-03-05", "2025年3月5日": "2025-03-05",
		"2025-03-05 10:20:00": "2025-03-05", "2025/03/05": "2025-03-05", " 2025 年 3 月 5 日 ": "2025-03-05",
		"2025-02-30": "", "3/5/2025": "", "12345": "", "": "", "2025年3月": "",
	} {
		got, ok := parseDate(in, false)
		if (want == "") == ok || ok && got.Format(time.DateOnly) != want {
			t.Errorf("%q → %v %v，应为 %q", in, got.Format(time.DateOnly), ok, want)
		}
	}
	if got, _ := parseDate("44259", true); got.Format(time.DateOnly) != "2025-03-05" {
		t.Errorf("1904 日期系统：%s", got.Format(time.DateOnly))
	}
}

func TestExtensionColumns(t *testing.T) {
	text := "编号,收到申请日期,申请人类型,延期至,延期天数\n" +
		"E1,2025-03-03,自然人,2025-04-15,\n" + // due 03-31: 10 working days more
		"E2,2025-03-03,自然人,,5\n" +
		"E3,2025-03-03,自然人,是,\n" +
		"E4,2025-03-03,自然人,2025-06-30,\n"
	res, err := Read("a.csv", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Apps) != 2 || res.Apps[0].Extension.Days != 10 || res.Apps[1].Extension.Days != 5 {
		t.Fatalf("延期：%+v", res.Apps)
	}
	if len(res.Problems) != 2 || !strings.Contains(res.Problems[0].Reason, "没有延期至的日期") || !strings.Contains(res.Problems[1].Reason, "应为 1 到 20 个") {
		t.Errorf("问题：%v", res.Problems)
	}
}
