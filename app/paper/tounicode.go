package paper

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

// gopdf writes each entry of a font's ToUnicode map as <glyph><glyph><code>
// with the code point in hex, which for a character beyond the Basic
// Multilingual Plane (𬭎 U+2CB4E, in names) gives five or six digits where
// PDF wants UTF-16: a reader then extracts a wrong character. fixToUnicode
// rewrites those entries as surrogate pairs, <D872DF4E>, and the stream
// lengths and cross-reference offsets that move with them. A PDF without such
// characters is returned unchanged.
var wideEntry = regexp.MustCompile(`(?m)^(<[0-9A-F]{4}><[0-9A-F]{4}>)<([0-9A-F]{5,6})>$`)

func fixToUnicode(pdf []byte) ([]byte, error) {
	if !wideEntry.Match(pdf) {
		return pdf, nil
	}
	offsets, xrefAt, err := readXref(pdf)
	if err != nil {
		return nil, fmt.Errorf("PDF 交叉引用表无法读取：%w", err)
	}
	type obj struct{ num, start, end int }
	objs := make([]obj, 0, len(offsets))
	for num, off := range offsets {
		objs = append(objs, obj{num: num + 1, start: off})
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].start < objs[j].start })
	for i := range objs {
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].start
		} else {
			objs[i].end = xrefAt
		}
	}

	var out bytes.Buffer
	out.Write(pdf[:objs[0].start])
	newOff := make([]int, len(offsets))
	for _, o := range objs {
		newOff[o.num-1] = out.Len()
		chunk := pdf[o.start:o.end]
		if bytes.Contains(chunk, []byte("/CIDInit /ProcSet findresource")) && wideEntry.Match(chunk) {
			chunk, err = fixCMapObject(chunk)
			if err != nil {
				return nil, err
			}
		}
		out.Write(chunk)
	}
	xrefStart := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range newOff {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	// the trailer as gopdf wrote it, with the new position of the table
	trailer := pdf[bytes.Index(pdf[xrefAt:], []byte("trailer"))+xrefAt:]
	sx := bytes.LastIndex(trailer, []byte("startxref"))
	if sx < 0 {
		return nil, errors.New("PDF 缺少 startxref")
	}
	out.Write(trailer[:sx])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", xrefStart)
	return out.Bytes(), nil
}

// fixCMapObject rewrites the wide entries of one ToUnicode stream object and its /Length.
func fixCMapObject(chunk []byte) ([]byte, error) {
	s := bytes.Index(chunk, []byte("stream\n"))
	e := bytes.LastIndex(chunk, []byte("endstream"))
	if s < 0 || e < s {
		return nil, errors.New("ToUnicode 对象格式不符")
	}
	data := wideEntry.ReplaceAllFunc(chunk[s+len("stream\n"):e], func(m []byte) []byte {
		sub := wideEntry.FindSubmatch(m)
		cp, _ := strconv.ParseUint(string(sub[2]), 16, 32)
		c := cp - 0x10000
		hi, lo := 0xD800+(c>>10), 0xDC00+(c&0x3FF)
		return fmt.Appendf(append([]byte(nil), sub[1]...), "<%04X%04X>", hi, lo)
	})
	head := regexp.MustCompile(`/Length \d+`).ReplaceAll(chunk[:s], fmt.Appendf(nil, "/Length %d", len(data)))
	var b bytes.Buffer
	b.Write(head)
	b.WriteString("stream\n")
	b.Write(data)
	b.Write(chunk[e:])
	return b.Bytes(), nil
}

// readXref reads the classic cross-reference table gopdf writes: the offset
// of every object, numbered from 1, and where the table starts.
func readXref(pdf []byte) ([]int, int, error) {
	sx := bytes.LastIndex(pdf, []byte("startxref"))
	if sx < 0 {
		return nil, 0, errors.New("缺少 startxref")
	}
	f := bytes.Fields(pdf[sx+len("startxref"):])
	if len(f) == 0 {
		return nil, 0, errors.New("startxref 后没有位置")
	}
	at, err := strconv.Atoi(string(f[0]))
	if err != nil || at < 0 || at >= len(pdf) {
		return nil, 0, errors.New("startxref 位置无效")
	}
	fields := bytes.Fields(pdf[at:])
	if len(fields) < 3 || string(fields[0]) != "xref" || string(fields[1]) != "0" {
		return nil, 0, errors.New("不是交叉引用表")
	}
	n, err := strconv.Atoi(string(fields[2]))
	if err != nil || n < 1 || len(fields) < 3+3*n {
		return nil, 0, errors.New("交叉引用表不完整")
	}
	offsets := make([]int, 0, n-1)
	for i := 1; i < n; i++ { // entry 0 is the free head
		off, err := strconv.Atoi(string(fields[3+3*i]))
		if err != nil || off <= 0 || off >= at {
			return nil, 0, fmt.Errorf("第 %d 项位置无效", i)
		}
		offsets = append(offsets, off)
	}
	return offsets, at, nil
}
