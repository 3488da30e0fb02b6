package sqlite

import (
	"database/sql"
	"fmt"

	"nianbao/data/combine"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

// Roster returns the roster of the combining agency for year, in its order.
// When that year has none, it returns the latest earlier year's (next year
// starts from this year's roster) and that year as from; from is 0 when the
// agency has no roster at all.
func (s *DB) Roster(agency string, year int) (units []combine.Unit, from int, err error) {
	err = s.db.QueryRow(`SELECT coalesce(max(year), 0) FROM roster_units WHERE agency = ? AND year <= ?`,
		agency, year).Scan(&from)
	if err != nil {
		return nil, 0, fmt.Errorf("读取“%s”%d 年的名单失败：%w", agency, year, err)
	}
	if from == 0 {
		return nil, 0, nil
	}
	r, err := s.db.Query(`SELECT unit, unit_type, unit_group FROM roster_units
		WHERE agency = ? AND year = ? ORDER BY position`, agency, from)
	if err != nil {
		return nil, 0, fmt.Errorf("读取“%s”%d 年的名单失败：%w", agency, from, err)
	}
	defer r.Close()
	if units, err = rows.Units(r); err != nil {
		return nil, 0, fmt.Errorf("读取“%s”%d 年的名单失败：%w", agency, from, err)
	}
	return units, from, nil
}

// SetRoster replaces the roster of the combining agency for year. Names must
// be unique and not empty; types are report.Agency… values.
func (s *DB) SetRoster(agency string, year int, units []combine.Unit) error {
	if err := rows.CheckRoster(units); err != nil {
		return err
	}
	return s.withTx(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`DELETE FROM roster_units WHERE agency = ? AND year = ?`, agency, year); err != nil {
			return fmt.Errorf("保存“%s”%d 年的名单失败：%w", agency, year, err)
		}
		for i, u := range units {
			if _, err := tx.Exec(`INSERT INTO roster_units (agency, year, position, unit, unit_type, unit_group)
				VALUES (?, ?, ?, ?, ?, ?)`, agency, year, i, u.Name, u.Type, u.Group); err != nil {
				return fmt.Errorf("保存“%s”%d 年的名单失败：%w", agency, year, err)
			}
		}
		return nil
	})
}

// Members returns the units the stored combined report of (agency, year) sums,
// sorted; nil when the report is not a combined one.
func (s *DB) Members(agency string, year int) ([]string, error) {
	rows, err := s.db.Query(`SELECT unit FROM combined_units WHERE agency = ? AND year = ? ORDER BY unit`, agency, year)
	if err != nil {
		return nil, fmt.Errorf("读取“%s”%d 年汇总的单位失败：%w", agency, year, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			return nil, fmt.Errorf("读取“%s”%d 年汇总的单位失败：%w", agency, year, err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("读取“%s”%d 年汇总的单位失败：%w", agency, year, err)
	}
	return out, nil
}

// SaveCombined stores the figures of a combined report and the units it sums,
// in one transaction: a new report when (agency, year) has none, else the
// stored report with its figures replaced by combined's and its text kept (the
// earlier content is kept as a version). It returns the report's id.
func (s *DB) SaveCombined(combined *report.Report, members []string) (int64, error) {
	sum, err := combine.FiguresOf(combined)
	if err != nil {
		return 0, err
	}
	var id int64
	now := s.now()
	err = s.withTx(func(tx *sql.Tx) error {
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
		if _, err := tx.Exec(`DELETE FROM combined_units WHERE agency = ? AND year = ?`, combined.Agency, combined.Year); err != nil {
			return fmt.Errorf("保存汇总的单位失败：%w", err)
		}
		for _, m := range members {
			if _, err := tx.Exec(`INSERT INTO combined_units (agency, year, unit, combined_at) VALUES (?, ?, ?, ?)`,
				combined.Agency, combined.Year, m, formatTime(now)); err != nil {
				return fmt.Errorf("保存汇总的单位失败：%w", err)
			}
		}
		return nil
	})
	return id, err
}
