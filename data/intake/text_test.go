package intake

import (
	"strings"
	"testing"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// para makes a paragraph from text with **…** marking bold.
func paraOf(text string) Block {
	var runs []Run
	for _, r := range printed.Runs(text) {
		runs = append(runs, Run{Text: r.Text, Bold: r.Bold})
	}
	return Block{Para: &Para{Runs: runs}}
}

// docText is a document of the paragraphs given, the tables of the busy
// example put after the headings of parts 二, 三 and 四.
func docText(t *testing.T, paras ...string) *Document {
	ts := tables(docOf(busy(t)))
	d := &Document{Source: "测试文件"}
	for _, p := range paras {
		switch p {
		case "[表二]":
			d.Blocks = append(d.Blocks, Block{Table: ts[0]})
		case "[表三]":
			d.Blocks = append(d.Blocks, Block{Table: ts[1]})
		case "[表四]":
			d.Blocks = append(d.Blocks, Block{Table: ts[2]})
		default:
			d.Blocks = append(d.Blocks, paraOf(p))
		}
	}
	return d
}

var tablesPart = []string{"二、主动公开政府信息情况", "[表二]", "三、收到和处理政府信息公开申请情况", "[表三]", "四、政府信息公开行政复议、行政诉讼情况", "[表四]"}

func TestMatchText(t *testing.T) {
	cases := []struct {
		name   string
		paras  []string
		check  func(t *testing.T, r *report.Report, rd *Reading)
		doubts int
	}{
		{name: "a title over two lines, run-in and bold headings, signature and date",
			paras: append(append([]string{
				"**平潭综合实验区某某局**", "**2023年度政府信息公开工作年度报告**",
				"根据《条例》，现公布本报告。", "如对本报告有疑问，请与办公室联系（电话：0591-1234567）。",
				"一、总体情况", "2023年，我局认真落实。",
				"（一）主动公开情况。全年公开信息**159**条。", "第二段。",
				"**（二）依申请公开情况。**全年未收到申请。",
				"（三）政府信息管理", "**一是**加强管理；**二是**规范流程。",
			}, tablesPart...),
				"五、存在的主要问题及改进措施", "(一)存在问题。一是不足。", "(二)改进措施。二是改进。",
				"六、其他需要报告的事项", "本年度未收取信息处理费。",
				"**平潭综合实验区某某局**", "2024年1月24日"),
			check: func(t *testing.T, r *report.Report, rd *Reading) {
				want := &report.Report{Agency: "平潭综合实验区某某局", Year: 2023, AgencyType: "department",
					Title:    "平潭综合实验区某某局2023年度政府信息公开工作年度报告",
					Preamble: "根据《条例》，现公布本报告。\n\n如对本报告有疑问，请与办公室联系（电话：0591-1234567）。",
					Overview: []report.Section{{Body: "2023年，我局认真落实。"},
						{Heading: "（一）主动公开情况。", Body: "全年公开信息**159**条。\n\n第二段。"},
						{Heading: "（二）依申请公开情况。", Body: "全年未收到申请。"},
						{Heading: "（三）政府信息管理", Body: "**一是**加强管理；**二是**规范流程。"}},
					Problems:     []report.Section{{Heading: "(一)存在问题。", Body: "一是不足。"}, {Heading: "(二)改进措施。", Body: "二是改进。"}},
					OtherMatters: []report.Section{{Body: "本年度未收取信息处理费。"}},
					Closing:      "平潭综合实验区某某局\n\n2024年1月24日",
				}
				sameText(t, r, want)
			}},
		{name: "contact paragraph after part 六, government, default title",
			paras: append(append([]string{"示例县人民政府2024年政府信息公开工作年度报告", "本报告依据条例编制。", "一、总体情况", "概述。"}, tablesPart...),
				"五、存在的主要问题及改进情况", "问题。", "六、其他需要报告的事项", "（一）信息处理费", "未收取。",
				"如对本报告有任何疑问，请与示例县人民政府办公室联系（地址：示例路1号；电话：0000-1234567）。"),
			check: func(t *testing.T, r *report.Report, rd *Reading) {
				sameText(t, r, &report.Report{Agency: "示例县人民政府", Year: 2024, AgencyType: "government",
					Preamble: "本报告依据条例编制。", Overview: []report.Section{{Body: "概述。"}},
					Problems:     []report.Section{{Body: "问题。"}},
					OtherMatters: []report.Section{{Heading: "（一）信息处理费", Body: "未收取。"}},
					Closing:      "如对本报告有任何疑问，请与示例县人民政府办公室联系（地址：示例路1号；电话：0000-1234567）。"})
			}},
		{name: "text around the tables of parts 二 to 四 kept in the record and the report (nianbao/2)",
			paras: []string{"某局2024年政府信息公开工作年度报告", "一、总体情况", "概述。",
				"二、主动公开政府信息情况", "（一）主动公开政府信息的数量", "[表二]", "（二）主要类别", "1.政策文件",
				"三、收到和处理政府信息公开申请情况", "[表三]", "四、政府信息公开行政复议、行政诉讼情况", "本年无复议。", "[表四]",
				"五、存在的主要问题及改进情况", "问题。", "六、其他需要报告的事项", "无。"},
			check: func(t *testing.T, r *report.Report, rd *Reading) {
				want := [3]Around{{Before: []string{"（一）主动公开政府信息的数量"}, After: []string{"（二）主要类别", "1.政策文件"}},
					{}, {Before: []string{"本年无复议。"}}}
				for i := range want {
					if strings.Join(rd.Around[i].Before, "|") != strings.Join(want[i].Before, "|") ||
						strings.Join(rd.Around[i].After, "|") != strings.Join(want[i].After, "|") {
						t.Errorf("around table %d: %+v, want %+v", i, rd.Around[i], want[i])
					}
				}
				wantText := [3]report.TableText{{Before: "（一）主动公开政府信息的数量", After: "（二）主要类别\n\n1.政策文件"}, {}, {Before: "本年无复议。"}}
				for i, w := range wantText {
					if got := *r.TableText(i + 1); got != w {
						t.Errorf("the report's text around table %d: %+v, want %+v", i, got, w)
					}
				}
				if r.NeededFormat() != report.FormatV2 {
					t.Errorf("format %s, want %s", r.NeededFormat(), report.FormatV2)
				}
				if len(r.OtherMatters) != 1 || r.OtherMatters[0].Body != "无。" || r.Closing != "" {
					t.Errorf("part 六 %+v closing %q", r.OtherMatters, r.Closing)
				}
			}},
		{name: "no title", paras: append([]string{"根据条例编制。", "一、总体情况", "概述。"}, tablesPart...), doubts: 3,
			check: func(t *testing.T, r *report.Report, rd *Reading) {
				if !strings.Contains(rd.Doubts[0].What, "未找到报告标题") {
					t.Errorf("doubts %v", rd.Doubts)
				}
			}},
		{name: "a title without a year", paras: []string{"某局政府信息公开工作年度报告", "一、总体情况", "概述。", "五、存在的主要问题及改进情况", "问题。", "六、其他需要报告的事项", "无。"}, doubts: 1,
			check: func(t *testing.T, r *report.Report, rd *Reading) {
				if r.Agency != "某局" || !strings.Contains(rd.Doubts[0].What, "没有年度") {
					t.Errorf("agency %q doubts %v", r.Agency, rd.Doubts)
				}
			}},
		{name: "a year in Chinese numerals", paras: []string{"某局二〇二三年政府信息公开工作年度报告", "一、总体情况", "概述。", "五、存在的主要问题及改进情况", "问题。", "六、其他需要报告的事项", "无。", "某局", "二〇二四年一月二十日"},
			check: func(t *testing.T, r *report.Report, rd *Reading) {
				if r.Year != 2023 || r.Agency != "某局" || r.Closing != "某局\n\n二〇二四年一月二十日" {
					t.Errorf("year %d agency %q closing %q", r.Year, r.Agency, r.Closing)
				}
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, rd := Match(docText(t, tc.paras...))
			tableDoubts := 0
			for _, d := range rd.Doubts {
				if d.Field != nil {
					tableDoubts++
				}
			}
			if n := len(rd.Doubts) - tableDoubts; n != tc.doubts {
				t.Errorf("%d doubts on the text, want %d: %v", n, tc.doubts, rd.Doubts)
			}
			tc.check(t, r, rd)
		})
	}
}

// sameText compares the text fields of two reports.
func sameText(t *testing.T, got, want *report.Report) {
	t.Helper()
	g, w := got.Clone(), want.Clone()
	g.Format, w.Format = "", ""
	g.Proactive, g.Applications, g.ReviewLitigation = report.Proactive{}, report.Applications{}, report.ReviewLitigation{}
	w.Proactive, w.Applications, w.ReviewLitigation = report.Proactive{}, report.Applications{}, report.ReviewLitigation{}
	gs, ws := strings.ReplaceAll(strings.TrimSpace(sprint(g)), "\n", "⏎"), strings.ReplaceAll(strings.TrimSpace(sprint(w)), "\n", "⏎")
	if gs != ws {
		t.Errorf("text read:\n%s\nwant:\n%s", gs, ws)
	}
}

func sprint(r *report.Report) string {
	var b strings.Builder
	b.WriteString(r.Agency + "|" + r.Title + "|" + r.AgencyType + "|" + r.Preamble + "|" + r.Closing + "|")
	b.WriteString(strings.Repeat("", 0))
	for _, ss := range [][]report.Section{r.Overview, r.Problems, r.OtherMatters} {
		b.WriteString("[")
		for _, s := range ss {
			b.WriteString("{" + s.Heading + "}" + s.Body + ";")
		}
		b.WriteString("]")
	}
	return b.String() + " " + string(rune('0'+r.Year%10))
}
