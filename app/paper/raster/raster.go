// Package raster draws laid-out pages as images: the same boxes (package
// layout) the PDF is written from, drawn with the same faces, for the
// window's preview. It draws text and rules in grey on white; it is not a
// PDF renderer and needs none.
package raster

import (
	"fmt"
	"image"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"nianbao/app/paper/fonts"
	"nianbao/app/paper/layout"
)

// maxCached bounds the glyph cache: a few thousand distinct characters at a
// few sizes is a whole report; past this the cache starts again.
const maxCached = 20000

// Painter draws pages with one set of faces. It keeps the rasterised glyphs
// between calls, so that drawing the pages again after an edit costs little.
// A Painter is used by one goroutine at a time.
type Painter struct {
	last   []drawn // the pages of the last Pages call
	faces  []*fonts.Face
	parsed []*opentype.Font
	sized  map[sizeKey]font.Face
	glyphs map[glyphKey]*glyph
}

type sizeKey struct {
	face int
	ppem int // size in 1/64 pixel
}

type glyphKey struct {
	sizeKey
	r    rune
	subX int // the dot's sub-pixel x position, in quarters of a pixel
}

// glyph is a coverage mask placed relative to the dot.
type glyph struct {
	mask   *image.Alpha
	offset image.Point // of the mask's top-left corner from the dot
}

// New returns a Painter for the faces a layout.Doc refers to by index.
func New(faces []*fonts.Face) *Painter {
	return &Painter{
		faces:  faces,
		parsed: make([]*opentype.Font, len(faces)),
		sized:  map[sizeKey]font.Face{},
		glyphs: map[glyphKey]*glyph{},
	}
}

// Size is the size in pixels of a page drawn at scale pixels per point.
func Size(scale float64) image.Point {
	return image.Pt(int(math.Ceil(layout.PageW*scale)), int(math.Ceil(layout.PageH*scale)))
}

// drawn is a page and its image.
type drawn struct {
	page  *layout.Page
	scale float64
	img   *image.Gray
}

// Pages draws every page of doc. A page whose boxes are those of a page
// drawn by the last call, at the same scale, gets that image again (images
// are never changed once drawn): after an edit only the pages it moved are
// drawn.
func (p *Painter) Pages(doc *layout.Doc, scale float64) ([]*image.Gray, error) {
	if len(p.last) > 0 && p.last[0].scale != scale {
		// The glyphs of the old scale are not drawn again (the pane was resized).
		clear(p.glyphs)
		clear(p.sized)
	}
	out := make([]*image.Gray, len(doc.Pages))
	next := make([]drawn, len(doc.Pages))
	for i := range doc.Pages {
		pg := &doc.Pages[i]
		if i < len(p.last) && p.last[i].scale == scale && samePage(p.last[i].page, pg) {
			out[i] = p.last[i].img
		} else {
			img, err := p.Page(pg, scale)
			if err != nil {
				return nil, err
			}
			out[i] = img
		}
		next[i] = drawn{pg, scale, out[i]}
	}
	p.last = next
	return out, nil
}

func samePage(a, b *layout.Page) bool {
	if len(a.Texts) != len(b.Texts) || len(a.Rules) != len(b.Rules) {
		return false
	}
	for i := range a.Texts {
		if a.Texts[i] != b.Texts[i] {
			return false
		}
	}
	for i := range a.Rules {
		if a.Rules[i] != b.Rules[i] {
			return false
		}
	}
	return true
}

// Page draws one page at scale pixels per point (1 is 72 dpi).
func (p *Painter) Page(pg *layout.Page, scale float64) (*image.Gray, error) {
	img := image.NewGray(image.Rectangle{Max: Size(scale)})
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for _, r := range pg.Rules {
		p.rule(img, r, scale)
	}
	for _, t := range pg.Texts {
		if err := p.text(img, t, scale); err != nil {
			return nil, err
		}
	}
	return img, nil
}

// rule draws a horizontal or vertical table border at least one pixel wide.
func (p *Painter) rule(img *image.Gray, r layout.Rule, scale float64) {
	w := math.Max(1, math.Round(r.W*scale))
	x1, y1 := r.X1*scale, r.Y1*scale
	x2, y2 := r.X2*scale, r.Y2*scale
	rect := image.Rect(int(math.Round(math.Min(x1, x2)-w/2)), int(math.Round(math.Min(y1, y2)-w/2)),
		int(math.Round(math.Max(x1, x2)+w/2)), int(math.Round(math.Max(y1, y2)+w/2)))
	if rect.Dx() < 1 {
		rect.Max.X = rect.Min.X + 1
	}
	if rect.Dy() < 1 {
		rect.Max.Y = rect.Min.Y + 1
	}
	rect = rect.Intersect(img.Rect)
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		row := img.Pix[y*img.Stride+rect.Min.X : y*img.Stride+rect.Max.X]
		for i := range row {
			row[i] = min(row[i], 0x30)
		}
	}
}

// text draws a run glyph by glyph at the positions the layout measured: each
// glyph's advance from the font's widths, plus the run's spacing.
func (p *Painter) text(img *image.Gray, t layout.Text, scale float64) error {
	if t.Face < 0 || t.Face >= len(p.faces) {
		return fmt.Errorf("版面引用了不存在的字体 %d", t.Face)
	}
	face := p.faces[t.Face]
	x := t.X
	y := int(math.Round(t.Y * scale))
	for _, r := range t.S {
		adv, ok := face.Advance(r)
		if !ok {
			adv = face.NotdefAdvance()
		}
		if r != ' ' && r != '\u3000' {
			g, err := p.glyph(t.Face, t.Size*scale, r, x*scale)
			if err != nil {
				return err
			}
			if g != nil {
				px := int(math.Floor(x * scale))
				draw(img, g, image.Pt(px, y))
			}
		}
		x += adv*t.Size + t.Spacing
	}
	return nil
}

// glyph returns the mask of r at ppem pixels, for a dot whose x is at
// pixel x (its fraction chooses one of four sub-pixel positions).
func (p *Painter) glyph(faceIdx int, ppem float64, r rune, x float64) (*glyph, error) {
	sk := sizeKey{faceIdx, int(math.Round(ppem * 64))}
	sub := int((x - math.Floor(x)) * 4)
	key := glyphKey{sk, r, sub}
	if g, ok := p.glyphs[key]; ok {
		return g, nil
	}
	f, err := p.sizedFace(sk)
	if err != nil {
		return nil, err
	}
	dot := fixed.Point26_6{X: fixed.Int26_6(sub * 16)}
	dr, mask, maskp, _, ok := f.Glyph(dot, r)
	var g *glyph
	if ok && !dr.Empty() {
		a := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
		src, isAlpha := mask.(*image.Alpha)
		for yy := 0; yy < dr.Dy(); yy++ {
			for xx := 0; xx < dr.Dx(); xx++ {
				if isAlpha {
					a.Pix[yy*a.Stride+xx] = src.AlphaAt(maskp.X+xx, maskp.Y+yy).A
				} else {
					_, _, _, al := mask.At(maskp.X+xx, maskp.Y+yy).RGBA()
					a.Pix[yy*a.Stride+xx] = uint8(al >> 8)
				}
			}
		}
		g = &glyph{mask: a, offset: dr.Min}
	}
	if len(p.glyphs) >= maxCached {
		p.glyphs = map[glyphKey]*glyph{}
	}
	p.glyphs[key] = g
	return g, nil
}

func (p *Painter) sizedFace(k sizeKey) (font.Face, error) {
	if f, ok := p.sized[k]; ok {
		return f, nil
	}
	if p.parsed[k.face] == nil {
		// read through the face's Reader: a bundled face's glyphs come from
		// the program file, not its mapped pages (see assets.Reader)
		fnt, err := opentype.ParseReaderAt(p.faces[k.face].Reader())
		if err != nil {
			return nil, fmt.Errorf("字体 %s 无法读取：%w", p.faces[k.face].Label, err)
		}
		p.parsed[k.face] = fnt
	}
	f, err := opentype.NewFace(p.parsed[k.face], &opentype.FaceOptions{
		Size: float64(k.ppem) / 64, DPI: 72, Hinting: font.HintingNone,
	})
	if err != nil {
		return nil, fmt.Errorf("字体 %s 无法使用：%w", p.faces[k.face].Label, err)
	}
	p.sized[k] = f
	return f, nil
}

// draw darkens img under the glyph's mask placed at the dot.
func draw(img *image.Gray, g *glyph, dot image.Point) {
	r := g.mask.Rect.Add(dot.Add(g.offset)).Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		my := y - dot.Y - g.offset.Y
		mrow := g.mask.Pix[my*g.mask.Stride:]
		row := img.Pix[y*img.Stride:]
		for x := r.Min.X; x < r.Max.X; x++ {
			a := uint32(mrow[x-dot.X-g.offset.X])
			if a == 0 {
				continue
			}
			row[x] = uint8(uint32(row[x]) * (255 - a) / 255)
		}
	}
}
