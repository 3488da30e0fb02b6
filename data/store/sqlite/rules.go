package sqlite

import (
	"database/sql"
	"fmt"
	"strconv"

	"nianbao/data/check"
)

// settingRules is the setting that holds the check.RulesVersion the stored
// error and warning counts were made with.
const settingRules = "rules_version"

// rulesCurrent reports whether the stored counts were made by the program's rules.
func (s *DB) rulesCurrent() (bool, error) {
	v, err := s.Setting(settingRules)
	if err != nil {
		return false, err
	}
	return v == strconv.Itoa(check.RulesVersion), nil
}

// recountOnNewRules recounts every report's errors and warnings when the
// rules changed since they were counted (a new program with a new rule), so
// that the list never shows counts of old rules.
func (s *DB) recountOnNewRules() error {
	ok, err := s.rulesCurrent()
	if err != nil || ok {
		return err
	}
	return s.withTx(func(tx *sql.Tx) error {
		rows, err := tx.Query(`SELECT agency, year FROM reports`)
		if err != nil {
			return fmt.Errorf("按新的检查规则重新统计失败：%w", err)
		}
		type key struct {
			agency string
			year   int
		}
		var keys []key
		for rows.Next() {
			var k key
			if err := rows.Scan(&k.agency, &k.year); err != nil {
				rows.Close()
				return fmt.Errorf("按新的检查规则重新统计失败：%w", err)
			}
			keys = append(keys, k)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("按新的检查规则重新统计失败：%w", err)
		}
		for _, k := range keys {
			if err := refreshCounts(tx, k.agency, k.year); err != nil {
				return err
			}
		}
		_, err = tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, settingRules, strconv.Itoa(check.RulesVersion))
		if err != nil {
			return fmt.Errorf("按新的检查规则重新统计失败：%w", err)
		}
		return nil
	})
}

// countsNow recounts the findings of the current report id, for a list read
// from a database that cannot be written and was counted by other rules.
func (s *DB) countsNow(agency string, year int) (errs, warns int, err error) {
	_, r, err := findReport(s.db, agency, year)
	if err != nil || r == nil {
		return 0, 0, err
	}
	_, prev, err := findReport(s.db, agency, year-1)
	if err != nil {
		return 0, 0, err
	}
	errs, warns = check.Counts(check.Run(r, prev))
	return errs, warns, nil
}
