// Package sample builds the reports the tests and benchmarks of the printed
// report use: the bundled example, and long reports that run every part over
// several pages and fill every table with the largest figures.
package sample

import (
	"fmt"
	"strings"

	"nianbao/assets"
	"nianbao/data/report"
)

// Example is the bundled 2023 report of 中卫市民政局.
func Example() (*report.Report, error) {
	r, err := report.Parse(assets.ExampleReport)
	if err != nil {
		return nil, fmt.Errorf("示例年报无法读取：%w", err)
	}
	return r, nil
}

// sentences mix what line breaking must handle: numbers that must not split
// (2023, 12,486, 0955—7037171, 99.5%), Latin words and a web address, quotes
// and brackets that must not stand at the start or end of a line, and bold runs.
var sentences = []string{
	"全年通过政府门户网站主动公开政府信息12,486条，其中政策文件316件、政策解读208篇。",
	"围绕**重点领域**，逐月公开财政预决算、重大建设项目、公共资源配置、社会救助等信息，确保“应公开、尽公开”。",
	"对申请人提出的“数据口径”“办理时限”等疑问，逐一电话沟通说明，满意率达到99.5%。",
	"电子版可在门户网站 https://www.example.gov.cn/xxgk/ndbg/index.html 下载，咨询电话0955—7037171。",
	"严格落实《中华人民共和国政府信息公开条例》（以下简称《条例》）和国办公开办函〔2021〕30号的要求……",
	"平台采用 PDF 与 OFD 两种格式发布，并通过 ISO 9001 质量管理体系认证，全年运行稳定。",
	"一是**强化组织领导**。二是**完善工作机制**。三是**加强队伍建设**，组织专题培训5次、培训人员640人次。",
	"2024年1月1日至2024年12月31日，累计办理12345热线转办件1,024件，按时办结率100%。",
}

// paragraph returns the n-th paragraph of a long text: k sentences in turn.
func paragraph(n, k int) string {
	var b strings.Builder
	for i := 0; i < k; i++ {
		b.WriteString(sentences[(n*3+i)%len(sentences)])
	}
	return b.String()
}

func sections(prefix string, count, paras int) []report.Section {
	nums := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	var out []report.Section
	for i := 0; i < count; i++ {
		var body []string
		for p := 0; p < paras; p++ {
			body = append(body, paragraph(i*paras+p, 4+p%3))
		}
		h := fmt.Sprintf("（%s）%s情况", nums[i%len(nums)], prefix)
		if i == 0 {
			h = "" // a lead section without a heading
		}
		out = append(out, report.Section{Heading: h, Body: strings.Join(body, "\n\n")})
	}
	return out
}

// Long returns a report whose prose parts run over several pages each
// (scale 1 gives about 20 pages; the page count grows with scale) and
// whose tables hold 9999999 in every cell.
func Long(scale int) *report.Report {
	r := report.New("示例省示例市人民政府办公厅政务公开与信息化建设管理办公室", 2024)
	r.Preamble = paragraph(0, 5) + "\n\n" + paragraph(1, 3)
	r.Overview = sections("主动公开", 5, 2*scale)
	r.Problems = sections("问题整改", 3, 3*scale)
	r.OtherMatters = sections("其他事项", 4, 2*scale)
	r.Closing = "如对本报告有任何疑问，请与示例市人民政府办公厅联系（地址：示例市人民路1号；邮编：000000；电话：0000—1234567）。"
	const big = report.MaxFigure
	p := &r.Proactive
	p.Rules = report.DocCounts{Issued: big, Repealed: big, InForce: big}
	p.NormativeDocuments = p.Rules
	p.Licensing, p.Penalty, p.Coercion = big, big, big
	p.Fees = "9999999.999999"
	for i := range r.Applications {
		for c := range r.Applications[i] {
			r.Applications[i][c] = big
		}
	}
	for g := range r.ReviewLitigation {
		for c := range r.ReviewLitigation[g] {
			r.ReviewLitigation[g][c] = big
		}
	}
	return r
}

// WithTableText adds to r the paragraphs a report prints before and after the
// tables of parts 二, 三 and 四 (format nianbao/2), as the 2024 report of
// 平潭综合实验区财政金融局 prints them around part 二's table, with a bold run.
func WithTableText(r *report.Report) *report.Report {
	r.ProactiveText = report.TableText{
		Before: "**（一）主动公开政府信息的数量**\n\n本年度通过门户网站主动公开政府信息1,024条，其中政策文件36件。",
		After:  "（二）主动公开政府信息的主要类别\n\n围绕财政预决算、政府采购等重点领域，及时公开与公众生活密切相关的财政数据和各类公告。",
	}
	r.ApplicationsText = report.TableText{Before: "本年度收到政府信息公开申请的情况如下表。"}
	r.ReviewLitigationText = report.TableText{After: "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"}
	return r
}
