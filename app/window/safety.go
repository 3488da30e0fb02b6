package window

import (
	"fmt"

	"nianbao/data/store"
)

// startChecks runs, once the window is up, what the store wants done first:
// the day's backup, and a word when the database can only be read.
func (u *ui) startChecks() {
	f, isFile := u.st.(store.Files)
	if u.st.ReadOnly() {
		if !isFile {
			u.ShowMessage("数据库只能读取", u.st.ReadOnlyReason()+"。\n\n可以查看、导出和打印年报，但所做的修改不能保存。")
			return
		}
		u.ShowMessage("数据库只能读取", fmt.Sprintf("数据库 %s 所在的位置不能写入（只读的文件夹、文件或磁盘），已以只读方式打开。\n\n"+
			"可以查看、导出和打印年报，但所做的修改不能保存。要编辑，请把数据库文件复制到可以写入的文件夹，再用 --db 选项打开它。", f.Path()))
		return
	}
	if !isFile {
		return // a server's database is backed up by its server
	}
	u.Background(f.AutoBackup, func(err error) {
		if err != nil {
			u.SetStatusError("今天的自动备份未能完成：" + err.Error())
		}
	})
}
