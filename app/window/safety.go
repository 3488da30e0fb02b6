package window

import (
	"fmt"

	"nianbao/data/report"
	"nianbao/data/store"
)

// warnInvalid runs goOn at once, or, while cells of the open report id hold
// text that is not a figure, after the user chose to go on with action
// (导出, 打印, 关闭): what goes out holds the figures from before those texts.
func (u *ui) warnInvalid(id int64, action string, goOn func()) {
	n := 0
	if id != 0 && id == u.id {
		n = u.editor.InvalidCount()
	}
	if n == 0 {
		goOn()
		return
	}
	msg := fmt.Sprintf("有 %d 格填写的不是有效数字（已标红，状态栏中可见）。这些格的内容没有作为数字保存，"+
		"年报中仍是填写前的数字。", n)
	if action == "关闭" {
		msg += "\n\n标红的内容已保存，下次打开时仍会标红，可以再改。仍要关闭吗？"
	} else {
		msg += fmt.Sprintf("\n\n%s的内容中，这些格是填写前的数字。建议先改正。仍要%s吗？", action, action)
	}
	u.confirm("有填写有误的格", msg, "仍要"+action, goOn)
}

// showOtherSave explains a save over a revision this window had not seen:
// another window or program saved the same report. Both contents are kept.
// The dialog is shown once per report opened; the status line every time.
func (u *ui) showOtherSave(r *report.Report, c *store.Conflict) {
	at := c.Version.SavedAt.Local().Format(versionTime)
	u.setStatusError(fmt.Sprintf("已保存；另一处在 %s 保存的内容已另存为历史版本", at))
	if u.autosave.otherShown {
		return
	}
	u.autosave.otherShown = true
	msg := fmt.Sprintf("“%s%d年度”在另一个窗口或另一个年报程序中也打开并修改了（%s 保存）。\n\n"+
		"两边的修改都没有丢失：本窗口的内容已保存为当前内容，另一处的内容已保存为历史版本（保存时间 %s，保存方式“%s”）。\n\n"+
		"要比较或改用另一处的内容：点“查看历史版本”，在 %s 那一行点“比较”，看与当前内容有哪些不同；点“恢复”即改用它"+
		"（恢复前的当前内容同样保存为历史版本）。\n\n请不要在两处同时编辑同一份年报：另一处再保存时，本窗口的内容也会成为历史版本。",
		r.Agency, r.Year, at, at, c.Version.Kind.Label(), at)
	d := u.newConfirm("同一份年报在两处被修改", msg, "查看历史版本", func() { u.showVersions(u.id) })
	d.SetDismissText("知道了")
	d.Show()
}

// startChecks runs, once the window is up, what the store wants done first:
// the day's backup, and a word when the database can only be read.
func (u *ui) startChecks() {
	if u.st.ReadOnly() {
		u.showMessage("数据库只能读取", fmt.Sprintf("数据库 %s 所在的位置不能写入（只读的文件夹、文件或磁盘），已以只读方式打开。\n\n"+
			"可以查看、导出和打印年报，但所做的修改不能保存。要编辑，请把数据库文件复制到可以写入的文件夹，再用 --db 选项打开它。", u.st.Path()))
		return
	}
	u.background(u.st.AutoBackup, func(err error) {
		if err != nil {
			u.setStatusError("今天的自动备份未能完成：" + err.Error())
		}
	})
}
