package postgres

import (
	"context"
	"testing"
	"time"

	"nianbao/data/store"
	"nianbao/data/store/storetest"
)

// The 政务公开办 watching sees a unit's save within moments (LISTEN/NOTIFY,
// without reading the database); after its connection is lost it connects
// again and says that everything is to be read again (the zero Change).
func TestWatchSeesUnitsSave(t *testing.T) {
	k := newCounty(t)
	of := k.open(t, k.of)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes := make(chan Change, 16)
	done := make(chan struct{})
	go func() {
		of.Watch(ctx, 50*time.Millisecond, func(c Change) { changes <- c })
		close(done)
	}()
	next := func(what string) Change {
		t.Helper()
		select {
		case c := <-changes:
			return c
		case <-time.After(10 * time.Second):
			t.Fatalf("no change seen: %s", what)
		}
		return Change{}
	}
	if c := next("listening"); c != (Change{}) {
		t.Fatalf("first call %+v, want the zero Change", c)
	}
	a := k.open(t, k.unitA)
	storetest.MustPut(t, a, storetest.Sample(agencyA, 2025, 1), store.SaveManual)
	if c := next("unit's save"); c != (Change{Agency: agencyA, Year: 2025}) {
		t.Errorf("saw %+v", c)
	}
	// The server drops the listening connection (a restart, a network cut).
	if _, err := k.admin.pool.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND query LIKE 'LISTEN%'`, k.of.User); err != nil {
		t.Fatal(err)
	}
	if c := next("connected again"); c != (Change{}) {
		t.Errorf("after reconnecting %+v, want the zero Change", c)
	}
	storetest.MustPut(t, a, storetest.Sample(agencyA, 2026, 1), store.SaveManual)
	if c := next("save after reconnecting"); c != (Change{Agency: agencyA, Year: 2026}) {
		t.Errorf("saw %+v", c)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Watch did not return when its context ended")
	}
}
