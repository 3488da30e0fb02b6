package postgres

import (
	"os"
	"testing"
	"time"

	"nianbao/data/store"
	"nianbao/data/store/postgres/pgtest"
	"nianbao/data/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// openTemp opens a store on a new database of the cluster, as its superuser.
func openTemp(t testing.TB) (*DB, string) {
	t.Helper()
	cluster := pgtest.Shared(t)
	url := cluster.AdminURL(cluster.Database(t))
	s, err := Open(url)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, url
}

// The suite every backend passes, each test on a database of its own.
func TestSuite(t *testing.T) {
	pgtest.Shared(t)
	addr := map[store.Store]string{}
	storetest.Run(t, storetest.Backend{
		Open: func(t *testing.T, now func() time.Time) store.Store {
			s, url := openTemp(t)
			if now != nil {
				s.now = now
			}
			addr[s] = url
			return s
		},
		Again: func(t *testing.T, st store.Store) store.Store {
			s, err := Open(addr[st])
			if err != nil {
				t.Fatalf("second Open: %v", err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
	})
}

// The register's suite, on a database of its own each.
func TestRegisterSuite(t *testing.T) {
	storetest.RunRegister(t, func(t *testing.T) store.Register {
		s, _ := openTemp(t)
		return s
	})
}
