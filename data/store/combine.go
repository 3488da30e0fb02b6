package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"nianbao/data/combine"
	"nianbao/data/report"
)

// Combine runs a combining round over the stored reports of opts.Year: the
// roster's units (every report of the year when the roster is nil) and the
// agency's own report, each checked against its previous year, with the units
// recorded inside stored combined reports. One query streams each report with
// its previous year's, so that a round holds one report's text at a time.
func (s *Store) Combine(opts combine.Options) (*combine.Result, error) {
	rostered := map[string]bool{}
	for _, u := range opts.Roster {
		rostered[u.Name] = true
	}
	members, stale, err := s.membersOfYear(opts.Year)
	if err != nil {
		return nil, err
	}
	inside := map[string]bool{} // units summed inside a stored combined report
	for _, ms := range members {
		for _, m := range ms {
			inside[m] = true
		}
	}
	b := combine.NewBatch(opts)
	ownSeen := false
	// The previous year is the one under the former name when that is stored,
	// else under the same name, as Previous finds it.
	rows, err := s.db.Query(`SELECT cur.id, cur.agency, cur.saved_at, cur.content,
			COALESCE(prevf.content, prev.content), COALESCE(f.former, '')
		FROM reports cur LEFT JOIN former_names f ON f.report_id = cur.id
		LEFT JOIN reports prevf ON prevf.agency = f.former AND prevf.year = cur.year - 1
		LEFT JOIN reports prev ON prev.agency = cur.agency AND prev.year = cur.year - 1
		WHERE cur.year = ? ORDER BY cur.agency`, opts.Year)
	if err != nil {
		return nil, fmt.Errorf("读取 %d 年的报告失败：%w", opts.Year, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var agency, saved, former string
		var content, prevContent []byte
		if err := rows.Scan(&id, &agency, &saved, &content, &prevContent, &former); err != nil {
			return nil, fmt.Errorf("读取 %d 年的报告失败：%w", opts.Year, err)
		}
		source := fmt.Sprintf("数据库（编号 %d）", id)
		if opts.Roster != nil && !rostered[agency] && !rostered[former] && !b.IsOwn(agency) {
			if !inside[agency] { // a lower government's unit is in its sum, not outside the roster
				b.Outside(agency, source)
			}
			continue
		}
		rec := combine.Received{ID: id, Members: members[agency], Stale: stale[agency], Source: source, Former: former}
		if rec.At, err = parseTime(saved); err != nil {
			return nil, err
		}
		if rec.Report, err = parseStored(content, fmt.Sprintf("%s%d年的报告", agency, opts.Year)); err != nil {
			return nil, err
		}
		if prevContent != nil {
			if rec.Prev, err = parseStored(prevContent, fmt.Sprintf("%s%d年的报告", agency, opts.Year-1)); err != nil {
				return nil, err
			}
		}
		if b.IsOwn(agency) {
			ownSeen = true
			b.SetOwnPrev(rec.Prev)
		}
		if err := b.Add(rec); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("读取 %d 年的报告失败：%w", opts.Year, err)
	}
	if !ownSeen {
		prev, err := s.Previous(opts.Agency, opts.Year)
		if err != nil {
			return nil, err
		}
		b.SetOwnPrev(prev)
	}
	return b.Finish()
}

// membersOfYear returns, for every stored combined report of year, the units
// it sums and those of them whose report was saved again (or removed) after
// the sum was made.
func (s *Store) membersOfYear(year int) (map[string][]string, map[string][]combine.StaleMember, error) {
	rows, err := s.db.Query(`SELECT cu.agency, cu.unit, cu.combined_at, r.saved_at
		FROM combined_units cu LEFT JOIN reports r ON r.agency = cu.unit AND r.year = cu.year
		WHERE cu.year = ? ORDER BY cu.agency, cu.unit`, year)
	if err != nil {
		return nil, nil, fmt.Errorf("读取 %d 年汇总的单位失败：%w", year, err)
	}
	defer rows.Close()
	members := map[string][]string{}
	stale := map[string][]combine.StaleMember{}
	for rows.Next() {
		var agency, unit, combinedAt string
		var savedAt sql.NullString
		if err := rows.Scan(&agency, &unit, &combinedAt, &savedAt); err != nil {
			return nil, nil, fmt.Errorf("读取 %d 年汇总的单位失败：%w", year, err)
		}
		members[agency] = append(members[agency], unit)
		m := combine.StaleMember{Unit: unit}
		if m.Combined, err = parseTime(combinedAt); err != nil {
			return nil, nil, err
		}
		if savedAt.Valid {
			if m.Saved, err = parseTime(savedAt.String); err != nil {
				return nil, nil, err
			}
		}
		if m.Saved.IsZero() || m.Saved.After(m.Combined) {
			stale[agency] = append(stale[agency], m)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("读取 %d 年汇总的单位失败：%w", year, err)
	}
	return members, stale, nil
}

// ListedBy returns the combining agency whose roster for year (or, when it
// has none for year, its latest earlier one) lists agency as a unit, or "":
// a unit's report is its own, and saving a sum over it needs the office's word.
func (s *Store) ListedBy(agency string, year int) (string, error) {
	var by string
	err := s.db.QueryRow(`SELECT r.agency FROM roster_units r
		WHERE r.unit = ? AND r.agency <> ? AND r.year = (SELECT max(year) FROM roster_units WHERE agency = r.agency AND year <= ?)
		ORDER BY r.agency LIMIT 1`, agency, agency, year).Scan(&by)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("读取名单失败：%w", err)
	}
	return by, nil
}

// Received says what storing a received report did.
type Received struct {
	ID       int64
	Replaced bool      // the unit's report for the year was already stored
	Older    bool      // the received one is older than the stored one, which stays current
	Same     bool      // the received one is what is stored already: nothing was written
	StoredAt time.Time // when the replaced one was saved
}

// StoreReceived stores a unit's report as received (at is when it was made:
// the file's modification time). When the unit already has a report for the
// year, both are kept: the newer is current, the other a version, so that
// nothing is lost whichever order they arrive in.
func (s *Store) StoreReceived(r *report.Report, at time.Time) (Received, error) {
	var out Received
	id, stored, err := findReport(s.db, r.Agency, r.Year)
	if err != nil {
		return out, err
	}
	if id != 0 {
		out.ID, out.Replaced = id, true
		a, errA := report.Marshal(stored)
		b, errB := report.Marshal(r)
		if errA == nil && errB == nil && bytes.Equal(a, b) {
			out.Same = true
			return out, nil
		}
		var saved string
		if err := s.db.QueryRow(`SELECT saved_at FROM reports WHERE id = ?`, id).Scan(&saved); err != nil {
			return out, fmt.Errorf("读取%s%d年的报告失败：%w", r.Agency, r.Year, err)
		}
		if out.StoredAt, err = parseTime(saved); err != nil {
			return out, err
		}
		out.Older = !at.IsZero() && at.Before(out.StoredAt)
	}
	if out.ID, err = s.Put(r, SaveImport); err != nil {
		return out, err
	}
	if out.Older {
		// Put kept the newer stored content as a version; bring it back, which
		// keeps the received one as a version in turn.
		vs, err := s.Versions(r.Agency, r.Year)
		if err != nil {
			return out, err
		}
		if len(vs) == 0 {
			return out, fmt.Errorf("%s%d年原有的报告没有保存为历史版本", r.Agency, r.Year)
		}
		res, err := s.Restore(vs[0].ID)
		if err != nil {
			return out, err
		}
		out.ID = res.ReportID
	}
	return out, nil
}
