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
