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
