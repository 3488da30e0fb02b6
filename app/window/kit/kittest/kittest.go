// Package kittest is the window a room is tested in without the rest of the
// program: a kit.Window on Fyne's test app whose UI goroutine is the test's
// own (Post queues, Run drains), whose store jobs run in order on one
// goroutine as the window's saver runs them, and the helpers that read and
// tap what a dialog shows. Only tests import it.
package kittest

import (
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/forms/apptheme"
)

// Host is a kit.Window for a room's tests. Make it with New.
type Host struct {
	T   *testing.T
	Win fyne.Window

	mu     sync.Mutex
	queue  []func()
	status string
	jobs   chan func()
	files  *kit.Files
}

// New makes a window of 1280×800 on the test app, with the file dialogs
// of the database at dbPath; it is closed when the test ends.
func New(t *testing.T, dbPath string) *Host {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(apptheme.New())
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 800))
	k := &Host{T: t, Win: w, jobs: make(chan func(), 64), files: kit.NewFiles(dbPath, nil)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for job := range k.jobs {
			job()
		}
	}()
	t.Cleanup(func() {
		close(k.jobs)
		<-done
		w.Close()
	})
	return k
}

func (k *Host) Window() fyne.Window { return k.Win }

// Post queues f for the test's UI goroutine (see Run).
func (k *Host) Post(f func()) {
	k.mu.Lock()
	k.queue = append(k.queue, f)
	k.mu.Unlock()
}

// Run runs what was posted, until nothing is left.
func (k *Host) Run() {
	for {
		k.mu.Lock()
		q := k.queue
		k.queue = nil
		k.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

// Background runs work on the store's goroutine, in order, then done on the
// UI goroutine.
func (k *Host) Background(work func() error, done func(error)) {
	k.jobs <- func() {
		err := work()
		if done != nil {
			k.Post(func() { done(err) })
		}
	}
}

// Flush runs then: a room's window has nothing of its own to save.
func (k *Host) Flush(then func()) { then() }

func (k *Host) SetStatus(s string)      { k.setStatus(s) }
func (k *Host) SetStatusError(s string) { k.setStatus(s) }

func (k *Host) setStatus(s string) {
	k.mu.Lock()
	k.status = s
	k.mu.Unlock()
}

// Status is the status line's text.
func (k *Host) Status() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.status
}

func (k *Host) Files() *kit.Files { return k.files }

// Idle waits until every store job queued so far has run and its end been
// handled on the UI goroutine.
func (k *Host) Idle() {
	k.T.Helper()
	done := make(chan struct{})
	k.Background(func() error { return nil }, func(error) { close(done) })
	k.WaitFor("the store to be idle", func() bool {
		select {
		case <-done:
			return true
		default:
			return false
		}
	})
}

// WaitFor runs the UI goroutine's queue until cond holds.
func (k *Host) WaitFor(what string, cond func() bool) {
	k.T.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		k.Run()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			k.T.Fatalf("timed out waiting for %s (status %q)", what, k.Status())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// OverlayText is the text of the dialog on top, "" when there is none.
func (k *Host) OverlayText() string {
	top := k.Win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return strings.Join(Texts(top), "\n")
}

// TapOverlayButton taps the button labelled label in the dialog on top.
func (k *Host) TapOverlayButton(label string) {
	k.T.Helper()
	top := k.Win.Canvas().Overlays().Top()
	if top == nil {
		k.T.Fatalf("no dialog to tap %q in", label)
	}
	b := Button(top, label)
	if b == nil {
		k.T.Fatalf("no button %q in dialog: %q", label, k.OverlayText())
	}
	test.Tap(b)
}

// Button is the first button labelled label in o, nil when there is none.
func Button(o fyne.CanvasObject, label string) *widget.Button {
	var found *widget.Button
	Walk(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label && found == nil {
			found = b
		}
	})
	return found
}

// Texts collects every text shown in o and below.
func Texts(o fyne.CanvasObject) []string {
	var out []string
	Walk(o, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *widget.Button:
			out = append(out, v.Text)
		case *widget.RichText:
			out = append(out, v.String())
		case *widget.Check:
			out = append(out, v.Text)
		case *canvas.Text:
			out = append(out, v.Text)
		}
	})
	return out
}

// Walk visits o and everything it shows, visible or not.
func Walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	f(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			Walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			Walk(c, f)
		}
	}
}
