package postgres

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"nianbao/data/check"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

// autosaveWindow is how far apart the versions kept by auto saves are (as data/store/sqlite's).
const autosaveWindow = 5 * time.Minute

// stamp is now as the server keeps it: microseconds.
func stamp(now time.Time) time.Time { return now.UTC().Truncate(time.Microsecond) }

// List returns every current report the login may read, by agency, then newest year first.
func (s *DB) List() ([]store.Summary, error) {
	c, done := s.read()
	defer done()
	rows, err := c.Query(`SELECT id, agency, year, saved_at, errors, warnings FROM reports ORDER BY agency, year DESC`)
	if err != nil {
		return nil, fmt.Errorf("读取报告列表失败：%w", err)
	}
	var out []store.Summary
	for rows.Next() {
		var sm store.Summary
		if err := rows.Scan(&sm.ID, &sm.Agency, &sm.Year, &sm.SavedAt, &sm.Errors, &sm.Warnings); err != nil {
			rows.Close()
			return nil, fmt.Errorf("读取报告列表失败：%w", err)
		}
		sm.SavedAt = sm.SavedAt.Local()
		out = append(out, sm)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("读取报告列表失败：%w", err)
	}
	// Counts of other rules that this login could not recount: count them here.
	if ok, err := s.rulesCurrent(c); err != nil || !ok {
		for i := range out {
			if out[i].Errors, out[i].Warnings, err = countsNow(c, out[i].Agency, out[i].Year); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// Get returns the current content of report id, or ErrNotFound.
func (s *DB) Get(id int64) (*report.Report, error) {
	c, done := s.read()
	defer done()
	var content string
	err := c.QueryRow(`SELECT content FROM reports WHERE id = $1`, id).Scan(&content)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("报告（编号 %d）：%w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("读取报告（编号 %d）失败：%w", id, err)
	}
	return parseStored(content, fmt.Sprintf("报告（编号 %d）", id))
}

// Find returns the id and current content of the agency's report for year, or ErrNotFound.
func (s *DB) Find(agency string, year int) (int64, *report.Report, error) {
	c, done := s.read()
	defer done()
	id, r, err := findReport(c, agency, year)
	if err != nil {
		return 0, nil, err
	}
	if r == nil {
		return 0, nil, fmt.Errorf("%s%d年的报告：%w", agency, year, store.ErrNotFound)
	}
	return id, r, nil
}

// Previous returns the report the agency's report for year is compared with, or nil.
func (s *DB) Previous(agency string, year int) (*report.Report, error) {
	c, done := s.read()
	defer done()
	id, err := reportID(c, agency, year)
	if err != nil {
		return nil, err
	}
	return previousReport(c, id, agency, year)
}

// Earlier returns the agency's reports of the years before year, oldest first.
func (s *DB) Earlier(agency string, year int) ([]*report.Report, error) {
	c, done := s.read()
	defer done()
	rows, err := c.Query(`SELECT year, content FROM reports WHERE btrim(agency) = $1 AND year < $2 ORDER BY year`,
		strings.TrimSpace(agency), year)
	if err != nil {
		return nil, fmt.Errorf("读取%s往年的报告失败：%w", agency, err)
	}
	defer rows.Close()
	var out []*report.Report
	for rows.Next() {
		var y int
		var content string
		if err := rows.Scan(&y, &content); err != nil {
			return nil, fmt.Errorf("读取%s往年的报告失败：%w", agency, err)
		}
		r, err := parseStored(content, fmt.Sprintf("%s%d年的报告", agency, y))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("读取%s往年的报告失败：%w", agency, err)
	}
	slices.SortStableFunc(out, func(a, b *report.Report) int { return a.Year - b.Year })
	return out, nil
}

// findReport returns the agency's report for year, or 0, nil, nil.
func findReport(c conn, agency string, year int) (int64, *report.Report, error) {
	var id int64
	var content string
	err := c.QueryRow(`SELECT id, content FROM reports WHERE agency = $1 AND year = $2`, agency, year).Scan(&id, &content)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, fmt.Errorf("读取%s%d年的报告失败：%w", agency, year, err)
	}
	r, err := parseStored(content, fmt.Sprintf("%s%d年的报告", agency, year))
	return id, r, err
}

func parseStored(content string, what string) (*report.Report, error) {
	return rows.Report([]byte(content), what)
}

// Put saves r as the current report of its agency and year (see data/store/sqlite's Put).
func (s *DB) Put(r *report.Report, kind store.SaveKind) (int64, error) {
	var id int64
	err := s.withTx(func(tx conn) error {
		var err error
		id, err = s.put(tx, r, kind, s.now())
		return err
	})
	return id, err
}

// PutAll saves many reports in one transaction: all or none.
func (s *DB) PutAll(reports []*report.Report, kind store.SaveKind) ([]int64, error) {
	ids := make([]int64, len(reports))
	err := s.withTx(func(tx conn) error {
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

func (s *DB) put(tx conn, r *report.Report, kind store.SaveKind, now time.Time) (int64, error) {
	if err := rows.CheckSave(r, kind); err != nil {
		return 0, err
	}
	cur, err := currentWhere(tx, `agency = $1 AND year = $2`, r.Agency, r.Year)
	if err != nil {
		return 0, err
	}
	res, err := s.save(tx, cur, 0, r, kind, now, false)
	if err != nil {
		return 0, err
	}
	return res.id, setInvalid(tx, res.id, nil)
}

// Delete removes report id from the list, keeping its content as a version.
func (s *DB) Delete(id int64) error {
	return s.withTx(func(tx conn) error {
		cur, err := currentWhere(tx, `id = $1`, id)
		if err != nil {
			return err
		}
		if cur == nil {
			return fmt.Errorf("报告（编号 %d）：%w", id, store.ErrNotFound)
		}
		if _, err := archive(tx, id, store.SaveDelete, s.now()); err != nil {
			return fmt.Errorf("删除%s%d年的报告失败：%w", cur.agency, cur.year, err)
		}
		n, err := tx.Exec(`DELETE FROM reports WHERE id = $1`, id)
		if err != nil {
			return fmt.Errorf("删除报告失败：%w", err)
		}
		if n == 0 {
			return fmt.Errorf("删除%s%d年的报告失败：%w", cur.agency, cur.year, errNotAllowed)
		}
		if err := refreshFollowers(tx, cur.agency, cur.year); err != nil {
			return err
		}
		return notify(tx, cur.agency, cur.year)
	})
}

// errNotAllowed is a write the server's row-level security passed over:
// the row is not the login's to change.
var errNotAllowed = store.ErrNotAllowed

type current struct {
	id       int64
	agency   string
	year     int
	savedAt  time.Time
	kind     store.SaveKind
	revision int64
	content  string
}

// currentWhere returns the current report matching cond, or nil, locking its row.
func currentWhere(q conn, cond string, args ...any) (*current, error) {
	var c current
	err := q.QueryRow(`SELECT id, agency, year, saved_at, kind, revision, content FROM reports WHERE `+cond, args...).
		Scan(&c.id, &c.agency, &c.year, &c.savedAt, &c.kind, &c.revision, &c.content)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("读取报告失败：%w", err)
	}
	c.savedAt = c.savedAt.Local()
	return &c, nil
}

type saveResult struct {
	id        int64
	at        time.Time
	revision  int64
	unchanged bool
	kept      int64
}

// save writes r as the content of cur, or as a new report when cur is nil
// (with id newID when non-zero), as data/store/sqlite's save does.
func (s *DB) save(tx conn, cur *current, newID int64, r *report.Report, kind store.SaveKind, now time.Time, keep bool) (saveResult, error) {
	fail := func(err error) (saveResult, error) {
		return saveResult{}, fmt.Errorf("保存%s%d年的报告失败：%w", r.Agency, r.Year, refusal(err))
	}
	data, err := report.Marshal(r)
	if err != nil {
		return fail(err)
	}
	if cur != nil && bytes.Equal(data, []byte(cur.content)) {
		if kind != store.SaveAuto && cur.kind == store.SaveAuto {
			if _, err := tx.Exec(`UPDATE reports SET kind = $1 WHERE id = $2`, kind, cur.id); err != nil {
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
	at := stamp(now)
	res := saveResult{id: cur.idOr(newID), revision: 1, at: at.Local()}
	if cur != nil {
		if !keep {
			if keep, err = keepReplaced(tx, cur, kind, now); err != nil {
				return saveResult{}, err
			}
		}
		if keep {
			if res.kept, err = archive(tx, cur.id, kind, now); err != nil {
				return fail(err)
			}
		}
		res.revision = cur.revision + 1
		n, err := tx.Exec(`UPDATE reports SET agency = $1, year = $2, saved_at = $3, kind = $4, errors = $5, warnings = $6,
			content = $7, revision = $8 WHERE id = $9`, r.Agency, r.Year, at, kind, errs, warns, string(data), res.revision, cur.id)
		if err != nil {
			return fail(err)
		}
		if n == 0 {
			return fail(errNotAllowed)
		}
	} else {
		var idArg any // NULL: the next id
		q := `INSERT INTO reports (agency, year, saved_at, kind, errors, warnings, content, revision)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`
		args := []any{r.Agency, r.Year, at, kind, errs, warns, string(data), res.revision}
		if newID != 0 {
			idArg = newID
			q = `INSERT INTO reports (agency, year, saved_at, kind, errors, warnings, content, revision, id)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`
			args = append(args, idArg)
		}
		if err := tx.QueryRow(q, args...).Scan(&res.id); err != nil {
			return fail(err)
		}
	}
	if err := refreshFollowers(tx, r.Agency, r.Year); err != nil {
		return saveResult{}, err
	}
	if err := notify(tx, r.Agency, r.Year); err != nil {
		return saveResult{}, err
	}
	if cur != nil && (cur.agency != r.Agency || cur.year != r.Year) {
		if err := refreshFollowers(tx, cur.agency, cur.year); err != nil {
			return saveResult{}, err
		}
		if err := notify(tx, cur.agency, cur.year); err != nil {
			return saveResult{}, err
		}
	}
	return res, nil
}

// refusal says a refusal of the server's row-level security in the words of
// the store; other errors are left to syserr.
func refusal(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" {
		return &refusedError{cause: err}
	}
	return err
}

// refusedError is errNotAllowed with the server's refusal kept for logs
// (errors.As), not in its text.
type refusedError struct{ cause error }

func (e *refusedError) Error() string   { return errNotAllowed.Error() }
func (e *refusedError) Unwrap() []error { return []error{errNotAllowed, e.cause} }

func (c *current) idOr(id int64) int64 {
	if c == nil {
		return id
	}
	return c.id
}

// keepReplaced says whether a save of kind replacing cur keeps cur as a version.
func keepReplaced(tx conn, cur *current, kind store.SaveKind, now time.Time) (bool, error) {
	if kind != store.SaveAuto || cur.kind != store.SaveAuto {
		return true, nil
	}
	var at time.Time
	var by string
	err := tx.QueryRow(`SELECT replaced_at, replaced_by FROM versions WHERE report_id = $1 ORDER BY id DESC LIMIT 1`, cur.id).Scan(&at, &by)
	if errors.Is(err, pgx.ErrNoRows) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("读取报告的历史版本失败：%w", err)
	}
	return store.SaveKind(by) != store.SaveAuto || stamp(now).Sub(at) >= autosaveWindow, nil
}

// archive keeps the current content of report id as a version and returns its id.
func archive(tx conn, id int64, by store.SaveKind, now time.Time) (int64, error) {
	var vid int64
	err := tx.QueryRow(`INSERT INTO versions
		(report_id, agency, year, saved_at, kind, errors, warnings, replaced_at, replaced_by, content)
		SELECT id, agency, year, saved_at, kind, errors, warnings, $1, $2, content FROM reports WHERE id = $3
		RETURNING id`, stamp(now), by, id).Scan(&vid)
	if err := refusal(err); errors.Is(err, errNotAllowed) {
		return 0, err // the report is not this login's: its caller names it
	} else if err != nil {
		return 0, fmt.Errorf("保存报告的历史版本失败：%w", err)
	}
	return vid, pruneVersions(tx, id, now)
}

// refreshCounts recounts the agency's report for year, if stored, after its
// previous year's report changed. Another unit's report, which the server's
// row-level security lets this login read but not write, is left as it is
// (the update finds no row): its unit's next save recounts it.
func refreshCounts(tx conn, agency string, year int) error {
	id, r, err := findReport(tx, agency, year)
	if err != nil || r == nil {
		return err
	}
	prev, err := previousReport(tx, id, agency, year)
	if err != nil {
		return err
	}
	errs, warns := check.Counts(check.Run(r, prev))
	if _, err := tx.Exec(`UPDATE reports SET errors = $1, warnings = $2 WHERE id = $3 AND (errors <> $1 OR warnings <> $2)`,
		errs, warns, id); err != nil {
		return fmt.Errorf("更新%s%d年报告的检查结果失败：%w", agency, year, err)
	}
	return nil
}
