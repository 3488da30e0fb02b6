// Package workbook writes .xlsx workbooks: the few parts of SpreadsheetML
// (ECMA-376) the program's exports use (sheets of values, styles, merged
// cells, column widths, row heights, frozen panes, landscape printing fitted
// to the width) and nothing else. It replaced excelize, whose package
// initialisation every command of the program paid (issue 23.7) for the two
// exports that write a workbook: the 汇总 workbook (app/sheet) and the
// register (app/registersheet). Their tests read what is written back with
// excelize and validate every part against ECMA-376's schemas
// (workbooktest), as Excel and WPS want them.
package workbook

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Style is one cell format: font, alignment, thin black borders or none, a
// solid fill, and a number format.
type Style struct {
	Font   string  // "" is the book's default font
	Size   float64 // 0 is 11 points
	Bold   bool
	HAlign string // left, center, or "" (as the value)
	Wrap   bool
	Border bool
	Fill   string // RRGGBB, or ""
	NumFmt int    // a built-in number format: 0 General, 1 "0", 14 a date
	// NumFmtCode, when set, is a format code of its own ("yyyy-mm-dd"),
	// written as a custom format in place of NumFmt.
	NumFmtCode string
}

// Cell is one value with its style. A value is a string, an int, an int64, a
// float64, a bool or a time.Time (written as a date serial; give it a date
// style); "" leaves a styled cell empty and nil writes nothing.
type Cell struct {
	Style int
	Value any
}

// Pane freezes the rows above and the columns left of TopLeft.
type Pane struct {
	XSplit, YSplit int
	TopLeft        string // A2
	Active         string // bottomLeft, bottomRight
}

type colWidth struct {
	min, max int
	width    float64
}

// Sheet is one sheet's cells (row → column → cell), merges, sizes and
// printing.
type Sheet struct {
	name    string
	rows    map[int]map[int]Cell
	heights map[int]float64
	cols    []colWidth
	merges  []string
	pane    *Pane
	// Landscape prints the sheet landscape, fitted to one page wide.
	Landscape bool
}

// Book is the sheets in order and the styles they use (index 0 is the
// default style).
type Book struct {
	sheets []*Sheet
	styles []Style
}

// New is a book of the named sheets, in order, whose default font is font at
// 11 points.
func New(font string, names ...string) *Book {
	b := &Book{styles: []Style{{Font: font, Size: 11}}}
	for _, n := range names {
		b.sheets = append(b.sheets, &Sheet{name: n, rows: map[int]map[int]Cell{}, heights: map[int]float64{}})
	}
	return b
}

// AddStyle adds a style and returns its index for cells.
func (b *Book) AddStyle(s Style) int {
	if s.Font == "" {
		s.Font = b.styles[0].Font
	}
	if s.Size == 0 {
		s.Size = 11
	}
	b.styles = append(b.styles, s)
	return len(b.styles) - 1
}

// Sheet is the sheet named name, which New was given.
func (b *Book) Sheet(name string) *Sheet {
	for _, s := range b.sheets {
		if s.name == name {
			return s
		}
	}
	panic("workbook: no sheet " + name) // the names are the caller's constants
}

// set puts value with style at column col, row row (both from 1).
func (s *Sheet) set(col, row int, value any, style int) {
	r := s.rows[row]
	if r == nil {
		r = map[int]Cell{}
		s.rows[row] = r
	}
	r[col] = Cell{Style: style, Value: value}
}

// SetCellValue puts v in the cell named ref (A1), keeping its style.
func (s *Sheet) SetCellValue(ref string, v any) error {
	c, r, err := ParseRef(ref)
	if err != nil {
		return err
	}
	s.set(c, r, v, s.rows[r][c].Style)
	return nil
}

// SetCellStyle gives every cell of the rectangle from…to the style, keeping
// their values.
func (s *Sheet) SetCellStyle(from, to string, style int) error {
	c1, r1, err := ParseRef(from)
	if err != nil {
		return err
	}
	c2, r2, err := ParseRef(to)
	if err != nil {
		return err
	}
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			v := s.rows[r][c].Value
			if v == nil {
				v = ""
			}
			s.set(c, r, v, style)
		}
	}
	return nil
}

// SetRow writes vals from ref's cell on; a height given sets the row's.
func (s *Sheet) SetRow(ref string, vals []Cell, height ...float64) error {
	c, r, err := ParseRef(ref)
	if err != nil {
		return err
	}
	for i, v := range vals {
		if v.Value != nil || v.Style != 0 {
			s.set(c+i, r, v.Value, v.Style)
		}
	}
	if len(height) > 0 {
		s.heights[r] = height[0]
	}
	return nil
}

// SetRowHeight sets row's height in points.
func (s *Sheet) SetRowHeight(row int, h float64) error {
	if row < 1 {
		return fmt.Errorf("行号 %d 无效", row)
	}
	s.heights[row] = h
	return nil
}

// SetColWidth sets the width of columns min…max (from 1), in characters.
func (s *Sheet) SetColWidth(min, max int, w float64) error {
	if min < 1 || max < min {
		return fmt.Errorf("列 %d 到 %d 无效", min, max)
	}
	s.cols = append(s.cols, colWidth{min, max, w})
	return nil
}

// SetPanes freezes the sheet's panes.
func (s *Sheet) SetPanes(p Pane) error {
	if _, _, err := ParseRef(p.TopLeft); err != nil {
		return err
	}
	s.pane = &p
	return nil
}

// MergeCell merges the cells from…to.
func (s *Sheet) MergeCell(from, to string) error {
	if _, _, err := ParseRef(from); err != nil {
		return err
	}
	if _, _, err := ParseRef(to); err != nil {
		return err
	}
	s.merges = append(s.merges, from+":"+to)
	return nil
}

type part struct{ name, body string }

// Write writes the book as an .xlsx file: the same book, the same bytes (the
// parts in one order, no times), as `--xlsx -` is the file.
func (b *Book) Write(w io.Writer) error {
	zw := zip.NewWriter(w)
	var types, sheets, rels strings.Builder
	for i, s := range b.sheets {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, esc(s.name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	n := len(b.sheets)
	parts := []part{
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
		parts = append(parts, part{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), s.xml(i == 0)})
	}
	// one order: [Content_Types].xml first (as readers expect), then by name
	slices.SortFunc(parts[1:], func(a, b part) int { return strings.Compare(a.name, b.name) })
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, xml.Header+p.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

// firstCustomFmt is the id of the first number format of a workbook's own;
// the ids below are the built-in ones.
const firstCustomFmt = 164

// stylesXML is styles.xml: one font, fill and border per style (Excel and WPS
// do not mind repeats), cellXfs in the order of the styles.
func (b *Book) stylesXML() string {
	var numFmts, fonts, fills, borders, xfs strings.Builder
	custom := map[string]int{}
	nFills, nBorders := 2, 1
	// fills 0 and 1 are reserved (none, gray125)
	fills.WriteString(`<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`)
	borders.WriteString(`<border><left/><right/><top/><bottom/><diagonal/></border>`)
	for i, s := range b.styles {
		bold := ""
		if s.Bold {
			bold = "<b/>"
		}
		fmt.Fprintf(&fonts, `<font>%s<sz val="%s"/><name val="%s"/></font>`, bold, num(s.Size), esc(s.Font))
		fill := 0
		if s.Fill != "" {
			fmt.Fprintf(&fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF%s"/></patternFill></fill>`, esc(s.Fill))
			fill = nFills
			nFills++
		}
		border := 0
		if s.Border {
			borders.WriteString(`<border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right>` +
				`<top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border>`)
			border = nBorders
			nBorders++
		}
		numFmt := s.NumFmt
		if s.NumFmtCode != "" {
			id, ok := custom[s.NumFmtCode]
			if !ok {
				id = firstCustomFmt + len(custom)
				custom[s.NumFmtCode] = id
				fmt.Fprintf(&numFmts, `<numFmt numFmtId="%d" formatCode="%s"/>`, id, esc(s.NumFmtCode))
			}
			numFmt = id
		}
		align := ""
		if s.HAlign != "" || s.Wrap {
			align = `<alignment vertical="center"`
			if s.HAlign != "" {
				align += ` horizontal="` + esc(s.HAlign) + `"`
			}
			if s.Wrap {
				align += ` wrapText="1"`
			}
			align += `/>`
		}
		fmt.Fprintf(&xfs, `<xf numFmtId="%d" fontId="%d" fillId="%d" borderId="%d" xfId="0"`, numFmt, i, fill, border)
		if i > 0 {
			xfs.WriteString(` applyFont="1" applyBorder="1" applyFill="1" applyAlignment="1"`)
			if numFmt != 0 {
				xfs.WriteString(` applyNumberFormat="1"`)
			}
		}
		if align != "" {
			xfs.WriteString(">" + align + "</xf>")
		} else {
			xfs.WriteString("/>")
		}
	}
	head := ""
	if len(custom) > 0 {
		head = fmt.Sprintf(`<numFmts count="%d">%s</numFmts>`, len(custom), numFmts.String())
	}
	return `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + head +
		fmt.Sprintf(`<fonts count="%d">%s</fonts>`, len(b.styles), fonts.String()) +
		fmt.Sprintf(`<fills count="%d">%s</fills>`, nFills, fills.String()) +
		fmt.Sprintf(`<borders count="%d">%s</borders>`, nBorders, borders.String()) +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		fmt.Sprintf(`<cellXfs count="%d">%s</cellXfs>`, len(b.styles), xfs.String()) +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
}

// xml is the sheet's part; the first sheet is the one selected.
func (s *Sheet) xml(selected bool) string {
	var b strings.Builder
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	if s.Landscape {
		b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	}
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if selected {
		b.WriteString(` tabSelected="1"`)
	}
	if p := s.pane; p != nil {
		b.WriteString(`><pane`)
		if p.XSplit > 0 {
			fmt.Fprintf(&b, ` xSplit="%d"`, p.XSplit)
		}
		if p.YSplit > 0 {
			fmt.Fprintf(&b, ` ySplit="%d"`, p.YSplit)
		}
		fmt.Fprintf(&b, ` topLeftCell="%s" activePane="%s" state="frozen"/><selection pane="%s" activeCell="%s" sqref="%s"/></sheetView>`,
			p.TopLeft, esc(p.Active), esc(p.Active), p.TopLeft, p.TopLeft)
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
			writeCell(&b, CellName(c, r), s.rows[r][c])
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
	if s.Landscape {
		b.WriteString(`<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>`)
	}
	b.WriteString(`</worksheet>`)
	return b.String()
}

// writeCell writes one cell: numbers as numbers, text inline (no shared
// strings part to keep in step), dates as serials.
func writeCell(b *strings.Builder, ref string, c Cell) {
	style := ""
	if c.Style != 0 {
		style = fmt.Sprintf(` s="%d"`, c.Style)
	}
	switch v := c.Value.(type) {
	case nil:
		fmt.Fprintf(b, `<c r="%s"%s/>`, ref, style)
	case int64:
		fmt.Fprintf(b, `<c r="%s"%s><v>%d</v></c>`, ref, style, v)
	case int:
		fmt.Fprintf(b, `<c r="%s"%s><v>%d</v></c>`, ref, style, v)
	case float64:
		fmt.Fprintf(b, `<c r="%s"%s><v>%s</v></c>`, ref, style, strconv.FormatFloat(v, 'f', -1, 64))
	case bool:
		n := 0
		if v {
			n = 1
		}
		fmt.Fprintf(b, `<c r="%s"%s t="b"><v>%d</v></c>`, ref, style, n)
	case time.Time:
		fmt.Fprintf(b, `<c r="%s"%s><v>%s</v></c>`, ref, style, strconv.FormatFloat(Serial(v), 'f', -1, 64))
	case string:
		if v == "" {
			fmt.Fprintf(b, `<c r="%s"%s/>`, ref, style)
			return
		}
		writeText(b, ref, style, v)
	default:
		writeText(b, ref, style, fmt.Sprint(v))
	}
}

// writeText writes an inline string. Like Excel, it marks the text's spaces
// as to keep (xml:space) only where it starts or ends with white space: the
// schemas of ECMA-376 do not have the attribute on t, an extension of
// Excel's ([MS-OI29500] 2.1.678) that Excel needs to keep such spaces.
func writeText(b *strings.Builder, ref, style, v string) {
	v = esc(v)
	space := ""
	if strings.TrimSpace(v) != v {
		space = ` xml:space="preserve"`
	}
	fmt.Fprintf(b, `<c r="%s"%s t="inlineStr"><is><t%s>%s</t></is></c>`, ref, style, space, v)
}

// epoch is day 0 of the 1900 date system as spreadsheets count it since
// Lotus: 1900-02-29 that never was is day 60, so serials from 61 on (every
// date the program writes) count from 1899-12-30.
var epoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// Serial is t's date serial in the 1900 system, its wall clock as read where
// it was made (a register's dates are days, not instants).
func Serial(t time.Time) float64 {
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	days := float64(day.Sub(epoch) / (24 * time.Hour))
	secs := t.Hour()*3600 + t.Minute()*60 + t.Second()
	if secs == 0 && t.Nanosecond() == 0 {
		return days
	}
	return days + (float64(secs)+float64(t.Nanosecond())/1e9)/86400
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

// CellName is the A1 name of column col, row row (both from 1).
func CellName(col, row int) string { return ColumnName(col) + strconv.Itoa(row) }

// ColumnName is the letters of column n (from 1): A … Z, AA ….
func ColumnName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// maxCol and maxRow are a worksheet's bounds (XFD, 1048576).
const (
	maxCol = 16384
	maxRow = 1 << 20
)

// ParseRef is the column and row (from 1) of an A1 name.
func ParseRef(ref string) (col, row int, err error) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' && col <= maxCol {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err = strconv.Atoi(ref[i:])
	if i == 0 || err != nil || row < 1 || row > maxRow || col > maxCol {
		return 0, 0, fmt.Errorf("单元格名称“%s”无效", ref)
	}
	return col, row, nil
}
