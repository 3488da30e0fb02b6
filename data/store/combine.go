package store

import (
	"bytes"
	"fmt"
	"time"

	"nianbao/data/combine"
	"nianbao/data/report"
)

// Combine runs a combining round over the stored reports of opts.Year: the
// roster's units (every report of the year when the roster is nil) and the
// agency's own report, each checked against its previous year, with the units
// recorded inside stored combined reports. Reports are read one at a time.
func (s *Store) Combine(opts combine.Options) (*combine.Result, error) {
	rostered := map[string]bool{}
	for _, u := range opts.Roster {
		rostered[u.Name] = true
	}
	b := combine.NewBatch(opts)
	err := s.EachReport(opts.Year, func(st Stored) error {
		r := st.Report
		if opts.Roster != nil && !rostered[r.Agency] && r.Agency != opts.Agency {
			return nil
		}
		prev, err := s.Previous(r.Agency, r.Year)
		if err != nil {
			return err
		}
		members, err := s.Members(r.Agency, r.Year)
		if err != nil {
			return err
		}
		return b.Add(combine.Received{Report: r, Prev: prev, ID: st.ID, At: st.SavedAt, Members: members,
			Source: fmt.Sprintf("数据库（编号 %d）", st.ID)})
	})
	if err != nil {
		return nil, err
	}
	prev, err := s.Previous(opts.Agency, opts.Year)
	if err != nil {
		return nil, err
	}
	b.SetOwnPrev(prev)
	return b.Finish()
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
		if out.ID, err = s.Restore(vs[0].ID); err != nil {
			return out, err
		}
	}
	return out, nil
}
