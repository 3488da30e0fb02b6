// Package web reads a report from a web page saved from a government website
// (.html, .htm) into an intake.Document: the report found among the site's
// navigation, headers, footers and share buttons; tables with rowspan and
// colspan as a grid; bold kept; pages in GBK or another legacy encoding
// decoded by their declared charset.
package web

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/data/intake"
)

// Limits: a saved report page is a few hundred KB.
const (
	MaxFileSize = 20 << 20 // bytes of the file
	maxDepth    = 256      // nesting of elements read; deeper content is page furniture
	maxSpan     = 1000     // colspan or rowspan beyond this is cut to it
	maxCells    = 200_000  // grid positions of one table
	maxBlocks   = 100_000  // paragraphs and tables of a page
)

// Source is how messages name the kind of file.
const Source = "网页"

// ErrNotReport is the cause when a page holds no report.
var ErrNotReport = errors.New("网页中未找到年报")

// ReadFile reads the page at path through the one opener.
func ReadFile(path string) (*intake.Document, error) { return intake.ReadFile(path, Read) }

// Read reads a page's bytes.
func Read(data []byte) (*intake.Document, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("网页超过 %d MB 的上限，不是年报网页", MaxFileSize>>20)
	}
	text, err := decode(data)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, errors.New("网页无法解析：元素嵌套过深或结构损坏")
	}
	x := &extractor{}
	x.walk(root, 0)
	x.flush()
	if x.tooMany {
		return nil, fmt.Errorf("网页的段落和表格超过 %d 个，不是年报网页", maxBlocks)
	}
	blocks := x.content()
	if len(blocks) == 0 {
		return nil, ErrNotReport
	}
	return &intake.Document{Source: Source, Blocks: blocks}, nil
}

// decode turns the page into UTF-8 by its byte order mark or declared
// charset (meta charset, http-equiv); a page that declares none is UTF-8
// when it is valid UTF-8, else GB18030 (which reads GBK and GB2312): what a
// Chinese government site without a declaration serves.
func decode(data []byte) ([]byte, error) {
	enc, name, certain := charset.DetermineEncoding(data, "text/html")
	if !certain {
		if utf8.Valid(data) {
			return bytes.TrimPrefix(data, []byte("\uFEFF")), nil
		}
		enc, name = simplifiedchinese.GB18030, "gb18030"
	}
	if name == "utf-8" || enc == nil {
		return bytes.TrimPrefix(data, []byte("\uFEFF")), nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("网页的编码（%s）无法转换：%w", name, err)
	}
	return out, nil
}

// block is one paragraph or table with the element it lies in.
type block struct {
	b  intake.Block
	in *elem
}

// elem is an element of the page, for finding the one that holds the report.
type elem struct {
	parent    *elem
	depth, id int // id: the order in which elements open
}

// within tells whether e is root or inside it.
func (e *elem) within(root *elem) bool {
	for ; e != nil; e = e.parent {
		if e == root {
			return true
		}
	}
	return false
}

// extractor walks the page, collecting blocks.
type extractor struct {
	blocks  []block
	cur     *elem // the open element
	elems   int
	runs    []intake.Run
	bold    int
	line    int
	tooMany bool
	outside []string // text of title-like elements, for a page whose article leaves out its title
}

// skipped are elements that never hold the report's text.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Svg: true,
	atom.Template: true, atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Map: true,
	atom.Caption: true, atom.Img: true, atom.Audio: true, atom.Video: true, atom.Math: true,
}

// furniture are words in a class or id that mark the site's furniture.
var furniture = map[string]bool{
	"share": true, "breadcrumb": true, "nav": true, "navbar": true, "menu": true, "footer": true,
	"header": true, "sidebar": true, "toolbar": true, "pagination": true, "fenxiang": true, "crumb": true,
}

func isFurniture(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool {
			return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
		}) {
			if furniture[w] {
				return true
			}
		}
	}
	return false
}

// blockTags end a paragraph where they start and end.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Center: true,
	atom.Pre: true, atom.Address: true, atom.Figure: true, atom.Figcaption: true, atom.Hr: true, atom.Body: true,
	atom.Tr: true, atom.Td: true, atom.Th: true,
}

func (x *extractor) walk(n *html.Node, depth int) {
	if depth > maxDepth || x.tooMany {
		return
	}
	switch n.Type {
	case html.TextNode:
		x.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		x.children(n, depth)
		return
	default:
		return
	}
	if n.DataAtom == atom.Head {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Title {
				x.outside = append(x.outside, textOf(c, 0))
			}
		}
	}
	if skipped[n.DataAtom] || isFurniture(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		x.runs = append(x.runs, intake.Run{Text: "\n"})
		return
	case atom.Table:
		if !layoutTable(n) {
			x.flush()
			x.table(n, depth)
			return
		}
	}
	isBlock := blockTags[n.DataAtom] || n.DataAtom == atom.Table
	if isBlock {
		x.flush()
	}
	x.open()
	b := boldness(n)
	x.bold += b
	x.children(n, depth)
	x.bold -= b
	if isBlock {
		x.flush()
	}
	x.cur = x.cur.parent
}

// open starts an element inside the open one.
func (x *extractor) open() {
	d := 0
	if x.cur != nil {
		d = x.cur.depth + 1
	}
	x.elems++
	x.cur = &elem{parent: x.cur, depth: d, id: x.elems}
}

func (x *extractor) children(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.walk(c, depth+1)
	}
}

// boldness is 1 for an element that sets its text bold, -1 for one that
// sets it normal inside bold, else 0.
func boldness(n *html.Node) int {
	if n.DataAtom == atom.B || n.DataAtom == atom.Strong {
		return 1
	}
	for _, a := range n.Attr {
		if a.Key != "style" {
			continue
		}
		for _, decl := range strings.Split(strings.ToLower(a.Val), ";") {
			k, v, ok := strings.Cut(decl, ":")
			if !ok || strings.TrimSpace(k) != "font-weight" {
				continue
			}
			switch v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")); v {
			case "bold", "bolder", "600", "700", "800", "900":
				return 1
			case "normal", "lighter", "400", "300":
				return -1
			}
		}
	}
	return 0
}

// text adds a text node, its white space collapsed as a browser does.
func (x *extractor) text(s string) {
	s = collapse(s)
	if s == "" {
		return
	}
	x.runs = append(x.runs, intake.Run{Text: s, Bold: x.bold > 0})
}

func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// flush ends the paragraph being gathered.
func (x *extractor) flush() {
	runs := x.runs
	x.runs = nil
	empty := true
	for _, r := range runs {
		if strings.TrimSpace(r.Text) != "" {
			empty = false
		}
	}
	if empty {
		return
	}
	x.line++
	x.add(intake.Block{Para: &intake.Para{Runs: runs, Where: intake.Place{Line: x.line}}})
}

func (x *extractor) add(b intake.Block) {
	if len(x.blocks) >= maxBlocks {
		x.tooMany = true
		return
	}
	x.blocks = append(x.blocks, block{b: b, in: x.cur})
}

// table adds a table as a grid.
func (x *extractor) table(n *html.Node, depth int) {
	x.open()
	x.line++
	t := x.grid(n, depth)
	x.add(intake.Block{Table: t})
	x.cur = x.cur.parent
}

// grid lays out a table's rows and cells, merged cells as one Cell with spans.
func (x *extractor) grid(n *html.Node, depth int) *intake.Table {
	t := &intake.Table{Where: intake.Place{Line: x.line}}
	rows := rowsOf(n, 0)
	taken := map[[2]int]bool{}
	for r, tr := range rows {
		c := 0
		for cell := tr.FirstChild; cell != nil; cell = cell.NextSibling {
			if cell.Type != html.ElementNode || cell.DataAtom != atom.Td && cell.DataAtom != atom.Th {
				continue
			}
			for taken[[2]int{r, c}] {
				c++
			}
			rs := min(span(cell, "rowspan"), len(rows)-r)
			if span(cell, "rowspan") == 0 {
				rs = len(rows) - r
			}
			cs := max(span(cell, "colspan"), 1)
			if (c+cs)*len(rows) > maxCells {
				break
			}
			for i := r; i < r+max(rs, 1); i++ {
				for k := c; k < c+cs; k++ {
					taken[[2]int{i, k}] = true
				}
			}
			text, nested := x.cell(cell, depth)
			t.Cells = append(t.Cells, intake.Cell{Row: r, Col: c, RowSpan: max(rs, 1), ColSpan: cs, Text: text,
				Where: intake.Place{Line: x.line + r}})
			t.Nested = append(t.Nested, nested...)
			c += cs
			t.Cols = max(t.Cols, c)
		}
	}
	t.Rows = len(rows)
	x.line += len(rows)
	return t
}

// layoutTable tells a table that lays out the page rather than holding
// figures, as older sites do: one with a part's heading inside (a table
// that merely holds another table is still a table).
// Its cells are read as the page's flow.
func layoutTable(n *html.Node) bool {
	seen := 0
	var f func(*html.Node, int) bool
	f = func(n *html.Node, depth int) bool {
		for c := n.FirstChild; c != nil && seen < 5000 && depth < maxDepth; c = c.NextSibling {
			seen++
			switch {
			case c.Type != html.ElementNode || skipped[c.DataAtom]:
			case c.DataAtom != atom.Td && c.DataAtom != atom.Th && c.DataAtom != atom.Tr && blockTags[c.DataAtom]:
				if _, ok := intake.PartHeading(textOf(c, depth)); ok {
					return true
				}
				if f(c, depth+1) {
					return true
				}
			default:
				if f(c, depth+1) {
					return true
				}
			}
		}
		return false
	}
	return f(n, 0)
}

// span reads a rowspan or colspan: 1 when missing or wrong, cut to maxSpan.
func span(n *html.Node, name string) int {
	for _, a := range n.Attr {
		if a.Key == name {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 0 {
				return 1
			}
			return min(v, maxSpan)
		}
	}
	return 1
}

// rowsOf lists a table's rows, in its sections, not those of tables nested in it.
func rowsOf(n *html.Node, depth int) []*html.Node {
	var rows []*html.Node
	for c := n.FirstChild; c != nil && depth < 4; c = c.NextSibling {
		switch {
		case c.Type != html.ElementNode:
		case c.DataAtom == atom.Tr:
			rows = append(rows, c)
		case c.DataAtom == atom.Thead || c.DataAtom == atom.Tbody || c.DataAtom == atom.Tfoot:
			rows = append(rows, rowsOf(c, depth+1)...)
		}
	}
	return rows
}

// cell reads a cell's text, its paragraphs joined by "\n", and the tables nested in it.
func (x *extractor) cell(n *html.Node, depth int) (string, []*intake.Table) {
	sub := &extractor{cur: x.cur, line: x.line, elems: x.elems}
	sub.children(n, depth+1)
	sub.flush()
	x.elems = sub.elems
	var lines []string
	var nested []*intake.Table
	for _, b := range sub.blocks {
		switch {
		case b.b.Para != nil:
			lines = append(lines, strings.TrimSpace(b.b.Para.Text()))
		case b.b.Table != nil:
			nested = append(nested, b.b.Table)
		}
	}
	return strings.Join(lines, "\n"), nested
}

// textOf is the text of an element, white space collapsed.
func textOf(n *html.Node, depth int) string {
	var b strings.Builder
	var f func(*html.Node, int)
	f = func(n *html.Node, depth int) {
		if depth > maxDepth || b.Len() > 1000 {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c, depth+1)
		}
	}
	f(n, depth)
	return strings.TrimSpace(collapse(b.String()))
}

// content finds the report among the page's blocks: the innermost element
// that holds the most part headings and tables of the report; its blocks are
// the report. When its first lines have no title, the page's own title (h1,
// <title>) is put before them.
func (x *extractor) content() []intake.Block {
	count := map[*elem]int{}
	for _, b := range x.blocks {
		if !anchor(b.b) {
			continue
		}
		for e := b.in; e != nil; e = e.parent {
			count[e]++
		}
	}
	var root *elem
	best := 0
	for e, n := range count {
		if n > best || n == best && (e.depth > root.depth || e.depth == root.depth && e.id < root.id) {
			root, best = e, n
		}
	}
	var out []intake.Block
	first := -1
	for i, b := range x.blocks {
		if root == nil || b.in.within(root) {
			out = append(out, b.b)
			if first < 0 {
				first = i
			}
		}
	}
	if root == nil || first < 0 || hasTitle(out) {
		return out
	}
	// The title before the article (a heading of the page), else the page's <title>.
	var titles []string
	for _, b := range x.blocks[:first] {
		if b.b.Para != nil {
			titles = append(titles, b.b.Para.Text())
		}
	}
	titles = append(titles, x.outside...)
	for i := len(titles) - 1; i >= 0; i-- {
		t, _, _ := strings.Cut(titles[i], "_")
		if t = strings.TrimSpace(t); strings.HasSuffix(t, "报告") && utf8.RuneCountInString(t) <= 120 {
			title := intake.Block{Para: &intake.Para{Runs: []intake.Run{{Text: t}}}}
			return append([]intake.Block{title}, out...)
		}
	}
	return out
}

// anchor tells a block that marks the report: a part heading or a table.
func anchor(b intake.Block) bool {
	if b.Table != nil {
		return true
	}
	_, ok := intake.PartHeading(b.Para.Text())
	return ok
}

// hasTitle tells whether one of the first paragraphs ends as a title does.
func hasTitle(bs []intake.Block) bool {
	for i, b := range bs {
		if i >= 5 || b.Para == nil {
			return false
		}
		t := strings.TrimSpace(strings.ReplaceAll(b.Para.Text(), "\u00a0", " "))
		if strings.HasSuffix(t, "报告") || strings.HasSuffix(t, "年报") {
			return true
		}
	}
	return false
}
