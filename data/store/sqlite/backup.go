package sqlite

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"nianbao/data/infile"
	"nianbao/data/outfile"
	"nianbao/data/store"
)

// Rolling backups: a daily one is kept for dailyKeep, then the newest of its
// week until weeklyKeep, and always the newest dailyCount by date and by file
// time; the copies of a crashed -wal for walKeep, and always the newest
// walCount. A backup dated after the clock's now is never removed.
const (
	dailyKeep  = store.KeepDaily // the rules the window's own versions are pruned by too
	weeklyKeep = store.KeepWeekly
	dailyCount = store.KeepNewest
	walKeep    = 30 * 24 * time.Hour
	walCount   = 5
)

const (
	dayLayout   = "2006-01-02"
	stampLayout = "2006-01-02-150405"
)

// BackupDir is the folder of the backups of the database at dbPath: beside
// it, named after it ("nianbao.db-备份").
func BackupDir(dbPath string) string { return dbPath + "-备份" }

// vacuumInto makes a consistent copy of the database (also while other
// programs write) as a new temporary file in dir, synced, and returns its path.
// The caller removes it (removeTemp) or publishes it.
func (s *DB) vacuumInto(dir string) (string, error) {
	tmp, err := newTemp(dir)
	if err != nil {
		return "", err
	}
	if _, err := s.db.Exec(`VACUUM INTO ?`, tmp); err != nil {
		removeTemp(tmp)
		return "", err
	}
	if err := syncFile(tmp); err != nil {
		removeTemp(tmp)
		return "", err
	}
	return tmp, nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Snapshot writes a consistent copy of the database to w: a SQLite file,
// made with VACUUM INTO (also while other programs write), that Open reads.
func (s *DB) Snapshot(w io.Writer) error {
	tmp, err := s.vacuumInto(tempDir(s.path))
	if err != nil {
		return fmt.Errorf("无法备份数据库 %s：%w", s.path, err)
	}
	defer removeTemp(tmp)
	f, err := os.Open(tmp)
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
func (s *DB) BackupNow(kind store.BackupKind) (store.Backup, error) {
	return s.backupAs(kind, "", 0)
}

// backupAs writes a backup of kind named kind-[infix-]time.db into BackupDir.
// SQLite writes the copy itself (VACUUM INTO) as a temporary file in the
// backup folder, which is synced and then published under a name no other
// backup has: linked there, so that two programs backing up in the same
// second never write over each other's backup (a rename would). It does not
// go through data/outfile, which would copy the database once more.
func (s *DB) backupAs(kind store.BackupKind, infix string, schema int) (store.Backup, error) {
	now := s.now()
	stamp := now.Local().Format(stampLayout)
	if kind == store.BackupDaily {
		stamp = now.Local().Format(dayLayout)
	}
	name := string(kind) + "-" + stamp + ".db"
	if infix != "" {
		name = string(kind) + "-" + infix + "-" + stamp + ".db"
	}
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return store.Backup{}, fmt.Errorf("无法建立备份文件夹 %s：%w", dir, err)
	}
	tmp, err := s.vacuumInto(dir)
	if err != nil {
		return store.Backup{}, fmt.Errorf("无法备份数据库 %s：%w", s.path, err)
	}
	defer removeTemp(tmp)
	path, err := publish(tmp, filepath.Join(dir, name))
	if err != nil {
		return store.Backup{}, fmt.Errorf("无法保存备份 %s：%w", filepath.Join(dir, name), err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return store.Backup{}, fmt.Errorf("无法读取备份 %s：%w", path, err)
	}
	return store.Backup{Path: path, Kind: kind, Time: now.Local(), ModTime: info.ModTime(), Size: info.Size(), Schema: schema}, nil
}

// publish gives the file tmp the name path, or path with a number before its
// extension when that is taken, never replacing a file; it returns the name.
func publish(tmp, path string) (string, error) {
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	for i := 2; i < 10000; i++ {
		err := os.Link(tmp, path)
		if err == nil {
			syncDir(filepath.Dir(path))
			return path, nil
		}
		if !errors.Is(err, os.ErrExist) {
			// A file system without hard links (FAT): rename where nothing is.
			if _, statErr := os.Lstat(path); !errors.Is(statErr, os.ErrNotExist) {
				path = fmt.Sprintf("%s-%d%s", base, i, ext)
				continue
			}
			if err := os.Rename(tmp, path); err != nil {
				return "", err
			}
			syncDir(filepath.Dir(path))
			return path, nil
		}
		path = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
	return "", os.ErrExist
}

// syncDir makes a new name in dir durable; where a folder cannot be synced
// (Windows) the rename is durable by itself.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// AutoBackup makes the day's backup if there is none yet, and removes the
// daily backups past their time. A database opened read-only is not backed up.
func (s *DB) AutoBackup() error {
	if s.readOnly {
		return nil
	}
	now := s.now().Local()
	today := filepath.Join(BackupDir(s.path), string(store.BackupDaily)+"-"+now.Format(dayLayout)+".db")
	if _, err := os.Stat(today); errors.Is(err, os.ErrNotExist) {
		if _, err := s.BackupNow(store.BackupDaily); err != nil {
			return err
		}
	}
	return pruneDaily(s.path, now)
}

// pruneDaily keeps the daily backups of the last week and, of those up to a
// month old, the newest of each week; and whatever their dates, the newest
// dailyCount by date and the newest dailyCount by file time.
//
// A clock that jumped must not cost backups. A backup dated after now (made
// while the clock was ahead) is kept and counts for nothing until its date
// comes. Ages are measured from now, but never from later than the day after
// the newest earlier backup: a clock a year ahead then prunes as the day after
// the last real use would, and a program unused for a month prunes only by
// the days it is used.
func pruneDaily(dbPath string, now time.Time) error {
	all, err := Backups(dbPath)
	if err != nil {
		return err
	}
	var daily []store.Backup
	for _, b := range all {
		if b.Kind == store.BackupDaily && !b.Time.After(now) {
			daily = append(daily, b)
		}
	}
	keep := newestBy(daily, dailyCount, func(b store.Backup) time.Time { return b.Time })
	for p := range newestBy(daily, dailyCount, func(b store.Backup) time.Time { return b.ModTime }) {
		keep[p] = true
	}
	sort.SliceStable(daily, func(i, j int) bool { return daily[i].Time.After(daily[j].Time) })
	ref := now
	today := now.Format(dayLayout)
	for _, b := range daily {
		if b.Time.Format(dayLayout) != today {
			if next := b.Time.AddDate(0, 0, 1); next.Before(ref) {
				ref = next
			}
			break
		}
	}
	weekly := map[string]bool{} // ISO weeks that have kept their newest older backup
	for _, b := range daily {   // newest first
		age := ref.Sub(b.Time)
		y, w := b.Time.ISOWeek()
		week := fmt.Sprint(y, "-", w)
		switch {
		case age < dailyKeep:
			continue
		case keep[b.Path] || (age < weeklyKeep && !weekly[week]):
			weekly[week] = true
			continue
		}
		if err := removeBackup(b.Path); err != nil {
			return err
		}
	}
	return nil
}

// newestBy is the set of paths of the newest n backups by the time at gives.
func newestBy(bs []store.Backup, n int, at func(store.Backup) time.Time) map[string]bool {
	sorted := append([]store.Backup(nil), bs...)
	sort.SliceStable(sorted, func(i, j int) bool { return at(sorted[i]).After(at(sorted[j])) })
	out := map[string]bool{}
	for i := 0; i < n && i < len(sorted); i++ {
		out[sorted[i].Path] = true
	}
	return out
}

// removeBackup removes a backup file; one that another program removed
// meanwhile is no failure.
func removeBackup(path string) error {
	if err := os.RemoveAll(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("无法删除过期的备份 %s：%w", path, err)
	}
	return nil
}

// Backups lists the backups of the database at dbPath, newest first by the
// time their files were written (a name's time comes from a clock that may
// have been wrong, and numbered duplicates of one second sort by it too).
func Backups(dbPath string) ([]store.Backup, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取备份文件夹 %s：%w", dir, err)
	}
	var out []store.Backup
	for _, e := range entries {
		b, ok := parseBackupName(dir, e.Name(), filepath.Base(dbPath))
		if !ok {
			continue
		}
		info, err := os.Stat(b.Path)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		b.Size, b.ModTime = info.Size(), info.ModTime()
		if wal, err := os.Stat(b.Path + "-wal"); err == nil && b.Kind == store.BackupWAL {
			b.Size += wal.Size()
		}
		out = append(out, b)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].ModTime.Equal(out[j].ModTime) {
			return out[i].ModTime.After(out[j].ModTime)
		}
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// parseBackupName reads a backup's kind and time from its name in dir.
func parseBackupName(dir, name, dbBase string) (store.Backup, bool) {
	kind, rest, ok := strings.Cut(name, "-")
	if !ok {
		return store.Backup{}, false
	}
	b := store.Backup{Kind: store.BackupKind(kind), Path: filepath.Join(dir, name)}
	layout := stampLayout
	switch b.Kind {
	case store.BackupDaily:
		layout = dayLayout
	case store.BackupManual, store.BackupBeforeRestore:
	case store.BackupBeforeUpgrade: // 升级前-版本3-2026-01-02-150405.db
		v, after, ok := strings.Cut(rest, "-")
		n, err := strconv.Atoi(strings.TrimPrefix(v, schemaPrefix))
		if !ok || err != nil || !strings.HasPrefix(v, schemaPrefix) {
			return store.Backup{}, false
		}
		b.Schema, rest = n, after
	case store.BackupWAL:
		b.Path = filepath.Join(dir, name, dbBase)
		rest += ".db"
	default:
		return store.Backup{}, false
	}
	stamp, ok := strings.CutSuffix(rest, ".db")
	if !ok {
		return store.Backup{}, false
	}
	if len(stamp) > len(layout) { // a numbered duplicate, "…-2.db"
		stamp = stamp[:len(layout)]
	}
	t, err := time.ParseInLocation(layout, stamp, time.Local)
	if err != nil {
		return store.Backup{}, false
	}
	b.Time = t
	return b, true
}

// keepWALAside copies the database at path and its -wal, when that is not
// empty and no other program holds the database (held; see inUse), into a
// folder of the backups before anything opens them: SQLite silently drops the
// frames of a damaged -wal, and the next checkpoint makes that final. The -wal
// of a database another program has open is alive, not crashed: it is not
// copied. Such copies are kept for walKeep, and the newest walCount always.
func keepWALAside(path string, now time.Time, held bool) error {
	info, err := os.Stat(path + "-wal")
	if err != nil || info.Size() == 0 || !info.Mode().IsRegular() || held {
		return nil
	}
	fail := func(err error) error {
		return fmt.Errorf("数据库 %s 的日志文件（-wal）中有未写入数据库的内容；打开前保存它的副本失败，为免丢失，没有打开数据库：%w", path, err)
	}
	if err := os.MkdirAll(BackupDir(path), 0o700); err != nil {
		return fail(err)
	}
	dir, err := newFolder(filepath.Join(BackupDir(path), string(store.BackupWAL)+"-"+now.Local().Format(stampLayout)))
	if err != nil {
		return fail(err)
	}
	base := filepath.Base(path)
	// The -wal first: a program writing meanwhile only adds frames to it.
	for _, suffix := range []string{"-wal", ""} {
		if err := copyFile(path+suffix, filepath.Join(dir, base+suffix)); err != nil {
			return fail(err)
		}
	}
	return pruneWAL(path, now, filepath.Join(dir, base))
}

// newFolder makes the folder path, or path with a number after it when that
// is taken (by another program in the same second, too), and returns it.
func newFolder(path string) (string, error) {
	try := path
	for i := 2; i < 10000; i++ {
		err := os.Mkdir(try, 0o700)
		if err == nil {
			return try, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return "", err
		}
		try = fmt.Sprintf("%s-%d", path, i)
	}
	return "", os.ErrExist
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

// pruneWAL removes the copies of crashed -wal files older than walKeep, by
// the time their files were written and by their names, except the newest
// walCount and the copy just made.
func pruneWAL(dbPath string, now time.Time, made string) error {
	all, err := Backups(dbPath)
	if err != nil {
		return err
	}
	n := 0
	for _, b := range all { // newest first, by file time
		if b.Kind != store.BackupWAL {
			continue
		}
		n++
		if b.Path == made || n <= walCount || now.Sub(b.ModTime) < walKeep || now.Sub(b.Time) < walKeep {
			continue
		}
		if err := removeBackup(filepath.Dir(b.Path)); err != nil {
			return err
		}
	}
	return nil
}

// Backups lists the backups of the open database, newest first (see Backups).
func (s *DB) Backups() ([]store.Backup, error) { return Backups(s.path) }

// BackupDir is the folder of the open database's backups (see BackupDir).
func (s *DB) BackupDir() string { return BackupDir(s.path) }
