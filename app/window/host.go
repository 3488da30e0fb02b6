package window

import (
	"context"
	"errors"
	"net/url"
	"time"

	"fyne.io/fyne/v2"

	"nianbao/app/paper"
	"nianbao/app/paper/layout"
	"nianbao/app/window/combineview"
	"nianbao/app/window/intakeview"
	"nianbao/app/window/kit"
	"nianbao/app/window/registerview"
	"nianbao/data/check"
	"nianbao/data/combine"
	"nianbao/data/intake"
	"nianbao/data/register"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/postgres"
	"nianbao/data/workdays"
	"nianbao/forms"
)

// What the window gives its rooms: each room declares the few of these it
// needs as its Host (kit.Window the ones all need).

// Window is the Fyne window the rooms' dialogs are shown over.
func (u *ui) Window() fyne.Window { return u.win }

// Post runs f on the UI goroutine.
func (u *ui) Post(f func()) { u.post(f) }

// Background runs work on the store's goroutine, then done with its error on
// the UI goroutine.
func (u *ui) Background(work func() error, done func(error)) { u.saver.Background(work, done) }

// Flush saves what is not saved yet, then runs then.
func (u *ui) Flush(then func()) { u.saver.Flush(then) }

// Files are the window's file dialogs.
func (u *ui) Files() *kit.Files { return u.files }

// Now is the clock of the defaults.
func (u *ui) Now() time.Time { return u.now() }

// Store is the database the window is on.
func (u *ui) Store() store.Store { return u.st }

// CoverText makes the window's font show texts (see coverText).
func (u *ui) CoverText(texts ...string) { u.coverText(texts...) }

// OpenID is the id of the open report, 0 when none.
func (u *ui) OpenID() int64 { return u.id }

// ReportOpen says whether a report is open.
func (u *ui) ReportOpen() bool { return u.id != 0 }

// Report is the editor's report.
func (u *ui) Report() *report.Report { return u.editor.Report() }

// InvalidCount is the number of the open report's cells whose text is not a figure.
func (u *ui) InvalidCount() int { return u.editor.InvalidCount() }

// ErrorCount is the number of errors the checks find in the open report.
func (u *ui) ErrorCount() int {
	errs, _ := check.Counts(u.editor.Findings())
	return errs
}

// GoTo puts the cursor on what a page of the preview shows at ref.
func (u *ui) GoTo(ref layout.Ref) { u.editor.GoTo(forms.Place(ref)) }

// Renderer is the PDF's renderer with the font setting's faces.
func (u *ui) Renderer() (*paper.Renderer, error) { return u.export.Renderer() }

// Print asks how to print the PDF res of r and sends it.
func (u *ui) Print(r *report.Report, res *paper.Result) { u.printout.Print(r, res) }

// View opens the PDF res of r in the system's viewer.
func (u *ui) View(r *report.Report, res *paper.Result) { u.printout.View(r, res) }

// ExportRegister writes an agency's register workbook through the export path.
func (u *ui) ExportRegister(agency string, apps []register.Application, cal *workdays.Calendar, today time.Time) {
	u.export.ExportRegister(agency, apps, cal, today)
}

// ExportSheet writes a round's workbook through the export path.
func (u *ui) ExportSheet(res *combine.Result) { u.export.ExportSheet(res) }

// ShowOtherSave explains a save over another window's, offering 历史版本.
func (u *ui) ShowOtherSave(title, msg string) {
	d := kit.NewConfirm(u.win, title, msg, "查看历史版本", func() { u.history.ShowVersions(u.id) })
	d.SetDismissText("知道了")
	d.Show()
}

// Renamed follows a saved change of the open report's agency or year: the
// title, and the reports its checks compare with.
func (u *ui) Renamed(r *report.Report) {
	u.setTitle(r)
	u.reloadPrevious(r.Agency, r.Year)
	u.loadSameYear(u.id, r.Agency, r.Year)
}

// WithReport gets report id, saved first when it is the open one, then runs f with it.
func (u *ui) WithReport(id int64, f func(*report.Report)) {
	if id == 0 {
		u.SetStatus("请先打开一份年报")
		return
	}
	if id == sampleID {
		u.ShowMessage("历史版本", "示例年报没有保存，没有历史版本。点“保存”并填写机关名称后，它作为一份年报保存，之后才有历史版本。")
		return
	}
	if id == u.id {
		u.Flush(func() { f(u.editor.Report()) })
		return
	}
	var r *report.Report
	kit.BackgroundOrShow(u, "无法读取年报", func() (err error) {
		r, err = u.st.Get(id)
		return err
	}, func() { f(r) })
}

// OpenStored loads report id into the editor (also when it is the open
// one, whose edits are saved already), then runs then.
func (u *ui) OpenStored(id int64, then func()) {
	var l store.Loaded
	var prev *report.Report
	kit.BackgroundOrShow(u, "无法打开年报", func() (err error) {
		l, prev, err = u.load(id)
		return err
	}, func() {
		u.showReport(id, l, prev)
		then()
	})
}

// Restored follows a restore of the whole database: no report is open, the
// list is read again.
func (u *ui) Restored() {
	u.closeReport()
	u.list.Reload()
	u.show(u.list.Content())
}

// showCombine opens the 汇总 view, after saving the open report.
func (u *ui) showCombine() {
	u.Flush(func() {
		if u.combine == nil {
			u.combine = combineview.New(u, u.st)
		}
		u.show(u.combine.Content())
		u.combine.Start()
	})
}

// showRegister opens the 台账 view, after saving the open report.
func (u *ui) showRegister() {
	st, ok := u.st.(registerview.Store)
	if !ok {
		u.ShowError("无法打开台账", errors.New("这个数据库不保存依申请公开台账"))
		return
	}
	u.Flush(func() {
		if u.register == nil {
			u.register = registerview.New(u, st)
		}
		open := ""
		if r := u.currentReport(); r != nil {
			open = r.Agency
		}
		u.show(u.register.Content())
		u.register.StartWith(open)
	})
}

// edited is the editor's OnChanged: the counts follow, the saver saves once
// typing pauses.
func (u *ui) edited() {
	u.updateCounts()
	if u.id == sampleID {
		u.sampleEdited = true
	}
	u.saver.Edited()
}

// ReadReport reads a report file of any format with the window's one reader
// (off the UI goroutine).
func (u *ui) ReadReport(ctx context.Context, path string) (*report.Report, *intake.Reading, error) {
	return u.intake.Reader().Read(ctx, path)
}

// ConfirmReading shows what was read from the file at path in the
// confirmation view; then gets the report confirmed.
func (u *ui) ConfirmReading(path string, r *report.Report, rd *intake.Reading, then func(*report.Report)) {
	u.intake.Confirm(intakeview.Request{Path: path, Action: "确认并计入汇总", Then: then}, r, rd)
}

// Where names the shared database the list is of, as "共享数据库 …：", and
// is "" for this PC's: after 连接共享数据库 the status line said only 共 0 份年报,
// as on this PC's database.
func (u *ui) Where() string {
	if !postgres.IsURL(u.dbPath) {
		return ""
	}
	name := u.dbPath
	if p, err := url.Parse(u.dbPath); err == nil {
		name = p.Host + p.Path
		if p.User != nil {
			name = p.User.Username() + "@" + name
		}
	}
	return "共享数据库 " + name + "："
}
