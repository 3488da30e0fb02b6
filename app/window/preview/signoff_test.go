package preview

import (
	"image"
	"strings"
	"testing"
	"time"

	"nianbao/app/paper/layout"
	"nianbao/assets"
	"nianbao/data/report"
)

// The sign-off typed at the end of the closing shows at the right of the
// preview's page, as it prints: the date ends four characters in from the
// right edge of the type area, the name stands over it, the page is drawn
// there (and blank at the left of those lines), and a click on it goes to
// the closing.
func TestPreviewShowsSignOffAtTheRight(t *testing.T) {
	r, err := report.Parse(assets.ExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	r.Closing = "联系电话：0955-7037171。"
	h := newHost(t, r)
	h.pv.delay = 20 * time.Millisecond
	h.pv.Toggle()
	pane := h.pv.pane
	h.WaitFor("the pages", func() bool { return pane.doc != nil && !h.pv.running })
	closing := h.entryWithText(r.Closing)
	closing.(interface{ SetText(string) }).SetText(r.Closing + "\n中卫市民政局\n2024年1月22日") // as typed

	h.WaitFor("the sign-off on the page", func() bool {
		return !h.pv.running && strings.Contains(printedText(pane.doc), "2024年1月22日")
	})
	const char = layout.AreaW / layout.CharsPerLine
	var date, sig *layout.Text
	page := -1
	for i, p := range pane.doc.Pages {
		for j, tx := range p.Texts {
			switch tx.S {
			case "2024年1月22日":
				date, page = &p.Texts[j], i
			case "中卫市民政局":
				sig = &p.Texts[j]
			}
		}
	}
	if date == nil || sig == nil {
		t.Fatalf("the name and the date are not lines of their own: %q", printedText(pane.doc))
	}
	if date.X < layout.Left+layout.AreaW/2 || sig.X < layout.Left+layout.AreaW/2 {
		t.Errorf("the name (x %.0f) and the date (x %.0f) are not at the right of the page", sig.X, date.X)
	}
	if sig.Y >= date.Y {
		t.Errorf("the name (y %.0f) is not above the date (y %.0f)", sig.Y, date.Y)
	}
	// On the drawn page: ink where the date stands, none at the left of its line.
	img := pane.pages[page].image.Image.(*image.Gray)
	k := float64(img.Bounds().Dx()) / layout.PageW
	ink := func(x0, x1, y float64) bool {
		for x := x0; x < x1; x += 0.5 / k {
			for dy := -10.0; dy < 0; dy += 0.5 / k {
				if img.GrayAt(int(x*k), int((y+dy)*k)).Y < 128 {
					return true
				}
			}
		}
		return false
	}
	right := layout.Left + layout.AreaW - 4*char
	if !ink(right-3*char, right, date.Y) {
		t.Error("no ink where the date stands on the drawn page")
	}
	if ink(layout.Left, layout.Left+8*char, date.Y) {
		t.Error("ink at the left of the date's line: the date is not at the right")
	}
	// A click on the name goes to the closing.
	i, a, ok := areaOf(pane.doc, func(ref layout.Ref) bool { return ref.Field == "closing" && ref.Part < 0 })
	if !ok {
		t.Fatal("no area shows the closing")
	}

	for pi, p := range pane.doc.Pages {
		for _, ar := range p.Areas {
			if ar.Ref.Field == "closing" && ar.X > layout.Left+layout.AreaW/2 {
				i, a = pi, ar
			}
		}
	}
	h.Win.Canvas().Unfocus()
	h.tapPage(i, a)
	if got := entryText(h.Win.Canvas().Focused()); !strings.Contains(got, "2024年1月22日") {
		t.Errorf("a click on the sign-off focused an entry showing %q", got)
	}
}
