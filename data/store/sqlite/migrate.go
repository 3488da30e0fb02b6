package sqlite

import (
	"embed"
	"fmt"
	"strconv"

	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

// migrationFiles are the schema steps, migrations/NNNN_name.sql, numbered from 1
// without gaps. Step n takes a database from user_version n-1 to n. A step is
// never edited once released: a change is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration = rows.Migration

// migrations reads and orders the embedded steps.
func migrations() ([]migration, error) { return rows.Migrations(migrationFiles) }

// migrate brings the schema up to date, one step per transaction, each step
// committed together with its user_version. A database newer than the program
// is refused untouched. Two programs upgrading at once queue on the write lock;
// the second finds the work done.
func (s *DB) migrate() error {
	steps, err := migrations()
	if err != nil {
		return err
	}
	version, err := s.userVersion(s.db)
	if err != nil {
		return err
	}
	if version > len(steps) {
		return newerError(s.path, version)
	}
	first := true // the copy is kept before the first step this opening makes
	for version < len(steps) {
		tx, err := s.db.Begin() // BEGIN IMMEDIATE: waits for any other writer
		if err != nil {
			return fmt.Errorf("升级数据库 %s 失败：%w", s.path, err)
		}
		current, err := s.userVersion(tx)
		if err != nil {
			tx.Rollback()
			return err
		}
		if current > len(steps) {
			tx.Rollback()
			return newerError(s.path, current)
		}
		if current == len(steps) {
			tx.Rollback()
			break
		}
		if first && current > 0 && !s.scratch {
			if err := s.keepBeforeUpgrade(current); err != nil {
				tx.Rollback()
				return err
			}
		}
		first = false
		step := steps[current]
		if _, err := tx.Exec(step.SQL); err != nil {
			tx.Rollback()
			return fmt.Errorf("升级数据库 %s 失败（%s）：%w", s.path, step.Name, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", step.Version)); err != nil {
			tx.Rollback()
			return fmt.Errorf("升级数据库 %s 失败（%s）：%w", s.path, step.Name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("升级数据库 %s 失败（%s）：%w", s.path, step.Name, err)
		}
		version = step.Version
	}
	return nil
}

// schemaPrefix starts the schema version in the name of a BackupBeforeUpgrade:
// 升级前-版本3-2026-01-02-150405.db.
const schemaPrefix = "版本"

// keepBeforeUpgrade keeps a copy of the database at schema version before
// the first step changes it, in its backup folder, never pruned: the release
// that made it still opens that copy, and the day's backup is taken only after
// the upgrade. The upgrade's transaction holds the write lock, so the copy
// (through another connection) is the state the steps start from. The copy of
// one version is kept once.
func (s *DB) keepBeforeUpgrade(version int) error {
	all, err := Backups(s.path)
	if err != nil {
		return err
	}
	for _, b := range all {
		if b.Kind == store.BackupBeforeUpgrade && b.Schema == version {
			return nil
		}
	}
	if _, err := s.backupAs(store.BackupBeforeUpgrade, schemaPrefix+strconv.Itoa(version), version); err != nil {
		return fmt.Errorf("升级数据库 %s 前无法先保存它的副本，没有升级：%w", s.path, err)
	}
	return nil
}

func (s *DB) userVersion(q queryer) (int, error) {
	var v int
	if err := q.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("读取数据库 %s 的版本失败：%w", s.path, err)
	}
	return v, nil
}
