package store

import (
	"fmt"
	"time"
)

// The rolling rules, shared by the backups of a database file
// (data/store/sqlite's pruneDaily) and the versions the window keeps on its
// own, so that the user meets one rule wherever copies pile up: every one of
// the last KeepAll, then the newest of each day until KeepDaily, then the
// newest of each week until KeepWeekly, and always the newest KeepNewest.
const (
	KeepAll    = 24 * time.Hour
	KeepDaily  = 7 * 24 * time.Hour
	KeepWeekly = 35 * 24 * time.Hour
	KeepNewest = 7
)

// Dated is a version as pruning sees it: its id and when its content was saved.
type Dated struct {
	ID int64
	At time.Time
}

// Prunable returns the ids of the versions to remove of vs, the window's own
// versions of one report (auto saves while typing, the save as the window
// closes), newest first, at now. Every backend decides by it, so that a
// report keeps the same versions on a PC and on a server.
//
// A clock that jumped must not cost versions: one dated after now counts for
// nothing (and is kept) until its time comes, and ages are measured from now
// but never from later than a day after the newest of them.
func Prunable(vs []Dated, now time.Time) []int64 {
	var past []Dated
	for _, v := range vs {
		if !v.At.After(now) {
			past = append(past, v)
		}
	}
	if len(past) == 0 {
		return nil
	}
	ref := now
	if next := past[0].At.Add(KeepAll); next.Before(ref) {
		ref = next
	}
	var drop []int64
	days, weeks := map[string]bool{}, map[string]bool{}
	for i, v := range past { // newest first
		age := ref.Sub(v.At)
		// Days and weeks as the user reads them: the PC's calendar.
		day := v.At.Local().Format("2006-01-02")
		y, w := v.At.Local().ISOWeek()
		week := fmt.Sprint(y, "-", w)
		switch {
		case age < KeepAll || i < KeepNewest:
		case age < KeepDaily && !days[day]:
		case age < KeepWeekly && !weeks[week]:
		default:
			drop = append(drop, v.ID)
			continue
		}
		days[day], weeks[week] = true, true
	}
	return drop
}
