package pdf

import (
	"sort"
	"strings"
	"unicode"

	"nianbao/data/intake"
)

// line is a run of glyphs on one baseline, left to right.
type line struct {
	page           int
	glyphs         []glyph
	x0, y0, x1, y1 float64
	size           float64 // the line's character height: its tallest glyph
}

// buildLines groups glyphs into lines: a glyph belongs to the line it
// overlaps vertically by more than half its height. Glyphs are taken top to
// bottom, so a line's neighbours are the lines found last. Characters of full
// height make the lines first; a small one (一, “, 。 where the file gives
// only its ink's box) then joins the line whose band holds its middle, so
// that it never starts a line of its own beside its line.
func buildLines(page int, gs []glyph) []*line {
	sorted := make([]glyph, len(gs))
	copy(sorted, gs)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].cy() < sorted[j].cy() })
	hs := make([]float64, len(sorted))
	for i, g := range sorted {
		hs[i] = g.height()
	}
	tall := 0.6 * median(hs)
	var lines []*line
	var small []glyph
	for _, g := range sorted {
		if g.height() < tall {
			small = append(small, g)
			continue
		}
		lines = addToLines(lines, page, g)
	}
	if len(small) > 0 {
		sort.SliceStable(lines, func(i, j int) bool { return lines[i].y0 < lines[j].y0 })
		var rest []glyph
		for _, g := range small {
			if l := bandOf(lines, g); l != nil {
				l.add(g)
			} else {
				rest = append(rest, g)
			}
		}
		for _, g := range rest {
			lines = addToLines(lines, page, g)
		}
	}
	for _, l := range lines {
		sort.SliceStable(l.glyphs, func(i, j int) bool { return l.glyphs[i].x0 < l.glyphs[j].x0 })
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].y0 < lines[j].y0 })
	return lines
}

// addToLines puts g into one of the last lines found, or starts a line.
func addToLines(lines []*line, page int, g glyph) []*line {
	for k := len(lines) - 1; k >= 0 && k >= len(lines)-4; k-- {
		l := lines[k]
		ov := min(l.y1, g.y1) - max(l.y0, g.y0)
		if ov > 0.5*min(g.height(), l.y1-l.y0) && !overlapsX(l, g) {
			l.add(g)
			return lines
		}
	}
	return append(lines, &line{page: page, x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1, size: g.height(), glyphs: []glyph{g}})
}

// bandOf finds the line (lines sorted by their top) whose band holds g's
// middle and where g lies on no other character; nil for none.
func bandOf(lines []*line, g glyph) *line {
	y := g.cy()
	i := sort.Search(len(lines), func(i int) bool { return lines[i].y0 > y })
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if l := lines[k]; y <= l.y1 && !overlapsX(l, g) {
			return l
		}
	}
	return nil
}

// overlapsX says whether g lies on top of a glyph of l (the same character
// printed twice, as "fake bold" does, or stacked characters of vertical text).
func overlapsX(l *line, g glyph) bool {
	for _, h := range l.glyphs {
		if min(h.x1, g.x1)-max(h.x0, g.x0) > 0.6*min(h.x1-h.x0, g.x1-g.x0) {
			return !(h.r == g.r) // a character drawn twice joins its twin (and is dropped in text)
		}
	}
	return false
}

func (l *line) add(g glyph) {
	l.glyphs = append(l.glyphs, g)
	l.x0, l.x1 = min(l.x0, g.x0), max(l.x1, g.x1)
	l.y0, l.y1 = min(l.y0, g.y0), max(l.y1, g.y1)
	l.size = max(l.size, g.height())
}

// cjk says whether r is written without spaces around it: Chinese
// characters and full-width punctuation.
func cjk(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) ||
		(r >= 0x2010 && r <= 0x2027) || r == '“' || r == '”' || r == '‘' || r == '’' || r == '·'
}

// spaced says whether a space is printed between glyphs a and b of a line
// of characters size high: where the file has a space typed there (reports
// do write "2023 年"); else only between letters and digits of Western text,
// never next to a Chinese character, where PDFium saw a space or the gap is
// as wide as one (a gap beside a Chinese character is the justification of
// the line, not a space).
func spaced(a, b *glyph, size float64) bool {
	if a.typedSpace {
		return true
	}
	return !cjk(a.r) && !cjk(b.r) && (a.spaceAfter || b.x0-a.x1 > 0.2*size)
}

// runs gives the line's text in runs of the same weight. A character printed
// twice on itself is written once.
func (l *line) runs() []intake.Run {
	var out []intake.Run
	var b strings.Builder
	bold := false
	var prev *glyph
	for i := range l.glyphs {
		g := &l.glyphs[i]
		if prev != nil && g.r == prev.r && g.x0 < prev.x1-0.3*(prev.x1-prev.x0) {
			continue
		}
		if prev != nil && spaced(prev, g, l.size) {
			b.WriteByte(' ')
		}
		if g.bold != bold && b.Len() > 0 {
			out = append(out, intake.Run{Text: b.String(), Bold: bold})
			b.Reset()
		}
		bold = g.bold
		b.WriteRune(g.r)
		prev = g
	}
	// A space typed at the end of a line, where the line wrapped, stands
	// between this line's last word and the next line's first.
	if prev != nil && prev.typedSpace {
		b.WriteByte(' ')
	}
	if b.Len() > 0 {
		out = append(out, intake.Run{Text: b.String(), Bold: bold})
	}
	return out
}

// text is the line's text without marks.
func (l *line) text() string {
	var b strings.Builder
	for _, r := range l.runs() {
		b.WriteString(r.Text)
	}
	return b.String()
}

// joinRuns appends a wrapped line's runs to a paragraph's: nothing between
// them, but a space between two Western words.
func joinRuns(to, more []intake.Run) []intake.Run {
	if len(to) == 0 {
		return append(to, more...)
	}
	if len(more) == 0 {
		return to
	}
	last := to[len(to)-1]
	lr := []rune(last.Text)
	fr := []rune(more[0].Text)
	if len(lr) > 0 && len(fr) > 0 && latin(lr[len(lr)-1]) && latin(fr[0]) {
		to[len(to)-1].Text += " "
	}
	for _, r := range more {
		if n := len(to); n > 0 && to[n-1].Bold == r.Bold {
			to[n-1].Text += r.Text
			continue
		}
		to = append(to, r)
	}
	return to
}

func latin(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }
