package sqlite

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/mattn/go-sqlite3"
)

// A restore holds SQLite's write lock for as long as it copies (see
// RestoreBackup), which for a large database is longer than the busy timeout
// a writer waits for an ordinary save of another program. So a restore
// announces itself: while it runs it holds a lock on a small file in the
// backup folder (restoringName), and it counts itself in that file. A writer
// that finds the database busy looks there: when a restore runs, or ran since
// the writer began to wait, it waits for the restore (up to restoreWait,
// saying so through the store's notice) and then saves into the restored
// state through its revision check. The lock is the operating system's
// (flock, LockFileEx), so a restoring program that dies leaves nothing held.
// An ordinary busy database fails after the busy timeout as before.
const restoringName = ".nianbao-restoring.lock"

// restoreCountAt is where in the lock file the count of restores is written:
// past the byte that Windows locks, which other programs cannot read while it
// is locked.
const restoreCountAt = 8

// restorePoll is how often a waiting writer looks whether the restore ended.
const restorePoll = 100 * time.Millisecond

// restoreWait is the longest a writer waits for a restore.
var restoreWait = 10 * time.Minute

// duringRestore, when set (by tests), runs inside a restore's transaction
// after the content is replaced and before it commits: a slow restore.
var duringRestore func()

// OnWait sets what the store calls, from the saving goroutine, with a Chinese
// sentence when a save waits for a restore (the command line prints it on
// standard error, the window shows it in its status line). Call it before the
// store is shared.
func (s *DB) OnWait(notice func(string)) { s.waitNotice = notice }

func restoringPath(dbPath string) string { return filepath.Join(BackupDir(dbPath), restoringName) }

// announceRestore takes the restore lock of the database at dbPath (waiting
// for another restore, up to restoreWait) and counts this restore in it. It
// returns the release, or an error when the lock cannot be had; where the
// lock file cannot be made (a read-only folder) nothing is announced.
func announceRestore(dbPath string) (func(), error) {
	f, err := os.OpenFile(restoringPath(dbPath), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return func() {}, nil
	}
	deadline := time.Now().Add(restoreWait)
	for lockFile(f, true, false) != nil {
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("另一个程序正在恢复数据库 %s，等待超过 %s，没有恢复", dbPath, minutes(restoreWait))
		}
		time.Sleep(restorePoll)
	}
	n, _ := strconv.ParseInt(readRestoreCount(f), 10, 64)
	count := []byte(fmt.Sprintf("%020d", n+1))
	if _, err := f.WriteAt(count, restoreCountAt); err != nil {
		unlockFile(f)
		f.Close()
		return nil, fmt.Errorf("无法写入 %s：%w", f.Name(), err)
	}
	return func() { unlockFile(f); f.Close() }, nil
}

// readRestoreCount is the count of restores written in the lock file f.
func readRestoreCount(f *os.File) string {
	b := make([]byte, 20)
	n, _ := f.ReadAt(b, restoreCountAt)
	return string(bytes.TrimLeft(b[:n], "\x00"))
}

// restoreState says whether a restore of the database at dbPath holds its
// lock now, and how many restores have begun.
func restoreState(dbPath string) (running bool, count string) {
	f, err := os.Open(restoringPath(dbPath))
	if err != nil {
		return false, ""
	}
	defer f.Close()
	count = readRestoreCount(f)
	if lockFile(f, false, false) != nil {
		return true, count
	}
	unlockFile(f)
	return false, count
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}

// beginWrite begins a write transaction (BEGIN IMMEDIATE, waiting up to the
// busy timeout for another writer), waiting longer when the database is busy
// because it is being restored.
func (s *DB) beginWrite() (*sql.Tx, error) {
	_, count := restoreState(s.path)
	tx, err := s.db.Begin()
	if err == nil || !isBusy(err) {
		return tx, err
	}
	deadline := time.Now().Add(restoreWait)
	told := false
	for {
		running, now := restoreState(s.path)
		if !running && now == count {
			return nil, err // busy, but not because of a restore
		}
		if running && !told && s.waitNotice != nil {
			s.waitNotice(fmt.Sprintf("数据库 %s 正在从备份恢复，恢复完成后再保存（最多等待 %s）……", s.path, minutes(restoreWait)))
			told = true
		}
		for running {
			if time.Now().After(deadline) {
				return nil, fmt.Errorf("数据库 %s 正在从备份恢复，等待超过 %s，没有保存：%w", s.path, minutes(restoreWait), err)
			}
			time.Sleep(restorePoll)
			running, now = restoreState(s.path)
		}
		count = now
		if tx, err = s.db.Begin(); err == nil || !isBusy(err) {
			return tx, err
		}
	}
}

// minutes says a duration in Chinese, in whole minutes when it is at least one.
func minutes(d time.Duration) string {
	if d >= time.Minute {
		return fmt.Sprintf("%d 分钟", int(d/time.Minute))
	}
	return fmt.Sprintf("%d 秒", int(d/time.Second))
}
