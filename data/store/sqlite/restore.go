package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"strings"

	"nianbao/data/infile"
	"nianbao/data/store"
)

// RestoreBackup makes the database what the backup file holds (a backup of
// any kind, or any 年报 database, brought up to the current schema), and
// returns the backup of kind BackupBeforeRestore that keeps the state it
// replaced. The backup file is not touched. A file that is not a 年报 database
// is refused, and one without reports unless allowEmpty.
//
// The whole restore is one write transaction: from the moment the state
// before is copied until the restored content is committed, every other
// writer (in this program or another) waits on SQLite's lock, so no save
// falls between the two. A writer that waited then saves into the restored
// state: its revision check (see Update) sees a revision it has not seen and
// keeps the restored content as a version beside its own. A restore of a
// large database outlasts the busy timeout, so it announces itself (see
// restoringName) and such a writer waits for it longer.
func (s *DB) RestoreBackup(file string, allowEmpty bool) (store.Backup, error) {
	if s.readOnly {
		return store.Backup{}, s.readOnlyError()
	}
	src, cleanup, err := s.openCopy(file, allowEmpty)
	if err != nil {
		return store.Backup{}, err
	}
	defer cleanup()
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return store.Backup{}, fmt.Errorf("无法打开数据库 %s：%w", s.path, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS backup`, src); err != nil {
		return store.Backup{}, fmt.Errorf("无法读取备份 %s：%w", file, err)
	}
	defer conn.ExecContext(ctx, `DETACH DATABASE backup`)
	release, err := announceRestore(s.path)
	if err != nil {
		return store.Backup{}, err
	}
	// Released after the commit or rollback below (deferred later, run earlier).
	defer release()
	tx, err := conn.BeginTx(ctx, nil) // BEGIN IMMEDIATE: the write lock, held to the end
	if err != nil {
		return store.Backup{}, fmt.Errorf("数据库 %s 正忙或无法写入，没有恢复：%w", s.path, err)
	}
	defer tx.Rollback()
	// Another connection copies what is committed, which nobody can change
	// while this transaction holds the write lock.
	before, err := s.BackupNow(store.BackupBeforeRestore)
	if err != nil {
		return store.Backup{}, fmt.Errorf("恢复前无法先备份当前的数据库，没有恢复：%w", err)
	}
	if err := replaceContent(tx); err != nil {
		return store.Backup{}, fmt.Errorf("从备份 %s 恢复失败，数据库没有改变（当前状态另存为 %s）：%w", file, before.Path, err)
	}
	if duringRestore != nil {
		duringRestore()
	}
	if err := tx.Commit(); err != nil {
		return store.Backup{}, fmt.Errorf("从备份 %s 恢复失败，数据库没有改变（当前状态另存为 %s）：%w", file, before.Path, err)
	}
	return before, nil
}

// replaceContent replaces every table of main with the attached backup's
// (both at the current schema), keeps the AUTOINCREMENT counters at the
// higher of the two (an id is never given twice), and moves the restored
// revisions past every revision a window still showing the state before may
// have seen.
func replaceContent(tx *sql.Tx) error {
	var maxRev int64
	if err := tx.QueryRow(`SELECT coalesce(max(revision), 0) FROM main.reports`).Scan(&maxRev); err != nil {
		return err
	}
	if _, err := tx.Exec(`PRAGMA defer_foreign_keys = ON`); err != nil {
		return err
	}
	tables, err := strings1(tx, `SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return err
	}
	for _, t := range tables {
		if _, err := tx.Exec(`DELETE FROM main.` + quote(t)); err != nil {
			return err
		}
	}
	for _, t := range tables {
		cols, err := strings1(tx, `SELECT name FROM pragma_table_info(?, 'main')`, t)
		if err != nil {
			return err
		}
		for i := range cols {
			cols[i] = quote(cols[i])
		}
		list := strings.Join(cols, ", ")
		if _, err := tx.Exec(`INSERT INTO main.` + quote(t) + ` (` + list + `) SELECT ` + list + ` FROM backup.` + quote(t)); err != nil {
			return err
		}
	}
	_, err = tx.Exec(`UPDATE main.sqlite_sequence SET seq = max(seq, coalesce(
		(SELECT b.seq FROM backup.sqlite_sequence b WHERE b.name = main.sqlite_sequence.name), 0))`)
	if err != nil {
		return err
	}
	_, err = tx.Exec(`UPDATE main.reports SET revision = revision + ?`, maxRev)
	return err
}

// strings1 is the first column of a query's rows.
func strings1(tx *sql.Tx, query string, args ...any) ([]string, error) {
	rows, err := tx.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func quote(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// openCopy copies the backup file (and its -wal) into a temporary file,
// brings the copy up to the current schema and checks that it is a 年报
// database with reports, so that the file itself is neither changed nor
// given -wal and -shm files. It returns the copy's path and its removal.
func (s *DB) openCopy(file string, allowEmpty bool) (string, func(), error) {
	return copyBackup(file, tempDir(s.path), allowEmpty)
}

// OpenBackup opens a checked copy of the backup file (a database file of
// this program, or a server's portable copy) to read its reports from, as a
// restore reads it: the file itself is never opened as a database, nor
// changed. done closes the copy and removes it.
func OpenBackup(file string) (db *DB, done func(), err error) {
	tmp, cleanup, err := copyBackup(file, os.TempDir(), false)
	if err != nil {
		return nil, nil, err
	}
	db, err = open(tmp, options{scratch: true})
	if err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("备份 %s 不能使用：%w", file, &renamed{err, tmp, file})
	}
	return db, func() { db.Close(); cleanup() }, nil
}

// copyBackup copies the backup file (and a -wal beside it) into a new
// temporary file in dir, checks that it is a database of this program with
// reports (or allowEmpty), and returns its path and what removes it.
func copyBackup(file, dir string, allowEmpty bool) (string, func(), error) {
	f, _, err := infile.OpenLimit(file, infile.Backup) // a regular file: never a FIFO or a device
	if err != nil {
		return "", nil, fmt.Errorf("无法读取备份：%w", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() == 0 {
		return "", nil, fmt.Errorf("备份 %s 是空文件，不是年报数据库，没有恢复", file)
	}
	tmp, err := newTemp(dir)
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { removeTemp(tmp) }
	if err := copyInto(f, tmp); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("无法读取备份 %s：%w", file, err)
	}
	if wal, _, err := infile.OpenLimit(file+"-wal", infile.Backup); err == nil {
		err = copyInto(wal, tmp+"-wal")
		wal.Close()
		if err != nil {
			cleanup()
			return "", nil, fmt.Errorf("无法读取备份 %s：%w", file+"-wal", err)
		}
	}
	src, err := open(tmp, options{scratch: true})
	if err != nil {
		cleanup()
		return "", nil, fmt.Errorf("备份 %s 不能使用，没有恢复：%w", file, &renamed{err, tmp, file})
	}
	var n int
	err = src.db.QueryRow(`SELECT count(*) FROM reports`).Scan(&n)
	if closeErr := src.Close(); err == nil {
		err = closeErr
	}
	switch {
	case err != nil:
		cleanup()
		return "", nil, fmt.Errorf("无法读取备份 %s：%w", file, &renamed{err, tmp, file})
	case n == 0 && !allowEmpty:
		cleanup()
		return "", nil, fmt.Errorf("备份 %s 中没有年报，恢复它会清空数据库，没有恢复：%w", file, store.ErrEmptyBackup)
	}
	return tmp, cleanup, nil
}

// copyInto copies from f into the file at path, which it creates or truncates.
func copyInto(f io.Reader, path string) error {
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, f); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// renamed is err with the temporary copy's path in its text replaced by the
// file the user named; errors.Unwrap still reaches the cause.
type renamed struct {
	err      error
	from, to string
}

func (r *renamed) Error() string { return strings.ReplaceAll(r.err.Error(), r.from, r.to) }
func (r *renamed) Unwrap() error { return r.err }
