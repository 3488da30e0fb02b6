package layout

import "nianbao/data/linebreak"

// Glyph is one character placed in a line: its face (an index into the font
// set), its size and its advance width in points at that size.
type Glyph struct {
	R    rune
	Face int
	Size float64
	W    float64
	Bold bool
}

// Line is one line of a broken paragraph: glyphs [Start, End), with the
// surrounding spaces left out.
type Line struct {
	Start, End int
	Natural    float64 // width with the normal spacing
}

// Break splits gs into lines: the first at most first points wide, the others
// at most rest. track is the spacing added between two glyphs of a line.
// Lines break only where linebreak.CanBreak allows; a unit wider than a whole line (a
// long web address) is cut where it must be.
func Break(gs []Glyph, first, rest, track float64) []Line {
	rs := make([]rune, len(gs))
	for i, g := range gs {
		rs[i] = g.R
	}
	var lines []Line
	start := 0
	for start < len(gs) {
		for start < len(gs) && linebreak.IsSpace(gs[start].R) {
			start++
		}
		if start == len(gs) {
			break
		}
		limit := rest
		if len(lines) == 0 {
			limit = first
		}
		const eps = 0.01
		end, lastBreak := start, -1
		w := 0.0
		for end < len(gs) {
			nw := w + gs[end].W
			if end > start {
				nw += track
			}
			if nw > limit+eps && !linebreak.IsSpace(gs[end].R) {
				break
			}
			w = nw
			end++
			if end == len(gs) || linebreak.CanBreak(rs, end) {
				lastBreak = end
			}
		}
		switch {
		case end == len(gs):
			lastBreak = end
		case lastBreak < 0: // nothing breakable fits: cut where the rules allow, else where it must
			lastBreak = end
			for p := end; p > start+1; p-- {
				if !linebreak.NoStart(rs[p]) && !linebreak.NoEnd(rs[p-1]) {
					lastBreak = p
					break
				}
			}
			if lastBreak == start {
				lastBreak = start + 1
			}
		}
		e := lastBreak
		for e > start && linebreak.IsSpace(gs[e-1].R) {
			e--
		}
		lines = append(lines, Line{Start: start, End: e, Natural: natural(gs[start:e], track)})
		start = lastBreak
	}
	return lines
}

// natural is the width of gs set with track between glyphs.
func natural(gs []Glyph, track float64) float64 {
	if len(gs) == 0 {
		return 0
	}
	w := track * float64(len(gs)-1)
	for _, g := range gs {
		w += g.W
	}
	return w
}

// JustifySpacing returns the spacing between glyphs that makes gs exactly
// width wide (两端对齐): the slack shared over the gaps between characters.
func JustifySpacing(gs []Glyph, width float64) float64 {
	if len(gs) < 2 {
		return 0
	}
	w := 0.0
	for _, g := range gs {
		w += g.W
	}
	return (width - w) / float64(len(gs)-1)
}
