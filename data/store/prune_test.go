package store

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// Prunable keeps all of the last day, the newest of each day for a week, the
// newest of each week for five weeks and always the newest seven; a version
// dated after now is kept and does not count, and a clock far ahead prunes
// as the day after the newest version would.
func TestPrunable(t *testing.T) {
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.Local) // a Monday
	var vs []Dated
	id := int64(0)
	add := func(at time.Time) int64 {
		id++
		vs = append(vs, Dated{ID: id, At: at})
		return id
	}
	future := add(now.Add(time.Hour))
	var lastDay []int64
	for h := 1; h <= 10; h++ { // ten within the last day
		lastDay = append(lastDay, add(now.Add(-time.Duration(h)*time.Hour)))
	}
	// Three a day from 2 to 60 days ago, at 9:00, 10:00 and 11:00.
	newestOfDay := map[int]int64{}
	older := map[int64]time.Time{}
	for d := 2; d <= 60; d++ {
		day := now.AddDate(0, 0, -d)
		for h := 11; h >= 9; h-- {
			at := time.Date(day.Year(), day.Month(), day.Day(), h, 0, 0, 0, time.Local)
			v := add(at)
			older[v] = at
			if h == 11 {
				newestOfDay[d] = v
			}
		}
	}
	drop := Prunable(vs, now)
	dropped := func(v int64) bool { return slices.Contains(drop, v) }
	if dropped(future) {
		t.Error("the version dated after now was pruned")
	}
	for _, v := range lastDay {
		if dropped(v) {
			t.Errorf("version %d of the last day was pruned", v)
		}
	}
	weeks := map[string]int{}
	for v, at := range older {
		age := now.Sub(at)
		switch {
		case age < KeepDaily:
			if want := v == newestOfDay[int(age/(24*time.Hour))]; dropped(v) == want {
				t.Errorf("version of %v (%v old): pruned %v, want the newest of its day kept only", at, age, dropped(v))
			}
		case age > KeepWeekly+24*time.Hour:
			if !dropped(v) {
				t.Errorf("version of %v (%v old) was kept", at, age)
			}
		case !dropped(v):
			y, w := at.ISOWeek()
			weeks[fmt.Sprint(y, "-", w)]++
		}
	}
	for wk, n := range weeks {
		if n > 1 {
			t.Errorf("%d versions kept of week %s", n, wk)
		}
	}
	if len(weeks) < 4 {
		t.Errorf("versions of %d weeks past the first kept, want one each", len(weeks))
	}

	// Eight versions two months old: the newest seven stay whatever their age.
	var old []Dated
	for i := 0; i < 8; i++ {
		old = append(old, Dated{ID: int64(i + 1), At: now.AddDate(0, -2, 0).Add(-time.Duration(i) * time.Hour)})
	}
	if got := Prunable(old, now); !slices.Equal(got, []int64{8}) {
		t.Errorf("eight old versions: pruned %v, want the oldest (8) only", got)
	}
	// A clock a year ahead prunes as the day after the newest version would,
	// not as a year later: the newest seven stay, and those within the day.
	var day []Dated
	for i := 0; i < 12; i++ {
		day = append(day, Dated{ID: int64(i + 1), At: now.Add(-time.Duration(i) * time.Hour)})
	}
	ahead, dayAfter := Prunable(day, now.AddDate(1, 0, 0)), Prunable(day, now.Add(KeepAll))
	if !slices.Equal(ahead, dayAfter) || !slices.Equal(ahead, []int64{8, 9, 10, 11, 12}) {
		t.Errorf("clock a year ahead pruned %v, the day after %v; want 8 to 12 both times", ahead, dayAfter)
	}
	if got := Prunable(day, now.Add(time.Hour)); len(got) != 0 {
		t.Errorf("a day's versions within the day: pruned %v", got)
	}
	if got := Prunable(nil, now); got != nil {
		t.Errorf("nothing to prune: %v", got)
	}
}
