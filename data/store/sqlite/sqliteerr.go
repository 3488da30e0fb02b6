package sqlite

import (
	"errors"

	"nianbao/data/syserr"

	"github.com/mattn/go-sqlite3"
)

// SQLite's errors are said in Chinese here, beside the only package that
// opens a database, and given to syserr (whose Text and Describe every front
// door uses) when the store is linked: packages that only read files, such as
// data/report, then link no database driver.
func init() { syserr.Register(sqliteErrors{}) }

// sqliteErrors is the syserr.Translator of go-sqlite3's errors.
type sqliteErrors struct{}

// Speaks reports whether e's own text is SQLite's English.
func (sqliteErrors) Speaks(e error) bool {
	switch e.(type) {
	case sqlite3.Error, sqlite3.ErrNo:
		return true
	}
	return false
}

// Message says in Chinese what a SQLite error means to the user, or ""
// for a kind a user cannot meet (an error in the program's own SQL).
func (sqliteErrors) Message(err error) string {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		var code sqlite3.ErrNo
		if !errors.As(err, &code) {
			return ""
		}
		se.Code = code
	}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return "数据库正被另一个窗口或程序使用（已锁定），请稍后重试，或关闭其他打开这个数据库的窗口"
	case sqlite3.ErrReadonly:
		return "数据库是只读的，不能写入（文件或所在文件夹没有写权限，或在只读的磁盘上）"
	case sqlite3.ErrIoErr:
		return "读写数据库时磁盘出错（硬件、U 盘或网络存储故障），请检查磁盘"
	case sqlite3.ErrFull:
		return "磁盘空间已满，数据库无法写入，请清理磁盘后重试"
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return "数据库文件已损坏，或不是年报数据库"
	case sqlite3.ErrCantOpen:
		if m := syserr.ErrnoMessage(se.SystemErrno); se.SystemErrno != 0 && m != "" {
			return "无法打开数据库文件：" + m
		}
		return "无法打开数据库文件（所在文件夹不存在或没有权限）"
	case sqlite3.ErrPerm, sqlite3.ErrAuth:
		return "没有权限访问数据库"
	case sqlite3.ErrNomem:
		return "内存不足，请关闭一些程序后重试"
	case sqlite3.ErrTooBig:
		return "内容太大，数据库无法保存"
	}
	return ""
}
