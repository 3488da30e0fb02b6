package layout

import (
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/data/report"
)

// The areas say what each box shows: every text lies in an area, a figure's
// cell names its printed row and column, a paragraph its part and section.
func TestAreasNameWhatTheyShow(t *testing.T) {
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	r.Applications[report.RowGranted][report.ColCommercial] = 4321 // a figure found once
	d := Layout(r, bundled(t))
	in := func(a Area, x, y float64) bool {
		return x >= a.X-0.01 && x <= a.X+a.W+0.01 && y >= a.Y && y <= a.Y+a.H+0.01
	}
	var cell, section, preamble bool
	for _, p := range d.Pages {
		for _, tx := range p.Texts {
			var refs []Ref
			for _, a := range p.Areas {
				if in(a, tx.X, tx.Y) {
					refs = append(refs, a.Ref)
				}
			}
			if len(refs) == 0 {
				t.Errorf("page %d: text %q lies in no area", p.Number, tx.S)
			}
			for _, ref := range refs {
				switch {
				case tx.S == "4321":
					cell = cell || ref == Ref{Part: 2, Section: -1, Row: 3 + report.RowGranted, Col: 3 + report.ColCommercial}
				case strings.HasPrefix(tx.S, r.Problems[1].Heading[:9]):
					section = section || ref == Ref{Part: 4, Section: 1, Row: -1, Col: -1}
				case strings.HasPrefix(r.Preamble, tx.S) && len(tx.S) > 9:
					preamble = preamble || ref.Field == "preamble"
				}
			}
		}
	}
	if !cell || !section || !preamble {
		t.Errorf("found the figure's cell %v, 五's second section %v, the preamble %v", cell, section, preamble)
	}
}
