package postgres

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"nianbao/data/register"
	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

var _ store.Register = (*DB)(nil)

// errRegisterNotAllowed is a write of another agency's register that the
// server's row-level security refused or passed over.
var errRegisterNotAllowed = errors.New("这个登录只能查看和修改本单位的台账")

// registerRefusal says the server's refusal of another agency's register in
// the store's words, keeping the server's error for errors.As.
func registerRefusal(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" {
		return fmt.Errorf("%w（%w）", errRegisterNotAllowed, &refusedError{cause: err})
	}
	return err
}

// Applications lists the agency's applications received in year (0: every
// year), by receipt date and number; a unit's login sees its own agency's only.
func (s *DB) Applications(agency string, year int) ([]register.Application, error) {
	c, done := s.read()
	defer done()
	q := `SELECT id, agency, data FROM register_applications WHERE agency = $1`
	args := []any{agency}
	if year != 0 {
		q += ` AND received >= $2 AND received <= $3`
		first, last := rows.YearSpan(year)
		args = append(args, first, last)
	}
	apps, err := queryApplications(c, q+` ORDER BY received, number`, args...)
	if err != nil {
		return nil, fmt.Errorf("读取“%s”的台账失败：%w", agency, err)
	}
	return apps, nil
}

// queryApplications reads the applications q selects (id, agency, data).
func queryApplications(c conn, q string, args ...any) ([]register.Application, error) {
	r, err := c.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return rows.Applications(r)
}

// Application returns application id (one the login may read).
func (s *DB) Application(id int64) (register.Application, error) {
	c, done := s.read()
	defer done()
	a, err := rows.ScanApplication(c.QueryRow(`SELECT id, agency, data FROM register_applications WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return a, fmt.Errorf("台账第 %d 条：%w", id, store.ErrApplicationNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("读取台账第 %d 条失败：%w", id, err)
	}
	return a, nil
}

// PutApplications stores apps in the agency's register in one transaction,
// each replacing the application of the same number.
func (s *DB) PutApplications(agency string, apps []register.Application) ([]int64, error) {
	if err := rows.CheckApplications(agency, apps); err != nil {
		return nil, err
	}
	ids := make([]int64, len(apps))
	now := stamp(s.now())
	err := s.withTx(func(tx conn) error {
		for i, a := range apps {
			data, received, answered, err := rows.ApplicationRow(a)
			if err != nil {
				return err
			}
			err = tx.QueryRow(`INSERT INTO register_applications (agency, number, received, answered, data, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6)
				ON CONFLICT (agency, number) DO UPDATE SET received = excluded.received,
					answered = excluded.answered, data = excluded.data, updated_at = excluded.updated_at
				RETURNING id`, agency, a.Number, received, answered, data, now).Scan(&ids[i])
			if err != nil {
				return fmt.Errorf("保存“%s”台账的%s失败：%w", agency, a.Where(), registerRefusal(err))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// DeleteApplication deletes application id (one of the login's own agency).
func (s *DB) DeleteApplication(id int64) error {
	return s.withTx(func(tx conn) error {
		n, err := tx.Exec(`DELETE FROM register_applications WHERE id = $1`, id)
		if err != nil {
			return fmt.Errorf("删除台账第 %d 条失败：%w", id, registerRefusal(err))
		}
		if n > 0 {
			return nil
		}
		// Not deleted: none, or one the login may read but not change (the 政务公开办's).
		var exists bool
		if err := tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM register_applications WHERE id = $1)`, id).Scan(&exists); err != nil {
			return fmt.Errorf("删除台账第 %d 条失败：%w", id, err)
		}
		if exists {
			return fmt.Errorf("删除台账第 %d 条失败：%w", id, errRegisterNotAllowed)
		}
		return fmt.Errorf("台账第 %d 条：%w", id, store.ErrApplicationNotFound)
	})
}

// ErasePersonal erases the personal fields of the agency's applications
// received in year. (The server's freed space is reused by VACUUM; there is
// no secure_delete as SQLite's.)
func (s *DB) ErasePersonal(agency string, year int) (int, error) {
	n := 0
	first, last := rows.YearSpan(year)
	err := s.withTx(func(tx conn) error {
		apps, err := queryApplications(tx, `SELECT id, agency, data FROM register_applications
			WHERE agency = $1 AND received >= $2 AND received <= $3 ORDER BY id`,
			agency, first, last)
		if err != nil {
			return fmt.Errorf("读取“%s”%d 年的台账失败：%w", agency, year, err)
		}
		for _, a := range apps {
			data, personal, err := rows.Erased(a)
			if err != nil {
				return err
			}
			if !personal {
				continue
			}
			changed, err := tx.Exec(`UPDATE register_applications SET data = $1 WHERE id = $2`, data, a.ID)
			if err != nil {
				return fmt.Errorf("清除%s的个人信息失败：%w", a.Where(), registerRefusal(err))
			}
			if changed == 0 {
				return fmt.Errorf("清除%s的个人信息失败：%w", a.Where(), errRegisterNotAllowed)
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// CalendarAdditions returns the calendar texts added on the database, oldest
// first: they are the county's, shared by every login.
func (s *DB) CalendarAdditions() ([]string, error) {
	c, done := s.read()
	defer done()
	rows, err := c.Query(`SELECT text FROM register_calendar ORDER BY added_at, name`)
	if err != nil {
		return nil, fmt.Errorf("读取添加的节假日安排失败：%w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, fmt.Errorf("读取添加的节假日安排失败：%w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("读取添加的节假日安排失败：%w", err)
	}
	return out, nil
}

// AddCalendar stores a calendar text under name.
func (s *DB) AddCalendar(name, text string) error {
	return s.withTx(func(tx conn) error {
		_, err := tx.Exec(`INSERT INTO register_calendar (name, text, added_at) VALUES ($1, $2, $3)
			ON CONFLICT (name) DO UPDATE SET text = excluded.text, added_at = excluded.added_at`,
			name, text, stamp(s.now()))
		if err != nil {
			return fmt.Errorf("保存节假日安排“%s”失败：%w", name, err)
		}
		return nil
	})
}

// YearLocked reports whether the agency's report of year is published.
func (s *DB) YearLocked(agency string, year int) (bool, error) {
	c, done := s.read()
	defer done()
	var locked bool
	err := c.QueryRow(`SELECT EXISTS (SELECT 1 FROM register_locks WHERE agency = $1 AND year = $2)`, agency, year).Scan(&locked)
	if err != nil {
		return false, fmt.Errorf("读取“%s”%d 年是否已发布失败：%w", agency, year, err)
	}
	return locked, nil
}

// LockYear marks the agency's report of year as published (locked) or not.
func (s *DB) LockYear(agency string, year int, locked bool) error {
	return s.withTx(func(tx conn) error {
		var err error
		if locked {
			_, err = tx.Exec(`INSERT INTO register_locks (agency, year, locked_at) VALUES ($1, $2, $3)
				ON CONFLICT (agency, year) DO NOTHING`, agency, year, stamp(s.now()))
		} else {
			_, err = tx.Exec(`DELETE FROM register_locks WHERE agency = $1 AND year = $2`, agency, year)
		}
		if err != nil {
			return fmt.Errorf("设置“%s”%d 年的发布状态失败：%w", agency, year, registerRefusal(err))
		}
		return nil
	})
}
