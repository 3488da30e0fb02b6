package word

import (
	"strconv"
	"testing"

	"nianbao/assets"
)

// The closing's sign-off is set as GB/T 9704 places it, read from the
// document's XML: the date right-aligned four characters in from the right
// margin, the name above it right-aligned with the indent that centres it
// over the date; the contact sentence before them stays a body paragraph.
func TestSignOffParagraphs(t *testing.T) {
	r := example(t, assets.ExampleReport)
	r.Closing = "联系电话：0591—12345678。\n\n平潭综合实验区财政金融局\n\n2025年1月23日"
	d := write(t, noFonts(r))
	ps := bodyParagraphs(d)
	byText := map[string]*node{}
	for _, p := range ps {
		byText[p.text()] = p
	}
	props := func(text string) (jc string, right int, before string) {
		p := byText[text]
		if p == nil {
			t.Fatalf("no paragraph %q", text)
		}
		ppr := p.child("pPr")
		if ppr == nil {
			return "", 0, ""
		}
		if j := ppr.child("jc"); j != nil {
			jc, _ = j.attr("val")
		}
		if ind := ppr.child("ind"); ind != nil {
			v, _ := ind.attr("right")
			right, _ = strconv.Atoi(v)
		}
		if sp := ppr.child("spacing"); sp != nil {
			before, _ = sp.attr("before")
		}
		return
	}
	if jc, _, _ := props("联系电话：0591—12345678。"); jc != "" {
		t.Errorf("the contact sentence is aligned %q, want a body paragraph", jc)
	}
	jc, right, _ := props("2025年1月23日")
	if jc != "right" || right != 4*charPitch {
		t.Errorf("date: jc=%q right indent %d, want right and %d (四字)", jc, right, 4*charPitch)
	}
	// 12 characters over a date of 6 Chinese and 7 half-width characters
	// (9.5 characters): it ends 1.25 characters nearer the margin than the date.
	jc, right, before := props("平潭综合实验区财政金融局")
	if want := 4*charPitch + (textWidth("2025年1月23日")-12*charPitch)/2; jc != "right" || right != max(want, 0) {
		t.Errorf("name: jc=%q right indent %d, want right and %d", jc, right, want)
	}
	if before != strconv.Itoa(linePitch) {
		t.Errorf("name: %q twips of air above it, want a line (%d)", before, linePitch)
	}
	if ps[len(ps)-1].text() != "2025年1月23日" || ps[len(ps)-2].text() != "平潭综合实验区财政金融局" {
		t.Errorf("the last paragraphs are %q, %q; want the name, then the date", ps[len(ps)-2].text(), ps[len(ps)-1].text())
	}
}
