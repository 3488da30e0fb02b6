package window

import (
	"testing"

	"fyne.io/fyne/v2/storage"
)

// The folder of the last file dialog is kept in the database with the other
// settings, so another start (here a second window on the same database)
// begins its dialogs there.
func TestLastFolderKeptInStore(t *testing.T) {
	h := newHarness(t, nil)
	h.idle()
	dir := storage.NewFileURI(t.TempDir())
	h.u.rememberDir(dir)
	h.idle()
	if v, err := h.st.Setting(settingLastFolder); err != nil || v != dir.String() {
		t.Fatalf("stored folder = %q, %v; want %q", v, err, dir.String())
	}
	h2 := h.second()
	h2.waitFor("the folder to be loaded", func() bool { return h2.u.folder == dir.String() })
}
