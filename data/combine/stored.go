package combine

import (
	"time"

	"nianbao/data/report"
)

// Database is what a round over stored reports needs of the store. The store
// keeps the reports and the record of what was combined; running the round
// is this package's.
type Database interface {
	// CombinedUnits lists every unit of every stored sum of year.
	CombinedUnits(year int) ([]CombinedUnit, error)
	// EachOfYear calls fn with every current report of year, in agency
	// order, one at a time.
	EachOfYear(year int, fn func(StoredReport) error) error
	// Previous returns the report the agency's report of year is compared
	// with (under its former name when that is stored), or nil.
	Previous(agency string, year int) (*report.Report, error)
}

// CombinedUnit is one unit a stored sum counts.
type CombinedUnit struct {
	Agency   string    // whose sum
	Unit     string    // the unit it counts
	Combined time.Time // when the sum was made
	Saved    time.Time // the unit's report's last save; zero when it is no longer stored
}

// StoredReport is one current report of a year as the store hands it over:
// what names it, and Read to parse it only when the round needs it.
type StoredReport struct {
	ID     int64
	Agency string
	Former string    // its former name (曾用名), or ""
	Saved  time.Time // its last save
	// Read parses the report and the one of the year before it is compared
	// with (nil when there is none).
	Read func() (r, prev *report.Report, err error)
}

// FromDatabase runs a round over the stored reports of opts.Year: the
// roster's units (every report of the year when the roster is nil) and the
// agency's own report, each checked against its previous year, with the units
// recorded inside stored sums. Reports arrive one at a time, so that a round
// holds one report's text at a time. A stored report outside the roster is
// named, unless a stored sum counts it (a lower government's unit).
func FromDatabase(db Database, opts Options) (*Result, error) {
	rostered := map[string]bool{}
	for _, u := range opts.Roster {
		rostered[u.Name] = true
	}
	units, err := db.CombinedUnits(opts.Year)
	if err != nil {
		return nil, err
	}
	members := map[string][]string{}
	stale := map[string][]StaleMember{}
	inside := map[string]bool{}
	for _, c := range units {
		members[c.Agency] = append(members[c.Agency], c.Unit)
		inside[c.Unit] = true
		if c.Saved.IsZero() || c.Saved.After(c.Combined) {
			stale[c.Agency] = append(stale[c.Agency], StaleMember{Unit: c.Unit, Saved: c.Saved, Combined: c.Combined})
		}
	}
	b := NewBatch(opts)
	ownSeen := false
	err = db.EachOfYear(opts.Year, func(sr StoredReport) error {
		source := StoredSource(sr.Saved)
		own := b.IsOwn(sr.Agency)
		if opts.Roster != nil && !rostered[sr.Agency] && !rostered[sr.Former] && !own {
			if !inside[sr.Agency] {
				b.Outside(sr.Agency, source)
			}
			return nil
		}
		r, prev, err := sr.Read()
		if err != nil {
			return err
		}
		if own {
			ownSeen = true
			b.SetOwnPrev(prev)
		}
		return b.Add(Received{Report: r, Prev: prev, Source: source, ID: sr.ID, At: sr.Saved,
			Members: members[sr.Agency], Stale: stale[sr.Agency], Former: sr.Former})
	})
	if err != nil {
		return nil, err
	}
	if !ownSeen {
		prev, err := db.Previous(opts.Agency, opts.Year)
		if err != nil {
			return nil, err
		}
		b.SetOwnPrev(prev)
	}
	return b.Finish()
}

// StoredSource is where a stored report came from, as the 汇总 view, its
// spreadsheet and the notes name it: "2025年2月20日 10:31 保存的年报", never
// the database's row number.
func StoredSource(saved time.Time) string {
	if saved.IsZero() {
		return "已保存的年报"
	}
	return saved.Format("2006年1月2日 15:04") + " 保存的年报"
}
