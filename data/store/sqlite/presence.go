package sqlite

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"nianbao/data/store"
)

// Who has a report open is not kept in the database, which holds only what
// the user typed or confirmed: each window that has report id open holds an
// exclusive lock on a small file of its own in the backup folder,
// .nianbao-open-<id>-<random>.lock, for as long as it has it open. Another
// program counts the files of id it cannot lock: their holders are alive (a
// lock ends with its process, however it ends); a file it can lock was left
// by a program that ended without removing it, and is removed.
const openPrefix = ".nianbao-open-"

// hold is a window's lock file on one report.
type hold struct {
	dir, name string // the backup folder, and the file's name in it
	prefix    string // of every window's file on the same report
	f         *os.File
}

// Hold notes that this program has report id open until the hold is
// released. Where no file can be made (a database in a read-only place),
// the hold counts the others it sees and holds nothing itself.
func (s *DB) Hold(id int64) (store.Hold, error) {
	dir := BackupDir(s.path)
	h := &hold{dir: dir, prefix: fmt.Sprintf("%s%d-", openPrefix, id)}
	if s.readOnly {
		return h, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		if errors.Is(err, os.ErrPermission) || isReadOnlyFS(err) {
			return h, nil
		}
		return nil, fmt.Errorf("无法建立备份文件夹 %s：%w", dir, err)
	}
	var tag [8]byte
	if _, err := rand.Read(tag[:]); err != nil {
		return nil, err
	}
	h.name = h.prefix + hex.EncodeToString(tag[:]) + ".lock"
	f, err := os.OpenFile(filepath.Join(dir, h.name), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrPermission) || isReadOnlyFS(err) {
			return &hold{dir: dir, prefix: h.prefix}, nil
		}
		return nil, fmt.Errorf("无法在 %s 中记下打开的年报：%w", dir, err)
	}
	if err := lockFile(f, true, false); err != nil {
		f.Close()
		os.Remove(filepath.Join(dir, h.name))
		return nil, fmt.Errorf("无法锁定 %s：%w", f.Name(), err)
	}
	h.f = f
	return h, nil
}

// Others counts the other windows and programs that hold the report now.
func (h *hold) Others() (int, error) {
	entries, err := os.ReadDir(h.dir)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("无法读取备份文件夹 %s：%w", h.dir, err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, h.prefix) || !strings.HasSuffix(name, ".lock") || name == h.name || !e.Type().IsRegular() {
			continue
		}
		path := filepath.Join(h.dir, name)
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			continue // removed meanwhile, or not ours to open
		}
		if lockFile(f, true, false) != nil {
			n++ // its holder is alive
			f.Close()
			continue
		}
		unlockFile(f)
		f.Close()
		os.Remove(path) // left by a program that ended without removing it
	}
	return n, nil
}

// Release lets go of the report: its file is removed, then its lock ends.
func (h *hold) Release() {
	if h.f == nil {
		return
	}
	os.Remove(filepath.Join(h.dir, h.name)) // before closing: nobody takes it for a stale one meanwhile
	h.f.Close()
	h.f = nil
}

// Revision returns the current revision of report id (see Update): a window
// sees by it that another has saved the report.
func (s *DB) Revision(id int64) (int64, error) {
	var rev int64
	err := s.db.QueryRow(`SELECT revision FROM reports WHERE id = ?`, id).Scan(&rev)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("报告（编号 %d）：%w", id, store.ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("读取报告（编号 %d）失败：%w", id, err)
	}
	return rev, nil
}
