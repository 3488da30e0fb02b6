// Package sqlite is the store of one PC (data/store.Local): every agency's report
// for every year, each kept as its canonical JSON, with every earlier version of
// it, in one SQLite file per user.
//
// The file is opened in WAL mode with a busy timeout, so that a second copy of the
// program on the same file waits for the first rather than failing. A file that is
// not a 年报 database, is damaged, or was made by a newer program is refused before
// anything is written to it.
package sqlite

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver

	"nianbao/data/store"
)

// applicationID marks a 年报 database ("NBDB"); it is set by the first migration.
const applicationID = 1312965698

// busyTimeout is how long a connection waits for another one's lock before failing.
const busyTimeout = 5 * time.Second

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// DB is the Local store every command and the window open.
var _ store.Local = (*DB)(nil)

// DB is an open database. Its methods are safe for concurrent use.
type DB struct {
	db       *sql.DB
	path     string
	readOnly bool             // the file cannot be written: see Open
	full     bool             // read-only because the disk is full
	scratch  bool             // a temporary copy: see options
	lock     *inUse           // held while open: see inUse
	now      func() time.Time // the clock; tests replace it to step past the autosave window
	// waitNotice is told when a save waits for a restore: see OnWait.
	waitNotice func(string)
}

// DefaultPath returns where the database lives for the current user:
// $XDG_DATA_HOME/nianbao/nianbao.db (else ~/.local/share/nianbao/nianbao.db) on
// Linux and other Unix systems, %APPDATA%\nianbao\nianbao.db on Windows, and the
// user's Application Support folder on macOS. It creates nothing.
func DefaultPath() (string, error) {
	var base string
	switch runtime.GOOS {
	case "windows", "darwin":
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("无法确定用户数据目录：%w", err)
		}
		base = dir
	default:
		// The XDG spec says a relative $XDG_DATA_HOME is invalid and to be ignored.
		if dir := os.Getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
			base = dir
		} else {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("无法确定用户主目录：%w", err)
			}
			base = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(base, "nianbao", "nianbao.db"), nil
}

// Open opens the database at path, creating it (and its folder, 0700) when it
// does not exist, and brings its schema up to date, keeping a copy of it as it
// was before (see BackupBeforeUpgrade). It refuses, without writing to it, a
// file that is not a 年报 database or is damaged, and a database made by a
// newer version of the program, and leaves no -wal or -shm file beside it.
// A database that cannot be written (a read-only file, folder or disk, or a
// full disk) is opened read-only: ReadOnly says so, and every save fails with
// ErrReadOnly. Before a database whose -wal is not empty and that no other
// program has open (one that crashed) is opened, both are copied into its
// backup folder (see BackupDir): SQLite drops the damaged frames of a -wal.
func Open(path string) (*DB, error) { return open(path, options{}) }

// options says how open opens a database.
type options struct {
	readOnly bool // read-only even when writing is possible
	// scratch is a temporary copy (of a backup being restored): it must be a
	// 年报 database (not an empty SQLite one), and nothing is kept beside it.
	scratch bool
}

func open(path string, o options) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("数据库路径 %s 无效：%w", path, err)
	}
	var full error // the disk is full: the database is read where it cannot be written
	if !o.readOnly && writable(abs) {
		s, err := openWritable(abs, o)
		if err == nil || !diskFull(err) || o.scratch {
			return s, err
		}
		full = err
	}
	_, err = existingFile(abs) // a file that cannot be written is used only when it holds data
	if err == nil {
		err = inspect(abs, o.scratch)
	}
	if err != nil {
		if full != nil {
			return nil, diskFullError(abs, full)
		}
		return nil, err
	}
	s, err := openReadOnly(abs)
	if err != nil && full != nil {
		return nil, diskFullError(abs, full)
	}
	if s != nil && full != nil {
		s.full = true
	}
	return s, err
}

// openWritable opens a database that can be written.
func openWritable(abs string, o options) (*DB, error) {
	existing, err := prepareFile(abs)
	if err != nil {
		return nil, err
	}
	var lock *inUse
	if !o.scratch {
		cleanStaleTemps(abs, time.Now())
		if lock, err = openInUse(abs); err != nil {
			return nil, err
		}
	}
	alone := lock.tryExclusive()
	if existing {
		if !o.scratch {
			if err := keepWALAside(abs, time.Now(), lock != nil && !alone); err != nil {
				lock.discard()
				return nil, err
			}
		}
		if err := inspect(abs, o.scratch); err != nil {
			lock.discard()
			return nil, err
		}
	}
	if err := lock.share(alone); err != nil {
		lock.discard()
		return nil, err
	}
	db, err := sql.Open("sqlite3", dsn(abs, false))
	if err != nil {
		lock.discard()
		return nil, fmt.Errorf("无法打开数据库 %s：%w", abs, err)
	}
	s := &DB{db: db, path: abs, now: time.Now, lock: lock, scratch: o.scratch}
	for _, step := range []func() error{s.migrate, func() error { return restrictSidecars(abs) }, s.recountOnNewRules} {
		if err := step(); err != nil {
			db.Close()
			lock.discard()
			return nil, err
		}
	}
	return s, nil
}

// Close closes the database.
func (s *DB) Close() error {
	err := s.db.Close()
	s.lock.close() // after the database: its -wal is gone by now
	if err != nil {
		return fmt.Errorf("关闭数据库 %s 失败：%w", s.path, err)
	}
	return nil
}

// ReadOnly reports whether the database was opened read-only because it
// cannot be written; every save then fails with ErrReadOnly.
func (s *DB) ReadOnly() bool { return s.readOnly }

// Path returns the absolute path of the database file.
func (s *DB) Path() string { return s.path }

// dsn is the go-sqlite3 data source name of the file at path. Writers begin
// with BEGIN IMMEDIATE, so that two writers queue on the busy timeout instead of
// one failing on a read-to-write upgrade.
func dsn(path string, readOnly bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/…
	}
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(busyTimeout.Milliseconds()))
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_foreign_keys", "1")
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL") // safe in WAL mode: a crash loses at most the last commits, never the file
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}
	return u.String()
}

// prepareFile makes sure the folder of path exists and, when the file does not,
// creates it empty and readable by its owner only (SQLite gives its -wal and
// -shm files the same mode). It reports whether the file already held data.
func prepareFile(path string) (existing bool, err error) {
	info, err := os.Stat(path)
	switch {
	case err == nil:
		if info.IsDir() {
			return false, fmt.Errorf("数据库路径 %s 是一个文件夹", path)
		}
		return info.Size() > 0, nil
	case !errors.Is(err, os.ErrNotExist):
		return false, fmt.Errorf("无法访问数据库 %s：%w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return false, fmt.Errorf("无法创建数据目录 %s：%w", filepath.Dir(path), err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return prepareFile(path) // another program created it just now
	}
	if err != nil {
		return false, fmt.Errorf("无法创建数据库 %s：%w", path, err)
	}
	if err := f.Close(); err != nil {
		return false, fmt.Errorf("无法创建数据库 %s：%w", path, err)
	}
	if runtime.GOOS != "windows" {
		// The umask may have taken bits away, never added them; set exactly 0600.
		if err := os.Chmod(path, 0o600); err != nil {
			return false, fmt.Errorf("无法设置数据库 %s 的权限：%w", path, err)
		}
	}
	return false, nil
}

// errNotOurs marks the refusal of a file that is not a sound 年报 database.
var errNotOurs = errors.New("不是年报数据库或已损坏")

// notOurs is the error for a file that Open will not touch. SQLite's own
// words for it ("file is not a database", "database disk image is
// malformed") say no more than errNotOurs: they stay in the error for logs
// (errors.As), not in its text.
func notOurs(path string, cause error) error { return &notOursError{path, cause} }

type notOursError struct {
	path  string
	cause error
}

func (e *notOursError) Error() string { return fmt.Sprintf("文件 %s %s", e.path, errNotOurs) }
func (e *notOursError) Unwrap() []error {
	if e.cause == nil {
		return []error{errNotOurs}
	}
	return []error{errNotOurs, e.cause}
}

// inspect checks an existing, non-empty file through a read-only connection
// before anything may write to it: the SQLite header, the integrity of its pages,
// that it is a 年报 database (or, unless strict, an empty SQLite one) and not
// newer than the program. A file that cannot be read (a disk error, a full
// disk) is said to be so, not called damaged.
func inspect(path string, strict bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("无法读取数据库 %s：%w", path, err)
	}
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return notOurs(path, nil)
	}

	// SQLite makes -wal and -shm files beside a WAL database even to read it;
	// those it makes beside a file that is then refused are removed again.
	var made []string
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Lstat(path + suffix); errors.Is(err, os.ErrNotExist) {
			made = append(made, path+suffix)
		}
	}
	db, err := readOnlyConn(path)
	if err == nil {
		err = inspectDB(db, path, strict)
		db.Close()
	} else {
		err = notOursOr(path, err)
	}
	if err != nil { // refused: leave no trace of having looked
		for _, p := range made {
			if info, statErr := os.Lstat(p); statErr == nil && (info.Size() == 0 || strings.HasSuffix(p, "-shm")) {
				os.Remove(p)
			}
		}
	}
	return err
}

// inspectDB runs the checks of inspect through a read-only connection.
func inspectDB(conn *sql.DB, path string, strict bool) error {
	rows, err := conn.Query("PRAGMA quick_check")
	if err != nil {
		return notOursOr(path, err)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return notOursOr(path, err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return notOursOr(path, err)
	}
	rows.Close()
	if len(problems) > 0 {
		return notOurs(path, fmt.Errorf("完整性检查发现 %d 处问题，首处：%s", len(problems), problems[0]))
	}

	var appID, version, objects int
	if err := conn.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return notOursOr(path, err)
	}
	if err := conn.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return notOursOr(path, err)
	}
	if err := conn.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
		return notOursOr(path, err)
	}
	if appID != applicationID && (strict || appID != 0 || version != 0 || objects != 0) {
		return notOurs(path, nil) // another program's database
	}
	steps, err := migrations()
	if err != nil {
		return err
	}
	if version > len(steps) {
		return newerError(path, version)
	}
	return nil
}

func newerError(path string, version int) error {
	return fmt.Errorf("数据库由较新版本的年报创建（版本 %d），请升级程序（数据库 %s）", version, path)
}

// restrictSidecars makes sure the -wal and -shm files beside a database are no
// more readable than the database itself: they hold the same data.
func restrictSidecars(path string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	main, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("无法访问数据库 %s：%w", path, err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		info, err := os.Stat(path + suffix)
		if err != nil {
			continue // not there (yet): SQLite creates it with the database's mode
		}
		if extra := info.Mode().Perm() &^ main.Mode().Perm(); extra != 0 {
			if err := os.Chmod(path+suffix, info.Mode().Perm()&main.Mode().Perm()); err != nil {
				return fmt.Errorf("无法设置 %s 的权限：%w", path+suffix, err)
			}
		}
	}
	return nil
}
