package sqlite

import (
	"database/sql"
	"errors"
	"fmt"

	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

// SetFormerName sets the former name (曾用名) of the agency's report for year:
// the name its report of year-1 is stored under. "" removes it. The report's
// counts of findings follow, as Previous now finds another report.
func (s *DB) SetFormerName(agency string, year int, former string) error {
	former, err := rows.FormerName(agency, former)
	if err != nil {
		return err
	}
	return s.withTx(func(tx *sql.Tx) error {
		id, r, err := findReport(tx, agency, year)
		if err != nil {
			return err
		}
		if r == nil {
			return fmt.Errorf("%s%d年的报告：%w", agency, year, store.ErrNotFound)
		}
		if former == "" {
			_, err = tx.Exec(`DELETE FROM former_names WHERE report_id = ?`, id)
		} else {
			_, err = tx.Exec(`INSERT INTO former_names (report_id, former) VALUES (?, ?)
				ON CONFLICT (report_id) DO UPDATE SET former = excluded.former`, id, former)
		}
		if err != nil {
			return fmt.Errorf("保存%s%d年报告的曾用名失败：%w", agency, year, err)
		}
		return refreshCounts(tx, agency, year)
	})
}

// FormerName returns the former name of the agency's report for year, or "".
func (s *DB) FormerName(agency string, year int) (string, error) {
	id, err := reportID(s.db, agency, year)
	if err != nil || id == 0 {
		return "", err
	}
	return formerName(s.db, id)
}

// reportID returns the id of the agency's report for year, or 0 when there is
// none, without reading its content.
func reportID(q queryer, agency string, year int) (int64, error) {
	var id int64
	err := q.QueryRow(`SELECT id FROM reports WHERE agency = ? AND year = ?`, agency, year).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("读取%s%d年的报告失败：%w", agency, year, err)
	}
	return id, nil
}

func formerName(q queryer, reportID int64) (string, error) {
	var former string
	err := q.QueryRow(`SELECT former FROM former_names WHERE report_id = ?`, reportID).Scan(&former)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("读取曾用名失败：%w", err)
	}
	return former, nil
}

// previousReport is the report a report (id, or 0 when not stored yet) of
// agency and year is compared with (see rows.Previous).
func previousReport(q queryer, id int64, agency string, year int) (*report.Report, error) {
	return rows.Previous(id, agency, year,
		func(id int64) (string, error) { return formerName(q, id) },
		func(agency string, year int) (*report.Report, error) {
			_, r, err := findReport(q, agency, year)
			return r, err
		})
}

// refreshFollowers recounts the reports of year+1 compared with the agency's
// report of year: the same name's, and those naming it as their former name.
func refreshFollowers(tx *sql.Tx, agency string, year int) error {
	if err := refreshCounts(tx, agency, year+1); err != nil {
		return err
	}
	rows, err := tx.Query(`SELECT r.agency FROM reports r JOIN former_names f ON f.report_id = r.id
		WHERE r.year = ? AND f.former = ? AND r.agency <> ?`, year+1, agency, agency)
	if err != nil {
		return fmt.Errorf("更新下一年度报告的检查结果失败：%w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return fmt.Errorf("更新下一年度报告的检查结果失败：%w", err)
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("更新下一年度报告的检查结果失败：%w", err)
	}
	for _, n := range names {
		if err := refreshCounts(tx, n, year+1); err != nil {
			return err
		}
	}
	return nil
}

// SameYear returns the reports of year of every agency but agency: the other
// units a report is compared with for copied text (W9).
func (s *DB) SameYear(agency string, year int) ([]*report.Report, error) {
	rows, err := s.db.Query(`SELECT agency, content FROM reports WHERE year = ? AND agency <> ? ORDER BY agency`, year, agency)
	if err != nil {
		return nil, fmt.Errorf("读取%d年的其他报告失败：%w", year, err)
	}
	defer rows.Close()
	var out []*report.Report
	for rows.Next() {
		var name string
		var content []byte
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
