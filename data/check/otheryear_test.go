package check

import (
	"strings"
	"testing"

	"nianbao/data/report"
)

// W12 on sentences of the sections, in the words of real reports (平潭
// 交通与建设局, 财政金融局, 市场监督管理局, 中卫市民政局), as a 2025 report
// made from the 2024 one keeps them, and on comparisons that must be left alone.
func TestLastYearAsReportYear(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		want     string // the corrected clause, "" for no finding
	}{
		{"2024年，我局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实国家、省2024年政务公开工作重点任务要求",
			"2025年"},
		{"2024年，本单位没有因政务公开产生投诉、举报以及因工作不力导致的责任追究情况",
			"2025年"},
		{"2024年我局共收到政府网站转办的信息公开申请3件", "2025年我局共收到政府网站转办的信息公开申请3件"},
		{"2024年度，我局聚焦民生领域", "2025年度"},
		{"2024 年，我局未收到任何政府信息公开申请", "2025 年"},
		{"2024年,平潭综合实验区市场监督管理局认真贯彻落实", "2025年"},
		// Comparisons, spans and other years: no finding.
		{"全年共收到政府信息公开申请12件，较2024年增加3件", ""},
		{"2024年以来，我局持续推进政务新媒体工作", ""},
		{"申请数量比2024年减少2件", ""},
		{"与2024年相比，依申请公开数量有所下降", ""},
		{"2024年同期仅为5件", ""},
		{"2024年，申请量较上年有所增长", ""},
		{"2024年12月受理的1件申请结转至本年度办理", ""},
		{"2024年底，现行有效规范性文件185件", ""},
		{"截至2024年12月31日，主动公开政府信息1200条", ""},
		{"全面贯彻落实《2024年全区政务公开工作要点》", ""},
		{"针对2024年度工作报告中提到的问题与不足，2025年，我局着力在热点回应上下功夫", ""},
		{"2024年启动平台建设，2025年正式上线运行", ""},
		{"2026年，我局将认真落实《条例》要求", ""},
		{"2023年，我局通过关联12345平台受理群众诉求", ""},
		{"2024年至2025年，共开展培训4次", ""},
		{"2024年、2025年连续两年未发生行政复议", ""},
		{"12024年，示例", ""},
	} {
		got, ok := lastYearAsReportYear(tc.sentence, 2025)
		if ok != (tc.want != "") || got != tc.want {
			t.Errorf("%q: got %q (%v), want %q", tc.sentence, got, ok, tc.want)
		}
	}
}

// W12 on the closing's date and the preamble's statistics period, in the
// words of real reports, for the report year given.
func TestOtherYearClosingAndPreamble(t *testing.T) {
	const jtjsjPreamble = "结合我局工作实际，现编制完成本报告。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。平潭综合实验区管委会门户网站（www.pingtan.gov.cn）上可下载本年度报告的电子版。"
	const zhongweiPreamble = "现发布《中卫市民政局 2023 年政府信息公开工作年度报告》，本报告统计数据从 2023 年 1 月 1 日至 12 月 31 日。"
	for _, tc := range []struct {
		name      string
		year      int
		preamble  string
		closing   string
		row       string // "" for no finding
		quote     string
		wantWords string
	}{
		{"last year's date kept", 2025, "", "平潭综合实验区交通与建设局\n\n2025年1月22日", "closing", "2025年1月22日",
			"结尾的日期“2025年1月22日”不在2025年度报告的公布期限内（2026年1月1日至3月31日），可能是上一年度报告的日期，应为2026年1月22日？"},
		{"published in time", 2024, "", "平潭综合实验区交通与建设局\n\n2025年1月22日\n", "", "", ""},
		{"published on the last day", 2023, "", "平潭综合实验区市场监督管理局\n\n2024年3月31日", "", "", ""},
		{"published too late", 2025, "", "平潭综合实验区交通与建设局\n\n2026年5月8日", "closing", "2026年5月8日",
			"应为2026年1月1日至3月31日之间的日期"},
		{"full-width digits", 2025, "", "某某县财政局\n２０２５年２月３日", "closing", "２０２５年２月３日", "应为2026年2月3日？"},
		{"no date in the closing", 2025, "", "如对本报告有任何疑问，请与中卫市民政局办公室联系（邮编：755000；电话及传真：0955—7037171）。", "", "", ""},
		{"a date inside a sentence", 2025, "", "本报告电子版于2025年1月22日起在门户网站公布，欢迎查阅。", "", "", ""},
		{"statistics period of last year", 2025, jtjsjPreamble, "", "preamble",
			"本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止",
			"统计期限写的是2024年，与报告年度2025年不一致，应为“本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止”"},
		{"statistics period with spaces", 2024, zhongweiPreamble, "", "preamble",
			"本报告统计数据从 2023 年 1 月 1 日至 12 月 31 日", "应为“本报告统计数据从 2024 年 1 月 1 日至 12 月 31 日”"},
		{"statistics period right", 2024, jtjsjPreamble, "", "", "", ""},
		{"statistics period right, with spaces", 2023, zhongweiPreamble, "", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := report.New("平潭综合实验区交通与建设局", tc.year)
			r.Preamble, r.Closing = tc.preamble, tc.closing
			var got []Finding
			for _, f := range Run(r, nil) {
				if f.Rule == "W12" {
					got = append(got, f)
				}
			}
			if tc.row == "" {
				if len(got) != 0 {
					t.Errorf("false findings: %+v", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d W12 findings, want 1: %+v", len(got), got)
			}
			f := got[0]
			if f.Row != tc.row || f.Part != "" || f.Text == nil || f.Text.Field != tc.row || f.Text.Quote != tc.quote {
				t.Errorf("finding at %q %+v, want row %q quoting %q", f.Row, f.Text, tc.row, tc.quote)
			}
			text := map[string]string{"preamble": r.Preamble, "closing": r.Closing}[tc.row]
			if rs := []rune(text); string(rs[f.Text.Start:f.Text.End]) != tc.quote {
				t.Errorf("span [%d,%d) is %q, want %q", f.Text.Start, f.Text.End, string(rs[f.Text.Start:f.Text.End]), tc.quote)
			}
			if !strings.Contains(f.Message, tc.wantWords) {
				t.Errorf("message %q lacks %q", f.Message, tc.wantWords)
			}
		})
	}
}

// A 2025 report made from the published 2024 one of 平潭交通与建设局 (its
// year changed, nothing else) is flagged at the closing's date, the
// statistics period and each sentence that begins "2024年，"; every published
// report of testdata, checked as it is, has no W12 at all.
func TestOtherYearOnRealReports(t *testing.T) {
	r := realReport(t, "pingtan-jtjsj-2024")
	r.Year = 2025
	var rows, quotes []string
	for _, f := range Run(r, nil) {
		if f.Rule != "W12" {
			continue
		}
		rows = append(rows, f.Part+"/"+f.Row)
		quotes = append(quotes, f.Text.Quote)
		t.Logf("%s", f.Message)
	}
	if len(rows) < 6 || rows[0] != "/preamble" || rows[1] != "/closing" {
		t.Errorf("W12 at %q, want the preamble, the closing and the sentences of the sections", rows)
	}
	for _, q := range quotes[2:] {
		if !strings.HasPrefix(q, "2024年") {
			t.Errorf("W12 quotes %q, not a sentence beginning with last year", q)
		}
	}

	batch := []*report.Report{zhongweiReport(), busyReport()}
	for _, n := range []string{"pingtan-jtjsj-2023", "pingtan-jtjsj-2024", "pingtan-jtjsj-2025",
		"pingtan-scjgj-2023", "pingtan-scjgj-2024", "pingtan-czjrj-2024"} {
		batch = append(batch, realReport(t, n))
	}
	for _, r := range batch {
		for _, f := range Run(r, nil) {
			if f.Rule == "W12" {
				t.Errorf("%s %d: false W12: %s", r.Agency, r.Year, f.Message)
			}
		}
	}
}
