package sqlite

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"nianbao/data/store"
)

// dailyBackups makes one daily backup a day for days days up to the clock's
// day, each file written (mtime) when its name says, and returns the clock.
func dailyBackups(t *testing.T, s *DB, start time.Time, days int) *clock {
	t.Helper()
	c := &clock{t: start}
	s.now = c.now
	for range days {
		if err := s.AutoBackup(); err != nil {
			t.Fatal(err)
		}
		c.advance(24 * time.Hour)
	}
	c.advance(-24 * time.Hour)
	bs, err := Backups(s.path)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		if err := os.Chtimes(b.Path, b.Time, b.Time); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func dailyNames(t *testing.T, path string) map[string]time.Time {
	t.Helper()
	bs, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]time.Time{}
	for _, b := range bs {
		if b.Kind == store.BackupDaily {
			out[b.Path] = b.Time
		}
	}
	return out
}

// One start with the clock a year ahead removes no daily backup a start on
// the next real day would keep, and the backup it dates a year ahead is no
// one's newest when the clock is right again: the next real day has its own.
func TestPruneClockAhead(t *testing.T) {
	s, path := openTemp(t)
	mustPut(t, s, sample("中卫市民政局", 2023, 1), store.SaveManual)
	start := time.Now().Add(-12 * 24 * time.Hour)
	c := dailyBackups(t, s, start, 12)
	before := dailyNames(t, path)
	real := c.t
	c.t = real.AddDate(1, 0, 0)
	if err := s.AutoBackup(); err != nil {
		t.Fatal(err)
	}
	after := dailyNames(t, path)
	lastWeek := 0
	for p, at := range before {
		if real.Sub(at) < 7*24*time.Hour {
			if _, ok := after[p]; !ok {
				t.Errorf("the backup of %s, %d days before the clock jumped, was removed", at.Format(dayLayout), int(real.Sub(at).Hours()/24))
			}
			lastWeek++
		}
	}
	if lastWeek < 7 || len(after) < 8 {
		t.Errorf("after one start a year ahead %d daily backups of %d are left (%d of the last week)", len(after), len(before), lastWeek)
	}
	// The clock is right again, the next day: that day gets its backup, and
	// the one dated a year ahead is not removed either.
	c.t = real.Add(24 * time.Hour)
	if err := s.AutoBackup(); err != nil {
		t.Fatal(err)
	}
	again := dailyNames(t, path)
	var today, future bool
	for _, at := range again {
		today = today || at.Format(dayLayout) == c.t.Format(dayLayout)
		future = future || at.After(c.t.AddDate(0, 6, 0))
	}
	if !today || !future {
		t.Errorf("the next real day: its own backup %v, the one dated a year ahead kept %v", today, future)
	}
}

// Backups named by a clock that was behind (dated years ago) but written
// in the last week are not removed as old beside correctly named older ones:
// the newest by file time are kept as well as the newest by date.
func TestPruneKeepsNewestByFileTime(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	os.MkdirAll(BackupDir(path), 0o700)
	now := time.Now()
	write := func(named, written time.Time) string {
		p := filepath.Join(BackupDir(path), string(store.BackupDaily)+"-"+named.Format(dayLayout)+".db")
		if err := os.WriteFile(p, []byte("copy"), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, written, written)
		return p
	}
	var behind []string
	for d := range 14 { // correctly named, two and three weeks ago
		at := now.AddDate(0, 0, -7-d)
		write(at, at)
	}
	for d := range dailyCount { // the last week, by a clock years behind
		behind = append(behind, write(time.Date(2019, 1, 1+d, 9, 0, 0, 0, time.Local), now.AddDate(0, 0, -d)))
	}
	if err := pruneDaily(path, now); err != nil {
		t.Fatal(err)
	}
	for _, p := range behind {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s, written in the last week, was removed: %v", filepath.Base(p), err)
		}
	}
}
