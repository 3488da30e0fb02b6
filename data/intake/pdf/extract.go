package pdf

import (
	"fmt"
	"math"
	"strings"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/structs"
)

// glyph is one character as PDFium places it, in points from the page's
// top-left corner (PDF's own y runs upwards; it is turned here, once).
type glyph struct {
	r              rune
	x0, y0, x1, y1 float64
	bold           bool
	spaceAfter     bool // a space follows it (the file's or one PDFium puts at a gap)
	typedSpace     bool // the file itself has a space after it, as typed
}

func (g glyph) cx() float64     { return (g.x0 + g.x1) / 2 }
func (g glyph) cy() float64     { return (g.y0 + g.y1) / 2 }
func (g glyph) height() float64 { return g.y1 - g.y0 }

// rule is a drawn straight line of a page (a table's border): horizontal when
// y0 == y1, vertical when x0 == x1; x0 <= x1, y0 <= y1.
type rule struct{ x0, y0, x1, y1 float64 }

func (r rule) horizontal() bool { return r.y0 == r.y1 }

// rawPage is what PDFium gives of one page.
type rawPage struct {
	num    int // 1-based
	w, h   float64
	glyphs []glyph
	rules  []rule
	images int
}

// extractPage reads page index (0-based) of doc: its characters with boxes and
// bold, and the straight lines drawn on it.
func extractPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int, lim Limits) (*rawPage, error) {
	page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: index}}
	size, err := inst.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: doc, Index: index})
	if err != nil {
		return nil, err
	}
	p := &rawPage{num: index + 1, w: size.Width, h: size.Height}
	objs, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil {
		return nil, err
	}
	if objs.Count > lim.ObjectsPerPage {
		return nil, &pageError{page: p.num, what: "图形和文字对象过多", n: objs.Count, max: lim.ObjectsPerPage}
	}
	if err := p.addText(inst, page, lim); err != nil {
		return nil, err
	}
	for i := 0; i < objs.Count; i++ {
		if err := p.addObject(inst, page, i); err != nil {
			return nil, err
		}
		// Tables are found by pairing the lines: a page of more lines than
		// a table ever has would take that pairing beyond seconds.
		if len(p.rules) > lim.LinesPerPage {
			return nil, &pageError{page: p.num, what: "线条过多", n: len(p.rules), max: lim.LinesPerPage}
		}
	}
	return p, nil
}

// addText reads the page's characters. The box of a character is PDFium's
// "loose" box: the font's full height and the character's advance, so that
// the characters of a line share top and bottom whatever their shapes, and
// the gap between two is the space printed between them.
func (p *rawPage) addText(inst pdfium.Pdfium, page requests.Page, lim Limits) error {
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return err
	}
	if n.Count > lim.CharsPerPage {
		return &pageError{page: p.num, what: "文字过多", n: n.Count, max: lim.CharsPerPage}
	}
	p.glyphs = make([]glyph, 0, n.Count)
	index := make([]int, 0, n.Count) // each glyph's character index
	fonts := map[string]bool{}
	for i := 0; i < n.Count; i++ {
		g, ok, err := p.char(inst, tp.TextPage, i, fonts)
		if err != nil {
			return err
		}
		switch {
		case ok:
			p.glyphs = append(p.glyphs, g)
			index = append(index, i)
		case g.r == ' ' && len(p.glyphs) > 0:
			last := &p.glyphs[len(p.glyphs)-1]
			last.spaceAfter = true
			gen, err := inst.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: tp.TextPage, Index: i})
			if err != nil {
				return err
			}
			last.typedSpace = last.typedSpace || !gen.IsGenerated
		}
	}
	return p.placeOdd(inst, tp.TextPage, index)
}

// placeOdd looks again at the characters whose loose box is far larger than
// the page's usual one. In a vertical font (Identity-V, as WPS sets upright
// text in a narrow cell) the loose box is laid out as if the text ran
// across, many times the type size: there the character's own box is the
// place. The others keep their loose box (the line's height): asking every
// character for its own box would cost a tenth of a read.
func (p *rawPage) placeOdd(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE, index []int) error {
	hs := make([]float64, len(p.glyphs))
	for i, g := range p.glyphs {
		hs[i] = g.height()
	}
	usual := median(hs)
	kept := p.glyphs[:0]
	for k, g := range p.glyphs {
		if g.x1-g.x0 > 2.5*usual || g.height() > 2.5*usual {
			t, err := inst.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: tp, Index: index[k]})
			if err != nil {
				return err
			}
			tw, th := t.Right-t.Left, t.Top-t.Bottom
			if tw > 0 && th > 0 && (g.x1-g.x0 > 3*tw+2 || g.height() > 3*th+2) {
				g.x0, g.x1, g.y0, g.y1 = t.Left, t.Right, p.h-t.Top, p.h-t.Bottom
			}
		}
		if !(g.x1 > g.x0 && g.y1 > g.y0) || g.x1-g.x0 > p.w || g.y1-g.y0 > p.h {
			continue
		}
		kept = append(kept, g)
	}
	p.glyphs = kept
	return nil
}

// char reads character i. It is left out (ok false) when it is a space or a
// line end (spacing comes from the positions; a space is noted on the glyph
// before it) or turned at an angle (a watermark: body text is never set at a
// slant; vertical text in a table is set upright, character by character).
func (p *rawPage) char(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE, i int, fonts map[string]bool) (glyph, bool, error) {
	u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp, Index: i})
	if err != nil {
		return glyph{}, false, err
	}
	r := rune(u.Unicode)
	if r <= ' ' || r == 0xa0 || r == 0x3000 || r == 0xfffe || r == 0xfffd || r == 0xfeff || r > 0x10ffff {
		if r == ' ' || r == 0xa0 || r == 0x3000 {
			return glyph{r: ' '}, false, nil
		}
		return glyph{}, false, nil
	}
	a, err := inst.FPDFText_GetCharAngle(&requests.FPDFText_GetCharAngle{TextPage: tp, Index: i})
	if err != nil {
		return glyph{}, false, err
	}
	if ang := math.Mod(float64(a.CharAngle), 2*math.Pi); ang > 0.03 && ang < 2*math.Pi-0.03 {
		return glyph{}, false, nil
	}
	b, err := inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp, Index: i})
	if err != nil {
		return glyph{}, false, err
	}
	x0, x1 := float64(b.Rect.Left), float64(b.Rect.Right)
	y0, y1 := p.h-float64(b.Rect.Top), p.h-float64(b.Rect.Bottom)
	if !(x1 > x0 && y1 > y0) {
		return glyph{}, false, nil
	}
	bold, err := charBold(inst, tp, i, fonts)
	if err != nil {
		return glyph{}, false, err
	}
	return glyph{r: r, x0: x0, y0: y0, x1: x1, y1: y1, bold: bold}, true, nil
}

// charBold says whether character i is set in a bold face; fonts keeps the
// answer by font name and weight.
func charBold(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE, i int, fonts map[string]bool) (bool, error) {
	w, err := inst.FPDFText_GetFontWeight(&requests.FPDFText_GetFontWeight{TextPage: tp, Index: i})
	if err != nil {
		return false, err
	}
	f, err := inst.FPDFText_GetFontInfo(&requests.FPDFText_GetFontInfo{TextPage: tp, Index: i})
	if err != nil {
		return false, nil // no font: a generated character
	}
	key := fmt.Sprint(w.FontWeight, f.Flags, f.FontName)
	if b, ok := fonts[key]; ok {
		return b, nil
	}
	b := isBold(w.FontWeight, f.Flags, f.FontName)
	fonts[key] = b
	return b, nil
}

// isBold says whether a font is a bold face: by its weight where the file
// gives one, else by its name (Bold, Black, Heavy, 黑体/Hei: Chinese headings
// are set in 黑体 rather than in a bold 宋体).
func isBold(weight, flags int, name string) bool {
	const forceBold = 1 << 18 // the font descriptor's ForceBold flag
	if weight >= 600 || flags&forceBold != 0 {
		return true
	}
	name = strings.ToLower(name)
	if i := strings.IndexByte(name, '+'); i == 6 { // a subset's tag, ABCDEF+Name
		name = name[i+1:]
	}
	for _, w := range []string{"bold", "black", "heavy", "hei", "黑", "semibold", "demi"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// thin is how thick, in points, a filled rectangle may be to count as a drawn line.
const thin = 2.5

// addObject adds the lines drawn by page object i: stroked paths in a visible
// colour and thin filled bars (as Word and WPS draw borders). Filled areas
// (cell shading, white boxes behind text) are not lines.
func (p *rawPage) addObject(inst pdfium.Pdfium, page requests.Page, i int) error {
	o, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: i})
	if err != nil {
		return err
	}
	t, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: o.PageObject})
	if err != nil {
		return err
	}
	switch t.Type {
	case enums.FPDF_PAGEOBJ_IMAGE:
		p.images++
		return nil
	case enums.FPDF_PAGEOBJ_PATH:
	default:
		return nil
	}
	b, err := inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: o.PageObject})
	if err != nil {
		return nil // an empty path has no bounds
	}
	mode, err := inst.FPDFPath_GetDrawMode(&requests.FPDFPath_GetDrawMode{PageObject: o.PageObject})
	if err != nil {
		return err
	}
	x0, x1 := float64(b.Left), float64(b.Right)
	y0, y1 := p.h-float64(b.Top), p.h-float64(b.Bottom)
	w, h := x1-x0, y1-y0
	if mode.Stroke {
		c, err := inst.FPDFPageObj_GetStrokeColor(&requests.FPDFPageObj_GetStrokeColor{PageObject: o.PageObject})
		if err != nil || invisible(c.StrokeColor) {
			return nil
		}
		if w <= thin || h <= thin {
			p.addBar(x0, y0, x1, y1)
			return nil
		}
		return p.addSegments(inst, o.PageObject)
	}
	if mode.FillMode != enums.FPDF_FILLMODE_NONE && (w <= thin || h <= thin) {
		c, err := inst.FPDFPageObj_GetFillColor(&requests.FPDFPageObj_GetFillColor{PageObject: o.PageObject})
		if err != nil || invisible(c.FillColor) {
			return nil
		}
		p.addBar(x0, y0, x1, y1)
	}
	return nil
}

// invisible is white or transparent: drawn, but not seen on paper.
func invisible(c structs.FPDF_COLOR) bool {
	return c.A < 32 || (c.R > 240 && c.G > 240 && c.B > 240)
}

// addBar adds a thin box as the line along its middle.
func (p *rawPage) addBar(x0, y0, x1, y1 float64) {
	if x1-x0 >= y1-y0 {
		y := (y0 + y1) / 2
		p.rules = append(p.rules, rule{x0, y, x1, y})
	} else {
		x := (x0 + x1) / 2
		p.rules = append(p.rules, rule{x, y0, x, y1})
	}
}

// maxSegments bounds the segments read of one stroked path; a path with more
// is a drawing, not a table's border.
const maxSegments = 256

// addSegments adds the straight, level or upright pieces of a stroked path
// (a rectangle drawn with "re", or a grid drawn as one path).
func (p *rawPage) addSegments(inst pdfium.Pdfium, obj references.FPDF_PAGEOBJECT) error {
	n, err := inst.FPDFPath_CountSegments(&requests.FPDFPath_CountSegments{PageObject: obj})
	if err != nil || n.Count > maxSegments {
		return nil
	}
	m, err := inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: obj})
	if err != nil {
		return nil
	}
	var start, prev [2]float64
	have := false
	for i := 0; i < n.Count; i++ {
		s, err := inst.FPDFPath_GetPathSegment(&requests.FPDFPath_GetPathSegment{PageObject: obj, Index: i})
		if err != nil {
			return nil
		}
		pt, err := inst.FPDFPathSegment_GetPoint(&requests.FPDFPathSegment_GetPoint{PathSegment: s.PathSegment})
		if err != nil {
			return nil
		}
		ty, err := inst.FPDFPathSegment_GetType(&requests.FPDFPathSegment_GetType{PathSegment: s.PathSegment})
		if err != nil {
			return nil
		}
		cl, err := inst.FPDFPathSegment_GetClose(&requests.FPDFPathSegment_GetClose{PathSegment: s.PathSegment})
		if err != nil {
			return nil
		}
		q := p.transform(m.Matrix, float64(pt.X), float64(pt.Y))
		if ty.Type == enums.FPDF_SEGMENT_LINETO && have {
			p.addLine(prev, q)
		}
		if ty.Type == enums.FPDF_SEGMENT_MOVETO || !have {
			start = q
		}
		prev, have = q, true
		if cl.IsClose {
			p.addLine(prev, start)
			prev = start
		}
	}
	return nil
}

// transform maps a path's point to the page, top-left origin.
func (p *rawPage) transform(m structs.FPDF_FS_MATRIX, x, y float64) [2]float64 {
	px := float64(m.A)*x + float64(m.C)*y + float64(m.E)
	py := float64(m.B)*x + float64(m.D)*y + float64(m.F)
	return [2]float64{px, p.h - py}
}

// addLine adds the line from a to b when it is level or upright.
func (p *rawPage) addLine(a, b [2]float64) {
	dx, dy := math.Abs(a[0]-b[0]), math.Abs(a[1]-b[1])
	switch {
	case dy <= 0.5 && dx > 1:
		y := (a[1] + b[1]) / 2
		p.rules = append(p.rules, rule{math.Min(a[0], b[0]), y, math.Max(a[0], b[0]), y})
	case dx <= 0.5 && dy > 1:
		x := (a[0] + b[0]) / 2
		p.rules = append(p.rules, rule{x, math.Min(a[1], b[1]), x, math.Max(a[1], b[1])})
	}
}
