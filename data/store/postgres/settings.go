package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"

	"nianbao/data/check"
)

// Setting returns the login's value of a setting, "" when unset: each clerk
// has their own window settings.
func (s *DB) Setting(key string) (string, error) {
	c, done := s.read()
	defer done()
	return setting(c, "current_user", key)
}

func setting(c conn, login, key string) (string, error) {
	var v string
	err := c.QueryRow(`SELECT value FROM settings WHERE login = `+login+` AND key = $1`, key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("读取设置 %s 失败：%w", key, err)
	}
	return v, nil
}

// SetSetting stores the login's value of a setting.
func (s *DB) SetSetting(key, value string) error {
	return s.withTx(func(tx conn) error {
		_, err := tx.Exec(`INSERT INTO settings (login, key, value) VALUES (current_user, $1, $2)
			ON CONFLICT (login, key) DO UPDATE SET value = excluded.value`, key, value)
		if err != nil {
			return fmt.Errorf("保存设置 %s 失败：%w", key, err)
		}
		return nil
	})
}

// settingRules is the database's setting (login ”) of the check.RulesVersion
// the stored counts were made with.
const settingRules = "rules_version"

func (s *DB) rulesCurrent(c conn) (bool, error) {
	v, err := setting(c, "''", settingRules)
	if err != nil {
		return false, err
	}
	return v == strconv.Itoa(check.RulesVersion), nil
}

// recountOnNewRules recounts every report when the rules changed since they
// were counted. Only a login that may write every report (the owner of the
// tables: nianbao server init's, or a server without units' logins) does;
// for the others List counts anew until it has.
func (s *DB) recountOnNewRules(ctx context.Context) error {
	if s.readOnly {
		return nil
	}
	c := conn{ctx, s.pool}
	ok, err := s.rulesCurrent(c)
	if err != nil || ok {
		return err
	}
	var owner bool
	if err := c.QueryRow(`SELECT pg_has_role(current_user, (SELECT tableowner FROM pg_tables
		WHERE schemaname = current_schema() AND tablename = 'reports'), 'MEMBER')`).Scan(&owner); err != nil {
		return fmt.Errorf("按新的检查规则重新统计失败：%w", err)
	}
	if !owner {
		return nil
	}
	return s.withTx(func(tx conn) error {
		rows, err := tx.Query(`SELECT agency, year FROM reports`)
		if err != nil {
			return fmt.Errorf("按新的检查规则重新统计失败：%w", err)
		}
		type key struct {
			agency string
			year   int
		}
		keys, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (key, error) {
			var k key
			return k, r.Scan(&k.agency, &k.year)
		})
		if err != nil {
			return fmt.Errorf("按新的检查规则重新统计失败：%w", err)
		}
		for _, k := range keys {
			if err := refreshCounts(tx, k.agency, k.year); err != nil {
				return err
			}
		}
		_, err = tx.Exec(`INSERT INTO settings (login, key, value) VALUES ('', $1, $2)
			ON CONFLICT (login, key) DO UPDATE SET value = excluded.value`, settingRules, strconv.Itoa(check.RulesVersion))
		if err != nil {
			return fmt.Errorf("按新的检查规则重新统计失败：%w", err)
		}
		return nil
	})
}

// countsNow counts the findings of the agency's report of year now, for a
// list whose stored counts were made by other rules.
func countsNow(c conn, agency string, year int) (errs, warns int, err error) {
	id, r, err := findReport(c, agency, year)
	if err != nil || r == nil {
		return 0, 0, err
	}
	prev, err := previousReport(c, id, agency, year)
	if err != nil {
		return 0, 0, err
	}
	errs, warns = check.Counts(check.Run(r, prev))
	return errs, warns, nil
}
