package window

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/export"
	"nianbao/app/window/kit/kittest"
	"nianbao/data/outfile"
	"nianbao/data/report"
)

// overlayEntry is the text entry of the dialog on top (the file name of a
// file dialog).
func (h *harness) overlayEntry() *widget.Entry {
	h.t.Helper()
	var found *widget.Entry
	kittest.Walk(h.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && found == nil {
			found = e
		}
	})
	if found == nil {
		h.t.Fatal("the dialog has no entry")
	}
	return found
}

// tapDefault taps the first enabled high-importance button of the dialog on top.
func (h *harness) tapDefault() {
	h.t.Helper()
	var found *widget.Button
	kittest.Walk(h.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && found == nil && b.Importance == widget.HighImportance && !b.Disabled() {
			found = b
		}
	})
	if found == nil {
		h.t.Fatalf("no default button in %q", h.overlayText())
	}
	found.OnTapped()
}

// TestSaveDialogOntoDatabaseRefused: exporting from the window onto the open
// database, confirmed past the dialog's "overwrite?", is refused and the
// database stays whole; the dialog offers a safe default name.
func TestSaveDialogOntoDatabaseRefused(t *testing.T) {
	var id int64
	h := newHarness(t, nil)
	r := report.New(`中卫市民政局/办公室:"测试"?`, 2023)
	id = h.put(r)
	dbPath := h.st.Path()
	before, _ := os.ReadFile(dbPath)
	h.u.files.SetFolder(storage.NewFileURI(filepath.Dir(dbPath)).String())

	h.u.exportReport(id)
	h.waitFor("the save dialog", func() bool { return h.win.Canvas().Overlays().Top() != nil })
	name := h.overlayEntry()
	if want := outfile.FileName(r.DefaultTitle(), ".nianbao.json"); name.Text != want || strings.ContainsAny(name.Text, `/:"?`) {
		t.Errorf("default name %q, want %q", name.Text, want)
	}
	name.SetText(filepath.Base(dbPath))
	h.tapDefault() // 保存
	h.loop.run()
	h.tapDefault() // the dialog's own "overwrite?"
	h.waitFor("the refusal", func() bool { return strings.Contains(h.overlayText(), "不能写入") })
	if text := h.overlayText(); !strings.Contains(text, "正在使用的数据库") {
		t.Errorf("message %q", text)
	}
	after, _ := os.ReadFile(dbPath)
	if len(after) < len(before)/2 {
		t.Fatalf("the database shrank from %d to %d bytes", len(before), len(after))
	}
	if _, err := h.st.List(); err != nil {
		t.Fatalf("the database is damaged: %v", err)
	}
	if _, err := h.st.Get(id); err != nil {
		t.Fatalf("the report is gone: %v", err)
	}
}

// TestFileRulesForDialogs: with the program's rules in place, a writer from
// Fyne's storage changes its file only when closed, atomically, keeping an
// existing mode; a reader refuses a FIFO at once.
func TestFileRulesForDialogs(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()

	if _, err := storage.Writer(storage.NewFileURI(h.st.Path() + "-wal")); err == nil || !strings.Contains(err.Error(), "不能写入") {
		t.Errorf("writer onto the -wal: %v", err)
	}

	kept := filepath.Join(dir, "kept.pdf")
	os.WriteFile(kept, []byte("old"), 0o600)
	os.Chmod(kept, 0o600)
	w, err := storage.Writer(storage.NewFileURI(kept))
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("new"))
	if data, _ := os.ReadFile(kept); string(data) != "old" {
		t.Errorf("the file changed before Close: %q", data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(kept); string(data) != "new" {
		t.Errorf("after Close: %q", data)
	}
	if info, _ := os.Stat(kept); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", info.Mode().Perm())
	}

	if runtime.GOOS == "windows" {
		return
	}
	fifo := filepath.Join(dir, "a.nianbao.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := storage.Reader(storage.NewFileURI(fifo))
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "命名管道") {
			t.Errorf("reader of a FIFO: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a FIFO hangs")
	}
}

// TestCancelledSaveSaysSo: the status said 已生成 PDF while the save dialog
// was open and still said it after 取消, of a file never written.
func TestCancelledSaveSaysSo(t *testing.T) {
	h := newHarness(t, nil)
	h.startOn(h.put(report.New("中卫市民政局", 2023)))
	h.u.exporter(export.PDF)()
	h.waitFor("the save dialog", func() bool { return h.win.Canvas().Overlays().Top() != nil })
	h.win.Resize(h.win.Canvas().Size())
	h.tapOverlayButton("Cancel") // Fyne's word; the window shows it as 取消
	h.waitFor("the dialog closed", func() bool { return h.win.Canvas().Overlays().Top() == nil })
	if got := h.u.statusText.Text; strings.Contains(got, "已生成") || !strings.Contains(got, "已取消") {
		t.Errorf("after 取消 the status reads %q", got)
	}
}
