// Package charts draws the 图解 of a report: bar and line charts of its figures
// (applicants, outcomes, part 二, 复议/诉讼, and the trend over the years the
// database holds), as SVG for the web page and PNG for Word, the PDF and the
// window, each with a text alternative that states every figure it shows.
//
// The charts are drawn by github.com/go-analyze/charts with the bundled CJK font
// (思源黑体), so a PNG looks the same on every machine; an SVG names the font and
// falls back to the reader's sans-serif face.
package charts

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	gocharts "github.com/go-analyze/charts"
	"github.com/golang/freetype/truetype"

	"nianbao/app/paper/fonts"
	"nianbao/assets"
	"nianbao/data/printed"
	"nianbao/data/report"
)

// The size of a chart, in SVG pixels. A PNG is drawn at PNGScale times this,
// so that it prints sharply at the 15.6 cm of a GB/T 9704 line (about 200 dpi).
const (
	Width    = 800
	Height   = 450
	PNGScale = 2
)

// Kind says what a chart shows; it is also a stable name for file names and ids.
type Kind string

// The charts, in the order Charts returns them.
const (
	KindApplicants        Kind = "applicants"         // 本年新收申请的申请人类型
	KindOutcomes          Kind = "outcomes"           // 本年度办理结果
	KindDocuments         Kind = "documents"          // 规章和行政规范性文件
	KindDecisions         Kind = "decisions"          // 行政许可、处罚、强制
	KindCases             Kind = "cases"              // 行政复议、行政诉讼的结果
	KindTrendApplications Kind = "trend-applications" // 历年新收申请
	KindTrendCases        Kind = "trend-cases"        // 历年行政复议、行政诉讼
)

// Chart is one chart: its title, its text alternative, and what it draws.
type Chart struct {
	Kind  Kind
	Title string // "本年新收政府信息公开申请的申请人类型"
	Alt   string // every figure of the chart, in a sentence or two

	unit       string   // 件 or 次
	categories []string // the bars' labels, or the years of a line chart
	series     []string // names of the series; one series has no legend
	values     [][]int  // values[series][category]
	line       bool
	font       *truetype.Font
}

// Charts returns the charts of r. history holds other reports of the same
// agency (any order; other agencies, later years and duplicates are ignored):
// when it has an earlier year, two charts of the trend follow. The font is parsed once
// for all the charts returned.
func Charts(r *report.Report, history []*report.Report) ([]Chart, error) {
	if r == nil {
		return nil, errors.New("没有要绘图的年报")
	}
	out := []Chart{
		applicants(r), outcomes(r), documents(r), decisions(r), cases(r),
	}
	out = append(out, trend(r, history)...)
	font, err := chartFont(out)
	if err != nil {
		return nil, fmt.Errorf("程序自带的字体无法用于图表：%w", err)
	}
	for i := range out {
		out[i].font = font
	}
	return out, nil
}

// chartFont is 思源黑体 cut down to the characters the charts draw: their
// titles, labels, series and units, the digits of their figures and the
// rest of printable ASCII. The cut-down face is read from the program file
// (fonts.ParseEmbedded): drawing from the whole embedded font mapped some
// 12 MB of it around the glyphs touched (issue 19 point 13). A chart drawn
// with it is the same, pixel for pixel, as with the whole font (see the test).
func chartFont(cs []Chart) (*truetype.Font, error) {
	face, err := fonts.ParseEmbedded("NotoSansSC-Regular", "思源黑体（程序自带）", assets.NotoSansSCRegular, assets.Reader(assets.NotoSansSCRegular))
	if err != nil {
		return nil, err
	}
	var rs []rune
	for r := rune(0x20); r < 0x7f; r++ {
		rs = append(rs, r)
	}
	rs = append(rs, '…')
	for _, c := range cs {
		for _, t := range [][]string{{c.Title, c.axisTitle()}, c.categories, c.series} {
			for _, s := range t {
				rs = append(rs, []rune(s)...)
			}
		}
	}
	sub, err := face.SubsetVertical(rs)
	if err != nil {
		return nil, err
	}
	return truetype.Parse(sub)
}

func applicants(r *report.Report) Chart {
	row := r.Applications[report.RowNew]
	c := Chart{
		Kind:       KindApplicants,
		Title:      "本年新收政府信息公开申请的申请人类型",
		unit:       "件",
		categories: slices.Clone(printed.AppColumnLabels[:report.ApplicantCols]),
		series:     []string{"申请数"},
		values:     [][]int{slices.Clone(row[:report.ApplicantCols])},
	}
	c.Alt = fmt.Sprintf("%s（单位：件）：%s；总计%d件。", c.Title, c.pairs(0), row[report.ColTotal])
	return c
}

// outcomeRows are the rows of part 三 summed into each of OutcomeGroups.
var outcomeRows = [6][2]int{
	{report.RowGranted, report.RowGranted},
	{report.RowPartlyGranted, report.RowPartlyGranted},
	{report.RowDeniedStateSecret, report.RowDeniedQueryMatters},
	{report.RowUnableNotHeld, report.RowUnableUnclear},
	{report.RowRejectedPetition, report.RowRejectedConfirmation},
	{report.RowOtherNoCorrection, report.RowOtherOther},
}

// OutcomeGroups are the six groups of results of part 三, as the chart names
// them: the printed group label without its numeral and its note, （二）部分公开（区分处理的，…）
// → 部分公开.
var OutcomeGroups = func() (out [6]string) {
	for g, rows := range outcomeRows {
		_, label, _ := strings.Cut(printed.AppRowInfos[rows[0]].B, "）")
		out[g], _, _ = strings.Cut(label, "（")
	}
	return out
}()

// outcomes sums the 总计 column, as printed, over each group's rows.
func outcomes(r *report.Report) Chart {
	vals := make([]int, len(OutcomeGroups))
	for g, rows := range outcomeRows {
		for i := rows[0]; i <= rows[1]; i++ {
			vals[g] += r.Applications[i][report.ColTotal]
		}
	}
	c := Chart{
		Kind:       KindOutcomes,
		Title:      "本年度政府信息公开申请的办理结果",
		unit:       "件",
		categories: slices.Clone(OutcomeGroups[:]),
		series:     []string{"件数"},
		values:     [][]int{vals},
	}
	c.Alt = fmt.Sprintf("%s（单位：件）：%s；总计%d件。", c.Title, c.pairs(0),
		r.Applications[report.RowTotal][report.ColTotal])
	return c
}

func documents(r *report.Report) Chart {
	p := r.Proactive
	c := Chart{
		Kind:       KindDocuments,
		Title:      "主动公开的规章和行政规范性文件",
		unit:       "件",
		categories: docCategories(),
		series:     []string{printed.RulesLabel, printed.NormativeLabel},
		values: [][]int{
			{p.Rules.Issued, p.Rules.Repealed, p.Rules.InForce},
			{p.NormativeDocuments.Issued, p.NormativeDocuments.Repealed, p.NormativeDocuments.InForce},
		},
	}
	c.Alt = fmt.Sprintf("%s（单位：件）。规章：%s。行政规范性文件：%s。", c.Title, c.pairs(0), c.pairs(1))
	return c
}

// docCategories are part 二's document columns as the chart names them: the
// printed heads without 件数 (本年制发, 本年废止, 现行有效).
func docCategories() []string {
	out := make([]string, len(printed.DocColumnLabels))
	for i, l := range printed.DocColumnLabels {
		out[i] = strings.TrimSuffix(l, "件数")
	}
	return out
}

func decisions(r *report.Report) Chart {
	p := r.Proactive
	c := Chart{
		Kind:       KindDecisions,
		Title:      "本年行政许可、行政处罚、行政强制处理决定数量",
		unit:       "件",
		categories: []string{printed.LicensingLabel, printed.PenaltyLabel, printed.CoercionLabel},
		series:     []string{strings.TrimPrefix(printed.DecisionsLabel, "本年")},
		values:     [][]int{{p.Licensing, p.Penalty, p.Coercion}},
	}
	c.Alt = fmt.Sprintf("%s（单位：件）：%s。", c.Title, c.pairs(0))
	return c
}

// caseCategories are the three groups of part 四 as messages name them.
func caseCategories() []string {
	out := make([]string, report.CaseGroups)
	for g, info := range printed.CaseGroupInfos {
		out[g] = info.FullLabel()
	}
	return out
}

func cases(r *report.Report) Chart {
	c := Chart{
		Kind:       KindCases,
		Title:      "政府信息公开行政复议、行政诉讼的结果",
		unit:       "件",
		categories: caseCategories(),
		series:     slices.Clone(printed.CaseColumnLabels[:report.CaseTotal]),
	}
	for k := range report.CaseTotal {
		var v []int
		for g := range report.CaseGroups {
			v = append(v, r.ReviewLitigation[g][k])
		}
		c.values = append(c.values, v)
	}
	var parts []string
	for g, name := range c.categories {
		var kv []string
		for k, s := range c.series {
			kv = append(kv, s+strconv.Itoa(c.values[k][g])+"件")
		}
		parts = append(parts, fmt.Sprintf("%s：%s，总计%d件", name, strings.Join(kv, "，"),
			r.ReviewLitigation[g][report.CaseTotal]))
	}
	c.Alt = fmt.Sprintf("%s（单位：件）。%s。", c.Title, strings.Join(parts, "。"))
	return c
}

// trend draws, year by year, figures of r and of the earlier reports of its
// agency in history: new applications (总计) in one chart, reviews and
// lawsuits (both groups) in another, as their scales differ a hundredfold.
func trend(r *report.Report, history []*report.Report) []Chart {
	byYear := map[int]*report.Report{r.Year: r}
	for _, h := range history {
		if h == nil || h.Year >= r.Year || strings.TrimSpace(h.Agency) != strings.TrimSpace(r.Agency) {
			continue
		}
		if _, dup := byYear[h.Year]; !dup {
			byYear[h.Year] = h
		}
	}
	if len(byYear) < 2 {
		return nil
	}
	years := slices.Sorted(maps.Keys(byYear))
	span := fmt.Sprintf("%d—%d年", years[0], years[len(years)-1])
	apps := Chart{
		Kind:   KindTrendApplications,
		Title:  span + "新收政府信息公开申请数量",
		unit:   "件",
		series: []string{"新收申请"},
		values: make([][]int, 1),
		line:   true,
	}
	cs := Chart{
		Kind:   KindTrendCases,
		Title:  span + "政府信息公开行政复议、行政诉讼数量",
		unit:   "件",
		series: []string{printed.ReviewLabel, printed.LitigationLabel},
		values: make([][]int, 2),
		line:   true,
	}
	for _, y := range years {
		h := byYear[y]
		year := fmt.Sprintf("%d年", y)
		apps.categories = append(apps.categories, year)
		cs.categories = append(cs.categories, year)
		apps.values[0] = append(apps.values[0], h.Applications[report.RowNew][report.ColTotal])
		cs.values[0] = append(cs.values[0], h.ReviewLitigation[report.GroupReview][report.CaseTotal])
		cs.values[1] = append(cs.values[1], h.ReviewLitigation[report.GroupLitigationDirect][report.CaseTotal]+
			h.ReviewLitigation[report.GroupLitigationAfterReview][report.CaseTotal])
	}
	apps.Alt = fmt.Sprintf("%s（单位：件）：%s。", apps.Title, apps.pairs(0))
	var parts []string
	for i, y := range cs.categories {
		parts = append(parts, fmt.Sprintf("%s行政复议%d件、行政诉讼%d件", y, cs.values[0][i], cs.values[1][i]))
	}
	cs.Alt = fmt.Sprintf("%s（行政诉讼含未经复议直接起诉和复议后起诉）：%s。", cs.Title, strings.Join(parts, "；"))
	return []Chart{apps, cs}
}

// pairs states series s as "自然人12件，商业企业3件".
func (c *Chart) pairs(s int) string {
	var kv []string
	for i, name := range c.categories {
		kv = append(kv, name+strconv.Itoa(c.values[s][i])+c.unit)
	}
	return strings.Join(kv, "，")
}

// SVG draws the chart as an SVG document with a viewBox of Width×Height and no
// fixed size, to be scaled by the page. It carries role="img", the text
// alternative as aria-label and the title as <title>, so that it can be
// inlined in a web page as it is.
func (c *Chart) SVG() ([]byte, error) {
	b, err := c.draw(gocharts.ChartOutputSVG, 1)
	if err != nil {
		return nil, err
	}
	const open = "<svg "
	if !bytes.HasPrefix(b, []byte(open)) {
		return nil, fmt.Errorf("无法绘制图表“%s”：SVG 的开头不对", c.Title)
	}
	end := bytes.IndexByte(b, '>')
	var out bytes.Buffer
	out.WriteString(open + `role="img" aria-label="`)
	xml.EscapeText(&out, []byte(c.Alt))
	out.WriteString(`" `)
	out.Write(b[len(open):end])
	out.WriteString("><title>")
	xml.EscapeText(&out, []byte(c.Title))
	out.WriteString("</title>")
	out.Write(b[end+1:])
	return out.Bytes(), nil
}

// PNG draws the chart as a PNG of PNGScale×(Width×Height) pixels.
func (c *Chart) PNG() ([]byte, error) { return c.draw(gocharts.ChartOutputPNG, PNGScale) }

// ScreenPNG draws the chart as a PNG of Width×Height pixels, for a screen:
// a quarter of the pixels of PNG, drawn about four times as fast.
func (c *Chart) ScreenPNG() ([]byte, error) { return c.draw(gocharts.ChartOutputPNG, 1) }

func (c *Chart) draw(format string, scale int) (b []byte, err error) {
	if c.font == nil {
		return nil, errors.New("图表不是由 Charts 生成的")
	}
	// the library must never take the program down with it
	defer func() {
		if p := recover(); p != nil {
			b, err = nil, fmt.Errorf("无法绘制图表“%s”：%v", c.Title, p)
		}
	}()
	s := float64(scale)
	fs := func(size float64) gocharts.FontStyle {
		return gocharts.FontStyle{Font: c.font, FontSize: size * s, FontColor: gocharts.ColorBlack}
	}
	p := gocharts.NewPainter(gocharts.PainterOptions{
		OutputFormat: format, Width: Width * scale, Height: Height * scale,
		Font: c.font, Theme: gocharts.GetTheme(gocharts.ThemeLight),
	})
	data := make([][]float64, len(c.values))
	top := 0
	for i, v := range c.values {
		for _, x := range v {
			data[i] = append(data[i], float64(x))
			top = max(top, x)
		}
	}
	title := gocharts.TitleOption{Text: c.Title, FontStyle: fs(18), Offset: gocharts.OffsetCenter}
	legend := gocharts.LegendOption{SeriesNames: c.series, FontStyle: fs(13), Offset: gocharts.OffsetStr{Left: gocharts.PositionCenter, Top: strconv.Itoa(44 * scale)}}
	if len(c.series) == 1 {
		legend.Show = gocharts.Ptr(false)
	}
	padding := gocharts.Box{Top: 16 * scale, Right: 40 * scale, Bottom: 16 * scale, Left: 16 * scale}
	valueAxis := gocharts.ValueAxisOption{
		Min: gocharts.Ptr(0.0), Max: gocharts.Ptr(niceMax(top)), LabelFontStyle: fs(12),
		Unit: float64(niceStep(top)), ValueFormatter: intFormat,
		Title: c.axisTitle(), TitleFontStyle: fs(12),
	}
	label := gocharts.SeriesLabel{Show: gocharts.Ptr(true), FontStyle: fs(12), ValueFormatter: intFormat}

	if c.line {
		opt := gocharts.NewLineChartOptionWithData(data)
		opt.Title, opt.Legend, opt.Padding = title, legend, padding
		opt.XAxis = gocharts.XAxisOption{Labels: c.categories, LabelFontStyle: fs(12), BoundaryGap: gocharts.Ptr(true)}
		opt.YAxis = []gocharts.YAxisOption{valueAxis}
		opt.ValueFormatter = intFormat
		for i := range opt.SeriesList {
			opt.SeriesList[i].Label = label
			opt.SeriesList[i].Name = c.series[i]
		}
		opt.LineStrokeWidth = 2 * s
		opt.Symbol = gocharts.Symbol{Shape: gocharts.SymbolCircle}
		err = p.LineChart(opt)
	} else {
		opt := gocharts.NewBarChartOptionWithData(data)
		opt.Horizontal = true
		opt.Title, opt.Legend, opt.Padding = title, legend, padding
		// top to bottom in the order of the printed table
		labels := slices.Clone(c.categories)
		slices.Reverse(labels)
		for i := range opt.SeriesList {
			slices.Reverse(opt.SeriesList[i].Values)
			opt.SeriesList[i].Label = label
			opt.SeriesList[i].Name = c.series[i]
		}
		opt.CategoryAxis = gocharts.CategoryAxisOption{Labels: labels, LabelFontStyle: fs(13)}
		opt.ValueAxis = []gocharts.ValueAxisOption{valueAxis}
		opt.SeriesLabelPosition = gocharts.PositionRight
		opt.ValueFormatter = intFormat
		err = p.BarChart(opt)
	}
	if err != nil {
		return nil, fmt.Errorf("无法绘制图表“%s”：%w", c.Title, err)
	}
	var buf bytes.Buffer
	out, err := p.Bytes()
	if err != nil {
		return nil, fmt.Errorf("无法绘制图表“%s”：%w", c.Title, err)
	}
	buf.Write(out)
	return buf.Bytes(), nil
}

// axisTitle names the unit of the value axis.
func (c *Chart) axisTitle() string { return "单位：" + c.unit }

func intFormat(v float64) string { return strconv.FormatInt(int64(math.Round(v)), 10) }

// niceStep is a round step giving at most about five whole-number ticks.
func niceStep(top int) int {
	step := 1
	for top/step > 5 {
		switch {
		case strconv.Itoa(step)[0] == '1':
			step *= 2
		case strconv.Itoa(step)[0] == '2':
			step = step / 2 * 5
		default:
			step *= 2
		}
	}
	return step
}

// niceMax is the axis end: the first multiple of niceStep above top, with room
// for the value labels at the bars' ends.
func niceMax(top int) float64 {
	step := niceStep(top)
	return float64((top/step + 1) * step)
}
