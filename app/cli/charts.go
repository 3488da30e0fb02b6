package cli

import (
	"nianbao/app/charts"
	"nianbao/app/paper"
	"nianbao/data/report"
)

// renderPDF prints r, and after it its charts when asked.
func renderPDF(r *report.Report, opt paper.Options, withCharts bool, history []*report.Report) (*paper.Result, error) {
	rd, err := paper.NewRenderer(opt)
	if err != nil {
		return nil, err
	}
	if !withCharts {
		return rd.Render(r)
	}
	cs, err := charts.Charts(r, history)
	if err != nil {
		return nil, err
	}
	figs, err := paper.ChartFigures(cs)
	if err != nil {
		return nil, err
	}
	return rd.RenderWithFigures(r, figs)
}
