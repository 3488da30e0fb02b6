// Package intake reads a report as it arrives — a Word file, a PDF with a
// text layer, a page saved from the website — into the report model, and
// records where every figure came from so that nothing is guessed.
//
// Each source format has a package of its own below this one (docx, web,
// pdf); each turns its file into a Document: the paragraphs and tables in
// reading order, with no knowledge of the report. The one matcher in this
// package then finds the parts, sections and the three tables by the labels
// of data/printed (the model that prints the tables is the map that reads
// them back) and gives a report with its reading record.
package intake

import (
	"fmt"

	"nianbao/data/infile"
)

// Document is a file's content in reading order, as every reader gives it:
// running heads, page numbers, watermarks and website navigation already
// dropped where the reader can tell them.
type Document struct {
	Source string // the kind of file, as a message names it: "Word 文件", "PDF 文件", "网页"
	Pages  int    // pages of a PDF; 0 for a format without pages
	Blocks []Block
}

// Block is one item of the document: a paragraph or a table (exactly one is set).
type Block struct {
	Para  *Para
	Table *Table
}

// Para is one paragraph: its text in runs, bold where the file sets it bold.
type Para struct {
	Runs  []Run
	Where Place
}

// Text is the paragraph's text without marks.
func (p *Para) Text() string {
	n := 0
	for _, r := range p.Runs {
		n += len(r.Text)
	}
	b := make([]byte, 0, n)
	for _, r := range p.Runs {
		b = append(b, r.Text...)
	}
	return string(b)
}

// Run is a piece of a paragraph's text.
type Run struct {
	Text string
	Bold bool
}

// Table is a table as found, as a grid: a merged cell is one Cell with its
// spans, placed at its top-left grid position. A table nested in a cell is a
// Table of its own in Nested, in the order found; its cell keeps its text.
type Table struct {
	Rows, Cols int
	Cells      []Cell
	Nested     []*Table
	Where      Place // where the table starts
}

// Cell is one cell of a table's grid, covering rows [Row, Row+RowSpan) and
// columns [Col, Col+ColSpan). Text is as printed: paragraphs joined by "\n",
// nothing else changed (full-width digits, "1,234", "12 件", "/" stay).
type Cell struct {
	Row, Col         int
	RowSpan, ColSpan int
	Text             string
	Where            Place
}

// Place is where something is in the file, for messages and for showing the
// source beside a doubtful figure.
type Place struct {
	Page int        // 1-based page of a PDF; 0 where the format has no pages
	Box  [4]float64 // on a PDF page, in points from the top-left corner: x0, y0, x1, y1; zero elsewhere
	Line int        // for Word and web pages: the ordinal of the paragraph or table row in the file, from 1; 0 unknown
}

// ReadFile reads the file at path through the one opener (as a report as it
// arrives) and gives its bytes to read, the format's reader; a refusal names
// the file.
func ReadFile(path string, read func([]byte) (*Document, error)) (*Document, error) {
	data, err := infile.ReadFile(path, infile.Received)
	if err != nil {
		return nil, err
	}
	d, err := read(data)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", path, err)
	}
	return d, nil
}
