package layout

import (
	"nianbao/app/paper/fonts"
	"nianbao/data/printed"
	"nianbao/data/report"
)

// Layout lays the report out in print order, as the printed model gives it:
// title, preamble, the six parts (parts 二 to 四 with their tables), closing;
// then the page numbers.
func Layout(r *report.Report, set *fonts.Set) *Doc { return LayoutPrinted(printed.Build(r), set) }

// LayoutPrinted is Layout of a report whose printed model d is built already.
func LayoutPrinted(d *printed.Document, set *fonts.Set) *Doc {
	r := d.Report
	f := newFlow(set)
	for i := 0; i < len(d.Blocks); i++ {
		p := d.Blocks[i].Paragraph
		var next printed.Block
		if i+1 < len(d.Blocks) {
			next = d.Blocks[i+1]
		}
		f.ref = refOf(d.Blocks[i])
		switch {
		case p == nil: // a table under the text before it (format nianbao/2)
			f.tablePart(tableOf(d.Blocks[i].Table, r), "", report.PartHeadings[d.Blocks[i].Table.Part])
		case p.Role == printed.RoleTitle:
			f.title(p.Text, d.Agency)
		case p.Role == printed.RolePartHeading && next.Table != nil:
			f.tablePart(tableOf(next.Table, r), p.Text, p.Where)
			i++
		case p.Role == printed.RolePartHeading:
			keep := Pitch // the heading keeps with the first line under it…
			if next.Paragraph != nil && next.Paragraph.Role == printed.RoleSectionHeading {
				keep = 2 * Pitch // …and with the first line under a section heading
			}
			f.heading(p.Text, fonts.RoleHeading, p.Where, keep)
		case p.Role == printed.RoleSectionHeading:
			f.heading(p.Text, fonts.RoleSection, p.Where, Pitch)
		case p.Role == printed.RoleSignature || p.Role == printed.RoleDate:
			var sig, date *printed.Paragraph
			if p.Role == printed.RoleSignature {
				sig = p
				if next.Paragraph != nil && next.Paragraph.Role == printed.RoleDate {
					date = next.Paragraph
					i++
				}
			} else {
				date = p
			}
			f.signOff(sig, date)
		default:
			f.paragraph(f.shapeRuns(p.Runs, BodySize, p.Where), 0)
		}
	}
	f.pageNumbers()
	return f.doc
}

// tablePart sets a part's heading (when the table follows it directly) and
// its table, the heading kept with the table's head and first rows; where
// names the part in messages.
func (f *flow) tablePart(t *table, heading, where string) {
	t.where = where + "表格"
	t.measure(f)
	keep := t.span(0, t.header)
	// the first rows up to the first place the table may break
	for e := t.header + 1; e <= t.rows; e++ {
		if t.breakOK(t.header, e) {
			keep += t.span(t.header, e)
			break
		}
	}
	if heading != "" {
		f.heading(heading, fonts.RoleHeading, where, keep)
	}
	f.table(t)
	f.y += Pitch / 4 // air under the table before the next heading
	f.snap()
}

// shapeRuns shapes a paragraph's runs, bold ones in the bold face.
func (f *flow) shapeRuns(runs []printed.Run, size float64, where string) []Glyph {
	var gs []Glyph
	for _, r := range runs {
		role := fonts.RoleBody
		if r.Bold {
			role = fonts.RoleBold
		}
		gs = append(gs, f.shape(r.Text, role, size, where)...)
	}
	return gs
}

// tableOf is the printed table m with r's figures, its column widths and type
// sizes chosen for the page.
func tableOf(m *printed.Table, r *report.Report) *table {
	switch m.ID {
	case "proactive":
		t := fill(m, r, TableSize)
		t.widths = fractions(0.31, 0.23, 0.23, 0.23)
		return t
	case "applications":
		return applicationsTable(m, r)
	}
	return casesTable(m, r)
}

// fill makes a table of the model's cells: captions in 黑体, labels and
// figures in the body face, figures at figSize.
func fill(m *printed.Table, r *report.Report, figSize float64) *table {
	t := &table{rows: m.Rows, header: m.Header, noBreakBefore: map[int]bool{}}
	for _, c := range m.Cells {
		role, size, al := fonts.RoleBody, TableSize, alignCenter
		text := c.Text
		switch {
		case c.Kind == printed.KindCaption:
			role = fonts.RoleHeading
		case c.Kind == printed.KindFigure:
			text, size = c.Field.Text(r), figSize
		case c.Align == printed.AlignStart:
			al = alignLeft
		}
		t.add(c.Row, c.Col, c.RowSpan, c.ColSpan, text, role, size, al)
	}
	if m.Blocks != nil { // a page may break only between blocks
		start := map[int]bool{}
		for _, b := range m.Blocks {
			start[b] = true
		}
		for row := 1; row < t.rows; row++ {
			if !start[row] {
				t.noBreakBefore[row] = true
			}
		}
	}
	return t
}

// figureTexts are the figures of the table as printed.
func figureTexts(m *printed.Table, r *report.Report) []string {
	var figs []string
	for _, c := range m.Figures() {
		figs = append(figs, c.Field.Text(r))
	}
	return figs
}

// fractions splits the width of the type area.
func fractions(fs ...float64) []float64 {
	w := make([]float64, len(fs))
	rest := AreaW
	for i, f := range fs[:len(fs)-1] {
		w[i] = AreaW * f
		rest -= w[i]
	}
	w[len(fs)-1] = rest
	return w
}

// figureSize returns the size at which the widest of the figures fits a
// column of the given width: 五号 when it can, smaller for very large figures.
func figureSize(f *flow, figures []string, width float64) float64 {
	size := TableSize
	for _, s := range figures {
		gs := f.shape(s, fonts.RoleBody, 1, "")
		if w := natural(gs, 0); w > 0 && w*size > width-2*padX {
			size = (width - 2*padX) / w
		}
	}
	return float64(int(size*10)) / 10
}

// applicationsTable is the table of part 三: three label columns of fixed
// width, seven figure columns as wide as two characters of a head or the
// widest figure.
func applicationsTable(m *printed.Table, r *report.Report) *table {
	figs := figureTexts(m, r)
	t := &table{header: m.Header, rows: m.Rows}
	t.build = func(f *flow) {
		fw := 2*TableSize + 2*padX + 1
		for _, s := range figs {
			if w := natural(f.shape(s, fonts.RoleBody, TableSize, ""), 0) + 2*padX; w > fw {
				fw = w
			}
		}
		if fw > 36 {
			fw = 36
		}
		const colA, colB = 28, 84
		t.widths = []float64{colA, colB, AreaW - colA - colB - report.AppCols*fw}
		for i := 0; i < report.AppCols; i++ {
			t.widths = append(t.widths, fw)
		}
		t.cells = fill(m, r, figureSize(f, figs, fw)).cells
	}
	return t
}

// casesTable is the table of part 四: fifteen columns of equal width.
func casesTable(m *printed.Table, r *report.Report) *table {
	figs := figureTexts(m, r)
	t := &table{header: m.Header, rows: m.Rows}
	t.build = func(f *flow) {
		w := make([]float64, m.Cols)
		for i := range w {
			w[i] = AreaW / float64(m.Cols)
		}
		t.widths = w
		t.cells = fill(m, r, figureSize(f, figs, w[0])).cells
	}
	return t
}

// signOff sets the closing's sign-off as GB/T 9704-2012 §7.3.5.1 does: a
// line of air under the text, the date (成文日期) four characters in from
// the right edge of the type area, the agency's name (署名) on the line
// above it centred over the date (moved left only as far as the type area
// needs). Both stay on one page. Either may be missing (sig or date nil).
func (f *flow) signOff(sig, date *printed.Paragraph) {
	const char = AreaW / CharsPerLine
	right := Left + AreaW - 4*char
	var dateGs, sigGs []Glyph
	var dateW float64
	lines := 0
	if date != nil {
		dateGs = f.shapeRuns(date.Runs, BodySize, date.Where)
		dateW = natural(dateGs, Track)
		lines++
	}
	if sig != nil {
		sigGs = f.shapeRuns(sig.Runs, BodySize, sig.Where)
		lines++
	}
	if !f.fresh {
		f.y += Pitch // 空一行 under the text
	}
	f.ensure(float64(lines) * Pitch)
	center := right - dateW/2
	if sig != nil {
		w := natural(sigGs, Track)
		if date == nil {
			center = right - w/2
		}
		x := min(center-w/2, Left+AreaW-w)
		x = max(x, Left)
		f.ref = field("closing")
		f.emit(sigGs, x, baseline(f.y, Pitch, BodySize), Track)
		f.y += Pitch
		f.fresh = false
	}
	if date != nil {
		f.emit(dateGs, max(right-dateW, Left), baseline(f.y, Pitch, BodySize), Track)
		f.y += Pitch
		f.fresh = false
	}
}
