package postgres

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"nianbao/data/report"
	"nianbao/data/store"
)

const versionColumns = `id, report_id, agency, year, saved_at, kind, errors, warnings, replaced_at, replaced_by`

func scanVersions(rows pgx.Rows) ([]store.Version, error) {
	defer rows.Close()
	var out []store.Version
	for rows.Next() {
		var v store.Version
		if err := rows.Scan(&v.ID, &v.ReportID, &v.Agency, &v.Year, &v.SavedAt, &v.Kind,
			&v.Errors, &v.Warnings, &v.ReplacedAt, &v.ReplacedBy); err != nil {
			return nil, fmt.Errorf("读取历史版本失败：%w", err)
		}
		v.SavedAt, v.ReplacedAt = v.SavedAt.Local(), v.ReplacedAt.Local()
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("读取历史版本失败：%w", err)
	}
	return out, nil
}

// Versions returns the kept versions of the agency's report for year, newest first.
func (s *DB) Versions(agency string, year int) ([]store.Version, error) {
	c, done := s.read()
	defer done()
	rows, err := c.Query(`SELECT `+versionColumns+` FROM versions
		WHERE agency = $1 AND year = $2 ORDER BY saved_at DESC, id DESC`, agency, year)
	if err != nil {
		return nil, fmt.Errorf("读取%s%d年报告的历史版本失败：%w", agency, year, err)
	}
	return scanVersions(rows)
}

// Deleted returns the newest version of each agency and year that has no current report.
func (s *DB) Deleted() ([]store.Version, error) {
	c, done := s.read()
	defer done()
	rows, err := c.Query(`SELECT ` + versionColumns + ` FROM versions v
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
	c, done := s.read()
	defer done()
	var content string
	err := c.QueryRow(`SELECT content FROM versions WHERE id = $1`, id).Scan(&content)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("历史版本（编号 %d）：%w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("读取历史版本（编号 %d）失败：%w", id, err)
	}
	return parseStored(content, fmt.Sprintf("历史版本（编号 %d）", id))
}

// Restore makes version id the current report of its agency and year again
// (see data/store/sqlite's Restore).
func (s *DB) Restore(versionID int64) (store.Restored, error) {
	var out store.Restored
	err := s.withTx(func(tx conn) error {
		var reportID int64
		var agency string
		var year int
		var content string
		err := tx.QueryRow(`SELECT report_id, agency, year, content FROM versions WHERE id = $1`, versionID).
			Scan(&reportID, &agency, &year, &content)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("历史版本（编号 %d）：%w", versionID, store.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("读取历史版本（编号 %d）失败：%w", versionID, err)
		}
		r, err := parseStored(content, fmt.Sprintf("历史版本（编号 %d）", versionID))
		if err != nil {
			return err
		}
		cur, err := currentWhere(tx, `agency = $1 AND year = $2`, agency, year)
		if err != nil {
			return err
		}
		newID := int64(0)
		if cur == nil {
			var taken bool
			if err := tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM reports WHERE id = $1)`, reportID).Scan(&taken); err != nil {
				return fmt.Errorf("恢复历史版本失败：%w", err)
			}
			if !taken {
				newID = reportID
			}
		}
		res, err := s.save(tx, cur, newID, r, store.SaveRestore, s.now(), false)
		if err != nil {
			return err
		}
		out = store.Restored{ReportID: res.id, Kept: res.kept, Recreated: cur == nil, Unchanged: res.unchanged}
		if res.unchanged {
			return nil
		}
		return setInvalid(tx, res.id, nil)
	})
	return out, err
}
