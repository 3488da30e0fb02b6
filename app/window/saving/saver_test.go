package saving

import (
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/sqlite"
)

// editor stands in for the window's editor: the report as typed so far.
type editor struct{ r *report.Report }

func (e *editor) Report() *report.Report { return e.r.Clone() }

func (e *editor) InvalidTexts() map[string]string { return nil }

// host is the window the saver tells: a queue for the UI goroutine (the
// test's), the status line and what was shown.
type host struct {
	mu      sync.Mutex
	queue   []func()
	status  string
	shown   []string // titles of the dialogs shown
	renamed []string
}

func (h *host) Post(f func()) {
	h.mu.Lock()
	h.queue = append(h.queue, f)
	h.mu.Unlock()
}

func (h *host) run() {
	for {
		h.mu.Lock()
		q := h.queue
		h.queue = nil
		h.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

func (h *host) SetStatus(s string)                { h.status = s }
func (h *host) SetStatusError(s string)           { h.status = s }
func (h *host) ShowError(title string, err error) { h.shown = append(h.shown, title) }
func (h *host) ShowMessage(title, msg string)     { h.shown = append(h.shown, title) }
func (h *host) ShowOtherSave(title, msg string)   { h.shown = append(h.shown, title) }
func (h *host) Renamed(r *report.Report)          { h.renamed = append(h.renamed, r.Agency) }

// waitFor runs the UI goroutine's queue until cond holds.
func (h *host) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		h.run()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s (status %q)", what, h.status)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// countingStore counts the saves that reach the store.
type countingStore struct {
	store.Store
	updates atomic.Int32
}

func (c *countingStore) Update(id, base int64, r *report.Report, kind store.SaveKind, invalid map[string]string) (store.Saved, error) {
	c.updates.Add(1)
	return c.Store.Update(id, base, r, kind, invalid)
}

// open makes a saver on a new store with report r stored and open.
func open(t *testing.T, r *report.Report) (*Saver, store.Store, *editor, *host, int64) {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "nianbao.db"))
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.Put(r, store.SaveManual)
	if err != nil {
		t.Fatal(err)
	}
	l, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	ed, h := &editor{r: l.Report}, &host{}
	s := New(st, ed, h)
	s.SetDelay(10 * time.Millisecond)
	t.Cleanup(func() {
		s.Stop()
		st.Close()
	})
	s.Open(id, l.Revision, l.Report)
	return s, st, ed, h, id
}

func stored(t *testing.T, st store.Store, id int64) *report.Report {
	t.Helper()
	r, err := st.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Edits are saved once typing pauses, as one automatic save; the status
// line says when; a changed agency is told to the window.
func TestSaverSavesAfterPause(t *testing.T) {
	s, st, ed, h, id := open(t, report.New("某某市民政局", 2023))
	counted := &countingStore{Store: st}
	s.st = counted
	for _, name := range []string{"某某市民", "某某市民政局办", "某某市民政局办公室"} {
		ed.r.Agency = name
		s.Edited()
	}
	if !s.Dirty() {
		t.Fatal("not dirty after edits")
	}
	h.waitFor(t, "the save", func() bool { return !s.Dirty() && !s.Saving() })
	if got := stored(t, st, id).Agency; got != "某某市民政局办公室" {
		t.Errorf("stored agency %q", got)
	}
	if !strings.HasPrefix(h.status, "已保存 ") {
		t.Errorf("status %q", h.status)
	}
	if len(h.renamed) != 1 || h.renamed[0] != "某某市民政局办公室" {
		t.Errorf("renamed told %v", h.renamed)
	}
	if n := counted.updates.Load(); n != 1 {
		t.Errorf("%d saves for three edits in one pause, want 1", n)
	}
}

// A save over a revision another window saved keeps both, and is explained
// once per report opened; the status line says so every time.
func TestSaverKeepsOtherWindowsSave(t *testing.T) {
	s, st, ed, h, id := open(t, report.New("某某市民政局", 2023))
	other := report.New("某某市民政局", 2023)
	other.Title = "另一处的标题"
	if _, err := st.Put(other, store.SaveManual); err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"本窗口的标题", "本窗口的标题二"} {
		ed.r.Title = title
		s.SaveManual()
		h.waitFor(t, "the save", func() bool { return !s.Saving() && stored(t, st, id).Title == title })
		if i == 0 && !strings.Contains(h.status, "另一处") {
			t.Errorf("status %q does not name the other save", h.status)
		}
	}
	if len(h.shown) != 1 || h.shown[0] != "同一份年报在两处被修改" {
		t.Errorf("dialogs shown: %v, want the explanation once", h.shown)
	}
	vs, _ := st.Versions("某某市民政局", 2023)
	kept := false
	for _, v := range vs {
		if old, err := st.Version(v.ID); err == nil && old.Title == "另一处的标题" {
			kept = true
		}
	}
	if !kept {
		t.Error("the other window's content is not a version")
	}
}

// A signal's save (from its own goroutine, the UI loop not running) writes
// the newest edit; edits the loop handled later are written by Shutdown.
func TestSaverSignalThenShutdown(t *testing.T) {
	s, st, ed, h, id := open(t, report.New("某某市民政局", 2023))
	s.SetDelay(time.Hour)
	ed.r.Agency = "甲局"
	s.Edited()
	errc := make(chan error)
	go func() { errc <- s.SaveOnSignal() }()
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if got := stored(t, st, id).Agency; got != "甲局" {
		t.Fatalf("after the signal the store has %q", got)
	}
	ed.r.Agency = "乙局"
	s.Edited()
	h.run()
	if err := s.Shutdown(); err != nil {
		t.Fatal(err)
	}
	if got := stored(t, st, id).Agency; got != "乙局" {
		t.Errorf("after shutdown the store has %q", got)
	}
}
