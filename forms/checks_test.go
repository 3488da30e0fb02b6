package forms

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"nianbao/assets"
	"nianbao/data/check"
	"nianbao/data/report"
)

func TestChecksGroupedByPartErrorsFirst(t *testing.T) {
	in := []check.Finding{
		{Rule: "W5", Severity: check.Warning, Part: "三", Message: "三的提示"},
		{Rule: "W1", Severity: check.Warning, Part: "", Row: "title", Message: "标题提示"},
		{Rule: "R4", Severity: check.Error, Part: "四", Message: "四的错误"},
		{Rule: "R1", Severity: check.Error, Part: "三", Message: "三的错误甲"},
		{Rule: "W2", Severity: check.Warning, Part: "一", Message: "一的提示"},
		{Rule: "R2", Severity: check.Error, Part: "三", Message: "三的错误乙"},
	}
	var got []string
	for _, r := range groupFindings(in) {
		if r.finding == nil {
			got = append(got, "# "+r.heading)
		} else {
			got = append(got, r.finding.Message)
		}
	}
	want := []string{
		"# 基本信息（警告 1 个）", "标题提示",
		"# 一、总体情况（警告 1 个）", "一的提示",
		"# 三、依申请公开（错误 2 个，警告 1 个）", "三的错误甲", "三的错误乙", "三的提示",
		"# 四、复议诉讼（错误 1 个）", "四的错误",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// An imported report whose figures do not add up because of one cell: the
// finding says the difference, names the cell, marks it, and goes to it.
func TestChecksNameTheLikelySlip(t *testing.T) {
	e, w := newTestEditor(t)
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	r.Applications[report.RowGranted][report.ColCommercial] += 3 // the totals stay as stated
	e.SetReport(r, nil)

	var slipRow = -1
	for i, row := range e.checks.rows {
		if row.finding != nil && row.finding.Slip != nil {
			slipRow = i
			break
		}
	}
	if slipRow < 0 {
		t.Fatalf("no finding names a slip: %+v", e.Findings())
	}
	if e.checks.rows[0].finding != nil || !strings.HasPrefix(e.checks.rows[0].heading, "三、依申请公开（错误") {
		t.Errorf("first row %+v, want the heading of part 三", e.checks.rows[0])
	}
	f := *e.checks.rows[slipRow].finding
	text := e.checks.text(f)
	if !strings.Contains(text, "（差 3）") || !strings.Contains(text, "最可能填错的是：三、本年度办理结果（一）予以公开 · 商业企业") {
		t.Errorf("finding reads %q", text)
	}
	slip := appCell(t, e, report.RowGranted, report.ColCommercial)
	if slip.shown != markError {
		t.Errorf("the slip cell is marked %v", slip.shown)
	}
	if other := appCell(t, e, report.RowGranted, report.ColResearch); other.shown != markNone {
		t.Errorf("a cell beside the slip is marked %v", other.shown)
	}
	e.selectTab(tabChecks)
	e.checks.list.Select(slipRow)
	if w.Canvas().Focused() != slip.entry {
		t.Error("choosing the finding does not put the cursor in the slip")
	}
}

// A report whose text 2,000 other units of its year share (the window's
// database of copies): one W9 finding naming how many and the first three,
// one line of the 检查 list laid out for it, and edits after it lay out
// nothing again when the findings stay the same.
func TestSameYearCopiesOneFinding(t *testing.T) {
	e, _ := newTestEditor(t)
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	e.SetReport(r, nil)
	before := e.Findings()
	var others []*report.Report
	for i := range 2000 {
		o := r.Clone()
		o.Agency = fmt.Sprintf("测试县第%04d局", i)
		others = append(others, o)
	}
	laid := e.checks.laidOut
	e.SetSameYear(check.NewSameYearIndex(others))
	var w9 []check.Finding
	for _, f := range e.Findings() {
		if f.Rule == check.CopiedTextRule {
			w9 = append(w9, f)
		}
	}
	if len(w9) != 1 || !strings.Contains(w9[0].Message, "与同年度 2000 个单位的报告（测试县第0000局、测试县第0001局、测试县第0002局、…）文字雷同") {
		t.Fatalf("W9 findings against 2,000 copies: %+v", w9)
	}
	if got, want := len(e.Findings()), len(before)+1; got != want {
		t.Errorf("%d findings, want %d (those before and one W9)", got, want)
	}
	if got := e.checks.list.Length(); got > len(e.Findings())+len(checkParts)+1 {
		t.Errorf("the 检查 list has %d rows for %d findings", got, len(e.Findings()))
	}
	// The W9 line and its part's heading changed; nothing else is laid out again.
	if n := e.checks.laidOut - laid; n == 0 || n > 2 {
		t.Errorf("%d rows laid out for the W9 finding, want 1 or 2", n)
	}
	laid = e.checks.laidOut
	e.SetPrevious(nil)
	if n := e.checks.laidOut - laid; n != 0 {
		t.Errorf("re-checking the same findings laid out %d rows again", n)
	}
}

// TestFindingKindIsTheStatusBarsWord: the list calls a warning what the
// status bar and the 汇总 view call it, 警告 (issue 19 point 11).
func TestFindingKindIsTheStatusBarsWord(t *testing.T) {
	for _, tt := range []struct {
		sev  check.Severity
		want string
	}{{check.Warning, "【警告】"}, {check.Error, "【错误】"}} {
		if got := findingText(check.Finding{Severity: tt.sev, Message: "某事"}); !strings.HasPrefix(got, tt.want) {
			t.Errorf("findingText(%v) = %q, want it to begin with %q", tt.sev, got, tt.want)
		}
	}
}

// The list narrowed (预览 opened beside it at 1024×600): each row is laid out
// again at the new width, not left as high as at the old one, where a message
// wrapped to more lines ran over the next row.
func TestCheckRowsRewrapWhenTheListNarrows(t *testing.T) {
	e, w := newTestEditor(t)
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	r.Applications[report.RowGranted][report.ColCommercial] += 3
	e.SetReport(r, nil)
	e.selectTab(tabChecks)
	if len(e.checks.rows) == 0 {
		t.Fatal("no findings")
	}
	wide := e.checks.heightsAt
	w.Resize(fyne.NewSize(520, 1280))
	narrow := e.checks.heightsAt
	if narrow >= wide {
		t.Fatalf("rows laid out at width %v after narrowing, %v before", narrow, wide)
	}
	taller := false
	for _, row := range e.checks.rows {
		key := rowText{row.heading, true}
		if row.finding != nil {
			key = rowText{e.checks.text(*row.finding), false}
		}
		want := breakHeight(key.text, key.bold, narrow)
		if got := e.checks.heights[key]; got != want {
			t.Errorf("row %q: height %v, want %v at the narrow width", key.text, got, want)
		}
		if want > breakHeight(key.text, key.bold, wide) {
			taller = true
		}
	}
	if !taller {
		t.Error("no row wraps to more lines at the narrow width: the test shows nothing")
	}
}
