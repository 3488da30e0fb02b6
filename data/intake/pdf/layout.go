package pdf

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

	"nianbao/data/intake"
)

// pageLayout is one page split into its tables and the lines around them.
type pageLayout struct {
	raw    *rawPage
	grids  []*grid
	lines  []*line
	margin float64 // the height of the top and bottom bands where running heads and page numbers stand
}

// layout turns the pages PDFium gave into the Document: tables, lines,
// page furniture dropped, paragraphs in reading order.
func layout(name string, raw []*rawPage) (*intake.Document, error) {
	glyphs, images := 0, 0
	for _, p := range raw {
		glyphs += len(p.glyphs)
		images += p.images
	}
	if glyphs < 10*len(raw) && glyphs < 200 {
		if images > 0 {
			return nil, &refusal{name, fmt.Sprintf("是扫描件或图片（共 %d 页，页面上是图片，没有可读取的文字层），无法读取其中的文字和数字；本程序不识别图片中的文字，请向报送单位索取 Word 文件或由 Word/WPS 直接“另存为 PDF”的文件，或者手工录入", len(raw)), ErrScanned}
		}
		return nil, &refusal{name, fmt.Sprintf("共 %d 页，页面上没有可读取的文字", len(raw)), ErrScanned}
	}
	pages := make([]*pageLayout, len(raw))
	for i, p := range raw {
		pl := &pageLayout{raw: p, grids: findGrids(p.rules), margin: 0.1 * p.h}
		var flow []glyph
		for _, g := range p.glyphs {
			if !pl.intoTable(g) {
				flow = append(flow, g)
			}
		}
		pl.lines = buildLines(p.num, flow)
		pages[i] = pl
	}
	dropFurniture(pages)
	doc := &intake.Document{Source: "PDF 文件", Pages: len(raw)}
	doc.Blocks = paragraphs(pages)
	return doc, nil
}

func (pl *pageLayout) intoTable(g glyph) bool {
	for _, t := range pl.grids {
		if t.take(g) {
			return true
		}
	}
	return false
}

var digits = regexp.MustCompile(`[0-9０-９]+`)

// dropFurniture removes the page numbers, and the running heads and feet: a
// line in the top or bottom band of a page whose text (its numbers aside)
// stands there on at least half the pages, two at least.
func dropFurniture(pages []*pageLayout) {
	seen := map[string]int{}
	for _, pl := range pages {
		here := map[string]bool{}
		for _, l := range pl.lines {
			if pl.inBand(l) {
				here[furnitureKey(l)] = true
			}
		}
		for k := range here {
			seen[k]++
		}
	}
	for _, pl := range pages {
		kept := pl.lines[:0]
		last := len(pl.lines) - 1
		for i, l := range pl.lines {
			if pl.outermost(l, i == 0, i == last) && intake.PageNumber(strings.ReplaceAll(l.text(), " ", "")) {
				continue
			}
			if pl.inBand(l) {
				if n := seen[furnitureKey(l)]; len(pages) >= 2 && n >= 2 && 2*n >= len(pages) {
					continue
				}
			}
			kept = append(kept, l)
		}
		pl.lines = kept
	}
}

func (pl *pageLayout) inBand(l *line) bool {
	return l.y1 <= pl.margin || l.y0 >= pl.raw.h-pl.margin
}

// outermost says whether l may be the page's number: in the top or bottom
// band, or the first or last line of the page in its outer fifth (GB/T 9704
// sets the number 7 mm below the text, and the program's own PDF puts it
// just above a tenth of the page).
func (pl *pageLayout) outermost(l *line, first, last bool) bool {
	h := pl.raw.h
	return pl.inBand(l) || (first && l.y1 <= 0.2*h) || (last && l.y0 >= 0.8*h)
}

func furnitureKey(l *line) string {
	return digits.ReplaceAllString(strings.ReplaceAll(l.text(), " ", ""), "#")
}

// metrics are the body text's measures over the document.
type metrics struct {
	left, right float64 // where body lines start and end
	size        float64 // body characters' height
	gap         float64 // the usual space between two lines of a paragraph
}

// bodyMetrics takes the most frequent line start, a high line end, the
// middle character height and the middle gap between lines.
func bodyMetrics(pages []*pageLayout) metrics {
	starts := map[int]int{}
	var ends, sizes, gaps []float64
	for _, pl := range pages {
		for i, l := range pl.lines {
			starts[int(math.Round(l.x0))]++
			ends = append(ends, l.x1)
			sizes = append(sizes, l.size)
			if i > 0 {
				if g := l.y0 - pl.lines[i-1].y1; g > 0 {
					gaps = append(gaps, g)
				}
			}
		}
	}
	m := metrics{size: median(sizes), gap: median(gaps)}
	best := 0
	for x, n := range starts {
		if n > best || (n == best && float64(x) < m.left) {
			best, m.left = n, float64(x)
		}
	}
	sort.Float64s(ends)
	if len(ends) > 0 {
		m.right = ends[len(ends)*9/10]
	}
	return m
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// para is a paragraph being built.
type para struct {
	runs  []intake.Run
	page  int
	box   [4]float64
	last  *line
	first *line
}

// paragraphs builds the blocks in reading order: on each page, tables and
// lines top to bottom. A line starts a new paragraph when it is indented,
// when the line before ended short of the right margin, after a larger gap,
// at a change of type size, or after a table; a paragraph runs on over a page
// break when its last line was full and the next page's first is not indented.
func paragraphs(pages []*pageLayout) []intake.Block {
	m := bodyMetrics(pages)
	var blocks []intake.Block
	var cur *para
	flush := func() {
		if cur != nil && len(cur.runs) > 0 {
			blocks = append(blocks, intake.Block{Para: &intake.Para{Runs: cur.runs, Where: intake.Place{Page: cur.page, Box: cur.box}}})
		}
		cur = nil
	}
	for _, pl := range pages {
		grids := pl.grids
		for _, l := range pl.lines {
			for len(grids) > 0 && grids[0].ys[0] < l.y0 {
				flush()
				blocks = append(blocks, intake.Block{Table: grids[0].table(pl.raw.num)})
				grids = grids[1:]
			}
			if cur != nil && m.breaksBefore(cur.last, l) {
				flush()
			}
			if cur == nil {
				cur = &para{page: l.page, box: [4]float64{l.x0, l.y0, l.x1, l.y1}, first: l}
			} else if l.page == cur.page {
				cur.box = [4]float64{min(cur.box[0], l.x0), min(cur.box[1], l.y0), max(cur.box[2], l.x1), max(cur.box[3], l.y1)}
			}
			cur.runs = joinRuns(cur.runs, l.runs())
			cur.last = l
		}
		for _, g := range grids {
			flush()
			blocks = append(blocks, intake.Block{Table: g.table(pl.raw.num)})
		}
	}
	flush()
	return blocks
}

// breaksBefore says whether l starts a new paragraph after prev.
func (m metrics) breaksBefore(prev, l *line) bool {
	s := max(m.size, 1)
	switch {
	case l.x0 > m.left+0.8*s: // indented (or centred)
		return true
	case prev.x1 < m.right-1.5*s: // the line before ended short
		return true
	case math.Abs(l.size-prev.size) > 0.2*max(l.size, prev.size): // another type size
		return true
	case l.page != prev.page:
		return false // a full last line and an unindented first: one paragraph over the page break
	case l.y0-prev.y1 > m.gap+0.6*s: // a wider gap
		return true
	}
	return false
}
