package paper

import (
	"fmt"

	"github.com/signintech/gopdf"

	"nianbao/app/charts"
	"nianbao/app/paper/fonts"
	"nianbao/app/paper/layout"
)

// Figure is a picture printed after the report on a page of its own: a chart
// (app/charts) with its caption, which states the chart's figures.
type Figure struct {
	Caption string
	PNG     []byte
	// Width and Height are the picture's size in pixels; it is printed the
	// width of the type area at this aspect ratio.
	Width, Height int
}

func addFigures(doc *layout.Doc, set *fonts.Set, figs []Figure) {
	lf := make([]layout.Figure, len(figs))
	for i, f := range figs {
		lf[i] = layout.Figure{Caption: f.Caption}
		if f.Width > 0 && f.Height > 0 {
			lf[i].Aspect = float64(f.Height) / float64(f.Width)
		}
	}
	layout.AddFigures(doc, set, lf)
}

func drawImages(pdf *gopdf.GoPdf, p layout.Page, figs []Figure) error {
	for _, im := range p.Images {
		if im.Index < 0 || im.Index >= len(figs) {
			continue
		}
		h, err := gopdf.ImageHolderByBytes(figs[im.Index].PNG)
		if err != nil {
			return fmt.Errorf("图表 %d 无法读取：%w", im.Index+1, err)
		}
		if err := pdf.ImageByHolder(h, im.X, im.Y, &gopdf.Rect{W: im.W, H: im.H}); err != nil {
			return fmt.Errorf("图表 %d 无法放入 PDF：%w", im.Index+1, err)
		}
	}
	return nil
}

// chartFigures draws charts as the figures of a PDF, each captioned with its
// number and its text alternative, which states every figure of the chart.
func chartFigures(cs []charts.Chart) ([]Figure, error) {
	figs := make([]Figure, 0, len(cs))
	for i := range cs {
		png, err := cs[i].PNG()
		if err != nil {
			return nil, err
		}
		figs = append(figs, Figure{Caption: fmt.Sprintf("图%d　%s", i+1, cs[i].Alt), PNG: png,
			Width: charts.Width * charts.PNGScale, Height: charts.Height * charts.PNGScale})
	}
	return figs, nil
}
