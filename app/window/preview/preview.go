// Package preview is the window's 预览 room: the pane beside the editor that
// draws the pages from the layout the PDF is made from (app/paper/layout,
// drawn by app/paper/raster with the same faces). It is redrawn after a pause
// in typing, on another goroutine; the pages come back to the UI goroutine
// through the host's Post. A click on a page goes to the field, section or
// cell it shows.
package preview

import (
	"fmt"
	"image"
	"math"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/paper"
	"nianbao/app/paper/layout"
	"nianbao/app/paper/raster"
	"nianbao/app/window/kit"
	"nianbao/data/report"
)

// Host is what the pane needs of the window.
type Host interface {
	// Post runs f on the UI goroutine.
	Post(f func())
	// ReportOpen says whether the editor shows a report.
	ReportOpen() bool
	// Report is the editor's report.
	Report() *report.Report
	// GoTo puts the cursor on what the page shows at ref.
	GoTo(ref layout.Ref)
	// Renderer is the PDF's renderer, with the fonts the PDF uses.
	Renderer() (*paper.Renderer, error)
}

const (
	previewDelay = 400 * time.Millisecond // the pause in typing after which the pages are redrawn
	previewScale = 1.5                    // the most pixels per point the pages are drawn at
	minScale     = 0.5                    // the fewest, for a pane too narrow to read anyway
)

// drawScale is the pixels per point at which pages fill a pane of width
// (Fyne units) on a canvas of scale pixels per unit: pages are drawn at the
// size shown, not larger (a page at 1.5 is 1.1 MB of grey and 4.5 MB of
// texture; at a third of the screen's width, a quarter of that). It is
// rounded up to a twentieth, so that small changes of width draw nothing anew.
func drawScale(width, scale float32) float64 {
	px := float64(max(width-2*pageGap, 1)) * float64(max(scale, 1))
	k := math.Ceil(px/layout.PageW*20) / 20
	return min(max(k, minScale), previewScale)
}

// Room keeps the pane's pages in step with the editor. Its fields are
// the UI goroutine's, except painter, which only the drawing goroutine uses.
type Room struct {
	u       Host
	editor  fyne.CanvasObject // the editor's content
	area    *fyne.Container   // where the editor, or the editor and the pane, are shown
	delay   time.Duration
	pane    *previewPane
	timer   *time.Timer
	gen     int  // bumped by every change; a timer of an older one does nothing
	running bool // pages are being drawn
	again   bool // the report changed while they were
	stale   bool // the report changed while the pane was hidden
	shown   bool
	split   *container.Split // the editor and the pane

	scale float64 // pixels per point the pages are drawn at (drawScale)

	mu      sync.Mutex // painter and the renderer it was made for
	painter *raster.Painter
	paintRd *paper.Renderer

	last time.Duration // how long the last update took off the UI goroutine (layout and drawing)
}

// New makes the pane of the window u beside the editor's content, both
// shown in area.
func New(u Host, editor fyne.CanvasObject, area *fyne.Container) *Room {
	p := &Room{u: u, editor: editor, area: area, delay: previewDelay, scale: previewScale}
	p.pane = newPreviewPane(u.GoTo, p.resized)
	return p
}

// resized follows the pane's width: when the pages would be drawn at another
// size, they are drawn anew after a pause, as after an edit.
func (p *Room) resized(width float32) {
	if k := drawScale(width, p.canvasScale()); k != p.scale {
		p.scale = k
		p.Changed()
	}
}

// canvasScale is the pixels per Fyne unit of the window the pane is in.
func (p *Room) canvasScale() float32 {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p.area); c != nil {
		return c.Scale()
	}
	return 1
}

// SetDelay sets the pause in typing after which the pages are redrawn.
func (p *Room) SetDelay(d time.Duration) { p.delay = d }

// Doc is the layout the pane shows, nil before the first drawing.
func (p *Room) Doc() *layout.Doc { return p.pane.doc }

// Drawing says whether pages are being drawn.
func (p *Room) Drawing() bool { return p.running }

// visible says whether the pane is shown.
func (p *Room) visible() bool { return p.shown }

// Changed is called after every edit: the pages are redrawn after a pause.
func (p *Room) Changed() {
	p.gen++
	if !p.visible() || !p.u.ReportOpen() {
		p.stale = true
		return
	}
	if p.timer != nil {
		p.timer.Stop()
	}
	gen := p.gen
	p.timer = time.AfterFunc(p.delay, func() {
		p.u.Post(func() {
			if gen == p.gen {
				p.update()
			}
		})
	})
}

// Now redraws at once (a report was opened, or the pane shown).
func (p *Room) Now() {
	p.gen++
	if p.timer != nil {
		p.timer.Stop()
	}
	if p.visible() && p.u.ReportOpen() {
		p.update()
	}
}

// update draws the editor's report on another goroutine; a change meanwhile
// draws again when it is done.
func (p *Room) update() {
	if p.running {
		p.again = true
		return
	}
	p.running, p.stale = true, false
	r, scale := p.u.Report(), p.scale
	p.pane.busy(true)
	go func() {
		start := time.Now()
		doc, pages, err := p.draw(r, scale)
		took := time.Since(start)
		kit.ReleaseMemory() // laying out and drawing leave tens of MB behind
		p.u.Post(func() {
			p.running = false
			p.last = took
			p.pane.busy(false)
			if err != nil {
				p.pane.fail("无法生成预览：" + err.Error())
			} else {
				p.pane.show(doc, pages)
			}
			if p.again {
				p.again = false
				p.update()
			}
		})
	}()
}

// draw lays r out and draws its pages; it runs off the UI goroutine.
func (p *Room) draw(r *report.Report, scale float64) (*layout.Doc, []*image.Gray, error) {
	rd, err := p.u.Renderer()
	if err != nil {
		return nil, nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.paintRd != rd {
		p.painter, p.paintRd = raster.New(rd.Faces()), rd
	}
	doc := rd.Layout(r)
	pages, err := p.painter.Pages(doc, scale)
	if err != nil {
		return nil, nil, err
	}
	return doc, pages, nil
}

// Toggle shows or hides the pane beside the editor.
func (p *Room) Toggle() {
	area := p.area
	p.shown = !p.shown
	if !p.shown {
		area.Objects = []fyne.CanvasObject{p.editor}
		area.Refresh()
		return
	}
	if p.split == nil {
		p.split = container.NewHSplit(p.editor, p.pane.content)
		p.split.Offset = 0.6
	} else {
		p.split.Leading = p.editor
	}
	area.Objects = []fyne.CanvasObject{p.split}
	area.Refresh()
	if w := area.Size().Width; w > 0 && p.pane.doc == nil && p.pane.box.Size().Width <= 0 {
		// The pane's share of the area, before it is laid out: the first
		// pages are drawn at the size they are shown. Once laid out, the
		// pane has said its width (resized), which is what counts: an
		// editor wider than its share (the tables' frozen labels and heads
		// at 1024×600) leaves the pane less than the split's offset says.
		lead := max(w*float32(p.split.Offset), p.editor.MinSize().Width)
		p.scale = drawScale(w-lead, p.canvasScale())
	}
	if p.stale || p.pane.doc == nil {
		p.Now()
	}
}

// Clear empties the pane (no report is open).
func (p *Room) Clear() {
	p.gen++
	p.pane.doc = nil
	p.pane.pages = nil
	p.pane.box.Objects = nil
	p.pane.box.Refresh()
	p.pane.title.SetText("预览")
}

// previewPane shows the pages one under the other at the pane's width.
type previewPane struct {
	content *fyne.Container
	title   *widget.Label
	pages   []*pageView
	box     *fyne.Container
	scroll  *container.Scroll
	goTo    func(layout.Ref)
	doc     *layout.Doc
}

func newPreviewPane(goTo func(layout.Ref), resized func(width float32)) *previewPane {
	p := &previewPane{goTo: goTo, title: widget.NewLabel("预览")}
	p.title.TextStyle.Bold = true
	lay := &pagesLayout{}
	p.box = container.New(lay)
	p.scroll = container.NewVScroll(p.box)
	lay.widthChanged = func() {
		p.scroll.Refresh()
		resized(lay.width)
	}
	hint := widget.NewLabel("点击页面可转到相应内容")
	hint.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, nil, hint, p.title)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameDisabledButton))
	p.content = container.NewBorder(head, nil, nil, nil, container.NewStack(bg, p.scroll))
	return p
}

func (p *previewPane) busy(on bool) {
	if p.doc == nil {
		if on {
			p.title.SetText("预览：正在生成…")
		}
		return
	}
	text := fmt.Sprintf("预览：共 %d 页", len(p.doc.Pages))
	if on {
		text += "（正在更新…）"
	}
	p.title.SetText(text)
}

func (p *previewPane) fail(msg string) {
	p.title.SetText(msg)
}

// show puts the pages drawn for doc in the pane, reusing the page widgets.
func (p *previewPane) show(doc *layout.Doc, imgs []*image.Gray) {
	p.doc = doc
	for len(p.pages) < len(imgs) {
		p.pages = append(p.pages, newPageView(p))
	}
	p.pages = p.pages[:len(imgs)]
	objs := make([]fyne.CanvasObject, len(imgs))
	for i, img := range imgs {
		p.pages[i].set(&doc.Pages[i], img)
		objs[i] = p.pages[i]
	}
	p.box.Objects = objs
	p.box.Refresh()
	p.scroll.Refresh()
	p.busy(false)
}

// pagesLayout stacks the pages at the width it is given, each as tall as an
// A4 page of that width. Its height follows the width it was last laid out at.
type pagesLayout struct {
	width        float32
	widthChanged func()
}

const pageGap = 8

func (l *pagesLayout) pageSize() fyne.Size {
	w := max(l.width-2*pageGap, 100)
	return fyne.NewSize(w, w*float32(layout.PageH/layout.PageW))
}

func (l *pagesLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	ps := l.pageSize()
	return fyne.NewSize(100, float32(len(objs))*(ps.Height+pageGap)+pageGap)
}

func (l *pagesLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.width {
		l.width = size.Width
		defer l.widthChanged()
	}
	ps := l.pageSize()
	y := float32(pageGap)
	for _, o := range objs {
		o.Move(fyne.NewPos(pageGap, y))
		o.Resize(ps)
		y += ps.Height + pageGap
	}
}

// pageView is one page; a tap goes to what it shows there.
type pageView struct {
	widget.BaseWidget
	pane  *previewPane
	page  *layout.Page
	image *canvas.Image
}

func newPageView(pane *previewPane) *pageView {
	v := &pageView{pane: pane, image: canvas.NewImageFromImage(nil)}
	v.image.FillMode = canvas.ImageFillStretch
	// Drawn at the size shown (drawScale rounds up by at most a twentieth):
	// the few pixels more are left to the graphics card. ImageScaleSmooth
	// had Fyne scale each page anew in software whenever its texture was
	// made (scrolling, the cache's expiry), with a working buffer of 32
	// bytes a pixel, some 10 MB a page: the largest allocator of a working
	// day (issue 19 point 13).
	v.image.ScaleMode = canvas.ImageScaleFastest
	v.ExtendBaseWidget(v)
	return v
}

func (v *pageView) set(pg *layout.Page, img image.Image) {
	v.page = pg
	v.image.Image = img
	v.image.Refresh()
}

func (v *pageView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.image)
}

func (v *pageView) Cursor() desktop.Cursor { return desktop.PointerCursor }

// Tapped goes to the area under the pointer, or the nearest one above it.
func (v *pageView) Tapped(ev *fyne.PointEvent) {
	if v.page == nil || v.Size().Width <= 0 {
		return
	}
	k := float64(layout.PageW) / float64(v.Size().Width)
	if ref, ok := refAt(v.page, float64(ev.Position.X)*k, float64(ev.Position.Y)*k); ok {
		v.pane.goTo(ref)
	}
}

// refAt is what the page shows at (x, y) points: the smallest area that holds
// the point, else the area closest above it (the white between lines).
func refAt(pg *layout.Page, x, y float64) (layout.Ref, bool) {
	var best *layout.Area
	for i := range pg.Areas {
		a := &pg.Areas[i]
		if x >= a.X && x <= a.X+a.W && y >= a.Y && y <= a.Y+a.H {
			if best == nil || a.W*a.H < best.W*best.H {
				best = a
			}
		}
	}
	if best == nil {
		for i := range pg.Areas {
			a := &pg.Areas[i]
			if a.Y <= y && (best == nil || a.Y > best.Y) {
				best = a
			}
		}
	}
	if best == nil {
		return layout.Ref{}, false
	}
	return best.Ref, true
}
