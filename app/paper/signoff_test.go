package paper

import (
	"encoding/xml"
	"math"
	"strings"
	"testing"

	"nianbao/app/paper/internal/sample"
	"nianbao/app/paper/layout"
)

// bboxWord is a word of pdftotext -bbox's XHTML, in points from the page's top-left corner.
type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// bboxPages reads the words of every page of pdf with pdftotext -bbox.
func bboxPages(t *testing.T, pdf []byte) [][]bboxWord {
	t.Helper()
	var doc struct {
		Pages []struct {
			Words []bboxWord `xml:"word"`
		} `xml:"body>doc>page"`
	}
	out := poppler(t, pdf, "pdftotext", "-bbox")
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	pages := make([][]bboxWord, len(doc.Pages))
	for i, p := range doc.Pages {
		pages[i] = p.Words
	}
	return pages
}

// find returns the word whose text is s on the last page it is on.
func find(t *testing.T, pages [][]bboxWord, s string) (bboxWord, int) {
	t.Helper()
	for i := len(pages) - 1; i >= 0; i-- {
		for _, w := range pages[i] {
			if strings.TrimSpace(w.Text) == s {
				return w, i
			}
		}
	}
	t.Fatalf("%q is not on any page", s)
	return bboxWord{}, 0
}

// The sign-off of the closing is printed as GB/T 9704 places it, read back
// from the PDF with positions: the date four characters in from the right
// edge of the type area, the agency's name on the line above, centred over it.
func TestSignOffPlacedRight(t *testing.T) {
	const char = layout.AreaW / layout.CharsPerLine
	tests := []struct {
		name, closing, sig, date string
	}{
		{"name and date", "平潭综合实验区财政金融局\n\n2025年1月23日", "平潭综合实验区财政金融局", "2025年1月23日"},
		{"after contact details", "联系电话：0591—12345678。\n示例市民政局\n2025年1月20日", "示例市民政局", "2025年1月20日"},
		{"name longer than the date", "示例市人民政府办公室和示例市政务服务数据管理局\n2025年3月1日", "示例市人民政府办公室和示例市政务服务数据管理局", "2025年3月1日"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := sample.Example()
			if err != nil {
				t.Fatal(err)
			}
			r.Closing = tc.closing
			pages := bboxPages(t, render(t, r).PDF)
			date, dp := find(t, pages, tc.date)
			sig, sp := find(t, pages, tc.sig)
			right := layout.Left + layout.AreaW - 4*char
			if math.Abs(date.XMax-right) > 3 {
				t.Errorf("the date ends at x=%.1f pt, want %.1f (four characters in from the right edge %.1f)", date.XMax, right, layout.Left+layout.AreaW)
			}
			if sp != dp || sig.YMax >= date.YMin || date.YMin-sig.YMax > layout.Pitch {
				t.Errorf("the name (page %d, y %.1f–%.1f) is not on the line above the date (page %d, y %.1f–%.1f)", sp+1, sig.YMin, sig.YMax, dp+1, date.YMin, date.YMax)
			}
			sigMid, dateMid := (sig.XMin+sig.XMax)/2, (date.XMin+date.XMax)/2
			if sig.XMax-sig.XMin <= date.XMax-date.XMin+8*char && math.Abs(sigMid-dateMid) > 3 {
				t.Errorf("the name's centre x=%.1f is not over the date's %.1f", sigMid, dateMid)
			}
			if sig.XMax > layout.Left+layout.AreaW+1 || sig.XMin < layout.Left-1 {
				t.Errorf("the name %.1f–%.1f leaves the type area %.1f–%.1f", sig.XMin, sig.XMax, layout.Left, layout.Left+layout.AreaW)
			}
		})
	}
}
