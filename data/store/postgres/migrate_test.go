package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"nianbao/data/store/postgres/pgtest"
	"nianbao/data/store/storetest"
	"nianbao/data/syserr"
)

// A server database of an earlier schema version is brought up to date with
// its reports kept; one of another program, or of a newer version, is refused untouched.
func TestMigrations(t *testing.T) {
	cluster := pgtest.Shared(t)
	steps, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) != 5 {
		t.Fatalf("%d steps, want the 5 of data/store/sqlite", len(steps))
	}
	ctx := context.Background()

	t.Run("from version 1", func(t *testing.T) {
		db := cluster.Database(t)
		content := strings.ReplaceAll(storetest.MustMarshal(t, storetest.Sample("旧机关", 2023, 1)), "'", "''")
		if err := cluster.Exec(ctx, db, steps[0].SQL+`; UPDATE schema_version SET version = 1;
			INSERT INTO reports (agency, year, saved_at, kind, content) VALUES ('旧机关', 2023, now(), 'manual', '`+content+`')`); err != nil {
			t.Fatal(err)
		}
		s, err := Open(cluster.AdminURL(db))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		c, done := s.read()
		defer done()
		v, err := version(c, s.where)
		if err != nil || v != len(steps) {
			t.Fatalf("version %d, %v; want %d", v, err, len(steps))
		}
		var revision int64
		if err := c.QueryRow(`SELECT revision FROM reports WHERE agency = '旧机关'`).Scan(&revision); err != nil || revision != 1 {
			t.Errorf("kept report: revision %d, %v", revision, err)
		}
	})
	for _, tt := range []struct{ name, sql, want string }{
		{"another program's tables", `CREATE TABLE orders (id int)`, "不是年报数据库"},
		{"newer version", `CREATE TABLE schema_version (version integer); INSERT INTO schema_version VALUES (99)`, "请升级程序"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := cluster.Database(t)
			if err := cluster.Exec(ctx, db, tt.sql); err != nil {
				t.Fatal(err)
			}
			s, err := Open(cluster.AdminURL(db))
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if !strings.Contains(syserr.Text(err), tt.want) {
				t.Errorf("error %q lacks %q", syserr.Text(err), tt.want)
			}
			if tt.want == "不是年报数据库" && !errors.Is(err, errNotOurs) {
				t.Errorf("not errNotOurs: %v", err)
			}
			if err := cluster.Exec(ctx, db, `SELECT 1 FROM pg_tables WHERE tablename = 'reports' HAVING count(*) = 0`); err != nil {
				t.Errorf("touched: %v", err)
			}
		})
	}
}
