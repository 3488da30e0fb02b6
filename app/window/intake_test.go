package window

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit/kittest"
	"nianbao/data/report"
)

const (
	doubtPDF = "intakeview/testdata/busy-2024-one-doubt.pdf"
	hongzequ = "../../data/intake/pdf/testdata/hongzequ-2024.pdf"
)

// fillDoubt types text into the confirmation view's first doubtful cell.
func (h *harness) fillDoubt(text string) {
	h.t.Helper()
	var cell *widget.Entry
	kittest.Walk(h.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "请填写" && cell == nil {
			cell = e
		}
	})
	if cell == nil {
		h.t.Fatalf("no doubtful cell to fill in: %q", h.overlayText())
	}
	test.Type(cell, text)
}

// 导入 of a PDF with a doubtful cell: nothing is stored while the view is
// shown, nor after 取消; corrected and confirmed, the report is stored with
// the figure typed and opened in the editor.
func TestImportPDFConfirmed(t *testing.T) {
	h := newHarness(t, nil)
	h.u.importReceived(doubtPDF)
	h.waitRead("the confirmation view", func() bool { return strings.Contains(h.overlayText(), "核对读到的内容") })
	h.tapOverlayButton("取消")
	h.idle()
	if list, _ := h.st.List(); len(list) != 0 || h.u.id != 0 {
		t.Fatalf("cancelled, yet stored: %+v", list)
	}

	h.u.importReceived(doubtPDF)
	h.waitRead("the confirmation view", func() bool { return strings.Contains(h.overlayText(), "核对读到的内容") })
	if !strings.Contains(h.overlayText(), "印的是“8l3”，不是数字，请填写（第3页）") {
		t.Errorf("the doubt is not listed: %q", h.overlayText())
	}
	h.idle()
	if list, _ := h.st.List(); len(list) != 0 {
		t.Fatalf("stored before it was confirmed: %+v", list)
	}
	h.fillDoubt("813")
	h.tapOverlayButton("确认导入")
	h.waitFor("the imported report", func() bool { return h.u.id != 0 })
	_, r, err := h.st.Find("示例市人民政府", 2024)
	if err != nil || r.Applications[report.RowGranted][report.ColNaturalPerson] != 813 {
		t.Fatalf("stored %v, %v", r, err)
	}
	if got := h.u.editor.Report().Applications[report.RowGranted][report.ColNaturalPerson]; got != 813 {
		t.Errorf("the editor shows %d", got)
	}
	if !strings.Contains(h.u.statusText.Text, "已导入“示例市人民政府2024年度”") {
		t.Errorf("status %q", h.u.statusText.Text)
	}
}

// 新建 → 以上一年度的年报为基础 with no last year in the database offers a
// file of last year's; its reading confirmed, it is stored as last year's and
// this year's is made from it (its 结转 from last year's 结转下年度继续办理).
// A file of another year is refused in the view.
func TestNewFromPreviousFile(t *testing.T) {
	h := newHarness(t, nil)
	const agency = "淮安市洪泽区人民政府"
	h.u.CreateReport(agency, 2025, true)
	h.waitFor("the offer", func() bool {
		return strings.Contains(h.overlayText(), "可以从上一年度年报的 Word、PDF 文件或网页开始")
	})
	if !strings.Contains(h.overlayText(), "数据库中没有“淮安市洪泽区人民政府2024年度”的年报") {
		t.Errorf("offer: %q", h.overlayText())
	}
	h.tapOverlayButton("取消") // neither: nothing is made
	h.idle()
	if list, _ := h.st.List(); len(list) != 0 || h.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("cancelled, yet %+v, %q", list, h.overlayText())
	}
	h.u.CreateReport(agency, 2025, true)
	h.waitFor("the offer", func() bool { return strings.Contains(h.overlayText(), "选择上年的文件…") })
	h.tapOverlayButton("选择上年的文件…")
	top := h.win.Canvas().Overlays().Top()
	top.(interface{ Hide() }).Hide() // the file dialog: the test gives the path itself
	h.u.previousFromFile(agency, 2025, hongzequ)
	h.waitRead("the confirmation view", func() bool { return strings.Contains(h.overlayText(), "核对读到的内容") })
	h.tapOverlayButton("确认并新建")
	h.waitFor("the new report", func() bool { return h.u.id != 0 })
	r := h.u.editor.Report()
	if r.Agency != agency || r.Year != 2025 {
		t.Fatalf("new report %s %d", r.Agency, r.Year)
	}
	_, prev, err := h.st.Find(agency, 2024)
	if err != nil {
		t.Fatalf("last year's not stored: %v", err)
	}
	if r.Applications[report.RowCarriedOver] != prev.Applications[report.RowCarriedForward] {
		t.Errorf("结转 %v, last year's 结转下年度 %v", r.Applications[report.RowCarriedOver], prev.Applications[report.RowCarriedForward])
	}

	// A file of another year: the view says so and stays.
	h2 := newHarness(t, nil)
	h2.u.previousFromFile(agency, 2026, hongzequ)
	h2.waitRead("the confirmation view", func() bool { return strings.Contains(h2.overlayText(), "核对读到的内容") })
	h2.tapOverlayButton("确认并新建")
	h2.loop.run()
	if !strings.Contains(h2.overlayText(), "文件中是2024年度的年报，不是上一年度（2025年度）的") {
		t.Errorf("another year: %q", h2.overlayText())
	}
	h2.idle()
	if list, _ := h2.st.List(); len(list) != 0 {
		t.Errorf("stored: %+v", list)
	}
}

// waitRead is waitFor for reading files: PDFium in WebAssembly (compiled on
// a first read without its cache) under the race detector takes far longer
// than ten seconds.
func (h *harness) waitRead(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting for %s (status %q)", what, h.u.statusText.Text)
		}
		h.loop.run()
		time.Sleep(10 * time.Millisecond)
	}
}

// The program opened with a Word file, PDF or web page (打开方式, a
// double-click) reads it as 导入 does: the confirmation view first.
func TestOpenedWithPDF(t *testing.T) {
	h := newHarness(t, nil)
	h.u.importPaths([]string{doubtPDF})
	h.waitRead("the confirmation view", func() bool {
		return strings.Contains(h.overlayText(), "核对读到的内容：busy-2024-one-doubt.pdf")
	})
	h.idle()
	if list, _ := h.st.List(); len(list) != 0 {
		t.Errorf("stored before it was confirmed: %+v", list)
	}
}
