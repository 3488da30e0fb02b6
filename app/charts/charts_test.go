package charts

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/data/report"
)

func busy(t *testing.T) *report.Report {
	t.Helper()
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

var number = regexp.MustCompile(`\d+`)

// figures returns the numbers a text states, years included.
func figures(s string) []int {
	var out []int
	for _, m := range number.FindAllString(s, -1) {
		n, _ := strconv.Atoi(m)
		out = append(out, n)
	}
	return out
}

func TestAltStatesTheReportsFigures(t *testing.T) {
	r := busy(t)
	a, p, rl := r.Applications, r.Proactive, r.ReviewLitigation
	sum := func(from, to int) int {
		s := 0
		for i := from; i <= to; i++ {
			s += a[i][report.ColTotal]
		}
		return s
	}
	want := map[Kind][]int{
		KindApplicants: slices.Clone(a[report.RowNew][:]),
		KindOutcomes: {a[report.RowGranted][6], a[report.RowPartlyGranted][6],
			sum(report.RowDeniedStateSecret, report.RowDeniedQueryMatters),
			sum(report.RowUnableNotHeld, report.RowUnableUnclear),
			sum(report.RowRejectedPetition, report.RowRejectedConfirmation),
			sum(report.RowOtherNoCorrection, report.RowOtherOther), a[report.RowTotal][6]},
		KindDocuments: {p.Rules.Issued, p.Rules.Repealed, p.Rules.InForce,
			p.NormativeDocuments.Issued, p.NormativeDocuments.Repealed, p.NormativeDocuments.InForce},
		KindDecisions: {p.Licensing, p.Penalty, p.Coercion},
		KindCases:     append(append(slices.Clone(rl[0][:]), rl[1][:]...), rl[2][:]...),
	}
	cs, err := Charts(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []Kind
	for _, c := range cs {
		kinds = append(kinds, c.Kind)
		if got := figures(c.Alt); !slices.Equal(got, want[c.Kind]) {
			t.Errorf("%s: alt %q states %v, want %v", c.Kind, c.Alt, got, want[c.Kind])
		}
		if !strings.HasPrefix(c.Alt, c.Title) {
			t.Errorf("%s: alt %q does not start with the title", c.Kind, c.Alt)
		}
	}
	if !slices.Equal(kinds, []Kind{KindApplicants, KindOutcomes, KindDocuments, KindDecisions, KindCases}) {
		t.Errorf("kinds without history = %v", kinds)
	}
	// the sums of the outcome groups are the printed 总计 when the report adds up
	if got := cs[1].Values()[0]; sumInts(got) != a[report.RowTotal][report.ColTotal] {
		t.Errorf("outcome groups %v do not add up to %d", got, a[report.RowTotal][report.ColTotal])
	}
}

func sumInts(v []int) int {
	s := 0
	for _, x := range v {
		s += x
	}
	return s
}

func TestTrendFromHistory(t *testing.T) {
	r := busy(t)
	older := func(year, apps, reviews, direct, after int) *report.Report {
		h := report.New(r.Agency, year)
		h.Applications[report.RowNew][report.ColTotal] = apps
		h.ReviewLitigation[report.GroupReview][report.CaseTotal] = reviews
		h.ReviewLitigation[report.GroupLitigationDirect][report.CaseTotal] = direct
		h.ReviewLitigation[report.GroupLitigationAfterReview][report.CaseTotal] = after
		return h
	}
	other := older(2022, 999, 9, 9, 9)
	other.Agency = "别的机关"
	history := []*report.Report{
		older(2023, 2600, 18, 7, 4),
		older(2021, 1800, 11, 2, 1),
		older(2023, 5, 5, 5, 5), // a duplicate year: the first one counts
		older(2025, 1, 1, 1, 1), // later than the report: not history
		other,
		nil,
	}
	cs, err := Charts(r, history)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 7 {
		t.Fatalf("%d charts, want 7", len(cs))
	}
	apps, cases := cs[5], cs[6]
	if apps.Kind != KindTrendApplications || cases.Kind != KindTrendCases {
		t.Fatalf("kinds %s, %s", apps.Kind, cases.Kind)
	}
	if got, want := apps.Categories(), []string{"2021年", "2023年", "2024年"}; !slices.Equal(got, want) {
		t.Errorf("years %v, want %v", got, want)
	}
	if got, want := figures(apps.Alt), []int{2021, 2024, 2021, 1800, 2023, 2600, 2024, 3017}; !slices.Equal(got, want) {
		t.Errorf("alt %q states %v, want %v", apps.Alt, got, want)
	}
	rl := r.ReviewLitigation
	wantCases := []int{2021, 2024, 2021, 11, 3, 2023, 18, 11, 2024, rl[0][4], rl[1][4] + rl[2][4]}
	if got := figures(cases.Alt); !slices.Equal(got, wantCases) {
		t.Errorf("alt %q states %v, want %v", cases.Alt, got, wantCases)
	}
	// one year alone is no trend
	if cs, _ := Charts(r, []*report.Report{other, older(2025, 1, 1, 1, 1)}); len(cs) != 5 {
		t.Errorf("%d charts with no earlier year of the agency, want 5", len(cs))
	}
}

// svgTexts parses an SVG document and returns the texts it draws.
func svgTexts(t *testing.T, b []byte) (title, label string, texts []string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var in string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local
			if in == "svg" {
				for _, a := range tok.Attr {
					if a.Name.Local == "aria-label" {
						label = a.Value
					}
				}
			}
		case xml.CharData:
			switch in {
			case "text":
				texts = append(texts, string(tok))
			case "title":
				title += string(tok)
			}
		case xml.EndElement:
			in = ""
		}
	}
	return title, label, texts
}

func TestSVGDrawsEveryLabelAndFigure(t *testing.T) {
	r := busy(t)
	h := r.Clone()
	h.Year--
	cs, err := Charts(r, []*report.Report{h})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		b, err := c.SVG()
		if err != nil {
			t.Fatal(err)
		}
		title, label, texts := svgTexts(t, b)
		if title != c.Title || label != c.Alt {
			t.Errorf("%s: <title> %q and aria-label %q, want %q and %q", c.Kind, title, label, c.Title, c.Alt)
		}
		if !slices.Contains(texts, c.Title) {
			t.Errorf("%s: title not drawn", c.Kind)
		}
		for _, cat := range c.Categories() {
			if !slices.Contains(texts, cat) {
				t.Errorf("%s: label %q not drawn; texts %q", c.Kind, cat, texts)
			}
		}
		if len(c.Series()) > 1 {
			for _, s := range c.Series() {
				if !slices.Contains(texts, s) {
					t.Errorf("%s: legend %q not drawn", c.Kind, s)
				}
			}
		}
		for _, v := range c.Values() {
			for _, x := range v {
				if !slices.Contains(texts, strconv.Itoa(x)) {
					t.Errorf("%s: figure %d not drawn; texts %q", c.Kind, x, texts)
				}
			}
		}
	}
}

func TestPNG(t *testing.T) {
	r := busy(t)
	cs, err := Charts(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		b, err := c.PNG()
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", c.Kind, err)
		}
		if s := img.Bounds().Size(); s.X != Width*PNGScale || s.Y != Height*PNGScale {
			t.Errorf("%s: %v", c.Kind, s)
		}
		if dir := os.Getenv("CHARTS_OUT"); dir != "" { // to look at them
			os.WriteFile(filepath.Join(dir, string(c.Kind)+".png"), b, 0o644)
			if svg, err := c.SVG(); err == nil {
				os.WriteFile(filepath.Join(dir, string(c.Kind)+".svg"), svg, 0o644)
			}
		}
	}
}

func TestScreenPNG(t *testing.T) {
	cs, err := Charts(busy(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := cs[0].ScreenPNG()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if s := img.Bounds().Size(); s.X != Width || s.Y != Height {
		t.Errorf("screen PNG %v", s)
	}
}

func TestExtremeFigures(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    int
	}{{"empty", 0}, {"one", 1}, {"largest", report.MaxFigure}} {
		t.Run(tc.name, func(t *testing.T) {
			r := report.New("某局", 2024)
			for i := range r.Applications {
				for c := range r.Applications[i] {
					r.Applications[i][c] = tc.v
				}
			}
			r.Proactive.Licensing = tc.v
			r.ReviewLitigation[0][0] = tc.v
			cs, err := Charts(r, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cs {
				if _, err := c.SVG(); err != nil {
					t.Error(err)
				}
				// the bitmap of one case is enough: the layout is the SVG's
				if tc.v == report.MaxFigure {
					if _, err := c.PNG(); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
}

func TestNiceAxis(t *testing.T) {
	for _, tc := range []struct{ top, step int }{{0, 1}, {5, 1}, {6, 2}, {10, 2}, {11, 2}, {25, 5}, {26, 5}, {31, 10}, {3017, 1000}, {9_999_999, 2_000_000}} {
		if got := niceStep(tc.top); got != tc.step {
			t.Errorf("niceStep(%d) = %d, want %d", tc.top, got, tc.step)
		}
		if m := niceMax(tc.top); m <= float64(tc.top) {
			t.Errorf("niceMax(%d) = %v", tc.top, m)
		}
	}
}

func BenchmarkChartsPNG(b *testing.B) {
	benchmarkCharts(b, (*Chart).PNG)
}

func BenchmarkChartsSVG(b *testing.B) {
	benchmarkCharts(b, (*Chart).SVG)
}

// benchmarkCharts makes the busy example's charts and draws each with draw:
// what the window and the printed report pay for a report.
func benchmarkCharts(b *testing.B, draw func(*Chart) ([]byte, error)) {
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cs, err := Charts(r, nil)
		if err != nil {
			b.Fatal(err)
		}
		for i := range cs {
			if _, err := draw(&cs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestChartNamesOfPrintedLabels: the names a chart gives the table's rows and
// columns are taken from the printed labels (data/printed), shortened as a
// chart shows them.
func TestChartNamesOfPrintedLabels(t *testing.T) {
	all, err := Charts(busy(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	byKind := map[Kind]Chart{}
	for _, c := range all {
		byKind[c.Kind] = c
	}
	for _, tc := range []struct {
		kind               Kind
		categories, series []string
	}{
		{KindApplicants, []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}, []string{"申请数"}},
		{KindOutcomes, []string{"予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"}, []string{"件数"}},
		{KindDocuments, []string{"本年制发", "本年废止", "现行有效"}, []string{"规章", "行政规范性文件"}},
		{KindDecisions, []string{"行政许可", "行政处罚", "行政强制"}, []string{"处理决定数量"}},
		{KindCases, []string{"行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"}, []string{"结果维持", "结果纠正", "其他结果", "尚未审结"}},
	} {
		c, ok := byKind[tc.kind]
		if !ok {
			t.Errorf("%s: no chart", tc.kind)
			continue
		}
		if got := c.Categories(); !slices.Equal(got, tc.categories) {
			t.Errorf("%s: categories %q, want %q", tc.kind, got, tc.categories)
		}
		if got := c.Series(); !slices.Equal(got, tc.series) {
			t.Errorf("%s: series %q, want %q", tc.kind, got, tc.series)
		}
	}
}
