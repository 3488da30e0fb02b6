package window

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"nianbao/app/window/kit/kittest"
	"nianbao/assets"
)

// fileRow is the row of the file dialog on top that shows name: the widget
// the user clicks (Fyne's own, not exported).
func (h *harness) fileRow(name string) fyne.Tappable {
	h.t.Helper()
	var found fyne.Tappable
	kittest.Walk(h.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		tap, ok := o.(fyne.Tappable)
		if !ok || found != nil || fmt.Sprintf("%T", o) != "*dialog.fileDialogItem" {
			return
		}
		for _, s := range kittest.Texts(o) {
			if s == name {
				found = tap
			}
		}
	})
	if found == nil {
		h.t.Fatalf("no row %q in the dialog: %q", name, h.overlayText())
	}
	return found
}

// A double-click on a folder in the 导入 dialog opens the folder, and the
// dialog stays, in that folder: the file that then lies under the pointer is
// not imported (Fyne's dialog took the second click for a double-click on it).
func TestImportDoubleClickOnFolderImportsNothing(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	sub := filepath.Join(dir, "甲文件夹")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	// In the folder, the file stands where the folder stood: the row under the pointer.
	if err := os.WriteFile(filepath.Join(sub, "乙.nianbao.json"), assets.ExampleReport, 0o644); err != nil {
		t.Fatal(err)
	}
	h.u.files.SetFolder(storage.NewFileURI(dir).String())
	h.u.importFile()
	h.waitFor("the 导入 dialog", func() bool { return h.win.Canvas().Overlays().Top() != nil })

	row := h.fileRow("甲文件夹")
	row.Tapped(&fyne.PointEvent{}) // the double-click's first click opens the folder…
	row.Tapped(&fyne.PointEvent{}) // …its second lands on the row, now 乙.nianbao.json
	h.idle()
	if h.u.id != 0 {
		t.Fatalf("the file under the pointer was imported (report %d open)", h.u.id)
	}
	if list, err := h.st.List(); err != nil || len(list) != 0 {
		t.Fatalf("the database holds %d reports (%v), want none", len(list), err)
	}
	text := h.overlayText()
	if !strings.Contains(text, "乙.nianbao.json") {
		t.Fatalf("the dialog is not open in the folder: %q", text)
	}
	// A real double-click on the file then imports it.
	file := h.fileRow("乙.nianbao.json")
	time.Sleep(fyne.CurrentApp().Driver().DoubleTapDelay() + 50*time.Millisecond) // the user looks first
	file.Tapped(&fyne.PointEvent{})
	file.Tapped(&fyne.PointEvent{})
	h.waitFor("the import", func() bool { return h.u.id != 0 })
}
