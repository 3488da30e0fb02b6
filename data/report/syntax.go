package report

// JSON syntax: a small strict parser whose every complaint names its JSON path.

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

type kind uint8

const (
	kindNull kind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

// value sums up one JSON value for a message: its kind, its text (the literal
// of a number or boolean, the content of a string) and, for an array, its count
// of items. The reader keeps no tree of values: the file is checked for syntax
// in one pass that holds nothing, then decoded straight into a Report, so that
// memory stays near the size of the file whatever its shape.
type value struct {
	kind kind
	text string
	n    int
}

type parser struct {
	data []byte
	pos  int
	// paths makes check name the JSON path of an error. Without it, check
	// builds no path (a string for every value of the file), and Parse runs it
	// again with paths only for a file that has an error.
	paths bool
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

// check checks the syntax of the value at the current position and moves
// past it, keeping nothing. It catches every syntax error and too deep nesting,
// naming the JSON path.
func (p *parser) check(path string, depth int) error {
	p.skipSpace()
	if p.pos >= len(p.data) {
		return p.syntax(path, "应为一个值，文件却已结束")
	}
	switch c := p.data[p.pos]; {
	case c == '{' || c == '[':
		if depth > maxDepth {
			return p.syntax(path, "嵌套超过 %d 层", maxDepth)
		}
		if c == '{' {
			return p.checkObject(path, depth)
		}
		return p.checkArray(path, depth)
	case c == '"':
		_, err := p.str(path, false)
		return err
	case c == '-' || c >= '0' && c <= '9':
		return p.number(path)
	case c == 't':
		return p.literal(path, "true")
	case c == 'f':
		return p.literal(path, "false")
	case c == 'n':
		return p.literal(path, "null")
	}
	return p.syntax(path, "应为一个值（对象、数组、字符串、数字、true、false 或 null），实为%s", p.found())
}

func (p *parser) literal(path, word string) error {
	if !bytes.HasPrefix(p.data[p.pos:], []byte(word)) {
		return p.syntax(path, "应为一个值（对象、数组、字符串、数字、true、false 或 null），实为%s", p.found())
	}
	p.pos += len(word)
	return nil
}

func (p *parser) checkObject(path string, depth int) error {
	p.pos++ // {
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return nil
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return p.syntax(path, "应为带双引号的字段名，实为%s", p.found())
		}
		key, err := p.str(path, p.paths)
		if err != nil {
			return err
		}
		kp := ""
		if p.paths {
			kp = childPath(path, key)
		}
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return p.syntax(kp, "字段名后应为“:”，实为%s", p.found())
		}
		p.pos++
		if err := p.check(kp, depth+1); err != nil {
			return err
		}
		if more, err := p.next(path, '}'); !more {
			return err
		}
	}
}

func (p *parser) checkArray(path string, depth int) error {
	p.pos++ // [
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return nil
	}
	for i := 0; ; i++ {
		ip := ""
		if p.paths {
			ip = indexPath(path, i)
		}
		if err := p.check(ip, depth+1); err != nil {
			return err
		}
		if more, err := p.next(path, ']'); !more {
			return err
		}
	}
}

// next reads what follows a member of an object or an element of an array:
// true after a comma (another one comes), false after close (the container
// ends, err nil) or at anything else (err says what was found).
func (p *parser) next(path string, close byte) (more bool, err error) {
	p.skipSpace()
	if p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ',':
			p.pos++
			return true, nil
		case close:
			p.pos++
			return false, nil
		}
	}
	return false, p.syntax(path, "应为“,”或“%c”，实为%s", close, p.found())
}

// ---- reading checked syntax ----
//
// The functions below run on input that check has accepted, so they meet no
// syntax error.

// peek is the kind of the value at the current position.
func (p *parser) peek() kind {
	p.skipSpace()
	switch c := p.data[p.pos]; {
	case c == '{':
		return kindObject
	case c == '[':
		return kindArray
	case c == '"':
		return kindString
	case c == 't' || c == 'f':
		return kindBool
	case c == 'n':
		return kindNull
	}
	return kindNumber
}

// skip moves past the value at the current position and sums it up.
func (p *parser) skip() value {
	switch k := p.peek(); k {
	case kindObject, kindArray:
		p.pos++
		n := 0
		for {
			p.skipSpace()
			if c := p.data[p.pos]; c == '}' || c == ']' {
				p.pos++
				return value{kind: k, n: n}
			} else if c == ',' {
				p.pos++
				continue
			}
			if k == kindObject {
				p.str("", false)
				p.skipSpace()
				p.pos++ // :
			}
			p.skip()
			n++
		}
	case kindString:
		s, _ := p.str("", true)
		return value{kind: k, text: s}
	case kindNumber:
		start := p.pos
		p.number("")
		return value{kind: k, text: string(p.data[start:p.pos])}
	case kindBool:
		if p.data[p.pos] == 't' {
			p.pos += 4
			return value{kind: k, text: "true"}
		}
		p.pos += 5
		return value{kind: k, text: "false"}
	}
	p.pos += 4
	return value{kind: kindNull}
}

// look sums up the value at the current position without moving past it.
func (p *parser) look() value {
	at := p.pos
	v := p.skip()
	p.pos = at
	return v
}

// fields reads the object at the current position, calling fn for each field
// with the parser at its value; fn must read or skip the value. A key that
// appears twice is an error.
func (p *parser) fields(path string, fn func(key, keyPath string) error) error {
	p.skipSpace()
	p.pos++ // {
	var seen map[string]bool
	for {
		p.skipSpace()
		switch p.data[p.pos] {
		case '}':
			p.pos++
			return nil
		case ',':
			p.pos++
			continue
		}
		keyPos := p.pos
		key, _ := p.str(path, true)
		kp := childPath(path, key)
		if seen == nil {
			seen = make(map[string]bool)
		}
		if seen[key] {
			line, col := position(p.data, keyPos)
			return &FileError{Path: kp, Msg: fmt.Sprintf("字段重复出现（第 %d 行第 %d 列）", line, col)}
		}
		seen[key] = true
		p.skipSpace()
		p.pos++ // :
		if err := fn(key, kp); err != nil {
			return err
		}
	}
}

// items reads the array at the current position, calling fn for each item
// with the parser at it; fn must read or skip the item.
func (p *parser) items(path string, fn func(i int, itemPath string) error) error {
	p.skipSpace()
	p.pos++ // [
	for i := 0; ; {
		p.skipSpace()
		switch p.data[p.pos] {
		case ']':
			p.pos++
			return nil
		case ',':
			p.pos++
			continue
		}
		if err := fn(i, indexPath(path, i)); err != nil {
			return err
		}
		i++
	}
}

// str reads a string; the input is known to be valid UTF-8. Unless keep, it
// only checks the string and returns "".
func (p *parser) str(path string, keep bool) (string, error) {
	p.pos++ // opening quote
	start := p.pos
	// Fast path: no escapes.
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == '"' {
			s := ""
			if keep {
				s = string(p.data[start:p.pos])
			}
			p.pos++
			return s, nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
		p.pos++
	}
	var b builder
	b.keep = keep
	b.add(p.data[start:p.pos])
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String(), nil
		case c < 0x20:
			return "", p.syntax(path, "字符串中不能直接出现%s（换行应写作 \\n）", p.found())
		case c != '\\':
			b.addByte(c)
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
			b.addByte(e)
		case 'b':
			b.addByte('\b')
		case 'f':
			b.addByte('\f')
		case 'n':
			b.addByte('\n')
		case 'r':
			b.addByte('\r')
		case 't':
			b.addByte('\t')
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
			b.addRune(r)
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

// number moves past a number in JSON's grammar.
func (p *parser) number(path string) error {
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
			return p.syntax(path, "数字不能以 0 开头")
		}
	} else if digits() == 0 {
		return p.syntax(path, "“-”后应为数字，实为%s", p.found())
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return p.syntax(path, "小数点后应为数字，实为%s", p.found())
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return p.syntax(path, "指数部分应为数字，实为%s", p.found())
		}
	}
	return nil
}

// builder is a strings.Builder that can be told to keep nothing.
type builder struct {
	strings.Builder
	keep bool
}

func (b *builder) add(p []byte) {
	if b.keep {
		b.Builder.Write(p)
	}
}

func (b *builder) addByte(c byte) {
	if b.keep {
		b.Builder.WriteByte(c)
	}
}

func (b *builder) addRune(r rune) {
	if b.keep {
		b.Builder.WriteRune(r)
	}
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
		if v.n == 0 {
			return "空数组"
		}
		return fmt.Sprintf("含 %d 项的数组", v.n)
	}
	return "对象"
}
