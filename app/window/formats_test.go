package window

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/app/window/export"
)

// Every file format of the window is made by its row's writer from the one
// input value (job.Input): the file is what the format is, and the status
// line says how many charts went with it when it has them.
func TestExportEveryFormat(t *testing.T) {
	h := newHarness(t, nil)
	h.u.openExample()
	h.waitFor("the example", func() bool { return h.u.id != 0 })
	r := h.u.editor.Report()
	dir := t.TempDir()
	for _, tc := range []struct {
		f      export.Format
		ext    string
		magic  string
		status string
	}{
		{export.ReportFile, ".nianbao.json", "{", "已导出年报文件："},
		{export.PDF, ".pdf", "%PDF", "已导出 PDF（"},
		{export.PDFCharts, ".pdf", "%PDF", "，附图解 5 幅，正文字体"},
		{export.Word, ".docx", "PK", "已导出 Word 文件："},
		{export.WordCharts, ".docx", "PK", "已导出 Word 文件（附图解 5 幅）："},
		{export.OFD, ".ofd", "PK", "已导出 OFD（7 页）："},
	} {
		dest := filepath.Join(dir, strings.ReplaceAll(tc.status, " ", "")+tc.ext)
		h.u.export.WriteTo(r, tc.f, dest)
		h.waitFor(tc.status, func() bool {
			s := h.u.statusText.Text
			return strings.Contains(s, dest) || strings.Contains(s, "无法")
		})
		if s := h.u.statusText.Text; !strings.Contains(s, tc.status) {
			t.Errorf("%s: status %q, want %q", tc.ext, s, tc.status)
		}
		b, err := os.ReadFile(dest)
		if err != nil || !strings.HasPrefix(string(b), tc.magic) {
			t.Errorf("%s: %v, begins %q", dest, err, b[:min(len(b), 8)])
		}
	}
}
