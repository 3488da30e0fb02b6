package postgres

import (
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"nianbao/data/combine"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

// Roster returns the combining agency's roster for year, else its latest
// earlier year's (from says which; 0 when it has none).
func (s *DB) Roster(agency string, year int) (units []combine.Unit, from int, err error) {
	c, done := s.read()
	defer done()
	err = c.QueryRow(`SELECT coalesce(max(year), 0) FROM roster_units WHERE agency = $1 AND year <= $2`,
		agency, year).Scan(&from)
	if err != nil {
		return nil, 0, fmt.Errorf("读取“%s”%d 年的名单失败：%w", agency, year, err)
	}
	if from == 0 {
		return nil, 0, nil
	}
	r, err := c.Query(`SELECT unit, unit_type, unit_group FROM roster_units
		WHERE agency = $1 AND year = $2 ORDER BY position`, agency, from)
	if err != nil {
		return nil, 0, fmt.Errorf("读取“%s”%d 年的名单失败：%w", agency, from, err)
	}
	defer r.Close()
	if units, err = rows.Units(r); err != nil {
		return nil, 0, fmt.Errorf("读取“%s”%d 年的名单失败：%w", agency, from, err)
	}
	return units, from, nil
}

// SetRoster replaces the roster of the combining agency for year.
func (s *DB) SetRoster(agency string, year int, units []combine.Unit) error {
	if err := rows.CheckRoster(units); err != nil {
		return err
	}
	return s.withTx(func(tx conn) error {
		if _, err := tx.Exec(`DELETE FROM roster_units WHERE agency = $1 AND year = $2`, agency, year); err != nil {
			return fmt.Errorf("保存“%s”%d 年的名单失败：%w", agency, year, refusal(err))
		}
		for i, u := range units {
			if _, err := tx.Exec(`INSERT INTO roster_units (agency, year, position, unit, unit_type, unit_group)
				VALUES ($1, $2, $3, $4, $5, $6)`, agency, year, i, u.Name, u.Type, u.Group); err != nil {
				return fmt.Errorf("保存“%s”%d 年的名单失败：%w", agency, year, refusal(err))
			}
		}
		return nil
	})
}

// Members returns the units the stored combined report of (agency, year) sums, sorted.
func (s *DB) Members(agency string, year int) ([]string, error) {
	c, done := s.read()
	defer done()
	rows, err := c.Query(`SELECT unit FROM combined_units WHERE agency = $1 AND year = $2 ORDER BY unit`, agency, year)
	if err != nil {
		return nil, fmt.Errorf("读取“%s”%d 年汇总的单位失败：%w", agency, year, err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("读取“%s”%d 年汇总的单位失败：%w", agency, year, err)
	}
	return out, nil
}

// SaveCombined stores a combined report and the units it sums, in one transaction.
func (s *DB) SaveCombined(combined *report.Report, members []string) (int64, error) {
	sum, err := combine.FiguresOf(combined)
	if err != nil {
		return 0, err
	}
	var id int64
	now := s.now()
	err = s.withTx(func(tx conn) error {
		_, existing, err := findReport(tx, combined.Agency, combined.Year)
		if err != nil {
			return err
		}
		next, err := rows.CombinedOver(existing, combined, sum)
		if err != nil {
			return err
		}
		if id, err = s.put(tx, next, store.SaveManual, now); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM combined_units WHERE agency = $1 AND year = $2`, combined.Agency, combined.Year); err != nil {
			return fmt.Errorf("保存汇总的单位失败：%w", refusal(err))
		}
		for _, m := range members {
			if _, err := tx.Exec(`INSERT INTO combined_units (agency, year, unit, combined_at) VALUES ($1, $2, $3, $4)`,
				combined.Agency, combined.Year, m, stamp(now)); err != nil {
				return fmt.Errorf("保存汇总的单位失败：%w", refusal(err))
			}
		}
		return nil
	})
	return id, err
}

// EachOfYear calls fn with every current report of year the login may read,
// in agency order, with its former name; one query streams them.
func (s *DB) EachOfYear(year int, fn func(combine.StoredReport) error) error {
	c, done := s.read()
	defer done()
	found, err := c.Query(`SELECT cur.id, cur.agency, cur.saved_at, cur.content,
			COALESCE(prevf.content, prev.content), COALESCE(f.former, '')
		FROM reports cur LEFT JOIN former_names f ON f.report_id = cur.id
		LEFT JOIN reports prevf ON prevf.agency = f.former AND prevf.year = cur.year - 1
		LEFT JOIN reports prev ON prev.agency = cur.agency AND prev.year = cur.year - 1
		WHERE cur.year = $1 ORDER BY cur.agency`, year)
	if err != nil {
		return fmt.Errorf("读取 %d 年的报告失败：%w", year, err)
	}
	defer found.Close()
	for found.Next() {
		var sr combine.StoredReport
		var content string
		var prevContent *string
		if err := found.Scan(&sr.ID, &sr.Agency, &sr.Saved, &content, &prevContent, &sr.Former); err != nil {
			return fmt.Errorf("读取 %d 年的报告失败：%w", year, err)
		}
		sr.Saved = sr.Saved.Local()
		var prev []byte // nil: no previous year's report
		if prevContent != nil {
			prev = []byte(*prevContent)
		}
		sr.Read = rows.ReadPair(sr.Agency, year, []byte(content), prev)
		if err := fn(sr); err != nil {
			return err
		}
	}
	if err := found.Err(); err != nil {
		return fmt.Errorf("读取 %d 年的报告失败：%w", year, err)
	}
	return nil
}

// CombinedUnits lists every unit of every stored sum of year.
func (s *DB) CombinedUnits(year int) ([]combine.CombinedUnit, error) {
	c, done := s.read()
	defer done()
	rows, err := c.Query(`SELECT cu.agency, cu.unit, cu.combined_at, r.saved_at
		FROM combined_units cu LEFT JOIN reports r ON r.agency = cu.unit AND r.year = cu.year
		WHERE cu.year = $1 ORDER BY cu.agency, cu.unit`, year)
	if err != nil {
		return nil, fmt.Errorf("读取 %d 年汇总的单位失败：%w", year, err)
	}
	defer rows.Close()
	var out []combine.CombinedUnit
	for rows.Next() {
		var cu combine.CombinedUnit
		var saved *time.Time
		if err := rows.Scan(&cu.Agency, &cu.Unit, &cu.Combined, &saved); err != nil {
			return nil, fmt.Errorf("读取 %d 年汇总的单位失败：%w", year, err)
		}
		cu.Combined = cu.Combined.Local()
		if saved != nil {
			cu.Saved = saved.Local()
		}
		out = append(out, cu)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("读取 %d 年汇总的单位失败：%w", year, err)
	}
	return out, nil
}

// ListedBy returns the combining agency whose roster for year (or its latest
// earlier one) lists agency as a unit, or "".
func (s *DB) ListedBy(agency string, year int) (string, error) {
	c, done := s.read()
	defer done()
	var by string
	err := c.QueryRow(`SELECT r.agency FROM roster_units r
		WHERE r.unit = $1 AND r.agency <> $1 AND r.year = (SELECT max(year) FROM roster_units WHERE agency = r.agency AND year <= $2)
		ORDER BY r.agency LIMIT 1`, agency, year).Scan(&by)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("读取名单失败：%w", err)
	}
	return by, nil
}

// StoreReceived stores a unit's report as received at (the file's time),
// keeping both when the unit already has one: the newer is current.
func (s *DB) StoreReceived(r *report.Report, at time.Time) (store.Received, error) {
	var out store.Received
	c, done := s.read()
	defer done()
	id, stored, err := findReport(c, r.Agency, r.Year)
	if err != nil {
		return out, err
	}
	if id != 0 {
		out.ID, out.Replaced = id, true
		if report.Same(stored, r) {
			out.Same = true
			return out, nil
		}
		if err := c.QueryRow(`SELECT saved_at FROM reports WHERE id = $1`, id).Scan(&out.StoredAt); err != nil {
			return out, fmt.Errorf("读取%s%d年的报告失败：%w", r.Agency, r.Year, err)
		}
		out.StoredAt = out.StoredAt.Local()
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

// SetFormerName sets the former name (曾用名) of the agency's report for year; "" removes it.
func (s *DB) SetFormerName(agency string, year int, former string) error {
	former, err := rows.FormerName(agency, former)
	if err != nil {
		return err
	}
	return s.withTx(func(tx conn) error {
		id, r, err := findReport(tx, agency, year)
		if err != nil {
			return err
		}
		if r == nil {
			return fmt.Errorf("%s%d年的报告：%w", agency, year, store.ErrNotFound)
		}
		if former == "" {
			_, err = tx.Exec(`DELETE FROM former_names WHERE report_id = $1`, id)
		} else {
			_, err = tx.Exec(`INSERT INTO former_names (report_id, former) VALUES ($1, $2)
				ON CONFLICT (report_id) DO UPDATE SET former = excluded.former`, id, former)
		}
		if err != nil {
			return fmt.Errorf("保存%s%d年报告的曾用名失败：%w", agency, year, refusal(err))
		}
		return refreshCounts(tx, agency, year)
	})
}

// FormerName returns the former name of the agency's report for year, or "".
func (s *DB) FormerName(agency string, year int) (string, error) {
	c, done := s.read()
	defer done()
	id, err := reportID(c, agency, year)
	if err != nil || id == 0 {
		return "", err
	}
	return formerName(c, id)
}

func reportID(c conn, agency string, year int) (int64, error) {
	var id int64
	err := c.QueryRow(`SELECT id FROM reports WHERE agency = $1 AND year = $2`, agency, year).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("读取%s%d年的报告失败：%w", agency, year, err)
	}
	return id, nil
}

func formerName(c conn, reportID int64) (string, error) {
	var former string
	err := c.QueryRow(`SELECT former FROM former_names WHERE report_id = $1`, reportID).Scan(&former)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("读取曾用名失败：%w", err)
	}
	return former, nil
}

// previousReport is the report a report (id, or 0 when not stored yet) of
// agency and year is compared with (see rows.Previous).
func previousReport(c conn, id int64, agency string, year int) (*report.Report, error) {
	return rows.Previous(id, agency, year,
		func(id int64) (string, error) { return formerName(c, id) },
		func(agency string, year int) (*report.Report, error) {
			_, r, err := findReport(c, agency, year)
			return r, err
		})
}

// refreshFollowers recounts the reports of year+1 compared with the agency's report of year.
func refreshFollowers(tx conn, agency string, year int) error {
	if err := refreshCounts(tx, agency, year+1); err != nil {
		return err
	}
	rows, err := tx.Query(`SELECT r.agency FROM reports r JOIN former_names f ON f.report_id = r.id
		WHERE r.year = $1 AND f.former = $2 AND r.agency <> $2`, year+1, agency)
	if err != nil {
		return fmt.Errorf("更新下一年度报告的检查结果失败：%w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("更新下一年度报告的检查结果失败：%w", err)
	}
	for _, n := range names {
		if err := refreshCounts(tx, n, year+1); err != nil {
			return err
		}
	}
	return nil
}

// SameYear returns the reports of year of every agency but agency.
func (s *DB) SameYear(agency string, year int) ([]*report.Report, error) {
	c, done := s.read()
	defer done()
	rows, err := c.Query(`SELECT agency, content FROM reports WHERE year = $1 AND agency <> $2 ORDER BY agency`, year, agency)
	if err != nil {
		return nil, fmt.Errorf("读取%d年的其他报告失败：%w", year, err)
	}
	defer rows.Close()
	var out []*report.Report
	for rows.Next() {
		var name, content string
		if err := rows.Scan(&name, &content); err != nil {
			return nil, fmt.Errorf("读取%d年的其他报告失败：%w", year, err)
		}
		r, err := parseStored(content, fmt.Sprintf("%s%d年的报告", name, year))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("读取%d年的其他报告失败：%w", year, err)
	}
	return out, nil
}
