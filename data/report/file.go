package report

// The file format, *.nianbao.json: a strict reader and a canonical writer.
//
// The reader is a small JSON parser of its own rather than encoding/json, so
// that every complaint names the JSON path it concerns and says in Chinese what
// was expected and what was found, duplicate keys are caught, nesting is
// bounded and no input can make it panic. Whole numbers only: a figure written
// as 1.0, 1e3 or "5" is refused, not rounded or converted.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxFileSize is the largest report file read; a real one is a few tens of KB.
const MaxFileSize = 10 << 20

// maxDepth bounds the nesting of a file; the format itself nests three deep.
const maxDepth = 32

// FileError is a problem with the content of a report file (or with a report
// about to be written): Path is the JSON path it concerns, such as
// applications.new[3] or overview[2].heading, "" for the file as a whole, and
// Msg says in Chinese what was expected and what was found.
type FileError struct {
	Path string
	Msg  string
}

func (e *FileError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + "：" + e.Msg
}

// ReadFile reads and parses the report file at path. Errors begin with the
// file name; content errors wrap a *FileError.
func ReadFile(path string) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s：无法读取：%s", path, osMessage(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return nil, fmt.Errorf("%s：这是文件夹，不是年报文件", path)
		}
		if info.Size() > MaxFileSize {
			return nil, fmt.Errorf("%s：%w", path, errTooLarge())
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s：无法读取：%s", path, osMessage(err))
	}
	r, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", path, err)
	}
	return r, nil
}

// WriteFile writes r to path in the canonical form. It writes a temporary file
// beside path and renames it over path, so that a crash or a full disk never
// leaves a half-written report in place of a good one.
func WriteFile(path string, r *Report) (err error) {
	data, err := Marshal(r)
	if err != nil {
		return fmt.Errorf("%s：%w", path, err)
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		if info.IsDir() {
			return fmt.Errorf("%s：这是文件夹，不能写入年报", path)
		}
		mode = info.Mode().Perm()
	}
	fail := func(err error) error { return fmt.Errorf("%s：无法写入：%s", path, osMessage(err)) }
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fail(err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	return nil
}

// osMessage says in Chinese what went wrong with a file operation.
func osMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件或文件夹不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	}
	return err.Error()
}

func errTooLarge() error {
	return &FileError{Msg: fmt.Sprintf("文件超过 %d MB 的上限，不是年报文件", MaxFileSize>>20)}
}

// Parse reads a report file strictly: anything the format does not allow is an
// error (a *FileError) naming the JSON path. Missing optional keys read as
// empty or zero, a missing or empty "fees" as "0". A leading UTF-8 byte order
// mark, which some Windows editors add, is skipped.
func Parse(data []byte) (*Report, error) {
	if len(data) > MaxFileSize {
		return nil, errTooLarge()
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		n := 0
		for n < len(data) {
			r, size := utf8.DecodeRune(data[n:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			n += size
		}
		line, col := position(data, n)
		return nil, &FileError{Msg: fmt.Sprintf("文件不是有效的 UTF-8 文本（第 %d 行第 %d 列），请以 UTF-8 编码保存", line, col)}
	}
	p := &parser{data: data}
	p.skipSpace()
	if p.pos == len(data) {
		return nil, &FileError{Msg: "文件是空的"}
	}
	root, err := p.value("", 1)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(data) {
		return nil, p.syntax("", "JSON 对象结束后应为文件结尾，实为%s", p.found())
	}
	r, err := decodeReport(root)
	if err != nil {
		return nil, err
	}
	if err := Validate(r); err != nil {
		return nil, err
	}
	return r, nil
}

// ---- JSON syntax ----

type kind uint8

const (
	kindNull kind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

// value is one parsed JSON value. For numbers text is the literal as written,
// for booleans "true" or "false".
type value struct {
	kind   kind
	text   string
	items  []value
	fields []field
}

type field struct {
	key string
	val value
}

type parser struct {
	data []byte
	pos  int
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// position returns the 1-based line and column (in characters) of offset.
func position(data []byte, offset int) (line, col int) {
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

func (p *parser) syntax(path, format string, args ...any) error {
	line, col := position(p.data, min(p.pos, len(p.data)))
	return &FileError{Path: path, Msg: fmt.Sprintf("JSON 格式错误（第 %d 行第 %d 列）：", line, col) + fmt.Sprintf(format, args...)}
}

// found describes the character at the current position.
func (p *parser) found() string {
	if p.pos >= len(p.data) {
		return "文件结尾"
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	if r < 0x20 || r == 0x7f {
		return fmt.Sprintf("控制字符 U+%04X", r)
	}
	return "“" + string(r) + "”"
}

func (p *parser) value(path string, depth int) (value, error) {
	p.skipSpace()
	if p.pos >= len(p.data) {
		return value{}, p.syntax(path, "应为一个值，文件却已结束")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		if depth > maxDepth {
			return value{}, p.syntax(path, "嵌套超过 %d 层", maxDepth)
		}
		return p.object(path, depth)
	case c == '[':
		if depth > maxDepth {
			return value{}, p.syntax(path, "嵌套超过 %d 层", maxDepth)
		}
		return p.array(path, depth)
	case c == '"':
		s, err := p.str(path)
		return value{kind: kindString, text: s}, err
	case c == '-' || c >= '0' && c <= '9':
		return p.number(path)
	case c == 't':
		return p.literal(path, "true", value{kind: kindBool, text: "true"})
	case c == 'f':
		return p.literal(path, "false", value{kind: kindBool, text: "false"})
	case c == 'n':
		return p.literal(path, "null", value{kind: kindNull})
	}
	return value{}, p.syntax(path, "应为一个值（对象、数组、字符串、数字、true、false 或 null），实为%s", p.found())
}

func (p *parser) literal(path, word string, v value) (value, error) {
	if !bytes.HasPrefix(p.data[p.pos:], []byte(word)) {
		return value{}, p.syntax(path, "应为一个值（对象、数组、字符串、数字、true、false 或 null），实为%s", p.found())
	}
	p.pos += len(word)
	return v, nil
}

func (p *parser) object(path string, depth int) (value, error) {
	p.pos++ // {
	v := value{kind: kindObject}
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return v, nil
	}
	var seen map[string]bool
	for {
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return value{}, p.syntax(path, "应为带双引号的字段名，实为%s", p.found())
		}
		keyPos := p.pos
		key, err := p.str(path)
		if err != nil {
			return value{}, err
		}
		kp := childPath(path, key)
		if seen == nil {
			seen = make(map[string]bool)
		}
		if seen[key] {
			line, col := position(p.data, keyPos)
			return value{}, &FileError{Path: kp, Msg: fmt.Sprintf("字段重复出现（第 %d 行第 %d 列）", line, col)}
		}
		seen[key] = true
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return value{}, p.syntax(kp, "字段名后应为“:”，实为%s", p.found())
		}
		p.pos++
		val, err := p.value(kp, depth+1)
		if err != nil {
			return value{}, err
		}
		v.fields = append(v.fields, field{key, val})
		p.skipSpace()
		if p.pos < len(p.data) {
			switch p.data[p.pos] {
			case ',':
				p.pos++
				continue
			case '}':
				p.pos++
				return v, nil
			}
		}
		return value{}, p.syntax(path, "应为“,”或“}”，实为%s", p.found())
	}
}

func (p *parser) array(path string, depth int) (value, error) {
	p.pos++ // [
	v := value{kind: kindArray}
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return v, nil
	}
	for {
		item, err := p.value(indexPath(path, len(v.items)), depth+1)
		if err != nil {
			return value{}, err
		}
		v.items = append(v.items, item)
		p.skipSpace()
		if p.pos < len(p.data) {
			switch p.data[p.pos] {
			case ',':
				p.pos++
				continue
			case ']':
				p.pos++
				return v, nil
			}
		}
		return value{}, p.syntax(path, "应为“,”或“]”，实为%s", p.found())
	}
}

// str reads a string; the input is known to be valid UTF-8.
func (p *parser) str(path string) (string, error) {
	p.pos++ // opening quote
	start := p.pos
	// Fast path: no escapes.
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == '"' {
			s := string(p.data[start:p.pos])
			p.pos++
			return s, nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
		p.pos++
	}
	var b strings.Builder
	b.Write(p.data[start:p.pos])
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String(), nil
		case c < 0x20:
			return "", p.syntax(path, "字符串中不能直接出现%s（换行应写作 \\n）", p.found())
		case c != '\\':
			b.WriteByte(c)
			p.pos++
			continue
		}
		if p.pos+1 >= len(p.data) {
			p.pos++
			return "", p.syntax(path, "字符串没有结束")
		}
		p.pos++
		switch e := p.data[p.pos]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := p.hex4(p.pos + 1)
			if !ok {
				return "", p.syntax(path, "“\\u”后应为 4 位十六进制数字")
			}
			p.pos += 4
			if r >= 0xD800 && r < 0xDC00 {
				lo, ok := rune(0), false
				if p.pos+2 < len(p.data) && p.data[p.pos+1] == '\\' && p.data[p.pos+2] == 'u' {
					lo, ok = p.hex4(p.pos + 3)
				}
				if !ok || lo < 0xDC00 || lo > 0xDFFF {
					return "", p.syntax(path, "“\\u%04X”是不成对的代理项，不是有效字符", r)
				}
				p.pos += 6
				r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
			} else if r >= 0xDC00 && r <= 0xDFFF {
				return "", p.syntax(path, "“\\u%04X”是不成对的代理项，不是有效字符", r)
			}
			b.WriteRune(r)
		default:
			r, _ := utf8.DecodeRune(p.data[p.pos:])
			q := strconv.QuoteRune(r)
			return "", p.syntax(path, "无效的转义“\\%s”（可用的转义为 \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX）", q[1:len(q)-1])
		}
		p.pos++
	}
	return "", p.syntax(path, "字符串没有结束")
}

func (p *parser) hex4(at int) (rune, bool) {
	if at+4 > len(p.data) {
		return 0, false
	}
	var r rune
	for _, c := range p.data[at : at+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// number reads a number in JSON's grammar and keeps its literal.
func (p *parser) number(path string) (value, error) {
	start := p.pos
	digits := func() int {
		n := 0
		for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if p.data[p.pos] == '-' {
		p.pos++
	}
	if p.pos < len(p.data) && p.data[p.pos] == '0' {
		p.pos++
		if p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
			return value{}, p.syntax(path, "数字不能以 0 开头")
		}
	} else if digits() == 0 {
		return value{}, p.syntax(path, "“-”后应为数字，实为%s", p.found())
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return value{}, p.syntax(path, "小数点后应为数字，实为%s", p.found())
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return value{}, p.syntax(path, "指数部分应为数字，实为%s", p.found())
		}
	}
	return value{kind: kindNumber, text: string(p.data[start:p.pos])}, nil
}

// ---- paths and descriptions ----

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func childPath(path, key string) string {
	if !isIdent(key) {
		return path + "[" + strconv.Quote(truncate(key, 40)) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func indexPath(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// truncate shortens s to at most n characters for a message.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// quote shows a string inside a message: “…”, shortened, control characters escaped.
func quote(s string) string {
	q := strconv.Quote(truncate(s, 40))
	return "“" + q[1:len(q)-1] + "”"
}

// describe says what a value is, for the "实为" part of a message.
func describe(v value) string {
	switch v.kind {
	case kindNull:
		return " null"
	case kindBool, kindNumber:
		return " " + truncate(v.text, 30)
	case kindString:
		return "字符串" + quote(v.text)
	case kindArray:
		if len(v.items) == 0 {
			return "空数组"
		}
		return fmt.Sprintf("含 %d 项的数组", len(v.items))
	}
	return "对象"
}

// ---- the schema ----

var (
	figureRange = fmt.Sprintf("应为 0 至 %d 的整数", MaxFigure)
	yearRange   = fmt.Sprintf("应为 %d 至 %d 的整数", MinYear, MaxYear)
	feesPattern = regexp.MustCompile(`^\d{1,7}(\.\d{1,6})?$`)
)

const feesWant = "应为最多 7 位整数、最多 6 位小数的金额字符串（万元），如“0”或“12.5”"

func unknownKey(path, key string, known []string) error {
	msg := "未知的字段"
	if guess := closest(key, known); guess != "" {
		msg += "（是否应为“" + guess + "”？）"
	}
	return &FileError{Path: childPath(path, key), Msg: msg}
}

// closest returns the known key within two edits of key, if any.
func closest(key string, known []string) string {
	if len(key) > 40 {
		return ""
	}
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func wantObject(path string, v value, what string) error {
	if v.kind != kindObject {
		return &FileError{Path: path, Msg: "应为" + what + "，实为" + describe(v)}
	}
	return nil
}

func wantString(path string, v value) (string, error) {
	if v.kind != kindString {
		return "", &FileError{Path: path, Msg: "应为字符串，实为" + describe(v)}
	}
	return v.text, nil
}

// wantInt reads a whole number written as an integer literal; the range is
// left to Validate, but want says it in the message for any other value.
func wantInt(path string, v value, want string) (int, error) {
	if v.kind == kindNumber && !strings.ContainsAny(v.text, ".eE") {
		if n, err := strconv.Atoi(v.text); err == nil {
			return n, nil
		}
	}
	return 0, &FileError{Path: path, Msg: want + "，实为" + describe(v)}
}

func wantRow(path string, v value, out []int) error {
	want := fmt.Sprintf("应为 %d 个整数组成的数组", len(out))
	if v.kind != kindArray {
		return &FileError{Path: path, Msg: want + "，实为" + describe(v)}
	}
	if len(v.items) != len(out) {
		return &FileError{Path: path, Msg: fmt.Sprintf("%s，实为 %d 个", want, len(v.items))}
	}
	for i, item := range v.items {
		n, err := wantInt(indexPath(path, i), item, figureRange)
		if err != nil {
			return err
		}
		out[i] = n
	}
	return nil
}

var (
	topKeys = []string{"format", "agency", "year", "agency_type", "title", "preamble", "overview",
		"proactive", "applications", "review_litigation", "problems", "other_matters", "closing"}
	sectionKeys   = []string{"heading", "body"}
	proactiveKeys = []string{"rules", "normative_documents", "licensing", "penalty", "coercion", "fees"}
	docKeys       = []string{"issued", "repealed", "in_force"}
	appKeys       = func() []string {
		k := make([]string, AppRows)
		for i, info := range AppRowInfos {
			k[i] = info.Key
		}
		return k
	}()
	caseKeys = func() []string {
		k := make([]string, CaseGroups)
		for i, info := range CaseGroupInfos {
			k[i] = info.Key
		}
		return k
	}()
)

func decodeReport(root value) (*Report, error) {
	if root.kind != kindObject {
		return nil, &FileError{Msg: "年报文件应为一个 JSON 对象，实为" + describe(root)}
	}
	r := &Report{}
	var has [3]bool // format, agency, year
	for _, f := range root.fields {
		path := childPath("", f.key)
		var err error
		switch f.key {
		case "format":
			has[0] = true
			if r.Format, err = wantString(path, f.val); err == nil && r.Format != FormatID {
				err = &FileError{Path: path, Msg: "应为“" + FormatID + "”，实为" + quote(r.Format) + "，不是本程序能读的年报文件"}
			}
		case "agency":
			has[1] = true
			r.Agency, err = wantString(path, f.val)
		case "year":
			has[2] = true
			r.Year, err = wantInt(path, f.val, yearRange)
		case "agency_type":
			r.AgencyType, err = wantString(path, f.val)
		case "title":
			r.Title, err = wantString(path, f.val)
		case "preamble":
			r.Preamble, err = wantString(path, f.val)
		case "closing":
			r.Closing, err = wantString(path, f.val)
		case "overview":
			r.Overview, err = decodeSections(path, f.val)
		case "problems":
			r.Problems, err = decodeSections(path, f.val)
		case "other_matters":
			r.OtherMatters, err = decodeSections(path, f.val)
		case "proactive":
			err = decodeProactive(path, f.val, &r.Proactive)
		case "applications":
			err = decodeApplications(path, f.val, &r.Applications)
		case "review_litigation":
			err = decodeReviewLitigation(path, f.val, &r.ReviewLitigation)
		default:
			err = unknownKey("", f.key, topKeys)
		}
		if err != nil {
			return nil, err
		}
	}
	for i, key := range []string{"format", "agency", "year"} {
		if !has[i] {
			return nil, &FileError{Path: key, Msg: "缺少必填字段"}
		}
	}
	if r.Proactive.Fees == "" {
		r.Proactive.Fees = "0"
	}
	return r, nil
}

func decodeSections(path string, v value) ([]Section, error) {
	if v.kind != kindArray {
		return nil, &FileError{Path: path, Msg: "应为由段落（含 heading 和 body 的对象）组成的数组，实为" + describe(v)}
	}
	var out []Section
	for i, item := range v.items {
		ip := indexPath(path, i)
		if err := wantObject(ip, item, "含 heading 和 body 的对象"); err != nil {
			return nil, err
		}
		var s Section
		for _, f := range item.fields {
			var err error
			switch f.key {
			case "heading":
				s.Heading, err = wantString(childPath(ip, f.key), f.val)
			case "body":
				s.Body, err = wantString(childPath(ip, f.key), f.val)
			default:
				err = unknownKey(ip, f.key, sectionKeys)
			}
			if err != nil {
				return nil, err
			}
		}
		out = append(out, s)
	}
	return out, nil
}

func decodeProactive(path string, v value, p *Proactive) error {
	if err := wantObject(path, v, "对象"); err != nil {
		return err
	}
	for _, f := range v.fields {
		fp := childPath(path, f.key)
		var err error
		switch f.key {
		case "rules":
			err = decodeDocCounts(fp, f.val, &p.Rules)
		case "normative_documents":
			err = decodeDocCounts(fp, f.val, &p.NormativeDocuments)
		case "licensing":
			p.Licensing, err = wantInt(fp, f.val, figureRange)
		case "penalty":
			p.Penalty, err = wantInt(fp, f.val, figureRange)
		case "coercion":
			p.Coercion, err = wantInt(fp, f.val, figureRange)
		case "fees":
			if f.val.kind != kindString {
				err = &FileError{Path: fp, Msg: feesWant + "，实为" + describe(f.val)}
			}
			p.Fees = f.val.text
		default:
			err = unknownKey(path, f.key, proactiveKeys)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func decodeDocCounts(path string, v value, d *DocCounts) error {
	if err := wantObject(path, v, "含 issued、repealed、in_force 的对象"); err != nil {
		return err
	}
	for _, f := range v.fields {
		fp := childPath(path, f.key)
		var err error
		switch f.key {
		case "issued":
			d.Issued, err = wantInt(fp, f.val, figureRange)
		case "repealed":
			d.Repealed, err = wantInt(fp, f.val, figureRange)
		case "in_force":
			d.InForce, err = wantInt(fp, f.val, figureRange)
		default:
			err = unknownKey(path, f.key, docKeys)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func decodeApplications(path string, v value, a *Applications) error {
	if err := wantObject(path, v, "对象"); err != nil {
		return err
	}
	for _, f := range v.fields {
		i, ok := AppRowIndex(f.key)
		if !ok {
			return unknownKey(path, f.key, appKeys)
		}
		if err := wantRow(childPath(path, f.key), f.val, a[i][:]); err != nil {
			return err
		}
	}
	return nil
}

func decodeReviewLitigation(path string, v value, rl *ReviewLitigation) error {
	if err := wantObject(path, v, "对象"); err != nil {
		return err
	}
	for _, f := range v.fields {
		g := -1
		for i, info := range CaseGroupInfos {
			if info.Key == f.key {
				g = i
			}
		}
		if g < 0 {
			return unknownKey(path, f.key, caseKeys)
		}
		if err := wantRow(childPath(path, f.key), f.val, rl[g][:]); err != nil {
			return err
		}
	}
	return nil
}

// ---- value rules ----

// Validate checks the value rules of the file format on r: the ones Parse
// enforces beyond the shape of the file, and Marshal before writing, so that
// the program never writes a file it cannot read back. Format may be "" (a
// report made in memory); Marshal always writes FormatID. Errors are
// *FileError with the JSON path of the offending value. Validate does not check
// the consistency rules (勾稽关系): a report whose figures do not add up is
// still a valid file.
func Validate(r *Report) error {
	if r == nil {
		return &FileError{Msg: "没有年报内容"}
	}
	if r.Format != "" && r.Format != FormatID {
		return &FileError{Path: "format", Msg: "应为“" + FormatID + "”，实为" + quote(r.Format)}
	}
	if err := validText("agency", r.Agency); err != nil {
		return err
	}
	if strings.TrimSpace(r.Agency) == "" {
		return &FileError{Path: "agency", Msg: "机关名称不能为空"}
	}
	if r.Year < MinYear || r.Year > MaxYear {
		return &FileError{Path: "year", Msg: yearRange + "，实为 " + strconv.Itoa(r.Year)}
	}
	switch r.AgencyType {
	case "", AgencyGovernment, AgencyTownship, AgencyDepartment:
	default:
		return &FileError{Path: "agency_type", Msg: "应为“government”“township”“department”之一或空字符串，实为" + quote(r.AgencyType)}
	}
	for _, t := range []struct{ path, s string }{{"title", r.Title}, {"preamble", r.Preamble}, {"closing", r.Closing}} {
		if err := validText(t.path, t.s); err != nil {
			return err
		}
	}
	for _, part := range []struct {
		path string
		ss   []Section
	}{{"overview", r.Overview}, {"problems", r.Problems}, {"other_matters", r.OtherMatters}} {
		for i, s := range part.ss {
			ip := indexPath(part.path, i)
			if err := validText(ip+".heading", s.Heading); err != nil {
				return err
			}
			if err := validText(ip+".body", s.Body); err != nil {
				return err
			}
		}
	}
	p := &r.Proactive
	for _, f := range []struct {
		path string
		n    int
	}{
		{"proactive.rules.issued", p.Rules.Issued},
		{"proactive.rules.repealed", p.Rules.Repealed},
		{"proactive.rules.in_force", p.Rules.InForce},
		{"proactive.normative_documents.issued", p.NormativeDocuments.Issued},
		{"proactive.normative_documents.repealed", p.NormativeDocuments.Repealed},
		{"proactive.normative_documents.in_force", p.NormativeDocuments.InForce},
		{"proactive.licensing", p.Licensing},
		{"proactive.penalty", p.Penalty},
		{"proactive.coercion", p.Coercion},
	} {
		if err := validFigure(f.path, f.n); err != nil {
			return err
		}
	}
	if p.Fees != "" && !feesPattern.MatchString(p.Fees) {
		return &FileError{Path: "proactive.fees", Msg: feesWant + "，实为" + quote(p.Fees)}
	}
	for i, row := range r.Applications {
		for c, n := range row {
			if err := validFigure(indexPath("applications."+AppRowInfos[i].Key, c), n); err != nil {
				return err
			}
		}
	}
	for g, row := range r.ReviewLitigation {
		for c, n := range row {
			if err := validFigure(indexPath("review_litigation."+CaseGroupInfos[g].Key, c), n); err != nil {
				return err
			}
		}
	}
	return nil
}

func validFigure(path string, n int) error {
	if n < 0 || n > MaxFigure {
		return &FileError{Path: path, Msg: figureRange + "，实为 " + strconv.Itoa(n)}
	}
	return nil
}

func validText(path, s string) error {
	if !utf8.ValidString(s) {
		return &FileError{Path: path, Msg: "含有无效的 UTF-8 字节"}
	}
	return nil
}

// ---- the canonical writer ----

// Marshal writes r in the canonical form of the file format: keys in the
// documented order, two-space indentation, each row of figures on one line,
// text as is (no \u escapes), a final newline. It refuses (with a *FileError)
// a report that Validate refuses.
func Marshal(r *Report) ([]byte, error) {
	if err := Validate(r); err != nil {
		return nil, err
	}
	w := &writer{}
	w.raw("{\n")
	w.key(1, "format").str(FormatID).raw(",\n")
	w.key(1, "agency").str(r.Agency).raw(",\n")
	w.key(1, "year").int(r.Year).raw(",\n")
	w.key(1, "agency_type").str(r.AgencyType).raw(",\n")
	w.key(1, "title").str(r.Title).raw(",\n")
	w.key(1, "preamble").str(r.Preamble).raw(",\n")
	w.sections("overview", r.Overview)

	p := &r.Proactive
	w.key(1, "proactive").raw("{\n")
	w.docCounts("rules", p.Rules)
	w.docCounts("normative_documents", p.NormativeDocuments)
	w.key(2, "licensing").int(p.Licensing).raw(",\n")
	w.key(2, "penalty").int(p.Penalty).raw(",\n")
	w.key(2, "coercion").int(p.Coercion).raw(",\n")
	fees := p.Fees
	if fees == "" {
		fees = "0"
	}
	w.key(2, "fees").str(fees).raw("\n")
	w.raw("  },\n")

	w.key(1, "applications").raw("{\n")
	for i, row := range r.Applications {
		w.key(2, AppRowInfos[i].Key).row(row[:]).raw(sep(i, AppRows))
	}
	w.raw("  },\n")
	w.key(1, "review_litigation").raw("{\n")
	for g, row := range r.ReviewLitigation {
		w.key(2, CaseGroupInfos[g].Key).row(row[:]).raw(sep(g, CaseGroups))
	}
	w.raw("  },\n")

	w.sections("problems", r.Problems)
	w.sections("other_matters", r.OtherMatters)
	w.key(1, "closing").str(r.Closing).raw("\n")
	w.raw("}\n")
	return w.b.Bytes(), nil
}

// sep ends item i of n: a comma but after the last.
func sep(i, n int) string {
	if i == n-1 {
		return "\n"
	}
	return ",\n"
}

type writer struct{ b bytes.Buffer }

func (w *writer) raw(s string) *writer { w.b.WriteString(s); return w }

func (w *writer) key(level int, k string) *writer {
	for range level {
		w.b.WriteString("  ")
	}
	return w.str(k).raw(": ")
}

func (w *writer) int(n int) *writer { w.b.WriteString(strconv.Itoa(n)); return w }

// str writes a JSON string, escaping only what JSON requires.
func (w *writer) str(s string) *writer {
	const hex = "0123456789abcdef"
	w.b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"', c == '\\':
			w.b.WriteByte('\\')
			w.b.WriteByte(c)
		case c == '\n':
			w.b.WriteString(`\n`)
		case c == '\r':
			w.b.WriteString(`\r`)
		case c == '\t':
			w.b.WriteString(`\t`)
		case c < 0x20:
			w.b.WriteString(`\u00`)
			w.b.WriteByte(hex[c>>4])
			w.b.WriteByte(hex[c&0xf])
		default:
			w.b.WriteByte(c)
		}
	}
	w.b.WriteByte('"')
	return w
}

func (w *writer) row(ns []int) *writer {
	w.b.WriteByte('[')
	for i, n := range ns {
		if i > 0 {
			w.b.WriteByte(',')
		}
		w.int(n)
	}
	w.b.WriteByte(']')
	return w
}

func (w *writer) docCounts(k string, d DocCounts) {
	w.key(2, k).raw("{\n")
	w.key(3, "issued").int(d.Issued).raw(",\n")
	w.key(3, "repealed").int(d.Repealed).raw(",\n")
	w.key(3, "in_force").int(d.InForce).raw("\n")
	w.raw("    },\n")
}

func (w *writer) sections(k string, ss []Section) {
	w.key(1, k)
	if len(ss) == 0 {
		w.raw("[],\n")
		return
	}
	w.raw("[\n")
	for i, s := range ss {
		w.raw("    {\n")
		w.key(3, "heading").str(s.Heading).raw(",\n")
		w.key(3, "body").str(s.Body).raw("\n")
		w.raw("    }").raw(sep(i, len(ss)))
	}
	w.raw("  ],\n")
}
