// Package store declares what the program keeps of its reports — the domain
// types (Summary, Loaded, Version, Backup, …) and the operations on them — in
// one place, in the spirit of benbjohnson/wtf: the window, the command line
// and 汇总 (data/combine) hold these interfaces, and each backend is a package
// of its own that implements them (data/store/sqlite, the one database file of
// a PC; a PostgreSQL server next). The tests every backend must pass are
// data/store/storetest's suite.
//
// Store is what every backend offers. Files is what only a database in one
// file has (its path, copies of it, restoring one); Local is both, the SQLite
// store the program opens by default.
package store

import (
	"errors"
	"io"
	"time"

	"nianbao/data/combine"
	"nianbao/data/report"
)

// Errors a caller tells apart with errors.Is.
var (
	ErrNotFound = errors.New("没有找到该报告")
	ErrConflict = errors.New("已有同一机关同一年度的报告")
	// ErrNotAllowed is a write a shared server's row-level security passed
	// over: the report is not the login's to change (a unit's login writes
	// its own agency's reports only).
	ErrNotAllowed = errors.New("这个登录只能修改本单位的报告")
)

// ErrReadOnly is the error of a save to a database opened read-only.
var ErrReadOnly = errors.New("数据库只能读取，不能保存")

// ErrEmptyBackup is the refusal of a backup that holds no report: restoring
// it would empty the database (a 0-byte file or a new database given by
// mistake). RestoreBackup takes it only when asked to (allowEmpty).
var ErrEmptyBackup = errors.New("备份中没有任何年报")

// SaveKind says what made a save: it decides whether the content it replaces is
// kept as a version, and the version list shows it.
type SaveKind string

const (
	SaveManual  SaveKind = "manual"  // the user saved (Ctrl+S)
	SaveAuto    SaveKind = "auto"    // the window saved while the user typed
	SaveImport  SaveKind = "import"  // read from a report file
	SaveRestore SaveKind = "restore" // an earlier version brought back
	SaveDelete  SaveKind = "delete"  // the report was deleted
	SaveCreate  SaveKind = "create"  // 新建: the report was made in the window
	SaveClose   SaveKind = "close"   // the window closed (or the session ended) with the report open
	// SaveConflict replaced a content that its save had not seen: another
	// window or program saved the report meanwhile. Only a version's
	// ReplacedBy says so.
	SaveConflict SaveKind = "conflict"
)

// Label is the kind as the user reads it.
func (k SaveKind) Label() string {
	switch k {
	case SaveManual:
		return "手动保存"
	case SaveAuto:
		return "自动保存"
	case SaveImport:
		return "导入"
	case SaveRestore:
		return "恢复"
	case SaveDelete:
		return "删除"
	case SaveConflict:
		return "另一处的保存"
	case SaveCreate:
		return "新建"
	case SaveClose:
		return "关闭时保存"
	}
	return string(k)
}

// Summary is one report as the list shows it.
type Summary struct {
	ID       int64
	Agency   string
	Year     int
	SavedAt  time.Time // local time
	Errors   int       // findings of check.Run, against the previous year's report when stored
	Warnings int
}

// Loaded is a report as an editor opens it.
type Loaded struct {
	Report *report.Report
	// Revision is what the editor's saves say they edit (see Update).
	Revision int64
	// SavedAt and Kind are when and how the current content was saved: the
	// first row of 历史版本.
	SavedAt time.Time
	Kind    SaveKind
	// Invalid holds, by the editor's key of the cell, what the user typed into a
	// cell that is not a figure; the report holds the figure the cell had before.
	Invalid map[string]string
}

// Saved is what Update did.
type Saved struct {
	At       time.Time // when the content was saved (unchanged content keeps its time)
	Revision int64     // the revision the editor's next save edits
	// Conflict is set when the report had been saved by someone else since the
	// revision the save edited: both contents are kept.
	Conflict *Conflict
}

// Conflict describes a save over a revision its editor had not seen. The save
// was made all the same (the editor shows what the user typed last); the
// content it replaced, which the editor had never shown, is kept as a version.
type Conflict struct {
	Version Version // the other content, now an earlier version
}

// Version is an earlier content of a report: what it was before a save replaced
// it or the report was deleted.
type Version struct {
	ID       int64
	ReportID int64 // the report it belonged to, which may since have been deleted
	Agency   string
	Year     int
	SavedAt  time.Time // when this content was saved (local time)
	Kind     SaveKind  // how this content was saved
	Errors   int
	Warnings int

	ReplacedAt time.Time // when it stopped being current
	ReplacedBy SaveKind  // the save that replaced it; SaveDelete when the report was deleted
}

// Restored says what Restore did, so that the message tells what really happened.
type Restored struct {
	ReportID int64
	// Kept is the version that now keeps the content the restore replaced; 0
	// when there was none: the report had been deleted (Recreated), or its
	// content already was the version's (Unchanged).
	Kept      int64
	Recreated bool
	Unchanged bool
}

// Received says what storing a received report did.
type Received struct {
	ID       int64
	Replaced bool      // the unit's report for the year was already stored
	Older    bool      // the received one is older than the stored one, which stays current
	Same     bool      // the received one is what is stored already: nothing was written
	StoredAt time.Time // when the replaced one was saved
}

// BackupKind says why a backup was made.
type BackupKind string

const (
	BackupDaily         BackupKind = "每日"  // the first opening of the day: one a day for a week, one a week for a month
	BackupManual        BackupKind = "手动"  // nianbao backup, or 立即备份 in the window
	BackupBeforeRestore BackupKind = "恢复前" // the state a restore from a backup replaced
	BackupWAL           BackupKind = "打开前" // the database and its crashed -wal, copied before opening
	BackupBeforeUpgrade BackupKind = "升级前" // the database as it was before the program changed its schema
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
		return "异常退出后打开前的数据库与日志文件副本"
	case BackupBeforeUpgrade:
		return "升级前的数据库（旧版程序可以打开）"
	}
	return string(k)
}

// Backup is one kept copy of the database.
type Backup struct {
	Path    string // a SQLite file that Open (nianbao list --db) reads
	Kind    BackupKind
	Time    time.Time // local time it was made, as its name says
	ModTime time.Time // when the file was last written, as the file system says
	Size    int64     // bytes (with the -wal for BackupWAL)
	Schema  int       // BackupBeforeUpgrade: the schema version of the copy
}

// When is the backup's time as the user reads it: the day of a daily backup
// (its name holds no hour), else the minute and second.
func (b Backup) When() string {
	if b.Kind == BackupDaily {
		return b.Time.Format("2006-01-02")
	}
	return b.Time.Format("2006-01-02 15:04:05")
}

// Store is the reports, their versions and revisions, rosters, combined
// reports and their record of units, former names and settings, as every
// backend keeps them. Its methods are safe for concurrent use. A method that
// finds no report returns an error that errors.Is ErrNotFound; a save to a
// store that cannot be written, one that errors.Is ErrReadOnly.
type Store interface {
	// Close closes the store; nothing is used after it.
	Close() error
	// ReadOnly is true when nothing can be saved; ReadOnlyReason says why,
	// naming where, or "" when the store can be written.
	ReadOnly() bool
	ReadOnlyReason() string

	Reports
	Versions
	Units
	Settings
	Presence
}

// Presence is who has a report open, so that a window that opens a report
// another window or program has open says so at once, and a window that is
// behind shows the other's saved changes. A backend keeps it outside the
// reports' content: the SQLite store in lock files beside the database (a
// lock ends with its process, however it ends); a server's in what ends
// with its session (a PostgreSQL session's advisory lock, or a row its
// session keeps alive).
type Presence interface {
	// Hold notes that this program has report id open, until the hold is released.
	Hold(id int64) (Hold, error)
	// Revision returns the current revision of report id (see Update).
	Revision(id int64) (int64, error)
}

// Hold is a program's note that it has a report open.
type Hold interface {
	// Others counts the other windows and programs that have the report open now.
	Others() (int, error)
	// Release ends the note; Others is not called after it.
	Release()
}

// Reports is the current report of each agency and year.
type Reports interface {
	// List is every current report, as the list shows it.
	List() ([]Summary, error)
	// Get returns report id.
	Get(id int64) (*report.Report, error)
	// Find returns the agency's report of year and its id.
	Find(agency string, year int) (int64, *report.Report, error)
	// Previous returns the report the agency's report of year is compared
	// with (the year before, under its former name when one is stored), or nil.
	Previous(agency string, year int) (*report.Report, error)
	// Earlier returns the agency's reports of the years before year, oldest first.
	Earlier(agency string, year int) ([]*report.Report, error)
	// SameYear returns the reports of year of every agency but agency: the
	// other units a report is compared with for copied text (W9).
	SameYear(agency string, year int) ([]*report.Report, error)
	// Put stores r as the current report of its agency and year, replacing
	// (and keeping as a version) the one there was.
	Put(r *report.Report, kind SaveKind) (int64, error)
	// PutAll puts every report in one transaction: all are stored or none.
	PutAll(reports []*report.Report, kind SaveKind) ([]int64, error)
	// Delete deletes report id, keeping its content as a version.
	Delete(id int64) error
	// Load returns report id as an editor opens it.
	Load(id int64) (Loaded, error)
	// Update saves the editor's r over report id, whose revision the editor
	// last saw is base; a save over a revision it had not seen is made all the
	// same and says so (Saved.Conflict), both contents kept.
	Update(id, base int64, r *report.Report, kind SaveKind, invalid map[string]string) (Saved, error)
	// Mark notes that the current content of report id, at revision base,
	// was kept by a save of kind (SaveClose: the window closed with nothing
	// new to write), so that the next save keeps it as a version as it keeps
	// any deliberate save's. It writes no content, and does nothing when the
	// report has moved on from base or its content was not an auto save's.
	Mark(id, base int64, kind SaveKind) error
}

// Versions is the earlier contents of the reports.
type Versions interface {
	// Versions lists the agency's earlier contents of year, newest first.
	Versions(agency string, year int) ([]Version, error)
	// Deleted lists the last content of every deleted report.
	Deleted() ([]Version, error)
	// Version returns the content of version id.
	Version(id int64) (*report.Report, error)
	// Restore makes version id the current content of its report again.
	Restore(versionID int64) (Restored, error)
}

// Units is what 汇总 keeps: rosters, the reports received from units, the
// combined reports and the record of the units each counts, former names.
type Units interface {
	combine.Database // EachOfYear, CombinedUnits, Previous: what a round reads

	// Roster returns the combining agency's roster of units for year, else
	// its latest earlier year's (from says which year; 0 when it has none);
	// SetRoster replaces the roster of year.
	Roster(agency string, year int) (units []combine.Unit, from int, err error)
	SetRoster(agency string, year int, units []combine.Unit) error
	// Members lists the units the agency's stored sum of year counts.
	Members(agency string, year int) ([]string, error)
	// SaveCombined stores a combined report with the units it counts.
	SaveCombined(combined *report.Report, members []string) (int64, error)
	// ListedBy returns the combining agency whose roster for year (or its
	// latest earlier one) lists agency as a unit, or "".
	ListedBy(agency string, year int) (string, error)
	// StoreReceived stores a unit's report as received at (the file's time).
	StoreReceived(r *report.Report, at time.Time) (Received, error)
	// SetFormerName records the agency's former name (曾用名) in year;
	// FormerName returns it, or "".
	SetFormerName(agency string, year int, former string) error
	FormerName(agency string, year int) (string, error)
}

// Settings is the user's settings of the window, by key ("" when unset).
type Settings interface {
	Setting(key string) (string, error)
	SetSetting(key, value string) error
}

// Files is what only a store in one database file has: its path, copies of
// it (backups, a snapshot) and restoring one. A server database has none of
// these: its backups are the server's.
type Files interface {
	// Path is the database file.
	Path() string
	// Snapshot writes a consistent copy of the database to w.
	Snapshot(w io.Writer) error
	// Backups lists the backups beside the database, newest first, and
	// BackupDir is the folder they are in.
	Backups() ([]Backup, error)
	BackupDir() string
	// BackupNow makes a backup of kind beside the database.
	BackupNow(kind BackupKind) (Backup, error)
	// AutoBackup makes the day's backup if there is none and prunes old ones.
	AutoBackup() error
	// RestoreBackup replaces the whole database with the backup file (the
	// state it replaces kept as a backup). A backup without reports is
	// refused (ErrEmptyBackup) unless allowEmpty.
	RestoreBackup(file string, allowEmpty bool) (Backup, error)
	// OnWait is told, in words for the user, when a save waits for a restore.
	OnWait(notice func(string))
}

// Local is the store of one PC: a database file (data/store/sqlite).
type Local interface {
	Store
	Files
}
