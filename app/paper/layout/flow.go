package layout

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"nianbao/app/paper/fonts"
	"nianbao/data/linebreak"
)

// baseline returns the baseline of a line of the given size set in a slot
// of height h whose top is at top: the ideographic em box centred in the slot
// (the CJK em box reaches 0.88 em above the baseline and 0.12 em below).
func baseline(top, h, size float64) float64 { return top + (h-size)/2 + 0.88*size }

// flow places blocks down the pages.
type flow struct {
	set     *fonts.Set
	doc     *Doc
	page    *Page
	y       float64 // top of the next slot, from the top of the page
	fresh   bool    // nothing placed on this page yet
	missing map[Missing]bool
	ref     Ref // what the boxes placed now show
}

func newFlow(set *fonts.Set) *flow {
	f := &flow{set: set, doc: &Doc{Roles: make([]bool, fonts.NumRoles)}, missing: map[Missing]bool{}}
	for _, face := range set.Faces {
		f.doc.Faces = append(f.doc.Faces, face.Name)
	}
	f.newPage()
	return f
}

func (f *flow) newPage() {
	f.doc.Pages = append(f.doc.Pages, Page{Number: len(f.doc.Pages) + 1})
	f.page = &f.doc.Pages[len(f.doc.Pages)-1]
	f.y = Top
	f.fresh = true
}

const bottom = Top + AreaH
const eps = 0.01

func (f *flow) remaining() float64 { return bottom - f.y }

// ensure starts a new page unless h points fit below the cursor.
func (f *flow) ensure(h float64) {
	if !f.fresh && f.remaining() < h-eps {
		f.newPage()
	}
}

// snap moves the cursor down to the next line of the page's grid, where
// the body text stands (after a table, whose rows are not on the grid).
func (f *flow) snap() {
	n := math.Ceil((f.y-Top)/Pitch - eps)
	f.y = Top + n*Pitch
	if f.y > bottom-Pitch+eps {
		f.newPage()
	}
}

// shape turns text into glyphs of the role's face, borrowing from the other
// faces a character the role's face lacks, and noting a character no face has.
func (f *flow) shape(text string, role fonts.Role, size float64, where string) []Glyph {
	gs := make([]Glyph, 0, len(text)/2)
	if strings.TrimSpace(text) != "" && where != "" {
		f.doc.Roles[role] = true
	}
	for _, r := range text {
		if r == '\t' || r == '\n' || r == '\r' {
			r = ' '
		}
		i, ok := f.set.Resolve(role, r)
		face := f.set.Faces[i]
		var w float64
		if ok {
			adv, _ := face.Advance(r)
			w = adv * size
		} else {
			w = face.NotdefAdvance() * size
			m := Missing{Char: r, Where: where}
			if where != "" && !f.missing[m] {
				f.missing[m] = true
				f.doc.Missing = append(f.doc.Missing, m)
			}
		}
		gs = append(gs, Glyph{R: r, Face: i, Size: size, W: w, Bold: role == fonts.RoleBold})
	}
	return gs
}

// emit adds the glyphs of one line as text boxes starting at x on the
// baseline y, with spacing added after every glyph; a new box starts
// wherever the face or size changes.
func (f *flow) emit(gs []Glyph, x, y, spacing float64) {
	var b strings.Builder
	startX, x0 := x, x
	for i, g := range gs {
		if i > 0 && (g.Face != gs[i-1].Face || g.Size != gs[i-1].Size) {
			f.addText(startX, y, gs[i-1], spacing, b.String())
			b.Reset()
			startX = x
		}
		b.WriteRune(g.R)
		x += g.W + spacing
	}
	if len(gs) > 0 {
		f.addText(startX, y, gs[len(gs)-1], spacing, b.String())
		size := gs[0].Size
		f.addArea(x0, y-0.88*size, x-x0, size)
	}
}

func (f *flow) addArea(x, y, w, h float64) {
	f.page.Areas = append(f.page.Areas, Area{X: x, Y: y, W: w, H: h, Ref: f.ref})
}

func (f *flow) addText(x, y float64, g Glyph, spacing float64, s string) {
	f.page.Texts = append(f.page.Texts, Text{X: round(x), Y: round(y), Face: g.Face, Size: g.Size, Spacing: round4(spacing), S: s})
}

func (f *flow) addRule(x1, y1, x2, y2 float64) {
	f.page.Rules = append(f.page.Rules, Rule{X1: round(x1), Y1: round(y1), X2: round(x2), Y2: round(y2), W: RuleWidth})
}

// round keeps positions to 1/1000 pt: finer than any printer, and stable in
// the golden files across floating-point noise.
func round(v float64) float64  { return math.Round(v*1000) / 1000 }
func round4(v float64) float64 { return math.Round(v*10000) / 10000 }

// paragraph sets body-sized glyphs on the grid: the first line indented two
// characters, the others flush left, every line but the last justified.
// keepNext is the height that must follow the last line on the same page
// (a heading keeps with what it heads).
func (f *flow) paragraph(gs []Glyph, keepNext float64) {
	indent := 2 * (BodySize + Track)
	lines := Break(gs, AreaW-indent, AreaW, Track)
	if keepNext > 0 {
		f.ensure(float64(len(lines))*Pitch + keepNext)
	}
	for i, ln := range lines {
		if f.remaining() < Pitch-eps {
			f.newPage()
		}
		x, width := Left, AreaW
		if i == 0 {
			x, width = Left+indent, AreaW-indent
		}
		line := gs[ln.Start:ln.End]
		spacing := Track
		if i < len(lines)-1 && ln.Natural < width+eps {
			spacing = JustifySpacing(line, width)
		}
		f.emit(line, x, baseline(f.y, Pitch, BodySize), spacing)
		f.y += Pitch
		f.fresh = false
	}
}

// title sets the report's title: 2号, centred, in balanced lines. A title that
// does not fit one line breaks after the agency's name (中卫市民政局 /
// 2023年政府信息公开工作年度报告), and a part still too long is broken into
// lines of equal length (梯形 or 菱形, as GB/T 9704 wants).
func (f *flow) title(text, agency string) {
	const titlePitch = 36
	whole := f.shape(text, fonts.RoleTitle, TitleSize, "标题")
	var parts [][]Glyph
	if natural(whole, 0) <= AreaW+eps {
		parts = [][]Glyph{whole}
	} else {
		cut := -1
		rs := []rune(text)
		if a := []rune(strings.TrimSpace(agency)); len(a) > 0 && strings.HasPrefix(text, string(a)) && len(a) < len(rs) {
			cut = len(a)
		} else if i := strings.Index(text, "政府信息公开工作年度报告"); i > 0 {
			cut = len([]rune(text[:i]))
		}
		if cut > 0 {
			parts = [][]Glyph{whole[:cut], whole[cut:]}
		} else {
			parts = [][]Glyph{whole}
		}
	}
	for _, p := range parts {
		for _, ln := range titleLines(p, AreaW) {
			line := p[ln.Start:ln.End]
			x := Left + (AreaW-ln.Natural)/2
			f.emit(line, x, baseline(f.y, titlePitch, TitleSize), 0)
			f.y += titlePitch
			f.fresh = false
		}
	}
	f.y += Pitch // a blank line under the title
	f.snap()
}

// nameEnds are the endings of the parts of an agency's name, where a title
// too long for one line breaks best: 示例市人民政府办公厅 / 政务公开办公室.
var nameEnds = []string{"人民政府", "办公厅", "办公室", "委员会", "街道办事处", "中心", "省", "市", "区", "县", "州", "盟", "旗", "厅", "局", "委", "部", "署", "院", "镇", "乡", "处", "会"}

// titleLines breaks a part of the title: on one line when it fits, else on
// two lines at the end of a part of the name that gives the most even lines,
// else into balanced lines.
func titleLines(gs []Glyph, width float64) []Line {
	if natural(gs, 0) <= width+eps {
		return Break(gs, width, width, 0)
	}
	rs := make([]rune, len(gs))
	// widths[i] is the width of gs[:i]: each candidate cut costs O(1), so the
	// search is linear in the length of the title.
	widths := make([]float64, len(gs)+1)
	for i, g := range gs {
		rs[i] = g.R
		widths[i+1] = widths[i] + g.W
	}
	total := widths[len(gs)]
	best, bestW := -1, width+eps
	for i := 1; i < len(rs); i++ {
		if !endsName(rs[:i]) || !linebreak.CanBreak(rs, i) || hasPrefix(rs[i:], "人民政府") {
			continue
		}
		if w := max(widths[i], total-widths[i]); w < bestW {
			best, bestW = i, w
		}
	}
	if best > 0 {
		return []Line{{Start: 0, End: best, Natural: natural(gs[:best], 0)}, {Start: best, End: len(gs), Natural: natural(gs[best:], 0)}}
	}
	return balanced(gs, width)
}

// endsName reports whether rs ends with one of nameEnds.
func endsName(rs []rune) bool {
	for _, e := range nameEnds {
		if hasSuffix(rs, e) {
			return true
		}
	}
	return false
}

func hasSuffix(rs []rune, s string) bool {
	n := utf8.RuneCountInString(s)
	return len(rs) >= n && string(rs[len(rs)-n:]) == s
}

func hasPrefix(rs []rune, s string) bool {
	n := utf8.RuneCountInString(s)
	return len(rs) >= n && string(rs[:n]) == s
}

// balanced breaks gs into as few lines as width allows, then narrows the
// measure while the count of lines stays the same, so the lines come out of
// about equal length.
func balanced(gs []Glyph, width float64) []Line {
	lines := Break(gs, width, width, 0)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := 0.0, width
	best := lines
	for i := 0; i < 20; i++ {
		mid := (lo + hi) / 2
		try := Break(gs, mid, mid, 0)
		if len(try) == len(lines) {
			hi, best = mid, try
		} else {
			lo = mid
		}
	}
	return best
}

// heading sets a part heading (黑体) or a section heading (楷体) on its own
// line, indented two characters like a paragraph, kept with what follows.
func (f *flow) heading(text string, role fonts.Role, where string, keepNext float64) {
	text = strings.ReplaceAll(text, "**", "")
	gs := f.shape(strings.TrimSpace(text), role, BodySize, where)
	f.paragraph(gs, keepNext)
}

// pageNumbers puts "— n —" under every page (GB/T 9704 §7.5): 4号, 7 mm below
// the type area, odd pages at the right and even pages at the left, one
// character in from the edge of the type area.
func (f *flow) pageNumbers() { f.pageNumbersFrom(0) }

// pageNumbersFrom numbers the pages from the first-th on.
func (f *flow) pageNumbersFrom(first int) {
	for i := first; i < len(f.doc.Pages); i++ {
		p := &f.doc.Pages[i]
		f.page = p
		gs := f.shape(fmt.Sprintf("— %d —", p.Number), fonts.RolePageNumber, PageNumSize, "页码")
		w := natural(gs, 0)
		const char = AreaW / CharsPerLine
		x := Left + char
		if p.Number%2 == 1 {
			x = Left + AreaW - char - w
		}
		// the dash (一字线) sits about 0.3 em above the baseline
		f.emit(gs, x, bottom+7*MM+0.3*PageNumSize, 0)
	}
}
