package window

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/store"
)

// showBackups lists the database's backups, newest first, each of which can be
// restored, with a button that makes one now.
func (u *ui) showBackups() {
	var bs []store.Backup
	u.backgroundOrShow("无法读取备份", func() error {
		var err error
		bs, err = store.Backups(u.st.Path())
		return err
	}, func() {
		var d dialog.Dialog
		rows := []fyne.CanvasObject{container.NewVBox(container.New(&columns{widths: backupColumns},
			boldLabel("备份时间"), boldLabel("种类"), boldLabel("大小"), boldLabel("")), widget.NewSeparator())}
		for _, b := range bs {
			rows = append(rows, u.backupRow(b, func() { d.Hide() }))
		}
		if len(bs) == 0 {
			rows = nil
		}
		where := widget.NewLabel("备份保存在：" + store.BackupDir(u.st.Path()) +
			"\n每天第一次打开时自动备份；每日备份保留一周，之后每周保留一份，保留一个月。")
		where.Wrapping = fyne.TextWrapBreak
		now := widget.NewButton("立即备份", func() {
			d.Hide()
			u.backupNow()
		})
		content := container.NewBorder(container.NewVBox(where, container.NewHBox(now), widget.NewSeparator()), nil, nil, nil,
			backupList(rows))
		d = dialog.NewCustom("备份与恢复", "关闭", content, u.win)
		d.Resize(fyne.NewSize(820, 560))
		d.Show()
	})
}

// backupList is the rows of backups in a scroll, or a line saying there are none.
func backupList(rows []fyne.CanvasObject) fyne.CanvasObject {
	if len(rows) == 0 {
		return widget.NewLabel("还没有备份。")
	}
	return container.NewVScroll(container.NewVBox(rows...))
}

func (u *ui) backupRow(b store.Backup, hide func()) fyne.CanvasObject {
	cols := []string{b.When(), b.Kind.Label(), sizeText(b.Size)}
	objs := make([]fyne.CanvasObject, 0, len(cols)+1)
	for _, c := range cols {
		l := widget.NewLabel(c)
		l.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, l)
	}
	objs = append(objs, widget.NewButton("恢复", func() {
		u.confirmDanger("从备份恢复",
			fmt.Sprintf("把整个数据库恢复为 %s 的备份（%s）吗？\n\n所有年报都会回到那时的样子。恢复前，现在的数据库先另存为一份备份，需要时可以再恢复回来。",
				b.When(), filepath.Base(b.Path)),
			"恢复", func() {
				hide()
				u.restoreBackup(b.Path)
			})
	}))
	return container.New(&columns{widths: backupColumns}, objs...)
}

func sizeText(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%.0f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// backupNow writes a backup into the backup folder.
func (u *ui) backupNow() {
	u.flush(func() {
		var b store.Backup
		u.backgroundOrShow("无法备份", func() error {
			var err error
			b, err = u.st.BackupNow(store.BackupManual)
			return err
		}, func() {
			u.setStatus("已备份：" + b.Path)
		})
	})
}

// restoreBackup makes the database the backup at path and shows the list.
func (u *ui) restoreBackup(path string) {
	u.flush(func() {
		var before store.Backup
		u.backgroundOrShow("无法从备份恢复", func() error {
			var err error
			before, err = u.st.RestoreBackup(path, false)
			return err
		}, func() {
			u.closeReport()
			u.list.reload()
			u.show(u.list.content)
			u.showMessage("已从备份恢复", fmt.Sprintf("数据库已恢复为备份 %s 的内容。\n\n恢复前的数据库已另存为备份：%s", path, before.Path))
		})
	})
}

var backupColumns = []float32{170, 0, 90, 80}
