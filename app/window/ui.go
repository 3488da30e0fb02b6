package window

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/buildinfo"
	"nianbao/app/window/backups"
	"nianbao/app/window/combineview"
	"nianbao/app/window/connect"
	"nianbao/app/window/export"
	"nianbao/app/window/history"
	"nianbao/app/window/intakeview"
	"nianbao/app/window/kit"
	"nianbao/app/window/preview"
	"nianbao/app/window/printout"
	"nianbao/app/window/registerview"
	"nianbao/app/window/reports"
	"nianbao/app/window/saving"
	"nianbao/data/check"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/postgres"
	"nianbao/forms"
)

// settingLastReport is the store setting that remembers the report worked on last.
const settingLastReport = "last_report"

// ui is the window's logic: the report list, the editor, the status line,
// the menus, and the rooms it opens into. It is built on any fyne.App (the
// real one in Run, the test app in tests) and touches its widgets only on the
// UI goroutine. Work that may take time (the store, the PDF, printing) runs
// elsewhere and comes back through post. It implements each room's Host.
type ui struct {
	app fyne.App
	win fyne.Window
	st  store.Store

	// post runs a function on the UI goroutine: fyne.Do in the real window,
	// a queue the test drains in tests. It is the package's only way back.
	post func(func())
	// saver saves the open report and runs every store job in order.
	saver *saving.Saver
	files *kit.Files

	editor     *forms.Editor
	body       *fyne.Container // the list or the editor
	list       *reports.List
	editorView fyne.CanvasObject
	editorArea *fyne.Container // the editor, or the editor and the 预览 pane
	showing    fyne.CanvasObject

	statusText *widget.Label
	counts     *tapLabel
	invalid    *widget.Label
	reportOnly []*widget.Button // actions that need an open report

	// The open report; id is 0 when none is open. Only the UI goroutine uses these.
	id    int64
	title string // agency and year, as the window title and messages name the report
	// closeWarned: the user chose to close with cells whose text is not a figure.
	closeWarned bool
	// The example while it is open (id sampleID): edited since opened, and the
	// user chose to close without saving it.
	sampleEdited, sampleWarned bool
	dbPath                     string // shown in 关于; set by Run
	// secrets keeps the shared database's password (the system's credential
	// store); switchTo makes the window anew on another database (set by Run).
	secrets  connect.Secrets
	switchTo func(st store.Store, where string)

	now        func() time.Time // the clock of the defaults; tests set their own
	lastAgency string           // of the report opened last, for 新建

	// The rooms.
	pv        *preview.Room     // the 预览 pane
	export    *export.Path      // every export and print
	printout  *printout.Room    // the printer and the viewer
	history   *history.Room     // 历史版本, 已删除的年报
	backups   *backups.Room     // 备份与恢复
	chartsTab *chartsTab        // the editor's 图解 tab
	combine   *combineview.View // the 汇总 view, made when first opened
	intake    *intakeview.Room  // reading Word, PDF and web pages, and confirming what was read

	register *registerview.View // the 台账 view, made when first opened
	presence presence           // the others on the open report
}

func newUI(a fyne.App, w fyne.Window, st store.Store, post func(func())) *ui {
	u := &ui{app: a, win: w, st: st, post: post, now: time.Now, secrets: connect.System{}}
	u.editor = forms.NewEditor()
	u.saver = saving.New(st, u.editor, u)
	if j, ok := st.(*postgres.Journaled); ok {
		// The journal sends a waiting save in the background: the status line follows.
		j.OnSent(func(sent map[int64]store.Saved) {
			post(func() {
				for id, saved := range sent {
					u.saver.Sent(id, saved)
				}
			})
		})
	}
	dbFile := "" // a server's database has no file to protect
	if f, ok := st.(store.Files); ok {
		dbFile = f.Path()
	}
	u.files = kit.NewFiles(dbFile, func(folder string) {
		u.Background(func() error { return u.st.SetSetting(settingLastFolder, folder) }, nil)
	})
	u.loadFolder()
	u.export = export.New(u, st)
	u.printout = printout.New(u, func(r *report.Report) string { return export.FileName(r, ".pdf") })
	u.history = history.New(u, st)
	if f, ok := st.(store.Files); ok {
		u.backups = backups.New(u, f)
	}
	u.intake = intakeview.New(u, intakeview.NewReader())

	u.editor.SetOnChanged(func() {
		u.edited()
		u.pv.Changed()
	})
	u.editor.SetOnFormerNameChanged(u.setFormerName)
	u.list = reports.New(u, reports.Actions{
		New: u.newReport, Import: u.importFile, Example: u.openExample, Combine: u.showCombine,
		Register: u.showRegister, Deleted: u.history.ShowDeleted,
		Open: u.OpenReport, Export: u.exportReport, History: u.history.ShowVersions, Delete: u.deleteReport,
	})

	u.statusText = widget.NewLabel("")
	u.counts = newTapLabel(u.focusFirstFinding)
	u.counts.Hide()
	u.invalid = widget.NewLabel("")
	u.invalid.Importance = widget.DangerImportance
	u.invalid.Hide()
	// The status text gives way (truncated) to the counts, never widening the window.
	u.statusText.Truncation = fyne.TextTruncateEllipsis
	status := container.NewBorder(nil, nil, nil, container.NewHBox(u.invalid, u.counts), u.statusText)

	u.addChartsTab()
	u.editorArea = container.NewStack(u.editor.Content())
	u.pv = preview.New(u, u.editor.Content(), u.editorArea)
	u.editorView = container.NewBorder(u.editorToolbar(), nil, nil, nil, u.editorArea)
	u.body = container.NewStack()
	w.SetContent(container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), status), nil, nil, u.body))
	w.SetMainMenu(u.mainMenu())
	u.editor.AddShortcuts(w.Canvas())
	// Ctrl+S also when no entry has the focus (the menu's shortcut covers the rest).
	w.Canvas().AddShortcut(saveShortcut, func(fyne.Shortcut) { u.save() })
	w.SetCloseIntercept(u.close)
	u.setReportActions()
	u.startWatch(watchEvery)
	return u
}

var saveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierControl}

func (u *ui) editorToolbar() fyne.CanvasObject {
	btn := func(label string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Importance = widget.LowImportance
		return b
	}
	listBtn := btn("年报列表", theme.ListIcon(), u.ShowList)
	newBtn := btn("新建", theme.ContentAddIcon(), u.newReport)
	importBtn := btn("导入", theme.FolderOpenIcon(), u.importFile)
	exportBtn := btn("导出", theme.DocumentSaveIcon(), func() { u.exportReport(u.id) })
	historyBtn := btn("历史版本", theme.HistoryIcon(), func() { u.history.ShowVersions(u.id) })
	pdfBtn := btn("导出PDF", theme.DownloadIcon(), u.exporter(export.PDF))
	previewBtn := btn("预览", theme.VisibilityIcon(), u.pv.Toggle)
	printBtn := btn("打印", theme.DocumentPrintIcon(), u.exporter(export.Printer))
	combineBtn := btn("汇总", theme.GridIcon(), u.showCombine)
	saveBtn := btn("保存", theme.DocumentSaveIcon(), u.save)
	saveBtn.Importance = widget.HighImportance
	u.reportOnly = []*widget.Button{exportBtn, historyBtn, pdfBtn, previewBtn, printBtn, saveBtn}
	return container.NewVBox(container.NewHBox(
		listBtn, newBtn, importBtn, exportBtn, historyBtn, widget.NewSeparator(),
		pdfBtn, previewBtn, printBtn, widget.NewSeparator(), combineBtn, layout.NewSpacer(), saveBtn,
	), widget.NewSeparator())
}

func (u *ui) mainMenu() *fyne.MainMenu {
	item := func(label string, f func()) *fyne.MenuItem { return fyne.NewMenuItem(label, f) }
	save := item("保存", u.save)
	save.Shortcut = saveShortcut
	quit := item("退出", u.close)
	quit.IsQuit = true
	// The database's items in a submenu, and the sample under 帮助: the 文件
	// menu fits a 1024×600 screen.
	database := item("数据库", nil)
	database.ChildMenu = fyne.NewMenu("",
		item("备份与恢复…", u.showBackups),
		item("连接共享数据库…", u.connectServer),
		item("使用本机数据库", u.useLocal),
	)
	return fyne.NewMainMenu(
		fyne.NewMenu("文件",
			item("年报列表", u.ShowList),
			item("新建…", u.newReport),
			fyne.NewMenuItemSeparator(),
			item("导入…", u.importFile),
			item("导出…", func() { u.exportReport(u.id) }),
			fyne.NewMenuItemSeparator(),
			save,
			item("历史版本", func() { u.history.ShowVersions(u.id) }),
			item("已删除的年报", u.history.ShowDeleted),
			item("汇总…", u.showCombine),
			item("依申请公开台账…", u.showRegister),
			fyne.NewMenuItemSeparator(),
			database,
			fyne.NewMenuItemSeparator(),
			quit,
		),
		fyne.NewMenu("输出",
			item("导出 PDF…", u.exporter(export.PDF)),
			item("导出 PDF（附图解）…", u.exporter(export.PDFCharts)),
			item("导出 Word…", u.exporter(export.Word)),
			item("导出 Word（附图解）…", u.exporter(export.WordCharts)),
			item("导出 OFD…", u.exporter(export.OFD)),
			item("导出网页…", u.exporter(export.Web)),
			item("预览（窗口右侧）", u.pv.Toggle),
			item("用 PDF 阅读器打开", u.exporter(export.Viewer)),
			item("打印…", u.exporter(export.Printer)),
			fyne.NewMenuItemSeparator(),
			u.export.FontsItem(),
		),
		fyne.NewMenu("帮助",
			item("使用说明", u.guide),
			item("打开示例", u.openExample),
			item("关于", u.about),
		),
	)
}

// exporter is the action that sends the open report out as f, through the
// export path.
func (u *ui) exporter(f export.Format) func() {
	return func() { u.export.Export(u.id, f) }
}

// exportReport writes report id as a .nianbao.json file the user chooses.
func (u *ui) exportReport(id int64) { u.export.Export(id, export.ReportFile) }

// start opens the report worked on last, or the list the first time.
func (u *ui) start() {
	var id int64
	var l store.Loaded
	var prev *report.Report
	u.startChecks()
	u.Background(func() error {
		v, err := u.st.Setting(settingLastReport)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if v == "" {
			return store.ErrNotFound
		}
		if id, err = strconv.ParseInt(v, 10, 64); err != nil {
			return store.ErrNotFound
		}
		l, prev, err = u.load(id)
		return err
	}, func(err error) {
		if err != nil {
			if !errors.Is(err, store.ErrNotFound) {
				u.ShowError("无法打开上次的年报", err)
			}
			u.ShowList()
			return
		}
		u.showReport(id, l, prev)
	})
}

// load reads a stored report and the same agency's previous year, which the
// checks compare against. It runs on the store goroutine.
func (u *ui) load(id int64) (l store.Loaded, prev *report.Report, err error) {
	if l, err = u.st.Load(id); err != nil {
		return store.Loaded{}, nil, err
	}
	prev, err = u.st.Previous(l.Report.Agency, l.Report.Year)
	return l, prev, err
}

// OpenReport loads a stored report into the editor, after saving the open one.
func (u *ui) OpenReport(id int64) {
	u.Flush(func() {
		var l store.Loaded
		var prev *report.Report
		u.Background(func() (err error) {
			l, prev, err = u.load(id)
			return err
		}, func(err error) {
			if err != nil {
				u.ShowError("无法打开年报", err)
				u.list.Reload()
				return
			}
			u.showReport(id, l, prev)
		})
	})
}

// showReport puts a loaded report into the editor and remembers it as the last one.
func (u *ui) showReport(id int64, l store.Loaded, prev *report.Report) {
	u.id = id
	r := l.Report
	u.saver.Open(id, l.Revision, r)
	u.editor.SetReport(r, prev)
	u.editor.SetInvalidTexts(l.Invalid)
	u.loadFormerName(id, r)
	u.loadSameYear(id, r.Agency, r.Year)
	u.pv.Now()
	u.lastAgency = r.Agency
	u.setTitle(r)
	u.SetStatus("已打开，修改会自动保存")
	u.holdReport(id)
	u.updateCounts()
	u.setReportActions()
	u.show(u.editorView)
	if u.chartsTab != nil {
		u.chartsTab.reportChanged()
	}
	u.Background(func() error {
		return u.st.SetSetting(settingLastReport, strconv.FormatInt(id, 10))
	}, func(err error) {
		if err != nil {
			u.SetStatusError("无法记住上次打开的年报：" + err.Error())
		}
	})
}

// closeReport empties the editor (the report was deleted).
func (u *ui) closeReport() {
	u.saver.Leave()
	u.releaseHold()
	u.id = 0
	u.title = ""
	u.editor.SetReport(nil, nil)
	if u.chartsTab != nil {
		u.chartsTab.reportChanged()
	}
	u.pv.Clear()
	u.win.SetTitle(buildinfo.Name)
	u.counts.Hide()
	u.invalid.Hide()
	u.setReportActions()
}

func (u *ui) setTitle(r *report.Report) {
	u.title = fmt.Sprintf("%s%d年度", r.Agency, r.Year)
	u.win.SetTitle(buildinfo.Name + " — " + u.title)
}

func (u *ui) show(o fyne.CanvasObject) {
	if u.showing == o {
		return
	}
	u.showing = o
	if o == u.editorView {
		u.updateCounts()
	} else {
		u.counts.Hide()
		u.invalid.Hide()
	}
	if o != u.editorView && o != u.list.Content() {
		// 汇总, 台账 and the other rooms say their own: the status line
		// said 已打开，修改会自动保存 of the report left, or 已导出… of
		// another room's file.
		u.SetStatus("")
	}
	u.body.Objects = []fyne.CanvasObject{o}
	u.body.Refresh()
}

// ShowList saves the open report and shows the list of stored reports.
func (u *ui) ShowList() {
	u.Flush(func() {
		u.list.Reload()
		u.show(u.list.Content())
	})
}

func (u *ui) setReportActions() {
	for _, b := range u.reportOnly {
		if u.id == 0 {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// updateCounts shows the editor's error, warning and invalid-cell counts;
// invalid cells count as not passed.
func (u *ui) updateCounts() {
	if u.id == 0 || u.showing != u.editorView {
		return
	}
	u.coverReport(u.editor.Report())
	errs, warns := check.Counts(u.editor.Findings())
	n := u.editor.InvalidCount()
	switch {
	case errs == 0 && warns == 0 && n == 0:
		u.counts.SetText("检查通过：无错误、无警告")
		u.counts.Importance = widget.SuccessImportance
	case errs == 0 && warns == 0:
		// A cell whose text is not a figure holds the figure from before it:
		// what the checks passed is not what the clerk typed.
		u.counts.SetText("检查未通过：无错误、无警告，但有填写有误的格")
		u.counts.Importance = widget.DangerImportance
	default:
		u.counts.SetText(fmt.Sprintf("错误 %d 个，警告 %d 个", errs, warns))
		if errs > 0 || n > 0 {
			u.counts.Importance = widget.DangerImportance
		} else {
			u.counts.Importance = widget.WarningImportance
		}
	}
	u.counts.Refresh()
	u.counts.Show()
	if n > 0 {
		u.invalid.SetText(fmt.Sprintf("%d 处填写有误（未保存）", n)) // cells, and text fields (forms)
		u.invalid.Show()
	} else {
		u.invalid.Hide()
	}
}

func (u *ui) focusFirstFinding() {
	fs := u.editor.Findings()
	for _, f := range fs {
		if f.Severity == check.Error {
			u.editor.Focus(f)
			return
		}
	}
	if len(fs) > 0 {
		u.editor.Focus(fs[0])
	}
}

func (u *ui) SetStatus(s string) {
	u.statusText.Importance = widget.MediumImportance
	u.statusText.SetText(s)
}

func (u *ui) SetStatusError(s string) {
	u.statusText.Importance = widget.DangerImportance
	u.statusText.SetText(s)
}

// ShowError shows a failure in a dialog whose text can be selected and copied.
func (u *ui) ShowError(title string, err error) { kit.ShowError(u.win, title, err) }

// ShowMessage shows a titled message with an OK button.
func (u *ui) ShowMessage(title, msg string) { kit.ShowMessage(u.win, title, msg) }

// showBackups opens 备份与恢复; a server's database is backed up by its server.
func (u *ui) showBackups() {
	if u.backups == nil {
		u.ShowMessage("备份与恢复", "现在使用的是数据库服务器上的共享数据库（"+u.dbPath+"），它由服务器备份："+
			"请管理员用 pg_dump 等工具定期备份。本机数据库的备份在这里不显示。")
		return
	}
	u.backups.Show()
}

func (u *ui) about() {
	msg := buildinfo.About() + "\n\n编制、检查、打印政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。"
	if u.dbPath != "" {
		msg += "\n\n数据库：" + u.dbPath
	}
	u.ShowMessage("关于"+buildinfo.Name, msg)
}

// close saves the open report and closes the window, after a word about
// cells whose text is not a figure.
func (u *ui) close() {
	if u.saver.Stopped() || !u.closeSample() {
		return
	}
	if u.id != 0 && u.editor.InvalidCount() > 0 && !u.closeWarned {
		u.export.AskInvalid(u.id, "关闭", func() {
			u.closeWarned = true
			u.close()
		})
		return
	}
	if err := u.saver.Close(); err != nil {
		// Saving failed (a conflict, a full disk): keep the window so nothing is lost.
		kit.ConfirmDanger(u.win, "无法保存", "关闭前未能保存这份年报："+err.Error()+"\n\n仍要关闭吗？最后的修改将会丢失。", "仍然关闭", func() {
			u.saver.Forget()
			u.close()
		})
		return
	}
	u.intake.Reader().Close() // stops PDFium, if a PDF was read
	if u.combine != nil {
		u.combine.Stop() // its listening connection to the server
	}
	u.stopWatch()
	u.win.Close()
}

// tapLabel is a label that does something when tapped: the status line's
// counts, which go to the first finding.
type tapLabel struct {
	widget.Label
	onTapped func()
}

func newTapLabel(f func()) *tapLabel {
	l := &tapLabel{onTapped: f}
	l.TextStyle.Bold = true
	l.ExtendBaseWidget(l)
	return l
}

func (l *tapLabel) Tapped(*fyne.PointEvent) { l.onTapped() }

func (l *tapLabel) Cursor() desktop.Cursor { return desktop.PointerCursor }
