package syserr

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// Text is the text of err for the user: err.Error() with the words of the OS
// or of SQLite inside it ("open /a/b: permission denied", "database is
// locked") replaced by their Chinese description, naming the path. The
// original stays in err for logs and --json. Use it wherever an error of
// another package reaches a user.
func Text(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	for e := err; e != nil; e = errors.Unwrap(e) {
		if !speaksOS(e) {
			continue
		}
		m := Message(e)
		if m == "" {
			return msg
		}
		switch pe := e.(type) {
		case *fs.PathError:
			m = pe.Path + "：" + m
		case *os.LinkError:
			m = pe.New + "：" + m
		}
		return strings.Replace(msg, e.Error(), m, 1)
	}
	return msg
}

// speaksOS reports whether e's own text is the English of the OS or of a
// registered library (see Register).
func speaksOS(e error) bool {
	switch e.(type) {
	case *fs.PathError, *os.LinkError, *os.SyscallError, syscall.Errno:
		return true
	}
	for _, t := range translators {
		if t.Speaks(e) {
			return true
		}
	}
	switch e {
	case fs.ErrNotExist, fs.ErrPermission, fs.ErrExist, fs.ErrClosed:
		return true
	}
	return false
}
