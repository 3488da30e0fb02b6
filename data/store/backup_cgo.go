//go:build cgo

package store

import (
	"context"
	"database/sql"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// copyDatabase replaces dst's content with src's through SQLite's backup API,
// which takes the write lock: other connections see the whole old or the
// whole new database.
func copyDatabase(dst, src *sql.DB) error {
	ctx := context.Background()
	dc, err := dst.Conn(ctx)
	if err != nil {
		return err
	}
	defer dc.Close()
	sc, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer sc.Close()
	return dc.Raw(func(d any) error {
		return sc.Raw(func(s any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", s.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			if _, err := b.Step(-1); err != nil {
				b.Finish()
				return err
			}
			return b.Finish()
		})
	})
}
