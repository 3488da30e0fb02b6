// Package layout turns a report into measured boxes on A4 pages laid out after
// GB/T 9704-2012: the text lines, table rules and page numbers of every page,
// with every position in points from the top-left corner of the page.
//
// The boxes are what the PDF writer draws, one for one, and what the golden
// files of the tests hold, so that a change of layout shows as a diff.
package layout

import "nianbao/data/printed"

// Page geometry, in points (1 mm = 72/25.4 pt), after GB/T 9704-2012 §5.
const (
	MM = 72 / 25.4

	PageW = 210 * MM
	PageH = 297 * MM
	Left  = 28 * MM  // 订口
	Top   = 37 * MM  // 天头
	AreaW = 156 * MM // 版心 width
	AreaH = 225 * MM // 版心 height

	LinesPerPage = 22
	CharsPerLine = 28
	Pitch        = AreaH / LinesPerPage // line pitch, about 29 pt

	BodySize    = 16   // 3号
	TitleSize   = 22   // 2号
	PageNumSize = 14   // 4号
	TableSize   = 10.5 // 五号
	RuleWidth   = 0.5  // table borders
)

// Track is the spacing between two glyphs of the body that sets 28 characters
// of 3号 in a line of 156 mm (slightly negative, as Word's 文档网格 does).
const Track = (AreaW - CharsPerLine*BodySize) / (CharsPerLine - 1)

// Doc is a laid-out report.
type Doc struct {
	Faces   []string  `json:"faces"` // face names, indexed by Text.Face
	Pages   []Page    `json:"pages"`
	Missing []Missing `json:"missing,omitempty"`
	// Roles tells which font roles have text in the document (indexed by fonts.Role).
	Roles []bool `json:"-"`
}

// Page is one page's boxes.
type Page struct {
	Number int     `json:"number"`
	Texts  []Text  `json:"texts"`
	Rules  []Rule  `json:"rules,omitempty"`
	Images []Image `json:"images,omitempty"`
	// Areas say what each part of the page shows, for the window's preview,
	// which goes from a click on the page to the field or cell.
	Areas []Area `json:"-"`
}

// Image is where a picture stands: the Index-th figure of AddFigures, drawn
// into the box whose top-left corner is (X, Y).
type Image struct {
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	W     float64 `json:"w"`
	H     float64 `json:"h"`
	Index int     `json:"index"`
}

// Area is a rectangle of a page (points from the top-left corner) and what
// it shows: a line of text, or a table cell.
type Area struct {
	X, Y, W, H float64
	Ref        Ref
}

// Ref is the place of the report a box shows.
type Ref struct {
	Part    int    // 0…5 for the six parts; -1 for the title, preamble and closing
	Section int    // the index of a section of part 一, 五 or 六; -1 for none
	Row     int    // a table cell, by row and column of the printed grid; -1 for none
	Col     int    //
	Field   string // outside the parts: "title", "preamble" or "closing"
}

// refOf is the place of the report a block of the printed model shows.
func refOf(b printed.Block) Ref {
	p := b.Paragraph
	switch {
	case p == nil:
		return inPart(b.Table.Part)
	case p.Role == printed.RoleTitle:
		return field("title")
	case p.Role == printed.RolePreamble:
		return field("preamble")
	case p.Role == printed.RoleClosing, p.Role == printed.RoleSignature, p.Role == printed.RoleDate:
		return field("closing")
	}
	ref := inPart(p.Part)
	ref.Section = p.Section - 1
	return ref
}

// field is the place of a field outside the parts.
func field(name string) Ref { return Ref{Part: -1, Section: -1, Row: -1, Col: -1, Field: name} }

// inPart is the place of part n's heading.
func inPart(n int) Ref { return Ref{Part: n, Section: -1, Row: -1, Col: -1} }

// Text is a run of glyphs of one face and size, set from (X, Y) on the
// baseline with Spacing points added after every glyph (PDF's Tc).
type Text struct {
	X       float64 `json:"x"`
	Y       float64 `json:"y"`
	Face    int     `json:"face"`
	Size    float64 `json:"size"`
	Spacing float64 `json:"tc,omitempty"`
	S       string  `json:"s"`
}

// Rule is a straight line, a table border.
type Rule struct {
	X1 float64 `json:"x1"`
	Y1 float64 `json:"y1"`
	X2 float64 `json:"x2"`
	Y2 float64 `json:"y2"`
	W  float64 `json:"w"`
}

// Missing is a character that no face of the set can draw, and where it stands.
type Missing struct {
	Char  rune   `json:"char"`
	Where string `json:"where"`
}
