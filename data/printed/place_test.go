package printed

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"nianbao/data/report"
)

func TestPlace(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{"applications.new[0]", "三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 自然人"},
		{"applications.denied_state_secret[6]", "三、收到和处理政府信息公开申请情况 · 三、本年度办理结果（三）不予公开 1.属于国家秘密 · 总计"},
		{"applications.new", "三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量"},
		{"applications.nwe", "三、收到和处理政府信息公开申请情况中的字段“nwe”"},
		{"proactive.rules.in_force", "二、主动公开政府信息情况 · 规章 · 现行有效件数"},
		{"proactive.fees", "二、主动公开政府信息情况 · 行政事业性收费 · 本年收费金额（单位：万元）"},
		{"review_litigation.litigation_after_review[1]", "四、政府信息公开行政复议、行政诉讼情况 · 行政诉讼（复议后起诉） · 结果纠正"},
		{"overview[2].body", "一、总体情况 · 第 3 节的正文"},
		{"problems[0].heading", "五、存在的主要问题及改进情况 · 第 1 节的小标题"},
		{"applications_text.after", "三、收到和处理政府信息公开申请情况表格后的文字"},
		{"combined.units[4]", "汇总的年报所汇总的单位 · 第 5 个单位"},
		{"year", "报告年度"},
		{`["年 度"]`, "文件中的字段“年 度”"},
		{"", "年报文件"},
	} {
		got := Place(tt.path)
		if got != tt.want {
			t.Errorf("Place(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

// TestExplainNamesNoPath: every error Parse gives about a figure, a text or an
// unknown key names its place in printed words once, never the JSON path.
func TestExplainNamesNoPath(t *testing.T) {
	for _, tt := range []struct{ file, want string }{
		{`{"format":"nianbao/1","agency":"某局","year":2023,"applications":{"new":[-1,0,0,0,0,0,0]}}`,
			"三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 自然人：应为"},
		{`{"format":"nianbao/1","agency":"某局","year":2023,"overview":[{"heading":"一","bodi":""}]}`,
			"一、总体情况 · 第 1 节中的字段“bodi”：未知的字段"},
		{`{"format":"nianbao/2","agency":"某局","year":2023,"applications_text":{"before":1}}`,
			"三、收到和处理政府信息公开申请情况表格前的文字："},
		{`{"format":"nianbao/1","agency":"某局","year":1800}`, "报告年度：应为"},
	} {
		_, err := report.Parse([]byte(tt.file))
		if err == nil {
			t.Fatalf("Parse accepted %s", tt.file)
		}
		err = Explain(fmt.Errorf("某.json：%w", err))
		msg := err.Error()
		if !strings.Contains(msg, tt.want) {
			t.Errorf("Explain: %q lacks %q", msg, tt.want)
		}
		var fe *report.FileError
		if errors.As(err, &fe) && (strings.Contains(msg, fe.Path) || strings.Count(msg, fe.Where) != 1) {
			t.Errorf("Explain: %q names the path %q or its place more than once", msg, fe.Path)
		}
	}
}

func TestRowName(t *testing.T) {
	for _, tt := range []struct{ part, row, want string }{
		{"二", "rules", "规章"},
		{"二", "fees", "行政事业性收费"},
		{"三", "new", "一、本年新收政府信息公开申请数量"},
		{"四", "litigation_after_review", "行政诉讼（复议后起诉）"},
		{"", "title", "标题"},
		{"", "closing", "结尾"},
		{"一", "", ""},
		{"三", "nothing", ""},
	} {
		if got := RowName(tt.part, tt.row); got != tt.want {
			t.Errorf("RowName(%q, %q) = %q, want %q", tt.part, tt.row, got, tt.want)
		}
	}
}
