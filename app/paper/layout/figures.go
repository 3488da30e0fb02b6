package layout

import "nianbao/app/paper/fonts"

// Figure is a picture to print after the report, with its caption.
type Figure struct {
	Caption string  // printed under the picture, in the body's face
	Aspect  float64 // height over width
}

// AddFigures lays figures out after the report d: each on a page of its own,
// the width of the type area, the first under the heading 附：图解, each with
// its caption under it; the new pages are numbered on from the report's.
func AddFigures(d *Doc, set *fonts.Set, figs []Figure) {
	if len(figs) == 0 {
		return
	}
	f := &flow{set: set, doc: d, missing: map[Missing]bool{}}
	for _, m := range d.Missing {
		f.missing[m] = true
	}
	first := len(d.Pages)
	for i, fig := range figs {
		f.newPage()
		if i == 0 {
			f.heading("附：图解", fonts.RoleHeading, "图解", Pitch)
		}
		aspect := fig.Aspect
		if aspect <= 0 || aspect > 1.2 { // never taller than the type area leaves room for
			aspect = 9.0 / 16
		}
		h := AreaW * aspect
		f.page.Images = append(f.page.Images, Image{X: round(Left), Y: round(f.y), W: round(AreaW), H: round(h), Index: i})
		f.y += h + Pitch/2
		f.fresh = false
		f.snap()
		f.paragraph(f.shape(fig.Caption, fonts.RoleBody, BodySize, "图解说明"), 0)
	}
	f.pageNumbersFrom(first)
}
