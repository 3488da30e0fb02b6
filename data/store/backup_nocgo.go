//go:build !cgo

package store

import (
	"database/sql"
	"errors"
)

// copyDatabase needs SQLite's backup API, which only the cgo build of the
// driver has (without cgo the driver cannot open a database at all).
func copyDatabase(dst, src *sql.DB) error {
	return errors.New("这个程序构建时没有 SQLite（cgo），不能从备份恢复")
}
