package web

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"nianbao/app/job"
	"nianbao/assets"
	"nianbao/data/outfile"
	"nianbao/data/printed"
	"nianbao/data/report"
)

func example(t testing.TB) *report.Report {
	t.Helper()
	r, err := report.Parse(assets.ExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// busy is the example with every figure set to a different number and bold runs.
func busy(t testing.TB) *report.Report {
	r := example(t)
	n := 100
	for _, tb := range printed.Tables() {
		for _, c := range tb.Figures() {
			if p, _ := c.Field.Pointer(r); p != nil {
				n++
				*p = n
			}
		}
	}
	r.Proactive.Fees = "12.3456"
	r.Closing = "联系电话：**0955-7037171**，地址：<中卫市>&“民政局”。"
	return r
}

func renderFiles(t *testing.T, r *report.Report, cs ...chart) map[string][]byte {
	t.Helper()
	files, err := render(job.New(r), cs)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Name] = f.Data
	}
	return m
}

func parse(t *testing.T, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func all(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "script") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestPageTables(t *testing.T) {
	r := busy(t)
	for _, name := range []string{IndexName, FragmentName} {
		t.Run(name, func(t *testing.T) {
			doc := parse(t, renderFiles(t, r)[name])
			tables := all(doc, "table")
			if len(tables) != 3 {
				t.Fatalf("%d tables", len(tables))
			}
			models := printed.Tables()
			for i, tb := range tables {
				m := models[i]
				caps := all(tb, "caption")
				if len(caps) != 1 || !strings.Contains(m.Heading, text(caps[0])) || text(caps[0]) == "" {
					t.Errorf("table %d: captions %d %q", i, len(caps), text(caps[0]))
				}
				ths := checkHeaderCells(t, i, tb, m)
				checkDataCells(t, r, i, tb, m, ths)
				checkHeaderSpans(t, tb, m)
			}
		})
	}
}

// checkHeaderCells: every th has a unique id and a scope, and the labels are the
// model's, in order. It returns the th by id.
func checkHeaderCells(t *testing.T, i int, tb *html.Node, m *printed.Table) map[string]*html.Node {
	t.Helper()
	ths := map[string]*html.Node{}
	var labels []string
	for _, th := range all(tb, "th") {
		id, ok := attr(th, "id")
		scope, _ := attr(th, "scope")
		if !ok || id == "" || ths[id] != nil {
			t.Errorf("th %q without a unique id", text(th))
		}
		if !slices.Contains([]string{"row", "col", "rowgroup", "colgroup"}, scope) {
			t.Errorf("th %q scope %q", text(th), scope)
		}
		ths[id] = th
		labels = append(labels, text(th))
	}
	var want []string
	for _, c := range rowMajor(m) {
		if c.Kind != printed.KindFigure {
			want = append(want, c.Text)
		}
	}
	if !slices.Equal(labels, want) {
		t.Errorf("table %d labels\n%q\nwant\n%q", i, labels, want)
	}
	return ths
}

// checkDataCells: every td shows its figure and has headers that name th of its
// table, its column's among them.
func checkDataCells(t *testing.T, r *report.Report, i int, tb *html.Node, m *printed.Table, ths map[string]*html.Node) {
	t.Helper()
	tds := all(tb, "td")
	figs := m.Figures()
	if len(tds) != len(figs) {
		t.Fatalf("table %d: %d td, %d figures", i, len(tds), len(figs))
	}
	for k, td := range tds {
		c := figs[k]
		if got := text(td); got != c.Field.Text(r) {
			t.Errorf("%+v shows %q, want %q", c.Field, got, c.Field.Text(r))
		}
		hs, _ := attr(td, "headers")
		ids := strings.Fields(hs)
		if len(ids) == 0 {
			t.Errorf("td %+v has no headers", c.Field)
		}
		var names []string
		for _, id := range ids {
			th := ths[id]
			if th == nil {
				t.Errorf("td %+v: headers %q names no th of its table", c.Field, id)
				continue
			}
			names = append(names, text(th))
		}
		// the column's own label and (but in part 四) the row's are among them
		if !slices.Contains(names, c.Field.Column) && !(c.Field.Part == "三" && slices.Contains(names, "法人或其他组织")) {
			t.Errorf("td %+v: headers %v lack its column", c.Field, names)
		}
		if cs, _ := attr(td, "colspan"); c.ColSpan > 1 && cs != itoa(c.ColSpan) {
			t.Errorf("td %+v colspan %q", c.Field, cs)
		}
	}
}

// checkHeaderSpans: header cells span rows and columns as printed.
func checkHeaderSpans(t *testing.T, tb *html.Node, m *printed.Table) {
	t.Helper()
	for _, th := range all(tb, "th") {
		id, _ := attr(th, "id")
		for _, c := range m.Cells {
			if c.Kind != printed.KindFigure && strings.HasSuffix(id, "-r"+itoa(c.Row)+"c"+itoa(c.Col)) {
				rs, _ := attr(th, "rowspan")
				cs, _ := attr(th, "colspan")
				if span(rs) != c.RowSpan || span(cs) != c.ColSpan {
					t.Errorf("th %q spans %q×%q, want %d×%d", text(th), rs, cs, c.RowSpan, c.ColSpan)
				}
			}
		}
	}
}

// rowMajor is the table's cells in the order HTML writes them: row by row, left to right.
func rowMajor(t *printed.Table) []*printed.Cell {
	cs := slices.Clone(t.Cells)
	slices.SortStableFunc(cs, func(a, b *printed.Cell) int {
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		return a.Col - b.Col
	})
	return cs
}

func itoa(n int) string { return strconv.Itoa(n) }

func span(s string) int {
	if s == "" {
		return 1
	}
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// Every sentence, heading and label of the report is on the page, in order.
func TestPageText(t *testing.T) {
	withText := busy(t) // and the text around the tables of format nianbao/2, which stands where it is printed
	withText.ProactiveText = report.TableText{Before: "**（一）**主动公开政府信息的数量", After: "（二）主动公开政府信息的主要类别"}
	withText.ReviewLitigationText = report.TableText{Before: "本年度无行政复议。\n\n也无行政诉讼。"}
	for _, r := range []*report.Report{busy(t), withText} {
		pageText(t, r)
	}
}

func pageText(t *testing.T, r *report.Report) {
	files := renderFiles(t, r)
	for _, name := range []string{IndexName, FragmentName} {
		doc := parse(t, files[name])
		page := text(doc)
		at := 0
		d := printed.Build(r)
		for _, b := range d.Blocks {
			var want []string
			if b.Paragraph != nil {
				want = []string{b.Paragraph.Text}
			} else {
				for _, c := range rowMajor(b.Table) {
					if c.Field == nil {
						want = append(want, c.Text)
					} else {
						want = append(want, c.Field.Text(r))
					}
				}
			}
			for _, s := range want {
				i := strings.Index(page[at:], s)
				if i < 0 {
					t.Fatalf("%s: %q missing or out of order", name, s)
				}
				at += i + len(s)
			}
		}
		if h := all(doc, "html"); name == IndexName {
			if lang, _ := attr(h[0], "lang"); lang != "zh-CN" {
				t.Errorf("lang %q", lang)
			}
			if ts := all(doc, "title"); len(ts) != 1 || text(ts[0]) != r.DisplayTitle() {
				t.Errorf("title")
			}
		}
		if strong := all(doc, "strong"); len(strong) == 0 || text(strong[len(strong)-1]) != "0955-7037171" {
			t.Errorf("%s: bold run missing", name)
		}
	}
}

// No script, no external resource: the page loads nothing from anywhere.
func TestSelfContained(t *testing.T) {
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-label="x"><title>t</title><rect width="5" height="5"/></svg>`)
	files := renderFiles(t, busy(t), chart{Title: "图一", SVG: svg, Alt: "共 5 件"})
	for _, name := range []string{IndexName, FragmentName} {
		doc := parse(t, files[name])
		for _, tag := range []string{"script", "link", "img", "iframe", "object", "embed", "base", "video", "audio", "source", "form"} {
			if n := all(doc, tag); len(n) > 0 {
				t.Errorf("%s has <%s>", name, tag)
			}
		}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					v := strings.ToLower(strings.TrimSpace(a.Val))
					switch {
					case strings.HasPrefix(a.Key, "on"):
						t.Errorf("%s: event attribute %s", name, a.Key)
					case a.Key == "xmlns":
					case a.Key == "href" || a.Key == "src" || a.Key == "srcset" || a.Key == "action" || strings.HasSuffix(a.Key, ":href"):
						if strings.Contains(v, ":") || strings.HasPrefix(v, "//") {
							t.Errorf("%s: %s=%q leaves the folder", name, a.Key, a.Val)
						}
					case strings.Contains(v, "url("):
						t.Errorf("%s: %s=%q", name, a.Key, a.Val)
					}
				}
			}
			if n.Type == html.ElementNode && n.Data == "style" {
				css := strings.ToLower(text(n.FirstChild))
				if strings.Contains(css, "url(") || strings.Contains(css, "@import") || strings.Contains(css, "@font-face") {
					t.Errorf("%s: style loads something", name)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		figs := all(doc, "figure")
		if len(figs) != 1 || len(all(figs[0], "svg")) != 1 || !strings.Contains(text(figs[0]), "共 5 件") {
			t.Errorf("%s: chart not inlined with its text", name)
		}
	}
	for _, bad := range []string{
		`<svg><script>alert(1)</script></svg>`,
		`<svg onload="x()"></svg>`,
		`<svg><image href="https://example.com/a.png"/></svg>`,
		`<p>not svg</p>`,
	} {
		if _, err := render(job.New(busy(t)), []chart{{Title: "坏图", SVG: []byte(bad)}}); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

// The CSVs read back, with a BOM, as the printed grid with the report's figures.
func TestCSV(t *testing.T) {
	r := busy(t)
	files := renderFiles(t, r)
	for _, m := range printed.Tables() {
		data := files[CSVName(m)]
		if !bytes.HasPrefix(data, []byte("\uFEFF")) {
			t.Fatalf("%s: no BOM", CSVName(m))
		}
		rows, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != m.Rows || len(rows[0]) != m.Cols {
			t.Fatalf("%s: %d×%d", CSVName(m), len(rows), len(rows[0]))
		}
		for _, c := range m.Cells {
			want := c.Text
			if c.Field != nil {
				want = c.Field.Text(r)
			}
			if got := rows[c.Row][c.Col]; got != want {
				t.Errorf("%s (%d, %d) = %q, want %q", CSVName(m), c.Row, c.Col, got, want)
			}
		}
	}
	back, err := report.Parse(files[ReportFileName(r)])
	if err != nil || back.Proactive.Fees != r.Proactive.Fees || back.Applications != r.Applications {
		t.Errorf("report file does not read back: %v", err)
	}
}

func TestWrite(t *testing.T) {
	r := example(t)
	dir := filepath.Join(t.TempDir(), job.New(r).FileName(""))
	files, err := render(job.New(r), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
	// the input file inside the folder is refused, and nothing is written
	in := filepath.Join(dir, ReportFileName(r))
	os.Remove(filepath.Join(dir, IndexName))
	if err := Write(dir, files, outfile.Inputs(in)...); err == nil || !strings.Contains(err.Error(), "输入文件") {
		t.Errorf("overwriting the input: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, IndexName)); err == nil {
		t.Error("a file was written before the refusal")
	}
	// a file where the folder should be
	file := filepath.Join(t.TempDir(), "x")
	os.WriteFile(file, nil, 0o644)
	if err := Write(file, files); err == nil {
		t.Error("a file as the folder was accepted")
	}
}

// The fragment keeps its borders and alignment when a CMS drops its <style>;
// the page keeps them in its style sheet only.
func TestFragmentInlineStyle(t *testing.T) {
	files := renderFiles(t, busy(t))
	for name, want := range map[string]bool{FragmentName: true, IndexName: false} {
		for _, td := range all(parse(t, files[name]), "td") {
			style, _ := attr(td, "style")
			if got := strings.Contains(style, "border:1px solid") && strings.Contains(style, "text-align:right"); got != want {
				t.Fatalf("%s: td style %q", name, style)
			}
		}
	}
}

func BenchmarkRender(b *testing.B) {
	r := example(b)
	for b.Loop() {
		if _, err := render(job.New(r), nil); err != nil {
			b.Fatal(err)
		}
	}
}

// A new, empty report still makes a whole page: six part headings, three tables of zeros.
func TestEmptyReport(t *testing.T) {
	doc := parse(t, renderFiles(t, report.New("某县审计局", 2024))[IndexName])
	if h2, tables, tds := len(all(doc, "h2")), len(all(doc, "table")), len(all(doc, "td")); h2 != 7 || tables != 3 || tds != 10+175+15 {
		t.Errorf("%d h2 (six parts and 下载), %d tables, %d figures", h2, tables, tds)
	}
	if len(all(doc, "p")) != 0 || len(all(doc, "figure")) != 0 {
		t.Error("paragraphs or charts out of nothing")
	}
}

// Render draws the 图解 from its input when asked (with the trend over the
// earlier years), and none otherwise: every chart inlined as SVG with its
// text alternative after it.
func TestRenderDrawsTheCharts(t *testing.T) {
	r := busy(t)
	prev := r.Clone()
	prev.Year--
	for _, tc := range []struct {
		name    string
		charts  bool
		history []*report.Report
		want    int
	}{
		{"no charts", false, nil, 0},
		{"the report's charts", true, nil, 5},
		{"and the trend", true, []*report.Report{prev}, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := job.New(r)
			in.Charts, in.History = tc.charts, tc.history
			page, err := Render(in)
			if err != nil {
				t.Fatal(err)
			}
			if page.ChartsError != nil || page.Charts != tc.want {
				t.Fatalf("%d charts (%v), want %d", page.Charts, page.ChartsError, tc.want)
			}
			var index string
			for _, f := range page.Files {
				if f.Name == IndexName {
					index = string(f.Data)
				}
			}
			if n := strings.Count(index, `<svg aria-hidden="true"`); n != tc.want {
				t.Errorf("%d SVG pictures in the page, want %d", n, tc.want)
			}
			if n := strings.Count(index, `class="nb-alt"`); n != tc.want {
				t.Errorf("%d text alternatives in the page, want %d", n, tc.want)
			}
		})
	}
	if _, err := Render(job.New(nil)); err == nil {
		t.Error("a page made without a report")
	}
}

// TestParagraphsBreakByTheRules: the page asks the browser for its strict
// 禁则 (no line starting with ，。 or small kana), as the PDF breaks (issue 19 point 12).
func TestParagraphsBreakByTheRules(t *testing.T) {
	page := string(renderFiles(t, busy(t))[IndexName])
	if !regexp.MustCompile(`\.nb-report p \{[^}]*line-break: strict`).MatchString(page) {
		t.Error("index.html's paragraphs do not break by line-break: strict")
	}
}
