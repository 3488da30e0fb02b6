package window

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/buildinfo"
	"nianbao/app/window/kit"
	"nianbao/assets"
	"nianbao/data/figure"
	"nianbao/data/report"
	"nianbao/data/store"
)

// sampleID is the id of the open report while it is the example that comes
// with the program: it is in the editor only, never in the store, until the
// user saves it under a name of their own (保存).
const sampleID = -1

// sampleStatus is what the status line says while the example is open.
const sampleStatus = "示例年报：修改不会自动保存；要留下它，请点“保存”并填写机关名称"

// openExample opens the example report that comes with the program as a
// report not saved: the office's database gets it only when the user saves
// it under a name (saveSampleAs).
func (u *ui) openExample() {
	r, err := report.Parse(assets.ExampleReport)
	if err != nil {
		u.ShowError("示例年报无法读取", err)
		return
	}
	u.Flush(func() { u.showSample(r) })
}

// showSample puts the example into the editor, outside the store.
func (u *ui) showSample(r *report.Report) {
	u.saver.Leave() // nothing of it is saved
	u.releaseHold()
	u.id = sampleID
	u.sampleEdited, u.sampleWarned = false, false
	u.editor.SetReport(r, nil)
	u.editor.SetInvalidTexts(nil)
	u.pv.Now()
	u.title = "示例年报（未保存）"
	u.win.SetTitle(buildinfo.Name + " — " + u.title)
	u.SetStatus(sampleStatus)
	u.updateCounts()
	u.setReportActions()
	u.show(u.editorView)
	if u.chartsTab != nil {
		u.chartsTab.reportChanged()
	}
}

// save is 保存 and Ctrl+S: the open report is saved as a version of its
// own; the example is first given a name.
func (u *ui) save() {
	if u.id == sampleID {
		u.saveSampleAs()
		return
	}
	u.saver.SaveManual()
}

// saveSampleAs asks for the agency and year the example is saved as, and
// stores it as a new report of the office, which is then the open report.
func (u *ui) saveSampleAs() {
	cur := u.editor.Report()
	agency := widget.NewEntry()
	agency.SetPlaceHolder("如：某某市民政局")
	year := widget.NewEntry()
	year.SetText(fmt.Sprint(cur.Year))
	agency.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("请填写机关名称")
		}
		if m := report.TextProblem(report.FieldAgency, strings.TrimSpace(s)); m != "" {
			return errors.New(m)
		}
		return nil
	}
	year.Validator = func(s string) error {
		_, err := figure.ParseYear(s)
		return err
	}
	note := widget.NewLabel("示例年报还没有保存。填写机关名称和报告年度后，它作为一份年报保存到数据库，之后的修改自动保存。")
	note.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("", note),
		widget.NewFormItem("机关名称", agency),
		widget.NewFormItem("报告年度", year),
	}
	d := dialog.NewForm("保存示例年报", "保存", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		y, _ := figure.ParseYear(year.Text)
		u.storeSample(strings.TrimSpace(agency.Text), y)
	}, u.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	d.Show()
	u.win.Canvas().Focus(agency)
}

// storeSample stores the editor's example as the agency's report of year;
// the example's agency in its title becomes the agency's. An agency and
// year already stored is not replaced.
func (u *ui) storeSample(agency string, year int) {
	r := u.editor.Report()
	if r.Agency != "" {
		r.Title = strings.ReplaceAll(r.Title, r.Agency, agency)
	}
	r.Agency, r.Year = agency, year
	var id int64
	var l store.Loaded
	var prev *report.Report
	exists := false
	u.Background(func() error {
		_, _, err := u.st.Find(agency, year)
		switch {
		case err == nil:
			exists = true
			return nil
		case !errors.Is(err, store.ErrNotFound):
			return err
		}
		id, l, prev, err = u.putNew(r, store.SaveManual)
		return err
	}, func(err error) {
		switch {
		case err != nil:
			u.ShowError("无法保存示例年报", err)
		case exists:
			u.ShowMessage("无法保存示例年报", fmt.Sprintf("数据库中已有“%s%d年度”的年报，示例不会替换它。请换一个机关名称或报告年度。", agency, year))
		case u.id != sampleID:
			// another report was opened meanwhile: the saved example waits in the list
		default:
			u.showReport(id, l, prev)
			u.SetStatus(fmt.Sprintf("示例已保存为“%s%d年度”，之后的修改自动保存", agency, year))
		}
	})
}

// closeSample asks before the window closes over an edited example, whose
// edits are kept nowhere; true when the window may close now.
func (u *ui) closeSample() bool {
	if u.id != sampleID || !u.sampleEdited || u.sampleWarned {
		return true
	}
	d := dialog.NewCustomConfirm("示例年报没有保存", "不保存，关闭", "保存为年报", kit.MessageText(
		"示例年报中的修改没有保存，关闭后不会保留。\n\n要留下它，请点“保存为年报”，填写机关名称。"), func(discard bool) {
		if discard {
			u.sampleWarned = true
			u.close()
			return
		}
		u.saveSampleAs()
	}, u.win)
	d.Show()
	return false
}
