package spreadsheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"time"
)

// The .xlsx reader is the package's own, over archive/zip and encoding/xml:
// excelize, which read it before, cost every command of the program its
// package initialisation (issue 23.7). It reads what a register needs: the
// sheets in order, shared strings (rich text runs joined, phonetic guides
// left out), inline strings, numbers as written, booleans, dates by their
// cell's number format, the 1904 date system, merged cells. A file whose
// parts unpack beyond the limits (a zip bomb), an XML part with a document
// type declaration (the way to an entity bomb) or nested beyond reason is
// refused, as the .docx reader does (data/intake/docx).

// Limits. A register of 100,000 rows and 40 columns unpacks to some 100 MB of
// worksheet XML at most; Excel's own limits bound the rest.
const (
	maxEntries  = 10_000    // files inside the zip
	maxPart     = 256 << 20 // bytes of one XML part unpacked
	maxUnpacked = 512 << 20 // bytes unpacked in all
	maxDepth    = 256       // nesting of XML elements
	maxColumns  = 16_384    // Excel's last column, XFD
	maxCells    = 8_000_000 // cells of a grid, blank ones between values included
	maxStrings  = 4_000_000 // shared strings
)

// ErrNotXLSX is the cause of a file that is not a readable .xlsx.
var ErrNotXLSX = errors.New("不是有效的 .xlsx 文件，或文件已加密")

// ErrBomb is the cause of a file refused for its construction.
var ErrBomb = errors.New("文件构造异常")

// book is an opened .xlsx: its parts by name, what was unpacked so far.
type book struct {
	parts    map[string]*zip.File // by lower-case name, without a leading /
	unpacked int64
}

func openBook(data []byte) (*book, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w（%v）", ErrNotXLSX, err)
	}
	if len(z.File) > maxEntries {
		return nil, fmt.Errorf("%w：压缩包内有 %d 个文件，超过 %d 个的上限，不是正常的表格文件", ErrBomb, len(z.File), maxEntries)
	}
	b := &book{parts: map[string]*zip.File{}}
	for _, f := range z.File {
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := b.parts[name]; !dup {
			b.parts[name] = f
		}
	}
	return b, nil
}

// part reads one part; nil when the file has none of that name.
func (b *book) part(name string) ([]byte, error) {
	f := b.parts[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > maxPart || b.unpacked+int64(f.UncompressedSize64) > maxUnpacked {
		return nil, bombError(name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w：文件中的 %s 无法解压（%v），文件可能已损坏", ErrNotXLSX, name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, min(maxPart, maxUnpacked-b.unpacked)+1))
	b.unpacked += int64(len(data))
	if int64(len(data)) > maxPart || b.unpacked > maxUnpacked {
		return nil, bombError(name)
	}
	if err != nil {
		return nil, fmt.Errorf("%w：文件中的 %s 无法解压（%v），文件可能已损坏", ErrNotXLSX, name, err)
	}
	return data, nil
}

func bombError(name string) error {
	return fmt.Errorf("%w：文件中的 %s 解压后超过上限（单个部分 %d MB、合计 %d MB，可能是“压缩炸弹”），已拒绝读取", ErrBomb, name, maxPart>>20, maxUnpacked>>20)
}

// walk reads the XML part data token by token, giving start elements, end
// elements and text to fn; a document type declaration, nesting beyond
// maxDepth or XML that is not well formed stops it.
func walk(name string, data []byte, fn func(t xml.Token, depth int) error) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	depth := 0
	for {
		t, err := d.RawToken()
		if err == io.EOF {
			if depth != 0 {
				return fmt.Errorf("%w：%s 不完整，文件可能已损坏", ErrNotXLSX, name)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w：%s 不是有效的 XML（%v），文件可能已损坏", ErrNotXLSX, name, err)
		}
		switch t := t.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) {
				return fmt.Errorf("%w：%s 含有文档类型声明（DTD），表格文件不含这种内容（可能是“实体炸弹”），已拒绝读取", ErrBomb, name)
			}
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return fmt.Errorf("%w：%s 的元素嵌套超过 %d 层，已拒绝读取", ErrBomb, name, maxDepth)
			}
			if err := fn(t, depth); err != nil {
				return err
			}
		case xml.EndElement:
			if err := fn(t, depth); err != nil {
				return err
			}
			depth--
		case xml.CharData:
			if err := fn(t, depth); err != nil {
				return err
			}
		}
	}
}

// attr is the value of the attribute of t whose local name is local; RawToken
// leaves prefixes as written, so r:id is found as "id" of space "r".
func attr(t xml.StartElement, space, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && (space == "" && a.Name.Space == "" || space != "" && a.Name.Space == space) {
			return a.Value
		}
	}
	return ""
}

// relsOf reads the relationships of the part named name: id → type and
// target, the target resolved against the part's folder.
func (b *book) relsOf(name string) (map[string][2]string, error) {
	dir, file := path.Split(name)
	relsName := dir + "_rels/" + file + ".rels"
	data, err := b.part(relsName)
	if err != nil || data == nil {
		return nil, err
	}
	rels := map[string][2]string{}
	err = walk(relsName, data, func(t xml.Token, _ int) error {
		if s, ok := t.(xml.StartElement); ok && s.Name.Local == "Relationship" && attr(s, "", "TargetMode") != "External" {
			target := attr(s, "", "Target")
			if strings.HasPrefix(target, "/") {
				target = path.Clean(target[1:])
			} else {
				target = path.Join(dir, target)
			}
			rels[attr(s, "", "Id")] = [2]string{attr(s, "", "Type"), target}
		}
		return nil
	})
	return rels, err
}

// byType is the target of the first relationship of a type ending in kind.
func byType(rels map[string][2]string, kind string) string {
	best := ""
	for _, r := range rels {
		if strings.HasSuffix(r[0], "/"+kind) && (best == "" || r[1] < best) {
			best = r[1] // the smallest name: one answer whatever the map's order
		}
	}
	return best
}

// sheetRef is a worksheet of the workbook, in the workbook's order.
type sheetRef struct{ name, part string }

// workbookInfo reads the workbook part: its worksheets (chart and dialog
// sheets left out), the date system, and where its shared strings and styles are.
type workbookInfo struct {
	sheets       []sheetRef
	date1904     bool
	strings      string
	styles       string
	workbookPart string
}

func (b *book) workbook() (*workbookInfo, error) {
	root, err := b.relsOf("")
	if err != nil {
		return nil, err
	}
	wb := &workbookInfo{workbookPart: byType(root, "officeDocument")}
	if wb.workbookPart == "" {
		wb.workbookPart = "xl/workbook.xml"
	}
	data, err := b.part(wb.workbookPart)
	if err != nil {
		return nil, err
	}
	if data == nil {
		return nil, fmt.Errorf("%w：文件中没有工作簿（%s）", ErrNotXLSX, wb.workbookPart)
	}
	rels, err := b.relsOf(wb.workbookPart)
	if err != nil {
		return nil, err
	}
	wb.strings, wb.styles = byType(rels, "sharedStrings"), byType(rels, "styles")
	err = walk(wb.workbookPart, data, func(t xml.Token, _ int) error {
		s, ok := t.(xml.StartElement)
		if !ok {
			return nil
		}
		switch s.Name.Local {
		case "workbookPr":
			v := attr(s, "", "date1904")
			wb.date1904 = v == "1" || v == "true"
		case "sheet":
			id := ""
			for _, a := range s.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					id = a.Value
				}
			}
			if r, ok := rels[id]; ok && strings.HasSuffix(r[0], "/worksheet") {
				wb.sheets = append(wb.sheets, sheetRef{attr(s, "", "name"), r[1]})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(wb.sheets) == 0 {
		return nil, fmt.Errorf("%w：工作簿中没有工作表", ErrNotXLSX)
	}
	return wb, nil
}

// text gathers the text of a string item (<si>, <is>): its <t>, and the <t>
// of its runs, not those of its phonetic guides (<rPh>), which repeat the
// text's reading.
type text struct {
	b        strings.Builder
	inT, rPh bool
}

func (x *text) token(t xml.Token) {
	switch t := t.(type) {
	case xml.StartElement:
		switch t.Name.Local {
		case "t":
			x.inT = true
		case "rPh":
			x.rPh = true
		}
	case xml.EndElement:
		switch t.Name.Local {
		case "t":
			x.inT = false
		case "rPh":
			x.rPh = false
		}
	case xml.CharData:
		if x.inT && !x.rPh {
			x.b.Write(t)
		}
	}
}

// sharedStrings reads the shared strings part.
func (b *book) sharedStrings(name string) ([]string, error) {
	if name == "" {
		return nil, nil
	}
	data, err := b.part(name)
	if err != nil || data == nil {
		return nil, err
	}
	var out []string
	var cur *text
	err = walk(name, data, func(t xml.Token, _ int) error {
		if s, ok := t.(xml.StartElement); ok && s.Name.Local == "si" {
			if len(out) >= maxStrings {
				return fmt.Errorf("%w：%s 中的文字超过 %d 条，已拒绝读取", ErrBomb, name, maxStrings)
			}
			cur = &text{}
			return nil
		}
		if e, ok := t.(xml.EndElement); ok && e.Name.Local == "si" && cur != nil {
			out = append(out, unescapeX(cur.b.String()))
			cur = nil
			return nil
		}
		if cur != nil {
			cur.token(t)
		}
		return nil
	})
	return out, err
}

// unescapeX turns the _xHHHH_ escapes of ECMA-376 (characters XML cannot
// hold: a tab, a line break written by some writers) back into characters.
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 || i+7 > len(s) || s[i+6] != '_' {
			b.WriteString(s)
			return b.String()
		}
		n, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
		if err != nil {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteRune(rune(n))
		s = s[i+7:]
	}
}

// dateStyles reads the styles part: for each cell format (the s of a cell),
// whether its number format shows a date.
func (b *book) dateStyles(name string) ([]bool, error) {
	if name == "" {
		return nil, nil
	}
	data, err := b.part(name)
	if err != nil || data == nil {
		return nil, err
	}
	custom := map[int]string{}
	var ids []int
	inXfs := false
	err = walk(name, data, func(t xml.Token, _ int) error {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				if id, err := strconv.Atoi(attr(t, "", "numFmtId")); err == nil {
					custom[id] = attr(t, "", "formatCode")
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, _ := strconv.Atoi(attr(t, "", "numFmtId"))
					ids = append(ids, id)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	dates := make([]bool, len(ids))
	for i, id := range ids {
		if code, ok := custom[id]; ok {
			dates[i] = dateCode(code)
		} else {
			dates[i] = builtinDate(id)
		}
	}
	return dates, nil
}

// builtinDate reports whether a built-in number format shows a date: 14–17
// and 22 everywhere, and those of the Chinese, Japanese and Korean editions
// (27–31, 36, 50, 51, 54, 57, 58: 2025年3月5日 and its kin). The times of
// day (18–21, 32–35, 45–47, 52, 53, 55, 56) are not dates.
func builtinDate(id int) bool {
	switch id {
	case 14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 54, 57, 58:
		return true
	}
	return false
}

// dateCode reports whether a format code of the file's own shows a date: a y
// or a d outside quoted text, escapes and brackets ([Red], [$-804], [h]).
func dateCode(code string) bool {
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case '[':
			j := strings.IndexByte(code[i+1:], ']')
			if j < 0 {
				return false
			}
			i += j + 1
		case '\\', '_', '*':
			i++ // the next character is written as it is, or is padding
		case ';':
			return false // the first section is the one of positive numbers
		case 'y', 'Y', 'd', 'D':
			return true
		}
	}
	return false
}

// dateText is the date of a serial number in the workbook's date system,
// written 2025-03-05, or "" when s is no serial of a date the program reads.
func dateText(s string, date1904 bool) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || f < 1 || f > 2_958_465 { // 9999-12-31
		return ""
	}
	base := time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	return base.AddDate(0, 0, int(f)).Format(time.DateOnly)
}

// parseCellRef is the column and row (from 1) of an A1 name.
func parseCellRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' && col <= maxColumns {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err := strconv.Atoi(ref[i:])
	if i == 0 || err != nil || row < 1 || col > maxColumns {
		return 0, 0, false
	}
	return col, row, true
}

// sheetReader builds one worksheet's grid as it reads the part.
type sheetReader struct {
	name     string
	strings  []string
	dates    []bool
	date1904 bool
	grid     [][]string
	cells    int
	merges   [][4]int // c0, r0, c1, r1
	// the cell being read
	row, col     int
	typ, style   string
	v            strings.Builder
	inV          bool
	is           *text
	lastRow      int
	lastCol      int
	cellOpenedAt int
}

func (s *sheetReader) token(t xml.Token, depth int) error {
	switch t := t.(type) {
	case xml.StartElement:
		return s.start(t, depth)
	case xml.EndElement:
		switch t.Name.Local {
		case "v":
			s.inV = false
		case "c":
			if depth == s.cellOpenedAt {
				return s.put()
			}
		default:
			if s.is != nil {
				s.is.token(t)
			}
		}
	case xml.CharData:
		if s.inV {
			s.v.Write(t)
		} else if s.is != nil {
			s.is.token(t)
		}
	}
	return nil
}

func (s *sheetReader) start(t xml.StartElement, depth int) error {
	switch t.Name.Local {
	case "row":
		return s.startRow(t)
	case "c":
		return s.startCell(t, depth)
	case "v":
		s.inV = true
	case "is":
		s.is = &text{}
	case "mergeCell":
		from, to, _ := strings.Cut(attr(t, "", "ref"), ":")
		if to == "" {
			to = from
		}
		c0, r0, ok0 := parseCellRef(from)
		c1, r1, ok1 := parseCellRef(to)
		if ok0 && ok1 && c0 <= c1 && r0 <= r1 {
			s.merges = append(s.merges, [4]int{c0, r0, c1, r1})
		}
	default:
		if s.is != nil {
			s.is.token(t)
		}
	}
	return nil
}

// startRow begins a row: the one it names, else the one after the last.
func (s *sheetReader) startRow(t xml.StartElement) error {
	s.row = s.lastRow + 1
	if r := attr(t, "", "r"); r != "" {
		n, err := strconv.Atoi(r)
		if err != nil || n < 1 {
			return fmt.Errorf("工作表“%s”的行号“%s”无效", s.name, r)
		}
		s.row = n
	}
	s.lastRow, s.lastCol = s.row, 0
	return nil
}

// startCell begins a cell: the one it names, else the one after the last.
func (s *sheetReader) startCell(t xml.StartElement, depth int) error {
	s.col = s.lastCol + 1
	if ref := attr(t, "", "r"); ref != "" {
		c, r, ok := parseCellRef(ref)
		if !ok {
			return fmt.Errorf("工作表“%s”第 %d 行的单元格名称“%s”无效", s.name, s.row, ref)
		}
		s.col, s.row = c, r // the cell's own name, as Excel reads it
		s.lastRow = r
	}
	if s.col > maxColumns {
		return fmt.Errorf("工作表“%s”第 %d 行超过 %d 列", s.name, s.row, maxColumns)
	}
	s.lastCol = s.col
	s.typ, s.style = attr(t, "", "t"), attr(t, "", "s")
	s.v.Reset()
	s.is = nil
	s.cellOpenedAt = depth
	return nil
}

// put puts the cell just read in the grid, as its value reads: the shared or
// inline string, a number as written (a date, by its format, as 2025-03-05),
// TRUE or FALSE, an error as Excel shows it.
func (s *sheetReader) put() error {
	v := s.v.String()
	switch s.typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(s.strings) {
			return fmt.Errorf("工作表“%s”的单元格 %s%d 引用的文字不存在，文件可能已损坏", s.name, columnLetter(s.col-1), s.row)
		}
		v = s.strings[i]
	case "inlineStr":
		v = ""
		if s.is != nil {
			v = unescapeX(s.is.b.String())
		}
	case "b":
		switch strings.TrimSpace(v) {
		case "1", "true":
			v = "TRUE"
		case "0", "false":
			v = "FALSE"
		}
	case "", "n":
		if i, err := strconv.Atoi(s.style); err == nil && i >= 0 && i < len(s.dates) && s.dates[i] {
			if d := dateText(v, s.date1904); d != "" {
				v = d
			}
		}
	}
	if v == "" {
		return nil
	}
	if s.row > MaxRows {
		return fmt.Errorf("工作表“%s”超过 %d 行", s.name, MaxRows)
	}
	return s.set(s.col, s.row, v)
}

// set puts v at column col, row row (from 1), growing the grid within maxCells.
func (s *sheetReader) set(col, row int, v string) error {
	for len(s.grid) < row {
		s.grid = append(s.grid, nil)
	}
	r := s.grid[row-1]
	if grow := col - len(r); grow > 0 {
		if s.cells += grow; s.cells > maxCells {
			return fmt.Errorf("工作表“%s”的单元格超过 %d 个，已拒绝读取", s.name, maxCells)
		}
		r = append(r, make([]string, grow)...)
		s.grid[row-1] = r
	}
	r[col-1] = v
	return nil
}

// merge gives every cell of each merged range the value of its top left
// cell, as the register's two-level headers and merged titles are read;
// ranges beyond MaxRows or larger than 10,000 cells are left as they are.
// The cells filled are bounded in all, so that a sheet of a million merges
// cannot keep the reader busy for hours.
func (s *sheetReader) merge() error {
	filled := 0
	for _, m := range s.merges {
		c0, r0, c1, r1 := m[0], m[1], m[2], m[3]
		area := (r1 - r0 + 1) * (c1 - c0 + 1)
		if r1 > MaxRows || area > 10_000 {
			continue
		}
		if filled += area; filled > maxCells {
			return fmt.Errorf("%w：工作表“%s”的合并单元格超过 %d 个，已拒绝读取", ErrBomb, s.name, maxCells)
		}
		v := ""
		if r0-1 < len(s.grid) && c0-1 < len(s.grid[r0-1]) {
			v = s.grid[r0-1][c0-1]
		}
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				if err := s.set(c, r, v); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// readXLSX reads the first sheet that has a header (else the first sheet) as
// the grid of its values, every cell of a merged range holding the range's
// value. The serials of cells not formatted as dates stay numbers, which the
// date columns read; a grid of the 1904 date system ends with date1904Mark.
func readXLSX(data []byte, user map[string]Field) (string, [][]string, error) {
	b, err := openBook(data)
	if err != nil {
		return "", nil, err
	}
	wb, err := b.workbook()
	if err != nil {
		return "", nil, err
	}
	shared, err := b.sharedStrings(wb.strings)
	if err != nil {
		return "", nil, err
	}
	dates, err := b.dateStyles(wb.styles)
	if err != nil {
		return "", nil, err
	}
	var first [][]string
	firstName := ""
	for _, sh := range wb.sheets {
		part, err := b.part(sh.part)
		if err != nil {
			return "", nil, err
		}
		if part == nil {
			return "", nil, fmt.Errorf("%w：文件中没有工作表“%s”（%s）", ErrNotXLSX, sh.name, sh.part)
		}
		s := &sheetReader{name: sh.name, strings: shared, dates: dates, date1904: wb.date1904}
		if err := walk(sh.part, part, s.token); err != nil {
			return "", nil, err
		}
		if err := s.merge(); err != nil {
			return "", nil, err
		}
		grid := s.grid
		if wb.date1904 {
			grid = append(grid, []string{date1904Mark})
		}
		if _, _, ok := findHeader(grid, user); ok {
			return sh.name, grid, nil
		}
		if first == nil {
			first, firstName = grid, sh.name
		}
	}
	return firstName, first, nil
}
