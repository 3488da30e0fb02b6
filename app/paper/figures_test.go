package paper

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"nianbao/app/charts"
	"nianbao/app/job"
	"nianbao/assets"
	"nianbao/data/report"
)

func TestChartsOnPagesOfTheirOwn(t *testing.T) {
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	prev := r.Clone()
	prev.Year--
	cs, err := charts.Charts(r, []*report.Report{prev})
	if err != nil {
		t.Fatal(err)
	}
	rd, err := NewRenderer(job.FontsBundled, nil)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := rd.Render(job.New(r))
	if err != nil {
		t.Fatal(err)
	}
	in := job.New(r)
	in.History, in.Charts = []*report.Report{prev}, true
	res, err := rd.Render(in)
	if err != nil {
		t.Fatal(err)
	}
	if res.Figures != len(cs) {
		t.Errorf("Figures = %d, want %d", res.Figures, len(cs))
	}
	if res.Pages != plain.Pages+len(cs) {
		t.Errorf("%d pages, want the report's %d and one a chart (%d)", res.Pages, plain.Pages, len(cs))
	}
	// every chart is an image on its page, under it its caption: the text
	// alternative with every figure; the pages are numbered on
	list := poppler(t, res.PDF, "pdfimages", "-list")
	var pages []int
	for _, line := range strings.Split(list, "\n")[2:] {
		if f := strings.Fields(line); len(f) > 2 && f[2] == "image" {
			n, _ := strconv.Atoi(f[0])
			pages = append(pages, n)
		}
	}
	if len(pages) != len(cs) {
		t.Fatalf("%d images, want %d:\n%s", len(pages), len(cs), list)
	}
	for i, c := range cs {
		page := plain.Pages + 1 + i
		if pages[i] != page {
			t.Errorf("chart %d on page %d, want %d", i+1, pages[i], page)
		}
		text := poppler(t, res.PDF, "pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page))
		flat := strings.Join(strings.Fields(text), "")
		caption := strings.Join(strings.Fields("图"+strconv.Itoa(i+1)+"　"+c.Alt), "")
		if !strings.Contains(flat, caption) {
			t.Errorf("page %d lacks the caption %q:\n%s", page, caption, text)
		}
		if !regexp.MustCompile(`—\s*` + strconv.Itoa(page) + `\s*—`).MatchString(text) {
			t.Errorf("page %d is not numbered", page)
		}
	}
	if !strings.Contains(poppler(t, res.PDF, "pdftotext", "-f", strconv.Itoa(plain.Pages+1), "-l", strconv.Itoa(plain.Pages+1)), "附：图解") {
		t.Error("no heading 附：图解")
	}
}
