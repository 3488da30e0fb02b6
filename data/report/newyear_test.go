package report

import (
	"fmt"
	"reflect"
	"testing"
)

func TestNewFromPrevious(t *testing.T) {
	prev := sample("中卫市民政局", 2023, 4)
	prev.AgencyType = AgencyDepartment
	prev.Title = "中卫市民政局2023年度政府信息公开工作年度报告"
	prev.Preamble = "本报告依据《条例》编制，统计期限为2023年1月1日至2023 年12月31日，数据截至2023年12月31日。二〇二三年度共12023件。"
	prev.Proactive.Rules = DocCounts{Issued: 1, Repealed: 2, InForce: 3}
	prev.Proactive.NormativeDocuments = DocCounts{Issued: 4, Repealed: 5, InForce: 6}
	prev.Proactive.Penalty, prev.Proactive.Coercion, prev.Proactive.Fees = 7, 8, "9.5"
	prev.Applications[RowCarriedOver] = AppRow{5, 5, 5, 5, 5, 5, 30}
	prev.Applications[RowCarriedForward] = AppRow{1, 2, 3, 4, 5, 6, 22} // total as stated, wrong on purpose
	prev.ReviewLitigation[GroupLitigationDirect] = CaseRow{1, 1, 1, 1, 4}
	prev.OtherMatters = []Section{{Heading: "（一）2023年政务公开工作要点落实情况", Body: "落实。"}}

	got := NewFromPrevious(prev, 2024)

	want := New("中卫市民政局", 2024)
	want.AgencyType = AgencyDepartment
	want.Title = "中卫市民政局2024年度政府信息公开工作年度报告"
	want.Preamble = "本报告依据《条例》编制，统计期限为2024年1月1日至2024 年12月31日，数据截至2024年12月31日。二〇二四年度共12023件。"
	want.Overview = []Section{{Heading: ""}, {Heading: "（一）主动公开政府信息情况。"}}
	want.Problems = []Section{{Heading: "（一）存在问题"}}
	want.OtherMatters = []Section{{Heading: "（一）2024年政务公开工作要点落实情况"}}
	want.Closing = prev.Closing
	want.Proactive.Rules.InForce = 3
	want.Proactive.NormativeDocuments.InForce = 6
	want.Applications[RowCarriedOver] = AppRow{1, 2, 3, 4, 5, 6, 22}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NewFromPrevious:\ngot  %+v\nwant %+v", got, want)
	}
	if prev.Year != 2023 || prev.Overview[1].Body == "" {
		t.Error("NewFromPrevious changed prev")
	}

	prev.Title = ""
	if got := NewFromPrevious(prev, 2024); got.Title != "" {
		t.Errorf("empty title became %q", got.Title)
	}
}

func TestReplaceYear(t *testing.T) {
	tests := []struct {
		in     string
		asYear bool
		want   string
	}{
		{"2023年", true, "2024年"},
		{"2023 年度", true, "2024 年度"},
		{"二〇二三年", true, "二〇二四年"},
		{"二○二三年", true, "二○二四年"},
		{"共2023件", true, "共2023件"},           // not a year
		{"共2023件", false, "共2024件"},          // a title names the year bare
		{"12023年", true, "12023年"},           // inside a longer number
		{"20231年", true, "20231年"},           // likewise
		{"2022年至2023年", true, "2022年至2024年"}, // only the previous year
		{"2024年1月发布", true, "2024年1月发布"},     // other years stay
		{"", false, ""},
	}
	for _, tt := range tests {
		if got := replaceYear(tt.in, 2023, 2024, tt.asYear); got != tt.want {
			t.Errorf("replaceYear(%q, %v) = %q, want %q", tt.in, tt.asYear, got, tt.want)
		}
	}
}

// sample is a small report with text in every part and figures that carry over.
func sample(agency string, year, n int) *Report {
	r := New(agency, year)
	r.Preamble = fmt.Sprintf("根据《中华人民共和国政府信息公开条例》，现公布%d年度报告。（%d）", year, n)
	r.Overview = []Section{
		{Heading: "", Body: "总体情况。"},
		{Heading: "（一）主动公开政府信息情况。", Body: fmt.Sprintf("第一段%d。\n\n第二段。", n)},
	}
	r.Proactive.NormativeDocuments = DocCounts{Issued: 2, Repealed: 1, InForce: 5 + n}
	r.Proactive.Licensing = n
	r.Proactive.Fees = "1.25"
	r.Applications[RowNew] = AppRow{n + 3, 1, 0, 0, 0, 0, 0}
	r.Applications[RowGranted] = AppRow{n + 1, 1, 0, 0, 0, 0, 0}
	r.Applications[RowCarriedForward] = AppRow{2, 0, 0, 0, 0, 0, 0}
	r.ReviewLitigation[GroupReview] = CaseRow{1, 0, 0, 0, 0}
	r.Problems = []Section{{Heading: "（一）存在问题", Body: "问题。"}}
	r.Closing = "联系电话：0955-1234567"
	r.FillTotals()
	return r
}
