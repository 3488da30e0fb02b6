package apptheme

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The window's everyday faces are the bundled fonts cut down to the
// characters of GB2312 (the 6 763 common hanzi and its symbols) and of
// Latin text: about a fifth of the glyphs, so Fyne parses them in a fifth of
// the time and memory. A text with a character beyond them (a rare hanzi in
// a name: 堃, 喆, 𠮷) makes the window switch to the full fonts.

// uiRanges are the non-GB2312 ranges the cut-down faces keep.
var uiRanges = [][2]rune{
	{0x20, 0x7e},     // ASCII
	{0xa0, 0xff},     // Latin-1
	{0x2000, 0x206f}, // general punctuation
	{0x3000, 0x303f}, // CJK symbols and punctuation
	{0xff00, 0xffef}, // full-width forms
}

// uiRunes is the character set of the cut-down faces, as a bitmap of the BMP.
var uiRunes = sync.OnceValue(func() *[1 << 16 / 64]uint64 {
	var set [1 << 16 / 64]uint64
	add := func(r rune) { set[r/64] |= 1 << (r % 64) }
	for _, rg := range uiRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			add(r)
		}
	}
	dec := simplifiedchinese.GBK.NewDecoder()
	for hi := 0xa1; hi <= 0xf7; hi++ {
		for lo := 0xa1; lo <= 0xfe; lo++ {
			b, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			if err != nil {
				continue
			}
			if r, _ := utf8.DecodeRune(b); r != utf8.RuneError && r < 1<<16 {
				add(r)
			}
		}
	}
	return &set
})

// inUISet reports whether the cut-down faces have r; control characters
// (new lines, tabs) draw nothing and need no face.
func inUISet(r rune) bool {
	if r < 0x20 || r == 0x7f {
		return true
	}
	return r < 1<<16 && uiRunes()[r/64]&(1<<(r%64)) != 0
}
