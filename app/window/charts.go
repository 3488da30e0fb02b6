package window

import (
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

// drawnChart is a chart drawn as a PNG, off the UI goroutine.
type drawnChart struct {
	title, alt string
	png        []byte
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
			png, err := cs[i].ScreenPNG()
			if err != nil {
				return err
			}
			drawn = append(drawn, drawnChart{cs[i].Title, cs[i].Alt, png})
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
			img := canvas.NewImageFromResource(fyne.NewStaticResource(d.title+".png", d.png))
			img.FillMode = canvas.ImageFillContain
			img.SetMinSize(fyne.NewSize(charts.Width, charts.Height))
			objs = append(objs, widget.NewSeparator(), img, kit.Wrapped(chartNumber(i)+d.alt))
		}
		c.show(objs...)
	})
}

func chartNumber(i int) string { return "图" + strconv.Itoa(i+1) + "　" }
