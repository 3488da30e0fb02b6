package report

import (
	"strings"
	"testing"
)

func TestCleanText(t *testing.T) {
	long := strings.Repeat("很", 150)
	for _, tc := range []struct{ field, in, want string }{
		{FieldAgency, "示例市人民政府 ", "示例市人民政府"},
		{FieldAgency, "　示例市人民政府", "示例市人民政府"},
		{FieldAgency, "示例市\u200b人民政府", "示例市人民政府"},
		{FieldAgency, "示例市\u202e人民\x1b[2J政府", "示例市人民[2J政府"},
		{FieldAgency, "示例市\n人民政府", "示例市 人民政府"},
		{FieldAgency, "示例市\xff人民政府", "示例市人民政府"},
		{FieldAgency, "示例市" + long, "示例市" + long[:97*3]},
		{FieldAgency, "示例市人民政府", "示例市人民政府"},
		{FieldHeading, "\t（一）概述\t", "（一）概述"},
		{FieldBody, "第一行\n\t第二行\x07\u202e。 ", "第一行\n\t第二行。 "},
	} {
		got := CleanText(tc.field, tc.in)
		if got != tc.want {
			t.Errorf("CleanText(%s, %q) = %q, want %q", tc.field, tc.in, got, tc.want)
		}
		if m := TextProblem(tc.field, got); m != "" {
			t.Errorf("CleanText(%s, %q) = %q, which the rules refuse: %s", tc.field, tc.in, got, m)
		}
	}
}

// TestCleanOldReport: a report as an older release saved it (names with a
// trailing space, a zero-width character; a heading with a tab; a body with an
// escape) is made valid, each change named in the report's printed words and
// said not to be the user's typing mistake.
func TestCleanOldReport(t *testing.T) {
	r := New("示例市\u200b人民政府 ", 2024)
	r.Title = "示例市人民政府2024年政府信息公开工作年度报告 "
	r.Overview = []Section{{Heading: "（一）概述", Body: "正文。"}, {Heading: "（二）\t平台", Body: "正文\x1b[2J。"}}
	if err := Validate(r); err == nil {
		t.Fatal("the old report passes the rules")
	}
	got := Clean(r)
	if err := Validate(r); err != nil {
		t.Fatalf("after Clean: %v", err)
	}
	want := []struct{ where, msg string }{
		{"机关名称", "机关名称“示例市\u200b人民政府 ”是旧版本保存的，含有不可见的字符 U+200B（如零宽空格）（现在的版本不接受），已改为“示例市人民政府”"},
		{"标题", "已改为“示例市人民政府2024年政府信息公开工作年度报告”"},
		{"一、总体情况第2段的小标题", "含有制表符 U+0009（现在的版本不接受），已改为“（二） 平台”"},
		{"一、总体情况第2段", "一、总体情况第2段是旧版本保存的，含有不可见的控制字符 U+001B（现在的版本不接受），已删去这些字符"},
	}
	if len(got) != len(want) {
		t.Fatalf("Clean changed %d texts, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Where != w.where || !strings.Contains(got[i].Message(), w.msg) {
			t.Errorf("change %d: %s: %s, want %s: …%s", i, got[i].Where, got[i].Message(), w.where, w.msg)
		}
	}
	if again := Clean(r); len(again) != 0 {
		t.Errorf("a clean report changed again: %+v", again)
	}
}
