package check

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/data/printed"
	"nianbao/data/report"
)

func ptr(v int) *int64 {
	n := int64(v)
	return &n
}

func figString(p *int64) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

// want describes one expected finding; Message must contain every string of msg.
type want struct {
	rule     string
	sev      Severity
	part     string
	row      string
	col      string
	expected *int64
	actual   *int64
	msg      []string
}

func (w want) check(t *testing.T, f Finding) {
	t.Helper()
	if f.Rule != w.rule || f.Severity != w.sev || f.Part != w.part || f.Row != w.row || f.Column != w.col {
		t.Errorf("finding = %s/%s part %q row %q column %q, want %s/%s part %q row %q column %q",
			f.Rule, f.Severity, f.Part, f.Row, f.Column, w.rule, w.sev, w.part, w.row, w.col)
	}
	if figString(f.Expected) != figString(w.expected) || figString(f.Actual) != figString(w.actual) {
		t.Errorf("%s: expected/actual = %s/%s, want %s/%s", f.Rule,
			figString(f.Expected), figString(f.Actual), figString(w.expected), figString(w.actual))
	}
	for _, s := range w.msg {
		if !strings.Contains(f.Message, s) {
			t.Errorf("%s: message %q does not contain %q", f.Rule, f.Message, s)
		}
	}
}

// only returns the findings of one rule.
func only(fs []Finding, rule string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func expectOne(t *testing.T, fs []Finding, w want) {
	t.Helper()
	got := only(fs, w.rule)
	if len(got) != 1 {
		t.Fatalf("%d %s findings, want 1: %+v", len(got), w.rule, fs)
	}
	w.check(t, got[0])
}

func TestExamplesHaveNoFindings(t *testing.T) {
	tests := []struct {
		name    string
		r, prev *report.Report
		ignore  string // a rule whose findings are right for a made-up previous year
	}{
		{"busy", busyReport(), nil, ""},
		// busyPrevious has only the figures rules 5 and 6 read: the others went from 0 (W10).
		{"busy with previous year", busyReport(), busyPrevious(), "W10"},
		{"zhongwei", zhongweiReport(), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fs []Finding
			for _, f := range Run(tt.r, tt.prev) {
				if f.Rule != tt.ignore {
					fs = append(fs, f)
				}
			}
			if len(fs) != 0 {
				t.Errorf("Run = %+v, want no findings", fs)
			}
		})
	}
}

var (
	labelNew            = printed.AppRowInfos[report.RowNew].FullLabel()
	labelCarriedOver    = printed.AppRowInfos[report.RowCarriedOver].FullLabel()
	labelTotal          = printed.AppRowInfos[report.RowTotal].FullLabel()
	labelCarriedForward = printed.AppRowInfos[report.RowCarriedForward].FullLabel()
	partThree           = report.PartHeadings[2]
)

func TestRule1EveryColumn(t *testing.T) {
	for col := 0; col < report.AppCols; col++ {
		t.Run(printed.AppColumnLabels[col], func(t *testing.T) {
			r := busyReport()
			a := &r.Applications
			a[report.RowNew][col] += 5
			in := a[report.RowNew][col] + a[report.RowCarriedOver][col]
			out := a[report.RowTotal][col] + a[report.RowCarriedForward][col]
			expectOne(t, Run(r, nil), want{"R1", Error, "三", "carried_forward", printed.AppColumnLabels[col], ptr(in), ptr(out),
				[]string{partThree, "“" + printed.AppColumnLabels[col] + "”列", labelNew, labelCarriedOver, labelTotal, labelCarriedForward,
					fmt.Sprintf("= %d", in), fmt.Sprintf("= %d", out), "两者应相等"}})
		})
	}
}

func TestRule2EveryColumn(t *testing.T) {
	for col := 0; col < report.AppCols; col++ {
		t.Run(printed.AppColumnLabels[col], func(t *testing.T) {
			r := busyReport()
			a := &r.Applications
			a[report.RowUnableUnclear][col] -= 2
			stated := a[report.RowTotal][col]
			expectOne(t, Run(r, nil), want{"R2", Error, "三", "total", printed.AppColumnLabels[col], ptr(stated - 2), ptr(stated),
				[]string{partThree, "“" + printed.AppColumnLabels[col] + "”列", labelTotal,
					"“" + printed.AppRowInfos[report.FirstResultRow].FullLabel() + "”至“（六）其他处理 3.其他”各项之和",
					fmt.Sprintf("= %d", stated-2), fmt.Sprintf("= %d", stated)}})
		})
	}
}

func TestRule3EveryRow(t *testing.T) {
	for row := 0; row < report.AppRows; row++ {
		info := printed.AppRowInfos[row]
		t.Run(info.Key, func(t *testing.T) {
			r := busyReport()
			a := &r.Applications
			a[row][report.ColTotal] += 7
			sum := a[row].Sum()
			expectOne(t, Run(r, nil), want{"R3", Error, "三", info.Key, "总计", ptr(sum), ptr(sum + 7),
				[]string{partThree, "“" + info.FullLabel() + "”行", "“总计”列", "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他",
					fmt.Sprintf("= %d", sum), fmt.Sprintf("= %d", sum+7)}})
		})
	}
}

func TestRule4EveryGroup(t *testing.T) {
	for g := 0; g < report.CaseGroups; g++ {
		info := printed.CaseGroupInfos[g]
		t.Run(info.Key, func(t *testing.T) {
			r := busyReport()
			r.ReviewLitigation[g][report.CasePending] += 3
			sum := r.ReviewLitigation[g].Sum()
			stated := r.ReviewLitigation[g][report.CaseTotal]
			expectOne(t, Run(r, nil), want{"R4", Error, "四", info.Key, "总计", ptr(sum), ptr(stated),
				[]string{report.PartHeadings[3], info.FullLabel(), "“总计”", "结果维持、结果纠正、其他结果、尚未审结",
					fmt.Sprintf("= %d", sum), fmt.Sprintf("= %d", stated)}})
		})
	}
}

func TestRule5(t *testing.T) {
	kinds := []struct {
		key, label string
		counts     func(*report.Report) *report.DocCounts
	}{
		{"rules", "规章", func(r *report.Report) *report.DocCounts { return &r.Proactive.Rules }},
		{"normative_documents", "行政规范性文件", func(r *report.Report) *report.DocCounts { return &r.Proactive.NormativeDocuments }},
	}
	for _, k := range kinds {
		t.Run(k.key+" against last year", func(t *testing.T) {
			r, prev := busyReport(), busyPrevious()
			d := k.counts(r)
			d.InForce += 4
			want5 := k.counts(prev).InForce + d.Issued - d.Repealed
			expectOne(t, Run(r, prev), want{"R5", Warning, "二", k.key, "现行有效件数", ptr(want5), ptr(d.InForce),
				[]string{report.PartHeadings[1], "“" + k.label + "”", "“现行有效件数”", fmt.Sprintf("= %d", d.InForce),
					fmt.Sprintf("= %d", want5), "上一年度"}})
		})
		t.Run(k.key+" without last year", func(t *testing.T) {
			r := busyReport()
			k.counts(r).InForce += 4
			if fs := only(Run(r, nil), "R5"); len(fs) != 0 {
				t.Errorf("Run without prev = %+v, want nothing", fs)
			}
		})
		t.Run(k.key+" negative", func(t *testing.T) {
			r := busyReport()
			k.counts(r).InForce = -1
			expectOne(t, Run(r, nil), want{"R5", Warning, "二", k.key, "现行有效件数", ptr(0), ptr(-1),
				[]string{report.PartHeadings[1], "“" + k.label + "”", "不能小于0"}})
		})
	}
}

func TestRule6EveryColumn(t *testing.T) {
	for col := 0; col < report.AppCols; col++ {
		t.Run(printed.AppColumnLabels[col], func(t *testing.T) {
			r, prev := busyReport(), busyPrevious()
			prev.Applications[report.RowCarriedForward][col] += 1
			got := r.Applications[report.RowCarriedOver][col]
			expectOne(t, Run(r, prev), want{"R6", Warning, "三", "carried_over", printed.AppColumnLabels[col], ptr(got + 1), ptr(got),
				[]string{partThree, "“" + labelCarriedOver + "”行", "“" + printed.AppColumnLabels[col] + "”列", "上一年度报告",
					"“" + labelCarriedForward + "”行", fmt.Sprintf("= %d", got), fmt.Sprintf("= %d", got+1)}})
		})
	}
}

func TestWarnings(t *testing.T) {
	type tc struct {
		name   string
		base   func() *report.Report
		mutate func(r *report.Report)
		rule   string
		want   *want // nil: the rule must not fire
	}
	sec := func(h, b string) []report.Section { return []report.Section{{Heading: h, Body: b}} }
	setOverview := func(body string) func(*report.Report) {
		return func(r *report.Report) { r.Overview = sec("（二）依申请公开政府信息办理情况。", body) }
	}
	newApps := func(r *report.Report) {
		r.Applications[report.RowNew] = report.AppRow{3, 0, 0, 0, 0, 0, 3}
	}
	withText := func(body string, figures func(*report.Report)) func(*report.Report) {
		return func(r *report.Report) { setOverview(body)(r); figures(r) }
	}
	tests := []tc{
		// W1: empty prose parts.
		{"part 一 missing", busyReport, func(r *report.Report) { r.Overview = nil }, "W1",
			&want{"W1", Warning, "一", "", "", nil, nil, []string{"一、总体情况", "没有内容"}}},
		{"part 一 blank", busyReport, func(r *report.Report) { r.Overview = sec(" ", "\n\n　") }, "W1",
			&want{"W1", Warning, "一", "", "", nil, nil, []string{"一、总体情况"}}},
		{"part 五 missing", busyReport, func(r *report.Report) { r.Problems = nil }, "W1",
			&want{"W1", Warning, "五", "", "", nil, nil, []string{"五、存在的主要问题及改进情况"}}},
		{"part 六 missing", busyReport, func(r *report.Report) { r.OtherMatters = nil }, "W1",
			&want{"W1", Warning, "六", "", "", nil, nil, []string{"六、其他需要报告的事项"}}},
		{"heading only is not empty", busyReport, func(r *report.Report) { r.Problems = sec("（一）存在问题", "") }, "W1", nil},
		// W2: 信息处理费 in part 六.
		{"no fee mention", busyReport, func(r *report.Report) { r.OtherMatters = sec("（一）其他", "无。") }, "W2",
			&want{"W2", Warning, "六", "", "", nil, nil, []string{"六、其他需要报告的事项", "信息处理费"}}},
		{"fee in heading", busyReport, func(r *report.Report) { r.OtherMatters = sec("（一）信息处理费情况", "无。") }, "W2", nil},
		{"fee in body", busyReport, func(r *report.Report) { r.OtherMatters = sec("", "本年度未收取信息处理费。") }, "W2", nil},
		{"empty part 六 is W1 only", busyReport, func(r *report.Report) { r.OtherMatters = nil }, "W2", nil},
		// W3: the year in the title.
		{"title names another year", busyReport, func(r *report.Report) { r.Title = "示例市人民政府2023年政府信息公开工作年度报告" }, "W3",
			&want{"W3", Warning, "", "title", "", ptr(2024), ptr(2023), []string{"示例市人民政府2023年政府信息公开工作年度报告", "2023年", "2024年"}}},
		{"year first, full-width digits", busyReport, func(r *report.Report) {
			r.Title = "２０２２年示例市人民政府政府信息公开工作年度报告"
		}, "W3",
			&want{"W3", Warning, "", "title", "", ptr(2024), ptr(2022), []string{"2022年"}}},
		{"title with the right year", busyReport, func(r *report.Report) { r.Title = "2024年示例市人民政府政府信息公开工作年度报告" }, "W3", nil},
		{"title naming both years", busyReport, func(r *report.Report) {
			r.Title = "示例市人民政府2024年政府信息公开工作年度报告（对照2023年）"
		}, "W3", nil},
		{"title without a year", busyReport, func(r *report.Report) { r.Title = "示例市人民政府政府信息公开工作年度报告" }, "W3", nil},
		{"five digits are no year", busyReport, func(r *report.Report) { r.Title = "示例市12023年报告" }, "W3", nil},
		{"three digits are no year", busyReport, func(r *report.Report) { r.Title = "示例市第202年报告" }, "W3", nil},
		// W4: 规章 of an agency that is not a government.
		{"department with 规章", zhongweiReport, func(r *report.Report) { r.Proactive.Rules.InForce = 2 }, "W4",
			&want{"W4", Warning, "二", "rules", "", nil, nil, []string{"二、主动公开政府信息情况", "“规章”", "现行有效件数2", ruleMakerNotice}}},
		{"inferred township with 规章", zhongweiReport, func(r *report.Report) {
			r.Agency, r.AgencyType = "某某镇人民政府", ""
			r.Proactive.Rules.Issued = 1
		}, "W4", &want{"W4", Warning, "二", "rules", "", nil, nil, []string{ruleMakerNotice}}},
		{"inferred government with 规章", zhongweiReport, func(r *report.Report) {
			r.Agency, r.AgencyType = "某某市人民政府", ""
			r.Proactive.Rules.Issued = 1
		}, "W4", nil},
		{"department without 规章", zhongweiReport, func(r *report.Report) {}, "W4", nil},
		// W5: part 一 says no application.
		{"no application, stated total", zhongweiReport, newApps, "W5",
			&want{"W5", Warning, "三", "new", "总计", ptr(0), ptr(3), []string{"一、总体情况", "“我局未收到任何形式的政府信息公开申请”", partThree, labelNew, "“总计”列为3"}}},
		{"no application, only the applicant columns", zhongweiReport, func(r *report.Report) {
			r.Applications[report.RowNew] = report.AppRow{2, 0, 0, 0, 1, 0, 0}
		}, "W5", &want{"W5", Warning, "三", "new", "", ptr(0), ptr(3), []string{labelNew, "六列之和为3"}}},
		{"没有收到 in a heading", busyReport, func(r *report.Report) {
			r.Overview = append(r.Overview, report.Section{Heading: "（六）本年度没有收到政府信息公开申请"})
		}, "W5", &want{"W5", Warning, "三", "new", "总计", ptr(0), ptr(3017), []string{"本年度没有收到政府信息公开申请"}}},
		{"no application and none counted", zhongweiReport, func(r *report.Report) {}, "W5", nil},
		{"未收到申请人 is no claim", zhongweiReport, withText("对未收到申请人补正材料的，不再处理。", newApps), "W5", nil},
		{"exception 其他", zhongweiReport, withText("除上述3件外，未收到其他政府信息公开申请。", newApps), "W5", nil},
		{"double negation", zhongweiReport, withText("并非未收到政府信息公开申请。", newApps), "W5", nil},
		{"申请 in the next clause", zhongweiReport, withText("未收到群众投诉，申请共3件。", newApps), "W5", nil},
		{"application received", zhongweiReport, withText("收到政府信息公开申请3件。", newApps), "W5", nil},
		// W6: part 一 says no review or lawsuit.
		{"no review or lawsuit, review counted", zhongweiReport, func(r *report.Report) {
			r.ReviewLitigation[report.GroupReview] = report.CaseRow{1, 0, 0, 0, 1}
		}, "W6", &want{"W6", Warning, "四", "", "", nil, nil, []string{"一、总体情况", "“未发生因政府信息公开引起的行政复议及行政诉讼”",
			report.PartHeadings[3], "行政复议：结果维持1、总计1"}}},
		{"no lawsuit, lawsuit after review counted", zhongweiReport, withText("本年度未发生行政诉讼。", func(r *report.Report) {
			r.ReviewLitigation[report.GroupLitigationAfterReview] = report.CaseRow{0, 0, 0, 2, 2}
		}), "W6", &want{"W6", Warning, "四", "", "", nil, nil, []string{"行政诉讼（复议后起诉）：尚未审结2、总计2"}}},
		{"no review, only lawsuits counted", zhongweiReport, withText("本年度未发生行政复议。", func(r *report.Report) {
			r.ReviewLitigation[report.GroupLitigationDirect] = report.CaseRow{1, 0, 0, 0, 1}
		}), "W6", nil},
		{"review in another clause", zhongweiReport, withText("未发生责任追究，收到行政复议申请1件。", func(r *report.Report) {
			r.ReviewLitigation[report.GroupReview] = report.CaseRow{1, 0, 0, 0, 1}
		}), "W6", nil},
		{"busy example's 未发生 is about 责任追究", busyReport, func(r *report.Report) {}, "W6", nil},
		// W7: results without applications.
		{"results without applications", zhongweiReport, func(r *report.Report) {
			r.Applications[report.RowGranted] = report.AppRow{1, 0, 0, 0, 0, 0, 1}
			r.Applications[report.RowTotal] = report.AppRow{1, 0, 0, 0, 0, 0, 1}
		}, "W7", &want{"W7", Warning, "三", "", "", nil, nil, []string{partThree, printed.AppRowInfos[report.RowGranted].FullLabel(), labelNew, labelCarriedOver}}},
		{"only a total without applications", zhongweiReport, func(r *report.Report) {
			r.Applications[report.RowTotal] = report.AppRow{0, 0, 0, 0, 0, 0, 4}
		}, "W7", &want{"W7", Warning, "三", "", "", nil, nil, []string{"“" + labelTotal + "”行有数字"}}},
		{"carried over alone is an application", zhongweiReport, func(r *report.Report) {
			r.Applications[report.RowCarriedOver] = report.AppRow{1, 0, 0, 0, 0, 0, 1}
			r.Applications[report.RowGranted] = report.AppRow{1, 0, 0, 0, 0, 0, 1}
			r.Applications[report.RowTotal] = report.AppRow{1, 0, 0, 0, 0, 0, 1}
		}, "W7", nil},
	}
	for _, tt := range tests {
		t.Run(tt.rule+" "+tt.name, func(t *testing.T) {
			r := tt.base()
			tt.mutate(r)
			fs := Run(r, nil)
			if tt.want == nil {
				if got := only(fs, tt.rule); len(got) != 0 {
					t.Errorf("%s fired: %+v", tt.rule, got)
				}
				return
			}
			expectOne(t, fs, *tt.want)
		})
	}
}

func TestOrder(t *testing.T) {
	r := zhongweiReport()
	r.Title = "中卫市民政局2022年政府信息公开工作年度报告"
	r.Problems = nil
	r.Proactive.Rules.Issued = 1
	r.ReviewLitigation[report.GroupLitigationDirect] = report.CaseRow{1, 0, 0, 0, 0}
	r.Applications[report.RowNew] = report.AppRow{3, 0, 0, 0, 0, 0, 4}
	type place struct{ rule, part, row, col string }
	wantOrder := []place{
		{"W3", "", "title", ""},
		{"W4", "二", "rules", ""},
		{"R3", "三", "new", "总计"},
		{"W5", "三", "new", "总计"},
		{"R1", "三", "carried_forward", "自然人"},
		{"R1", "三", "carried_forward", "总计"},
		{"W6", "四", "", ""},
		{"R4", "四", "litigation_direct", "总计"},
		{"W1", "五", "", ""},
	}
	fs := Run(r, nil)
	var got []place
	for _, f := range fs {
		got = append(got, place{f.Rule, f.Part, f.Row, f.Column})
	}
	if fmt.Sprint(got) != fmt.Sprint(wantOrder) {
		t.Errorf("order\n got %v\nwant %v", got, wantOrder)
	}
	if e, w := Counts(fs); e != 4 || w != 5 {
		t.Errorf("Counts = %d errors, %d warnings; want 4, 5", e, w)
	}
}

func TestRunLeavesReportAlone(t *testing.T) {
	r, prev := busyReport(), busyPrevious()
	r.Applications[report.RowNew][0]++
	before, beforePrev := r.Clone(), prev.Clone()
	Run(r, prev)
	if fmt.Sprint(r) != fmt.Sprint(before) || fmt.Sprint(prev) != fmt.Sprint(beforePrev) {
		t.Error("Run changed its input")
	}
}

func BenchmarkRun(b *testing.B) {
	r, prev := busyReport(), busyPrevious()
	b.ReportAllocs()
	for b.Loop() {
		Run(r, prev)
	}
}

// BenchmarkRunFailing measures a report where every table rule fails somewhere.
func BenchmarkRunFailing(b *testing.B) {
	r, prev := busyReport(), busyPrevious()
	for i := range r.Applications {
		r.Applications[i][0]++
	}
	for g := range r.ReviewLitigation {
		r.ReviewLitigation[g][0]++
	}
	r.Proactive.Rules.InForce++
	b.ReportAllocs()
	for b.Loop() {
		Run(r, prev)
	}
}
