package window

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/paper/layout"
	"nianbao/assets"
	"nianbao/data/report"
)

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
func (h *harness) tapPage(i int, a layout.Area) {
	v := h.u.pv.pane.pages[i]
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

// toolbarButton finds a button of the editor's toolbar.
func (h *harness) toolbarButton(label string) *widget.Button {
	h.t.Helper()
	var found *widget.Button
	walk(h.u.editorView, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label && found == nil {
			found = b
		}
	})
	if found == nil {
		h.t.Fatalf("no button %q", label)
	}
	return found
}

func TestPreviewFollowsEdits(t *testing.T) {
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, nil)
	id := h.put(r)
	h.startOn(id)
	h.u.pv.delay = 20 * time.Millisecond
	test.Tap(h.toolbarButton("预览"))
	pane := h.u.pv.pane
	h.waitFor("the first pages", func() bool { return pane.doc != nil && !h.u.pv.running })
	n := len(pane.doc.Pages)
	if n < 2 || len(pane.pages) != n || pane.pages[0].image.Image == nil {
		t.Fatalf("%d pages laid out, %d shown", n, len(pane.pages))
	}
	t.Logf("%d pages, drawn in %v off the UI goroutine", n, h.u.pv.last)
	if want := "预览：共 " + strconv.Itoa(n) + " 页"; pane.title.Text != want {
		t.Errorf("title %q, want %q", pane.title.Text, want)
	}

	// Typing into the preamble shows on the page after a pause.
	pre := h.entryWithText(r.Preamble)
	h.win.Canvas().Focus(pre)
	test.Type(pre, "预览随输入更新。")
	h.waitFor("the edit on the page", func() bool {
		return !h.u.pv.running && strings.Contains(printedText(pane.doc), "预览随输入更新。")
	})

	// A click on a figure of part 三 puts the cursor in its cell.
	const row, col = report.RowGranted, report.ColCommercial
	i, a, ok := areaOf(pane.doc, func(ref layout.Ref) bool { return ref.Part == 2 && ref.Row == 3+row && ref.Col == 3+col })
	if !ok {
		t.Fatal("no area shows 三 予以公开 · 商业企业")
	}
	h.tapPage(i, a)
	if got, want := entryText(h.win.Canvas().Focused()), strconv.Itoa(r.Applications[row][col]); got != want {
		t.Errorf("a click on the figure %s focused an entry showing %q", want, got)
	}
	// A click on a paragraph of 五 goes to its section's body.
	i, a, ok = areaOf(pane.doc, func(ref layout.Ref) bool { return ref.Part == 4 && ref.Section == 1 && ref.Row < 0 })
	if !ok {
		t.Fatal("no area shows 五 (二)")
	}
	h.tapPage(i, a)
	if got := entryText(h.win.Canvas().Focused()); got != r.Problems[1].Body {
		t.Errorf("a click on 五 (二) focused an entry showing %q", got)
	}

	// Hidden, the pane is not redrawn; shown again, it catches up.
	test.Tap(h.toolbarButton("预览"))
	test.Type(pre, "又一句。")
	h.loop.run()
	if h.u.pv.running || strings.Contains(printedText(pane.doc), "又一句。") {
		t.Error("the hidden pane was redrawn")
	}
	test.Tap(h.toolbarButton("预览"))
	h.waitFor("the pane to catch up", func() bool {
		return !h.u.pv.running && strings.Contains(printedText(pane.doc), "又一句。")
	})
}
