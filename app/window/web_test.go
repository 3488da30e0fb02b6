package window

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"nianbao/app/web"
	"nianbao/app/window/export"
	"nianbao/data/report"
)

func TestExportWeb(t *testing.T) {
	h := newHarness(t, nil)
	found := false
	for _, m := range h.u.win.MainMenu().Items {
		for _, it := range m.Items {
			found = found || m.Label == "输出" && it.Label == "导出网页…"
		}
	}
	if !found {
		t.Error("no 导出网页… in the 输出 menu")
	}
	h.u.openExample()
	h.waitFor("the example", func() bool { return h.u.id != 0 })
	r := h.u.editor.Report()
	folder := filepath.Join(t.TempDir(), export.FileName(r, ""))
	h.u.export.WriteTo(r, export.Web, folder)
	h.waitFor("the page", func() bool { return strings.Contains(h.u.statusText.Text, "已导出网页") })
	// Done: the dialog offers the next step and 关闭, nothing to cancel (issue 19 point 11).
	if msg := h.overlayText(); !strings.Contains(msg, "在浏览器中打开") || !strings.Contains(msg, "关闭") || strings.Contains(msg, "取消") {
		t.Errorf("dialog says %q", msg)
	}
	page, err := os.ReadFile(filepath.Join(folder, web.IndexName))
	if err != nil || !strings.Contains(string(page), r.DisplayTitle()) || !strings.Contains(string(page), "<svg") {
		t.Errorf("index.html: %v", err)
	}
	// a folder that cannot be made: the user is told
	h.u.export.WriteTo(r, export.Web, h.st.Path())
	h.waitFor("the refusal", func() bool { return strings.Contains(h.u.statusText.Text, "无法导出网页") })
}

// TestExportWebMakesTheFolderItNames: the folder dialog says a folder named
// after the report is made in the one chosen; the page went straight into
// the chosen folder instead, strewing index.html and the CSVs among the
// clerk's files.
func TestExportWebMakesTheFolderItNames(t *testing.T) {
	h := newHarness(t, nil)
	r := report.New("中卫市民政局", 2023)
	h.startOn(h.put(r))
	dir := t.TempDir()
	h.u.files.SetFolder(storage.NewFileURI(dir).String())
	h.u.exporter(export.Web)()
	h.waitFor("the folder dialog", func() bool { return strings.Contains(h.overlayText(), "新建文件夹") })
	h.win.Resize(h.win.Canvas().Size())
	h.tapDefault() // 导出到此处
	h.waitFor("the page", func() bool { return strings.Contains(h.u.statusText.Text, "已导出网页") })
	folder := filepath.Join(dir, export.FileName(h.u.editor.Report(), ""))
	if _, err := os.Stat(filepath.Join(folder, web.IndexName)); err != nil {
		t.Errorf("no page in the folder named: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, web.IndexName)); err == nil {
		t.Error("the page was written into the chosen folder itself")
	}
}
