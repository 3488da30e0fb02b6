// Package fonts knows the fonts the printed report uses: which face serves
// which role (正文, 标题, 一级标题 …), where the official faces live on a
// Windows or Linux machine, and which characters each face can draw.
//
// It reads just enough of a TrueType file to measure text and to tell glyph
// coverage: the advance widths (hmtx) and the character map (cmap) the way
// gopdf reads it — format 4 of (3,1) for the Basic Multilingual Plane and
// format 12 of (3,10) beyond it — so that a character this package says a face
// has is a character gopdf can embed from that face.
package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
)

// Face is one parsed TrueType font.
type Face struct {
	Name  string // the PDF font name, ASCII without spaces: "NotoSerifSC-Regular", "simfang"
	Label string // how a person names it: "思源宋体（程序自带）", "仿宋（C:\Windows\Fonts\simfang.ttf）"
	Path  string // the file it came from; "" for a bundled face
	Data  []byte // the whole file, for gopdf
	// Source reads the same bytes as Data without touching Data's pages
	// (for a bundled face, the program file: see assets.Reader); tables and
	// glyphs are read through it. Nil: Data is read.
	Source io.ReaderAt

	dir map[string]span // the table directory

	unitsPerEm float64
	hmtx       []byte // the font's own hmtx table: read where needed, not copied
	numMetrics int    // the glyphs with a full metric in hmtx; the rest take the last
	cmap4      []byte // the format 4 subtable of (3,1)
	cmap12     []byte // the format 12 subtable of (3,10), or nil
}

// Parse reads a TrueType font. It refuses what gopdf cannot embed: font
// collections (.ttc), CFF-flavoured OpenType, and fonts without a (3,1)
// format 4 character map.
func Parse(name, label, path string, data []byte) (*Face, error) {
	return parse(name, label, path, data, nil)
}

// ParseEmbedded reads a font the program carries: as Parse, but every table
// it keeps is read through src (which reads the same bytes as data: see
// assets.Reader) into memory of its own, and so are the glyphs and tables a
// subset takes, so that data's pages are never touched.
func ParseEmbedded(name, label string, data []byte, src io.ReaderAt) (*Face, error) {
	return parse(name, label, "", data, src)
}

// span is a table's place in the file.
type span struct{ off, n int }

func parse(name, label, path string, data []byte, src io.ReaderAt) (*Face, error) {
	f := &Face{Name: name, Label: label, Path: path, Data: data, Source: src}
	if len(data) < 12 {
		return nil, errors.New("文件太短，不是字体文件")
	}
	header, err := f.read(span{0, 12})
	if err != nil {
		return nil, err
	}
	switch v := binary.BigEndian.Uint32(header); v {
	case 0x00010000, 0x74727565: // 1.0 and 'true': TrueType outlines
	case 0x74746366: // 'ttcf'
		return nil, errors.New("是字体集合（TTC），无法嵌入")
	case 0x4F54544F: // 'OTTO'
		return nil, errors.New("是 CFF 轮廓的 OpenType 字体，无法嵌入")
	default:
		return nil, fmt.Errorf("不是 TrueType 字体（文件头 %08X）", v)
	}
	n := int(binary.BigEndian.Uint16(header[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("字体表目录不完整")
	}
	dir, err := f.read(span{12, 16 * n})
	if err != nil {
		return nil, err
	}
	f.dir = make(map[string]span, n)
	for i := 0; i < n; i++ {
		e := dir[16*i:]
		tag := string(e[:4])
		off, ln := int(binary.BigEndian.Uint32(e[8:])), int(binary.BigEndian.Uint32(e[12:]))
		if off < 0 || ln < 0 || off+ln > len(data) || off+ln < off {
			return nil, fmt.Errorf("字体表 %q 超出文件范围", tag)
		}
		f.dir[tag] = span{off, ln}
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "cmap", "glyf", "loca"} {
		if _, ok := f.dir[tag]; !ok {
			if tag == "glyf" {
				return nil, errors.New("没有 TrueType 字形表（glyf），无法嵌入")
			}
			return nil, fmt.Errorf("缺少字体表 %s", tag)
		}
	}
	tables := map[string][]byte{}
	for _, tag := range []string{"head", "hhea", "hmtx", "cmap"} {
		if tables[tag], err = f.read(f.dir[tag]); err != nil {
			return nil, err
		}
	}
	head, hhea := tables["head"], tables["hhea"]
	if len(head) < 54 || len(hhea) < 36 {
		return nil, errors.New("head 或 hhea 表不完整")
	}
	f.unitsPerEm = float64(binary.BigEndian.Uint16(head[18:]))
	if f.unitsPerEm == 0 {
		return nil, errors.New("head 表的 unitsPerEm 为 0")
	}
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	hmtx := tables["hmtx"]
	if nh == 0 || len(hmtx) < 4*nh {
		return nil, errors.New("hmtx 表不完整")
	}
	// the widths are read from the table itself when a glyph is measured:
	// a CJK face has 65 535 of them, of which a report needs a few hundred
	f.hmtx, f.numMetrics = hmtx, nh
	if err := f.readCmap(tables["cmap"]); err != nil {
		return nil, err
	}
	return f, nil
}

// Reader reads the font file: Source, or Data when there is none.
func (f *Face) Reader() io.ReaderAt {
	if f.Source != nil {
		return f.Source
	}
	return bytes.NewReader(f.Data)
}

// read gives the bytes of sp (inside the file: checked by the caller): a
// slice of Data, or a copy read through Source.
func (f *Face) read(sp span) ([]byte, error) {
	if f.Source == nil {
		return f.Data[sp.off : sp.off+sp.n], nil
	}
	b := make([]byte, sp.n)
	if _, err := f.Source.ReadAt(b, int64(sp.off)); err != nil && !(err == io.EOF && sp.off+sp.n == len(f.Data)) {
		return nil, fmt.Errorf("字体文件无法读取：%w", err)
	}
	return b, nil
}

func (f *Face) readCmap(cmap []byte) error {
	if len(cmap) < 4 {
		return errors.New("cmap 表不完整")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if len(cmap) < 4+8*n {
		return errors.New("cmap 表不完整")
	}
	for i := 0; i < n; i++ {
		e := cmap[4+8*i:]
		pid, eid := binary.BigEndian.Uint16(e), binary.BigEndian.Uint16(e[2:])
		off := int(binary.BigEndian.Uint32(e[4:]))
		if off+8 > len(cmap) {
			continue
		}
		sub := cmap[off:]
		format := binary.BigEndian.Uint16(sub)
		switch {
		case pid == 3 && eid == 1 && format == 4: // gopdf takes the last (3,1)
			ln := int(binary.BigEndian.Uint16(sub[2:]))
			if ln > len(sub) {
				ln = len(sub) // some fonts overstate a format 4 length
			}
			f.cmap4 = sub[:ln]
		case pid == 3 && eid == 10 && format == 12 && f.cmap12 == nil:
			ln := int(binary.BigEndian.Uint32(sub[4:]))
			if ln > len(sub) || ln < 16 {
				return errors.New("cmap 格式 12 子表不完整")
			}
			f.cmap12 = sub[:ln]
		}
	}
	if len(f.cmap4) < 16 {
		return errors.New("没有 Unicode（3,1）格式 4 字符映射表")
	}
	segs := int(binary.BigEndian.Uint16(f.cmap4[6:])) / 2
	if 16+8*segs > len(f.cmap4) {
		return errors.New("cmap 格式 4 子表不完整")
	}
	return nil
}

// GlyphID returns the glyph of r, and false when the face has none.
func (f *Face) GlyphID(r rune) (uint16, bool) {
	if r < 0 {
		return 0, false
	}
	if r <= 0xFFFF {
		return f.glyph4(uint16(r))
	}
	return f.glyph12(uint32(r))
}

// Has tells whether the face can draw r.
func (f *Face) Has(r rune) bool {
	_, ok := f.GlyphID(r)
	return ok
}

func (f *Face) glyph4(c uint16) (uint16, bool) {
	t := f.cmap4
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	u16 := func(off int) uint16 { return binary.BigEndian.Uint16(t[off:]) }
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	i := sort.Search(segs, func(i int) bool { return u16(ends+2*i) >= c })
	if i == segs || c == 0xFFFF {
		return 0, false
	}
	start := u16(starts + 2*i)
	if c < start {
		return 0, false
	}
	delta, ro := u16(deltas+2*i), int(u16(ranges+2*i))
	var g uint16
	if ro == 0 {
		g = c + delta
	} else {
		off := ranges + 2*i + ro + 2*int(c-start)
		if off+2 > len(t) {
			return 0, false
		}
		g = u16(off)
		if g == 0 {
			return 0, false
		}
		g += delta
	}
	return g, g != 0
}

func (f *Face) glyph12(c uint32) (uint16, bool) {
	t := f.cmap12
	if t == nil {
		return 0, false
	}
	n := int(binary.BigEndian.Uint32(t[12:]))
	if 16+12*n > len(t) {
		n = (len(t) - 16) / 12
	}
	grp := func(i int) []byte { return t[16+12*i:] }
	i := sort.Search(n, func(i int) bool { return binary.BigEndian.Uint32(grp(i)[4:]) >= c })
	if i == n {
		return 0, false
	}
	g := grp(i)
	start := binary.BigEndian.Uint32(g)
	if c < start {
		return 0, false
	}
	gid := binary.BigEndian.Uint32(g[8:]) + c - start
	return uint16(gid), gid != 0 && gid <= 0xFFFF
}

// Advance returns the advance width of r in em (multiply by the size in
// points), or 0 and false when the face has no glyph for r.
func (f *Face) Advance(r rune) (float64, bool) {
	g, ok := f.GlyphID(r)
	if !ok {
		return 0, false
	}
	return f.advanceOf(g), true
}

// NotdefAdvance is the width of the face's .notdef glyph, drawn for a
// character no face has.
func (f *Face) NotdefAdvance() float64 { return f.advanceOf(0) }

// advanceUnits is the advance width of glyph g in font units: its metric in
// hmtx, or the last full metric's for a glyph beyond them.
func (f *Face) advanceUnits(g int) uint16 {
	return binary.BigEndian.Uint16(f.hmtx[4*min(g, f.numMetrics-1):])
}

func (f *Face) advanceOf(g uint16) float64 {
	// gopdf rounds widths to thousandths of an em in the PDF's /W array;
	// measuring the same way keeps justified lines flush to the edge.
	return float64(int(f.advanceUnits(int(g)))*1000/int(f.unitsPerEm)) / 1000
}
