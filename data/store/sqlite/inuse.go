package sqlite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// The database's -wal is copied aside before opening only when it is a
// crashed one (see keepWALAside). A -wal is never empty while a program has the
// database open, so its size says nothing; whether another program holds the
// database does. Every DB that can write holds a shared lock on a small
// file in the backup folder (inUseName) for as long as it is open; a program
// about to open the database tries to take that lock exclusively, without
// waiting: when it cannot, another program has the database open and its -wal
// is alive; when it can, nobody of ours has it open and a non-empty -wal was
// left by a program that ended without closing it.
//
// A lock file of our own rather than SQLite's own locks on the -shm: a POSIX
// lock (which SQLite uses on Unix) is released for the whole process when any
// descriptor of the file is closed, so opening the -shm to test its lock would
// drop the locks of another connection of this process. flock(2) and
// LockFileEx lock one open file, which closes without touching the others.
// A program that does not take the lock (an older release, the sqlite3 tool)
// is not seen: its -wal is copied, which costs disk space, never data.
const inUseName = ".nianbao-in-use.lock"

// inUse is the lock file held by an open DB.
type inUse struct {
	f    *os.File
	made string // the backup folder, when opening the lock file made it
}

// openInUse opens (creating when it can) the lock file of the database at
// dbPath. It returns nil, nil where the file cannot be made (a read-only
// location): such a program cannot copy a -wal either.
func openInUse(dbPath string) (*inUse, error) {
	dir := BackupDir(dbPath)
	made := ""
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		made = dir
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		if errors.Is(err, os.ErrPermission) || isReadOnlyFS(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("无法建立备份文件夹 %s：%w", dir, err)
	}
	name := filepath.Join(dir, inUseName)
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		if f, err = os.Open(name); err != nil {
			return nil, nil // cannot be made here: nothing to hold
		}
	}
	return &inUse{f: f, made: made}, nil
}

// tryExclusive takes the lock alone if nobody holds it, without waiting.
func (l *inUse) tryExclusive() bool {
	if l == nil {
		return false
	}
	return lockFile(l.f, true, false) == nil
}

// share holds the lock shared, as every open DB does, waiting for a
// program that holds it exclusively (one copying a crashed -wal).
func (l *inUse) share(exclusive bool) error {
	if l == nil {
		return nil
	}
	if exclusive {
		unlockFile(l.f) // Windows cannot turn an exclusive lock into a shared one
	}
	if err := lockFile(l.f, false, true); err != nil {
		return fmt.Errorf("无法锁定 %s：%w", l.f.Name(), err)
	}
	return nil
}

func (l *inUse) close() {
	if l != nil {
		l.f.Close() // releases the lock
	}
}

// discard closes the lock of a database that was refused, and removes the
// backup folder again when opening the lock made it and nothing else is in
// it: a refused file is left without a trace.
func (l *inUse) discard() {
	if l == nil {
		return
	}
	l.close()
	if l.made != "" {
		os.Remove(filepath.Join(l.made, inUseName))
		os.Remove(l.made) // fails, as it should, when it holds anything else
	}
}
