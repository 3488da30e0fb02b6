// Package syserr says in Chinese what went wrong with a file or the system: the
// kinds of error a user can meet (no permission, missing, disk full, read-only,
// locked, busy, I/O), of the OS and of the libraries that register their
// errors here (SQLite's, by data/store), so that no English fragment reaches
// the user.
// The original error stays available to logs through errors.Unwrap.
package syserr

import (
	"errors"
	"io/fs"
	"syscall"
)

// Messages that more than one system's error codes share.
const (
	msgDiskFull     = "磁盘空间已满（或超出配额），请清理磁盘后重试"
	msgReadOnly     = "磁盘或文件夹是只读的，不能写入"
	msgNoPermission = "没有权限（请检查文件和文件夹的权限，或换一个位置）"
	msgNotExist     = "文件或文件夹不存在"
	msgExists       = "文件已存在"
	msgLoop         = "符号链接过多（可能互相指向，形成循环）"
	msgTooLong      = "文件名或路径太长"
	msgIO           = "磁盘读写出错（硬件或网络存储故障），请检查磁盘"
	msgLocked       = "文件被其他程序锁定，请稍后重试"
	msgTooManyFiles = "打开的文件过多，请关闭一些程序后重试"
)

// Message returns a Chinese description of err's kind, or "" when err is of no
// kind known here.
func Message(err error) string {
	if err == nil {
		return ""
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if m := errnoMessage(errno); m != "" {
			return m
		}
	}
	for _, t := range translators {
		if m := t.Message(err); m != "" {
			return m
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return msgNotExist
	case errors.Is(err, fs.ErrPermission):
		return msgNoPermission
	case errors.Is(err, fs.ErrExist):
		return msgExists
	case errors.Is(err, fs.ErrClosed):
		return "文件已关闭"
	}
	return ""
}

// Describe is Message, or, for an error of no known kind, a generic Chinese
// sentence that still keeps the original text in brackets for support staff.
func Describe(err error) string {
	if m := Message(err); m != "" {
		return m
	}
	if err == nil {
		return ""
	}
	return "系统错误（" + innermost(err).Error() + "）"
}

// Original is the system's own words for err: the deepest wrapped error's
// text (for logs, --json and support staff; users read Text or Describe).
func Original(err error) string {
	if err == nil {
		return ""
	}
	return innermost(err).Error()
}

// innermost is the deepest wrapped error: the OS's own words, without the
// operation and path that *fs.PathError adds (the caller names the path itself).
func innermost(err error) error {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			return err
		}
		err = u
	}
}

// Error is an error whose text is Chinese and names what and where, and which
// keeps its cause for errors.Is and logs.
type Error struct {
	What  string // e.g. "无法写入 /home/a/报告.pdf"
	Cause error
}

func (e *Error) Error() string { return e.What + "：" + Describe(e.Cause) }
func (e *Error) Unwrap() error { return e.Cause }

// Wrap returns err as an *Error that says what failed, or nil for nil.
func Wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	return &Error{What: what, Cause: err}
}
