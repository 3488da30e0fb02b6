package sqlite

import (
	"errors"
	"fmt"
	"path/filepath"
	"syscall"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// notOursOr is the error of a file inspect could not read: notOurs when
// SQLite says the file is not a database or is damaged, else the failure to
// read it (a disk error or a full disk says nothing of the file).
func notOursOr(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		return notOurs(path, err)
	}
	if diskFull(err) {
		return diskFullError(path, err)
	}
	return fmt.Errorf("无法读取数据库 %s：%w", path, err)
}

// diskFull reports whether err says the disk is full: SQLite's SQLITE_FULL,
// or an I/O error (SQLite's "disk I/O error") whose system error is ENOSPC or
// EDQUOT (ERROR_DISK_FULL on Windows).
func diskFull(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		if se.Code == sqlite3.ErrFull || (se.SystemErrno != 0 && isNoSpace(uintptr(se.SystemErrno))) {
			return true
		}
	}
	var errno syscall.Errno
	return errors.As(err, &errno) && isNoSpace(uintptr(errno))
}

// errDiskFull marks the errors of a database on a full disk.
var errDiskFull = errors.New("磁盘空间已满")

// diskFullError says that the disk of the database at path is full, and where.
// SQLite's own words ("disk I/O error") stay in it for logs, not in its text.
func diskFullError(path string, cause error) error { return &fullError{path, cause} }

type fullError struct {
	path  string
	cause error
}

func (e *fullError) Error() string {
	return fmt.Sprintf("%s：数据库 %s 所在的磁盘（文件夹 %s）没有剩余空间，请清理磁盘后重试", errDiskFull, e.path, filepath.Dir(e.path))
}
func (e *fullError) Unwrap() []error { return []error{errDiskFull, e.cause} }
