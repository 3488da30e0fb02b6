// Package paper prints a report: a PDF laid out as an official document after
// GB/T 9704-2012 (A4, 3号 body on a 22-line grid, the three tables of the
// national format with their merged cells, page numbers "— 1 —"), with the
// Chinese fonts embedded as subsets.
//
// The layout is in package layout (report → measured boxes), the fonts in
// package fonts; this package chooses the fonts and writes the boxes with gopdf.
package paper

import (
	"compress/zlib"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/signintech/gopdf"

	"nianbao/app/buildinfo"
	"nianbao/app/job"
	"nianbao/app/paper/fonts"
	"nianbao/app/paper/layout"
	"nianbao/data/report"
)

// MissingGlyph is a character that none of the fonts can draw, and where it
// stands, in Chinese: "一、总体情况（一）第2段". The PDF shows the font's
// empty-box glyph in its place; text extraction still yields the character.
type MissingGlyph struct {
	Char  rune
	Where string
}

// Result is a printed report.
type Result struct {
	PDF       []byte
	Pages     int
	FontsUsed []string // "正文：仿宋（C:\Windows\Fonts\simfang.ttf）", one line a role
	Missing   []MissingGlyph
	Figures   int // the 图解 printed after the report
}

// Renderer prints reports with one set of fonts, found and read once. Render
// does not change it, so one Renderer may serve several goroutines; the
// window keeps one for its previews, the command line makes one per run.
type Renderer struct {
	set   *fonts.Set
	notes []string // system fonts found but not usable
}

// NewRenderer reads the bundled fonts and, with job.FontsAuto, looks for the
// official faces in dirs and the system's font folders.
func NewRenderer(choice job.FontChoice, dirs []string) (*Renderer, error) {
	set, err := fonts.Bundled()
	if err != nil {
		return nil, err
	}
	rd := &Renderer{set: set}
	if choice == job.FontsAuto {
		found := fonts.Discover(append(slices.Clone(dirs), fonts.SystemDirs()...))
		rd.set = set.WithOfficial(found.Faces)
		rd.notes = found.Skipped
	}
	return rd, nil
}

// Render prints in with a Renderer made for its fonts. A caller printing
// often keeps a Renderer instead, which finds and reads the fonts once.
func Render(in *job.Input) (*Result, error) {
	if in == nil {
		return nil, errors.New("没有要打印的年报")
	}
	rd, err := NewRenderer(in.Fonts, in.FontDirs)
	if err != nil {
		return nil, err
	}
	return rd.Render(in)
}

// Layout lays r out with the renderer's fonts without writing the PDF.
func (rd *Renderer) Layout(r *report.Report) *layout.Doc { return layout.Layout(r, rd.set) }

// Render lays the report of in out with the renderer's fonts (the ones it
// was made for: in.Fonts is not looked at again) and writes the PDF, with the
// 图解 after it, each on a page of its own, when in.Charts asks. The same
// report and fonts give the same bytes: the creation date is 31 December of
// the report's year.
func (rd *Renderer) Render(in *job.Input) (*Result, error) {
	if in == nil || in.Report == nil {
		return nil, errors.New("没有要打印的年报")
	}
	cs, err := in.DrawCharts()
	if err != nil {
		return nil, err
	}
	figs, err := chartFigures(cs)
	if err != nil {
		return nil, err
	}
	return rd.render(in, figs)
}

// render prints in, then the figures each on a page of its own.
func (rd *Renderer) render(in *job.Input, figs []Figure) (*Result, error) {
	r := in.Report
	doc := layout.LayoutPrinted(in.Printed(), rd.set)
	addFigures(doc, rd.set, figs)
	pdfBytes, err := rd.write(r, doc, figs)
	if err != nil {
		return nil, err
	}
	res := &Result{PDF: pdfBytes, Pages: len(doc.Pages), FontsUsed: rd.fontsUsed(doc), Figures: len(figs)}
	for _, m := range doc.Missing {
		res.Missing = append(res.Missing, MissingGlyph{Char: m.Char, Where: m.Where})
	}
	return res, nil
}

func (rd *Renderer) write(r *report.Report, doc *layout.Doc, figs []Figure) ([]byte, error) {
	var pdf gopdf.GoPdf
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: layout.PageW, H: layout.PageH}, Unit: gopdf.UnitPT})
	// The pages' text is deflated at the fastest level: a 7-page report
	// grows by 1 %, and its printing saves the default level's search and
	// its 640 KB table per page, the larger part of a pdf command's own work.
	pdf.SetCompressLevel(zlib.BestSpeed)
	pdf.SetInfo(gopdf.PdfInfo{
		Title:        r.DisplayTitle(),
		Author:       r.Agency,
		Creator:      buildinfo.Creator(),
		Producer:     buildinfo.Creator(),
		CreationDate: time.Date(r.Year, 12, 31, 12, 0, 0, 0, time.FixedZone("CST", 8*3600)),
	})

	// each face in use is embedded once, as a subset named with a tag made
	// from the characters it holds (as PDF 32000 §9.6.4 asks); the subset is
	// cut before gopdf sees it (see fonts.Face.Subset)
	runes := make([][]rune, len(rd.set.Faces))
	for _, p := range doc.Pages {
		for _, t := range p.Texts {
			runes[t.Face] = append(runes[t.Face], []rune(t.S)...)
		}
	}
	family := make([]string, len(rd.set.Faces))
	keepMissing := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(c rune) rune { return c }}
	for i, face := range rd.set.Faces {
		if len(runes[i]) == 0 {
			continue
		}
		family[i] = subsetTag(face.Name, runes[i]) + "+" + face.Name
		data, err := face.Subset(runes[i])
		if err != nil {
			return nil, fmt.Errorf("字体 %s 无法取子集：%w", face.Label, err)
		}
		if err := pdf.AddTTFFontDataWithOption(family[i], data, keepMissing); err != nil {
			return nil, fmt.Errorf("字体 %s 无法嵌入：%w", face.Label, err)
		}
	}

	for _, p := range doc.Pages {
		pdf.AddPage()
		for _, t := range p.Texts {
			if err := pdf.SetFont(family[t.Face], "", t.Size); err != nil {
				return nil, fmt.Errorf("第%d页：%w", p.Number, err)
			}
			if err := pdf.SetCharSpacing(t.Spacing); err != nil {
				return nil, fmt.Errorf("第%d页：%w", p.Number, err)
			}
			pdf.SetXY(t.X, t.Y)
			if err := pdf.Text(t.S); err != nil {
				return nil, fmt.Errorf("第%d页：%w", p.Number, err)
			}
		}
		for _, l := range p.Rules {
			pdf.SetLineWidth(l.W)
			pdf.Line(l.X1, l.Y1, l.X2, l.Y2)
		}
		if err := drawImages(&pdf, p, figs); err != nil {
			return nil, fmt.Errorf("第%d页：%w", p.Number, err)
		}
	}
	b, err := pdf.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("生成 PDF 失败：%w", err)
	}
	for _, rs := range runes {
		for _, c := range rs {
			if c > 0xFFFF {
				return fixToUnicode(b)
			}
		}
	}
	return b, nil
}

// subsetTag is six capital letters derived from the face and its characters.
func subsetTag(name string, rs []rune) string {
	rs = slices.Clone(rs)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	h := sha256.New()
	h.Write([]byte(name))
	h.Write([]byte(string(rs)))
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// fontsUsed says, role by role, which font printed the report, then which
// fonts lent characters the role's font lacks, then the official fonts
// found but not usable.
func (rd *Renderer) fontsUsed(doc *layout.Doc) []string {
	used := make([]bool, len(rd.set.Faces))
	for _, p := range doc.Pages {
		for _, t := range p.Texts {
			used[t.Face] = true
		}
	}
	var lines []string
	primary := make([]bool, len(rd.set.Faces))
	for r := fonts.Role(0); r < fonts.NumRoles; r++ {
		if !doc.Roles[r] {
			continue
		}
		face, i := rd.set.Face(r)
		primary[i] = true
		lines = append(lines, fonts.RoleNames[r]+"："+face.Label)
	}
	for i, face := range rd.set.Faces {
		if used[i] && !primary[i] {
			lines = append(lines, "补字："+face.Label)
		}
	}
	for _, n := range rd.notes {
		lines = append(lines, "未用："+n)
	}
	return lines
}
