//go:build unix

package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// What inspect says of a file it could not read: damaged only when SQLite
// says so; a full disk is said in Chinese, naming the folder.
func TestNotOursOrDiskFull(t *testing.T) {
	path := "/数据/nianbao.db"
	for _, tc := range []struct {
		name string
		err  error
		want string // in the message
		full bool
	}{
		{"SQLITE_FULL", sqlite3.Error{Code: sqlite3.ErrFull}, "没有剩余空间", true},
		{"I/O error, ENOSPC", sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.ENOSPC}, "/数据", true},
		{"write, ENOSPC", fmt.Errorf("x: %w", &fs.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}), "磁盘", true},
		{"quota", &fs.PathError{Op: "write", Path: path, Err: syscall.EDQUOT}, "磁盘", true},
		{"corrupt", sqlite3.Error{Code: sqlite3.ErrCorrupt}, "不是年报数据库或已损坏", false},
		{"not a database", sqlite3.Error{Code: sqlite3.ErrNotADB}, "不是年报数据库或已损坏", false},
		{"other I/O error", sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.EIO}, "无法读取数据库", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := notOursOr(path, tc.err)
			if diskFull(tc.err) != tc.full || errors.Is(err, errDiskFull) != tc.full {
				t.Errorf("full: %v, %v; want %v", diskFull(tc.err), errors.Is(err, errDiskFull), tc.full)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.want) || !strings.Contains(msg, path) {
				t.Errorf("%q does not say %q of %s", msg, tc.want, path)
			}
			if tc.full && strings.Contains(err.Error(), "disk") {
				t.Errorf("%q speaks English", err)
			}
		})
	}
}
