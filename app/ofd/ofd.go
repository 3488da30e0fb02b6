// Package ofd writes a report as OFD (GB/T 33190-2016), the national
// fixed-layout format that Chinese document and archive systems take beside
// PDF. It writes the pages app/paper/layout lays out for the PDF, box for
// box: every text run a TextObject with the layout's letter positions as
// DeltaX, every table rule a PathObject, every 图解 an ImageObject, and the
// fonts embedded as TrueType subsets cut by the same subsetter as the PDF's.
// So the OFD and the PDF of a report are the same document: the same line
// breaks, page breaks and page numbers.
package ofd

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"nianbao/app/buildinfo"
	"nianbao/app/charts"
	"nianbao/app/job"
	"nianbao/app/paper/fonts"
	"nianbao/app/paper/layout"
	"nianbao/data/report"
)

// Result is a report written as OFD.
type Result struct {
	OFD     []byte
	Pages   int
	Figures int              // the 图解 after the report
	Missing []layout.Missing // characters no font has, shown as the font's empty box
}

// ns is the namespace of every XML part (GB/T 33190-2016 §7).
const ns = `xmlns:ofd="http://www.ofdspec.org/2016"`

// Write lays the report of in out as the PDF does (the same fonts for
// in.Fonts, the 图解 each on a page of its own when in.Charts) and writes
// the OFD. The same report and fonts give the same bytes: the creation date
// is 31 December of the report's year, as in the PDF.
func Write(in *job.Input) (*Result, error) {
	if in == nil || in.Report == nil {
		return nil, errors.New("没有要生成 OFD 的年报")
	}
	doc, set, pngs, err := lay(in)
	if err != nil {
		return nil, err
	}
	b, err := write(in.Report, doc, set, pngs)
	if err != nil {
		return nil, err
	}
	return &Result{OFD: b, Pages: len(doc.Pages), Figures: len(pngs), Missing: doc.Missing}, nil
}

// lay lays in out with the PDF's fonts and, when asked, its 图解 as PNG.
func lay(in *job.Input) (*layout.Doc, *fonts.Set, [][]byte, error) {
	set, err := fontSet(in)
	if err != nil {
		return nil, nil, nil, err
	}
	cs, err := in.DrawCharts()
	if err != nil {
		return nil, nil, nil, err
	}
	pngs := make([][]byte, len(cs))
	lf := make([]layout.Figure, len(cs))
	for i := range cs {
		if pngs[i], err = cs[i].PNG(); err != nil {
			return nil, nil, nil, fmt.Errorf("图%d 无法绘制：%w", i+1, err)
		}
		// the caption and size of the PDF's figures (app/paper)
		lf[i] = layout.Figure{Caption: fmt.Sprintf("图%d　%s", i+1, cs[i].Alt), Aspect: float64(charts.Height) / charts.Width}
	}
	doc := layout.LayoutPrinted(in.Printed(), set)
	layout.AddFigures(doc, set, lf)
	return doc, set, pngs, nil
}

// fontSet is the PDF's choice of fonts (app/paper.NewRenderer): the bundled
// faces, with the official ones of this machine in their roles for FontsAuto.
func fontSet(in *job.Input) (*fonts.Set, error) {
	set, err := fonts.Bundled()
	if err != nil {
		return nil, err
	}
	if in.Fonts == job.FontsAuto {
		found := fonts.Discover(append(slices.Clone(in.FontDirs), fonts.SystemDirs()...))
		set = set.WithOfficial(found.Faces)
	}
	return set, nil
}

// ids hands out the document's unit IDs, 1, 2, 3 …; the last is MaxUnitID.
type ids struct{ last int }

func (n *ids) next() int { n.last++; return n.last }

// pkg is the OFD being written: its zip and what the parts refer to.
type pkg struct {
	zw   *zip.Writer
	when time.Time
	ids  ids
	font []int // unit ID of each face of the set in use, 0 for a face not used
}

func write(r *report.Report, doc *layout.Doc, set *fonts.Set, pngs [][]byte) ([]byte, error) {
	var buf bytes.Buffer
	p := &pkg{zw: zip.NewWriter(&buf), when: time.Date(r.Year, 12, 31, 12, 0, 0, 0, time.UTC)}
	// the pages' XML compresses well at the fastest level; the fonts are
	// most of the size and gain little from a slower one
	p.zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	if err := p.put("OFD.xml", ofdXML(r, p.when)); err != nil {
		return nil, err
	}
	res, err := p.resources(doc, set, pngs)
	if err != nil {
		return nil, err
	}
	var pages strings.Builder
	for i, pg := range doc.Pages {
		id := p.ids.next()
		loc := fmt.Sprintf("Pages/Page_%d/Content.xml", i)
		fmt.Fprintf(&pages, `<ofd:Page ID="%d" BaseLoc="%s"/>`, id, loc)
		if err := p.put("Doc_0/"+loc, p.content(pg, set, res)); err != nil {
			return nil, err
		}
	}
	document := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<ofd:Document %s><ofd:CommonData><ofd:MaxUnitID>%d</ofd:MaxUnitID>`+
		`<ofd:PageArea><ofd:PhysicalBox>0 0 %s %s</ofd:PhysicalBox></ofd:PageArea>`+
		`<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>%s</ofd:Pages></ofd:Document>`,
		ns, p.ids.last, mm(layout.PageW), mm(layout.PageH), pages.String())
	if err := p.put("Doc_0/Document.xml", document); err != nil {
		return nil, err
	}
	if err := p.zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// put adds a part, deflated, with the document's date.
func (p *pkg) put(name string, text string) error { return p.putBytes(name, []byte(text)) }

func (p *pkg) putBytes(name string, data []byte) error {
	w, err := p.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: p.when})
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// ofdXML is the entry file: the document's information and where it is.
func ofdXML(r *report.Report, when time.Time) string {
	// the document's identifier, the same for the same report
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%s\x00%d", r.DisplayTitle(), r.Agency, r.Year)))
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<ofd:OFD %s Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>`, ns)
	fmt.Fprintf(&b, `<ofd:DocID>%s</ofd:DocID>`, hex.EncodeToString(sum[:16]))
	fmt.Fprintf(&b, `<ofd:Title>%s</ofd:Title>`, esc(r.DisplayTitle()))
	if r.Agency != "" {
		fmt.Fprintf(&b, `<ofd:Author>%s</ofd:Author>`, esc(r.Agency))
	}
	fmt.Fprintf(&b, `<ofd:CreationDate>%s</ofd:CreationDate>`, when.Format(time.DateOnly))
	fmt.Fprintf(&b, `<ofd:Creator>%s</ofd:Creator><ofd:CreatorVersion>%s</ofd:CreatorVersion>`, esc(buildinfo.Name), esc(buildinfo.Version))
	b.WriteString(`</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`)
	return b.String()
}

// resources writes the fonts in use as subsets and the pictures, and
// PublicRes.xml naming them; it returns the unit IDs of the pictures.
func (p *pkg) resources(doc *layout.Doc, set *fonts.Set, pngs [][]byte) ([]int, error) {
	runes := make([][]rune, len(set.Faces))
	for _, pg := range doc.Pages {
		for _, t := range pg.Texts {
			runes[t.Face] = append(runes[t.Face], []rune(t.S)...)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<ofd:Res %s BaseLoc="Res">`, ns)
	p.font = make([]int, len(set.Faces))
	opened := false
	for i, face := range set.Faces {
		if len(runes[i]) == 0 {
			continue
		}
		data, err := face.Subset(runes[i])
		if err != nil {
			return nil, fmt.Errorf("字体 %s 无法取子集：%w", face.Label, err)
		}
		p.font[i] = p.ids.next()
		file := fmt.Sprintf("font_%d.ttf", p.font[i])
		if err := p.putBytes("Doc_0/Res/"+file, data); err != nil {
			return nil, err
		}
		if !opened {
			b.WriteString(`<ofd:Fonts>`)
			opened = true
		}
		fmt.Fprintf(&b, `<ofd:Font ID="%d" FontName="%s" FamilyName="%s"><ofd:FontFile>%s</ofd:FontFile></ofd:Font>`,
			p.font[i], esc(face.Name), esc(face.Name), file)
	}
	if opened {
		b.WriteString(`</ofd:Fonts>`)
	}
	images := make([]int, len(pngs))
	if len(pngs) > 0 {
		b.WriteString(`<ofd:MultiMedias>`)
		for i, png := range pngs {
			images[i] = p.ids.next()
			file := fmt.Sprintf("image_%d.png", images[i])
			if err := p.putBytes("Doc_0/Res/"+file, png); err != nil {
				return nil, err
			}
			fmt.Fprintf(&b, `<ofd:MultiMedia ID="%d" Type="Image" Format="PNG"><ofd:MediaFile>%s</ofd:MediaFile></ofd:MultiMedia>`, images[i], file)
		}
		b.WriteString(`</ofd:MultiMedias>`)
	}
	b.WriteString(`</ofd:Res>`)
	return images, p.put("Doc_0/PublicRes.xml", b.String())
}

// content is the Content.xml of a page: one layer holding its text runs,
// rules and pictures, in the layout's order (the reading order).
func (p *pkg) content(pg layout.Page, set *fonts.Set, images []int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<ofd:Page %s><ofd:Content><ofd:Layer ID="%d">`, ns, p.ids.next())
	for _, t := range pg.Texts {
		p.text(&b, t, set.Faces[t.Face], p.font[t.Face])
	}
	for _, l := range pg.Rules {
		// the box holds the line and half its width on each side
		half := l.W / 2
		x0, y0 := min(l.X1, l.X2)-half, min(l.Y1, l.Y2)-half
		w, h := math.Abs(l.X2-l.X1)+l.W, math.Abs(l.Y2-l.Y1)+l.W
		fmt.Fprintf(&b, `<ofd:PathObject ID="%d" Boundary="%s %s %s %s" LineWidth="%s"><ofd:AbbreviatedData>M %s %s L %s %s</ofd:AbbreviatedData></ofd:PathObject>`,
			p.ids.next(), mm(x0), mm(y0), mm(w), mm(h), mm(l.W),
			mm(l.X1-x0), mm(l.Y1-y0), mm(l.X2-x0), mm(l.Y2-y0))
	}
	for _, im := range pg.Images {
		if im.Index < 0 || im.Index >= len(images) {
			continue
		}
		// an image is drawn into the unit square, which the CTM scales to its box
		fmt.Fprintf(&b, `<ofd:ImageObject ID="%d" Boundary="%s %s %s %s" CTM="%s 0 0 %s 0 0" ResourceID="%d"/>`,
			p.ids.next(), mm(im.X), mm(im.Y), mm(im.W), mm(im.H), mm(im.W), mm(im.H), images[im.Index])
	}
	b.WriteString(`</ofd:Layer></ofd:Content></ofd:Page>`)
	return b.String()
}

// text writes one run: its box from a size above the baseline to a half
// size below it, the first letter at the layout's x, each next one by the
// advance of the glyph before it plus the layout's spacing (PDF's Tc).
func (p *pkg) text(b *strings.Builder, t layout.Text, face *fonts.Face, font int) {
	rs := []rune(t.S)
	if len(rs) == 0 {
		return
	}
	deltas := make([]string, 0, len(rs)-1)
	width := 0.0
	for i, r := range rs {
		adv, ok := face.Advance(r)
		if !ok {
			adv = face.NotdefAdvance()
		}
		step := adv*t.Size + t.Spacing
		if i < len(rs)-1 {
			deltas = append(deltas, mm(step))
		}
		width += step
	}
	top := t.Y - t.Size
	fmt.Fprintf(b, `<ofd:TextObject ID="%d" Boundary="%s %s %s %s" Font="%d" Size="%s"><ofd:TextCode X="0" Y="%s"`,
		p.ids.next(), mm(t.X), mm(top), mm(max(width, 0)), mm(1.5*t.Size), font, mm(t.Size), mm(t.Size))
	if len(deltas) > 0 {
		fmt.Fprintf(b, ` DeltaX="%s"`, strings.Join(deltas, " "))
	}
	fmt.Fprintf(b, `>%s</ofd:TextCode></ofd:TextObject>`, esc(t.S))
}

// mm is a length in points as millimetres, to the micrometre.
func mm(pt float64) string {
	v := math.Round(pt/layout.MM*1000) / 1000
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// esc is s as XML character data or an attribute's value.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\t', '\n', '\r':
			// kept as references: an attribute's value would read them as spaces
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			if r < 0x20 || r == 0xFFFE || r == 0xFFFF {
				b.WriteRune('\uFFFD') // not allowed in XML 1.0
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
