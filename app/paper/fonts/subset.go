package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
)

// Subset returns a small TrueType font with only the glyphs of rs (and
// .notdef, and the parts of composite glyphs), renumbered, with a fresh
// character map. gopdf embeds whole hmtx and loca tables, which for a CJK
// font of 65 535 glyphs cost some 35 KB a font even after compression; a
// font cut down first embeds in a few kilobytes plus its glyphs, and parses
// in a fraction of the time.
func (f *Face) Subset(rs []rune) ([]byte, error) { return f.subset(rs, false) }

// SubsetVertical is Subset keeping the vertical metrics (vhea, vmtx) too,
// for a reader that uses them when drawing horizontal text (freetype, which
// draws the charts): the PDF needs none.
func (f *Face) SubsetVertical(rs []rune) ([]byte, error) { return f.subset(rs, true) }

func (f *Face) subset(rs []rune, vertical bool) ([]byte, error) {
	tables, err := f.tables()
	if err != nil {
		return nil, err
	}
	head := tables["head"]
	glyphAt := f.glyphReader(tables).glyph

	// the glyphs to keep: .notdef, the characters', and composite parts
	rs = slices.Clone(rs)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	keep := map[int]bool{0: true}
	var queue []int
	type mapping struct {
		r   rune
		old int
	}
	var chars []mapping
	for _, r := range rs {
		if g, ok := f.GlyphID(r); ok {
			chars = append(chars, mapping{r, int(g)})
			if !keep[int(g)] {
				keep[int(g)] = true
				queue = append(queue, int(g))
			}
		}
	}
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		data, err := glyphAt(g)
		if err != nil {
			return nil, err
		}
		err = components(data, func(off int) {
			c := int(binary.BigEndian.Uint16(data[off:]))
			if !keep[c] {
				keep[c] = true
				queue = append(queue, c)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	olds := make([]int, 0, len(keep))
	for g := range keep {
		olds = append(olds, g)
	}
	sort.Ints(olds)
	newID := make(map[int]int, len(olds))
	for i, g := range olds {
		newID[g] = i
	}

	// glyf and loca (long offsets), composite references renumbered
	var newGlyf []byte
	newLoca := make([]byte, 4*(len(olds)+1))
	for i, g := range olds {
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		data, err := glyphAt(g)
		if err != nil {
			return nil, err
		}
		start := len(newGlyf)
		newGlyf = append(newGlyf, data...)
		cp := newGlyf[start:]
		err = components(cp, func(off int) {
			old := int(binary.BigEndian.Uint16(cp[off:]))
			binary.BigEndian.PutUint16(cp[off:], uint16(newID[old]))
		})
		if err != nil {
			return nil, err
		}
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*len(olds):], uint32(len(newGlyf)))

	// hmtx: a full metric for every kept glyph
	hmtx := tables["hmtx"]
	nh := f.numMetrics
	newHmtx := make([]byte, 4*len(olds))
	for i, g := range olds {
		adv := f.advanceUnits(g)
		var lsb uint16
		if g < nh {
			lsb = binary.BigEndian.Uint16(hmtx[4*g+2:])
		} else if off := 4*nh + 2*(g-nh); off+2 <= len(hmtx) {
			lsb = binary.BigEndian.Uint16(hmtx[off:])
		}
		binary.BigEndian.PutUint16(newHmtx[4*i:], adv)
		binary.BigEndian.PutUint16(newHmtx[4*i+2:], lsb)
	}

	newHead := slices.Clone(head)
	binary.BigEndian.PutUint32(newHead[8:], 0) // checkSumAdjustment, not used by readers
	binary.BigEndian.PutUint16(newHead[50:], 1)
	newHhea := slices.Clone(tables["hhea"])
	binary.BigEndian.PutUint16(newHhea[34:], uint16(len(olds)))
	newMaxp := slices.Clone(tables["maxp"])
	binary.BigEndian.PutUint16(newMaxp[4:], uint16(len(olds)))

	cmap, err := buildCmap(len(chars), func(i int) (rune, int) { return chars[i].r, newID[chars[i].old] })
	if err != nil {
		return nil, err
	}

	out := map[string][]byte{
		"head": newHead, "hhea": newHhea, "maxp": newMaxp, "hmtx": newHmtx,
		"loca": newLoca, "glyf": newGlyf, "cmap": cmap,
	}
	if vertical {
		if vhea, vmtx, ok := subsetVertical(tables["vhea"], tables["vmtx"], olds); ok {
			out["vhea"], out["vmtx"] = vhea, vmtx
		}
	}
	for _, tag := range []string{"cvt ", "fpgm", "prep", "name", "OS/2"} {
		if t := tables[tag]; t != nil {
			out[tag] = t
		}
	}
	if p := tables["post"]; len(p) >= 32 { // version 3: no glyph names
		np := slices.Clone(p[:32])
		binary.BigEndian.PutUint32(np, 0x00030000)
		out["post"] = np
	}
	for _, tag := range []string{"name", "OS/2", "post"} {
		if out[tag] == nil {
			return nil, fmt.Errorf("缺少字体表 %s", tag)
		}
	}
	return assemble(out), nil
}

// glyphReader reads glyphs by their old numbers, each once. Glyphs are read
// through f.Reader, not from f.Data: for a bundled face that reads the
// program file instead of mapping its pages (see assets.Reader).
type glyphReader struct {
	src             io.ReaderAt
	loca            []byte
	longLoca        bool
	numGlyphs       int
	glyfAt, glyfLen int
	read            map[int][]byte
}

func (f *Face) glyphReader(tables map[string][]byte) *glyphReader {
	return &glyphReader{
		src:       f.Reader(),
		loca:      tables["loca"],
		longLoca:  binary.BigEndian.Uint16(tables["head"][50:]) == 1,
		numGlyphs: int(binary.BigEndian.Uint16(tables["maxp"][4:])),
		glyfAt:    f.tableOffset("glyf"),
		glyfLen:   f.dir["glyf"].n,
		read:      map[int][]byte{},
	}
}

func (r *glyphReader) glyph(g int) ([]byte, error) {
	if b, ok := r.read[g]; ok {
		return b, nil
	}
	if g >= r.numGlyphs {
		return nil, fmt.Errorf("字形 %d 超出范围", g)
	}
	var a, b int
	if r.longLoca {
		if 4*g+8 > len(r.loca) {
			return nil, errors.New("loca 表不完整")
		}
		a, b = int(binary.BigEndian.Uint32(r.loca[4*g:])), int(binary.BigEndian.Uint32(r.loca[4*g+4:]))
	} else {
		if 2*g+4 > len(r.loca) {
			return nil, errors.New("loca 表不完整")
		}
		a, b = 2*int(binary.BigEndian.Uint16(r.loca[2*g:])), 2*int(binary.BigEndian.Uint16(r.loca[2*g+2:]))
	}
	if a > b || b > r.glyfLen {
		return nil, fmt.Errorf("字形 %d 的位置超出 glyf 表", g)
	}
	data := make([]byte, b-a)
	if _, err := r.src.ReadAt(data, int64(r.glyfAt+a)); err != nil {
		return nil, fmt.Errorf("字形 %d 无法读取：%w", g, err)
	}
	r.read[g] = data
	return data, nil
}

// subsetVertical gives vhea and vmtx for the glyphs olds (by old number, in
// their new order), when the font has vertical metrics.
func subsetVertical(vhea, vmtx []byte, olds []int) (newVhea, newVmtx []byte, ok bool) {
	if len(vhea) < 36 {
		return nil, nil, false
	}
	nv := int(binary.BigEndian.Uint16(vhea[34:]))
	newVmtx = make([]byte, 4*len(olds))
	for i, g := range olds {
		var adv, tsb uint16
		switch {
		case g < nv && 4*g+4 <= len(vmtx):
			adv, tsb = binary.BigEndian.Uint16(vmtx[4*g:]), binary.BigEndian.Uint16(vmtx[4*g+2:])
		case nv > 0 && 4*nv+2*(g-nv)+2 <= len(vmtx):
			adv, tsb = binary.BigEndian.Uint16(vmtx[4*(nv-1):]), binary.BigEndian.Uint16(vmtx[4*nv+2*(g-nv):])
		}
		binary.BigEndian.PutUint16(newVmtx[4*i:], adv)
		binary.BigEndian.PutUint16(newVmtx[4*i+2:], tsb)
	}
	newVhea = slices.Clone(vhea)
	binary.BigEndian.PutUint16(newVhea[34:], uint16(len(olds)))
	return newVhea, newVmtx, true
}

// tableOffset is where the table tag starts in the file (Parse has checked
// that the tables Subset reads are there and inside the file).
func (f *Face) tableOffset(tag string) int { return f.dir[tag].off }

// tables gives every table but glyf (read a glyph at a time), each read
// through f.read.
func (f *Face) tables() (map[string][]byte, error) {
	t := make(map[string][]byte, len(f.dir))
	for tag, sp := range f.dir {
		if tag == "glyf" {
			t[tag] = nil
			continue
		}
		b, err := f.read(sp)
		if err != nil {
			return nil, err
		}
		t[tag] = b
	}
	return t, nil
}

// components calls fn with the offset of every component glyph index in a
// composite glyph; a simple glyph has none.
func components(g []byte, fn func(off int)) error {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	const (
		argsAreWords = 0x0001
		haveScale    = 0x0008
		moreComps    = 0x0020
		xyScale      = 0x0040
		twoByTwo     = 0x0080
	)
	off := 10
	for {
		if off+4 > len(g) {
			return errors.New("复合字形不完整")
		}
		flags := binary.BigEndian.Uint16(g[off:])
		fn(off + 2)
		off += 4
		if flags&argsAreWords != 0 {
			off += 4
		} else {
			off += 2
		}
		switch {
		case flags&haveScale != 0:
			off += 2
		case flags&xyScale != 0:
			off += 4
		case flags&twoByTwo != 0:
			off += 8
		}
		if flags&moreComps == 0 {
			return nil
		}
	}
}

// buildCmap writes a cmap with a (3,1) format 4 subtable for the Basic
// Multilingual Plane (what gopdf reads) and a (3,10) format 12 subtable for
// every character. at returns the i-th character and its glyph, in order.
func buildCmap(n int, at func(i int) (rune, int)) ([]byte, error) {
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	type group struct{ start, end, gid uint32 }
	var groups []group
	for i := 0; i < n; i++ {
		r, g := at(i)
		if l := len(groups); l > 0 && groups[l-1].end+1 == uint32(r) && groups[l-1].gid+uint32(r)-groups[l-1].start == uint32(g) {
			groups[l-1].end++
		} else {
			groups = append(groups, group{uint32(r), uint32(r), uint32(g)})
		}
		if r >= 0xFFFF {
			continue
		}
		d := uint16(g) - uint16(r)
		if l := len(segs); l > 0 && segs[l-1].end+1 == uint16(r) && segs[l-1].delta == d {
			segs[l-1].end++
		} else {
			segs = append(segs, seg{uint16(r), uint16(r), d})
		}
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	segCount := len(segs)
	len4 := 16 + 8*segCount
	if len4 > 0xFFFF {
		return nil, errors.New("用字太多，字符映射表放不下")
	}
	entrySel := 0
	for 1<<(entrySel+1) <= segCount {
		entrySel++
	}
	searchRange := 2 << entrySel
	len12 := 16 + 12*len(groups)

	b := make([]byte, 4+2*8+len4+len12)
	be := binary.BigEndian
	be.PutUint16(b[2:], 2)
	be.PutUint16(b[4:], 3)
	be.PutUint16(b[6:], 1)
	be.PutUint32(b[8:], 20)
	be.PutUint16(b[12:], 3)
	be.PutUint16(b[14:], 10)
	be.PutUint32(b[16:], uint32(20+len4))

	s := b[20:]
	be.PutUint16(s[0:], 4)
	be.PutUint16(s[2:], uint16(len4))
	be.PutUint16(s[6:], uint16(2*segCount))
	be.PutUint16(s[8:], uint16(searchRange))
	be.PutUint16(s[10:], uint16(entrySel))
	be.PutUint16(s[12:], uint16(2*segCount-searchRange))
	for i, sg := range segs {
		be.PutUint16(s[14+2*i:], sg.end)
		be.PutUint16(s[16+2*segCount+2*i:], sg.start)
		be.PutUint16(s[16+4*segCount+2*i:], sg.delta)
		// idRangeOffset stays 0
	}

	t := b[20+len4:]
	be.PutUint16(t[0:], 12)
	be.PutUint32(t[4:], uint32(len12))
	be.PutUint32(t[12:], uint32(len(groups)))
	for i, g := range groups {
		be.PutUint32(t[16+12*i:], g.start)
		be.PutUint32(t[20+12*i:], g.end)
		be.PutUint32(t[24+12*i:], g.gid)
	}
	return b, nil
}

// assemble writes an sfnt file from its tables, in tag order, 4-byte aligned.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	entrySel := 0
	for 1<<(entrySel+1) <= n {
		entrySel++
	}
	searchRange := 16 << entrySel
	be := binary.BigEndian
	out := make([]byte, 12+16*n)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(searchRange))
	be.PutUint16(out[8:], uint16(entrySel))
	be.PutUint16(out[10:], uint16(16*n-searchRange))
	for i, tag := range tags {
		data := tables[tag]
		e := out[12+16*i:]
		copy(e, tag)
		be.PutUint32(e[4:], checksum(data))
		be.PutUint32(e[8:], uint32(len(out)))
		be.PutUint32(e[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
