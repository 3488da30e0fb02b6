package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"nianbao/data/combine"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

// EachOfYear calls fn with every current report of year, in agency order,
// with its former name; Read parses it and the report of the year before
// (under the former name when that is stored, else the same name, as
// Previous finds it), so that reports a round skips are never parsed. One
// query streams them: a round holds one report's text at a time.
func (s *DB) EachOfYear(year int, fn func(combine.StoredReport) error) error {
	found, err := s.db.Query(`SELECT cur.id, cur.agency, cur.saved_at, cur.content,
			COALESCE(prevf.content, prev.content), COALESCE(f.former, '')
		FROM reports cur LEFT JOIN former_names f ON f.report_id = cur.id
		LEFT JOIN reports prevf ON prevf.agency = f.former AND prevf.year = cur.year - 1
		LEFT JOIN reports prev ON prev.agency = cur.agency AND prev.year = cur.year - 1
		WHERE cur.year = ? ORDER BY cur.agency`, year)
	if err != nil {
		return fmt.Errorf("读取 %d 年的报告失败：%w", year, err)
	}
	defer found.Close()
	for found.Next() {
		var sr combine.StoredReport
		var saved string
		var content, prevContent []byte
		if err := found.Scan(&sr.ID, &sr.Agency, &saved, &content, &prevContent, &sr.Former); err != nil {
			return fmt.Errorf("读取 %d 年的报告失败：%w", year, err)
		}
		if sr.Saved, err = parseTime(saved); err != nil {
			return err
		}
		sr.Read = rows.ReadPair(sr.Agency, year, content, prevContent)
		if err := fn(sr); err != nil {
			return err
		}
	}
	if err := found.Err(); err != nil {
		return fmt.Errorf("读取 %d 年的报告失败：%w", year, err)
	}
	return nil
}

// CombinedUnits lists every unit of every stored sum of year, with when the
// sum was made and when the unit's report was last saved (zero when it is no
// longer stored): what combining needs to count no unit twice and to tell a
// stale sum.
func (s *DB) CombinedUnits(year int) ([]combine.CombinedUnit, error) {
	rows, err := s.db.Query(`SELECT cu.agency, cu.unit, cu.combined_at, r.saved_at
		FROM combined_units cu LEFT JOIN reports r ON r.agency = cu.unit AND r.year = cu.year
		WHERE cu.year = ? ORDER BY cu.agency, cu.unit`, year)
	if err != nil {
		return nil, fmt.Errorf("读取 %d 年汇总的单位失败：%w", year, err)
	}
	defer rows.Close()
	var out []combine.CombinedUnit
	for rows.Next() {
		var c combine.CombinedUnit
		var combinedAt string
		var savedAt sql.NullString
		if err := rows.Scan(&c.Agency, &c.Unit, &combinedAt, &savedAt); err != nil {
			return nil, fmt.Errorf("读取 %d 年汇总的单位失败：%w", year, err)
		}
		if c.Combined, err = parseTime(combinedAt); err != nil {
			return nil, err
		}
		if savedAt.Valid {
			if c.Saved, err = parseTime(savedAt.String); err != nil {
				return nil, err
			}
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("读取 %d 年汇总的单位失败：%w", year, err)
	}
	return out, nil
}

// ListedBy returns the combining agency whose roster for year (or, when it
// has none for year, its latest earlier one) lists agency as a unit, or "":
// a unit's report is its own, and saving a sum over it needs the office's word.
func (s *DB) ListedBy(agency string, year int) (string, error) {
	var by string
	err := s.db.QueryRow(`SELECT r.agency FROM roster_units r
		WHERE r.unit = ? AND r.agency <> ? AND r.year = (SELECT max(year) FROM roster_units WHERE agency = r.agency AND year <= ?)
		ORDER BY r.agency LIMIT 1`, agency, agency, year).Scan(&by)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("读取名单失败：%w", err)
	}
	return by, nil
}

// StoreReceived stores a unit's report as received (at is when it was made:
// the file's modification time). When the unit already has a report for the
// year, both are kept: the newer is current, the other a version, so that
// nothing is lost whichever order they arrive in.
func (s *DB) StoreReceived(r *report.Report, at time.Time) (store.Received, error) {
	var out store.Received
	id, stored, err := findReport(s.db, r.Agency, r.Year)
	if err != nil {
		return out, err
	}
	if id != 0 {
		out.ID, out.Replaced = id, true
		if report.Same(stored, r) {
			out.Same = true
			return out, nil
		}
		var saved string
		if err := s.db.QueryRow(`SELECT saved_at FROM reports WHERE id = ?`, id).Scan(&saved); err != nil {
			return out, fmt.Errorf("读取%s%d年的报告失败：%w", r.Agency, r.Year, err)
		}
		if out.StoredAt, err = parseTime(saved); err != nil {
			return out, err
		}
		out.Older = !at.IsZero() && at.Before(out.StoredAt)
	}
	if out.ID, err = s.Put(r, store.SaveImport); err != nil {
		return out, err
	}
	if out.Older {
		restored, err := rows.RestoreNewer(s, r.Agency, r.Year)
		if err != nil {
			return out, err
		}
		out.ID = restored
	}
	return out, nil
}
