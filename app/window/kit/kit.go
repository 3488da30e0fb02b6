// Package kit is what every room of the window shares: the Window a room is
// shown in (its store goroutine, status line, dialogs and file dialogs), the
// dialogs in the program's way, and a few layouts. A room imports kit and the
// data packages it shows, never app/window: the window implements each
// room's small Host interface, and rooms never reach each other but through it.
package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"runtime/debug"
	"time"

	"nianbao/assets"
	"nianbao/data/linebreak"
	"nianbao/data/syserr"
)

// Window is what every room asks of the window it is shown in.
type Window interface {
	// Window is the Fyne window dialogs are shown over.
	Window() fyne.Window
	// Post runs f on the UI goroutine; it is a room's only way back there.
	Post(f func())
	// Background runs work on the store's goroutine, in order with the
	// saves, then done with its error on the UI goroutine.
	Background(work func() error, done func(error))
	// Flush saves the open report's edits, then runs then (a failed save
	// is shown, and then is not run).
	Flush(then func())
	SetStatus(s string)
	SetStatusError(s string)
	// Files are the window's file dialogs.
	Files() *Files
}

// BackgroundOrShow runs work on w's store goroutine; on the UI goroutine it
// then runs then, or, when work failed, shows the error under failTitle.
func BackgroundOrShow(w Window, failTitle string, work func() error, then func()) {
	w.Background(work, func(err error) {
		if err != nil {
			ShowError(w.Window(), failTitle, err)
			return
		}
		then()
	})
}

// ShowError shows a failure in a dialog whose text can be selected and
// copied, in Chinese whatever system it came from.
func ShowError(w fyne.Window, title string, err error) {
	ShowMessage(w, title, syserr.Text(err))
}

// ShowMessage shows a titled message with an OK button.
func ShowMessage(w fyne.Window, title, msg string) {
	dialog.NewCustom(title, "确定", MessageText(msg), w).Show()
}

// Confirm asks a question with two buttons and calls yes when the first is chosen.
func Confirm(w fyne.Window, title, msg, yesLabel string, yes func()) {
	NewConfirm(w, title, msg, yesLabel, yes).Show()
}

// ConfirmDanger is Confirm for what cannot simply be undone: the button is red.
func ConfirmDanger(w fyne.Window, title, msg, yesLabel string, yes func()) {
	d := NewConfirm(w, title, msg, yesLabel, yes)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// NewConfirm is the dialog of Confirm, not yet shown.
func NewConfirm(w fyne.Window, title, msg, yesLabel string, yes func()) *dialog.ConfirmDialog {
	return dialog.NewCustomConfirm(title, yesLabel, "取消", MessageText(msg), func(ok bool) {
		if ok {
			yes()
		}
	}, w)
}

// Offer says that something is done and offers what may follow (在浏览器中打开):
// its other button is 关闭, since there is nothing left to cancel.
func Offer(w fyne.Window, title, msg, nextLabel string, next func()) {
	dialog.NewCustomConfirm(title, nextLabel, "关闭", MessageText(msg), func(ok bool) {
		if ok {
			next()
		}
	}, w).Show()
}

// ListDialog shows rows in a scrolling dialog, or empty when there are none.
func ListDialog(w fyne.Window, title, empty string, rows []fyne.CanvasObject) dialog.Dialog {
	if len(rows) == 0 {
		d := dialog.NewCustom(title, "关闭", MessageText(empty), w)
		d.Show()
		return d
	}
	d := dialog.NewCustom(title, "关闭", container.NewVScroll(container.NewVBox(rows...)), w)
	d.Resize(fyne.NewSize(820, 520))
	d.Show()
	return d
}

// MessageText is a wrapping label wide enough for a sentence of Chinese.
func MessageText(msg string) fyne.CanvasObject {
	l := widget.NewLabel(msg)
	// Chinese has no spaces to break at: break anywhere, as Chinese text does.
	l.Wrapping = fyne.TextWrapBreak
	l.Selectable = true
	return container.New(FixedWidth(520), l)
}

// FixedWidth lays out one wrapping object at a fixed width, as tall as its
// text then needs (a wrapped label only knows its height once it has a width).
type FixedWidth float32

func (w FixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	o := objs[0]
	if o.Size().Width != float32(w) {
		o.Resize(fyne.NewSize(float32(w), o.MinSize().Height))
	}
	return fyne.NewSize(float32(w), o.MinSize().Height)
}

func (w FixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// BoldLabel is a column heading.
func BoldLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// Wrapped is a label that wraps at words.
func Wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// WrappedAt is a label for a dialog's text of fixed width, its lines broken
// at that width by the PDF's rules (linebreak.Wrap), so that no line begins
// with "。" or "，" as Fyne's own wrapping lets it.
func WrappedAt(s string, width float32) *widget.Label {
	pad := theme.InnerPadding()
	measure := func(t string) float32 { return fyne.MeasureText(t, theme.TextSize(), fyne.TextStyle{}).Width }
	l := widget.NewLabel(linebreak.Wrap(s, width-2*pad, measure))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Columns lays objects out side by side at fixed widths; a width of 0 takes
// what the others leave.
type Columns struct{ Widths []float32 }

func (c *Columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for i, o := range objs {
		ms := o.MinSize()
		if i < len(c.Widths) && c.Widths[i] > 0 {
			w += c.Widths[i]
		} else {
			w += ms.Width
		}
		h = max(h, ms.Height)
	}
	return fyne.NewSize(w+theme.Padding()*float32(len(objs)-1), h)
}

func (c *Columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed, flex := float32(0), 0
	for i := range objs {
		if i < len(c.Widths) && c.Widths[i] > 0 {
			fixed += c.Widths[i]
		} else {
			flex++
		}
	}
	rest := size.Width - fixed - pad*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		w := rest / float32(max(flex, 1))
		if i < len(c.Widths) && c.Widths[i] > 0 {
			w = c.Widths[i]
		}
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos(x, 0))
		x += w + pad
	}
}

// ReleaseMemory hands back to the system the working memory a big drawing
// (the preview's pages, the 图解, a PDF) left behind, on another goroutine:
// the runtime would keep it for minutes, and a clerk's window stays open all day.
// The pages of the embedded fonts read in memory go back too (they are read
// again from the program file when next needed), and so does the free
// memory of the C allocator (the graphics driver's, see trimC).
func ReleaseMemory() {
	go func() {
		debug.FreeOSMemory()
		assets.ReleaseFontPages()
		trimC()
	}()
}

// TrimEvery hands back the C allocator's free memory every period until stop
// is closed: Fyne lets go of the textures of what has not been drawn for a
// minute, and the graphics driver's memory of every repaint stays with the
// process until trimmed (for a minute after a dialog with a text box closes,
// Fyne keeps repainting its cursor: about 1 MB every 5 s under Mesa's
// software renderer). Cheap (a walk over the allocator's free lists, well
// under a millisecond); no Go collection.
func TrimEvery(period time.Duration, stop <-chan struct{}) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			trimC()
		}
	}
}
