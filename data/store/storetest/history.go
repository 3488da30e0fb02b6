package storetest

import (
	"fmt"
	"testing"
	"time"

	"nianbao/data/store"
)

// Load says when and how the current content was saved, and Mark notes a
// save that wrote nothing new (the window closed): the current content is
// then labelled by it and kept as a version by the next auto save, as a
// deliberate save's is; a Mark over a revision that moved on does nothing.
func testLoadKindAndMark(t *testing.T, bk Backend) {
	c := &clock{t: time.Date(2026, 1, 10, 9, 0, 0, 0, time.Local)}
	s := bk.Open(t, c.now)
	const agency, year = "中卫市民政局", 2023
	id := MustPut(t, s, Sample(agency, year, 0), store.SaveCreate)
	l, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if l.Kind != store.SaveCreate || !l.SavedAt.Equal(c.t) || l.Kind.Label() != "新建" {
		t.Fatalf("Load: %s at %v, want 新建 at %v", l.Kind, l.SavedAt, c.t)
	}
	c.advance(time.Second)
	saved, err := s.Update(id, l.Revision, Sample(agency, year, 1), store.SaveAuto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Mark(id, saved.Revision-1, store.SaveClose); err != nil { // a window that is behind
		t.Fatal(err)
	}
	if l, _ := s.Load(id); l.Kind != store.SaveAuto {
		t.Fatalf("a Mark over an old revision changed the kind to %s", l.Kind)
	}
	if err := s.Mark(id, saved.Revision, store.SaveClose); err != nil {
		t.Fatal(err)
	}
	l, _ = s.Load(id)
	if l.Kind != store.SaveClose || l.Kind.Label() != "关闭时保存" || l.Revision != saved.Revision {
		t.Fatalf("after Mark: %s at revision %d, want 关闭时保存 at %d", l.Kind, l.Revision, saved.Revision)
	}
	c.advance(time.Second)
	if _, err := s.Update(id, l.Revision, Sample(agency, year, 2), store.SaveAuto, nil); err != nil {
		t.Fatal(err)
	}
	vs, err := s.Versions(agency, year)
	if err != nil || len(vs) < 2 || vs[0].Kind != store.SaveClose || vs[len(vs)-1].Kind != store.SaveCreate {
		t.Fatalf("versions %+v (%v): want the content kept at closing, then the one made by 新建", vs, err)
	}
}

// The versions the window keeps by itself (auto saves while typing, at
// closing) are pruned as the rolling backups are: all of the last day, the
// newest of each day for a week, the newest of each week for five weeks, and
// always the newest seven; those the user made are all kept.
func testVersionsRolling(t *testing.T, bk Backend) {
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.Local)
	c := &clock{t: start}
	s := bk.Open(t, c.now)
	const agency, year = "中卫市民政局", 2023
	id := MustPut(t, s, Sample(agency, year, 0), store.SaveManual)
	n := 0
	const days = 50
	for d := 0; d < days; d++ {
		c.t = start.AddDate(0, 0, d)
		for k := 0; k < 3; k++ { // three stretches of typing a day, six minutes apart
			n++
			l, err := s.Load(id)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Update(id, l.Revision, Sample(agency, year, n), store.SaveAuto, nil); err != nil {
				t.Fatal(err)
			}
			c.advance(6 * time.Minute)
		}
	}
	vs, err := s.Versions(agency, year)
	if err != nil {
		t.Fatal(err)
	}
	now := c.t
	perDay := map[string]int{}
	manual := false
	for i, v := range vs { // newest first
		if v.Kind == store.SaveManual {
			manual = true
			continue
		}
		if i < 7 {
			continue // the newest seven are kept whatever their age
		}
		age := now.Sub(v.SavedAt)
		switch {
		case age > 36*24*time.Hour:
			t.Errorf("a version of %v is kept, %v old", v.SavedAt, age)
		case age > 24*time.Hour:
			perDay[v.SavedAt.Format("2006-01-02")]++
		}
	}
	if !manual {
		t.Error("the content saved with 保存 was pruned")
	}
	for day, k := range perDay {
		if k > 1 {
			t.Errorf("%d versions kept of %s, older than a day", k, day)
		}
	}
	// The last day's: the contents the day's last save replaced.
	last := 0
	for _, v := range vs {
		if now.Sub(v.SavedAt) <= 24*time.Hour {
			last++
		}
	}
	if last != 2 || len(vs) >= 3*days {
		t.Errorf("%d versions of the last day kept, %d in all of %d: want both of the last day, fewer in all", last, len(vs), 3*days)
	}
	weeks := map[string]bool{}
	for _, v := range vs {
		y, w := v.SavedAt.ISOWeek()
		weeks[fmt.Sprint(y, "-", w)] = true
	}
	if len(weeks) < 5 {
		t.Errorf("versions of %d weeks kept, want one of each of five weeks", len(weeks))
	}
}
