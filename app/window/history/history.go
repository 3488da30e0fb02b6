// Package history is the window's room of earlier versions: a report's
// 历史版本 and the 已删除的年报, each version compared with the current content
// or restored.
package history

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/app/window/saving"
	"nianbao/data/check"
	"nianbao/data/compare"
	"nianbao/data/report"
	"nianbao/data/store"
)

const versionTime = saving.TimeFormat

// Store is what the room needs of the store.
type Store interface {
	Load(id int64) (store.Loaded, error)
	Versions(agency string, year int) ([]store.Version, error)
	Deleted() ([]store.Version, error)
	Version(id int64) (*report.Report, error)
	Find(agency string, year int) (int64, *report.Report, error)
	Previous(agency string, year int) (*report.Report, error)
	Restore(versionID int64) (store.Restored, error)
}

// Host is what the room needs of the window.
type Host interface {
	kit.Window
	// WithReport runs f with report id, saved first when it is the open one.
	WithReport(id int64, f func(*report.Report))
	// OpenStored loads report id from the store into the editor, then runs then.
	OpenStored(id int64, then func())
}

// Room shows the versions. Make it with New.
type Room struct {
	u  Host
	st Store
}

// New makes the room of versions in the window u on the store st.
func New(u Host, st Store) *Room { return &Room{u: u, st: st} }

// ShowVersions lists the earlier versions of report id, each of which can be restored.
func (h *Room) ShowVersions(id int64) {
	h.u.WithReport(id, func(r *report.Report) {
		var vs []store.Version
		var cur store.Loaded
		var prev *report.Report
		kit.BackgroundOrShow(h.u, "无法读取历史版本", func() error {
			var err error
			if cur, err = h.st.Load(id); err != nil {
				return err
			}
			// Counted against the previous year as the store counts the
			// versions below and the status line counts the open report.
			if prev, err = h.st.Previous(r.Agency, r.Year); err != nil {
				return err
			}
			vs, err = h.st.Versions(r.Agency, r.Year)
			return err
		}, func() {
			var d dialog.Dialog
			rows := []fyne.CanvasObject{versionHeader("保存时间", "保存方式", "检查结果", "备注")}
			// The content as saved last (a 保存, the close, …) heads the list:
			// it becomes a version when a later save replaces it.
			errs, warns := check.Counts(check.Run(cur.Report, prev))
			rows = append(rows, currentRow(cur.SavedAt.Local().Format(versionTime), cur.Kind.Label(), findingCounts(errs, warns)))
			for _, v := range vs {
				rows = append(rows, h.versionRow(v, func() { d.Hide() },
					v.SavedAt.Local().Format(versionTime), v.Kind.Label(), findingCounts(v.Errors, v.Warnings), replacedText(v)))
			}
			if len(vs) == 0 {
				note := widget.NewLabel(noVersionsYet)
				note.Wrapping = fyne.TextWrapWord
				rows = append(rows, note)
			}
			d = kit.ListDialog(h.u.Window(), fmt.Sprintf("历史版本：%s%d年度", r.Agency, r.Year),
				"这份年报还没有历史版本。每次保存时，被替换的内容都会保存为历史版本。", rows)
		})
	})
}

// ShowDeleted lists the deleted reports, each of which can be restored.
func (h *Room) ShowDeleted() {
	var vs []store.Version
	kit.BackgroundOrShow(h.u, "无法读取已删除的年报", func() error {
		var err error
		vs, err = h.st.Deleted()
		return err
	}, func() {
		var d dialog.Dialog
		rows := []fyne.CanvasObject{versionHeader("年报", "删除时间", "检查结果", "最后保存")}
		for _, v := range vs {
			rows = append(rows, h.versionRow(v, func() { d.Hide() },
				fmt.Sprintf("%s%d年度", v.Agency, v.Year), v.ReplacedAt.Local().Format(versionTime),
				findingCounts(v.Errors, v.Warnings), v.SavedAt.Local().Format(versionTime)))
		}
		if len(vs) == 0 {
			rows = nil
		}
		d = kit.ListDialog(h.u.Window(), "已删除的年报", "没有已删除的年报。", rows)
	})
}

func findingCounts(errs, warns int) string {
	if errs == 0 && warns == 0 {
		return "无错误"
	}
	return fmt.Sprintf("错误 %d，警告 %d", errs, warns)
}

var versionColumns = []float32{0, 170, 140, 0, 150}

func versionHeader(cols ...string) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(cols)+1)
	for _, c := range cols {
		objs = append(objs, kit.BoldLabel(c))
	}
	objs = append(objs, layout.NewSpacer())
	return container.NewVBox(container.New(&kit.Columns{Widths: versionColumns}, objs...), widget.NewSeparator())
}

// versionRow shows one version with a 恢复 button; hide closes the list.
func (h *Room) versionRow(v store.Version, hide func(), cols ...string) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(cols)+1)
	for _, c := range cols {
		l := widget.NewLabel(c)
		l.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, l)
	}
	restore := widget.NewButton("恢复", func() {
		title, msg := restoreQuestion(v)
		kit.Confirm(h.u.Window(), title, msg, "恢复", func() {
			hide()
			h.Restore(v.ID)
		})
	})
	buttons := container.NewHBox(layout.NewSpacer(), restore)
	if v.ReplacedBy != store.SaveDelete {
		buttons.Objects = []fyne.CanvasObject{layout.NewSpacer(), widget.NewButton("比较", func() { h.compare(v) }), restore}
	}
	objs = append(objs, buttons)
	return container.New(&kit.Columns{Widths: versionColumns}, objs...)
}

// restoreQuestion is the title and the question before restoring v: a
// deleted report is brought back, an earlier version replaces the content.
func restoreQuestion(v store.Version) (title, msg string) {
	saved := v.SavedAt.Local().Format(versionTime)
	if v.ReplacedBy == store.SaveDelete {
		return "恢复已删除的年报", fmt.Sprintf("恢复 %s 删除的“%s%d年度”吗？\n恢复的是它删除前最后保存（%s）的内容，恢复后即打开。",
			v.ReplacedAt.Local().Format(versionTime), v.Agency, v.Year, saved)
	}
	return "恢复历史版本", fmt.Sprintf("把“%s%d年度”恢复为 %s 保存的内容吗？\n现在的内容如与它不同，先保存为历史版本，不会丢失。", v.Agency, v.Year, saved)
}

// noVersionsYet says when versions are made, under the current content of
// a report that has none yet.
const noVersionsYet = "还没有更早的版本。每次“保存”、每次关闭窗口、编辑中至少每 5 分钟，当时的内容都会在下一次保存时成为历史版本；" +
	"编辑中自动留下的版本按备份的规则保留（一天内全部保留，一周内每天一个，五周内每周一个），手动保存、新建、导入和恢复的版本一直保留。"

// currentRow shows the current content at the head of the versions: it
// is what the report is now, nothing to restore.
func currentRow(cols ...string) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(cols)+2)
	for _, c := range cols {
		l := widget.NewLabel(c)
		l.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, l)
	}
	objs = append(objs, kit.BoldLabel("当前内容"), layout.NewSpacer())
	return container.New(&kit.Columns{Widths: versionColumns}, objs...)
}

// replacedText notes a version that another window's save replaced.
func replacedText(v store.Version) string {
	if v.ReplacedBy == store.SaveConflict {
		return "另一处的修改"
	}
	return ""
}

// compare shows where version v differs from the current content.
func (h *Room) compare(v store.Version) {
	var old, cur *report.Report
	h.u.Flush(func() {
		kit.BackgroundOrShow(h.u, "无法比较", func() error {
			var err error
			if old, err = h.st.Version(v.ID); err != nil {
				return err
			}
			_, cur, err = h.st.Find(v.Agency, v.Year)
			return err
		}, func() {
			changes := compare.Reports(old, cur)
			title := fmt.Sprintf("比较：%s 保存的版本与当前内容", v.SavedAt.Local().Format(versionTime))
			if len(changes) == 0 {
				kit.ShowMessage(h.u.Window(), title, "这个历史版本与当前内容完全相同。")
				return
			}
			rows := []fyne.CanvasObject{container.NewVBox(container.New(&kit.Columns{Widths: compareColumns},
				kit.BoldLabel("位置"), kit.BoldLabel("历史版本"), kit.BoldLabel("当前内容")), widget.NewSeparator())}
			for _, c := range changes {
				where := widget.NewLabel(c.Where)
				where.Wrapping = fyne.TextWrapBreak
				oldL, newL := widget.NewLabel(c.Old), widget.NewLabel(c.New)
				oldL.Wrapping, newL.Wrapping = fyne.TextWrapBreak, fyne.TextWrapBreak
				rows = append(rows, container.New(&kit.Columns{Widths: compareColumns}, where, oldL, newL))
			}
			d := kit.ListDialog(h.u.Window(), title, "", rows)
			d.Resize(fyne.NewSize(900, 560))
		})
	})
}

var compareColumns = []float32{0, 220, 220}

// Restore makes version vid current again and opens it (also when it is
// the open report).
func (h *Room) Restore(vid int64) {
	h.u.Flush(func() {
		var res store.Restored
		kit.BackgroundOrShow(h.u, "无法恢复", func() (err error) {
			res, err = h.st.Restore(vid)
			return err
		}, func() {
			h.u.OpenStored(res.ReportID, func() { h.u.SetStatus(restoredText(res)) })
		})
	})
}

// restoredText says what a restore really did.
func restoredText(res store.Restored) string {
	switch {
	case res.Recreated:
		return "已找回这份已删除的年报"
	case res.Unchanged:
		return "当前内容与所选的历史版本相同，没有改动，也没有另存历史版本"
	}
	return "已恢复；恢复前的内容已保存为历史版本"
}
