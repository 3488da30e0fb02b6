package web

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/data/intake"
	"nianbao/data/report"
)

func readReport(t testing.TB, path string) *report.Report {
	t.Helper()
	r, err := report.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The published page of 平潭 海坛片区 reads exactly as typed in from it:
// every figure and every sentence, with nothing left for a person.
func TestHaitanPage(t *testing.T) {
	d, err := ReadFile("testdata/pingtan-haitan-2023.html")
	if err != nil {
		t.Fatal(err)
	}
	got, rd := intake.Match(d)
	want := readReport(t, "testdata/pingtan-haitan-2023.nianbao.json")
	gj, err := report.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	wj, _ := report.Marshal(want)
	if string(gj) != string(wj) {
		os.WriteFile("/tmp/haitan-got.json", gj, 0o644)
		t.Errorf("read differs from the typed-in report; see /tmp/haitan-got.json")
	}
	for _, d := range rd.Doubts {
		t.Errorf("doubt: %s", d)
	}
	if len(rd.Figures) != 200 {
		t.Errorf("%d figures recorded, want 200", len(rd.Figures))
	}
	var zeros []string
	for _, z := range rd.Zeros {
		zeros = append(zeros, z.String())
	}
	t.Log(strings.Join(zeros, "\n"))
}

// page wraps a report's HTML in a site's furniture.
func page(head, report string) string {
	return `<!DOCTYPE html><html><head>` + head + `<title>某局2024年政府信息公开工作年度报告_政府信息公开年报_某市人民政府</title></head><body>
<div class="header"><a href="/">首页</a> 一、总体情况 <a>政务公开</a></div>
<nav>二、主动公开政府信息情况 机构概况</nav>
<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开年报</div>
<div class="article"><div class="article_title">某局2024年政府信息公开工作年度报告</div>
<div class="info">来源：某局 时间：2025-01-20</div>
<div class="share_box"><a>分享到微信</a><a>微博</a></div>
<div class="content">` + report + `</div></div>
<div class="footer">版权所有：某市人民政府 主办单位 网站标识码 六、其他需要报告的事项</div>
<script>var x = "三、收到和处理政府信息公开申请情况";</script>
</body></html>`
}

const reportBody = `<p style="text-align:center"><span style="font-weight:bold">某局2024年政府信息公开工作年度报告</span></p>
<p>&nbsp;&nbsp;根据条例编制本报告。</p>
<p>一、总体情况</p><p><b>（一）主动公开。</b>全年公开&nbsp;12 条。</p>
<p>二、主动公开政府信息情况</p>
<table><tbody>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>1</td><td>0</td><td>3</td></tr>
</tbody></table>
<p>五、存在的主要问题及改进情况</p><p>问题。</p>
<p>六、其他需要报告的事项</p><p>无。</p>
<p style="text-align:right">某局<br>2025年1月20日</p>`

// The report is found among the site's furniture, in UTF-8 and in GBK,
// declared or not.
func TestFurnitureAndCharset(t *testing.T) {
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"UTF-8", []byte(page(`<meta charset="utf-8">`, reportBody))},
		{"UTF-8 undeclared", []byte(page("", reportBody))},
		{"GBK declared", gbk(page(`<meta http-equiv="Content-Type" content="text/html; charset=gbk">`, reportBody))},
		{"GB2312 declared", gbk(page(`<meta charset="gb2312">`, reportBody))},
		{"GBK undeclared", gbk(page("", reportBody))},
		{"title only outside the article", []byte(page(`<meta charset="utf-8">`, strings.Replace(reportBody,
			`<p style="text-align:center"><span style="font-weight:bold">某局2024年政府信息公开工作年度报告</span></p>`, "", 1)))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			r, rd := intake.Match(d)
			if r.Agency != "某局" || r.Year != 2024 || r.Title != "" {
				t.Errorf("agency %q year %d title %q", r.Agency, r.Year, r.Title)
			}
			if r.Preamble != "根据条例编制本报告。" {
				t.Errorf("preamble %q", r.Preamble)
			}
			if len(r.Overview) != 1 || r.Overview[0].Heading != "（一）主动公开。" || r.Overview[0].Body != "全年公开 12 条。" {
				t.Errorf("overview %+v", r.Overview)
			}
			if r.Closing != "某局\n\n2025年1月20日" || len(r.OtherMatters) != 1 {
				t.Errorf("closing %q, part 六 %+v", r.Closing, r.OtherMatters)
			}
			if r.Proactive.Rules != (report.DocCounts{Issued: 1, InForce: 3}) {
				t.Errorf("rules %+v", r.Proactive.Rules)
			}
			all := fmt.Sprint(r)
			for _, w := range []string{"首页", "分享", "版权所有", "当前位置", "来源", "机构概况"} {
				if strings.Contains(all, w) {
					t.Errorf("the site's %q read into the report", w)
				}
			}
			_ = rd
		})
	}
}

// Tables with rowspan and colspan, in sections, are laid out as a grid.
func TestTableGrid(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"rowspan and colspan", `<table><thead><tr><th rowspan="2">甲</th><th colspan="2">乙</th></tr><tr><td>1</td><td>2</td></tr></thead></table>`,
			"T2x3 [0,0 2x1 甲] [0,1 1x2 乙] [1,1 1x1 1] [1,2 1x1 2]"},
		{"rowspan=0 runs to the end, a rowspan beyond the end is cut", `<table><tr><td rowspan="0">甲</td><td rowspan="9">乙</td></tr><tr><td>3</td></tr></table>`,
			"T2x3 [0,0 2x1 甲] [0,1 2x1 乙] [1,2 1x1 3]"},
		{"a wrong span is 1", `<table><tr><td colspan="x">甲</td><td colspan="-2">乙</td></tr></table>`, "T1x2 [0,0 1x1 甲] [0,1 1x1 乙]"},
		{"cell paragraphs joined by line breaks, a nested table apart", `<table><tr><td><p>甲</p><p>乙</p><table><tr><td>内</td></tr></table></td></tr></table>`,
			"T1x1 [0,0 1x1 甲\n乙]\nT1x1 [0,0 1x1 内]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := &extractor{}
			root, _ := html.Parse(strings.NewReader(tc.html))
			x.walk(root, 0)
			var out []string
			var table func(t *intake.Table)
			table = func(t *intake.Table) {
				s := fmt.Sprintf("T%dx%d", t.Rows, t.Cols)
				for _, c := range t.Cells {
					s += fmt.Sprintf(" [%d,%d %dx%d %s]", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text)
				}
				out = append(out, s)
				for _, n := range t.Nested {
					table(n)
				}
			}
			for _, b := range x.blocks {
				if b.b.Table != nil {
					table(b.b.Table)
				}
			}
			if got := strings.Join(out, "\n"); got != tc.want {
				t.Errorf("grid\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// Bad pages are refused or read within bounds, with a message in Chinese.
func TestBadPages(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		says string
	}{
		{"too large", make([]byte, MaxFileSize+1), "超过 20 MB"},
		{"no report", []byte("<html><body><p>欢迎访问</p></body></html>"), ""},
		{"nested beyond reason", []byte(strings.Repeat("<div>", 100_000) + "<p>一、总体情况</p>"), "网页无法解析：元素嵌套过深"},
		{"a huge span", []byte(`<table><tr><td colspan="100000" rowspan="100000">甲</td></tr>` + strings.Repeat("<tr><td>1</td></tr>", 5000) + `</table>`), ""},
		{"not HTML at all", []byte{0xff, 0xfe, 0x00, 0x01, 0x02}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(tc.data)
			if err == nil {
				intake.Match(d)
				if tc.says != "" {
					t.Errorf("read without complaint, want %q", tc.says)
				}
				return
			}
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %q, want one saying %q", err, tc.says)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	b, err := os.ReadFile("testdata/pingtan-haitan-2023.html")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(page(`<meta charset="gbk">`, reportBody)))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data)
		if err != nil {
			return
		}
		intake.Match(d)
	})
}

func BenchmarkReadPage(b *testing.B) {
	data, err := os.ReadFile("testdata/pingtan-haitan-2023.html")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		d, err := Read(data)
		if err != nil {
			b.Fatal(err)
		}
		intake.Match(d)
	}
}

// An older site lays out its page with tables: the report inside a layout
// table's cell is read as the page's flow, its own tables as tables.
func TestLayoutTable(t *testing.T) {
	body := `<table width="100%"><tr><td class="nav">首页</td></tr><tr><td>` + reportBody + `</td></tr></table>`
	d, err := Read([]byte(page(`<meta charset="utf-8">`, body)))
	if err != nil {
		t.Fatal(err)
	}
	r, _ := intake.Match(d)
	if r.Agency != "某局" || len(r.Overview) != 1 || r.Proactive.Rules.InForce != 3 || r.Closing != "某局\n\n2025年1月20日" {
		t.Errorf("agency %q overview %+v rules %+v closing %q", r.Agency, r.Overview, r.Proactive.Rules, r.Closing)
	}
}
