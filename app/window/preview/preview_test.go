package preview

import (
	"image"
	"math"
	"nianbao/app/paper/raster"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"nianbao/app/job"
	"nianbao/app/paper"
	"nianbao/app/paper/layout"
	"nianbao/app/window/kit/kittest"
	"nianbao/assets"
	"nianbao/data/report"
	"nianbao/forms"
)

// host is the window the pane is tested in: the editor with a report open
// beside the pane, as the window shows them, and the PDF's renderer.
type host struct {
	*kittest.Host
	editor *forms.Editor
	pv     *Room

	once sync.Once
	rd   *paper.Renderer
	err  error
}

func newHost(t *testing.T, r *report.Report) *host {
	h := &host{Host: kittest.New(t, filepath.Join(t.TempDir(), "nianbao.db")), editor: forms.NewEditor()}
	area := container.NewStack(h.editor.Content())
	h.pv = New(h, h.editor.Content(), area)
	h.editor.SetOnChanged(h.pv.Changed)
	h.editor.SetReport(r, nil)
	h.Win.SetContent(area)
	h.pv.Now()
	return h
}

func (h *host) ReportOpen() bool       { return h.editor.Report() != nil }
func (h *host) Report() *report.Report { return h.editor.Report() }
func (h *host) GoTo(ref layout.Ref)    { h.editor.GoTo(forms.Place(ref)) }
func (h *host) Renderer() (*paper.Renderer, error) {
	h.once.Do(func() { h.rd, h.err = paper.NewRenderer(job.FontsAuto, nil) })
	return h.rd, h.err
}

// entryWithText finds the editor's entry that shows text.
func (h *host) entryWithText(text string) fyne.Focusable {
	h.T.Helper()
	var found fyne.Focusable
	kittest.Walk(h.editor.Content(), func(o fyne.CanvasObject) {
		f, ok := o.(fyne.Focusable)
		if !ok || found != nil {
			return
		}
		if entryText(f) == text {
			if _, isEntry := o.(interface{ SetPlaceHolder(string) }); isEntry {
				found = f
			}
		}
	})
	if found == nil {
		h.T.Fatalf("no entry showing %q", text)
	}
	return found
}

// printedText is the text of every page of doc in order.
func printedText(doc *layout.Doc) string {
	var b strings.Builder
	for _, p := range doc.Pages {
		for _, t := range p.Texts {
			b.WriteString(t.S)
		}
	}
	return b.String()
}

// areaOf finds the first area of doc that shows ref, and its page.
func areaOf(doc *layout.Doc, match func(layout.Ref) bool) (int, layout.Area, bool) {
	for i, p := range doc.Pages {
		for _, a := range p.Areas {
			if match(a.Ref) {
				return i, a, true
			}
		}
	}
	return 0, layout.Area{}, false
}

// tapPage taps the preview's page i at the centre of area a.
func (h *host) tapPage(i int, a layout.Area) {
	v := h.pv.pane.pages[i]
	k := float64(v.Size().Width) / layout.PageW
	v.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32((a.X+a.W/2)*k), float32((a.Y+a.H/2)*k))})
}

// entryText is the text of an entry (of the editor's own kinds too).
func entryText(f fyne.Focusable) string {
	v := reflect.ValueOf(f)
	if f == nil || v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return ""
	}
	if t := v.Elem().FieldByName("Text"); t.IsValid() && t.Kind() == reflect.String {
		return t.String()
	}
	return ""
}

func TestPreviewFollowsEdits(t *testing.T) {
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	h := newHost(t, r)
	h.pv.delay = 20 * time.Millisecond
	h.pv.Toggle() // the toolbar's 预览
	pane := h.pv.pane
	h.WaitFor("the first pages", func() bool { return pane.doc != nil && !h.pv.running })
	n := len(pane.doc.Pages)
	if n < 2 || len(pane.pages) != n || pane.pages[0].image.Image == nil {
		t.Fatalf("%d pages laid out, %d shown", n, len(pane.pages))
	}
	t.Logf("%d pages, drawn in %v off the UI goroutine", n, h.pv.last)
	if want := "预览：共 " + strconv.Itoa(n) + " 页"; pane.title.Text != want {
		t.Errorf("title %q, want %q", pane.title.Text, want)
	}

	// Typing into the preamble shows on the page after a pause.
	pre := h.entryWithText(r.Preamble)
	h.Win.Canvas().Focus(pre)
	test.Type(pre, "预览随输入更新。")
	h.WaitFor("the edit on the page", func() bool {
		return !h.pv.running && strings.Contains(printedText(pane.doc), "预览随输入更新。")
	})

	// A click on a figure of part 三 puts the cursor in its cell.
	const row, col = report.RowGranted, report.ColCommercial
	i, a, ok := areaOf(pane.doc, func(ref layout.Ref) bool { return ref.Part == 2 && ref.Row == 3+row && ref.Col == 3+col })
	if !ok {
		t.Fatal("no area shows 三 予以公开 · 商业企业")
	}
	h.tapPage(i, a)
	if got, want := entryText(h.Win.Canvas().Focused()), strconv.Itoa(r.Applications[row][col]); got != want {
		t.Errorf("a click on the figure %s focused an entry showing %q", want, got)
	}
	// A click on a paragraph of 五 goes to its section's body.
	i, a, ok = areaOf(pane.doc, func(ref layout.Ref) bool { return ref.Part == 4 && ref.Section == 1 && ref.Row < 0 })
	if !ok {
		t.Fatal("no area shows 五 (二)")
	}
	h.tapPage(i, a)
	if got := entryText(h.Win.Canvas().Focused()); got != r.Problems[1].Body {
		t.Errorf("a click on 五 (二) focused an entry showing %q", got)
	}

	// Hidden, the pane is not redrawn; shown again, it catches up.
	h.pv.Toggle()
	test.Type(pre, "又一句。")
	h.Run()
	if h.pv.running || strings.Contains(printedText(pane.doc), "又一句。") {
		t.Error("the hidden pane was redrawn")
	}
	h.pv.Toggle()
	h.WaitFor("the pane to catch up", func() bool {
		return !h.pv.running && strings.Contains(printedText(pane.doc), "又一句。")
	})
}

// TestPagesDrawnAtTheSizeShown: the pages are drawn at the size the pane shows
// them, not larger (issue 19 point 13), and again when the pane widens.
func TestPagesDrawnAtTheSizeShown(t *testing.T) {
	r, err := report.Parse(assets.ExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	h := newHost(t, r)
	h.pv.SetDelay(10 * time.Millisecond)
	h.Win.Resize(fyne.NewSize(1000, 700))
	h.pv.Toggle()
	pane := h.pv.pane
	drawnFits := func() bool {
		if pane.doc == nil || h.pv.running || len(pane.pages) == 0 {
			return false
		}
		v := pane.pages[0]
		img, ok := v.image.Image.(interface{ Bounds() image.Rectangle })
		if !ok || v.Size().Width <= 0 {
			return false
		}
		// Within a twentieth of a point's pixel, as drawScale rounds.
		px := img.Bounds().Dx()
		return float32(px) >= v.Size().Width && float32(px) <= v.Size().Width+layout.PageW/20+1
	}
	h.WaitFor("pages drawn at the pane's width", drawnFits)
	// Drawn at the size shown, a page is not scaled again in software each
	// time its texture is made (Fyne's ImageScaleSmooth: 32 bytes a pixel of
	// working memory, the largest allocator of a working day).
	if m := pane.pages[0].image.ScaleMode; m != canvas.ImageScaleFastest {
		t.Errorf("pages are shown with scale mode %v: Fyne scales them in software", m)
	}
	narrow := pane.pages[0].image.Image.Bounds().Dx()
	if full := raster.Size(previewScale).X; narrow >= full*2/3 {
		t.Errorf("a page %d px wide in a pane of %v, as wide as the largest drawing (%d px)", narrow, pane.pages[0].Size().Width, full)
	}
	h.Win.Resize(fyne.NewSize(1600, 700))
	h.WaitFor("pages drawn anew at the wider pane", func() bool {
		return drawnFits() && pane.pages[0].image.Image.Bounds().Dx() > narrow
	})
}

func TestDrawScale(t *testing.T) {
	for _, tt := range []struct {
		width, scale float32
		want         float64
	}{
		{400, 1, 0.65}, // (400−16)/595 = 0.645…
		{400, 2, 1.3},  // a canvas of two pixels per unit
		{2000, 1, 1.5}, // never more than the most
		{100, 1, 0.5},  // nor less than the fewest
		{611, 1, 1},    // exactly a page of 595 pixels
	} {
		if got := drawScale(tt.width, tt.scale); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("drawScale(%v, %v) = %v, want %v", tt.width, tt.scale, got, tt.want)
		}
	}
}
