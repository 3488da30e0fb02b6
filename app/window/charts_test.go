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
