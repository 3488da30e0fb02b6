// Package layout turns a report into measured boxes on A4 pages laid out after
// GB/T 9704-2012: the text lines, table rules and page numbers of every page,
// with every position in points from the top-left corner of the page.
//
// The boxes are what the PDF writer draws, one for one, and what the golden
// files of the tests hold, so that a change of layout shows as a diff.
package layout

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
