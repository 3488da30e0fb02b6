package check

import (
	"strconv"
	"strings"
	"testing"

	"nianbao/data/report"
)

// tableOf is a report of year whose part 一 is one body and whose tables hold
// the figures set, everything else adding up.
func tableOf(year int, body string, set func(r *report.Report)) *report.Report {
	r := report.New("平潭综合实验区交通与建设局", year)
	r.Overview = []report.Section{{Heading: "（二）依申请公开情况", Body: body}}
	if set != nil {
		set(r)
	}
	return r
}

// apps sets the 总计 column of part 三's new, carried_over, total and carried_forward rows.
func apps(newN, over, total, forward int) func(*report.Report) {
	return func(r *report.Report) {
		a := &r.Applications
		a[report.RowNew][report.ColTotal], a[report.RowNew][0] = newN, newN
		a[report.RowCarriedOver][report.ColTotal], a[report.RowCarriedOver][0] = over, over
		a[report.RowTotal][report.ColTotal], a[report.RowTotal][0] = total, total
		a[report.RowGranted][report.ColTotal], a[report.RowGranted][0] = total, total
		a[report.RowCarriedForward][report.ColTotal], a[report.RowCarriedForward][0] = forward, forward
	}
}

func cases(review, direct, after int) func(*report.Report) {
	return func(r *report.Report) {
		for g, n := range [...]int{review, direct, after} {
			r.ReviewLitigation[g] = report.CaseRow{n, 0, 0, 0, n}
		}
	}
}

func docs(issued, repealed, inForce int) func(*report.Report) {
	return func(r *report.Report) {
		r.Proactive.NormativeDocuments = report.DocCounts{Issued: issued, Repealed: repealed, InForce: inForce}
	}
}

// Sentences from published reports (source in the comment) and the national
// format's wording, each with a table that does or does not agree.
func TestTextFigures(t *testing.T) {
	tests := []struct {
		name     string
		year     int
		body     string
		set      func(*report.Report)
		row      string // "" = no W8
		expected int
		actual   int
		cautious bool
	}{
		// Statements that contradict the table.
		{"busy: new", 2024, "全年新收政府信息公开申请3017件，上年结转34件，办结2955件，结转下年度继续办理96件。",
			apps(3000, 34, 2955, 96), "new", 3000, 3017, false},
		{"busy: carried over", 2024, "全年新收政府信息公开申请3017件，上年结转34件，办结2955件，结转下年度继续办理96件。",
			apps(3017, 43, 2955, 96), "carried_over", 43, 34, false},
		{"busy: handled", 2024, "全年新收政府信息公开申请3017件，上年结转34件，办结2955件，结转下年度继续办理96件。",
			apps(3017, 34, 2950, 96), "total", 2950, 2955, false},
		{"busy: carried forward", 2024, "全年新收政府信息公开申请3017件，上年结转34件，办结2955件，结转下年度继续办理96件。",
			apps(3017, 34, 2955, 91), "carried_forward", 91, 96, false},
		{"jtjsj 2023: 共收到 … 均为网络申请", 2023, "全年我局共收到政府信息公开申请14件，均为网络申请，申请内容主要涉及物业管理、公共收益、工程验收备案和城市建设等。",
			apps(13, 0, 13, 0), "new", 13, 14, false},
		{"jtjsj 2024: 办结 … 其中网络申请数", 2024, "全年我局依法办结政府信息公开申请58件，其中网络申请数14件，信函申请数44件，申请内容主要涉及工程验收备案和城市建设。",
			apps(57, 0, 57, 0), "total", 57, 58, false},
		{"scjgj 2024: 共收到 …，同意公开答复数", 2024, "2024年共收到政府信息公开申请4件，同意公开答复数1件，区分处理后公开数 1件，无法提供数2件。",
			apps(5, 0, 5, 0), "new", 5, 4, false},
		{"pingtan 2024: 全年办理 … 申请", 2024, "规范做好申请登记、审查、办理、答复、归档等工作。全年办理政府信息公开申请218件。",
			apps(218, 0, 200, 18), "total", 200, 218, false},
		{"pingtan 2023: 办结依申请公开 …，其中", 2023, "办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%。",
			apps(80, 0, 80, 0), "total", 80, 81, false},
		{"pingtan 2023: channel-limited count is cautious", 2023, "2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。",
			apps(90, 0, 90, 0), "new", 90, 81, true},
		{"one office for the district is cautious", 2023, "区政府办代表区政府受理政府信息公开申请17件。",
			apps(40, 0, 40, 0), "new", 40, 17, true},
		{"pingtan 2023: review", 2023, "因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。",
			cases(3, 5, 2), "review", 3, 2, false},
		{"pingtan 2023: litigation, both groups", 2023, "因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。",
			cases(2, 5, 3), "litigation_direct", 8, 7, false},
		{"litigation named by group", 2024, "本年度发生政府信息公开行政诉讼未经复议直接起诉案件3起。",
			cases(0, 2, 0), "litigation_direct", 2, 3, false},
		{"pingtan 2024: issued", 2024, "动态更新发布本年度制发行政规范性文件62件，并同步做好全真版上传等工作。",
			docs(6, 0, 40), "normative_documents", 6, 62, false},
		{"zhongwei: in force", 2023, "经局党组研究决定，保留现行有效规范性文件1件，并向司法局备案。",
			docs(0, 0, 2), "normative_documents", 2, 1, false},
		{"pingtan 2023: library count is cautious", 2023, "清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。",
			docs(77, 132, 470), "normative_documents", 470, 393, true},
		{"pingtan 2025: 结转至2026年", 2025, "2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。",
			apps(154, 0, 148, 5), "carried_forward", 5, 6, false},
		{"pingtan 2025: review in 起", 2025, "全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。",
			cases(35, 6, 3), "review", 35, 36, false},
		{"长春市体育局 2023 as published: 受理 2, table 3", 2023, "本年度，共受理政府信息公开申请2件，都在法定期限内予以答复。",
			apps(3, 0, 3, 0), "new", 3, 2, false},
		{"full-width digits", 2024, "全年共收到政府信息公开申请１２件。", apps(10, 0, 10, 0), "new", 10, 12, false},
		{"thousands separator", 2024, "全年新收政府信息公开申请3,017件。", apps(3000, 0, 3000, 0), "new", 3000, 3017, false},

		// Statements that agree, or are not the table's figures: no warning.
		{"busy as printed", 2024, "全年新收政府信息公开申请3017件，上年结转34件，办结2955件，结转下年度继续办理96件。",
			apps(3017, 34, 2955, 96), "", 0, 0, false},
		{"pingtan 2025 as printed", 2025, "2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。",
			func(r *report.Report) { apps(154, 0, 148, 6)(r); cases(36, 6, 3)(r) }, "", 0, 0, false},
		{"子长市 2023: 累计…合计 is not read", 2023, "2023年度，子长市累计办理公民、法人或其他组织通过市政府门户网站、邮寄等途径依申请公开信息合计12件，已全部按期限答复办结，办结率100%。",
			apps(15, 0, 15, 0), "", 0, 0, false},
		{"12345 热线 in 件", 2023, "2023年，共办理政府12345热线47件，已全部办结，回复率和满意率均达100%。", apps(3, 0, 3, 0), "", 0, 0, false},
		{"收到 = 新收 + 上年结转", 2024, "全年共收到政府信息公开申请75件。", apps(70, 5, 75, 0), "", 0, 0, false},
		{"依申请公开信息数 is a document attribute", 2024, "全年主动公开政府信息1024条，依申请公开信息数363条。", apps(20, 0, 20, 0), "", 0, 0, false},
		{"受理网络问政 is not a disclosure application", 2024, "受理网络问政182件，办结率100%。", apps(20, 0, 20, 0), "", 0, 0, false},
		{"12345 诉求", 2023, "我局通过关联12345平台受理群众政策解答、维权服务等方面的诉求累计受理3519件，全部办结，办理率100%。",
			apps(14, 0, 14, 0), "", 0, 0, false},
		{"website categories in 条", 2023, "主动公开政府信息74条，公开类别主要涉及机构职能类信息2条、政策规范性文件类信息6条、政策及规范性文件类 12 条。",
			docs(5, 6, 15), "", 0, 0, false},
		{"批次 is not a year", 2023, "累计共抽检28544批次农产品，其中不合格94批次，全年抽检20680批次。", apps(1, 0, 1, 0), "", 0, 0, false},
		{"outcome counts after the total", 2024, "2024年共收到政府信息公开申请4件，同意公开答复数1件，区分处理后公开数 1件，无法提供数2件。",
			apps(4, 0, 4, 0), "", 0, 0, false},
		{"breakdown after 其中", 2024, "全年我局依法办结政府信息公开申请58件，其中网络申请数14件，信函申请数44件。",
			apps(58, 0, 58, 0), "", 0, 0, false},
		{"last year's figure", 2024, "2023年收到政府信息公开申请50件，2024年有所下降。", apps(20, 0, 20, 0), "", 0, 0, false},
		{"a comparison", 2024, "全年收到政府信息公开申请较上年增加12件。", apps(20, 0, 20, 0), "", 0, 0, false},
		{"a count since the start", 2024, "条例施行以来累计受理政府信息公开申请1200件。", apps(20, 0, 20, 0), "", 0, 0, false},
		{"截至目前", 2024, "截至目前，共收到政府信息公开申请350件。", apps(20, 0, 20, 0), "", 0, 0, false},
		{"全年累计 is this year's", 2024, "全年累计收到政府信息公开申请35件。", apps(30, 0, 30, 0), "new", 30, 35, false},
		{"an estimate", 2024, "全年受理政府信息公开申请100余件，均按时答复。", apps(120, 0, 120, 0), "", 0, 0, false},
		{"Shanghai 2022: 规章 published, not made", 2022, "主动公开市政府规章13件(含新制定5件,修改4件,废止4件)，主动公开市政府和市政府办公厅行政规范性文件42件。",
			docs(40, 3, 300), "", 0, 0, false},
		{"a document kind named only elsewhere", 2024, "印发各类文件20件，其中规范性文件3件。", docs(3, 0, 10), "", 0, 0, false},
		{"人大建议 and 政协提案", 2024, "全年办理人大代表建议186件、政协提案214件，办理结果全部公开。", apps(20, 0, 20, 0), "", 0, 0, false},
		{"all review cases of a government, not disclosure ones", 2024, "全年办理行政复议案件120件。", cases(2, 0, 0), "", 0, 0, false},
		{"受理并办结: either figure", 2024, "全年受理并办结政府信息公开申请30件。", apps(30, 2, 32, 0), "", 0, 0, false},
		{"decimal", 2024, "政府信息公开申请按时答复率99.5件", apps(20, 0, 20, 0), "", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tableOf(tt.year, tt.body, tt.set)
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
			if f.Row != tt.row || figString(f.Expected) != figString(ptr(tt.expected)) || figString(f.Actual) != figString(ptr(tt.actual)) {
				t.Errorf("W8 row %q expected %s actual %s, want %q %d %d", f.Row, figString(f.Expected), figString(f.Actual), tt.row, tt.expected, tt.actual)
			}
			if f.Text == nil || f.Text.Part != "一" || f.Text.Section != 0 || f.Text.Field != "body" {
				t.Fatalf("W8 text = %+v, want part 一 section 0 body", f.Text)
			}
			if sel := string([]rune(tt.body)[f.Text.Start:f.Text.End]); sel != f.Text.Quote || !strings.Contains(f.Message, sel) {
				t.Errorf("W8 selects %q, quote %q, message %q", sel, f.Text.Quote, f.Message)
			}
			if got := strings.Contains(f.Message, "可能只是"); got != tt.cautious {
				t.Errorf("cautious = %v, want %v: %s", got, tt.cautious, f.Message)
			}
			if f.Difference == nil || *f.Difference != int64(tt.actual-tt.expected) {
				t.Errorf("difference = %s, want %d", figString(f.Difference), tt.actual-tt.expected)
			}
		})
	}
}

func TestFeeNotices(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		noFee int
		fire  bool
	}{
		{"no fee matter arose", "本年度未发生信息处理费相关事项。", 2, true},
		{"jtjsj: 没有产生信息公开处理费", "按照《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》国办函〔2020〕109号）规定的按件、按量收费标准，本年度没有产生信息公开处理费。", 1, true},
		{"无信息处理费", "2024年，本机关无信息处理费事项。", 3, true},
		{"busy: 未收取 agrees with unpaid notices", "2024年，本机关未收取信息处理费。", 33, false},
		{"zhongwei: 未发生收取", "2023年，我单位未发生收取信息处理费情况。", 2, false},
		{"pingtan 2025 (三(六)2 = 2 as printed): 无收取", "2025年，无收取信息处理费情况。", 2, false},
		{"scjgj: 不收取费用", "本机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，本机关将依照规定收取信息处理费。", 2, false},
		{"no notice sent", "本年度未发生信息处理费相关事项。", 0, false},
		{"a double negative", "本年度并非未发生信息处理费事项。", 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := report.New("某局", 2024)
			r.OtherMatters = []report.Section{{Heading: "（一）信息处理费", Body: tt.body}}
			a := &r.Applications
			a[report.RowNew] = report.AppRow{tt.noFee, 0, 0, 0, 0, 0, tt.noFee}
			a[report.RowOtherNoFee] = a[report.RowNew]
			a[report.RowTotal] = a[report.RowNew]
			got := only(Run(r, nil), "W11")
			if !tt.fire {
				if len(got) != 0 {
					t.Errorf("W11 = %+v, want none", got)
				}
				return
			}
			w := want{"W11", Warning, "三", "other_no_fee", "总计", ptr(0), ptr(tt.noFee), []string{"收费通知", "请核实"}}
			expectOne(t, got, w)
			if got[0].Text == nil || got[0].Text.Part != "六" || got[0].Text.Quote == "" {
				t.Errorf("W11 text = %+v", got[0].Text)
			}
		})
	}
}

func TestJumps(t *testing.T) {
	tests := []struct {
		name      string
		last, now int
		fire      bool
	}{
		{"five times", 100, 500, true},
		{"a fifth", 500, 100, true},
		{"from 0", 0, 20, true},
		{"to 0", 20, 0, true},
		{"4 to 20", 4, 20, true},
		{"small counts swing", 0, 19, false},
		{"small counts swing both ways", 3, 15, false},
		{"just under five times", 100, 499, false},
		{"21 to 100", 21, 100, false},
		{"unchanged", 812, 812, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, prev := report.New("某局", 2024), report.New("某局", 2023)
			r.Applications[report.RowNew] = report.AppRow{tt.now, 0, 0, 0, 0, 0, tt.now}
			r.Applications[report.RowGranted], r.Applications[report.RowTotal] = r.Applications[report.RowNew], r.Applications[report.RowNew]
			prev.Applications[report.RowNew] = report.AppRow{tt.last, 0, 0, 0, 0, 0, tt.last}
			prev.Applications[report.RowGranted], prev.Applications[report.RowTotal] = prev.Applications[report.RowNew], prev.Applications[report.RowNew]
			got := only(Run(r, prev), "W10")
			if !tt.fire {
				if len(got) != 0 {
					t.Errorf("W10 = %+v, want none", got)
				}
				return
			}
			// 新收, 予以公开 and 总计 move together here.
			if len(got) != 3 {
				t.Fatalf("W10 = %+v, want new, granted and total", got)
			}
			want{"W10", Warning, "三", "new", "总计", ptr(tt.last), ptr(tt.now), []string{"上一年度（2023年）", "请核实"}}.check(t, got[0])
			if got[1].Row != "granted" || got[2].Row != "total" {
				t.Errorf("W10 rows %q, %q, want granted, total", got[1].Row, got[2].Row)
			}
		})
	}
	t.Run("part 二 and 四", func(t *testing.T) {
		r, prev := report.New("某区人民政府", 2024), report.New("某区人民政府", 2023)
		prev.Proactive.Penalty, r.Proactive.Penalty = 135, 1350
		prev.ReviewLitigation[report.GroupReview], r.ReviewLitigation[report.GroupReview] = report.CaseRow{30, 0, 0, 0, 30}, report.CaseRow{}
		got := only(Run(r, prev), "W10")
		if len(got) != 2 || got[0].Row != "penalty" || got[1].Row != "review" {
			t.Fatalf("W10 = %+v, want penalty and review", got)
		}
	})
	t.Run("jtjsj 2024 against 2023: 不予公开 from 0 to 36", func(t *testing.T) {
		got := only(Run(realReport(t, "pingtan-jtjsj-2024"), realReport(t, "pingtan-jtjsj-2023")), "W10")
		if len(got) != 1 || got[0].Row != "denied_state_secret" || *got[0].Actual != 36 || *got[0].Expected != 0 {
			t.Fatalf("W10 = %+v, want 三(三) 0 → 36", got)
		}
	})
}

func TestCopied(t *testing.T) {
	t.Run("scjgj 2024 repeats 2023", func(t *testing.T) {
		got := only(Run(realReport(t, "pingtan-scjgj-2024"), realReport(t, "pingtan-scjgj-2023")), "W9")
		if len(got) != 1 {
			t.Fatalf("W9 = %+v, want one", got)
		}
		f := got[0]
		if !strings.Contains(f.Message, "约70%") || !strings.Contains(f.Message, "上一年度（2023年）") || !strings.Contains(f.Message, "改进措施") {
			t.Errorf("W9 message = %s", f.Message)
		}
		if f.Text == nil || f.Text.Part != f.Part || f.Text.Quote == "" {
			t.Errorf("W9 text = %+v, part %q", f.Text, f.Part)
		}
	})
	for _, pair := range [][2]string{{"pingtan-jtjsj-2024", "pingtan-jtjsj-2023"}, {"pingtan-jtjsj-2025", "pingtan-jtjsj-2024"}} {
		t.Run(pair[0]+" is written anew", func(t *testing.T) {
			if got := only(Run(realReport(t, pair[0]), realReport(t, pair[1])), "W9"); len(got) != 0 {
				t.Errorf("W9 = %+v, want none", got)
			}
		})
	}
	t.Run("numbers and years aside", func(t *testing.T) {
		prev := realReport(t, "pingtan-jtjsj-2024")
		r := prev.Clone()
		r.Year = 2025
		for i := range r.Overview {
			r.Overview[i].Body = strings.NewReplacer("2024", "2025", "58", "61", "14", "17").Replace(r.Overview[i].Body)
		}
		got := only(Run(r, prev), "W9")
		if len(got) != 1 || !strings.Contains(got[0].Message, "约100%") {
			t.Errorf("W9 = %+v, want 100%%", got)
		}
	})
	t.Run("same year, another unit", func(t *testing.T) {
		r := realReport(t, "pingtan-jtjsj-2024")
		copied := r.Clone()
		copied.Agency = "平潭综合实验区某局"
		others := []*report.Report{realReport(t, "pingtan-scjgj-2024"), realReport(t, "pingtan-czjrj-2024"), copied, r}
		got := NewChecker().SameYear(r, others)
		if len(got) != 1 || got[0].Rule != "W9" || !strings.Contains(got[0].Message, "同年度“平潭综合实验区某局”的报告") {
			t.Fatalf("SameYear = %+v, want one W9 naming the copy", got)
		}
		if got := NewChecker().SameYear(realReport(t, "pingtan-scjgj-2024"), others[1:2]); len(got) != 0 {
			t.Errorf("SameYear of independent units = %+v", got)
		}
	})
}

func TestSlip(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(a *report.Applications)
		slip  *Cell
		rules []string
	}{
		{"one cell of 结转下年度", func(a *report.Applications) { a[report.RowCarriedForward][0] += 5 },
			&Cell{"三", "carried_forward", "自然人"}, []string{"R1", "R3"}},
		{"one cell of a result row", func(a *report.Applications) { a[report.RowGranted][1] += 3 },
			&Cell{"三", "granted", "商业企业"}, []string{"R2", "R3"}},
		{"the 总计 of a result row", func(a *report.Applications) { a[report.RowUnableUnclear][report.ColTotal] -= 35 },
			&Cell{"三", "unable_unclear", "总计"}, []string{"R2", "R3"}},
		{"a whole row consistently wrong: new, carried over or carried forward", func(a *report.Applications) {
			a[report.RowNew][0] += 5
			a[report.RowNew][report.ColTotal] += 5
		}, nil, []string{"R1", "W8"}},
		{"two cells of one row", func(a *report.Applications) {
			a[report.RowGranted][0] += 2
			a[report.RowGranted][1] -= 1
		}, &Cell{"三", "granted", ""}, []string{"R2", "R3"}},
		{"two rows", func(a *report.Applications) {
			a[report.RowGranted][0] += 2
			a[report.RowDeniedStateSecret][0] += 1
		}, nil, []string{"R2", "R3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := busyReport()
			tt.edit(&r.Applications)
			fs := Run(r, nil)
			if len(fs) == 0 {
				t.Fatal("no findings")
			}
			for _, f := range fs {
				if !containsString(tt.rules, f.Rule) {
					t.Errorf("unexpected %s: %s", f.Rule, f.Message)
					continue
				}
				if f.Rule == "W8" {
					continue
				}
				if f.Difference == nil || *f.Difference != *f.Actual-*f.Expected || !strings.Contains(f.Message, "差 ") {
					t.Errorf("%s: difference %s, message %s", f.Rule, figString(f.Difference), f.Message)
				}
				switch {
				case tt.slip == nil && f.Slip != nil:
					t.Errorf("%s: slip %+v, want none", f.Rule, f.Slip)
				case tt.slip != nil && (f.Slip == nil || *f.Slip != *tt.slip):
					t.Errorf("%s: slip %+v, want %+v", f.Rule, f.Slip, tt.slip)
				case tt.slip != nil && !strings.Contains(f.Message, "可能是"):
					t.Errorf("%s: message does not name the slip: %s", f.Rule, f.Message)
				}
			}
		})
	}
	t.Run("the difference of R1", func(t *testing.T) {
		r := busyReport()
		r.Applications[report.RowCarriedForward][0] += 35
		f := only(Run(r, nil), "R1")[0]
		if !strings.Contains(f.Message, "（差 35）") || !strings.Contains(f.Message, "“自然人”列 123 改为 88") {
			t.Errorf("R1 message = %s", f.Message)
		}
	})
}

func containsString(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// The cache serves a text box unchanged since the last run, and forgets texts
// no longer in the report.
func TestCheckerCache(t *testing.T) {
	k := NewChecker()
	r := busyReport()
	want := Run(r, nil)
	for i := 0; i < 3; i++ {
		if got := k.Run(r, nil); len(got) != len(want) {
			t.Fatalf("run %d: %d findings, want %d", i, len(got), len(want))
		}
	}
	n := len(k.texts)
	r.Overview[2].Body = "全年新收政府信息公开申请3018件。"
	if got := only(k.Run(r, nil), "W8"); len(got) != 1 {
		t.Fatalf("after an edit W8 = %+v, want one", got)
	}
	k.Run(r, nil)
	if len(k.texts) != n {
		t.Errorf("cache holds %d texts, want %d: the old text of the edited box is kept", len(k.texts), n)
	}
}

// BenchmarkRunWithPrevious is `check` of one report with its previous year,
// text included: the busy example against itself a year earlier (every
// sentence repeats, the worst case for W9).
func BenchmarkRunWithPrevious(b *testing.B) {
	r, prev := busyReport(), busyReport()
	prev.Year = 2023
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Run(r, prev)
	}
}

// BenchmarkCheckerEdit is the window's case: one section edited between runs,
// the other texts served from the cache.
func BenchmarkCheckerEdit(b *testing.B) {
	r, prev := busyReport(), busyReport()
	prev.Year = 2023
	k := NewChecker()
	bodies := [2]string{r.Overview[2].Body, r.Overview[2].Body + "补充一句。"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r.Overview[2].Body = bodies[i%2]
		k.Run(r, prev)
	}
}

// BenchmarkRunRealPair is a published department's report with its previous year.
func BenchmarkRunRealPair(b *testing.B) {
	r, prev := realReport(b, "pingtan-scjgj-2024"), realReport(b, "pingtan-scjgj-2023")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Run(r, prev)
	}
}

// BenchmarkSameYearEdit is the window's comparison with 50 other units of the
// year (the real reports, renamed), one section edited between runs.
func BenchmarkSameYearEdit(b *testing.B) {
	var others []*report.Report
	for i := 0; i < 50; i++ {
		for _, n := range []string{"pingtan-jtjsj-2024", "pingtan-scjgj-2024", "pingtan-czjrj-2024"} {
			o := realReport(b, n)
			o.Agency += strconv.Itoa(i)
			others = append(others, o)
		}
	}
	x := NewSameYearIndex(others)
	r := busyReport()
	k := NewChecker()
	bodies := [2]string{r.Overview[2].Body, r.Overview[2].Body + "补充一句。"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r.Overview[2].Body = bodies[i%2]
		k.Run(r, nil)
		k.SameYearIn(r, x)
	}
}

func TestTextFees(t *testing.T) {
	tests := []struct {
		name, body, fees string
		fire             bool
	}{
		{"pingtan 2023 figure, another table", "全年行政事业性收费5949.088667万元。", "5949.088668", true},
		{"rounded in the text", "全年行政事业性收费18651.06万元。", "18651.064104", false},
		{"as in the table", "本年度行政事业性收费共计12873.504216万元。", "12873.504216", false},
		{"rounded wrongly", "全年行政事业性收费18651.07万元。", "18651.064104", true},
		{"the information fee is another fee", "全年收取信息处理费0.05万元，行政事业性收费另计。", "0", false},
		{"a comparison", "行政事业性收费较上年减少120万元。", "5000", false},
		{"an estimate", "行政事业性收费约5000万元。", "4990.5", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := report.New("平潭综合实验区", 2024)
			r.Overview = []report.Section{{Body: tt.body}}
			r.Proactive.Fees = tt.fees
			got := only(Run(r, nil), "W8")
			if !tt.fire {
				if len(got) != 0 {
					t.Errorf("W8 = %+v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Row != "fees" || got[0].Column != feeColumn || !strings.Contains(got[0].Message, "万元") {
				t.Fatalf("W8 = %+v", got)
			}
			table, _, _ := fen(tt.fees)
			if *got[0].Expected != table {
				t.Errorf("expected %d 分, want %d", *got[0].Expected, table)
			}
		})
	}
	t.Run("W10 for the fee", func(t *testing.T) {
		r, prev := report.New("某区人民政府", 2024), report.New("某区人民政府", 2023)
		r.Proactive.Fees, prev.Proactive.Fees = "18651.064104", "1864.5"
		if got := only(Run(r, prev), "W10"); len(got) != 1 || got[0].Row != "fees" || !strings.Contains(got[0].Message, "1864.5万元") {
			t.Errorf("W10 = %+v", got)
		}
		r.Proactive.Fees, prev.Proactive.Fees = "18651.06", "5949.088667"
		if got := only(Run(r, prev), "W10"); len(got) != 0 {
			t.Errorf("W10 for ×3 = %+v", got)
		}
		r.Proactive.Fees, prev.Proactive.Fees = "19", "0"
		if got := only(Run(r, prev), "W10"); len(got) != 0 {
			t.Errorf("W10 under 20 万元 = %+v", got)
		}
	})
}
