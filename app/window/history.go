package window

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/report"
	"nianbao/data/store"
)

const versionTime = "2006-01-02 15:04:05"

// showVersions lists the earlier versions of report id, each of which can be restored.
func (u *ui) showVersions(id int64) {
	u.withReport(id, func(r *report.Report) {
		var vs []store.Version
		u.backgroundOrShow("无法读取历史版本", func() error {
			var err error
			vs, err = u.st.Versions(r.Agency, r.Year)
			return err
		}, func() {
			var d dialog.Dialog
			rows := []fyne.CanvasObject{versionHeader("保存时间", "保存方式", "检查结果", "")}
			for _, v := range vs {
				rows = append(rows, u.versionRow(v, func() { d.Hide() },
					v.SavedAt.Local().Format(versionTime), v.Kind.Label(), findingCounts(v.Errors, v.Warnings), ""))
			}
			if len(vs) == 0 {
				rows = nil
			}
			d = u.listDialog(fmt.Sprintf("历史版本：%s%d年度", r.Agency, r.Year),
				"这份年报还没有历史版本。每次保存时，被替换的内容都会保存为历史版本。", rows)
		})
	})
}

// showDeleted lists the deleted reports, each of which can be restored.
func (u *ui) showDeleted() {
	var vs []store.Version
	u.backgroundOrShow("无法读取已删除的年报", func() error {
		var err error
		vs, err = u.st.Deleted()
		return err
	}, func() {
		var d dialog.Dialog
		rows := []fyne.CanvasObject{versionHeader("年报", "删除时间", "检查结果", "最后保存")}
		for _, v := range vs {
			rows = append(rows, u.versionRow(v, func() { d.Hide() },
				fmt.Sprintf("%s%d年度", v.Agency, v.Year), v.ReplacedAt.Local().Format(versionTime),
				findingCounts(v.Errors, v.Warnings), v.SavedAt.Local().Format(versionTime)))
		}
		if len(vs) == 0 {
			rows = nil
		}
		d = u.listDialog("已删除的年报", "没有已删除的年报。", rows)
	})
}

func findingCounts(errs, warns int) string {
	if errs == 0 && warns == 0 {
		return "无错误"
	}
	return fmt.Sprintf("错误 %d，警告 %d", errs, warns)
}

var versionColumns = []float32{0, 170, 140, 0, 80}

func versionHeader(cols ...string) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(cols)+1)
	for _, c := range cols {
		objs = append(objs, boldLabel(c))
	}
	objs = append(objs, layout.NewSpacer())
	return container.NewVBox(container.New(&columns{widths: versionColumns}, objs...), widget.NewSeparator())
}

// versionRow shows one version with a 恢复 button; hide closes the list.
func (u *ui) versionRow(v store.Version, hide func(), cols ...string) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(cols)+1)
	for _, c := range cols {
		l := widget.NewLabel(c)
		l.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, l)
	}
	restore := widget.NewButton("恢复", func() {
		u.confirm("恢复历史版本",
			fmt.Sprintf("把“%s%d年度”恢复为 %s 保存的内容吗？\n现在的内容先保存为历史版本，不会丢失。", v.Agency, v.Year, v.SavedAt.Local().Format(versionTime)),
			"恢复", func() {
				hide()
				u.restoreVersion(v.ID)
			})
	})
	objs = append(objs, restore)
	return container.New(&columns{widths: versionColumns}, objs...)
}

// restoreVersion makes version vid current again and opens it.
func (u *ui) restoreVersion(vid int64) {
	u.flush(func() {
		var id int64
		u.backgroundOrShow("无法恢复", func() error {
			var err error
			id, err = u.st.Restore(vid)
			return err
		}, func() {
			u.resetSave()
			u.id = 0 // reload even when it is the open report
			u.openReport(id)
		})
	})
}
