// Package docx reads a report from a Word file (.docx, as Word and WPS save
// it) into an intake.Document: the body's paragraphs and tables in order,
// tables as a grid with their merged cells (gridSpan, vMerge), tables nested
// in cells, text boxes where they stand, tracked changes as shown (insertions
// kept, deletions dropped) and bold runs. Running heads, footers, page
// numbers and watermarks live in other parts of the file and are not read.
//
// It reads through archive/zip and encoding/xml, within limits: a file whose
// parts unpack beyond them (a zip bomb), an XML part with a document type
// declaration (the way to an entity bomb) or nested beyond reason is refused
// with a message in Chinese.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"nianbao/data/intake"
)

// Limits: a report's .docx is tens of KB; with pictures a few MB.
const (
	MaxFileSize  = 30 << 20  // bytes of the file
	maxEntries   = 2000      // files inside the zip
	maxDocument  = 64 << 20  // bytes of word/document.xml unpacked
	maxStyles    = 8 << 20   // bytes of word/styles.xml unpacked
	maxDepth     = 256       // nesting of XML elements
	maxTableRows = 10_000    // rows of one table
	maxGridCols  = 64        // columns of one table's grid (Word allows 63)
	maxText      = 128 << 20 // characters of text gathered in all
)

// Source is how messages name the kind of file.
const Source = "Word 文件"

// Errors a refused file wraps.
var (
	ErrNotDocx = errors.New("不是 .docx 文件")
	ErrBomb    = errors.New("文件构造异常")
)

// ReadFile reads the .docx at path through the one opener.
func ReadFile(path string) (*intake.Document, error) { return intake.ReadFile(path, Read) }

// Read reads a .docx file's bytes.
func Read(data []byte) (*intake.Document, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("文件超过 %d MB 的上限，不是年报的 Word 文件", MaxFileSize>>20)
	}
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return nil, fmt.Errorf("%w：这是旧版 Word 文件（.doc）或加密的文件，请在 Word 或 WPS 中“另存为” .docx（不加密）后再读", ErrNotDocx)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w：文件不是有效的 .docx（Word 2007 及以后的格式），请在 Word 或 WPS 中“另存为” .docx", ErrNotDocx)
	}
	if len(z.File) > maxEntries {
		return nil, fmt.Errorf("%w：压缩包内有 %d 个文件，超过 %d 个的上限，不是正常的 Word 文件", ErrBomb, len(z.File), maxEntries)
	}
	doc, err := part(z, "word/document.xml", maxDocument)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, fmt.Errorf("%w：文件中没有正文（word/document.xml），不是 Word 文件", ErrNotDocx)
	}
	st, err := part(z, "word/styles.xml", maxStyles)
	if err != nil {
		return nil, err
	}
	styles, err := readStyles(st)
	if err != nil {
		return nil, err
	}
	blocks, err := readBody(doc, styles)
	if err != nil {
		return nil, err
	}
	return &intake.Document{Source: Source, Blocks: blocks}, nil
}

// part reads one file of the zip, refusing one that unpacks beyond limit.
// It returns nil when the file is not there.
func part(z *zip.Reader, name string, limit int64) ([]byte, error) {
	for _, f := range z.File {
		if !strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
			continue
		}
		if f.UncompressedSize64 > uint64(limit) {
			return nil, bombError(name, limit)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%w：文件中的 %s 无法解压（%v），文件可能已损坏", ErrNotDocx, name, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, limit+1))
		if int64(len(b)) > limit {
			return nil, bombError(name, limit)
		}
		if err != nil {
			return nil, fmt.Errorf("%w：文件中的 %s 无法解压（%v），文件可能已损坏", ErrNotDocx, name, err)
		}
		return b, nil
	}
	return nil, nil
}

func bombError(name string, limit int64) error {
	return fmt.Errorf("%w：文件中的 %s 解压后超过 %d MB 的上限（可能是“压缩炸弹”），已拒绝读取", ErrBomb, name, limit>>20)
}

// decoder returns a strict XML decoder over data, and check, which refuses a
// document type declaration or nesting beyond maxDepth.
func decoder(data []byte, name string) (*xml.Decoder, func(xml.Token, int) error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	check := func(t xml.Token, depth int) error {
		if dir, ok := t.(xml.Directive); ok && bytes.HasPrefix(bytes.TrimSpace(dir), []byte("DOCTYPE")) {
			return fmt.Errorf("%w：%s 含有文档类型声明（DTD），Word 文件不含这种内容（可能是“实体炸弹”），已拒绝读取", ErrBomb, name)
		}
		if depth > maxDepth {
			return fmt.Errorf("%w：%s 的元素嵌套超过 %d 层，已拒绝读取", ErrBomb, name, maxDepth)
		}
		return nil
	}
	return d, check
}

func xmlError(name string, err error) error {
	return fmt.Errorf("%w：%s 不是有效的 XML（%v），文件可能已损坏", ErrNotDocx, name, err)
}

// styleInfo is what a style says of bold, and the style it is based on.
type styleInfo struct {
	bold    *bool
	basedOn string
}

// styles resolves the bold of paragraph and character styles.
type styles map[string]styleInfo

func (s styles) bold(id string) *bool {
	for i := 0; i < 20 && id != ""; i++ {
		st, ok := s[id]
		if !ok {
			return nil
		}
		if st.bold != nil {
			return st.bold
		}
		id = st.basedOn
	}
	return nil
}

// readStyles reads word/styles.xml for the styles that set bold.
func readStyles(data []byte) (styles, error) {
	s := styles{}
	if data == nil {
		return s, nil
	}
	d, check := decoder(data, "word/styles.xml")
	depth := 0
	var cur string
	inRPr := false
	for {
		t, err := d.Token()
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return nil, xmlError("word/styles.xml", err)
		}
		if err := check(t, depth); err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "style":
				cur = attr(t, "styleId")
				s[cur] = styleInfo{}
			case "basedOn":
				if cur != "" {
					st := s[cur]
					st.basedOn = attr(t, "val")
					s[cur] = st
				}
			case "rPr":
				inRPr = true
			case "b":
				if cur != "" && inRPr {
					st := s[cur]
					b := on(t)
					st.bold = &b
					s[cur] = st
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "style":
				cur = ""
			case "rPr":
				inRPr = false
			}
		}
	}
}

// attr is the value of an attribute by its local name (w:val, w:styleId).
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// on reads an on/off property such as <w:b/>, <w:b w:val="0"/>.
func on(t xml.StartElement) bool {
	switch attr(t, "val") {
	case "0", "false", "off", "none":
		return false
	}
	return true
}
