package window

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/buildinfo"
	"nianbao/app/paper"
	"nianbao/data/check"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/syserr"
	"nianbao/forms"
)

// settingLastReport is the store setting that remembers the report worked on last.
const settingLastReport = "last_report"

// ui is the window's logic: the report list, the editor and its autosave, the
// dialogs. It is built on any fyne.App (the real one in Run, the test app in
// tests) and touches its widgets only on the UI goroutine. Work that may take
// time (the store, the PDF, printing) runs elsewhere and comes back through post.
type ui struct {
	app fyne.App
	win fyne.Window
	st  *store.Store

	// post runs a function on the UI goroutine: fyne.Do in the real window,
	// a queue the test drains in tests. It is the package's only way back.
	post func(func())
	// jobs runs store work in order on one goroutine, so that saves land in the
	// order they were made.
	jobs       chan func()
	workerDone chan struct{}

	editor     *forms.Editor
	body       *fyne.Container // the list or the editor
	list       *reportList
	editorView fyne.CanvasObject
	editorArea *fyne.Container // the editor, or the editor and the 预览 pane
	pv         *previewer
	showing    fyne.CanvasObject

	statusText *widget.Label
	counts     *tapLabel
	invalid    *widget.Label
	reportOnly []*widget.Button // actions that need an open report

	// The open report; id is 0 when none is open. Only the UI goroutine uses these.
	id       int64
	title    string // agency and year, as the window title and messages name the report
	autosave autosaver
	exit     exitSaver
	closed   bool
	// closeWarned: the user chose to close with cells whose text is not a figure.
	closeWarned bool
	dbPath      string // shown in 关于; set by Run
	paper       renderer

	chartsTab  *chartsTab       // the editor's 图解 tab
	now        func() time.Time // the clock of the defaults; tests set their own
	lastAgency string           // of the report opened last, for 新建
	folder     string           // of the last file dialog (settingLastFolder)
	combine    *combineView     // the 汇总 view, made when first opened
}

func newUI(a fyne.App, w fyne.Window, st *store.Store, post func(func())) *ui {
	u := &ui{
		app: a, win: w, st: st, post: post,
		jobs:       make(chan func(), 64),
		workerDone: make(chan struct{}),
		now:        time.Now,
	}
	u.autosave.delay = autosaveDelay
	go u.worker()
	u.loadFolder()
	// Every file dialog of the window (import, export, 汇总, web) reads only
	// regular files and never writes over the database: set once, here.
	useFileRules(st.Path())

	u.editor = forms.NewEditor()
	u.pv = newPreviewer(u)
	u.editor.SetOnChanged(func() {
		u.edited()
		u.pv.changed()
	})
	u.editor.SetOnFormerNameChanged(u.setFormerName)
	u.list = newReportList(u)

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
	u.editorView = container.NewBorder(u.editorToolbar(), nil, nil, nil, u.editorArea)
	u.body = container.NewStack()
	w.SetContent(container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), status), nil, nil, u.body))
	w.SetMainMenu(u.mainMenu())
	u.editor.AddShortcuts(w.Canvas())
	// Ctrl+S also when no entry has the focus (the menu's shortcut covers the rest).
	w.Canvas().AddShortcut(saveShortcut, func(fyne.Shortcut) { u.saveManual() })
	w.SetCloseIntercept(u.close)
	u.setReportActions()
	return u
}

var saveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierControl}

func (u *ui) editorToolbar() fyne.CanvasObject {
	btn := func(label string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Importance = widget.LowImportance
		return b
	}
	listBtn := btn("年报列表", theme.ListIcon(), u.showList)
	newBtn := btn("新建", theme.ContentAddIcon(), u.newReport)
	importBtn := btn("导入", theme.FolderOpenIcon(), u.importFile)
	exportBtn := btn("导出", theme.DocumentSaveIcon(), func() { u.exportReport(u.id) })
	historyBtn := btn("历史版本", theme.HistoryIcon(), func() { u.showVersions(u.id) })
	pdfBtn := btn("导出PDF", theme.DownloadIcon(), u.exportPDF)
	previewBtn := btn("预览", theme.VisibilityIcon(), u.pv.toggle)
	printBtn := btn("打印", theme.DocumentPrintIcon(), u.print)
	combineBtn := btn("汇总", theme.GridIcon(), u.showCombine)
	saveBtn := btn("保存", theme.DocumentSaveIcon(), u.saveManual)
	saveBtn.Importance = widget.HighImportance
	u.reportOnly = []*widget.Button{exportBtn, historyBtn, pdfBtn, previewBtn, printBtn, saveBtn}
	return container.NewVBox(container.NewHBox(
		listBtn, newBtn, importBtn, exportBtn, historyBtn, widget.NewSeparator(),
		pdfBtn, previewBtn, printBtn, widget.NewSeparator(), combineBtn, layout.NewSpacer(), saveBtn,
	), widget.NewSeparator())
}

func (u *ui) mainMenu() *fyne.MainMenu {
	item := func(label string, f func()) *fyne.MenuItem { return fyne.NewMenuItem(label, f) }
	save := item("保存", u.saveManual)
	save.Shortcut = saveShortcut
	quit := item("退出", u.close)
	quit.IsQuit = true
	return fyne.NewMainMenu(
		fyne.NewMenu("文件",
			item("年报列表", u.showList),
			item("新建…", u.newReport),
			item("打开示例", u.openExample),
			fyne.NewMenuItemSeparator(),
			item("导入…", u.importFile),
			item("导出…", func() { u.exportReport(u.id) }),
			fyne.NewMenuItemSeparator(),
			save,
			item("历史版本", func() { u.showVersions(u.id) }),
			item("已删除的年报", u.showDeleted),
			item("汇总…", u.showCombine),
			item("备份与恢复…", u.showBackups),
			fyne.NewMenuItemSeparator(),
			quit,
		),
		fyne.NewMenu("输出",
			item("导出 PDF…", u.exportPDF),
			item("导出 PDF（附图解）…", u.exportPDFWithCharts),
			item("导出 Word…", func() { u.exportWord(false) }),
			item("导出 Word（附图解）…", func() { u.exportWord(true) }),
			item("导出网页…", u.exportWeb),
			item("预览（窗口右侧）", u.pv.toggle),
			item("用 PDF 阅读器打开", u.preview),
			item("打印…", u.print),
			fyne.NewMenuItemSeparator(),
			u.bundledFontsItem(),
		),
		fyne.NewMenu("帮助",
			item("关于", u.about),
		),
	)
}

// bundledFontsItem is the ticked menu item for the PDF's font setting.
func (u *ui) bundledFontsItem() *fyne.MenuItem {
	item := fyne.NewMenuItem("PDF 只用程序自带的字体", nil)
	item.Action = func() { u.toggleBundledFonts(item) }
	item.Checked = u.fontChoice() == paper.FontsBundled
	return item
}

// worker runs store jobs one after the other until jobs is closed. After
// the last save on a signal it runs none.
func (u *ui) worker() {
	defer close(u.workerDone)
	for job := range u.jobs {
		u.exit.mu.Lock()
		if !u.exit.stopped {
			job()
		}
		u.exit.mu.Unlock()
	}
}

// background runs work on the store goroutine, then done with its error on the UI goroutine.
func (u *ui) background(work func() error, done func(error)) {
	if u.closed {
		return
	}
	u.jobs <- func() {
		err := work()
		if done != nil {
			u.post(func() { done(err) })
		}
	}
}

// backgroundOrShow runs work on the store goroutine; on the UI goroutine it
// then runs then, or, when work failed, shows the error under failTitle.
func (u *ui) backgroundOrShow(failTitle string, work func() error, then func()) {
	u.background(work, func(err error) {
		if err != nil {
			u.showError(failTitle, err)
			return
		}
		then()
	})
}

// stopWorker lets the queued store jobs finish and ends the worker.
func (u *ui) stopWorker() {
	if u.closed {
		return
	}
	u.closed = true
	close(u.jobs)
	<-u.workerDone
}

// start opens the report worked on last, or the list the first time.
func (u *ui) start() {
	var id int64
	var l store.Loaded
	var prev *report.Report
	u.startChecks()
	u.background(func() error {
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
				u.showError("无法打开上次的年报", err)
			}
			u.showList()
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

// openReport loads a stored report into the editor, after saving the open one.
func (u *ui) openReport(id int64) {
	u.leaveReport(func() {
		var l store.Loaded
		var prev *report.Report
		u.background(func() (err error) {
			l, prev, err = u.load(id)
			return err
		}, func(err error) {
			if err != nil {
				u.showError("无法打开年报", err)
				u.list.reload()
				return
			}
			u.showReport(id, l, prev)
		})
	})
}

// showReport puts a loaded report into the editor and remembers it as the last one.
func (u *ui) showReport(id int64, l store.Loaded, prev *report.Report) {
	u.resetSave()
	u.id = id
	u.opened(id, l.Revision)
	r := l.Report
	u.editor.SetReport(r, prev)
	u.editor.SetInvalidTexts(l.Invalid)
	u.loadFormerName(id, r)
	u.loadSameYear(id, r.Agency, r.Year)
	u.pv.now()
	u.lastAgency = r.Agency
	u.setTitle(r)
	u.setStatus("已打开，修改会自动保存")
	u.updateCounts()
	u.setReportActions()
	u.show(u.editorView)
	u.background(func() error {
		return u.st.SetSetting(settingLastReport, strconv.FormatInt(id, 10))
	}, func(err error) {
		if err != nil {
			u.setStatusError("无法记住上次打开的年报：" + err.Error())
		}
	})
}

// closeReport empties the editor (the report was deleted).
func (u *ui) closeReport() {
	u.resetSave()
	u.id = 0
	u.title = ""
	u.editor.SetReport(nil, nil)
	u.pv.clear()
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
	u.body.Objects = []fyne.CanvasObject{o}
	u.body.Refresh()
}

// showList saves the open report and shows the list of stored reports.
func (u *ui) showList() {
	u.flush(func() {
		u.list.reload()
		u.show(u.list.content)
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

// updateCounts shows the editor's error, warning and invalid-cell counts.
func (u *ui) updateCounts() {
	if u.id == 0 || u.showing != u.editorView {
		return
	}
	u.coverReport(u.editor.Report())
	errs, warns := check.Counts(u.editor.Findings())
	switch {
	case errs == 0 && warns == 0:
		u.counts.SetText("检查通过：无错误、无警告")
		u.counts.Importance = widget.SuccessImportance
	default:
		u.counts.SetText(fmt.Sprintf("错误 %d 个，警告 %d 个", errs, warns))
		if errs > 0 {
			u.counts.Importance = widget.DangerImportance
		} else {
			u.counts.Importance = widget.WarningImportance
		}
	}
	u.counts.Refresh()
	u.counts.Show()
	if n := u.editor.InvalidCount(); n > 0 {
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

func (u *ui) setStatus(s string) {
	u.statusText.Importance = widget.MediumImportance
	u.statusText.SetText(s)
}

func (u *ui) setStatusError(s string) {
	u.statusText.Importance = widget.DangerImportance
	u.statusText.SetText(s)
}

// showError shows a failure in a dialog whose text can be selected and copied.
func (u *ui) showError(title string, err error) {
	u.showMessage(title, syserr.Text(err))
}

// showMessage shows a titled message with an OK button.
func (u *ui) showMessage(title, msg string) {
	d := dialog.NewCustom(title, "确定", messageText(msg), u.win)
	d.Show()
}

// messageText is a wrapping label wide enough for a sentence of Chinese.
func messageText(msg string) fyne.CanvasObject {
	l := widget.NewLabel(msg)
	// Chinese has no spaces to break at: break anywhere, as Chinese text does.
	l.Wrapping = fyne.TextWrapBreak
	l.Selectable = true
	return container.New(fixedWidth(520), l)
}

// fixedWidth lays out one wrapping object at a fixed width, as tall as its
// text then needs (a wrapped label only knows its height once it has a width).
type fixedWidth float32

func (w fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	o := objs[0]
	if o.Size().Width != float32(w) {
		o.Resize(fyne.NewSize(float32(w), o.MinSize().Height))
	}
	return fyne.NewSize(float32(w), o.MinSize().Height)
}

func (w fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// confirm asks a question with two buttons and calls yes when the first is chosen.
func (u *ui) confirm(title, msg, yesLabel string, yes func()) {
	u.newConfirm(title, msg, yesLabel, yes).Show()
}

// confirmDanger is confirm for what cannot simply be undone: the button is red.
func (u *ui) confirmDanger(title, msg, yesLabel string, yes func()) {
	d := u.newConfirm(title, msg, yesLabel, yes)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

func (u *ui) newConfirm(title, msg, yesLabel string, yes func()) *dialog.ConfirmDialog {
	return dialog.NewCustomConfirm(title, yesLabel, "取消", messageText(msg), func(ok bool) {
		if ok {
			yes()
		}
	}, u.win)
}

func (u *ui) about() {
	msg := fmt.Sprintf("%s（Nianbao）%s，提交 %s\n\n编制、检查、打印政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。",
		buildinfo.Name, buildinfo.Version, buildinfo.Commit())
	if u.dbPath != "" {
		msg += "\n\n数据库：" + u.dbPath
	}
	u.showMessage("关于"+buildinfo.Name, msg)
}

// close saves the open report and closes the window, after a word about
// cells whose text is not a figure.
func (u *ui) close() {
	if u.closed {
		return
	}
	if u.id != 0 && u.editor.InvalidCount() > 0 && !u.closeWarned {
		u.warnInvalid(u.id, "关闭", func() {
			u.closeWarned = true
			u.close()
		})
		return
	}
	u.autosave.stopTimer()
	u.stopWorker()
	if err := u.saveNowSync(store.SaveAuto); err != nil {
		// Saving failed (a conflict, a full disk): keep the window so nothing is lost.
		u.closed = false
		u.jobs = make(chan func(), 64)
		u.workerDone = make(chan struct{})
		go u.worker()
		u.confirmDanger("无法保存", "关闭前未能保存这份年报："+err.Error()+"\n\n仍要关闭吗？最后的修改将会丢失。", "仍然关闭", func() {
			u.resetSave()
			u.close()
		})
		return
	}
	u.win.Close()
}

// shutdown runs on the main goroutine once the event loop has ended, however
// it ended (the window closed, or Fyne quit on a signal): the last edits are
// saved if they are not yet.
func (u *ui) shutdown() error {
	u.autosave.stopTimer()
	u.stopWorker()
	return u.saveNowSync(store.SaveAuto)
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
