// Package backups is the window's room of the database's backups (文件 →
// 备份与恢复): the list, newest first, a backup made now, and the whole
// database restored from one.
package backups

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/data/store"
)

// Store is what the room needs of the store.
type Store interface {
	Backups() ([]store.Backup, error)
	BackupDir() string
	BackupNow(kind store.BackupKind) (store.Backup, error)
	RestoreBackup(file string, allowEmpty bool) (store.Backup, error)
}

// Host is what the room needs of the window.
type Host interface {
	kit.Window
	// Restored is told that the whole database was replaced: no report is
	// open any more, and the list is read again.
	Restored()
}

// Room shows the backups. Make it with New.
type Room struct {
	u  Host
	st Store
}

// New makes the room of backups in the window u on the store st.
func New(u Host, st Store) *Room { return &Room{u: u, st: st} }

// Show lists the database's backups, newest first, each of which can be
// restored, with a button that makes one now.
func (rm *Room) Show() {
	var bs []store.Backup
	kit.BackgroundOrShow(rm.u, "无法读取备份", func() error {
		var err error
		bs, err = rm.st.Backups()
		return err
	}, func() {
		var d dialog.Dialog
		rows := []fyne.CanvasObject{container.NewVBox(container.New(&kit.Columns{Widths: backupColumns},
			kit.BoldLabel("备份时间"), kit.BoldLabel("种类"), kit.BoldLabel("大小"), kit.BoldLabel("")), widget.NewSeparator())}
		for _, b := range bs {
			rows = append(rows, rm.row(b, func() { d.Hide() }))
		}
		if len(bs) == 0 {
			rows = nil
		}
		where := widget.NewLabel("备份保存在：" + rm.st.BackupDir() +
			"\n每天第一次打开时自动备份；每日备份保留一周，之后每周保留一份，保留一个月。")
		where.Wrapping = fyne.TextWrapBreak
		now := widget.NewButton("立即备份", func() {
			d.Hide()
			rm.Now()
		})
		content := container.NewBorder(container.NewVBox(where, container.NewHBox(now), widget.NewSeparator()), nil, nil, nil,
			backupList(rows))
		d = dialog.NewCustom("备份与恢复", "关闭", content, rm.u.Window())
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

func (rm *Room) row(b store.Backup, hide func()) fyne.CanvasObject {
	cols := []string{b.When(), b.Kind.Label(), sizeText(b.Size)}
	objs := make([]fyne.CanvasObject, 0, len(cols)+1)
	for _, c := range cols {
		l := widget.NewLabel(c)
		l.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, l)
	}
	objs = append(objs, widget.NewButton("恢复", func() {
		kit.ConfirmDanger(rm.u.Window(), "从备份恢复",
			fmt.Sprintf("把整个数据库恢复为 %s 的备份（%s）吗？\n\n所有年报都会回到那时的样子。恢复前，现在的数据库先另存为一份备份，需要时可以再恢复回来。",
				b.When(), filepath.Base(b.Path)),
			"恢复", func() {
				hide()
				rm.restore(b.Path)
			})
	}))
	return container.New(&kit.Columns{Widths: backupColumns}, objs...)
}

func sizeText(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%.0f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// Now writes a backup into the backup folder.
func (rm *Room) Now() {
	rm.u.Flush(func() {
		var b store.Backup
		kit.BackgroundOrShow(rm.u, "无法备份", func() error {
			var err error
			b, err = rm.st.BackupNow(store.BackupManual)
			return err
		}, func() {
			rm.u.SetStatus("已备份：" + b.Path)
		})
	})
}

// restore makes the database the backup at path and shows the list.
func (rm *Room) restore(path string) {
	rm.u.Flush(func() {
		var before store.Backup
		kit.BackgroundOrShow(rm.u, "无法从备份恢复", func() error {
			var err error
			before, err = rm.st.RestoreBackup(path, false)
			return err
		}, func() {
			rm.u.Restored()
			kit.ShowMessage(rm.u.Window(), "已从备份恢复", fmt.Sprintf("数据库已恢复为备份 %s 的内容。\n\n恢复前的数据库已另存为备份：%s", path, before.Path))
		})
	})
}

var backupColumns = []float32{170, 0, 90, 80}
