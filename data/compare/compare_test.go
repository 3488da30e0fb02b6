package compare

import (
	"strings"
	"testing"

	"nianbao/data/report"
)

func TestReports(t *testing.T) {
	a := report.New("中卫市民政局", 2023)
	a.Overview = []report.Section{{Heading: "（一）", Body: "甲"}}
	b := a.Clone()
	if got := Reports(a, b); len(got) != 0 {
		t.Fatalf("same content: %v", got)
	}
	b.Applications[report.RowNew][report.ColNaturalPerson] = 12
	b.Proactive.Fees = "1.5"
	b.Overview = append(b.Overview, report.Section{Body: strings.Repeat("长", 100)})
	b.ProactiveText.Before = "（一）主动公开政府信息的数量" // format nianbao/2
	a.ReviewLitigationText.After = "本年度无行政复议。"
	b.Combined = &report.Combination{Units: []string{"甲局", "乙局"}}
	got := Reports(a, b)
	want := []Change{
		{"所汇总的单位", "（空）", "甲局、乙局"},
		{"一、总体情况 · 第 2 节正文", "（空）", strings.Repeat("长", excerptRunes) + "……"},
		{"二、主动公开政府信息情况 · 表格前的文字", "（空）", "（一）主动公开政府信息的数量"},
		{"二、主动公开政府信息情况 · 行政事业性收费 · 本年收费金额（单位：万元）", "0", "1.5"},
		{"三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 自然人", "0", "12"},
		{"四、政府信息公开行政复议、行政诉讼情况 · 表格后的文字", "本年度无行政复议。", "（空）"},
	}
	if len(got) != len(want) {
		t.Fatalf("changes %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("change %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
