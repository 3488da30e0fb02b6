package check

import (
	"strings"
	"testing"

	"nianbao/data/report"
)

// W8 reads the text before and after the tables of parts 二–四 (format
// nianbao/2) as it reads parts 一, 五 and 六, and names it in the report's
// printed words; the sentences are of published reports (平潭 2024, 2023).
func TestTextFiguresAroundTables(t *testing.T) {
	tests := []struct {
		name  string
		set   func(r *report.Report, s string)
		text  string
		table func(*report.Report)
		row   string // "" = no W8
		part  string
		field string
		where string
	}{
		{"part 三 before its table", func(r *report.Report, s string) { r.ApplicationsText.Before = "本年度情况如下。\n\n" + s },
			"全年办理政府信息公开申请218件。", apps(218, 0, 200, 18), "total", "三", "before", "三、收到和处理政府信息公开申请情况表格前的文字"},
		{"part 四 after its table", func(r *report.Report, s string) { r.ReviewLitigationText.After = s },
			"因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。", func(r *report.Report) { apps(0, 0, 0, 0)(r); cases(3, 5, 2)(r) },
			"review", "四", "after", "四、政府信息公开行政复议、行政诉讼情况表格后的文字"},
		{"part 二 after its table", func(r *report.Report, s string) { r.ProactiveText.After = s },
			"动态更新发布本年度制发行政规范性文件62件，并同步做好全真版上传等工作。", docs(6, 0, 40),
			"normative_documents", "二", "after", "二、主动公开政府信息情况表格后的文字"},
		{"agreeing text", func(r *report.Report, s string) { r.ApplicationsText.After = s },
			"全年办理政府信息公开申请218件。", apps(218, 0, 218, 0), "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tableOf(2024, "", tt.table)
			r.Overview = nil
			tt.set(r, tt.text)
			got := only(Run(r, nil), "W8")
			if tt.row == "" {
				if len(got) != 0 {
					t.Fatalf("W8 = %+v, want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d W8 findings, want 1: %+v", len(got), got)
			}
			f := got[0]
			if f.Row != tt.row || f.Text == nil || f.Text.Part != tt.part || f.Text.Field != tt.field || f.Text.Section != 0 {
				t.Fatalf("W8 row %q text %+v, want row %q in part %s %s", f.Row, f.Text, tt.row, tt.part, tt.field)
			}
			box := *r.TableText(map[string]int{"二": 1, "三": 2, "四": 3}[tt.part])
			field := box.Before
			if tt.field == "after" {
				field = box.After
			}
			if sel := string([]rune(field)[f.Text.Start:f.Text.End]); sel != f.Text.Quote || !strings.HasPrefix(f.Message, tt.where+"称“"+sel) {
				t.Errorf("W8 selects %q, quote %q, message %q", sel, f.Text.Quote, f.Message)
			}
		})
	}
}

// The fee stated after part 二's table is compared with the table's (W8).
func TestTextFeeAroundTable(t *testing.T) {
	r := report.New("平潭综合实验区财政金融局", 2024)
	r.Proactive.Fees = "18651.064104"
	r.ProactiveText.After = "全年行政事业性收费18651.07万元。"
	got := only(Run(r, nil), "W8")
	if len(got) != 1 || got[0].Row != "fees" || got[0].Text == nil || got[0].Text.Part != "二" ||
		!strings.HasPrefix(got[0].Message, "二、主动公开政府信息情况表格后的文字") {
		t.Fatalf("W8 = %+v", got)
	}
}
