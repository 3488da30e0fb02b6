package window

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"nianbao/app/registersheet"
	"nianbao/app/window/export"
	"nianbao/app/window/kit/kittest"

	"nianbao/data/register"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/workdays"
)

// 文件 → 依申请公开台账 shows the agency's register with its count of what is
// due, and leads back to the report list.
func TestRegisterRoomOpens(t *testing.T) {
	h := newHarness(t, nil)
	h.idle()
	reg := h.u.st.(store.Register)
	app := register.Application{Number: "1", Received: workdays.Date(h.u.Now()), Type: register.TypeNaturalPerson}
	if _, err := reg.PutApplications("某县财政局", []register.Application{app}); err != nil {
		t.Fatal(err)
	}
	if err := h.u.st.SetSetting("register_agency", "某县财政局"); err != nil {
		t.Fatal(err)
	}
	h.u.showRegister()
	h.idle()
	shown := strings.Join(texts(h.win.Content()), "\n")
	for _, want := range []string{"共 1 件；0 件申请 3 个工作日内到期，0 件已超期", "年报列表", "填写第三部分…"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the 台账 view lacks %q:\n%s", want, shown)
		}
	}
}

// The report list counts the applications falling due in the registers of
// its agencies (and of the agency shown last); tapping the count opens the 台账.
func TestListCountsDueApplications(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	h := newHarness(t, func(st store.Local) {
		if _, err := st.Put(report.New("某县财政局", 2025), store.SaveManual); err != nil {
			t.Fatal(err)
		}
		reg := st.(store.Register)
		apps := []register.Application{
			{Number: "1", Received: day("2025-11-03"), Type: register.TypeNaturalPerson}, // due 12-01: overdue
			{Number: "2", Received: day("2025-12-02"), Type: register.TypeNaturalPerson}, // due 12-30: in 1 working day
			{Number: "3", Received: day("2025-12-24"), Type: register.TypeNaturalPerson}, // far off
			{Number: "4", Received: day("2025-11-03"), Type: register.TypeNaturalPerson, Answered: day("2025-11-20"),
				Outcome: register.OutcomeOfRow(report.RowGranted)},
		}
		if _, err := reg.PutApplications("某县财政局", apps); err != nil {
			t.Fatal(err)
		}
		// An agency with no report, whose register was shown last.
		if _, err := reg.PutApplications("某县教育局", apps[1:2]); err != nil {
			t.Fatal(err)
		}
		if err := st.SetSetting("register_agency", "某县教育局"); err != nil {
			t.Fatal(err)
		}
	})
	h.u.now = func() time.Time { return time.Date(2025, time.December, 29, 9, 0, 0, 0, time.Local) }
	h.u.ShowList()
	h.idle()
	due := h.u.list.Due()
	if !due.Visible() || due.Text != "2 件申请 3 个工作日内到期，1 件已超期" {
		t.Fatalf("the list's count: %q visible %v", due.Text, due.Visible())
	}
	test.Tap(due)
	h.idle()
	shown := strings.Join(texts(h.win.Content()), "\n")
	if !strings.Contains(shown, "共 1 件；1 件申请 3 个工作日内到期，0 件已超期") {
		t.Errorf("tapping the count does not open the 台账:\n%s", shown)
	}

	// In June the four open ones (three and one) are overdue.
	h.u.now = func() time.Time { return time.Date(2026, time.June, 1, 9, 0, 0, 0, time.Local) }
	h.u.ShowList()
	h.idle()
	if h.u.list.Due().Text != "4 件已超期" {
		t.Errorf("in June: %q", h.u.list.Due().Text)
	}
}

// A list with no register shows no count.
func TestListNoCountWithoutRegister(t *testing.T) {
	h := newHarness(t, nil)
	h.u.ShowList()
	h.idle()
	if h.u.list.Due().Visible() {
		t.Errorf("a count with no register: %q", h.u.list.Due().Text)
	}
}

// 导出台账… says the workbook holds personal information before asking for a
// folder; the workbook goes through the export path's one writer, with the
// applicants' names and the notice in its title row.
func TestRegisterExport(t *testing.T) {
	h := newHarness(t, nil)
	h.idle()
	reg := h.u.st.(store.Register)
	app := register.Application{Number: "1", Received: workdays.Date(h.u.Now()), Type: register.TypeNaturalPerson, Applicant: "王小明"}
	if _, err := reg.PutApplications("某县财政局", []register.Application{app}); err != nil {
		t.Fatal(err)
	}
	if err := h.u.st.SetSetting("register_agency", "某县财政局"); err != nil {
		t.Fatal(err)
	}
	h.u.showRegister()
	h.idle()
	var exportBtn *widget.Button
	kittest.Walk(h.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "导出台账…" {
			exportBtn = b
		}
	})
	if exportBtn == nil {
		t.Fatal("the 台账 view has no 导出台账…")
	}
	test.Tap(exportBtn)
	h.idle()
	if text := h.overlayText(); !strings.Contains(text, "含申请人姓名、联系方式、证件号码等个人信息") || !strings.Contains(text, "导出“某县财政局”的台账 1 件吗") {
		t.Fatalf("no warning before the export:\n%s", text)
	}
	h.tapOverlayButton("导出")
	h.idle()
	if h.win.Canvas().Overlays().Top() == nil || strings.Contains(h.overlayText(), "个人信息") {
		t.Errorf("no folder is asked for after 导出:\n%s", h.overlayText())
	}

	dest := filepath.Join(t.TempDir(), export.RegisterName("某县财政局", h.u.Now()))
	h.u.export.RegisterTo("某县财政局", []register.Application{app}, workdays.Shipped(), h.u.Now(), dest)
	h.idle()
	if !strings.Contains(h.u.statusText.Text, "已导出台账表格（含个人信息，不得公开）") {
		t.Errorf("status: %s", h.u.statusText.Text)
	}
	f, err := excelize.OpenFile(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(registersheet.SheetName)
	if err != nil {
		t.Fatal(err)
	}
	all := fmt.Sprint(rows)
	if !strings.Contains(all, registersheet.Notice) || !strings.Contains(all, "王小明") {
		t.Errorf("workbook: %s", all)
	}
	if !strings.HasSuffix(dest, "含个人信息）.xlsx") {
		t.Errorf("name: %s", dest)
	}
}

// With no register shown before, 依申请公开台账 opened from a report takes the
// report's agency, so that 登记新申请 goes on instead of 请先填写机关名称.
func TestRegisterTakesTheOpenReportsAgency(t *testing.T) {
	h := newHarness(t, nil)
	h.startOn(h.put(report.New("某县财政局", 2025)))
	h.u.showRegister()
	h.idle()
	shown := strings.Join(texts(h.win.Content()), "\n")
	if !strings.Contains(shown, "某县财政局") {
		t.Errorf("the 台账 view does not name the open report's agency:\n%s", shown)
	}
}

// 汇总 and 台账 opened from a report do not keep its status line
// (已打开，修改会自动保存), which read as if the room saved something.
func TestRoomsStartWithTheirOwnStatus(t *testing.T) {
	h := newHarness(t, nil)
	h.startOn(h.put(report.New("某县财政局", 2025)))
	h.u.SetStatus("已打开，修改会自动保存")
	h.u.showCombine()
	h.idle()
	if got := h.u.statusText.Text; strings.Contains(got, "已打开") {
		t.Errorf("汇总 shows the report's status %q", got)
	}
	h.u.SetStatus("已导出汇总表格：/tmp/x.xlsx")
	h.u.showRegister()
	h.idle()
	if got := h.u.statusText.Text; strings.Contains(got, "已导出汇总表格") {
		t.Errorf("台账 shows 汇总's status %q", got)
	}
}
