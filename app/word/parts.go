package word

import (
	"fmt"
	"strings"
	"time"
)

// The page of GB/T 9704-2012, in twips (1/20 pt; 1 mm = 56.69 twips).
const (
	pageW       = 11906 // A4
	pageH       = 16838
	marginTop   = 2098                             // 37 mm, 天头
	marginBot   = 1984                             // 35 mm
	marginLeft  = 1587                             // 28 mm, 订口
	marginRight = 1474                             // 26 mm
	areaW       = pageW - marginLeft - marginRight // 8845: 156 mm
	areaH       = pageH - marginTop - marginBot    // 12756: 225 mm

	// linePitch is the grid's line: 22 lines fill the type area (580 would
	// leave room for 21 only).
	linePitch = areaH / 22 // 579
	// tracking narrows the body's characters by a quarter point, so that 28
	// of 三号 (15.75 pt each) fill the 156 mm line (442.2 pt) and 29 do not;
	// justified lines then stand as the PDF's. A character grid (w:docGrid
	// linesAndChars with a negative w:charSpace) says the same to Word and
	// WPS, but LibreOffice gives a glyph wider than the grid's cell two cells
	// and prints 14 characters a line.
	tracking  = -5         // twips
	charPitch = areaW / 28 // one character, for the page numbers' indent: 315

	// footerDist puts the page number's line 7 mm under the type area
	// (GB/T 9704 §7.5): 35 mm − 7 mm − the 4号 line (about 5 mm).
	footerDist = 1304

	bodySize    = 32 // half-points: 三号 16 pt
	titleSize   = 44 // 二号 22 pt
	tableSize   = 21 // 五号 10.5 pt
	pageNumSize = 28 // 四号 14 pt
	captionSize = 28 // the charts' captions, 四号

	titlePitch = 720 // 36 pt, the title's lines, as in the PDF
	tableLine  = 273 // 1.3 em of 五号, the lines of table text

	emuPerTwip = 635 // drawing sizes are in EMU
)

const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"

	xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

func contentTypes(png bool) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	if png {
		b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	}
	for _, o := range []struct{ part, typ string }{
		{"/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
		{"/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
		{"/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"},
		{"/word/fontTable.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"},
		{"/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"},
		{"/word/footer2.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s"/>`, o.part, o.typ)
	}
	b.WriteString(`</Types>`)
	return b.String()
}

const rootRels = xmlHead + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

// Relationship ids of document.xml.
const (
	relStyles     = "rIdStyles"
	relSettings   = "rIdSettings"
	relFontTable  = "rIdFontTable"
	relFooterOdd  = "rIdFooterOdd"
	relFooterEven = "rIdFooterEven"
)

func imageRel(i int) string { return fmt.Sprintf("rIdChart%d", i+1) }

func (w *writer) documentRels() string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Relationships xmlns="` + nsRel + `">`)
	rel := func(id, typ, target string) {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>`, id, typ, target)
	}
	rel(relStyles, "styles", "styles.xml")
	rel(relSettings, "settings", "settings.xml")
	rel(relFontTable, "fontTable", "fontTable.xml")
	rel(relFooterOdd, "footer", "footer1.xml")
	rel(relFooterEven, "footer", "footer2.xml")
	for i := range w.images {
		rel(imageRel(i), "image", fmt.Sprintf("media/chart%d.png", i+1))
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func (w *writer) core(date time.Time) string {
	d := date.Format(time.RFC3339)
	return xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(w.r.DisplayTitle()) + `</dc:title>` +
		`<dc:creator>` + esc(w.r.Agency) + `</dc:creator>` +
		`<dc:language>zh-CN</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + d + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + d + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

func appXML(creator string) string {
	return xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>` + esc(creator) + `</Application></Properties>`
}

// settingsXML turns on the odd and even footers, compresses punctuation as
// Chinese typesetting does, and asks Word 2013+ behaviour (no compatibility mode).
const settingsXML = xmlHead + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="420"/>` +
	`<w:evenAndOddHeaders/>` +
	`<w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>` +
	`</w:settings>`

// rFonts names one font for every script, so that digits and Latin letters
// take the role's face too, as on the printed page.
func rFonts(name string) string {
	n := esc(name)
	return `<w:rFonts w:ascii="` + n + `" w:hAnsi="` + n + `" w:eastAsia="` + n + `" w:cs="` + n + `" w:hint="eastAsia"/>`
}

// styles: the defaults hang punctuation at a line's end in the margin, as
// Word does by default; said outright, because LibreOffice otherwise drops a
// hung mark from a justified line. Normal is the body (三号 仿宋, justified, first line indented two
// characters, on the grid at the exact pitch); the headings are 黑体 and 楷体
// with outline levels (Word's navigation pane shows them); TableText is 五号,
// off the grid.
func (w *writer) styles() string {
	ff := w.fonts
	var b strings.Builder
	b.WriteString(xmlHead + `<w:styles xmlns:w="` + nsW + `">`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + rFonts(ff.body) +
		`<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:overflowPunct w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:line="` + itoa(linePitch) + `" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	style := func(id, name, based, pPr, rPr string) {
		b.WriteString(`<w:style w:type="paragraph"`)
		if id == "Normal" {
			b.WriteString(` w:default="1"`)
		}
		b.WriteString(` w:styleId="` + id + `"><w:name w:val="` + name + `"/>`)
		if based != "" {
			b.WriteString(`<w:basedOn w:val="` + based + `"/>`)
		}
		if id != "Normal" {
			b.WriteString(`<w:next w:val="Normal"/>`)
		}
		b.WriteString(`<w:qFormat/><w:pPr>` + pPr + `</w:pPr><w:rPr>` + rPr + `</w:rPr></w:style>`)
	}
	indent := `<w:ind w:firstLineChars="200" w:firstLine="640"/>`
	style("Normal", "Normal", "", `<w:spacing w:line="`+itoa(linePitch)+`" w:lineRule="exact"/>`+indent+`<w:jc w:val="both"/>`,
		rFonts(ff.body)+`<w:spacing w:val="`+itoa(tracking)+`"/><w:sz w:val="32"/><w:szCs w:val="32"/>`)
	titleBold := ""
	if ff.titleIsSong() {
		titleBold = `<w:b/><w:bCs/>`
	}
	style("Title", "Title", "Normal", `<w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:line="`+itoa(titlePitch)+`" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>`,
		rFonts(ff.title)+titleBold+`<w:spacing w:val="0"/><w:sz w:val="44"/><w:szCs w:val="44"/>`)
	style("Heading1", "heading 1", "Normal", `<w:keepNext/><w:outlineLvl w:val="0"/>`, rFonts(ff.heading))
	style("Heading2", "heading 2", "Normal", `<w:keepNext/><w:outlineLvl w:val="1"/>`, rFonts(ff.section))
	table := `<w:snapToGrid w:val="0"/><w:spacing w:line="` + itoa(tableLine) + `" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>`
	style("TableText", "Table Text", "Normal", table, rFonts(ff.body)+`<w:spacing w:val="0"/><w:sz w:val="21"/><w:szCs w:val="21"/>`)
	style("TableCaption", "Table Caption", "TableText", ``, rFonts(ff.heading))
	style("Footer", "footer", "Normal", `<w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/>`,
		rFonts(ff.pageNumber)+`<w:spacing w:val="0"/><w:sz w:val="28"/><w:szCs w:val="28"/>`)
	style("Picture", "Picture", "Normal", `<w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="240" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>`, "")
	style("Caption", "caption", "Normal", `<w:keepLines/><w:snapToGrid w:val="0"/><w:spacing w:after="240" w:line="400" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/>`,
		rFonts(ff.section)+`<w:spacing w:val="0"/><w:sz w:val="28"/><w:szCs w:val="28"/>`)
	b.WriteString(`</w:styles>`)
	return b.String()
}

// fontInfo gives Word and WPS what they need to substitute a face the reader
// lacks: its Latin name and the GB2312 character set.
var fontInfo = map[string]string{
	"宋体": "SimSun", "仿宋": "FangSong", "黑体": "SimHei", "楷体": "KaiTi",
	"仿宋_GB2312": "FangSong_GB2312", "楷体_GB2312": "KaiTi_GB2312",
	"方正小标宋简体": "FZXiaoBiaoSong-B05S", "方正小标宋_GBK": "FZXiaoBiaoSong-B05",
	"华文仿宋": "STFangsong", "华文楷体": "STKaiti",
}

func (w *writer) fontTable() string {
	ff := w.fonts
	var b strings.Builder
	b.WriteString(xmlHead + `<w:fonts xmlns:w="` + nsW + `">`)
	seen := map[string]bool{}
	for _, name := range []string{ff.body, ff.title, ff.heading, ff.section, ff.pageNumber} {
		if seen[name] {
			continue
		}
		seen[name] = true
		b.WriteString(`<w:font w:name="` + esc(name) + `">`)
		if alt := fontInfo[name]; alt != "" {
			b.WriteString(`<w:altName w:val="` + alt + `"/>`)
		}
		b.WriteString(`<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
	}
	b.WriteString(`</w:fonts>`)
	return b.String()
}

// footer is the page number "— n —" (GB/T 9704 §7.5): 4号 宋体, on odd pages
// at the right and on even pages at the left, one character in from the edge
// of the type area. The number is Word's PAGE field.
func footer(even bool) string {
	ind, jc := `<w:ind w:right="`+itoa(charPitch)+`"/>`, "right"
	if even {
		ind, jc = `<w:ind w:left="`+itoa(charPitch)+`"/>`, "left"
	}
	return xmlHead + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/>` + ind +
		`<w:jc w:val="` + jc + `"/></w:pPr>` +
		`<w:r><w:t xml:space="preserve">— </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t>1</w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t xml:space="preserve"> —</w:t></w:r>` +
		`</w:p></w:ftr>`
}

// sectPr is the page: A4, the margins, the footers, the line grid.
func sectPr() string {
	return `<w:sectPr>` +
		`<w:footerReference w:type="default" r:id="` + relFooterOdd + `"/>` +
		`<w:footerReference w:type="even" r:id="` + relFooterEven + `"/>` +
		fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d"/>`, pageW, pageH) +
		fmt.Sprintf(`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`,
			marginTop, marginRight, marginBot, marginLeft, footerDist) +
		`<w:cols w:space="425"/>` +
		fmt.Sprintf(`<w:docGrid w:type="lines" w:linePitch="%d"/>`, linePitch) +
		`</w:sectPr>`
}
