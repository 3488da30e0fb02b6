package window

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/export"
	"nianbao/assets"
	"nianbao/data/check"
	"nianbao/data/report"
)

// Every export and print of a report whose figures do not add up asks first,
// naming the errors as printed; 取消 sends nothing out, and a report without
// errors is not asked about.
func TestExportAsksAboutErrors(t *testing.T) {
	h := newHarness(t, nil)
	r, err := report.Parse(assets.ExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	r.Applications[report.RowGranted][report.ColTotal]++ // 总计 no longer the sum of its row
	id := h.put(r)
	h.startOn(id)
	for _, tc := range []struct {
		f      export.Format
		action string
	}{
		{export.PDF, "导出 PDF"},
		{export.Web, "导出网页"},
		{export.Printer, "打印"},
		{export.Word, "导出 Word 文件"},
		{export.OFD, "导出 OFD"},
		{export.ReportFile, "导出"},
	} {
		h.u.export.Export(id, tc.f)
		h.waitFor("the question about errors", func() bool { return strings.Contains(h.overlayText(), "个错误") })
		got := h.overlayText()
		for _, want := range []string{"年报有错误", "这份年报有 ", "（一）予以公开”行", "“总计”", "仍要" + tc.action} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: the question %q lacks %q", tc.action, got, want)
			}
		}
		h.tapOverlayButton("取消")
		h.idle()
		if top := h.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("%s: after 取消 a dialog is still shown: %q", tc.action, h.overlayText())
		}
	}

	// A report that adds up (here one not open) goes straight on to where the file goes.
	good, err := report.Parse(assets.ExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	good.Agency = "中卫市财政局"
	h.u.export.Export(h.put(good), export.PDF)
	h.waitFor("the save dialog", func() bool { return h.win.Canvas().Overlays().Top() != nil })
	if got := h.overlayText(); strings.Contains(got, "错误") {
		t.Errorf("a report without errors was asked about: %q", got)
	}
}

// The status line never says 检查通过 while a cell holds text that is not a
// figure: that cell's figure is not what the clerk typed, so the report has
// not passed.
func TestInvalidCellIsNotPassed(t *testing.T) {
	h := newHarness(t, nil)
	h.u.openExample()
	h.waitFor("the example", func() bool { return h.u.id != 0 })
	if got := h.u.counts.Text; !strings.Contains(got, "检查通过") || h.u.counts.Importance != widget.SuccessImportance {
		t.Fatalf("the example shows %q (importance %v), want 检查通过 in green", got, h.u.counts.Importance)
	}
	h.u.editor.Focus(check.Finding{Part: "三", Row: "new", Column: "自然人"})
	test.Type(h.win.Canvas().Focused(), "五")
	h.waitFor("the invalid cell", func() bool { return h.u.editor.InvalidCount() == 1 && h.u.invalid.Visible() })
	if got := h.u.counts.Text; strings.Contains(got, "检查通过") || h.u.counts.Importance == widget.SuccessImportance {
		t.Errorf("beside %q the status line shows %q (importance %v)", h.u.invalid.Text, got, h.u.counts.Importance)
	}
	if got := h.u.counts.Text; !strings.Contains(got, "未通过") {
		t.Errorf("status %q, want it to say the check has not passed", got)
	}
}
