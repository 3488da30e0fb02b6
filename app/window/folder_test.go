package window

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"nianbao/data/report"
)

// The folder of the last file dialog is kept in the database with the other
// settings, so another start (here a second window on the same database)
// begins its dialogs there.
func TestLastFolderKeptInStore(t *testing.T) {
	h := newHarness(t, nil)
	h.idle()
	dir := storage.NewFileURI(t.TempDir())
	h.u.files.RememberDir(dir)
	h.idle()
	if v, err := h.st.Setting(settingLastFolder); err != nil || v != dir.String() {
		t.Fatalf("stored folder = %q, %v; want %q", v, err, dir.String())
	}
	h2 := h.second()
	h2.waitFor("the folder to be loaded", func() bool { return h2.u.files.Folder() == dir.String() })
}

// A file chosen in a dialog is read whole or refused: one byte past the
// reader's limit is refused, never parsed in part (a roster cut at 10 MB would
// have been read as a shorter roster).
func TestReadChosenRefusesLargeFiles(t *testing.T) {
	h := newHarness(t, nil) // the program's file rules
	dir := t.TempDir()
	for _, tc := range []struct {
		size int
		ok   bool
	}{{report.MaxFileSize, true}, {report.MaxFileSize + 1, false}} {
		p := filepath.Join(dir, "名单.txt")
		if err := os.WriteFile(p, bytes.Repeat([]byte("局\n")[:1], tc.size), 0o600); err != nil {
			t.Fatal(err)
		}
		rc, err := storage.Reader(storage.NewFileURI(p))
		if err != nil {
			t.Fatal(err)
		}
		data, err := h.u.files.Read(rc)
		rc.Close()
		if tc.ok && (err != nil || len(data) != tc.size) {
			t.Errorf("%d bytes: %d read, %v", tc.size, len(data), err)
		}
		if !tc.ok && (err == nil || !strings.Contains(err.Error(), "上限")) {
			t.Errorf("%d bytes: err = %v, want a refusal", tc.size, err)
		}
	}
}
