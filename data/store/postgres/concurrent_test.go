package postgres

import (
	"fmt"
	"sync"
	"testing"

	"nianbao/data/store"
	"nianbao/data/store/postgres/pgtest"
	"nianbao/data/store/storetest"
)

// Fifty clients, each its own program with its own connections to one
// server, save at once: each its own unit's report, and all of them the same
// report from the revision each loaded. Nothing is lost: every unit's report
// is stored, and every content of the shared report is either current or
// kept as a version, each save one revision.
func TestFiftyClientsSaveAtOnce(t *testing.T) {
	const clients = 50
	c := pgtest.Shared(t)
	url := c.AdminURL(c.Database(t))
	first, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	shared := storetest.MustPut(t, first, storetest.Sample("某县人民政府", 2024, 0), store.SaveManual)

	stores := make([]*DB, clients)
	for i := range stores {
		if stores[i], err = Open(url); err != nil {
			t.Fatal(err)
		}
		defer stores[i].Close()
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*clients)
	for i, s := range stores {
		wg.Go(func() {
			l, err := s.Load(shared)
			if err != nil {
				errs <- err
				return
			}
			if _, err := s.Put(storetest.Sample(fmt.Sprintf("某县第%02d局", i), 2024, i), store.SaveManual); err != nil {
				errs <- err
			}
			if _, err := s.Update(shared, l.Revision, storetest.Sample("某县人民政府", 2024, i+1), store.SaveManual, nil); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	list, err := first.List()
	if err != nil || len(list) != clients+1 {
		t.Fatalf("%d reports stored, want %d (%v)", len(list), clients+1, err)
	}
	l, err := first.Load(shared)
	if err != nil {
		t.Fatal(err)
	}
	if l.Revision != clients+1 {
		t.Errorf("revision %d, want %d: a save was lost", l.Revision, clients+1)
	}
	seen := map[string]bool{storetest.MustMarshal(t, l.Report): true}
	vs, err := first.Versions("某县人民政府", 2024)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		r, err := first.Version(v.ID)
		if err != nil {
			t.Fatal(err)
		}
		seen[storetest.MustMarshal(t, r)] = true
	}
	for i := 0; i <= clients; i++ {
		if !seen[storetest.MustMarshal(t, storetest.Sample("某县人民政府", 2024, i))] {
			t.Errorf("content %d of the shared report is lost", i)
		}
	}
}
