package postgres

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

// Load returns report id with its revision and its cells' invalid texts, or ErrNotFound.
func (s *DB) Load(id int64) (store.Loaded, error) {
	c, done := s.read()
	defer done()
	var l store.Loaded
	var content string
	err := c.QueryRow(`SELECT content, revision, saved_at, kind FROM reports WHERE id = $1`, id).Scan(&content, &l.Revision, &l.SavedAt, &l.Kind)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Loaded{}, fmt.Errorf("报告（编号 %d）：%w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Loaded{}, fmt.Errorf("读取报告（编号 %d）失败：%w", id, err)
	}
	if l.Report, err = parseStored(content, fmt.Sprintf("报告（编号 %d）", id)); err != nil {
		return store.Loaded{}, err
	}
	l.SavedAt = l.SavedAt.Local()
	cells, err := c.Query(`SELECT cell, text FROM invalid_cells WHERE report_id = $1`, id)
	if err != nil {
		return store.Loaded{}, fmt.Errorf("读取报告（编号 %d）的未保存为数字的填写失败：%w", id, err)
	}
	defer cells.Close()
	if l.Invalid, err = rows.Invalid(cells, id); err != nil {
		return store.Loaded{}, err
	}
	return l, nil
}

// Update saves r, edited from revision base of report id, as that report,
// with the conflict rule of data/store/sqlite's Update: a save over a
// revision its editor had not seen is made, and the content it replaced is
// kept as a version that says so.
func (s *DB) Update(id, base int64, r *report.Report, kind store.SaveKind, invalid map[string]string) (store.Saved, error) {
	if err := rows.CheckSave(r, kind); err != nil {
		return store.Saved{}, err
	}
	if base < 1 {
		return store.Saved{}, fmt.Errorf("保存报告（编号 %d）时没有给出所修改的版本", id)
	}
	var out store.Saved
	err := s.withTx(func(tx conn) error {
		cur, err := currentWhere(tx, `id = $1`, id)
		if err != nil {
			return err
		}
		if cur == nil {
			return fmt.Errorf("报告（编号 %d）：%w", id, store.ErrNotFound)
		}
		var other int64
		err = tx.QueryRow(`SELECT id FROM reports WHERE agency = $1 AND year = $2 AND id <> $3`, r.Agency, r.Year, id).Scan(&other)
		if err == nil {
			return fmt.Errorf("%s%d年的报告已存在，不能再保存一份：%w", r.Agency, r.Year, store.ErrConflict)
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("保存报告失败：%w", err)
		}
		unseen := cur.revision != base
		res, err := s.save(tx, cur, 0, r, kind, s.now(), unseen)
		if isUnique(err) { // another unit's report of that name, which this login cannot see
			return fmt.Errorf("%s%d年的报告已存在，不能再保存一份：%w", r.Agency, r.Year, store.ErrConflict)
		}
		if err != nil {
			return err
		}
		if unseen && res.kept != 0 {
			if _, err := tx.Exec(`UPDATE versions SET replaced_by = $1 WHERE id = $2`, store.SaveConflict, res.kept); err != nil {
				return fmt.Errorf("保存报告的历史版本失败：%w", err)
			}
			v, err := versionByID(tx, res.kept)
			if err != nil {
				return err
			}
			out.Conflict = &store.Conflict{Version: v}
		}
		out.At, out.Revision = res.at, res.revision
		return setInvalid(tx, id, invalid)
	})
	return out, err
}

// Mark notes that the current content of report id, still at revision base
// and written by an auto save, was kept by a save of kind, as
// data/store/sqlite's Mark does: the next auto save then keeps it as a
// version (see keepReplaced). Another unit's report, which the server's
// row-level security lets this login read but not write, is left as it is.
func (s *DB) Mark(id, base int64, kind store.SaveKind) error {
	if !rows.ValidKind(kind) || kind == store.SaveAuto {
		return fmt.Errorf("未知的保存方式 %q", kind)
	}
	return s.withTx(func(tx conn) error {
		_, err := tx.Exec(`UPDATE reports SET kind = $1 WHERE id = $2 AND revision = $3 AND kind = $4`, kind, id, base, store.SaveAuto)
		if err != nil {
			return fmt.Errorf("保存报告（编号 %d）失败：%w", id, refusal(err))
		}
		return nil
	})
}

func isUnique(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// setInvalid replaces the invalid cell texts of report id.
func setInvalid(tx conn, id int64, invalid map[string]string) error {
	if _, err := tx.Exec(`DELETE FROM invalid_cells WHERE report_id = $1`, id); err != nil {
		return fmt.Errorf("保存未作为数字保存的填写失败：%w", err)
	}
	for cell, text := range invalid {
		if _, err := tx.Exec(`INSERT INTO invalid_cells (report_id, cell, text) VALUES ($1, $2, $3)`, id, cell, text); err != nil {
			return fmt.Errorf("保存未作为数字保存的填写失败：%w", refusal(err))
		}
	}
	return nil
}

func versionByID(q conn, id int64) (store.Version, error) {
	rows, err := q.Query(`SELECT `+versionColumns+` FROM versions WHERE id = $1`, id)
	if err != nil {
		return store.Version{}, fmt.Errorf("读取历史版本失败：%w", err)
	}
	vs, err := scanVersions(rows)
	if err != nil {
		return store.Version{}, err
	}
	if len(vs) == 0 {
		return store.Version{}, fmt.Errorf("历史版本（编号 %d）：%w", id, store.ErrNotFound)
	}
	return vs[0], nil
}
