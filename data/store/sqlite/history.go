package sqlite

import (
	"slices"
	"strings"

	"nianbao/data/report"
)

// Earlier returns the stored reports of the agency for the years before year,
// oldest first: the history the trend charts draw.
func (s *DB) Earlier(agency string, year int) ([]*report.Report, error) {
	list, err := s.List()
	if err != nil {
		return nil, err
	}
	agency = strings.TrimSpace(agency)
	var out []*report.Report
	for _, sum := range list {
		if strings.TrimSpace(sum.Agency) != agency || sum.Year >= year {
			continue
		}
		r, err := s.Get(sum.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b *report.Report) int { return a.Year - b.Year })
	return out, nil
}
