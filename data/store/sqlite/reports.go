package sqlite

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"nianbao/data/check"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

// autosaveWindow is how far apart the versions kept by auto saves are: while the
// user types, the window saves about every second, and keeping each of those
// would bury the versions worth having.
const autosaveWindow = 5 * time.Minute

// timeLayout is how times are stored: UTC, fixed width, so that text order is time order.
const timeLayout = "2006-01-02T15:04:05.000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("数据库中的时间 %q 无效：%w", s, err)
	}
	return t.Local(), nil
}

// queryer is what *sql.DB and *sql.Tx share for reading.
type queryer interface {
	QueryRow(query string, args ...any) *sql.Row
	Query(query string, args ...any) (*sql.Rows, error)
}

// withTx runs fn in a write transaction (BEGIN IMMEDIATE, waiting up to the busy
// timeout for another writer, longer for a restore: see beginWrite) and commits
// it when fn succeeds.
func (s *DB) withTx(fn func(tx *sql.Tx) error) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	tx, err := s.beginWrite()
	if err != nil {
		return fmt.Errorf("数据库 %s 正忙或无法写入：%w", s.path, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("写入数据库 %s 失败：%w", s.path, err)
	}
	return nil
}

// List returns every current report, by agency, then newest year first.
func (s *DB) List() ([]store.Summary, error) {
	rows, err := s.db.Query(`SELECT id, agency, year, saved_at, errors, warnings
		FROM reports ORDER BY agency, year DESC`)
	if err != nil {
		return nil, fmt.Errorf("读取报告列表失败：%w", err)
	}
	defer rows.Close()
	var out []store.Summary
	for rows.Next() {
		var sm store.Summary
		var saved string
		if err := rows.Scan(&sm.ID, &sm.Agency, &sm.Year, &saved, &sm.Errors, &sm.Warnings); err != nil {
			return nil, fmt.Errorf("读取报告列表失败：%w", err)
		}
		if sm.SavedAt, err = parseTime(saved); err != nil {
			return nil, err
		}
		out = append(out, sm)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("读取报告列表失败：%w", err)
	}
	if s.readOnly { // counts of other rules cannot be stored anew: count them here
		if ok, err := s.rulesCurrent(); err != nil || !ok {
			for i := range out {
				if out[i].Errors, out[i].Warnings, err = s.countsNow(out[i].Agency, out[i].Year); err != nil {
					return nil, err
				}
			}
		}
	}
	return out, nil
}

// Get returns the current content of report id, or ErrNotFound.
func (s *DB) Get(id int64) (*report.Report, error) {
	var content []byte
	err := s.db.QueryRow(`SELECT content FROM reports WHERE id = ?`, id).Scan(&content)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("报告（编号 %d）：%w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("读取报告（编号 %d）失败：%w", id, err)
	}
	return parseStored(content, fmt.Sprintf("报告（编号 %d）", id))
}

// Find returns the id and current content of the agency's report for year, or ErrNotFound.
func (s *DB) Find(agency string, year int) (int64, *report.Report, error) {
	id, r, err := findReport(s.db, agency, year)
	if err != nil {
		return 0, nil, err
	}
	if r == nil {
		return 0, nil, fmt.Errorf("%s%d年的报告：%w", agency, year, store.ErrNotFound)
	}
	return id, r, nil
}

// Previous returns the report the agency's report for year is compared with:
// the report of year-1 under the former name (曾用名) when one is set and stored,
// else under the same name; nil, nil when there is none.
func (s *DB) Previous(agency string, year int) (*report.Report, error) {
	id, err := reportID(s.db, agency, year)
	if err != nil {
		return nil, err
	}
	return previousReport(s.db, id, agency, year)
}

// findReport returns the agency's report for year, or 0, nil, nil.
func findReport(q queryer, agency string, year int) (int64, *report.Report, error) {
	var id int64
	var content []byte
	err := q.QueryRow(`SELECT id, content FROM reports WHERE agency = ? AND year = ?`, agency, year).Scan(&id, &content)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, fmt.Errorf("读取%s%d年的报告失败：%w", agency, year, err)
	}
	r, err := parseStored(content, fmt.Sprintf("%s%d年的报告", agency, year))
	return id, r, err
}

// parseStored reads a report's stored JSON; what names it for the message.
func parseStored(content []byte, what string) (*report.Report, error) {
	return rows.Report(content, what)
}

// Put saves r as the current report of its agency and year: a new report, or the
// replacement of the one there, whose content is kept as a version (see SaveKind).
// It returns the report's id.
func (s *DB) Put(r *report.Report, kind store.SaveKind) (int64, error) {
	var id int64
	err := s.withTx(func(tx *sql.Tx) error {
		var err error
		id, err = s.put(tx, r, kind, s.now())
		return err
	})
	return id, err
}

// PutAll saves many reports in one transaction, as Put each would: all or none.
// It returns their ids in order.
func (s *DB) PutAll(reports []*report.Report, kind store.SaveKind) ([]int64, error) {
	ids := make([]int64, len(reports))
	err := s.withTx(func(tx *sql.Tx) error {
		now := s.now()
		for i, r := range reports {
			id, err := s.put(tx, r, kind, now)
			if err != nil {
				return fmt.Errorf("第 %d 份报告：%w", i+1, err)
			}
			ids[i] = id
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

func (s *DB) put(tx *sql.Tx, r *report.Report, kind store.SaveKind, now time.Time) (int64, error) {
	if err := rows.CheckSave(r, kind); err != nil {
		return 0, err
	}
	cur, err := currentWhere(tx, `agency = ? AND year = ?`, r.Agency, r.Year)
	if err != nil {
		return 0, err
	}
	res, err := s.save(tx, cur, 0, r, kind, now, false)
	if err != nil {
		return 0, err
	}
	// Texts typed in the editor refer to the content this save replaced.
	return res.id, setInvalid(tx, res.id, nil)
}

// Delete removes report id from the list, keeping its content as a version from
// which Restore brings it back.
func (s *DB) Delete(id int64) error {
	return s.withTx(func(tx *sql.Tx) error {
		cur, err := currentWhere(tx, `id = ?`, id)
		if err != nil {
			return err
		}
		if cur == nil {
			return fmt.Errorf("报告（编号 %d）：%w", id, store.ErrNotFound)
		}
		if _, err := archive(tx, id, store.SaveDelete, s.now()); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM reports WHERE id = ?`, id); err != nil {
			return fmt.Errorf("删除报告失败：%w", err)
		}
		return refreshFollowers(tx, cur.agency, cur.year)
	})
}

// current is the stored row of a current report.
type current struct {
	id       int64
	agency   string
	year     int
	savedAt  time.Time
	kind     store.SaveKind
	revision int64
	content  []byte
}

// currentWhere returns the current report matching cond, or nil.
func currentWhere(q queryer, cond string, args ...any) (*current, error) {
	var c current
	var saved string
	err := q.QueryRow(`SELECT id, agency, year, saved_at, kind, revision, content FROM reports WHERE `+cond, args...).
		Scan(&c.id, &c.agency, &c.year, &saved, &c.kind, &c.revision, &c.content)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("读取报告失败：%w", err)
	}
	if c.savedAt, err = parseTime(saved); err != nil {
		return nil, err
	}
	return &c, nil
}

// saveResult is what save did.
type saveResult struct {
	id        int64
	at        time.Time // when the content was saved (unchanged content keeps its time)
	revision  int64     // the report's revision after the save
	unchanged bool      // the content was the same: nothing new was written
	kept      int64     // the version that keeps the replaced content, 0 when none was kept
}

// save writes r as the content of cur, or as a new report when cur is nil (with
// id newID when non-zero). The replaced content is kept as a version as
// keepReplaced decides, or always when keep is set. Content identical to
// cur's writes nothing new.
func (s *DB) save(tx *sql.Tx, cur *current, newID int64, r *report.Report, kind store.SaveKind, now time.Time, keep bool) (saveResult, error) {
	fail := func(err error) (saveResult, error) {
		return saveResult{}, fmt.Errorf("保存%s%d年的报告失败：%w", r.Agency, r.Year, err)
	}
	data, err := report.Marshal(r)
	if err != nil {
		return fail(err)
	}
	if cur != nil && bytes.Equal(data, cur.content) {
		// Nothing new. But a deliberate save of what an auto save already wrote
		// marks it, so that the next auto save keeps it as a version.
		if kind != store.SaveAuto && cur.kind == store.SaveAuto {
			if _, err := tx.Exec(`UPDATE reports SET kind = ? WHERE id = ?`, kind, cur.id); err != nil {
				return fail(err)
			}
		}
		return saveResult{id: cur.id, at: cur.savedAt, revision: cur.revision, unchanged: true}, nil
	}
	prev, err := previousReport(tx, cur.idOr(newID), r.Agency, r.Year)
	if err != nil {
		return saveResult{}, err
	}
	errs, warns := check.Counts(check.Run(r, prev))
	stamp := formatTime(now)
	res := saveResult{id: cur.idOr(newID), revision: 1}
	res.at, _ = parseTime(stamp) // as it will read back

	if cur != nil {
		if !keep {
			if keep, err = keepReplaced(tx, cur, kind, now); err != nil {
				return saveResult{}, err
			}
		}
		if keep {
			if res.kept, err = archive(tx, cur.id, kind, now); err != nil {
				return saveResult{}, err
			}
		}
		res.revision = cur.revision + 1
		_, err = tx.Exec(`UPDATE reports SET agency = ?, year = ?, saved_at = ?, kind = ?, errors = ?, warnings = ?, content = ?, revision = ?
			WHERE id = ?`, r.Agency, r.Year, stamp, kind, errs, warns, data, res.revision, cur.id)
		if err != nil {
			return fail(err)
		}
	} else {
		var idArg any // NULL: the next id
		if newID != 0 {
			idArg = newID
		}
		result, err := tx.Exec(`INSERT INTO reports (id, agency, year, saved_at, kind, errors, warnings, content, revision)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, idArg, r.Agency, r.Year, stamp, kind, errs, warns, data, res.revision)
		if err != nil {
			return fail(err)
		}
		if res.id, err = result.LastInsertId(); err != nil {
			return fail(err)
		}
	}
	// The next year's report is checked against this one: its counts follow.
	if err := refreshFollowers(tx, r.Agency, r.Year); err != nil {
		return saveResult{}, err
	}
	if cur != nil && (cur.agency != r.Agency || cur.year != r.Year) {
		if err := refreshFollowers(tx, cur.agency, cur.year); err != nil {
			return saveResult{}, err
		}
	}
	return res, nil
}

func (c *current) idOr(id int64) int64 {
	if c == nil {
		return id
	}
	return c.id
}

// keepReplaced says whether a save of kind replacing cur keeps cur as a version.
// Every save but an auto save does. An auto save does when the content it
// replaces was not itself written by an auto save, or when the newest version of
// the report is older than the autosave window or was not made by an auto save:
// while the user types, one version every few minutes, and every deliberate save.
func keepReplaced(tx *sql.Tx, cur *current, kind store.SaveKind, now time.Time) (bool, error) {
	if kind != store.SaveAuto || cur.kind != store.SaveAuto {
		return true, nil
	}
	var at, by string
	err := tx.QueryRow(`SELECT replaced_at, replaced_by FROM versions WHERE report_id = ? ORDER BY id DESC LIMIT 1`, cur.id).Scan(&at, &by)
	if errors.Is(err, sql.ErrNoRows) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("读取报告的历史版本失败：%w", err)
	}
	t, err := parseTime(at)
	if err != nil {
		return false, err
	}
	return store.SaveKind(by) != store.SaveAuto || now.Sub(t) >= autosaveWindow, nil
}

// archive keeps the current content of report id as a version, replaced now
// by a save of kind by, and returns the version's id.
func archive(tx *sql.Tx, id int64, by store.SaveKind, now time.Time) (int64, error) {
	res, err := tx.Exec(`INSERT INTO versions
		(report_id, agency, year, saved_at, kind, errors, warnings, replaced_at, replaced_by, content)
		SELECT id, agency, year, saved_at, kind, errors, warnings, ?, ?, content FROM reports WHERE id = ?`,
		formatTime(now), by, id)
	if err != nil {
		return 0, fmt.Errorf("保存报告的历史版本失败：%w", err)
	}
	vid, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("保存报告的历史版本失败：%w", err)
	}
	return vid, pruneVersions(tx, id, now)
}

// refreshCounts recounts the findings of the agency's report for year, if
// stored, after its previous year's report changed.
func refreshCounts(tx *sql.Tx, agency string, year int) error {
	id, r, err := findReport(tx, agency, year)
	if err != nil || r == nil {
		return err
	}
	prev, err := previousReport(tx, id, agency, year)
	if err != nil {
		return err
	}
	errs, warns := check.Counts(check.Run(r, prev))
	if _, err := tx.Exec(`UPDATE reports SET errors = ?, warnings = ? WHERE id = ? AND (errors <> ? OR warnings <> ?)`,
		errs, warns, id, errs, warns); err != nil {
		return fmt.Errorf("更新%s%d年报告的检查结果失败：%w", agency, year, err)
	}
	return nil
}
