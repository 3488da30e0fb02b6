package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"nianbao/data/store"
)

func (s *DB) readOnlyError() error {
	return fmt.Errorf("%s：可以查看、导出、打印，不能保存修改（%w）", s.ReadOnlyReason(), store.ErrReadOnly)
}

// ReadOnlyReason says why the database was opened read-only, naming where,
// or "" when it can be written.
func (s *DB) ReadOnlyReason() string {
	switch {
	case !s.readOnly:
		return ""
	case s.full:
		return fmt.Sprintf("数据库 %s 所在的磁盘已满（文件夹 %s 没有剩余空间），已以只读方式打开", s.path, filepath.Dir(s.path))
	}
	return fmt.Sprintf("数据库 %s 所在的位置不能写入，已以只读方式打开", s.path)
}

// writable reports whether the database at path can be written: the file (if
// it exists) opens for writing, and its folder takes new files (SQLite's -wal
// and -shm). A folder that does not exist yet counts as writable: Open makes it.
// Trying, rather than reading permission bits, gets read-only disks and
// immutable files right, also for root.
func writable(path string) bool {
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
	} else if !errors.Is(err, os.ErrNotExist) {
		return false
	}
	probe, err := os.CreateTemp(filepath.Dir(path), ".nianbao-probe-*")
	if errors.Is(err, os.ErrNotExist) {
		return true
	}
	if err != nil {
		return false
	}
	probe.Close()
	os.Remove(probe.Name())
	return true
}

// existingFile is prepareFile for a database that cannot be written: it must
// exist and hold data, for nothing can be made of it.
func existingFile(path string) (bool, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return false, fmt.Errorf("无法创建数据库 %s：所在的文件夹不能写入", path)
	case err != nil:
		return false, fmt.Errorf("无法访问数据库 %s：%w", path, err)
	case info.IsDir():
		return false, fmt.Errorf("数据库路径 %s 是一个文件夹", path)
	case info.Size() == 0:
		return false, fmt.Errorf("数据库 %s 是空文件，而它所在的位置不能写入，无法建立数据库", path)
	}
	return true, nil
}

// readOnlyConn opens path for reading only. SQLite reads a WAL database
// read-only only when it can use (or make) the -shm file; in a folder it cannot
// write to or on a full disk, and with no -wal left or an empty one (the
// database was closed cleanly; SQLite may have just made the -wal), the file
// is read as immutable instead, which needs no -shm.
func readOnlyConn(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("无法打开数据库 %s：%w", path, err)
	}
	var n int
	err = db.QueryRow(`SELECT count(*) FROM sqlite_schema`).Scan(&n)
	if err == nil {
		return db, nil
	}
	db.Close()
	if info, statErr := os.Lstat(path + "-wal"); statErr == nil && info.Size() > 0 || statErr != nil && !errors.Is(statErr, os.ErrNotExist) {
		return nil, fmt.Errorf("无法读取数据库 %s：%w", path, err)
	}
	return sql.Open("sqlite3", dsn(path, true)+"&immutable=1")
}

// openReadOnly opens an inspected database that cannot be written. Its schema
// must be current: an older one could only be read after an upgrade.
func openReadOnly(path string) (*DB, error) {
	db, err := readOnlyConn(path)
	if err != nil {
		return nil, err
	}
	s := &DB{db: db, path: path, now: time.Now, readOnly: true}
	steps, err := migrations()
	if err != nil {
		db.Close()
		return nil, err
	}
	version, err := s.userVersion(db)
	if err != nil {
		db.Close()
		return nil, err
	}
	if version < len(steps) {
		db.Close()
		return nil, fmt.Errorf("数据库 %s 由旧版本的年报创建，需要升级才能使用，但它所在的位置不能写入。"+
			"请把它复制到可以写入的文件夹后再打开", path)
	}
	return s, nil
}

// OpenReadOnly opens the database at path for reading only, as Open does
// where nothing can be written.
func OpenReadOnly(path string) (*DB, error) { return open(path, options{readOnly: true}) }
