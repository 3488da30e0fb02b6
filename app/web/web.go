// Package web writes a report as the page for the 年报 column of a website:
// one self-contained index.html (no scripts, no external requests, fonts from
// the reader's system) in simplified Chinese, the three tables as real HTML
// tables (caption, th with id and scope, every figure's td naming its row and
// column heads in headers, the printed table's rowspan and colspan), a
// fragment for pasting into a website's CMS, the report file, and one CSV per
// table (UTF-8 with BOM, so that Excel and WPS read the Chinese).
//
// Everything shown comes from the printed model (data/printed); charts, when
// given, are inlined as SVG with their text alternative beside them.
package web

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	_ "embed"

	"nianbao/app/job"
	"nianbao/data/outfile"
	"nianbao/data/printed"
	"nianbao/data/report"
)

// chart is one 图解 chart to inline: its title, the SVG document (from
// app/charts: Chart.SVG), and the text alternative that states its figures.
type chart struct {
	Title string
	SVG   []byte
	Alt   string
}

// Page is the web page of a report: its files, and how many charts it shows.
type Page struct {
	Files  []File
	Charts int
	// ChartsError says why the 图解 asked for could not be drawn; the page is
	// then made without them.
	ChartsError error
}

// File names of the page and the fragment in the output folder.
const (
	IndexName    = "index.html"
	FragmentName = "fragment.html"
)

// File is one file of the output folder.
type File struct {
	Name string // file name inside the folder
	What string // what it is, as a message names it: 网页, 网页片段, 年报文件, 表格数据
	Data []byte
}

// ReportFileName is the name of the report file in the folder.
func ReportFileName(r *report.Report) string {
	return outfile.FileName(r.DefaultTitle(), ".nianbao.json")
}

// CSVName is the file name of a table's CSV: proactive.csv, applications.csv, review_litigation.csv.
func CSVName(t *printed.Table) string { return t.ID + ".csv" }

//go:embed page.css
var pageCSS string

// Render makes the files of the web page of the report of in: index.html,
// fragment.html, the report file and the three CSVs, the 图解 (with the trend
// over in.History) inlined after the report when in.Charts asks. Charts that
// cannot be drawn leave the page without them (Page.ChartsError says why).
func Render(in *job.Input) (*Page, error) {
	if in == nil || in.Report == nil {
		return nil, errors.New("没有要生成网页的年报")
	}
	cs, chartsErr := svgCharts(in)
	if chartsErr != nil {
		cs = nil
	}
	files, err := render(in, cs)
	if err != nil {
		return nil, err
	}
	return &Page{Files: files, Charts: len(cs), ChartsError: chartsErr}, nil
}

// svgCharts draws the 图解 of in as SVG, with their titles and text alternatives.
func svgCharts(in *job.Input) ([]chart, error) {
	cs, err := in.DrawCharts()
	if err != nil {
		return nil, err
	}
	out := make([]chart, 0, len(cs))
	for i := range cs {
		svg, err := cs[i].SVG()
		if err != nil {
			return nil, err
		}
		out = append(out, chart{Title: cs[i].Title, SVG: svg, Alt: cs[i].Alt})
	}
	return out, nil
}

// render makes the files of the page of in with the charts cs.
func render(in *job.Input, cs []chart) ([]File, error) {
	r := in.Report
	d := in.Printed()
	v, err := newView(d, cs)
	if err != nil {
		return nil, err
	}
	var files []File
	for _, p := range []struct {
		name, what, tmpl string
		v                *view
	}{
		{IndexName, "网页", "page", v},
		{FragmentName, "网页片段", "fragment", v.inline()},
	} {
		var b bytes.Buffer
		if err := templates.ExecuteTemplate(&b, p.tmpl, p.v); err != nil {
			return nil, fmt.Errorf("无法生成%s：%w", p.what, err)
		}
		files = append(files, File{p.name, p.what, b.Bytes()})
	}
	js, err := report.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("无法生成年报文件：%w", err)
	}
	files = append(files, File{ReportFileName(r), "年报文件", js})
	for _, t := range d.Tables() {
		data, err := tableCSV(t, r)
		if err != nil {
			return nil, fmt.Errorf("无法生成“%s”的表格数据：%w", t.Heading, err)
		}
		files = append(files, File{CSVName(t), "表格数据", data})
	}
	return files, nil
}

// Write writes the files into dir, creating it when needed. A file that would
// overwrite one of protected (the input, the open database) is refused before
// anything is written.
func Write(dir string, files []File, protected ...outfile.Protected) error {
	for _, f := range files {
		if err := outfile.Guard(filepath.Join(dir, f.Name), protected...); err != nil {
			return err
		}
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return fmt.Errorf("无法写入文件夹 %s：已有同名的文件，请换一个文件夹名", dir)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return fmt.Errorf("无法建立文件夹 %s：%w", dir, err)
	}
	// The files are written side by side: each waits for its fsync, and the
	// disk serves those waits together.
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = outfile.Write(filepath.Join(dir, f.Name), f.Data, nil)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// tableCSV writes the table as printed, one CSV row per table row: a merged
// cell's text in its first position, the positions it covers left empty.
func tableCSV(t *printed.Table, r *report.Report) ([]byte, error) {
	grid := make([][]string, t.Rows)
	for i := range grid {
		grid[i] = make([]string, t.Cols)
	}
	for _, c := range t.Cells {
		text := c.Text
		if c.Field != nil {
			text = c.Field.Text(r)
		}
		grid[c.Row][c.Col] = text
	}
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.WriteAll(grid); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// view is what the templates show.
type view struct {
	Title  string
	Blocks []blockView
	Charts []chartView
	Files  []fileView
	CSS    template.CSS
}

type blockView struct {
	Tag   string // h1, h2, h3, p, signoff; "" for a table
	Runs  []printed.Run
	Table *tableView
	// The closing's sign-off (Tag signoff): the agency's name and the date,
	// either of which may be missing.
	Signature, Date []printed.Run
}

type tableView struct {
	ID, Caption, CSV string
	Wide             bool
	Keep             bool // short enough to print on one page, not split
	Inline           bool // cells carry their borders and alignment in style attributes (the fragment: a CMS may drop <style>)
	Groups           []groupView
}

type groupView struct {
	Head bool // a thead, else a tbody
	Rows [][]cellView
}

type cellView struct {
	Header           bool
	ID, Scope, Class string
	Headers          string
	RowSpan, ColSpan int
	Text             string
	col              int
}

type chartView struct {
	ID, Title, Alt string
	SVG            template.HTML
}

type fileView struct{ Name, Label string }

func newView(d *printed.Document, cs []chart) (*view, error) {
	v := &view{CSS: template.CSS(pageCSS)}
	for _, b := range d.Blocks {
		if b.Table != nil {
			v.Blocks = append(v.Blocks, blockView{Table: newTableView(b.Table, d.Report)})
			v.Files = append(v.Files, fileView{CSVName(b.Table), "“" + tableName(b.Table) + "”表格数据（CSV）"})
			continue
		}
		p := b.Paragraph
		if p.Role == printed.RoleSignature || p.Role == printed.RoleDate {
			v.signOff(p)
			continue
		}
		tag := map[printed.Role]string{printed.RoleTitle: "h1", printed.RolePartHeading: "h2", printed.RoleSectionHeading: "h3"}[p.Role]
		if tag == "" {
			tag = "p"
		}
		if p.Role == printed.RoleTitle {
			v.Title = p.Text
		}
		v.Blocks = append(v.Blocks, blockView{Tag: tag, Runs: p.Runs})
	}
	v.Files = append([]fileView{{ReportFileName(d.Report), "年报文件（可用“年报”程序打开）"}}, v.Files...)
	for i, c := range cs {
		svg, err := inlineSVG(c.SVG)
		if err != nil {
			return nil, fmt.Errorf("图表“%s”无法放入网页：%w", c.Title, err)
		}
		v.Charts = append(v.Charts, chartView{ID: fmt.Sprintf("nb-chart-%d", i+1), Title: c.Title, Alt: c.Alt, SVG: svg})
	}
	return v, nil
}

// signOff adds a line of the closing's sign-off: the name starts the
// block, the date joins the name before it.
func (v *view) signOff(p *printed.Paragraph) {
	if n := len(v.Blocks); p.Role == printed.RoleDate && n > 0 && v.Blocks[n-1].Tag == "signoff" && v.Blocks[n-1].Date == nil {
		v.Blocks[n-1].Date = p.Runs
		return
	}
	b := blockView{Tag: "signoff"}
	if p.Role == printed.RoleSignature {
		b.Signature = p.Runs
	} else {
		b.Date = p.Runs
	}
	v.Blocks = append(v.Blocks, b)
}

// inline returns a copy of v whose tables carry their look in style attributes.
func (v *view) inline() *view {
	c := *v
	c.Blocks = slices.Clone(v.Blocks)
	for i, b := range c.Blocks {
		if b.Table != nil {
			t := *b.Table
			t.Inline = true
			c.Blocks[i].Table = &t
		}
	}
	return &c
}

// tableName is the table's caption: the part's heading without its numeral.
func tableName(t *printed.Table) string {
	h := t.Heading
	if _, after, ok := strings.Cut(h, "、"); ok {
		return after
	}
	return h
}

func newTableView(t *printed.Table, r *report.Report) *tableView {
	id := func(c *printed.Cell) string { return fmt.Sprintf("nb-%s-r%dc%d", t.ID, c.Row, c.Col) }
	tv := &tableView{ID: "nb-" + t.ID, Caption: tableName(t), CSV: CSVName(t), Wide: t.Cols > 4, Keep: t.Rows <= 16}
	// groups: the head rows, then one body per block (part 二) or one body
	starts := []int{}
	if t.Header > 0 {
		starts = append(starts, 0)
	}
	if t.Blocks != nil {
		starts = append(starts, t.Blocks...)
	} else {
		starts = append(starts, t.Header)
	}
	for i, s := range starts {
		end := t.Rows
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		g := groupView{Head: t.Header > 0 && s == 0, Rows: make([][]cellView, end-s)}
		for _, c := range t.Cells {
			if c.Row < s || c.Row >= end {
				continue
			}
			cv := cellView{col: c.Col, RowSpan: c.RowSpan, ColSpan: c.ColSpan, Text: c.Text}
			switch c.Kind {
			case printed.KindFigure:
				cv.Text = c.Field.Text(r)
				rows, cols := t.Headers(c)
				var ids []string
				for _, h := range append(rows, cols...) {
					ids = append(ids, id(h))
				}
				cv.Headers = strings.Join(ids, " ")
			case printed.KindRowHead:
				cv.Header, cv.ID, cv.Scope = true, id(c), "row"
				if c.RowSpan > 1 {
					cv.Scope = "rowgroup"
				}
				if c.Align == printed.AlignStart {
					cv.Class = "start"
				}
			default:
				cv.Header, cv.ID, cv.Scope = true, id(c), "col"
				if c.ColSpan > 1 {
					cv.Scope = "colgroup"
				}
				if c.Kind == printed.KindCaption {
					cv.Class = "item"
				}
			}
			g.Rows[c.Row-s] = append(g.Rows[c.Row-s], cv)
		}
		for _, row := range g.Rows {
			slices.SortStableFunc(row, func(a, b cellView) int { return a.col - b.col })
		}
		tv.Groups = append(tv.Groups, g)
	}
	return tv
}

// inlineSVG checks that an SVG document is safe to inline (no script, no
// reference outside itself) and hides the drawing from screen readers, which
// read the text alternative printed under it instead.
func inlineSVG(svg []byte) (template.HTML, error) {
	s := strings.TrimSpace(string(svg))
	if i := strings.Index(s, "<svg"); i > 0 {
		s = s[i:] // drop an XML declaration
	}
	if !strings.HasPrefix(s, "<svg") {
		return "", fmt.Errorf("不是 SVG")
	}
	low := strings.ToLower(s)
	for _, bad := range []string{"<script", "javascript:", "<foreignobject", "href=\"http", "href='http", "url(http", "@import", " on"} {
		if bad == " on" {
			if onAttribute(low) {
				return "", fmt.Errorf("SVG 含有事件属性")
			}
			continue
		}
		if strings.Contains(low, bad) {
			return "", fmt.Errorf("SVG 含有脚本或外部引用（%s）", bad)
		}
	}
	return template.HTML(`<svg aria-hidden="true" focusable="false"` + s[len("<svg"):]), nil
}

// onAttribute reports whether an SVG has an event attribute such as onload=.
func onAttribute(s string) bool {
	for i := strings.Index(s, " on"); i >= 0; {
		rest := s[i+3:]
		j := 0
		for j < len(rest) && rest[j] >= 'a' && rest[j] <= 'z' {
			j++
		}
		if j > 0 && j < len(rest) && rest[j] == '=' {
			return true
		}
		k := strings.Index(rest, " on")
		if k < 0 {
			break
		}
		i += 3 + k
	}
	return false
}

var templates = template.Must(template.New("").Parse(pageTemplates))
