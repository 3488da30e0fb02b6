// Package webcharts draws the 图解 of a report (app/charts) for the web page
// (app/web): SVG with its title and text alternative.
package webcharts

import (
	"nianbao/app/charts"
	"nianbao/app/web"
	"nianbao/data/report"
)

// Charts draws the charts of r; history holds the agency's other stored
// years, for the trend charts (nil when there are none).
func Charts(r *report.Report, history []*report.Report) ([]web.Chart, error) {
	cs, err := charts.Charts(r, history)
	if err != nil {
		return nil, err
	}
	out := make([]web.Chart, 0, len(cs))
	for i := range cs {
		svg, err := cs[i].SVG()
		if err != nil {
			return nil, err
		}
		out = append(out, web.Chart{Title: cs[i].Title, SVG: svg, Alt: cs[i].Alt})
	}
	return out, nil
}
