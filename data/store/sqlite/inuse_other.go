//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package sqlite

import (
	"errors"
	"os"
)

// lockFile cannot lock here: every lock "succeeds", so a non-empty -wal is
// always copied aside (which costs disk space, never data).
func lockFile(f *os.File, exclusive, wait bool) error { return nil }

func unlockFile(f *os.File) {}

func isReadOnlyFS(err error) bool { return errors.Is(err, os.ErrPermission) }

// processAlive cannot tell here: a temporary file is removed by its age only.
func processAlive(pid int) bool { return true }

func isNoSpace(errno uintptr) bool { return false }
