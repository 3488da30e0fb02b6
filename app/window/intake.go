package window

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/combineview"
	"nianbao/app/window/intakeview"
	"nianbao/app/window/kit"
	"nianbao/data/report"
	"nianbao/data/store"
)

// isReportFile tells the program's own report file (*.json) from a report
// as it arrives (Word, PDF, web page), which is read and confirmed first.
func isReportFile(name string) bool { return strings.EqualFold(filepath.Ext(name), ".json") }

// reportExts are the files 导入 offers: report files and reports as they arrive.
var reportExts = combineview.ReportExts

// importReceived reads a Word file, PDF or web page off the UI goroutine and,
// once the user has confirmed what was read, imports it as 导入 does.
func (u *ui) importReceived(path string) {
	u.files.NoteRead(path)
	name := filepath.Base(path)
	u.intake.Open(intakeview.Request{Path: path, Action: "确认导入", Then: func(r *report.Report) { u.importReport(name, r) }})
}

// offerPreviousFile is 以上一年度的年报为基础 when the database has no last
// year for the agency: last year's Word file, PDF or web page is read and
// confirmed, stored as last year's report, and this year's made from it.
func (u *ui) offerPreviousFile(agency string, year int) {
	msg := fmt.Sprintf("数据库中没有“%s%d年度”的年报。\n可以从上一年度年报的 Word、PDF 文件或网页开始：读取、核对后存入数据库作为上一年度的年报，再以它为基础新建%d年度的年报。", agency, year-1, year)
	var d *dialog.CustomDialog
	choose := func(f func()) func() { return func() { d.Hide(); f() } }
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), choose(func() {}))
	blank := widget.NewButton("新建空白年报", choose(func() { u.CreateReport(agency, year, false) }))
	pick := widget.NewButtonWithIcon("选择上年的文件…", theme.FolderOpenIcon(), choose(func() { u.pickPreviousFile(agency, year) }))
	pick.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("以上一年度的年报为基础", container.NewVBox(kit.MessageText(msg),
		container.NewCenter(container.NewHBox(cancel, blank, pick))), u.win)
	d.Show()
}

// pickPreviousFile asks for last year's file and reads it.
func (u *ui) pickPreviousFile(agency string, year int) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			u.ShowError("无法打开文件", err)
			return
		}
		if rc == nil {
			return
		}
		rc.Close()
		u.files.RememberFolder(rc.URI())
		u.previousFromFile(agency, year, kit.SystemPath(rc.URI()))
	}, u.win)
	u.files.Show(d, reportExts)
}

// previousFromFile reads last year's report from the file at path; once
// confirmed it is stored as last year's and this year's is made from it.
func (u *ui) previousFromFile(agency string, year int, path string) {
	u.files.NoteRead(path)
	check := func(r *report.Report) string { return previousProblem(r, agency, year) }
	u.intake.Open(intakeview.Request{Path: path, Action: "确认并新建", Check: check, Then: func(prev *report.Report) {
		if msg := check(prev); msg != "" { // a report file is not confirmed in the view
			u.ShowMessage("不能采用", msg)
			return
		}
		kit.BackgroundOrShow(u, "无法保存上一年度的年报", func() error {
			_, err := u.st.Put(prev, store.SaveImport)
			return err
		}, func() { u.CreateReport(agency, year, true) })
	}})
}

// previousProblem says why r cannot be the previous year of agency's report
// of year, or "".
func previousProblem(r *report.Report, agency string, year int) string {
	switch {
	case r.Year != year-1:
		return fmt.Sprintf("文件中是%d年度的年报，不是上一年度（%d年度）的。请选择%d年度的年报文件；若是年度读错了，请在“报告年度”中改正。", r.Year, year-1, year-1)
	case r.Agency != agency:
		return fmt.Sprintf("文件中的机关是“%s”，新建的是“%s”。若是同一机关，请在“机关名称”中改为“%s”后确认。", r.Agency, agency, agency)
	}
	return ""
}
