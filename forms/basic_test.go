package forms

import (
	"strings"
	"testing"

	"nianbao/data/report"
)

// TestBasicRefusesBadText: the agency and title fields refuse what the reader
// refuses (one validator, report.TextProblem), name the character, and the
// report keeps the last fit text; a fit text is taken at once.
func TestBasicRefusesBadText(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetReport(report.New("某局", 2023), nil)
	for _, tc := range []struct {
		entry      *textEntry
		text, want string
	}{
		{e.basic.agency, "某局\x1b[31m", "机关名称：含有不可见的控制字符 U+001B"},
		{e.basic.agency, "某局\u202e", "机关名称：含有改变文字方向的控制字符 U+202E"},
		{e.basic.agency, "某\u200b局", "机关名称：含有不可见的字符 U+200B"},
		{e.basic.agency, "某局 ", "机关名称：开头或结尾有空格"},
		{e.basic.agency, "", "机关名称：请填写机关名称"},
		{e.basic.title, "年度\n报告", "标题：含有换行符 U+000A"},
		{e.basic.title, strings.Repeat("长", report.MaxTitleLen+1), "标题：长度为 201 个字"},
	} {
		tc.entry.SetText(tc.text)
		r := e.Report()
		if r.Agency != "某局" || r.Title != "" {
			t.Errorf("%q taken into the report: %q %q", tc.text, r.Agency, r.Title)
		}
		if e.InvalidCount() != 1 || !e.basic.msg.Visible() || !strings.Contains(e.basic.msg.Text, tc.want) {
			t.Errorf("%q: invalid %d, message %q, want %q", tc.text, e.InvalidCount(), e.basic.msg.Text, tc.want)
		}
		tc.entry.SetText("")
		e.basic.agency.SetText("某局")
	}
	e.basic.agency.SetText("某某县民政局")
	e.basic.title.SetText("某某县民政局2023年度报告")
	if r := e.Report(); r.Agency != "某某县民政局" || r.Title != "某某县民政局2023年度报告" || e.InvalidCount() != 0 || e.basic.msg.Visible() {
		t.Errorf("fit text refused: %q %q, message %q", r.Agency, r.Title, e.basic.msg.Text)
	}
	if err := report.Validate(e.Report()); err != nil {
		t.Error(err)
	}
}

// TestSectionRefusesBadText: a heading or a body with what the reader refuses
// is not taken into the report, and the row says why.
func TestSectionRefusesBadText(t *testing.T) {
	e, _ := newTestEditor(t)
	r := report.New("某局", 2023)
	r.Overview = []report.Section{{Heading: "（一）概况", Body: "正文"}}
	e.SetReport(r, nil)
	row := e.sections[0].rows[0]
	row.heading.SetText("（一）\u200b概况")
	row.body.SetText("正文\x07")
	got := e.Report().Overview[0]
	if got.Heading != "（一）概况" || got.Body != "正文" || e.InvalidCount() != 2 {
		t.Errorf("bad text taken: %+v, invalid %d", got, e.InvalidCount())
	}
	for _, want := range []string{"小标题：含有不可见的字符 U+200B", "正文：含有不可见的控制字符 U+0007"} {
		if !row.msg.Visible() || !strings.Contains(row.msg.Text, want) {
			t.Errorf("message %q lacks %q", row.msg.Text, want)
		}
	}
	row.heading.SetText("（一）总体情况")
	row.body.SetText("第一段\t制表\n\n第二段")
	if got := e.Report().Overview[0]; got.Heading != "（一）总体情况" || got.Body != "第一段\t制表\n\n第二段" || e.InvalidCount() != 0 || row.msg.Visible() {
		t.Errorf("fit text refused: %+v", got)
	}
}

// TestOldReleaseTextOffersTheFix: a report an older release saved, whose
// texts the rules now refuse, opens with messages that say so (not as if the
// user typed it wrong) and offer the cleaned text.
func TestOldReleaseTextOffersTheFix(t *testing.T) {
	e, _ := newTestEditor(t)
	r := report.New("某局 ", 2023)
	r.Title = "某局\u200b2023年度报告"
	r.Overview = []report.Section{{Heading: "（一）\t概况", Body: "正文\x07"}}
	e.SetReport(r, nil)
	for _, tc := range []struct{ got, want string }{
		{e.basic.msg.Text, "机关名称：旧版本保存的文字开头或结尾有空格（现在的版本不接受），可改为“某局”"},
		{e.basic.msg.Text, "标题：旧版本保存的文字含有不可见的字符 U+200B（如零宽空格）（现在的版本不接受），可改为“某局2023年度报告”"},
		{e.sections[0].rows[0].msg.Text, "小标题：旧版本保存的文字含有制表符 U+0009（现在的版本不接受），可改为“（一） 概况”"},
		{e.sections[0].rows[0].msg.Text, "正文：旧版本保存的文字含有不可见的控制字符 U+0007（现在的版本不接受），请删去这些字符"},
	} {
		if !strings.Contains(tc.got, tc.want) {
			t.Errorf("message %q lacks %q", tc.got, tc.want)
		}
	}
	e.basic.agency.SetText("某局")
	if got := e.Report().Agency; got != "某局" {
		t.Errorf("the offered name is not taken: %q", got)
	}
}

// The 结尾's hint says where the signature and date go: a report made from
// last year's had an empty 结尾, and the hint named only 联系方式, so the
// preview ended without the agency's name and date (GB/T 9704 署名, 成文日期).
func TestClosingHintSaysSignatureAndDate(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetReport(report.New("某局", 2023), nil)
	if h := e.basic.closing.PlaceHolder; !strings.Contains(h, "机关名称") || !strings.Contains(h, "成文日期") {
		t.Errorf("the 结尾's hint reads %q", h)
	}
}
