package sqlite

import (
	"database/sql"
	"errors"
	"fmt"

	"nianbao/data/register"
	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

var _ store.Register = (*DB)(nil)

// Applications lists the agency's applications received in year (0: every
// year), by receipt date and number.
func (s *DB) Applications(agency string, year int) ([]register.Application, error) {
	q := `SELECT id, agency, data FROM register_applications WHERE agency = ?`
	args := []any{agency}
	if year != 0 {
		q += ` AND received >= ? AND received <= ?`
		first, last := rows.YearSpan(year)
		args = append(args, first, last)
	}
	out, err := queryApplications(s.db, q+` ORDER BY received, number`, args...)
	if err != nil {
		return nil, fmt.Errorf("读取“%s”的台账失败：%w", agency, err)
	}
	return out, nil
}

// queryApplications reads the applications q selects (id, agency, data).
func queryApplications(q queryer, query string, args ...any) ([]register.Application, error) {
	r, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return rows.Applications(r)
}

// Application returns application id.
func (s *DB) Application(id int64) (register.Application, error) {
	a, err := rows.ScanApplication(s.db.QueryRow(`SELECT id, agency, data FROM register_applications WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
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
	now := formatTime(s.now())
	err := s.withTx(func(tx *sql.Tx) error {
		for i, a := range apps {
			data, received, answered, err := rows.ApplicationRow(a)
			if err != nil {
				return err
			}
			err = tx.QueryRow(`INSERT INTO register_applications (agency, number, received, answered, data, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (agency, number) DO UPDATE SET received = excluded.received,
					answered = excluded.answered, data = excluded.data, updated_at = excluded.updated_at
				RETURNING id`, agency, a.Number, received, answered, data, now).Scan(&ids[i])
			if err != nil {
				return fmt.Errorf("保存“%s”台账的%s失败：%w", agency, a.Where(), err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// DeleteApplication deletes application id.
func (s *DB) DeleteApplication(id int64) error {
	return s.withTx(func(tx *sql.Tx) error {
		res, err := tx.Exec(`DELETE FROM register_applications WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("删除台账第 %d 条失败：%w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("台账第 %d 条：%w", id, store.ErrApplicationNotFound)
		}
		return nil
	})
}

// ErasePersonal erases the personal fields of the agency's applications
// received in year. secure_delete overwrites the freed space, so the names do
// not linger in the file's free pages (backups made before keep them: they
// are pruned by age).
func (s *DB) ErasePersonal(agency string, year int) (int, error) {
	n := 0
	err := s.withTx(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`PRAGMA secure_delete = ON`); err != nil {
			return fmt.Errorf("清除个人信息失败：%w", err)
		}
		first, last := rows.YearSpan(year)
		apps, err := queryApplications(tx, `SELECT id, agency, data FROM register_applications
			WHERE agency = ? AND received >= ? AND received <= ?`, agency, first, last)
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
			if _, err := tx.Exec(`UPDATE register_applications SET data = ? WHERE id = ?`, data, a.ID); err != nil {
				return fmt.Errorf("清除%s的个人信息失败：%w", a.Where(), err)
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

// CalendarAdditions returns the calendar texts the user added, oldest first.
func (s *DB) CalendarAdditions() ([]string, error) {
	rows, err := s.db.Query(`SELECT text FROM register_calendar ORDER BY added_at, name`)
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
	return out, rows.Err()
}

// AddCalendar stores a calendar text under name.
func (s *DB) AddCalendar(name, text string) error {
	return s.withTx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO register_calendar (name, text, added_at) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET text = excluded.text, added_at = excluded.added_at`,
			name, text, formatTime(s.now()))
		if err != nil {
			return fmt.Errorf("保存节假日安排“%s”失败：%w", name, err)
		}
		return nil
	})
}

// YearLocked reports whether the agency's report of year is published.
func (s *DB) YearLocked(agency string, year int) (bool, error) {
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM register_locks WHERE agency = ? AND year = ?`, agency, year).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("读取“%s”%d 年是否已发布失败：%w", agency, year, err)
	}
	return n > 0, nil
}

// LockYear marks the agency's report of year as published (locked) or not.
func (s *DB) LockYear(agency string, year int, locked bool) error {
	return s.withTx(func(tx *sql.Tx) error {
		var err error
		if locked {
			_, err = tx.Exec(`INSERT OR IGNORE INTO register_locks (agency, year, locked_at) VALUES (?, ?, ?)`,
				agency, year, formatTime(s.now()))
		} else {
			_, err = tx.Exec(`DELETE FROM register_locks WHERE agency = ? AND year = ?`, agency, year)
		}
		if err != nil {
			return fmt.Errorf("设置“%s”%d 年的发布状态失败：%w", agency, year, err)
		}
		return nil
	})
}
