package window

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"runtime"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/charts"
	"nianbao/app/window/kit"
	"nianbao/data/report"
)

// chartsTab is the editor's 图解 tab: the charts of the open report as it
// stands, drawn afresh whenever the tab is shown and when another report is
// put into the editor while it is shown, each with its text alternative under it.
type chartsTab struct {
	u    *ui
	item *container.TabItem
	box  *fyne.Container
	gen  int // the latest drawing asked for; older ones are dropped (UI goroutine only)
}

// addChartsTab appends the 图解 tab to the editor's tabs.
func (u *ui) addChartsTab() {
	tabs, ok := u.editor.Content().(*container.AppTabs)
	if !ok {
		return
	}
	c := &chartsTab{u: u, box: container.NewVBox()}
	c.item = container.NewTabItem("图解", container.NewVScroll(c.box))
	tabs.Append(c.item)
	prev := tabs.OnSelected
	tabs.OnSelected = func(it *container.TabItem) {
		if prev != nil {
			prev(it)
		}
		if it == c.item {
			c.refresh()
		} else if len(c.box.Objects) > 0 {
			// Not shown: the charts' images are let go, drawn afresh when the tab is shown.
			c.gen++
			c.show()
			kit.ReleaseMemory()
		}
	}
	u.chartsTab = c
}

// drawnChart is a chart drawn and decoded off the UI goroutine.
type drawnChart struct {
	alt string
	img image.Image
}

// chartImage shows a chart at the size it was drawn for: one image pixel
// to a screen pixel at the usual scale, so that Fyne never scales it on the
// processor (its smooth scaling of five 800×450 charts took about 35 MB of
// working memory at once, issue 19 point 13); on a screen scaled up the
// chart is drawn at twice the size and the graphics card fits it.
func chartImage(img image.Image) fyne.CanvasObject {
	v := canvas.NewImageFromImage(img)
	v.FillMode = canvas.ImageFillContain
	v.ScaleMode = canvas.ImageScaleFastest
	return container.New(chartLayout{}, v)
}

// chartLayout shows a chart at its size (charts.Width × charts.Height),
// centred, and in a narrower pane (预览 open beside the editor) at the pane's
// width, made smaller by the graphics card: the pane is never made wider for
// it, which would shrink the preview and draw its pages again.
type chartLayout struct{}

// chartMinWidth is the narrowest a chart is shown: still readable.
const chartMinWidth = charts.Width * 2 / 5

func (chartLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(chartMinWidth, charts.Height)
}

func (chartLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, charts.Width)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, charts.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

// chartScale is the drawing scale of charts on a canvas of the given scale
// (pixels per Fyne unit): 1, or 2 (charts.PNGScale) on a screen scaled up.
func chartScale(canvasScale float32) int {
	if canvasScale > 1.05 {
		return charts.PNGScale
	}
	return 1
}

// reportChanged follows another report put into the editor (opened,
// imported, made, restored, closed): the tab, when shown, draws it at once;
// when not shown, it lets go of the old report's charts, drawn afresh when
// the tab is next shown.
func (c *chartsTab) reportChanged() {
	tabs, ok := c.u.editor.Content().(*container.AppTabs)
	if ok && tabs.Selected() == c.item {
		c.refresh()
		return
	}
	c.gen++ // a drawing still under way is of the old report
	c.show()
}

func (c *chartsTab) show(objs ...fyne.CanvasObject) {
	c.box.Objects = objs
	c.box.Refresh()
}

func (c *chartsTab) refresh() {
	u := c.u
	if u.id == 0 {
		c.show(widget.NewLabel("请先打开一份年报"))
		return
	}
	r := u.editor.Report()
	scale := 1
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.box); cv != nil {
		scale = chartScale(cv.Scale())
	}
	c.gen++
	gen := c.gen
	c.show(widget.NewLabel("正在绘制图解…"))
	var drawn []drawnChart
	var history []*report.Report
	u.Background(func() error {
		var err error
		if history, err = u.st.Earlier(r.Agency, r.Year); err != nil {
			return err
		}
		cs, err := charts.Charts(r, history)
		if err != nil {
			return err
		}
		for i := range cs {
			draw := cs[i].ScreenPNG
			if scale != 1 {
				draw = cs[i].PNG
			}
			b, err := draw()
			if err != nil {
				return err
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				return fmt.Errorf("无法显示图表“%s”：%w", cs[i].Title, err)
			}
			drawn = append(drawn, drawnChart{cs[i].Alt, img})
			// A chart's drawing leaves some 5 MB of garbage: collected before
			// the next, the working memory of the tab is one chart's, not
			// seven's (a collection of the window's heap takes milliseconds).
			runtime.GC()
		}
		kit.ReleaseMemory() // drawing leaves its working memory behind
		return nil
	}, func(err error) {
		if gen != c.gen {
			return
		}
		if err != nil {
			c.show(widget.NewLabel("无法绘制图解：" + err.Error()))
			return
		}
		var objs []fyne.CanvasObject
		note := "以下图解可随 Word 文件或 PDF 一同输出：输出 → 导出 Word（附图解）、导出 PDF（附图解）。"
		if len(history) == 0 {
			note += "数据库中有本机关往年的年报时，另有历年趋势图。"
		}
		objs = append(objs, kit.Wrapped(note))
		for i, d := range drawn {
			objs = append(objs, widget.NewSeparator(), chartImage(d.img), chartText(chartNumber(i)+d.alt))
		}
		c.show(objs...)
	})
}

// chartText is a chart's text alternative, broken at any character: it is
// Chinese without spaces, which Fyne's breaking at words would let run past
// the edge of a narrow pane.
func chartText(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapBreak
	return l
}

func chartNumber(i int) string { return "图" + strconv.Itoa(i+1) + "　" }
