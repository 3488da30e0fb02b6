package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"nianbao/data/report"
)

// Loaded is a report as an editor opens it.
type Loaded struct {
	Report *report.Report
	// Revision is what the editor's saves say they edit (see Update).
	Revision int64
	// Invalid holds, by the editor's key of the cell, what the user typed into a
	// cell that is not a figure; the report holds the figure the cell had before.
	Invalid map[string]string
}

// Saved is what Update did.
type Saved struct {
	At       time.Time // when the content was saved (unchanged content keeps its time)
	Revision int64     // the revision the editor's next save edits
	// Conflict is set when the report had been saved by someone else since the
	// revision the save edited: both contents are kept.
	Conflict *Conflict
}

// Conflict describes a save over a revision its editor had not seen. The save
// was made all the same (the editor shows what the user typed last); the
// content it replaced, which the editor had never shown, is kept as a version.
type Conflict struct {
	Version Version // the other content, now an earlier version
}

// Load returns report id with its revision and its cells' invalid texts, or ErrNotFound.
func (s *Store) Load(id int64) (Loaded, error) {
	var l Loaded
	var content []byte
	err := s.db.QueryRow(`SELECT content, revision FROM reports WHERE id = ?`, id).Scan(&content, &l.Revision)
	if errors.Is(err, sql.ErrNoRows) {
		return Loaded{}, fmt.Errorf("报告（编号 %d）：%w", id, ErrNotFound)
	}
	if err != nil {
		return Loaded{}, fmt.Errorf("读取报告（编号 %d）失败：%w", id, err)
	}
	if l.Report, err = parseStored(content, fmt.Sprintf("报告（编号 %d）", id)); err != nil {
		return Loaded{}, err
	}
	rows, err := s.db.Query(`SELECT cell, text FROM invalid_cells WHERE report_id = ?`, id)
	if err != nil {
		return Loaded{}, fmt.Errorf("读取报告（编号 %d）的未保存为数字的填写失败：%w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var cell, text string
		if err := rows.Scan(&cell, &text); err != nil {
			return Loaded{}, fmt.Errorf("读取报告（编号 %d）的未保存为数字的填写失败：%w", id, err)
		}
		if l.Invalid == nil {
			l.Invalid = map[string]string{}
		}
		l.Invalid[cell] = text
	}
	if err := rows.Err(); err != nil {
		return Loaded{}, fmt.Errorf("读取报告（编号 %d）的未保存为数字的填写失败：%w", id, err)
	}
	return l, nil
}

// Update saves r, edited from revision base of report id, as that report
// (whose agency and year may have changed), with the texts of its cells that
// are not figures. When another report has r's agency and year it fails with
// ErrConflict. When the report was saved by someone else since base, the
// content that save wrote is kept as a version and Saved.Conflict says so:
// two writers never lose each other's work.
func (s *Store) Update(id, base int64, r *report.Report, kind SaveKind, invalid map[string]string) (Saved, error) {
	if err := validate(r, kind); err != nil {
		return Saved{}, err
	}
	if base < 1 {
		return Saved{}, fmt.Errorf("保存报告（编号 %d）时没有给出所修改的版本", id)
	}
	var out Saved
	err := s.withTx(func(tx *sql.Tx) error {
		cur, err := currentWhere(tx, `id = ?`, id)
		if err != nil {
			return err
		}
		if cur == nil {
			return fmt.Errorf("报告（编号 %d）：%w", id, ErrNotFound)
		}
		var other int64
		err = tx.QueryRow(`SELECT id FROM reports WHERE agency = ? AND year = ? AND id <> ?`, r.Agency, r.Year, id).Scan(&other)
		if err == nil {
			return fmt.Errorf("%s%d年的报告已存在，不能再保存一份：%w", r.Agency, r.Year, ErrConflict)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("保存报告失败：%w", err)
		}
		unseen := cur.revision != base
		kindOfSave := kind
		if unseen {
			kindOfSave = SaveConflict
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
			out.Conflict = &Conflict{Version: v}
		}
		out.At, out.Revision = res.at, res.revision
		return setInvalid(tx, id, invalid)
	})
	return out, err
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
func versionByID(q queryer, id int64) (Version, error) {
	rows, err := q.Query(`SELECT `+versionColumns+` FROM versions WHERE id = ?`, id)
	if err != nil {
		return Version{}, fmt.Errorf("读取历史版本失败：%w", err)
	}
	vs, err := scanVersions(rows)
	if err != nil {
		return Version{}, err
	}
	if len(vs) == 0 {
		return Version{}, fmt.Errorf("历史版本（编号 %d）：%w", id, ErrNotFound)
	}
	return vs[0], nil
}
