package forms

import (
	"strings"
	"testing"

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
		"# 基本信息（提示 1 个）", "标题提示",
		"# 一、总体情况（提示 1 个）", "一的提示",
		"# 三、依申请公开（错误 2 个，提示 1 个）", "三的错误甲", "三的错误乙", "三的提示",
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
