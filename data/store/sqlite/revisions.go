package sqlite

import (
	"database/sql"
	"errors"
	"fmt"

	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

// Load returns report id with its revision and its cells' invalid texts, or ErrNotFound.
func (s *DB) Load(id int64) (store.Loaded, error) {
	var l store.Loaded
	var content []byte
	var saved string
	err := s.db.QueryRow(`SELECT content, revision, saved_at, kind FROM reports WHERE id = ?`, id).Scan(&content, &l.Revision, &saved, &l.Kind)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Loaded{}, fmt.Errorf("报告（编号 %d）：%w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Loaded{}, fmt.Errorf("读取报告（编号 %d）失败：%w", id, err)
	}
	if l.Report, err = parseStored(content, fmt.Sprintf("报告（编号 %d）", id)); err != nil {
		return store.Loaded{}, err
	}
	if l.SavedAt, err = parseTime(saved); err != nil {
		return store.Loaded{}, err
	}
	cells, err := s.db.Query(`SELECT cell, text FROM invalid_cells WHERE report_id = ?`, id)
	if err != nil {
		return store.Loaded{}, fmt.Errorf("读取报告（编号 %d）的未保存为数字的填写失败：%w", id, err)
	}
	defer cells.Close()
	if l.Invalid, err = rows.Invalid(cells, id); err != nil {
		return store.Loaded{}, err
	}
	return l, nil
}

// Update saves r, edited from revision base of report id, as that report
// (whose agency and year may have changed), with the texts of its cells that
// are not figures. When another report has r's agency and year it fails with
// ErrConflict. When the report was saved by someone else since base, the
// content that save wrote is kept as a version and Saved.Conflict says so:
// two writers never lose each other's work.
func (s *DB) Update(id, base int64, r *report.Report, kind store.SaveKind, invalid map[string]string) (store.Saved, error) {
	if err := rows.CheckSave(r, kind); err != nil {
		return store.Saved{}, err
	}
	if base < 1 {
		return store.Saved{}, fmt.Errorf("保存报告（编号 %d）时没有给出所修改的版本", id)
	}
	var out store.Saved
	err := s.withTx(func(tx *sql.Tx) error {
		cur, err := currentWhere(tx, `id = ?`, id)
		if err != nil {
			return err
		}
		if cur == nil {
			return fmt.Errorf("报告（编号 %d）：%w", id, store.ErrNotFound)
		}
		var other int64
		err = tx.QueryRow(`SELECT id FROM reports WHERE agency = ? AND year = ? AND id <> ?`, r.Agency, r.Year, id).Scan(&other)
		if err == nil {
			return fmt.Errorf("%s%d年的报告已存在，不能再保存一份：%w", r.Agency, r.Year, store.ErrConflict)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("保存报告失败：%w", err)
		}
		unseen := cur.revision != base
		kindOfSave := kind
		if unseen {
			kindOfSave = store.SaveConflict
		}
		res, err := s.save(tx, cur, 0, r, kind, s.now(), unseen)
		if err != nil {
			return err
		}
		if unseen && res.kept != 0 {
			// The version says it was replaced by a save that had not seen it.
			if _, err := tx.Exec(`UPDATE versions SET replaced_by = ? WHERE id = ?`, kindOfSave, res.kept); err != nil {
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
// and written by an auto save, was kept by a save of kind: the next auto
// save then keeps it as a version (see keepReplaced).
func (s *DB) Mark(id, base int64, kind store.SaveKind) error {
	if !rows.ValidKind(kind) || kind == store.SaveAuto {
		return fmt.Errorf("未知的保存方式 %q", kind)
	}
	return s.withTx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE reports SET kind = ? WHERE id = ? AND revision = ? AND kind = ?`, kind, id, base, store.SaveAuto)
		if err != nil {
			return fmt.Errorf("保存报告（编号 %d）失败：%w", id, err)
		}
		return nil
	})
}

// setInvalid replaces the invalid cell texts of report id.
func setInvalid(tx *sql.Tx, id int64, invalid map[string]string) error {
	if _, err := tx.Exec(`DELETE FROM invalid_cells WHERE report_id = ?`, id); err != nil {
		return fmt.Errorf("保存未作为数字保存的填写失败：%w", err)
	}
	for cell, text := range invalid {
		if _, err := tx.Exec(`INSERT INTO invalid_cells (report_id, cell, text) VALUES (?, ?, ?)`, id, cell, text); err != nil {
			return fmt.Errorf("保存未作为数字保存的填写失败：%w", err)
		}
	}
	return nil
}

// versionByID reads the description of version id.
func versionByID(q queryer, id int64) (store.Version, error) {
	rows, err := q.Query(`SELECT `+versionColumns+` FROM versions WHERE id = ?`, id)
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
