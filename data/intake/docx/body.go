package docx

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"nianbao/data/intake"
)

// skippedElements hold nothing shown as the report's text: deleted and
// moved-away text of tracked changes, field codes, the fallback copy of a
// text box (its primary copy is read), notes' reference marks, section setup.
var skippedElements = map[string]bool{
	"del": true, "moveFrom": true, "Fallback": true, "instrText": true, "delText": true, "delInstrText": true,
	"footnoteReference": true, "endnoteReference": true, "commentReference": true, "sectPr": true,
	"tblPr": true, "tblPrEx": true, "rPrChange": true, "pPrChange": true, "tcPrChange": true, "trPrChange": true,
	"tblGridChange": true, "numPr": true, "tabs": true,
}

type paraB struct {
	runs  []intake.Run
	style string
}

type runB struct {
	bold   *bool
	style  string
	hidden bool
	text   strings.Builder
}

type cellB struct {
	span   int
	vmerge int // 0 none, 1 restart, 2 continue
	lines  []string
	nested []*intake.Table
	line   int
}

type rowB struct {
	before int
	cells  []*cellB
}

type tableB struct {
	rows     []*rowB
	gridCols int
	line     int
	cell     *cellB // the open cell
}

// body walks word/document.xml.
type body struct {
	styles styles
	blocks []intake.Block
	stack  []string // local names of the open elements
	skip   int
	paras  []*paraB
	run    *runB
	tables []*tableB
	line   int
}

// readBody reads the paragraphs and tables of word/document.xml in order.
func readBody(data []byte, st styles) ([]intake.Block, error) {
	d, check := decoder(data, "word/document.xml")
	b := &body{styles: st}
	for {
		t, err := d.Token()
		if err == io.EOF {
			return b.blocks, nil
		}
		if err != nil {
			return nil, xmlError("word/document.xml", err)
		}
		if err := check(t, len(b.stack)); err != nil {
			return nil, err
		}
		if err := b.token(t); err != nil {
			return nil, err
		}
	}
}

func (b *body) parent() string {
	if len(b.stack) < 2 {
		return ""
	}
	return b.stack[len(b.stack)-2]
}

func (b *body) token(t xml.Token) error {
	switch t := t.(type) {
	case xml.StartElement:
		b.stack = append(b.stack, t.Name.Local)
		if b.skip > 0 || skippedElements[t.Name.Local] {
			b.skip++
			return nil
		}
		return b.start(t)
	case xml.EndElement:
		name := t.Name.Local
		b.stack = b.stack[:len(b.stack)-1]
		if b.skip > 0 {
			b.skip--
			return nil
		}
		b.end(name)
	case xml.CharData:
		if b.skip == 0 && b.run != nil && len(b.stack) > 0 && b.stack[len(b.stack)-1] == "t" {
			b.run.text.Write(t)
		}
	}
	return nil
}

func (b *body) start(t xml.StartElement) error {
	switch t.Name.Local {
	case "p":
		b.paras = append(b.paras, &paraB{})
	case "r":
		b.run = &runB{}
	case "pStyle":
		if p := b.para(); p != nil {
			p.style = attr(t, "val")
		}
	case "b", "rStyle", "vanish":
		b.runProperty(t)
	case "tab", "br", "cr", "noBreakHyphen":
		b.special(t)
	case "tbl":
		if len(b.tables) >= maxDepth/4 {
			return fmt.Errorf("%w：表格嵌套过深，已拒绝读取", ErrBomb)
		}
		b.line++
		b.tables = append(b.tables, &tableB{line: b.line})
	case "gridCol":
		if tb := b.table(); tb != nil && b.parent() == "tblGrid" {
			tb.gridCols++
		}
	case "tr":
		if tb := b.table(); tb != nil {
			if len(tb.rows) >= maxTableRows {
				return fmt.Errorf("%w：一个表格超过 %d 行，已拒绝读取", ErrBomb, maxTableRows)
			}
			b.line++
			tb.rows = append(tb.rows, &rowB{})
		}
	case "gridBefore":
		if tb := b.table(); tb != nil && len(tb.rows) > 0 {
			tb.rows[len(tb.rows)-1].before = number(attr(t, "val"))
		}
	case "tc":
		if tb := b.table(); tb != nil && len(tb.rows) > 0 {
			tb.cell = &cellB{span: 1, line: b.line}
			row := tb.rows[len(tb.rows)-1]
			row.cells = append(row.cells, tb.cell)
		}
	case "gridSpan":
		if c := b.cell(); c != nil {
			c.span = max(number(attr(t, "val")), 1)
		}
	case "vMerge":
		if c := b.cell(); c != nil {
			c.vmerge = 2
			if attr(t, "val") == "restart" {
				c.vmerge = 1
			}
		}
	}
	return nil
}

// runProperty reads bold, a character style and hidden text from a run's properties.
func (b *body) runProperty(t xml.StartElement) {
	if b.run == nil || b.parent() != "rPr" {
		return
	}
	switch t.Name.Local {
	case "b":
		v := on(t)
		b.run.bold = &v
	case "rStyle":
		b.run.style = attr(t, "val")
	case "vanish":
		b.run.hidden = on(t)
	}
}

// special reads the characters a run writes as elements: tab, line break.
func (b *body) special(t xml.StartElement) {
	if b.run == nil || b.parent() != "r" {
		return
	}
	switch t.Name.Local {
	case "tab":
		b.run.text.WriteString(" ")
	case "br":
		if ty := attr(t, "type"); ty == "" || ty == "textWrapping" {
			b.run.text.WriteString("\n")
		}
	case "cr":
		b.run.text.WriteString("\n")
	case "noBreakHyphen":
		b.run.text.WriteString("-")
	}
}

func (b *body) para() *paraB {
	if len(b.paras) == 0 {
		return nil
	}
	return b.paras[len(b.paras)-1]
}

func (b *body) table() *tableB {
	if len(b.tables) == 0 {
		return nil
	}
	return b.tables[len(b.tables)-1]
}

func (b *body) cell() *cellB {
	if tb := b.table(); tb != nil {
		return tb.cell
	}
	return nil
}

func (b *body) end(name string) {
	switch name {
	case "r":
		b.endRun()
	case "p":
		b.endPara()
	case "tc":
		if tb := b.table(); tb != nil {
			tb.cell = nil
		}
	case "tbl":
		tb := b.tables[len(b.tables)-1]
		b.tables = b.tables[:len(b.tables)-1]
		t := tb.grid()
		if c := b.cell(); c != nil {
			c.nested = append(c.nested, t)
		} else {
			b.blocks = append(b.blocks, intake.Block{Table: t})
		}
	}
}

func (b *body) endRun() {
	r := b.run
	b.run = nil
	p := b.para()
	if r == nil || p == nil || r.hidden || r.text.Len() == 0 {
		return
	}
	bold := r.bold
	if bold == nil {
		bold = b.styles.bold(r.style)
	}
	if bold == nil {
		bold = b.styles.bold(p.style)
	}
	p.runs = append(p.runs, intake.Run{Text: r.text.String(), Bold: bold != nil && *bold})
}

// endPara puts a finished paragraph into the open cell, or the body.
func (b *body) endPara() {
	if len(b.paras) == 0 {
		return
	}
	p := b.paras[len(b.paras)-1]
	b.paras = b.paras[:len(b.paras)-1]
	ip := &intake.Para{Runs: p.runs}
	if c := b.cell(); c != nil {
		c.lines = append(c.lines, ip.Text())
		return
	}
	b.line++
	ip.Where = intake.Place{Line: b.line}
	b.blocks = append(b.blocks, intake.Block{Para: ip})
}

// grid lays the rows out on the table's grid: a cell spans its gridSpan
// columns, and a cell that continues a vertical merge adds a row to the
// cell that started it.
func (tb *tableB) grid() *intake.Table {
	t := &intake.Table{Rows: len(tb.rows), Cols: min(tb.gridCols, maxGridCols), Where: intake.Place{Line: tb.line}}
	open := map[int]int{} // column → index in t.Cells of a merge that may continue
	for r, row := range tb.rows {
		col := min(max(row.before, 0), maxGridCols)
		for _, c := range row.cells {
			span := min(c.span, maxGridCols-col)
			if span <= 0 {
				break
			}
			if i, ok := open[col]; ok && c.vmerge == 2 && t.Cells[i].ColSpan == span {
				t.Cells[i].RowSpan = r - t.Cells[i].Row + 1
				t.Nested = append(t.Nested, c.nested...)
				col += span
				continue
			}
			delete(open, col)
			if c.vmerge == 1 {
				open[col] = len(t.Cells)
			}
			t.Cells = append(t.Cells, intake.Cell{Row: r, Col: col, RowSpan: 1, ColSpan: span,
				Text: strings.Join(c.lines, "\n"), Where: intake.Place{Line: c.line}})
			t.Nested = append(t.Nested, c.nested...)
			col += span
			t.Cols = max(t.Cols, col)
		}
	}
	return t
}

// number reads a whole number attribute; 0 when it is not one.
func number(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0
	}
	return min(n, maxGridCols)
}
