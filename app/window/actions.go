package window

import (
	"errors"
	"fmt"
	"nianbao/data/infile"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/data/figure"
	"nianbao/data/printed"
	"nianbao/data/report"
	"nianbao/data/store"
)

// settingLastFolder is the store setting holding the folder of the last file
// dialog: with the program's other per-user settings, in the database.
const settingLastFolder = "last_folder"

// newReport asks for agency and year and creates the report, blank or from
// the same agency's previous year.
func (u *ui) newReport() {
	agency := widget.NewEntry()
	agency.SetPlaceHolder("如：某某市民政局")
	agency.SetText(u.defaultAgency())
	year := widget.NewEntry()
	year.SetText(strconv.Itoa(report.DefaultYear(u.now())))
	const blank, fromPrev = "空白年报", fromPreviousLabel
	kind := widget.NewRadioGroup([]string{blank, fromPrev}, nil)
	kind.SetSelected(fromPrev)
	agency.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("请填写机关名称")
		}
		if m := report.TextProblem(report.FieldAgency, strings.TrimSpace(s)); m != "" {
			return errors.New(m) // the same rule as the file reader and the store
		}
		return nil
	}
	year.Validator = func(s string) error {
		_, err := figure.ParseYear(s)
		return err
	}
	// Broken by the print rules at a fixed width: Fyne broke 上年的 Word
	// as "Wo" and "rd" on two lines.
	const noteWidth = 480
	note := container.New(kit.FixedWidth(noteWidth), kit.WrappedAt(fromPreviousNote, noteWidth))
	items := []*widget.FormItem{
		widget.NewFormItem("机关名称", agency),
		widget.NewFormItem("报告年度", year),
		widget.NewFormItem("内容", container.NewVBox(kind, note)),
	}
	d := dialog.NewForm("新建年报", "创建", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		y, _ := figure.ParseYear(year.Text)
		u.CreateReport(strings.TrimSpace(agency.Text), y, kind.Selected == fromPrev)
	}, u.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	d.Show()
	u.win.Canvas().Focus(agency)
}

// What 以上一年度的年报为基础 does (report.NewFromPrevious). The body text is
// not copied: last year's text stands beside each section to be updated
// paragraph by paragraph, since a report copied from last year (雷同) is a
// defect reviewers name.
const (
	fromPreviousLabel = "以上一年度的年报为基础"
	fromPreviousNote  = "沿用上年的标题、引言、结尾和各节小标题（标题、引言和小标题中的年份改为本年度），结转数和现行有效件数接上年；各节正文留空，上年的正文显示在各节旁，可逐段复制后改写。数据库中没有上年的年报时，可以从上年的 Word、PDF 文件或网页读取。"
)

// defaultAgency is the agency a new report is most likely for: that of the
// report worked on last, or else of the one saved last.
func (u *ui) defaultAgency() string {
	if r := u.currentReport(); r != nil {
		return r.Agency
	}
	if u.lastAgency != "" {
		return u.lastAgency
	}
	var last store.Summary
	for _, s := range u.list.Reports() {
		if s.SavedAt.After(last.SavedAt) {
			last = s
		}
	}
	return last.Agency
}

// CreateReport stores a new report and opens it; an existing one of the same
// agency and year is offered instead.
func (u *ui) CreateReport(agency string, year int, fromPrev bool) {
	u.Flush(func() {
		var id int64
		var r, prev *report.Report
		var l store.Loaded
		exists, noPrev := false, false
		u.Background(func() error {
			var err error
			if id, _, err = u.st.Find(agency, year); err == nil {
				exists = true
				return nil
			} else if !errors.Is(err, store.ErrNotFound) {
				return err
			}
			if prev, err = u.st.Previous(agency, year); err != nil {
				return err
			}
			if fromPrev && prev == nil {
				noPrev = true // a file of last year's is offered first
				return nil
			}
			if fromPrev && prev != nil {
				r = report.NewFromPrevious(prev, year)
			} else {
				r = report.New(agency, year)
			}
			id, l, prev, err = u.putNew(r, store.SaveCreate)
			return err
		}, func(err error) {
			switch {
			case err != nil:
				u.ShowError("无法新建年报", err)
			case exists:
				kit.Confirm(u.win, "年报已存在", fmt.Sprintf("数据库中已有“%s%d年度”的年报。打开它吗？", agency, year), "打开", func() { u.OpenReport(id) })
			case noPrev:
				u.offerPreviousFile(agency, year)
			default:
				u.showReport(id, l, prev)
				if fromPrev && prev != nil {
					u.editor.ProposeFormerName(prev.Agency) // offered as 曾用名 if the name is edited
				}

			}
		})
	})
}

// putNew stores a report the user has just made (new, or the example) and
// loads it back as the editor opens it. It runs on the store goroutine.
func (u *ui) putNew(r *report.Report, kind store.SaveKind) (int64, store.Loaded, *report.Report, error) {
	id, err := u.st.Put(r, kind)
	if err != nil {
		return 0, store.Loaded{}, nil, err
	}
	l, prev, err := u.load(id)
	return id, l, prev, err
}

// importFile asks for a report file and imports it.
func (u *ui) importFile() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			u.ShowError("无法打开文件", err)
			return
		}
		if !u.files.Chosen(rc) {
			return // cancelled, or the second click of a double-click on a folder
		}
		defer rc.Close()
		u.files.RememberFolder(rc.URI())
		if !isReportFile(rc.URI().Name()) {
			u.importReceived(kit.SystemPath(rc.URI()))
			return
		}
		data, err := u.files.Read(rc)
		if err != nil {
			u.ShowError("无法读取文件", err)
			return
		}
		u.importData(rc.URI().Name(), data)
	}, u.win)
	u.files.Show(d, reportExts)
}

// importPaths imports the report files the program was started with (a file
// double-clicked, or opened through 打开方式), each as 导入 does: read through
// the one opener, the same questions asked. Only the first is shown when
// several are given; each is imported.
func (u *ui) importPaths(paths []string) {
	for _, p := range paths {
		if !isReportFile(p) {
			u.importReceived(p)
			continue
		}
		data, err := infile.ReadFile(p, infile.Report)
		if err != nil {
			u.ShowError("无法导入", err)
			continue
		}
		u.importData(filepath.Base(p), data)
	}
}

// importData imports the content of a report file called name.
func (u *ui) importData(name string, data []byte) {
	r, err := report.Parse(data)
	if err != nil {
		u.ShowMessage("无法导入", fmt.Sprintf("“%s”不是有效的年报文件：\n%v", name, printed.Explain(err)))
		return
	}
	u.importReport(name, r)
}

// importReport stores r, read from the file called name (asking first when
// the database has the same agency and year), and opens it.
func (u *ui) importReport(name string, r *report.Report) {
	u.Flush(func() {
		exists := false
		u.Background(func() error {
			_, _, err := u.st.Find(r.Agency, r.Year)
			if errors.Is(err, store.ErrNotFound) {
				return nil
			}
			exists = err == nil
			return err
		}, func(err error) {
			switch {
			case err != nil:
				u.ShowError("无法导入", err)
			case exists:
				kit.Confirm(u.win, "导入年报", fmt.Sprintf("数据库中已有“%s%d年度”的年报。用文件“%s”的内容替换吗？\n替换前的内容保存为历史版本，可在“历史版本”中找回。", r.Agency, r.Year, name),
					"替换", func() { u.storeImported(r, store.SaveImport) })
			default:
				u.storeImported(r, store.SaveImport)
			}
		})
	})
}

// storeImported stores r (replacing the same agency and year) and opens it.
func (u *ui) storeImported(r *report.Report, kind store.SaveKind) {
	var id int64
	var prev *report.Report
	var l store.Loaded
	kit.BackgroundOrShow(u, "无法保存年报", func() error {
		var err error
		if id, err = u.st.Put(r, kind); err != nil {
			return err
		}
		l, prev, err = u.load(id)
		return err
	}, func() {
		u.showReport(id, l, prev)
		u.SetStatus(fmt.Sprintf("已导入“%s%d年度”", r.Agency, r.Year))
	})
}

// currentReport is the report in the editor, or nil when none is open.
func (u *ui) currentReport() *report.Report {
	if u.id == 0 || u.id == sampleID {
		return nil
	}
	return u.editor.Report()
}

// loadFolder reads the folder of the last dialog from the store, off the UI
// goroutine; a dialog opened before it arrives starts in the default place.
func (u *ui) loadFolder() {
	var v string
	u.Background(func() (err error) {
		v, err = u.st.Setting(settingLastFolder)
		return err
	}, func(err error) {
		if err == nil {
			u.files.Loaded(v)
		}
	})
}

// deleteReport deletes report id after asking; its versions stay, so it can be restored.
func (u *ui) deleteReport(id int64) {
	name := u.reportName(id)
	kit.ConfirmDanger(u.win, "删除年报", fmt.Sprintf("删除“%s”吗？\n删除后可在“已删除的年报”中恢复。", name), "删除", func() {
		if id == u.id {
			// Save the last edits first: they are what 已删除的年报 brings back.
			u.Flush(func() {
				u.saver.Forget()
				u.deleteStored(id, name)
			})
			return
		}
		u.deleteStored(id, name)
	})
}

func (u *ui) deleteStored(id int64, name string) {
	u.Background(func() error { return u.st.Delete(id) }, func(err error) {
		if err != nil {
			u.ShowError("无法删除", err)
			return
		}
		if id == u.id {
			u.closeReport()
		}
		u.list.Reload()
		u.show(u.list.Content())
		u.SetStatus("已删除“" + name + "”")
	})
}

// reportName names report id as the list shows it.
func (u *ui) reportName(id int64) string {
	if id == u.id && u.title != "" {
		return u.title
	}
	for _, s := range u.list.Reports() {
		if s.ID == id {
			return fmt.Sprintf("%s%d年度", s.Agency, s.Year)
		}
	}
	return "这份年报"
}
