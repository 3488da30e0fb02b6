package window

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"nianbao/data/outfile"
	"nianbao/data/report"
)

// TestExportOldReleaseName: a report an older release stored under a name
// the rules now refuse (here with a zero-width space and a trailing space) is
// exported from the window under the cleaned name, the file reads back, and
// the window says what it changed and that the database is as it was.
func TestExportOldReleaseName(t *testing.T) {
	h := newHarness(t, nil)
	stored := "某县\u200b教育局 "
	r := report.New("某县教育局", 2023)
	data, err := report.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	content := strings.Replace(string(data), `"agency": "某县教育局"`, `"agency": "某县\u200b教育局 "`, 1)
	conn, err := sql.Open("sqlite3", h.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(`INSERT INTO reports (agency, year, saved_at, kind, content) VALUES (?, 2023, '2024-01-05T08:00:00.000000Z', 'import', ?)`, stored, content)
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	list, err := h.st.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("list: %v %v", list, err)
	}
	dir := t.TempDir()
	h.u.files.Loaded(storage.NewFileURI(dir).String())

	h.u.exportReport(list[0].ID)
	h.waitFor("the save dialog", func() bool { return h.win.Canvas().Overlays().Top() != nil })
	name := h.overlayEntry().Text
	if want := outfile.FileName("某县教育局2023年政府信息公开工作年度报告", ".nianbao.json"); name != want {
		t.Errorf("default name %q, want %q", name, want)
	}
	h.tapDefault() // 保存
	h.waitFor("the message", func() bool { return strings.Contains(h.overlayText(), "旧版本保存的") })
	text := h.overlayText()
	for _, want := range []string{"已改为“某县教育局”", "数据库中的内容没有改动"} {
		if !strings.Contains(text, want) {
			t.Errorf("message %q lacks %q", text, want)
		}
	}
	got, err := report.ReadFile(filepath.Join(dir, name))
	if err != nil || got.Agency != "某县教育局" {
		t.Fatalf("the exported file: %v %v", got, err)
	}
	if _, err := os.Stat(h.st.Path()); err != nil {
		t.Fatal(err)
	}
}
