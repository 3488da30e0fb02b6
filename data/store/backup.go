package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"nianbao/data/infile"
	"nianbao/data/outfile"
)

// BackupKind says why a backup was made.
type BackupKind string

const (
	BackupDaily         BackupKind = "每日"  // the first opening of the day: one a day for a week, one a week for a month
	BackupManual        BackupKind = "手动"  // nianbao backup, or 立即备份 in the window
	BackupBeforeRestore BackupKind = "恢复前" // the state a restore from a backup replaced
	BackupWAL           BackupKind = "打开前" // the database and its non-empty -wal, copied before opening
)

// Label is the kind as the user reads it.
func (k BackupKind) Label() string {
	switch k {
	case BackupDaily:
		return "每日自动备份"
	case BackupManual:
		return "手动备份"
	case BackupBeforeRestore:
		return "恢复备份前的状态"
	case BackupWAL:
		return "打开前的数据库与日志文件副本"
	}
	return string(k)
}

// Backup is one kept copy of the database.
type Backup struct {
	Path string // a SQLite file that Open (nianbao list --db) reads
	Kind BackupKind
	Time time.Time // local time it was made
	Size int64     // bytes (with the -wal for BackupWAL)
}

// Rolling backups: a daily one is kept for dailyKeep, then the newest of its
// week until weeklyKeep; the copies made beside a -wal, the newest walKeep.
const (
	dailyKeep  = 7 * 24 * time.Hour
	weeklyKeep = 35 * 24 * time.Hour
	walKeep    = 5
)

const (
	dayLayout   = "2006-01-02"
	stampLayout = "2006-01-02-150405"
)

// When is the backup's time as the user reads it: the day of a daily backup
// (its name holds no hour), else the minute and second.
func (b Backup) When() string {
	if b.Kind == BackupDaily {
		return b.Time.Format(dayLayout)
	}
	return b.Time.Format("2006-01-02 15:04:05")
}

// BackupDir is the folder of the backups of the database at dbPath: beside
// it, named after it ("nianbao.db-备份").
func BackupDir(dbPath string) string { return dbPath + "-备份" }

// Snapshot writes a consistent copy of the database to w: a SQLite file,
// made with VACUUM INTO (also while other programs write), that Open reads.
func (s *Store) Snapshot(w io.Writer) error {
	tmp, err := os.MkdirTemp("", "nianbao-backup-")
	if err != nil {
		return fmt.Errorf("无法备份数据库 %s：无法建立临时文件夹：%w", s.path, err)
	}
	defer os.RemoveAll(tmp)
	copyPath := filepath.Join(tmp, "nianbao.db")
	if _, err := s.db.Exec(`VACUUM INTO ?`, copyPath); err != nil {
		return fmt.Errorf("无法备份数据库 %s：%w", s.path, err)
	}
	f, err := os.Open(copyPath)
	if err != nil {
		return fmt.Errorf("无法备份数据库 %s：%w", s.path, err)
	}
	defer f.Close()
	if _, err := io.Copy(w, f); err != nil {
		return fmt.Errorf("无法备份数据库 %s：%w", s.path, err)
	}
	return nil
}

// BackupNow writes a backup of kind into BackupDir and returns it.
func (s *Store) BackupNow(kind BackupKind) (Backup, error) {
	now := s.now()
	name := string(kind) + "-" + now.Local().Format(stampLayout) + ".db"
	if kind == BackupDaily {
		name = string(kind) + "-" + now.Local().Format(dayLayout) + ".db"
	}
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Backup{}, fmt.Errorf("无法建立备份文件夹 %s：%w", dir, err)
	}
	path := uniquePath(filepath.Join(dir, name))
	if err := outfile.WriteFunc(path, nil, s.Snapshot); err != nil {
		return Backup{}, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return Backup{}, fmt.Errorf("无法读取备份 %s：%w", path, err)
	}
	return Backup{Path: path, Kind: kind, Time: now.Local(), Size: info.Size()}, nil
}

// uniquePath is path, or path with a number before its extension when taken.
func uniquePath(path string) string {
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	for i := 2; ; i++ {
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			return path
		}
		path = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
}

// AutoBackup makes the day's backup if there is none yet, and removes the
// daily backups past their time. A database opened read-only is not backed up.
func (s *Store) AutoBackup() error {
	if s.readOnly {
		return nil
	}
	now := s.now().Local()
	today := filepath.Join(BackupDir(s.path), string(BackupDaily)+"-"+now.Format(dayLayout)+".db")
	if _, err := os.Stat(today); errors.Is(err, os.ErrNotExist) {
		if _, err := s.BackupNow(BackupDaily); err != nil {
			return err
		}
	}
	return pruneDaily(s.path, now)
}

// pruneDaily keeps the daily backups of the last week and, of those up to a
// month old, the newest of each week.
func pruneDaily(dbPath string, now time.Time) error {
	all, err := Backups(dbPath)
	if err != nil {
		return err
	}
	weekly := map[string]bool{} // ISO weeks that have kept their newest older backup
	for _, b := range all {     // newest first
		if b.Kind != BackupDaily {
			continue
		}
		age := now.Sub(b.Time)
		y, w := b.Time.ISOWeek()
		week := fmt.Sprint(y, "-", w)
		switch {
		case age < dailyKeep:
			continue
		case age < weeklyKeep && !weekly[week]:
			weekly[week] = true
			continue
		}
		if err := os.Remove(b.Path); err != nil {
			return fmt.Errorf("无法删除过期的备份 %s：%w", b.Path, err)
		}
	}
	return nil
}

// Backups lists the backups of the database at dbPath, newest first.
func Backups(dbPath string) ([]Backup, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取备份文件夹 %s：%w", dir, err)
	}
	var out []Backup
	for _, e := range entries {
		b, ok := parseBackupName(dir, e.Name(), filepath.Base(dbPath))
		if !ok {
			continue
		}
		info, err := os.Stat(b.Path)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		b.Size = info.Size()
		if wal, err := os.Stat(b.Path + "-wal"); err == nil && b.Kind == BackupWAL {
			b.Size += wal.Size()
		}
		out = append(out, b)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// parseBackupName reads a backup's kind and time from its name in dir.
func parseBackupName(dir, name, dbBase string) (Backup, bool) {
	kind, rest, ok := strings.Cut(name, "-")
	if !ok {
		return Backup{}, false
	}
	b := Backup{Kind: BackupKind(kind), Path: filepath.Join(dir, name)}
	layout := stampLayout
	switch b.Kind {
	case BackupDaily:
		layout = dayLayout
	case BackupManual, BackupBeforeRestore:
	case BackupWAL:
		b.Path = filepath.Join(dir, name, dbBase)
		rest += ".db"
	default:
		return Backup{}, false
	}
	stamp, ok := strings.CutSuffix(rest, ".db")
	if !ok {
		return Backup{}, false
	}
	if len(stamp) > len(layout) { // a numbered duplicate, "…-2.db"
		stamp = stamp[:len(layout)]
	}
	t, err := time.ParseInLocation(layout, stamp, time.Local)
	if err != nil {
		return Backup{}, false
	}
	b.Time = t
	return b, true
}

// keepWALAside copies the database at path and its -wal, when that is not
// empty, into a folder of the backups before anything opens them: SQLite
// silently drops the frames of a damaged -wal, and the next checkpoint makes
// that final. The newest few such copies are kept.
func keepWALAside(path string, now time.Time) error {
	info, err := os.Stat(path + "-wal")
	if err != nil || info.Size() == 0 || !info.Mode().IsRegular() {
		return nil
	}
	dir := filepath.Join(BackupDir(path), string(BackupWAL)+"-"+now.Local().Format(stampLayout))
	dir = uniquePath(dir)
	fail := func(err error) error {
		return fmt.Errorf("数据库 %s 的日志文件（-wal）中有未写入数据库的内容；打开前保存它的副本失败，为免丢失，没有打开数据库：%w", path, err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fail(err)
	}
	base := filepath.Base(path)
	// The -wal first: a program writing meanwhile only adds frames to it.
	for _, suffix := range []string{"-wal", ""} {
		if err := copyFile(path+suffix, filepath.Join(dir, base+suffix)); err != nil {
			return fail(err)
		}
	}
	return pruneWAL(path)
}

// copyFile copies the file at from, read through the one opener: a FIFO or a
// device given as a backup is refused at once, never waited on or copied
// without end.
func copyFile(from, to string) error {
	f, _, err := infile.OpenLimit(from, infile.Backup)
	if err != nil {
		return err
	}
	defer f.Close()
	return outfile.WriteFunc(to, nil, func(w io.Writer) error {
		_, err := io.Copy(w, f)
		return err
	})
}

// pruneWAL keeps the newest walKeep copies made beside a -wal.
func pruneWAL(dbPath string) error {
	all, err := Backups(dbPath)
	if err != nil {
		return err
	}
	n := 0
	for _, b := range all {
		if b.Kind != BackupWAL {
			continue
		}
		if n++; n > walKeep {
			if err := os.RemoveAll(filepath.Dir(b.Path)); err != nil {
				return fmt.Errorf("无法删除过期的备份 %s：%w", filepath.Dir(b.Path), err)
			}
		}
	}
	return nil
}

// RestoreBackup makes the database what the backup file holds (a backup of
// any kind, or any 年报 database): first the current state is kept as a
// backup of kind BackupBeforeRestore, which it returns. The backup file is
// not touched. Other programs on the database see the restored content; their
// next saves keep what they show as well (see Update).
func (s *Store) RestoreBackup(file string) (Backup, error) {
	if s.readOnly {
		return Backup{}, s.readOnlyError()
	}
	src, cleanup, err := openCopy(file)
	if err != nil {
		return Backup{}, err
	}
	defer cleanup()
	before, err := s.BackupNow(BackupBeforeRestore)
	if err != nil {
		return Backup{}, fmt.Errorf("恢复前无法先备份当前的数据库，没有恢复：%w", err)
	}
	var maxRev int64
	if err := s.db.QueryRow(`SELECT coalesce(max(revision), 0) FROM reports`).Scan(&maxRev); err != nil {
		return Backup{}, fmt.Errorf("无法读取数据库 %s：%w", s.path, err)
	}
	if err := copyDatabase(s.db, src.db); err != nil {
		return Backup{}, fmt.Errorf("从备份 %s 恢复失败（当前状态已保存为 %s）：%w", file, before.Path, err)
	}
	// A window still showing the state before the restore edits revisions the
	// restored reports may also have: move them past every revision it has seen.
	err = s.withTx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE reports SET revision = revision + ?`, maxRev)
		return err
	})
	if err != nil {
		return Backup{}, fmt.Errorf("从备份 %s 恢复后更新版本号失败：%w", file, err)
	}
	return before, nil
}

// openCopy opens a copy of the database file (and its -wal) in a temporary
// folder, brought up to the current schema, so that the file itself is
// neither changed nor given -wal and -shm files.
func openCopy(file string) (*Store, func(), error) {
	tmp, err := os.MkdirTemp("", "nianbao-restore-")
	if err != nil {
		return nil, nil, fmt.Errorf("无法建立临时文件夹：%w", err)
	}
	cleanup := func() { os.RemoveAll(tmp) }
	copyPath := filepath.Join(tmp, "nianbao.db")
	if err := copyFile(file, copyPath); err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("无法读取备份：%w", err) // the error names the file
	}
	if info, err := os.Stat(file + "-wal"); err == nil && info.Mode().IsRegular() {
		if err := copyFile(file+"-wal", copyPath+"-wal"); err != nil {
			cleanup()
			return nil, nil, fmt.Errorf("无法读取备份 %s：%w", file+"-wal", err)
		}
	}
	src, err := Open(copyPath)
	if err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("备份 %s 不能使用：%s", file, strings.ReplaceAll(err.Error(), copyPath, file))
	}
	return src, func() { src.Close(); cleanup() }, nil
}
