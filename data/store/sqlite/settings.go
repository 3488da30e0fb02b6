package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
)

// Setting returns the value of a setting of the program, "" when unset.
func (s *DB) Setting(key string) (string, error) {
	var v string
	err := s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("读取设置 %s 失败：%w", key, err)
	}
	return v, nil
}

// SetSetting stores a setting of the program.
func (s *DB) SetSetting(key, value string) error {
	return s.withTx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		if err != nil {
			return fmt.Errorf("保存设置 %s 失败：%w", key, err)
		}
		return nil
	})
}
