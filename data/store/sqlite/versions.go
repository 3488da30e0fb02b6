package sqlite

import (
	"database/sql"
	"errors"
	"fmt"

	"nianbao/data/report"
	"nianbao/data/store"
)

const versionColumns = `id, report_id, agency, year, saved_at, kind, errors, warnings, replaced_at, replaced_by`

func scanVersions(rows *sql.Rows) ([]store.Version, error) {
	defer rows.Close()
	var out []store.Version
	for rows.Next() {
		var v store.Version
		var saved, replaced string
		if err := rows.Scan(&v.ID, &v.ReportID, &v.Agency, &v.Year, &saved, &v.Kind,
			&v.Errors, &v.Warnings, &replaced, &v.ReplacedBy); err != nil {
			return nil, fmt.Errorf("读取历史版本失败：%w", err)
		}
		var err error
		if v.SavedAt, err = parseTime(saved); err != nil {
			return nil, err
		}
		if v.ReplacedAt, err = parseTime(replaced); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("读取历史版本失败：%w", err)
	}
	return out, nil
}

// Versions returns the kept versions of the agency's report for year, newest
// first. A version belongs to the agency and year of its own content: after a
// report's agency or year was changed, its earlier versions are listed under the
// old ones.
func (s *DB) Versions(agency string, year int) ([]store.Version, error) {
	rows, err := s.db.Query(`SELECT `+versionColumns+` FROM versions
		WHERE agency = ? AND year = ? ORDER BY saved_at DESC, id DESC`, agency, year)
	if err != nil {
		return nil, fmt.Errorf("读取%s%d年报告的历史版本失败：%w", agency, year, err)
	}
	return scanVersions(rows)
}

// Deleted returns, for each agency and year that has versions but no current
// report, its newest version: the reports that can be brought back. Ordered as List.
func (s *DB) Deleted() ([]store.Version, error) {
	rows, err := s.db.Query(`SELECT ` + versionColumns + ` FROM versions v
		WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency = v.agency AND r.year = v.year)
		AND v.id = (SELECT w.id FROM versions w WHERE w.agency = v.agency AND w.year = v.year
			ORDER BY w.saved_at DESC, w.id DESC LIMIT 1)
		ORDER BY v.agency, v.year DESC`)
	if err != nil {
		return nil, fmt.Errorf("读取已删除的报告失败：%w", err)
	}
	return scanVersions(rows)
}

// Version returns the content of version id, or ErrNotFound.
func (s *DB) Version(id int64) (*report.Report, error) {
	var content []byte
	err := s.db.QueryRow(`SELECT content FROM versions WHERE id = ?`, id).Scan(&content)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("历史版本（编号 %d）：%w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("读取历史版本（编号 %d）失败：%w", id, err)
	}
	return parseStored(content, fmt.Sprintf("历史版本（编号 %d）", id))
}

// Restore makes version id the current report of its agency and year, keeping
// the content it replaces as a version, or re-creating the report when it was
// deleted (under its old id when that is free). The version itself stays.
func (s *DB) Restore(versionID int64) (store.Restored, error) {
	var out store.Restored
	err := s.withTx(func(tx *sql.Tx) error {
		var reportID int64
		var agency string
		var year int
		var content []byte
		err := tx.QueryRow(`SELECT report_id, agency, year, content FROM versions WHERE id = ?`, versionID).
			Scan(&reportID, &agency, &year, &content)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("历史版本（编号 %d）：%w", versionID, store.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("读取历史版本（编号 %d）失败：%w", versionID, err)
		}
		r, err := parseStored(content, fmt.Sprintf("历史版本（编号 %d）", versionID))
		if err != nil {
			return err
		}
		cur, err := currentWhere(tx, `agency = ? AND year = ?`, agency, year)
		if err != nil {
			return err
		}
		newID := int64(0)
		if cur == nil {
			var taken int
			if err := tx.QueryRow(`SELECT count(*) FROM reports WHERE id = ?`, reportID).Scan(&taken); err != nil {
				return fmt.Errorf("恢复历史版本失败：%w", err)
			}
			if taken == 0 {
				newID = reportID
			}
		}
		res, err := s.save(tx, cur, newID, r, store.SaveRestore, s.now(), false)
		if err != nil {
			return err
		}
		out = store.Restored{ReportID: res.id, Kept: res.kept, Recreated: cur == nil, Unchanged: res.unchanged}
		if res.unchanged {
			return nil // the cells' texts still belong to the content
		}
		return setInvalid(tx, res.id, nil)
	})
	return out, err
}
