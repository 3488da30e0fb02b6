// Package infile opens the files a user gives the program to read: only a
// regular file, and never by waiting. A FIFO with no writer would make open
// wait for ever and a device such as /dev/zero never ends, so both are
// refused at once, with a message in Chinese that names the file.
package infile

import (
	"errors"
	"io/fs"
	"os"

	"nianbao/data/syserr"
)

// Open opens path for reading if it is a regular file (a symbolic link to one
// is followed). The file is opened without blocking and then checked itself,
// so that a file swapped after a first look is caught too.
// A refusal says the file is not a report file (年报文件); OpenLimit names
// what else it should be.
func Open(path string) (*os.File, error) { return open(path, Report.Name) }

func open(path, want string) (*os.File, error) {
	if info, err := os.Stat(path); err == nil {
		if m := notRegular(info.Mode()); m != "" {
			return nil, refused(path, m, want)
		}
	}
	f, err := openNoBlock(path)
	if err != nil {
		return nil, syserr.Wrap(path+"：无法读取", err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, syserr.Wrap(path+"：无法读取", err)
	}
	if m := notRegular(info.Mode()); m != "" {
		f.Close()
		return nil, refused(path, m, want)
	}
	return f, nil
}

// ErrNotRegular is the cause of a refusal by Open.
var ErrNotRegular = errors.New("不是普通文件")

func refused(path, what, want string) error {
	return &refusal{path, what, want}
}

type refusal struct{ path, what, want string }

func (r *refusal) Error() string { return r.path + "：" + r.what + "，不是" + r.want }
func (r *refusal) Unwrap() error { return ErrNotRegular }

// notRegular says what a file that is not a regular file is, or "".
func notRegular(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "这是文件夹"
	case m&fs.ModeNamedPipe != 0:
		return "这是命名管道（FIFO）"
	case m&fs.ModeSocket != 0:
		return "这是套接字"
	case m&fs.ModeDevice != 0:
		return "这是设备"
	}
	return "这不是普通文件"
}
