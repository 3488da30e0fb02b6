// Package spreadsheet reads the registers offices keep in spreadsheets
// (.xlsx, and .csv in UTF-8 or GBK) into the application register: a title
// row above the header, a header of two merged levels, Excel date serials and
// dates written 2025.3.5 or 2025年3月5日 are all read. Columns are mapped by
// their header words (the spellings of register-reference.md §5), or as the
// user says; a row that cannot be read whole is listed with the reason and
// not imported, and nothing is guessed: an unknown applicant type, channel or
// outcome stops its row.
//
// Files are read through data/infile (regular files only, a size limit).
package spreadsheet

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/data/infile"
	"nianbao/data/office"
	"nianbao/data/register"
	"nianbao/data/workdays"
)

// MaxRows bounds the rows read from a sheet.
const MaxRows = 100_000

// headerSearch is how many rows from the top the header is looked for in.
const headerSearch = 20

// Column is one column of the sheet and the field it is read into.
type Column struct {
	Index  int    // from 0
	Letter string // as the spreadsheet names it: A, B, … AA
	Header string // its header, with the merged header above it: "补正/告知日期"
	Field  Field  // FieldNone: not read
	ByUser bool   // mapped as the user said
}

// Problem is a row that was not imported, and why.
type Problem struct {
	Row    int // the spreadsheet's row number, from 1
	Reason string
}

func (p Problem) String() string { return fmt.Sprintf("第 %d 行：%s", p.Row, p.Reason) }

// Result is what a sheet gave.
type Result struct {
	Sheet     string // the worksheet read ("" for a .csv)
	HeaderRow int    // the header's row, from 1 (the lower one of two levels)
	Columns   []Column
	Apps      []register.Application
	Rows      []int // the spreadsheet row of each of Apps
	Problems  []Problem
}

// Options say how to read.
type Options struct {
	// Map maps a header (its words, as Column.Header or the lower level alone)
	// to a field, overriding the spellings; FieldNone ignores the column.
	Map map[string]Field
	// Calendar counts an extension given as a date (延期至) in working days.
	Calendar *workdays.Calendar
	// Office converts an old Excel or WPS workbook (.xls, .et) to .xlsx
	// (office.Converter); with no Program such a file is refused (ErrXLS).
	Office office.Converter
}

// ErrNoHeader is the cause of a sheet in which no header row was found.
var ErrNoHeader = errors.New("没有找到表头")

// ErrXLS is the cause of a refused .xls file: no LibreOffice to convert
// it, or one that could not.
var ErrXLS = errors.New("旧版 Excel 文件（.xls）需要先另存为 .xlsx")

// readOld reads an old Excel or WPS workbook (an OLE file: .xls, .et)
// converted to .xlsx by LibreOffice, as the import of reports reads a .doc.
func readOld(name string, data []byte, o Options) (*Result, error) {
	name, xlsx, err := Modern(name, data, o)
	if err != nil {
		return nil, err
	}
	return Read(name, xlsx, o)
}

// Modern is the workbook in data as Read reads it without converting: an
// old Excel or WPS workbook (.xls, .et) converted to .xlsx by o.Office, its
// name made .xlsx; anything else as it is. A window that reads a file again
// (with another mapping of its columns) converts it once.
func Modern(name string, data []byte, o Options) (string, []byte, error) {
	if !bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return name, data, nil
	}
	if o.Office.Program == "" {
		return "", nil, fmt.Errorf("%w：电脑上没有找到 LibreOffice 来转换。请在 Excel 或 WPS 中打开它，“另存为” .xlsx 或 .csv 后再导入", ErrXLS)
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext != ".et" {
		ext = ".xls"
	}
	xlsx, err := o.Office.Convert(context.Background(), data, ext, "xlsx", infile.Register)
	if err != nil {
		return "", nil, fmt.Errorf("%w：%s。请在 Excel 或 WPS 中“另存为” .xlsx 或 .csv 后再导入", ErrXLS, strings.TrimSuffix(err.Error(), "。"))
	}
	if !bytes.HasPrefix(xlsx, []byte("PK\x03\x04")) {
		return "", nil, fmt.Errorf("%w：LibreOffice 转换出的不是 .xlsx 文件", ErrXLS)
	}
	return strings.TrimSuffix(name, filepath.Ext(name)) + ".xlsx", xlsx, nil
}

// ReadFile reads the register spreadsheet at path.
func ReadFile(path string, o Options) (*Result, error) {
	data, err := infile.ReadFile(path, infile.Register)
	if err != nil {
		return nil, err
	}
	res, err := Read(filepath.Base(path), data, o)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", path, err)
	}
	return res, nil
}

// Read reads a register spreadsheet held in data; name (the file's name)
// tells a .csv from an .xlsx when the content does not.
func Read(name string, data []byte, o Options) (*Result, error) {
	if o.Calendar == nil {
		o.Calendar = workdays.Shipped()
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return readOld(name, data, o)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		sheet, grid, err := readXLSX(data, o.Map)
		if err != nil {
			return nil, err
		}
		return readGrid(sheet, grid, o)
	case strings.EqualFold(filepath.Ext(name), ".xlsx"):
		return nil, errors.New("不是有效的 .xlsx 文件")
	}
	grid, err := readCSV(data)
	if err != nil {
		return nil, err
	}
	return readGrid("", grid, o)
}

// readCSV reads a .csv in UTF-8 (with or without its BOM) or GBK (GB18030).
func readCSV(data []byte) ([][]string, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return nil, errors.New("文件既不是 UTF-8 也不是 GBK 编码的表格")
		}
		data = d
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var grid [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return grid, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("第 %d 行不是有效的逗号分隔表格", pe.Line)
			}
			return nil, err
		}
		if len(grid) >= MaxRows {
			return nil, fmt.Errorf("表格超过 %d 行", MaxRows)
		}
		grid = append(grid, rec)
	}
}

// date1904Mark, as the last row of a grid, says its serials count from 1904.
const date1904Mark = "\x00date1904"

// findHeader returns the header row (from 0) and, when the header has two
// levels, the row above it (else -1): the first row within headerSearch that
// maps the receipt date and at least two other fields.
func findHeader(grid [][]string, user map[string]Field) (row, parent int, ok bool) {
	for i := 0; i < len(grid) && i < headerSearch; i++ {
		if fields := mapped(grid[i], nil, user); fields[FieldReceived] && len(fields) >= 3 {
			// A second level below: the row maps fields joined with this one.
			if i+1 < len(grid) {
				below := mapped(grid[i+1], grid[i], user)
				if below[FieldReceived] && len(below) > len(fields) || len(below) > len(fields) && !looksLikeData(grid[i+1]) {
					return i + 1, i, true
				}
			}
			return i, -1, true
		}
	}
	return 0, -1, false
}

func mapped(row, parent []string, user map[string]Field) map[Field]bool {
	out := map[Field]bool{}
	for c, h := range row {
		p := ""
		if parent != nil && c < len(parent) {
			p = parent[c]
		}
		f := fieldOf(p, h)
		if u, ok := user[strings.TrimSpace(h)]; ok {
			f = u
		}
		if f != FieldNone {
			out[f] = true
		}
	}
	return out
}

// looksLikeData reports whether a row holds a date: the first data row, not
// a second header level.
func looksLikeData(row []string) bool {
	for _, v := range row {
		if _, ok := parseDate(v, false); ok {
			return true
		}
	}
	return false
}

// columnLetter is the letters of column i (from 0): A … Z, AA ….
func columnLetter(i int) string {
	var b []byte
	for n := i + 1; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// readGrid maps the header and reads every row below it.
func readGrid(sheet string, grid [][]string, o Options) (*Result, error) {
	date1904 := false
	if n := len(grid); n > 0 && len(grid[n-1]) == 1 && grid[n-1][0] == date1904Mark {
		grid, date1904 = grid[:n-1], true
	}
	h, parent, ok := findHeader(grid, o.Map)
	if !ok {
		return nil, fmt.Errorf("%w：前 %d 行中没有一行同时有“收到申请日期”（或“受理日期”“申请日期”等）和另外两列可以识别的列名", ErrNoHeader, headerSearch)
	}
	res := &Result{Sheet: sheet, HeaderRow: h + 1}
	width := 0
	for _, r := range grid {
		width = max(width, len(r))
	}
	seen := map[Field]string{}
	for c := 0; c < width; c++ {
		head, up := cell(grid[h], c), ""
		if parent >= 0 {
			up = cell(grid[parent], c)
		}
		col := Column{Index: c, Letter: columnLetter(c), Header: head, Field: fieldOf(up, head)}
		if up != "" && up != head {
			col.Header = up + "/" + head
		}
		for _, k := range []string{col.Header, head} {
			if f, ok := o.Map[k]; ok {
				col.Field, col.ByUser = f, true
				break
			}
		}
		if col.Field != FieldNone {
			if other, dup := seen[col.Field]; dup && other == col.Header && !col.ByUser {
				col.Field = FieldNone // one merged header over two columns: the first is read
			} else if dup {
				return nil, fmt.Errorf("“%s”列和“%s”列都对应“%s”，请指明用哪一列（另一列设为不导入）", other, col.Header, col.Field)
			} else {
				seen[col.Field] = col.Header
			}
		}
		res.Columns = append(res.Columns, col)
	}
	rd := rowReader{cols: res.Columns, cal: o.Calendar, date1904: date1904, numbers: map[string]int{}}
	for i := h + 1; i < len(grid); i++ {
		if blank(grid[i]) {
			continue
		}
		a, reason := rd.read(grid[i], i+1)
		if reason != "" {
			res.Problems = append(res.Problems, Problem{i + 1, reason})
			continue
		}
		res.Apps = append(res.Apps, a)
		res.Rows = append(res.Rows, i+1)
	}
	return res, nil
}

func cell(row []string, c int) string {
	if c < len(row) {
		return strings.TrimSpace(row[c])
	}
	return ""
}

func blank(row []string) bool {
	for _, v := range row {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}
