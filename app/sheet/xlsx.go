package sheet

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// This file writes the workbook itself: the few parts of SpreadsheetML
// (ECMA-376) the four sheets use, and nothing else. It replaced excelize,
// whose package initialisation (about a third of `nianbao version`'s time)
// every command of the program paid, for a writer that only `combine --xlsx`
// and the 汇总 view use (issue 23.7). Tests read the workbook back with excelize.

// cellStyle is one cell format: font, alignment, thin black borders or none,
// a solid fill, and a built-in number format.
type cellStyle struct {
	font     string
	size     float64
	bold     bool
	hAlign   string // left, center
	wrap     bool
	border   bool
	fill     string // RRGGBB, or ""
	numFmtID int    // 0 General, 1 "0"
}

// cell is one value with its style; a value is a string, an int64, an int or
// a float64 ("" leaves a styled cell empty).
type cell struct {
	style int
	value any
}

// pane freezes the rows above and the columns left of topLeft.
type pane struct {
	xSplit, ySplit int
	topLeft        string
	active         string // bottomLeft, bottomRight
}

type colWidth struct {
	min, max int
	width    float64
}

// worksheet is one sheet's cells (row → column → cell), merges, sizes and
// printing.
type worksheet struct {
	name      string
	rows      map[int]map[int]cell
	heights   map[int]float64
	cols      []colWidth
	merges    []string
	pane      *pane
	landscape bool // printed landscape, fitted to one page wide
}

// workbook is the sheets in order and the styles they use (index 0 is the
// default style).
type workbook struct {
	sheets []*worksheet
	styles []cellStyle
}

func newWorkbook(names ...string) *workbook {
	b := &workbook{styles: []cellStyle{{font: bodyFont, size: 11}}}
	for _, n := range names {
		b.sheets = append(b.sheets, &worksheet{name: n, rows: map[int]map[int]cell{}, heights: map[int]float64{}})
	}
	return b
}

// addStyle adds a style and returns its index for cells.
func (b *workbook) addStyle(s cellStyle) int {
	b.styles = append(b.styles, s)
	return len(b.styles) - 1
}

func (b *workbook) sheet(name string) *worksheet {
	for _, s := range b.sheets {
		if s.name == name {
			return s
		}
	}
	panic("sheet: no sheet " + name) // the names are this package's constants
}

// set puts value with style at column col, row row (both from 1).
func (s *worksheet) set(col, row int, value any, style int) {
	r := s.rows[row]
	if r == nil {
		r = map[int]cell{}
		s.rows[row] = r
	}
	r[col] = cell{style: style, value: value}
}

// styleRange gives every cell of the rectangle the style, keeping values.
func (s *worksheet) styleRange(col1, row1, col2, row2, style int) {
	for r := row1; r <= row2; r++ {
		for c := col1; c <= col2; c++ {
			v := s.rows[r][c].value
			if v == nil {
				v = ""
			}
			s.set(c, r, v, style)
		}
	}
}

func (s *worksheet) width(min, max int, w float64) {
	s.cols = append(s.cols, colWidth{min, max, w})
}

// write writes the workbook as an .xlsx file: the same workbook, the same bytes.
func (b *workbook) write(w io.Writer) error {
	zw := zip.NewWriter(w)
	part := func(name, body string) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, xml.Header+body)
		return err
	}
	var types, sheets, rels strings.Builder
	for i, s := range b.sheets {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, esc(s.name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	n := len(b.sheets)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
			types.String() + `</Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<bookViews><workbookView activeTab="0"/></bookViews><sheets>` + sheets.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() +
			fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, n+1) +
			`</Relationships>`},
		{"xl/styles.xml", b.stylesXML()},
	}
	for i, s := range b.sheets {
		parts = append(parts, struct{ name, body string }{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), s.xml(i == 0)})
	}
	// one order: [Content_Types].xml first (as readers expect), then by name
	slices.SortFunc(parts[1:], func(a, b struct{ name, body string }) int { return strings.Compare(a.name, b.name) })
	for _, p := range parts {
		if err := part(p.name, p.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

// stylesXML is styles.xml: one font, fill and border per style (Excel and WPS
// do not mind repeats), cellXfs in the order of the styles.
func (b *workbook) stylesXML() string {
	var fonts, fills, borders, xfs strings.Builder
	// fills 0 and 1 are reserved (none, gray125)
	fills.WriteString(`<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`)
	borders.WriteString(`<border><left/><right/><top/><bottom/><diagonal/></border>`)
	for i, s := range b.styles {
		bold := ""
		if s.bold {
			bold = "<b/>"
		}
		fmt.Fprintf(&fonts, `<font>%s<sz val="%s"/><name val="%s"/></font>`, bold, num(s.size), esc(s.font))
		fill := 0
		if s.fill != "" {
			fmt.Fprintf(&fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF%s"/></patternFill></fill>`, s.fill)
			fill = strings.Count(fills.String(), "<fill>") - 1
		}
		border := 0
		if s.border {
			borders.WriteString(`<border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right>` +
				`<top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom></border>`)
			border = strings.Count(borders.String(), "<border>") - 1
		}
		align := ""
		if s.hAlign != "" || s.wrap {
			align = `<alignment vertical="center"`
			if s.hAlign != "" {
				align += ` horizontal="` + s.hAlign + `"`
			}
			if s.wrap {
				align += ` wrapText="1"`
			}
			align += `/>`
		}
		fmt.Fprintf(&xfs, `<xf numFmtId="%d" fontId="%d" fillId="%d" borderId="%d" xfId="0"`, s.numFmtID, i, fill, border)
		if i > 0 {
			xfs.WriteString(` applyFont="1" applyBorder="1" applyFill="1" applyAlignment="1"`)
			if s.numFmtID != 0 {
				xfs.WriteString(` applyNumberFormat="1"`)
			}
		}
		if align != "" {
			xfs.WriteString(">" + align + "</xf>")
		} else {
			xfs.WriteString("/>")
		}
	}
	return `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		fmt.Sprintf(`<fonts count="%d">%s</fonts>`, len(b.styles), fonts.String()) +
		fmt.Sprintf(`<fills count="%d">%s</fills>`, strings.Count(fills.String(), "<fill>"), fills.String()) +
		fmt.Sprintf(`<borders count="%d">%s</borders>`, strings.Count(borders.String(), "<border>"), borders.String()) +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		fmt.Sprintf(`<cellXfs count="%d">%s</cellXfs>`, len(b.styles), xfs.String()) +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
}

// xml is the sheet's part; the first sheet is the one selected.
func (s *worksheet) xml(selected bool) string {
	var b strings.Builder
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	if s.landscape {
		b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	}
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if selected {
		b.WriteString(` tabSelected="1"`)
	}
	if p := s.pane; p != nil {
		b.WriteString(`><pane`)
		if p.xSplit > 0 {
			fmt.Fprintf(&b, ` xSplit="%d"`, p.xSplit)
		}
		if p.ySplit > 0 {
			fmt.Fprintf(&b, ` ySplit="%d"`, p.ySplit)
		}
		fmt.Fprintf(&b, ` topLeftCell="%s" activePane="%s" state="frozen"/><selection pane="%s" activeCell="%s" sqref="%s"/></sheetView>`,
			p.topLeft, p.active, p.active, p.topLeft, p.topLeft)
	} else {
		b.WriteString(`/>`)
	}
	b.WriteString(`</sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if len(s.cols) > 0 {
		b.WriteString(`<cols>`)
		for _, c := range s.cols {
			fmt.Fprintf(&b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, c.min, c.max, num(c.width))
		}
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData>`)
	rows := make([]int, 0, len(s.rows)+len(s.heights))
	for r := range s.rows {
		rows = append(rows, r)
	}
	for r := range s.heights {
		if s.rows[r] == nil {
			rows = append(rows, r)
		}
	}
	slices.Sort(rows)
	for _, r := range rows {
		fmt.Fprintf(&b, `<row r="%d"`, r)
		if h, ok := s.heights[r]; ok {
			fmt.Fprintf(&b, ` ht="%s" customHeight="1"`, num(h))
		}
		b.WriteString(`>`)
		cols := make([]int, 0, len(s.rows[r]))
		for c := range s.rows[r] {
			cols = append(cols, c)
		}
		slices.Sort(cols)
		for _, c := range cols {
			writeCell(&b, cellName(c, r), s.rows[r][c])
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData>`)
	if len(s.merges) > 0 {
		fmt.Fprintf(&b, `<mergeCells count="%d">`, len(s.merges))
		for _, m := range s.merges {
			fmt.Fprintf(&b, `<mergeCell ref="%s"/>`, m)
		}
		b.WriteString(`</mergeCells>`)
	}
	b.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	if s.landscape {
		b.WriteString(`<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>`)
	}
	b.WriteString(`</worksheet>`)
	return b.String()
}

// writeCell writes one cell: numbers as numbers, text inline.
func writeCell(b *strings.Builder, ref string, c cell) {
	style := ""
	if c.style != 0 {
		style = fmt.Sprintf(` s="%d"`, c.style)
	}
	switch v := c.value.(type) {
	case int64:
		fmt.Fprintf(b, `<c r="%s"%s><v>%d</v></c>`, ref, style, v)
	case int:
		fmt.Fprintf(b, `<c r="%s"%s><v>%d</v></c>`, ref, style, v)
	case float64:
		fmt.Fprintf(b, `<c r="%s"%s><v>%s</v></c>`, ref, style, strconv.FormatFloat(v, 'f', -1, 64))
	case string:
		if v == "" {
			fmt.Fprintf(b, `<c r="%s"%s/>`, ref, style)
			return
		}
		fmt.Fprintf(b, `<c r="%s"%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, style, esc(v))
	default:
		fmt.Fprintf(b, `<c r="%s"%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, style, esc(fmt.Sprint(v)))
	}
}

// esc escapes text for XML, dropping the control characters XML 1.0 cannot hold.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			continue
		}
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// cellName is the A1 name of column col, row row (both from 1).
func cellName(col, row int) string { return excelCol(col) + strconv.Itoa(row) }

// excelCol is the letters of column n (from 1): A … Z, AA ….
func excelCol(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// parseRef is the column and row of an A1 name.
func parseRef(ref string) (col, row int, err error) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err = strconv.Atoi(ref[i:])
	if i == 0 || err != nil || row < 1 {
		return 0, 0, fmt.Errorf("单元格名称 %q 无效", ref)
	}
	return col, row, nil
}

// The methods below are the writing steps of the four sheets, named as they
// were when excelize wrote them.

func (b *workbook) SetCellValue(sh, ref string, v any) error {
	c, r, err := parseRef(ref)
	if err != nil {
		return err
	}
	s := b.sheet(sh)
	s.set(c, r, v, s.rows[r][c].style)
	return nil
}

func (b *workbook) SetCellStyle(sh, from, to string, style int) error {
	c1, r1, err := parseRef(from)
	if err != nil {
		return err
	}
	c2, r2, err := parseRef(to)
	if err != nil {
		return err
	}
	b.sheet(sh).styleRange(c1, r1, c2, r2, style)
	return nil
}

func (b *workbook) MergeCell(sh, from, to string) error { return b.sheet(sh).MergeCell(from, to) }

func (b *workbook) SetRowHeight(sh string, row int, h float64) error {
	b.sheet(sh).heights[row] = h
	return nil
}

func (s *worksheet) SetColWidth(min, max int, w float64) error {
	s.width(min, max, w)
	return nil
}

func (s *worksheet) SetPanes(p *pane) error {
	s.pane = p
	return nil
}

// SetRow writes vals from ref's cell on; a height given sets the row's.
func (s *worksheet) SetRow(ref string, vals []cell, height ...float64) error {
	c, r, err := parseRef(ref)
	if err != nil {
		return err
	}
	for i, v := range vals {
		s.set(c+i, r, v.value, v.style)
	}
	if len(height) > 0 {
		s.heights[r] = height[0]
	}
	return nil
}

func (s *worksheet) MergeCell(from, to string) error {
	if _, _, err := parseRef(from); err != nil {
		return err
	}
	if _, _, err := parseRef(to); err != nil {
		return err
	}
	s.merges = append(s.merges, from+":"+to)
	return nil
}
