package combine

import (
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/data/check"
	"nianbao/data/money"
	"nianbao/data/report"
)

func readExample(t testing.TB, name string) *report.Report {
	t.Helper()
	r, err := report.ReadFile(filepath.Join("testdata", name+".nianbao.json"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

var units2024 = []string{"pingtan-czjrj-2024", "pingtan-jtjsj-2024", "pingtan-scjgj-2024", "fictional-busy-2024"}

func at(day int) time.Time { return time.Date(2025, time.January, day, 9, 0, 0, 0, time.Local) }

func mustFinish(t *testing.T, b *Batch) *Result {
	t.Helper()
	res, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestSumOfRealReports sums real published reports and compares every cell of
// the combined report with a sum computed here straight from the report fields
// (big.Rat for the fees), not through Figures.
func TestSumOfRealReports(t *testing.T) {
	b := NewBatch(Options{Agency: "平潭综合实验区管委会", Year: 2024, Now: at(20)})
	var reports []*report.Report
	for i, name := range units2024 {
		r := readExample(t, name)
		reports = append(reports, r)
		if err := b.Add(Received{Report: r, Source: name, At: at(i + 1)}); err != nil {
			t.Fatal(err)
		}
	}
	res := mustFinish(t, b)
	got := res.Combined

	var want report.Report
	fees := new(big.Rat)
	for _, r := range reports {
		p, w := &r.Proactive, &want.Proactive
		w.Rules.Issued += p.Rules.Issued
		w.Rules.Repealed += p.Rules.Repealed
		w.Rules.InForce += p.Rules.InForce
		w.NormativeDocuments.Issued += p.NormativeDocuments.Issued
		w.NormativeDocuments.Repealed += p.NormativeDocuments.Repealed
		w.NormativeDocuments.InForce += p.NormativeDocuments.InForce
		w.Licensing += p.Licensing
		w.Penalty += p.Penalty
		w.Coercion += p.Coercion
		f, ok := new(big.Rat).SetString(p.Fees)
		if !ok {
			t.Fatalf("fee %q", p.Fees)
		}
		fees.Add(fees, f)
		for i := range r.Applications {
			for c := range r.Applications[i] {
				want.Applications[i][c] += r.Applications[i][c]
			}
		}
		for g := range r.ReviewLitigation {
			for c := range r.ReviewLitigation[g] {
				want.ReviewLitigation[g][c] += r.ReviewLitigation[g][c]
			}
		}
	}
	if got.Proactive.Rules != want.Proactive.Rules || got.Proactive.NormativeDocuments != want.Proactive.NormativeDocuments ||
		got.Proactive.Licensing != want.Proactive.Licensing || got.Proactive.Penalty != want.Proactive.Penalty ||
		got.Proactive.Coercion != want.Proactive.Coercion {
		t.Errorf("part 二 = %+v, want %+v", got.Proactive, want.Proactive)
	}
	gotFee, _ := new(big.Rat).SetString(got.Proactive.Fees)
	if gotFee.Cmp(fees) != 0 || got.Proactive.Fees != "31524.56832" {
		t.Errorf("fees = %s, want %s (31524.56832)", got.Proactive.Fees, fees.FloatString(6))
	}
	for i := range want.Applications {
		for c := range want.Applications[i] {
			if got.Applications[i][c] != want.Applications[i][c] {
				t.Errorf("applications.%s[%d] = %d, want %d", report.AppRowKeys[i], c,
					got.Applications[i][c], want.Applications[i][c])
			}
		}
	}
	if got.ReviewLitigation != want.ReviewLitigation {
		t.Errorf("part 四 = %v, want %v", got.ReviewLitigation, want.ReviewLitigation)
	}
	if got.Agency != "平潭综合实验区管委会" || got.Year != 2024 || got.Preamble != "" || len(got.Overview) != 0 {
		t.Errorf("combined report without an own report should have no text: %+v", got)
	}
	// The units add up, so the sum does too; the checks ran on it.
	if e, _ := check.Counts(res.Findings); e != 0 {
		t.Errorf("sum has errors: %v", res.Findings)
	}
	if err := report.Validate(got); err != nil {
		t.Errorf("combined report not a valid file: %v", err)
	}
	// Contributions add up to the sum, cell by cell.
	for _, c := range Cells() {
		var s int64
		for _, k := range res.Contributions(c.Index) {
			s += k.Value
		}
		if s != res.Sum[c.Index] {
			t.Errorf("%s: contributions %d, sum %d", c.Label, s, res.Sum[c.Index])
		}
	}
	if res.ExitCode() != ExitOK {
		t.Errorf("exit = %d: %v", res.ExitCode(), res.Problems)
	}
}

func unit(name, fees string, granted int) *report.Report {
	r := report.New(name, 2024)
	r.Proactive.Fees = fees
	r.Applications[report.RowNew][report.ColNaturalPerson] = granted
	r.Applications[report.RowGranted][report.ColNaturalPerson] = granted
	r.FillTotals()
	return r
}

func TestFeesAddExactly(t *testing.T) {
	b := NewBatch(Options{Agency: "某县人民政府", Year: 2024})
	for i, fee := range []string{"0.1", "0.2", "0.000001", "1234567.899999"} {
		b.Add(Received{Report: unit("单位"+string(rune('甲'+i)), fee, 1), Source: "f"})
	}
	res := mustFinish(t, b)
	if got := res.Combined.Proactive.Fees; got != "1234568.2" {
		t.Errorf("fees = %s", got)
	}
	b = NewBatch(Options{Agency: "某县人民政府", Year: 2024})
	b.Add(Received{Report: unit("甲", "0.1", 0), Source: "a"})
	b.Add(Received{Report: unit("乙", "0.2", 0), Source: "b"})
	if got := mustFinish(t, b).Combined.Proactive.Fees; got != "0.3" {
		t.Errorf("0.1 + 0.2 = %s", got)
	}
}

// TestFeeBeyondFileRefused: a sum of fees beyond a unit's 9999999.999999 万元
// fits a combined report (its limits are money.MaxCombined); put into a unit's
// own report, or beyond a combined report's limit, it is refused naming the cell.
func TestFeeBeyondFileRefused(t *testing.T) {
	b := NewBatch(Options{Agency: "某县人民政府", Year: 2024})
	b.Add(Received{Report: unit("甲", "9999999.5", 0), Source: "a"})
	b.Add(Received{Report: unit("乙", "0.5", 0), Source: "b"})
	res := mustFinish(t, b)
	if got := res.Combined.Proactive.Fees; got != "10000000" {
		t.Errorf("fees = %s", got)
	}
	own := unit("某县人民政府", "0", 0)
	if err := res.Sum.Put(own); err == nil || !strings.Contains(err.Error(), "行政事业性收费") || !strings.Contains(err.Error(), "9999999.999999") {
		t.Errorf("into a unit's report: err = %v", err)
	}
	over := res.Sum
	over[FeeIndex] = int64(money.MaxCombined) + 1
	if err := over.Put(res.Combined); err == nil || !strings.Contains(err.Error(), "行政事业性收费") || !strings.Contains(err.Error(), "999999999999.999999") {
		t.Errorf("beyond a combined report: err = %v", err)
	}
}

func TestStatusesAndProblems(t *testing.T) {
	roster := []Unit{
		{Name: "县财政局", Type: report.AgencyDepartment, Group: "县直部门"},
		{Name: "县教育局", Type: report.AgencyDepartment, Group: "县直部门"},
		{Name: "县民政局", Type: report.AgencyDepartment, Group: "县直部门"},
		{Name: "城关镇", Type: report.AgencyTownship, Group: "乡镇/街道"},
		{Name: "东乡", Type: report.AgencyTownship, Group: "乡镇/街道"},
	}
	bad := unit("县教育局", "0", 3)
	bad.Applications[report.RowTotal][report.ColTotal] = 99 // stated total wrong: R2/R3 errors
	warn := unit("城关镇", "0", 2)
	warn.Overview = nil // W1: empty parts
	ok := unit("县财政局", "1.5", 4)
	ok.Overview = []report.Section{{Body: "x"}}
	ok.Problems = []report.Section{{Body: "x"}}
	ok.OtherMatters = []report.Section{{Body: "未收取信息处理费"}}
	older := unit("县财政局", "1", 1)
	other := unit("县民政局", "0", 1)
	other.Year = 2023

	cases := []struct {
		name string
		now  time.Time
		want map[string]Status
		exit int
	}{
		{"before the deadlines", time.Date(2025, 1, 20, 12, 0, 0, 0, time.Local),
			map[string]Status{"县财政局": Passed, "县教育局": Errors, "县民政局": Missing, "城关镇": Warnings, "东乡": Missing}, ExitBadInput},
		{"on 31 January", time.Date(2025, 1, 31, 23, 0, 0, 0, time.Local),
			map[string]Status{"县民政局": Missing, "东乡": Missing}, ExitBadInput},
		{"after 31 January", time.Date(2025, 2, 1, 8, 0, 0, 0, time.Local),
			map[string]Status{"县民政局": Overdue, "东乡": Missing}, ExitBadInput},
		{"after 31 March", time.Date(2025, 4, 1, 8, 0, 0, 0, time.Local),
			map[string]Status{"县民政局": Overdue, "东乡": Overdue}, ExitBadInput},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBatch(Options{Agency: "某县人民政府", Year: 2024, Roster: roster, Now: tc.now})
			b.Add(Received{Report: ok, Source: "财政局-新.json", At: at(10)})
			b.Add(Received{Report: older, Source: "财政局-旧.json", At: at(5)})
			b.Add(Received{Report: bad, Source: "教育局.json", At: at(6)})
			b.Add(Received{Report: warn, Source: "城关镇.json", At: at(7)})
			b.Add(Received{Report: other, Source: "民政局2023.json", At: at(8)})
			b.Add(Received{Report: unit("县外事办", "0", 0), Source: "外事办.json", At: at(9)})
			res := mustFinish(t, b)
			byName := map[string]*UnitStatus{}
			for _, u := range res.Units {
				byName[u.Name] = u
			}
			for name, st := range tc.want {
				if got := byName[name].Status; got != st {
					t.Errorf("%s: %s, want %s", name, got.Label(), st.Label())
				}
			}
			if res.ExitCode() != tc.exit {
				t.Errorf("exit %d, want %d", res.ExitCode(), tc.exit)
			}
			fin := byName["县财政局"]
			if fin.Source != "财政局-新.json" || len(fin.Older) != 1 || fin.Older[0] != "财政局-旧.json" {
				t.Errorf("twice: newer not used or older not kept: %+v", fin)
			}
			if fin.Figures.At(FeeIndex) != 1_500_000 {
				t.Errorf("the older report's figures were used")
			}
			if !byName["县教育局"].Included {
				t.Errorf("a unit with errors is counted (and flagged)")
			}
			text := problemText(res)
			for _, want := range []string{
				"“县财政局”收到两份报告：财政局-新.json（2025-01-10 09:00，较新，采用）和 财政局-旧.json",
				"民政局2023.json 是“县民政局”2023 年的报告，不是 2024 年的",
				"“县外事办”（外事办.json）不在名单中",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("problems lack %q:\n%s", want, text)
				}
			}
			if got := res.Absent(); strings.Join(got, "、") != "县民政局、东乡" {
				t.Errorf("absent = %v", got)
			}
		})
	}
}

func problemText(res *Result) string {
	var b strings.Builder
	for _, p := range res.Problems {
		b.WriteString(p.Message + "\n")
	}
	return b.String()
}

func TestExitCodes(t *testing.T) {
	roster := []Unit{{Name: "甲", Type: report.AgencyDepartment}, {Name: "乙", Type: report.AgencyDepartment}}
	good := func(name string) *report.Report { return unit(name, "0", 1) }
	withErr := good("乙")
	withErr.Applications[report.RowNew][report.ColTotal] = 7
	for _, tc := range []struct {
		name    string
		reports []*report.Report
		exclude map[string]bool
		want    int
	}{
		{"all present", []*report.Report{good("甲"), good("乙")}, nil, ExitOK},
		{"one missing", []*report.Report{good("甲")}, nil, ExitIncomplete},
		{"one with errors", []*report.Report{good("甲"), withErr}, nil, ExitIncomplete},
		{"the one with errors left out", []*report.Report{good("甲"), withErr}, map[string]bool{"乙": true}, ExitOK},
	} {
		b := NewBatch(Options{Agency: "县", Year: 2024, Roster: roster, Exclude: tc.exclude})
		for _, r := range tc.reports {
			b.Add(Received{Report: r, Source: r.Agency})
		}
		if got := mustFinish(t, b).ExitCode(); got != tc.want {
			t.Errorf("%s: exit %d, want %d", tc.name, got, tc.want)
		}
	}
	b := NewBatch(Options{Agency: "县", Year: 2024})
	b.Unreadable("坏.json", os.ErrNotExist)
	if got := mustFinish(t, b).ExitCode(); got != ExitBadInput {
		t.Errorf("unreadable: exit %d", got)
	}
}

// TestCountyIntoCity combines a county, then the city from the county's
// combined report, one of the county's departments sent again directly, and a
// city department: the department is not counted twice.
func TestCountyIntoCity(t *testing.T) {
	county := NewBatch(Options{Agency: "甲县人民政府", Year: 2024})
	county.Add(Received{Report: unit("甲县财政局", "0.1", 2), Source: "a"})
	county.Add(Received{Report: unit("甲县教育局", "0.2", 3), Source: "b"})
	cres := mustFinish(t, county)
	if strings.Join(cres.Members, ",") != "甲县教育局,甲县财政局" {
		t.Fatalf("county members = %v", cres.Members)
	}

	city := NewBatch(Options{Agency: "某市人民政府", Year: 2024})
	city.Add(Received{Report: cres.Combined, Source: "甲县.json", Members: cres.Members})
	city.Add(Received{Report: unit("甲县财政局", "0.1", 2), Source: "甲县财政局.json"})
	city.Add(Received{Report: unit("某市公安局", "5", 10), Source: "c"})
	res := mustFinish(t, city)
	if got := res.Combined.Applications[report.RowNew][report.ColTotal]; got != 15 {
		t.Errorf("city 本年新收 = %d, want 2+3+10 = 15 (no double counting)", got)
	}
	if got := res.Combined.Proactive.Fees; got != "5.3" {
		t.Errorf("city fees = %s, want 5.3", got)
	}
	if !strings.Contains(problemText(res), "“甲县财政局”已计入“甲县人民政府”的汇总，不再重复计入合计") {
		t.Errorf("problems: %s", problemText(res))
	}
	if strings.Join(res.Members, ",") != "某市公安局,甲县人民政府,甲县教育局,甲县财政局" {
		t.Errorf("city members = %v", res.Members)
	}
	if res.ExitCode() != ExitOK {
		t.Errorf("exit %d", res.ExitCode())
	}

	// The county's report as a plain file (its units unknown): a unit named like
	// one of the county's is pointed out, not left out.
	files := NewBatch(Options{Agency: "某市人民政府", Year: 2024})
	countyFile := cres.Combined.Clone()
	countyFile.AgencyType = report.AgencyGovernment
	countyFile.Combined = nil // a file of the format before the marker
	files.Add(Received{Report: countyFile, Source: "甲县.json"})
	files.Add(Received{Report: unit("甲县财政局", "0.1", 2), Source: "甲县财政局.json"})
	files.Add(Received{Report: unit("某市公安局", "5", 10), Source: "c"})
	res = mustFinish(t, files)
	if !strings.Contains(problemText(res), "“甲县财政局”的名称以“甲县”开头，可能已计入“甲县人民政府”的汇总") ||
		strings.Contains(problemText(res), "某市公安局”的名称") || res.ExitCode() != ExitOK {
		t.Errorf("maybe nested: exit %d\n%s", res.ExitCode(), problemText(res))
	}

	// Two combined reports that both count one unit: named, an error.
	twice := NewBatch(Options{Agency: "某市人民政府", Year: 2024})
	twice.Add(Received{Report: cres.Combined, Source: "甲县.json", Members: cres.Members})
	other := unit("乙县人民政府", "0", 1)
	twice.Add(Received{Report: other, Source: "乙县.json", Members: []string{"甲县教育局", "乙县民政局"}})
	res = mustFinish(t, twice)
	if !strings.Contains(problemText(res), "“甲县教育局”既计入了“甲县人民政府”的汇总，也计入了“乙县人民政府”的汇总") || res.ExitCode() != ExitIncomplete {
		t.Errorf("exit %d, problems: %s", res.ExitCode(), problemText(res))
	}
}

func TestHierarchyCheck(t *testing.T) {
	roster := []Unit{{Name: "甲局", Type: report.AgencyDepartment}, {Name: "乙局", Type: report.AgencyDepartment}, {Name: "丙镇", Type: report.AgencyTownship}}
	own := unit("某县人民政府", "0.5", 9) // states 9 new applications and 0.5 万元
	own.Preamble = "本级的引言"
	b := NewBatch(Options{Agency: "某县人民政府", Year: 2024, Roster: roster})
	b.Add(Received{Report: own, Source: "本级.json"})
	b.Add(Received{Report: unit("甲局", "0.1", 3), Source: "甲"})
	b.Add(Received{Report: unit("乙局", "0.2", 4), Source: "乙"})
	res := mustFinish(t, b)
	if res.Combined.Preamble != "本级的引言" {
		t.Errorf("the own report's text was not kept")
	}
	var msgs []string
	for _, f := range res.Hierarchy {
		msgs = append(msgs, f.Message)
		if f.Rule != HierarchyRule || f.Severity != check.Warning {
			t.Errorf("finding %+v", f)
		}
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{
		"“二、主动公开政府信息情况：行政事业性收费 本年收费金额（单位：万元）”本级报告填写 0.5，各单位合计 0.3（相差 +0.2）；合计中缺少：丙镇",
		"“一、本年新收政府信息公开申请数量 自然人”本级报告填写 9，各单位合计 7（相差 +2）；合计中缺少：丙镇",
		"“三、本年度办理结果（七）总计 总计”本级报告填写 9，各单位合计 7",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("hierarchy lacks %q:\n%s", want, joined)
		}
	}
	// new, granted, total rows × (自然人, 总计) and the fee.
	if len(res.Hierarchy) != 7 {
		t.Errorf("%d findings, want 7:\n%s", len(res.Hierarchy), joined)
	}
	f := res.Hierarchy[1]
	if f.Part != "三" || f.Row != "new" || f.Column != "自然人" || *f.Expected != 7 || *f.Actual != 9 {
		t.Errorf("finding = %+v", f)
	}

	// An own report without figures states nothing.
	b = NewBatch(Options{Agency: "某县人民政府", Year: 2024})
	b.Add(Received{Report: report.New("某县人民政府", 2024), Source: "本级.json"})
	b.Add(Received{Report: unit("甲局", "0.1", 3), Source: "甲"})
	if h := mustFinish(t, b).Hierarchy; len(h) != 0 {
		t.Errorf("empty own report gave %v", h)
	}
}

func TestParseRoster(t *testing.T) {
	text := "\ufeff# 某县 2024 年名单\r\n【县直部门】\r\n县财政局\r\n县教育局\t部门\r\n\r\n[乡镇/街道]\n城关镇\n东城街道办事处\t街道\n甲县人民政府\t下级政府\t下级政府\n"
	units, err := ParseRoster("名单.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []Unit{
		{"县财政局", report.AgencyDepartment, "县直部门"},
		{"县教育局", report.AgencyDepartment, "县直部门"},
		{"城关镇", report.AgencyTownship, "乡镇/街道"},
		{"东城街道办事处", report.AgencyTownship, "乡镇/街道"},
		{"甲县人民政府", report.AgencyGovernment, "下级政府"},
	}
	if len(units) != len(want) {
		t.Fatalf("units = %+v", units)
	}
	for i := range want {
		if units[i] != want[i] {
			t.Errorf("unit %d = %+v, want %+v", i, units[i], want[i])
		}
	}
	again, err := ParseRoster("x", FormatRoster(units))
	if err != nil || len(again) != len(units) {
		t.Fatalf("round trip: %v %v", again, err)
	}
	for i := range units {
		if again[i] != units[i] {
			t.Errorf("round trip %d = %+v, want %+v", i, again[i], units[i])
		}
	}
	for _, tc := range []struct{ text, want string }{
		{"甲\n乙\n甲\n", "第 3 行：“甲”与第 1 行重复"},
		{"甲\t单位\n", "第 1 行：类型“单位”不认识"},
		{"甲\t部门\tx\ty\n", "第 1 行：最多三列"},
		{"\xff\xfe甲\n", "不是 UTF-8"},
		{"# 只有注释\n\n", "没有单位"},
		{"\n {\n  \"format\": \"nianbao/1\"\n}\n", "看起来是年报文件"},
		{"县\u202e局\n", "第 1 行：单位名称含有"},
		{"县\x1b[31m局\n", "U+001B"},
	} {
		if _, err := ParseRoster("名单.txt", []byte(tc.text)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.text, err, tc.want)
		}
	}
}

// TestCellsFollowPrintedModel checks that FiguresOf and Put, which index the
// report directly for speed, read and write the very figure the printed
// model's Field names, for every cell.
func TestCellsFollowPrintedModel(t *testing.T) {
	r := readExample(t, "fictional-busy-2024")
	figs, err := FiguresOf(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(Cells()) != NumCells || !Cells()[FeeIndex].Fee {
		t.Fatalf("cells: %d, fee at %d", len(Cells()), FeeIndex)
	}
	for _, c := range Cells() {
		if got := c.Text(figs[c.Index]); got != c.Field.Text(r) {
			t.Errorf("%s (%s): %s, printed model says %s", c.Label, c.Path, got, c.Field.Text(r))
		}
	}
	var marked Figures
	for i := range marked {
		marked[i] = int64(i + 1)
	}
	out := report.New("x", 2024)
	if err := marked.Put(out); err != nil {
		t.Fatal(err)
	}
	for _, c := range Cells() {
		if got := c.Field.Text(out); got != c.Text(marked[c.Index]) {
			t.Errorf("Put %s: %s, want %s", c.Label, got, c.Text(marked[c.Index]))
		}
	}
	if c, ok := CellByPath("applications.new[6]"); !ok || c.Label != "一、本年新收政府信息公开申请数量 总计" || !c.Total {
		t.Errorf("CellByPath = %+v", c)
	}
	if c, ok := CellByPath("proactive.rules.in_force"); !ok || c.Label != "二、主动公开政府信息情况：规章 现行有效件数" {
		t.Errorf("CellByPath = %+v", c)
	}
	key := KeyFiguresOf(&marked)
	for path, got := range map[string]int64{"proactive.licensing": key.Licensing, "proactive.penalty": key.Penalty,
		"applications.new[6]": key.New, "applications.total[6]": key.Closed, "review_litigation.review[4]": key.Review} {
		if c, ok := CellByPath(path); !ok || got != marked[c.Index] {
			t.Errorf("key figure of %s = %d, want %d", path, got, marked[c.Index])
		}
	}
}

func TestSparse(t *testing.T) {
	var f Figures
	f[0], f[17], f[FeeIndex], f[NumCells-1] = 3, 5, 1_000_001, 9
	s := f.Compact()
	for i := range f {
		if s.At(i) != f[i] {
			t.Errorf("At(%d) = %d, want %d", i, s.At(i), f[i])
		}
	}
	if s.Full() != f {
		t.Errorf("Full differs")
	}
	var sum Figures
	s.AddTo(&sum)
	s.AddTo(&sum)
	if sum[17] != 10 || sum[NumCells-1] != 18 {
		t.Errorf("AddTo: %v", sum)
	}
	if (Sparse{}).At(3) != 0 {
		t.Errorf("zero Sparse")
	}
}

// TestCopiedTextBetweenUnits: units whose body text is the same are each told
// so in their status (W9 naming how many units share it), an older version
// replaced in the round is not counted as another unit, and a unit with its
// own text is not touched.
func TestCopiedTextBetweenUnits(t *testing.T) {
	busy := readExample(t, "fictional-busy-2024")
	b := NewBatch(Options{Agency: "测试县人民政府", Year: 2024, Now: at(20)})
	names := []string{"测试县第0001局", "测试县第0002局", "测试县第0003局", "测试县第0004局"}
	for i, name := range names {
		r := busy.Clone()
		r.Agency = name
		if err := b.Add(Received{Report: r, Source: name + ".json", At: at(i + 1)}); err != nil {
			t.Fatal(err)
		}
	}
	// A newer report of the first unit with the same text: still four units.
	again := busy.Clone()
	again.Agency = names[0]
	if err := b.Add(Received{Report: again, Source: "重发.json", At: at(9)}); err != nil {
		t.Fatal(err)
	}
	own := readExample(t, "pingtan-czjrj-2024")
	if err := b.Add(Received{Report: own, Source: "czjrj.json", At: at(5)}); err != nil {
		t.Fatal(err)
	}
	res := mustFinish(t, b)
	for _, u := range res.Units {
		var w9 []check.Finding
		for _, f := range u.Findings {
			if f.Rule == "W9" {
				w9 = append(w9, f)
			}
		}
		if u.Name == own.Agency {
			if len(w9) != 0 {
				t.Errorf("%s has its own text, got W9: %v", u.Name, w9)
			}
			continue
		}
		if len(w9) != 1 || !strings.Contains(w9[0].Message, "与同年度 3 个单位的报告（") {
			t.Errorf("%s: want one W9 naming 3 units, got %v", u.Name, w9)
			continue
		}
		if u.Status != Warnings && u.Status != Errors || u.Warnings == 0 {
			t.Errorf("%s: status %s with %d warnings despite W9", u.Name, u.Status.Label(), u.Warnings)
		}
	}
}

// TestEarlierSumAmongUnits: an earlier sum of the round's units left among
// its inputs is not counted (the sum is not doubled) and is an error: found
// by what a combined report says it sums, and, for a report that does not
// say it, by its figures being the others' sum.
func TestEarlierSumAmongUnits(t *testing.T) {
	sumOf := func(t *testing.T) *report.Report {
		b := NewBatch(Options{Agency: "平潭综合实验区管委会", Year: 2024, Now: at(20)})
		for i, name := range units2024 {
			b.Add(Received{Report: readExample(t, name), Source: name, At: at(i + 1)})
		}
		return mustFinish(t, b).Combined
	}
	for _, tc := range []struct {
		name   string
		marked bool
		want   string
	}{
		{"marked", true, "“平潭综合实验区”（合计.nianbao.json）是汇总的合计，它所汇总的 4 个单位也都在本次汇总中，未计入合计"},
		{"by figures", false, "“平潭综合实验区”（合计.nianbao.json）的每个数字都恰好等于其余 4 个单位之和，应是此前汇总的合计，未计入合计"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := sumOf(t)
			earlier := want.Clone()
			earlier.Agency = "平潭综合实验区" // written with another --agency
			if !tc.marked {
				earlier.Combined = nil // a file of the format before the marker
			}
			b := NewBatch(Options{Agency: "平潭综合实验区管委会", Year: 2024, Now: at(20)})
			var names []string
			for i, name := range units2024 {
				r := readExample(t, name)
				names = append(names, r.Agency)
				b.Add(Received{Report: r, Source: name, At: at(i + 1)})
			}
			var members []string
			if tc.marked {
				members = names
			}
			b.Add(Received{Report: earlier, Source: "合计.nianbao.json", At: at(9), Members: members})
			res := mustFinish(t, b)
			got, _ := FiguresOf(res.Combined)
			if wantF, _ := FiguresOf(want); got != wantF {
				t.Errorf("the earlier sum was counted: 本年新收 %d", res.Combined.Applications[report.RowNew][report.ColTotal])
			}
			if !strings.Contains(problemText(res), tc.want) {
				t.Errorf("problems lack %q:\n%s", tc.want, problemText(res))
			}
			if res.ExitCode() != ExitBadInput {
				t.Errorf("exit %d, want %d", res.ExitCode(), ExitBadInput)
			}
		})
	}
}

// TestSumBeyondFileRoundStands: a sum with a figure beyond what a report file
// holds names the cell, and the round is still whole: statuses, the sum and
// its problems, exit 1.
func TestSumBeyondFileRoundStands(t *testing.T) {
	b := NewBatch(Options{Agency: "全国", Year: 2024, Roster: []Unit{{Name: "甲省人民政府"}, {Name: "乙省人民政府"}, {Name: "丙省人民政府"}}, Now: at(20)})
	for i, name := range []string{"甲省人民政府", "乙省人民政府"} {
		r := unit(name, "0", 1) // a province's sum: within a combined report's limits
		r.Combined = &report.Combination{Units: []string{name + "甲局", name + "乙局"}}
		r.Proactive.Licensing = 600_000_000_000
		b.Add(Received{Report: r, Source: name + ".json", At: at(i + 1)})
	}
	res, err := b.Finish()
	var beyond *BeyondError
	if !errors.As(err, &beyond) || !strings.Contains(err.Error(), "合计为 1200000000000，超出年报文件能容纳的 999999999999") {
		t.Fatalf("err = %v", err)
	}
	if res == nil {
		t.Fatal("no result with the sum beyond the file")
	}
	if len(res.Units) != 3 || !res.Units[0].Status.Received() || !res.Units[0].Included || res.Units[2].Status != Missing {
		t.Errorf("statuses: %+v", res.Units)
	}
	if got := res.Sum[6]; got != 1_200_000_000_000 {
		t.Errorf("sum of 行政许可 = %d", got)
	}
	if !strings.Contains(problemText(res), "各单位的收报情况和汇总表格照常给出") || res.ExitCode() != ExitIncomplete {
		t.Errorf("exit %d, problems:\n%s", res.ExitCode(), problemText(res))
	}
}

// TestRosterListsTheAgencyItself: a roster unit named like the combining
// agency is a unit whose report is there, not 已逾期.
func TestRosterListsTheAgencyItself(t *testing.T) {
	roster := []Unit{{Name: "某县人民政府", Type: report.AgencyGovernment}, {Name: "县财政局", Type: report.AgencyDepartment}}
	b := NewBatch(Options{Agency: "某县人民政府", Year: 2024, Roster: roster, Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.Local)})
	b.Add(Received{Report: unit("某县人民政府", "0", 2), Source: "县政府.json", At: at(1)})
	b.Add(Received{Report: unit("县财政局", "0", 3), Source: "财政局.json", At: at(2)})
	res := mustFinish(t, b)
	if u := res.Units[0]; !u.Status.Received() || !u.Included || u.Source != "县政府.json" {
		t.Errorf("the rostered agency: %s, included %v", u.Status.Label(), u.Included)
	}
	if got := res.Combined.Applications[report.RowNew][report.ColTotal]; got != 5 || res.Own != nil {
		t.Errorf("本年新收 %d, own %v", got, res.Own)
	}
}

// TestTwoReportsAtOneTime: two reports of a unit received at the same time
// are not ordered by their names: with the same figures the sum is the same,
// with different ones the unit is left out and named.
func TestTwoReportsAtOneTime(t *testing.T) {
	for _, tc := range []struct {
		name     string
		second   int
		included bool
		want     string
	}{
		{"same figures", 3, true, "两份的数字相同，合计不受影响"},
		{"different figures", 4, false, "无法判断哪份较新，暂不计入合计"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBatch(Options{Agency: "某县人民政府", Year: 2024, Now: at(20)})
			b.Add(Received{Report: unit("县财政局", "0", 3), Source: "a.json", At: at(5)})
			b.Add(Received{Report: unit("县财政局", "0", tc.second), Source: "b.json", At: at(5)})
			b.Add(Received{Report: unit("县教育局", "0", 1), Source: "c.json", At: at(5)})
			res := mustFinish(t, b)
			fin := res.Units[0]
			if fin.Included != tc.included || !strings.Contains(problemText(res), tc.want) || res.ExitCode() != ExitBadInput {
				t.Errorf("included %v, exit %d, problems:\n%s", fin.Included, res.ExitCode(), problemText(res))
			}
			want := 1
			if tc.included {
				want = 4
			}
			if got := res.Combined.Applications[report.RowNew][report.ColTotal]; got != want {
				t.Errorf("本年新收 %d, want %d", got, want)
			}
		})
	}
}

func TestStoredSource(t *testing.T) {
	for _, tt := range []struct {
		saved time.Time
		want  string
	}{
		{time.Date(2025, 2, 20, 10, 31, 5, 0, time.Local), "2025年2月20日 10:31 保存的年报"},
		{time.Time{}, "已保存的年报"},
	} {
		if got := StoredSource(tt.saved); got != tt.want {
			t.Errorf("StoredSource(%v) = %q, want %q", tt.saved, got, tt.want)
		}
	}
}
