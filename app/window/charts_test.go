package window

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"nianbao/app/charts"
	"nianbao/app/window/kit/kittest"
	"nianbao/assets"
	"nianbao/data/report"
)

func TestChartsTabDrawsTheOpenReport(t *testing.T) {
	h := newHarness(t, nil)
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	prev := r.Clone()
	prev.Year--
	h.put(prev)
	id := h.put(r)
	h.startOn(id)

	tabs := h.u.editor.Content().(*container.AppTabs)
	last := tabs.Items[len(tabs.Items)-1]
	if last.Text != "图解" {
		t.Fatalf("last tab %q, want 图解", last.Text)
	}
	images := func() int {
		n := 0
		kittest.Walk(h.u.chartsTab.box, func(o fyne.CanvasObject) {
			if _, ok := o.(*canvas.Image); ok {
				n++
			}
		})
		return n
	}
	tabs.Select(last)
	// drawing seven charts takes long under the race detector: wait longer than waitFor
	deadline := time.Now().Add(2 * time.Minute)
	for images() != 7 {
		if time.Now().After(deadline) {
			t.Fatalf("%d charts drawn", images())
		}
		h.loop.run()
		time.Sleep(10 * time.Millisecond)
	}
	// Each chart is drawn at the size it is shown, one image pixel to a
	// screen pixel, and never scaled by Fyne on the processor (issue 19
	// point 13: that took some 35 MB at once).
	kittest.Walk(h.u.chartsTab.box, func(o fyne.CanvasObject) {
		img, ok := o.(*canvas.Image)
		if !ok {
			return
		}
		if img.ScaleMode != canvas.ImageScaleFastest {
			t.Errorf("a chart is scaled by Fyne (mode %v)", img.ScaleMode)
		}
		if b := img.Image.Bounds(); b.Dx() != charts.Width || b.Dy() != charts.Height {
			t.Errorf("a chart drawn %v, want %d×%d", b.Size(), charts.Width, charts.Height)
		}
	})
	want, err := charts.Charts(r, []*report.Report{prev})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(texts(h.u.chartsTab.box), "\n")
	for i, c := range want {
		if !strings.Contains(got, chartNumber(i)+c.Alt) {
			t.Errorf("the tab lacks %q", c.Alt)
		}
	}
	// Another tab shown: the charts' images are let go (issue 19 point 13),
	// and drawn again when 图解 is shown again.
	tabs.Select(tabs.Items[0])
	h.loop.run()
	if n := images(); n != 0 {
		t.Errorf("%d chart images kept while 图解 is not shown", n)
	}
	tabs.Select(last)
	for images() != 7 {
		if time.Now().After(deadline) {
			t.Fatalf("%d charts drawn again", images())
		}
		h.loop.run()
		time.Sleep(10 * time.Millisecond)
	}
}

func TestOutputMenuOffersWord(t *testing.T) {
	h := newHarness(t, nil)
	var labels []string
	for _, m := range h.u.mainMenu().Items {
		if m.Label == "输出" {
			for _, it := range m.Items {
				labels = append(labels, it.Label)
			}
		}
	}
	for _, want := range []string{"导出 PDF（附图解）…", "导出 Word…", "导出 Word（附图解）…"} {
		if !slices.Contains(labels, want) {
			t.Errorf("输出 menu %q lacks %q", labels, want)
		}
	}
}

// A report imported while 图解 is shown is drawn there at once: the tab does
// not keep the previous report's charts until it is left and entered again.
func TestChartsFollowAnImport(t *testing.T) {
	h := newHarness(t, nil)
	busy, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	h.startOn(h.put(busy))
	tabs := h.u.editor.Content().(*container.AppTabs)
	tabs.Select(tabs.Items[len(tabs.Items)-1])
	shows := func(r *report.Report) bool {
		want, err := charts.Charts(r, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(texts(h.u.chartsTab.box), "\n")
		for i, c := range want {
			if !strings.Contains(got, chartNumber(i)+c.Alt) {
				return false
			}
		}
		return true
	}
	waitCharts := func(what string, r *report.Report) {
		deadline := time.Now().Add(2 * time.Minute) // drawing is slow under the race detector
		for !shows(r) {
			if time.Now().After(deadline) {
				t.Fatalf("图解 does not show %s: %q", what, texts(h.u.chartsTab.box))
			}
			h.loop.run()
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitCharts("the open report", busy)

	h.u.importData("zhongwei-minzhengju-2023.nianbao.json", assets.ExampleReport)
	imported, err := report.Parse(assets.ExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	h.waitFor("the import", func() bool { return h.u.id != 0 && h.u.editor.Report().Agency == imported.Agency })
	if tabs.Selected() != tabs.Items[len(tabs.Items)-1] {
		t.Fatalf("the import left 图解 for %q", tabs.Selected().Text)
	}
	waitCharts("the imported report", imported)
	if shows(busy) {
		t.Error("图解 still shows the previous report's charts")
	}
}

func TestChartScale(t *testing.T) {
	for _, c := range []struct {
		canvas float32
		want   int
	}{{1, 1}, {0.8, 1}, {1.25, charts.PNGScale}, {2, charts.PNGScale}} {
		if got := chartScale(c.canvas); got != c.want {
			t.Errorf("chartScale(%v) = %d, want %d", c.canvas, got, c.want)
		}
	}
}

// A chart is shown at its size, centred, and in a narrower pane at the
// pane's width: it never widens the pane (which would shrink the preview).
func TestChartLayout(t *testing.T) {
	img := canvas.NewImageFromImage(nil)
	c := chartImage(nil)
	c.(*fyne.Container).Objects = []fyne.CanvasObject{img}
	if got := c.MinSize(); got.Width >= charts.Width || got.Height != charts.Height {
		t.Errorf("min size %v: want narrower than %d, %d high", got, charts.Width, charts.Height)
	}
	for _, c2 := range []struct{ pane, want, x float32 }{
		{1200, charts.Width, (1200 - charts.Width) / 2},
		{charts.Width, charts.Width, 0},
		{500, 500, 0},
	} {
		c.Resize(fyne.NewSize(c2.pane, charts.Height))
		if img.Size().Width != c2.want || img.Position().X != c2.x || img.Size().Height != charts.Height {
			t.Errorf("pane %v: chart at x %v, %v; want x %v, width %v", c2.pane, img.Position().X, img.Size(), c2.x, c2.want)
		}
	}
}
