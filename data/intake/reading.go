package intake

import (
	"fmt"
	"strings"

	"nianbao/data/printed"
)

// Reading is the record of a Match: where every figure came from, what was
// read as 0 because nothing was printed, and what a person must look at.
type Reading struct {
	Source string // the kind of file: "Word 文件", "PDF 文件", "网页"
	// Figures are the 200 figures of the three tables in the printed
	// model's reading order, each with its source.
	Figures []Figure
	// Doubts need a person: a figure not found, found twice with different
	// values, not a number, one printed figure that stands for several; a
	// title, year or part not found. Their figures are 0 (or the first value
	// found) in the report, which must not be taken without a look.
	Doubts []Doubt
	// Zeros are figures read as 0 because the file prints none: a blank cell,
	// "/", "—", "无", a row the report leaves out (part 二 without 规章), a
	// group printed as one row of 0.
	Zeros []Doubt
	// Around is the text printed before and after the tables of parts 二, 三
	// and 四 (index 0, 1, 2), paragraphs in order, as the report keeps it in
	// its TableText (the file format nianbao/2).
	Around [3]Around
}

// Around is the text around one table.
type Around struct {
	Before, After []string
}

// Complete tells whether the file was read with nothing left for a person.
func (r *Reading) Complete() bool { return len(r.Doubts) == 0 }

// How says how a figure was read.
type How int

const (
	Printed   How = iota // a number printed in its cell
	Blank                // the cell is empty or says "none" (/, —, 无): read as 0
	Absent               // a row the report leaves out, as reports may (规章): read as 0
	Merged               // one printed cell covers this figure and others
	OneRow               // a group printed as one row (（六）其他处理)
	NotFound             // no cell found: 0, a doubt
	NotNumber            // the cell holds no number: 0, a doubt
	Twice                // found twice with different values: the first, a doubt
)

// Figure is one figure of the three tables as read.
type Figure struct {
	Field   printed.Field
	Value   string // as the report holds it: the count in digits, the fee as a decimal
	Printed string // the cell's text as printed, "" for none
	Row     string // the row's labels as printed in the file, joined by " "
	Column  string // the column's labels as printed, joined by " "
	Where   Place
	How     How
}

// Doubt is one thing the reader could not settle, said in Chinese with its
// place in the report's printed words.
type Doubt struct {
	Field *printed.Field // the figure concerned; nil for the text
	What  string
	Where Place
}

func (d Doubt) String() string {
	if w := d.Where.Describe(); w != "" {
		return d.What + "（" + w + "）"
	}
	return d.What
}

// Describe names a place in Chinese: "第3页", "文件第12段", or "".
func (p Place) Describe() string {
	switch {
	case p.Page > 0:
		return fmt.Sprintf("第%d页", p.Page)
	case p.Line > 0:
		return fmt.Sprintf("文件第%d段", p.Line)
	}
	return ""
}

// fieldName names a figure as a message does: the part's heading, the row and
// the column as the national format prints them.
func fieldName(f *printed.Field, heading string) string {
	var b strings.Builder
	b.WriteString(heading)
	b.WriteString(" ")
	b.WriteString(f.RowLabel)
	if f.Column != "" {
		b.WriteString("“" + f.Column + "”")
	}
	return b.String()
}
