package word

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"nianbao/data/printed"
)

// Table geometry, in twips.
const (
	cellPadX = 50  // 2.5 pt left and right, as in the PDF
	minRowH  = 400 // 20 pt
	border   = 4   // eighths of a point: 0.5 pt rules
)

// widths returns the table's column widths, which add up to the type area's
// width. WPS takes them from w:tblGrid only, so every column has one.
func (w *writer) widths(t *printed.Table) []int {
	frac := func(fs ...float64) []int {
		out := make([]int, len(fs))
		rest := areaW
		for i, f := range fs[:len(fs)-1] {
			out[i] = int(float64(areaW) * f)
			rest -= out[i]
		}
		out[len(fs)-1] = rest
		return out
	}
	switch {
	case t.ID == "proactive" && t.Cols == 4:
		return frac(0.31, 0.23, 0.23, 0.23)
	case t.ID == "applications" && t.Cols == 10:
		// as the PDF: two narrow label columns, the long labels in the third,
		// seven figure columns wide enough for two characters of a head or
		// the widest figure (at most 36 pt)
		fw := 540
		for _, c := range t.Figures() {
			fw = max(fw, figureWidth(c.Field.Text(w.r)))
		}
		fw = min(fw, 720)
		const colA, colB = 560, 1680
		out := []int{colA, colB, areaW - colA - colB - 7*fw}
		for range 7 {
			out = append(out, fw)
		}
		return out
	}
	out := make([]int, t.Cols)
	for i := range out {
		out[i] = areaW / t.Cols
	}
	out[len(out)-1] += areaW - areaW/t.Cols*t.Cols
	return out
}

// digitEm is the width of a digit in the em of the faces a reader may have
// (仿宋's digits are half an em, DejaVu's and Noto's wider).
const digitEm = 0.62

// figureWidth estimates the width a figure needs at 五号, with the cell's
// padding and a point to spare.
func figureWidth(s string) int {
	return int(float64(utf8.RuneCountInString(s))*tableSize*10*digitEm) + 2*cellPadX + 20
}

// figureSize is the size (half-points) at which the widest figure fits a
// column: 五号 when it can, smaller for very large figures, like the PDF.
func figureSize(t *printed.Table, w *writer, widths []int) int {
	size := tableSize
	for _, c := range t.Figures() {
		width := 0
		for _, x := range widths[c.Col : c.Col+c.ColSpan] {
			width += x
		}
		n := float64(utf8.RuneCountInString(c.Field.Text(w.r)))
		// n digits of digitEm: n * size half-points * 10 twips * digitEm
		if avail := float64(width - 2*cellPadX - 20); n > 0 && n*float64(size)*10*digitEm > avail {
			size = max(8, int(avail/(n*10*digitEm)))
		}
	}
	return size
}

// table writes one of the three tables: a full grid, every row covering
// every grid column (a merged cell continued by w:vMerge in the rows under
// it, spread over columns by w:gridSpan), fixed layout, head rows repeated on
// every page, no row split across pages, and the rows of one block of part 二
// kept on one page.
func (w *writer) table(b *strings.Builder, t *printed.Table) {
	widths := w.widths(t)
	figSize := figureSize(t, w, widths)
	b.WriteString(`<w:tbl><w:tblPr>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/><w:tblInd w:w="0" w:type="dxa"/>`, areaW)
	b.WriteString(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="%d" w:space="0" w:color="000000"/>`, side, border)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/>`)
	fmt.Fprintf(b, `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar>`, cellPadX, cellPadX)
	b.WriteString(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, x := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, x)
	}
	b.WriteString(`</w:tblGrid>`)

	blockEnd := map[int]bool{} // the last row of each block of part 二
	for i, start := range t.Blocks {
		if i > 0 {
			blockEnd[start-1] = true
		}
	}
	for r := 0; r < t.Rows; r++ {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		fmt.Fprintf(b, `<w:trHeight w:val="%d" w:hRule="atLeast"/>`, minRowH)
		if r < t.Header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		// a head row keeps with the row under it; so does every row of a
		// block but its last
		keep := r < t.Header || (len(t.Blocks) > 0 && r < t.Rows-1 && !blockEnd[r])
		for c := 0; c < t.Cols; {
			cell := t.At(r, c)
			if cell == nil { // a hole in the model: fill it so the grid stays whole
				w.cell(b, widths[c], 1, "", false, nil, figSize, false)
				c++
				continue
			}
			width := 0
			for _, x := range widths[cell.Col : cell.Col+cell.ColSpan] {
				width += x
			}
			merge := ""
			switch {
			case cell.RowSpan > 1 && cell.Row == r:
				merge = "restart"
			case cell.Row < r:
				merge = "continue"
			}
			w.cell(b, width, cell.ColSpan, merge, keep, cell, figSize, cell.Row == r)
			c = cell.Col + cell.ColSpan
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// cell writes one w:tc; a continued merge holds an empty paragraph.
func (w *writer) cell(b *strings.Builder, width, span int, merge string, keep bool, c *printed.Cell, figSize int, first bool) {
	b.WriteString(`<w:tc><w:tcPr>`)
	fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, width)
	if span > 1 {
		fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
	}
	switch merge {
	case "restart":
		b.WriteString(`<w:vMerge w:val="restart"/>`)
	case "continue":
		b.WriteString(`<w:vMerge/>`)
	}
	if c != nil && c.Kind == printed.KindFigure {
		b.WriteString(`<w:noWrap/>`)
	}
	b.WriteString(`<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr>`)
	style := "TableText"
	if c != nil && c.Kind == printed.KindCaption {
		style = "TableCaption"
	}
	b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
	if keep {
		b.WriteString(`<w:keepNext/>`)
	}
	if c != nil && c.Align == printed.AlignStart {
		b.WriteString(`<w:jc w:val="left"/>`)
	}
	b.WriteString(`</w:pPr>`)
	if c != nil && first {
		text := c.Text
		if c.Kind == printed.KindFigure && c.Field != nil {
			text = c.Field.Text(w.r)
		}
		b.WriteString(`<w:r>`)
		if c.Kind == printed.KindFigure && figSize != tableSize {
			fmt.Fprintf(b, `<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, figSize, figSize)
		}
		b.WriteString(`<w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`)
	}
	b.WriteString(`</w:p></w:tc>`)
}
