package printed

import "nianbao/data/report"

// Test helpers: where a finding lands in the printed model, with which the
// tests check that every finding of data/check names a cell or a heading.

// Spot is where a finding lands: figure cells of a table, or a paragraph.
type Spot struct {
	Table     *Table     // the table named, or nil
	Cells     []*Cell    // the figure cells named: one, a row, or the whole table
	Paragraph *Paragraph // the title or the part's heading when the finding names no cell
}

// Found tells whether the spot names anything.
func (s Spot) Found() bool { return len(s.Cells) > 0 || s.Paragraph != nil }

// Locate finds where a finding (check.Finding's Part, Row and Column) lands:
// the cells it names in a table; for part "" the title (row "title") ; for a
// prose part or a whole table part (row "") the part's heading, and for a
// table part all of its figure cells.
func (d *Document) Locate(part, row, column string) Spot {
	var s Spot
	for _, t := range d.Tables() {
		if t.PartName() == part {
			s.Table = t
			s.Cells = Locate([]*Table{t}, part, row, column)
		}
	}
	if len(s.Cells) > 0 {
		return s
	}
	for _, b := range d.Blocks {
		p := b.Paragraph
		switch {
		case p == nil:
		case part == "" && p.Role == RoleTitle && (row == "title" || row == ""):
			s.Paragraph = p
		case row == "" && p.Role == RolePartHeading && p.Part >= 0 && report.PartNames[p.Part] == part:
			s.Paragraph = p
		}
		if s.Paragraph != nil {
			break
		}
	}
	return s
}

// Locate returns the figure cells of the tables that a finding names: the
// cell of row and column, every cell of the row when column is "" (or names
// no cell of the row), every cell of the part's table when row is "".
// It returns nil when part and row name no figure of the tables.
func Locate(tables []*Table, part, row, column string) []*Cell {
	var exact, inRow []*Cell
	for _, t := range tables {
		if t.PartName() != part {
			continue
		}
		for _, c := range t.Figures() {
			f := c.Field
			if row != "" && f.Row != row {
				continue
			}
			inRow = append(inRow, c)
			if column != "" && f.Column == column {
				exact = append(exact, c)
			}
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return inRow
}
