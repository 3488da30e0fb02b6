package word

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// writer holds what the parts of one document are made from.
type writer struct {
	r      *report.Report
	fonts  fontNames
	images []image
	date   string // the closing's date under its sign-off name (printed.RoleDate), or ""
}

func itoa(n int) string { return strconv.Itoa(n) }

// esc escapes text for XML; a character XML cannot hold becomes U+FFFD, so
// that no input makes a file Word refuses.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// document is word/document.xml: the report's blocks in print order, then
// the pictures, then the page.
func (w *writer) document(d *printed.Document) string {
	var b strings.Builder
	b.Grow(64 << 10)
	b.WriteString(xmlHead + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP +
		`" xmlns:a="` + nsA + `" xmlns:pic="` + nsPic + `"><w:body>`)
	afterTable := false
	for _, blk := range d.Blocks {
		if blk.Paragraph != nil && blk.Paragraph.Role == printed.RoleDate {
			w.date = blk.Paragraph.Text
		}
	}
	for _, blk := range d.Blocks {
		switch {
		case blk.Paragraph != nil:
			w.paragraph(&b, blk.Paragraph, d.Agency, afterTable)
			afterTable = false
		case blk.Table != nil:
			w.table(&b, blk.Table)
			afterTable = true
		}
	}
	w.pictures(&b)
	b.WriteString(sectPr())
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// run writes one run of text, bold when asked.
func run(b *strings.Builder, text string, bold bool) {
	b.WriteString(`<w:r>`)
	if bold {
		b.WriteString(`<w:rPr><w:b/><w:bCs/></w:rPr>`)
	}
	b.WriteString(`<w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`)
}

// paragraph writes one paragraph; one that follows a table gets a quarter
// line of air above it, as in the PDF.
func (w *writer) paragraph(b *strings.Builder, p *printed.Paragraph, agency string, afterTable bool) {
	air := ""
	if afterTable {
		air = `<w:spacing w:before="` + itoa(linePitch/4) + `"/>`
	}
	switch p.Role {
	case printed.RoleTitle:
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>`)
		for i, line := range titleLines(p.Text, agency) {
			if i > 0 {
				b.WriteString(`<w:r><w:br/></w:r>`)
			}
			run(b, line, false)
		}
		b.WriteString(`</w:p>`)
		b.WriteString(`<w:p/>`) // a blank line of the grid under the title
		return
	case printed.RolePartHeading:
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading1"/>` + air + `</w:pPr>`)
	case printed.RoleSectionHeading:
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading2"/>` + air + `</w:pPr>`)
	case printed.RoleSignature, printed.RoleDate:
		b.WriteString(`<w:p><w:pPr>` + signOffProps(p, w.date) + `</w:pPr>`)
	default:
		b.WriteString(`<w:p><w:pPr>` + air + `</w:pPr>`)
	}
	for _, r := range p.Runs {
		run(b, r.Text, r.Bold)
	}
	b.WriteString(`</w:p>`)
}

// signOffProps places a line of the closing's sign-off as the PDF does
// (GB/T 9704-2012 §7.3.5.1): the date right-aligned four characters in from
// the right margin; the agency's name on the line above, a line of air over
// it, kept with the date, right-aligned so that its centre stands over the
// date's (w:ind w:right is half the difference of their widths more).
func signOffProps(p *printed.Paragraph, date string) string {
	right := 4 * charPitch
	before := ""
	keep := ""
	if p.Role == printed.RoleSignature {
		right += (textWidth(date) - textWidth(p.Text)) / 2
		right = max(right, 0)
		before = `<w:spacing w:before="` + itoa(linePitch) + `"/>`
		keep = `<w:keepNext/>`
	}
	return keep + before + `<w:ind w:firstLineChars="0" w:firstLine="0" w:right="` + itoa(right) + `"/><w:jc w:val="right"/>`
}

// textWidth is about how wide text is set in the body's size, in twips: a
// character of the grid for a Chinese one, half of it for a Latin letter or
// digit.
func textWidth(s string) int {
	w := 0
	for _, r := range s {
		if r < 0x2E80 {
			w += charPitch / 2
		} else {
			w += charPitch
		}
	}
	return w
}

// titleChars is how many 二号 characters a line of the type area holds.
const titleChars = 20

// titleLines breaks a title too long for one line after the agency's name,
// as the PDF does (中卫市民政局 / 2023年政府信息公开工作年度报告); Word wraps
// a part that is still too long.
func titleLines(title, agency string) []string {
	agency = strings.TrimSpace(agency)
	if utf8.RuneCountInString(title) <= titleChars {
		return []string{title}
	}
	if agency != "" && strings.HasPrefix(title, agency) && len(agency) < len(title) {
		return []string{agency, title[len(agency):]}
	}
	if i := strings.Index(title, "政府信息公开工作年度报告"); i > 0 {
		return []string{title[:i], title[i:]}
	}
	return []string{title}
}

// pictures sets the images after the report: a heading on a new page, then
// each picture the width of the type area with its numbered caption, which
// is its text alternative.
func (w *writer) pictures(b *strings.Builder) {
	if len(w.images) == 0 {
		return
	}
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pageBreakBefore/></w:pPr>`)
	run(b, "附：图解", false)
	b.WriteString(`</w:p>`)
	cx := areaW * emuPerTwip
	for i, im := range w.images {
		cy := cx * 9 / 16
		if im.Width > 0 && im.Height > 0 {
			cy = cx * im.Height / im.Width
		}
		id := i + 1
		alt := esc(im.Alt)
		fmt.Fprintf(b, `<w:p><w:pPr><w:pStyle w:val="Picture"/></w:pPr><w:r><w:drawing>`+
			`<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`+
			`<wp:docPr id="%d" name="图表%d" descr="%s" title="%s"/>`+
			`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
			`<a:graphic><a:graphicData uri="`+nsPic+`"><pic:pic>`+
			`<pic:nvPicPr><pic:cNvPr id="%d" name="chart%d.png" descr="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
			`<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
			`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
			`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
			cx, cy, id, id, alt, esc(im.Title), id, id, alt, imageRel(i), cx, cy)
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr>`)
		run(b, fmt.Sprintf("图%d　%s", id, im.Alt), false)
		b.WriteString(`</w:p>`)
	}
}
