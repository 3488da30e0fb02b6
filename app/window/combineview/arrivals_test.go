package combineview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit/kittest"

	"nianbao/data/combine"
	"nianbao/data/report"
	"nianbao/data/store"
)

const (
	doubtDocx = "../intakeview/testdata/busy-2024-one-doubt.docx"
	doubtPDF  = "../intakeview/testdata/busy-2024-one-doubt.pdf"
	hongzequ  = "../../../data/intake/pdf/testdata/hongzequ-2024.pdf"
	haitan    = "../../../data/intake/web/testdata/pingtan-haitan-2023.html"
	scjgj     = "../../../data/combine/testdata/pingtan-scjgj-2024.nianbao.json"
)

func copyTo(t *testing.T, dir, src, name string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// 汇总 over a folder of mixed files: a report file, a county's PDF and a
// Word file are read as the command line reads them; the PDF read completely
// is stored and counted, the Word file with its one doubtful cell is not:
// its cell is listed in the import result, in 注意事项 and beside its unit
// (待核对) until a person confirms it, and then it is counted with the figure
// confirmed. A web page of another year is named and left out.
func TestImportMixedFolder(t *testing.T) {
	h := newHost(t, func(st store.Store) {
		roster := []combine.Unit{
			{Name: "淮安市洪泽区人民政府", Type: report.AgencyGovernment},
			{Name: "示例市人民政府", Type: report.AgencyGovernment},
			{Name: "平潭综合实验区市场监督管理局", Type: report.AgencyDepartment},
		}
		if err := st.SetRoster("某省人民政府", 2024, roster); err != nil {
			t.Fatal(err)
		}
	})
	h.showCombine()
	h.Idle()
	v := h.view
	v.agency.SetText("某省人民政府")
	v.year.SetText("2024")
	dir := t.TempDir()
	copyTo(t, dir, hongzequ, "洪泽区.pdf")
	copyTo(t, dir, doubtDocx, "示例市.docx")
	copyTo(t, dir, haitan, "海坛片区.html")
	copyTo(t, dir, scjgj, "市场监管局.nianbao.json")

	v.importPaths([]string{dir})
	waitRead(h, "the import result", func() bool { return strings.Contains(h.OverlayText(), "导入结果") })
	text := h.OverlayText()
	for _, want := range []string{
		"洪泽区.pdf：已导入“淮安市洪泽区人民政府”（PDF 文件，每个数字都已读准）",
		"市场监管局.nianbao.json：已导入“平潭综合实验区市场监督管理局”",
		"示例市.docx：“示例市人民政府”（Word 文件）有 1 处需要人工核对，未导入，待核对",
		"三、本年度办理结果（一）予以公开“自然人”：印的是“8l3”，不是数字，请填写",
		"海坛片区.html：是“",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("import result lacks %q:\n%s", want, text)
		}
	}
	h.TapOverlayButton("关闭")
	h.WaitFor("the round", func() bool { return v.res != nil && v.res.Units[0].Source != "" })
	if _, _, err := h.st.Find("示例市人民政府", 2024); err == nil {
		t.Fatal("the file with a doubtful cell was stored before a person confirmed it")
	}
	cell, _ := cellByPath("applications.granted[0]")
	before := v.res.Sum[cell.Index]
	if got := strings.Join(statusTexts(v), ","); !strings.Contains(got, "示例市人民政府:待核对") || strings.Contains(got, "淮安市洪泽区人民政府:未报送") {
		t.Errorf("statuses %s", got)
	}
	if !strings.Contains(v.summary.Text, "1 份文件有需要人工核对之处，尚未计入合计：“示例市人民政府”") {
		t.Errorf("summary: %q", v.summary.Text)
	}
	notes := strings.Join(noteTexts(v), "\n")
	if !strings.Contains(notes, "待核对：《示例市.docx》（“示例市人民政府”，Word 文件）有 1 处需要人工核对，未计入合计") {
		t.Errorf("notes: %s", notes)
	}

	// The unit's 核对文件 opens the confirmation view; confirming counts it.
	v.selectUnit(1)
	if v.openBtn.Text != "核对文件" || !strings.Contains(v.unitInfo.Text, "印的是“8l3”") {
		t.Fatalf("unit: %q, %q", v.openBtn.Text, v.unitInfo.Text)
	}
	v.openUnit()
	if h.confirming == nil || filepath.Base(h.confirming.path) != "示例市.docx" {
		t.Fatalf("confirmation view not asked for: %+v", h.confirming)
	}
	r := h.confirming.report.Clone()
	r.Applications[report.RowGranted][report.ColNaturalPerson] = 813
	h.confirming.then(r)
	h.WaitFor("the confirmed unit", func() bool { return v.res.Units[1].Source != "" && len(v.pending) == 0 })
	if got := v.res.Sum[cell.Index]; got != before+813 {
		t.Errorf("予以公开 自然人 sums %d, want %d + 813", got, before)
	}
	if strings.Contains(v.summary.Text, "人工核对") {
		t.Errorf("summary still waits: %q", v.summary.Text)
	}
	if want := "《示例市.docx》已核对：“示例市人民政府”已导入"; h.Status() != want {
		t.Errorf("status %q, want %q", h.Status(), want)
	}
}

// statusTexts are the status list's unit and status columns, as shown.
func statusTexts(v *View) []string {
	var out []string
	for row := range v.res.Units {
		name, status := widget.NewLabel(""), widget.NewLabel("")
		v.updateStatusCell(widget.TableCellID{Row: row, Col: 1}, name)
		v.updateStatusCell(widget.TableCellID{Row: row, Col: 4}, status)
		out = append(out, name.Text+":"+status.Text)
	}
	return out
}

// noteTexts are the texts of 注意事项.
func noteTexts(v *View) []string { return kittest.Texts(v.notes) }

// A file with a doubtful cell of a unit whose report the database has
// already: the summary says the sum uses the stored one, and the file waits.
func TestDoubtfulFileOfStoredUnit(t *testing.T) {
	h := newHost(t, func(st store.Store) {
		if _, err := st.Put(combineUnit("示例市人民政府", 5, "0"), store.SaveImport); err != nil {
			t.Fatal(err)
		}
	})
	h.showCombine()
	h.Idle()
	v := h.view
	v.agency.SetText("某省人民政府")
	v.year.SetText("2024")
	dir := t.TempDir()
	copyTo(t, dir, doubtDocx, "示例市.docx")
	v.importPaths([]string{dir})
	waitRead(h, "the import result", func() bool { return strings.Contains(h.OverlayText(), "导入结果") })
	h.WaitFor("the round", func() bool { return v.res != nil && len(v.pending) == 1 })
	if want := "尚未计入合计：“示例市人民政府”（合计中用的是数据库中已有的它的报告）"; !strings.Contains(v.summary.Text, want) {
		t.Errorf("summary %q lacks %q", v.summary.Text, want)
	}
	if _, r, _ := h.st.Find("示例市人民政府", 2024); r.Applications[report.RowNew][report.ColNaturalPerson] != 5 {
		t.Errorf("the stored report was replaced by a doubtful file")
	}
}

// waitRead is WaitFor for reading files: PDFium in WebAssembly under the
// race detector takes far longer than kittest's ten seconds.
func waitRead(h *host, what string, cond func() bool) {
	h.T.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			h.T.Fatalf("timed out waiting for %s (status %q)", what, h.Status())
		}
		h.Run()
		time.Sleep(10 * time.Millisecond)
	}
}
