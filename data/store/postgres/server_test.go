package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"nianbao/data/combine"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/postgres/pgtest"
	"nianbao/data/store/storetest"
	"nianbao/data/syserr"
)

// county is a shared database set up by server init, with two units' logins
// and the 政务公开办's, each unit's report stored by its own login.
type county struct {
	c                *pgtest.Cluster
	db               string
	admin            *DB
	unitA, unitB, of Login
}

const (
	agencyA = "某县民政局"
	agencyB = "某县财政局"
	office  = "某县人民政府办公室"
)

func newCounty(t *testing.T) *county {
	t.Helper()
	c := pgtest.Shared(t)
	k := &county{c: c, db: c.Database(t)}
	var err error
	if k.admin, err = Open(c.AdminURL(k.db)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { k.admin.Close() })
	if err := k.admin.Init(); err != nil {
		t.Fatal(err)
	}
	if err := k.admin.Init(); err != nil { // again: after an upgrade, say
		t.Fatalf("second Init: %v", err)
	}
	for _, l := range []struct {
		to     *Login
		agency string
		office bool
	}{{&k.unitA, agencyA, false}, {&k.unitB, agencyB, false}, {&k.of, office, true}} {
		if *l.to, err = k.admin.AddUnit(l.agency, l.office); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { k.admin.RemoveUnit(l.to.User) })
	}
	storetest.MustPut(t, k.open(t, k.unitA), storetest.Sample(agencyA, 2024, 1), store.SaveManual)
	storetest.MustPut(t, k.open(t, k.unitB), storetest.Sample(agencyB, 2024, 2), store.SaveManual)
	return k
}

// open opens the store as login l.
func (k *county) open(t *testing.T, l Login) *DB {
	t.Helper()
	s, err := Open(k.c.URL(l.User, l.Password, k.db))
	if err != nil {
		t.Fatalf("Open as %s: %v", l.Agency, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// connect is a plain connection as login l, as psql by hand would be.
func (k *county) connect(t *testing.T, l Login) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), k.c.URL(l.User, l.Password, k.db))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// A unit's login, used by hand (SQL straight to the server, not through the
// program), reads and writes its own agency's rows only: another unit's are
// not seen, and writing them is refused or changes nothing.
func TestUnitLoginLimitedByServer(t *testing.T) {
	k := newCounty(t)
	ctx := context.Background()
	a := k.connect(t, k.unitA)
	bID, _, err := k.admin.Find(agencyB, 2024)
	if err != nil {
		t.Fatal(err)
	}
	count := func(conn *pgx.Conn, sql string, args ...any) int {
		t.Helper()
		var n int
		if err := conn.QueryRow(ctx, sql, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return n
	}
	reads := []struct {
		sql  string
		want int
	}{
		{`SELECT count(*) FROM reports`, 1},
		{`SELECT count(*) FROM reports WHERE agency = '` + agencyB + `'`, 0},
		{`SELECT count(*) FROM versions WHERE agency = '` + agencyB + `'`, 0},
		{`SELECT count(*) FROM logins`, 3}, // who has a login is no secret; passwords are not here
	}
	for _, r := range reads {
		if got := count(a, r.sql); got != r.want {
			t.Errorf("as %s: %s = %d, want %d", agencyA, r.sql, got, r.want)
		}
	}
	refused := []string{
		`INSERT INTO reports (agency, year, saved_at, kind, content) VALUES ('` + agencyB + `', 2025, now(), 'manual', '{}')`,
		`INSERT INTO versions (report_id, agency, year, saved_at, kind, replaced_at, replaced_by, content)
			VALUES (1, '` + agencyB + `', 2024, now(), 'manual', now(), 'manual', '{}')`,
		`UPDATE reports SET agency = '` + agencyB + `' WHERE agency = '` + agencyA + `'`,
		`INSERT INTO roster_units (agency, year, position, unit, unit_type) VALUES ('` + agencyA + `', 2024, 0, 'x', 'department')`,
		`INSERT INTO settings (login, key, value) VALUES ('` + k.unitB.User + `', 'k', 'v')`,
		`CREATE TABLE mine (id int)`,
		`DROP TABLE reports`,
		`ALTER TABLE reports DISABLE ROW LEVEL SECURITY`,
		`INSERT INTO logins (login, agency, office) VALUES ('x', 'y', true)`,
	}
	for _, sql := range refused {
		_, err := a.Exec(ctx, sql)
		if !isPrivilege(err) {
			t.Errorf("as %s: %s: %v, want refused", agencyA, sql, err)
		}
	}
	unchanged := []string{
		`UPDATE reports SET content = '{}' WHERE id = $1`,
		`DELETE FROM reports WHERE id = $1`,
		`DELETE FROM invalid_cells WHERE report_id = $1`,
	}
	for _, sql := range unchanged {
		tag, err := a.Exec(ctx, sql, bID)
		if err != nil || tag.RowsAffected() != 0 {
			t.Errorf("as %s: %s: %v rows, %v; want none", agencyA, sql, tag.RowsAffected(), err)
		}
	}
	if _, err := k.admin.Get(bID); err != nil {
		t.Errorf("B's report after A's attempts: %v", err)
	}
	// Its own rows it writes.
	if tag, err := a.Exec(ctx, `UPDATE reports SET kind = 'manual' WHERE agency = $1`, agencyA); err != nil || tag.RowsAffected() != 1 {
		t.Errorf("own update: %v rows, %v", tag.RowsAffected(), err)
	}
}

// Through the program, a unit's login lists and saves its own reports only,
// and is told in Chinese when it tries another's; the 政务公开办's reads every
// unit's, keeps the roster, saves its own report, and cannot change a unit's.
func TestLoginsThroughTheStore(t *testing.T) {
	k := newCounty(t)
	a := k.open(t, k.unitA)
	list, err := a.List()
	if err != nil || len(list) != 1 || list[0].Agency != agencyA {
		t.Fatalf("A's list: %v, %v", list, err)
	}
	_, err = a.Put(storetest.Sample(agencyB, 2023, 1), store.SaveManual)
	if err == nil || !errors.Is(err, errNotAllowed) || !strings.Contains(syserr.Text(err), "只能修改本单位的报告") {
		t.Errorf("A saving B's report: %v", err)
	}
	if err := a.SetRoster(agencyA, 2024, []combine.Unit{{Name: "x", Type: report.AgencyDepartment}}); err == nil {
		t.Error("a unit kept a roster")
	}

	of := k.open(t, k.of)
	list, err = of.List()
	if err != nil || len(list) != 2 {
		t.Fatalf("office's list: %v, %v", list, err)
	}
	bID, _, err := of.Find(agencyB, 2024)
	if err != nil {
		t.Fatal(err)
	}
	l, err := of.Load(bID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := of.Update(bID, l.Revision, storetest.Sample(agencyB, 2024, 9), store.SaveManual, nil); err == nil {
		t.Error("the office changed a unit's report")
	}
	if err := of.Delete(bID); err == nil || syserr.Text(err) != "删除"+agencyB+"2024年的报告失败：这个登录只能修改本单位的报告" {
		t.Errorf("the office deleting a unit's report: %v", err)
	}
	units := []combine.Unit{{Name: agencyA, Type: report.AgencyDepartment}, {Name: agencyB, Type: report.AgencyDepartment}}
	if err := of.SetRoster(office, 2024, units); err != nil {
		t.Fatalf("office's roster: %v", err)
	}
	storetest.MustPut(t, of, storetest.Sample(office, 2024, 3), store.SaveManual)
	if by, err := a.ListedBy(agencyA, 2024); err != nil || by != office {
		t.Errorf("A listed by %q, %v", by, err)
	}
	// Each login's settings are its own.
	if err := a.SetSetting("window", "a"); err != nil {
		t.Fatal(err)
	}
	if v, err := of.Setting("window"); err != nil || v != "" {
		t.Errorf("office sees A's setting: %q, %v", v, err)
	}
}

// list-units lists the logins; remove-unit removes one, which can no longer connect.
func TestAddListRemoveUnit(t *testing.T) {
	k := newCounty(t)
	units, err := k.admin.Units()
	if err != nil || len(units) != 3 || !units[0].Office || units[0].Password != "" {
		t.Fatalf("units %+v, %v", units, err)
	}
	if k.unitA.User == k.unitB.User || len(k.unitA.Password) < 16 {
		t.Errorf("logins %+v %+v", k.unitA, k.unitB)
	}
	if err := k.admin.RemoveUnit(k.unitA.User); err != nil {
		t.Fatal(err)
	}
	if err := k.admin.RemoveUnit(k.unitA.User); !errors.Is(err, ErrNoLogin) {
		t.Errorf("second removal: %v", err)
	}
	if _, err := Open(k.c.URL(k.unitA.User, k.unitA.Password, k.db)); err == nil || !strings.Contains(syserr.Text(err), "用户名或密码不对") {
		t.Errorf("removed login connects: %v", err)
	}
	if _, _, err := k.admin.Find(agencyA, 2024); err != nil {
		t.Errorf("the unit's report went with its login: %v", err)
	}
}

// A unit's login cannot set up a database; a database not set up has no logins.
func TestServerCommandsNeedAdmin(t *testing.T) {
	k := newCounty(t)
	a := k.open(t, k.unitA)
	if err := a.Init(); err == nil || !strings.Contains(err.Error(), "需要管理员的登录") {
		t.Errorf("unit's Init: %v", err)
	}
	if _, err := a.AddUnit("某局", false); err == nil {
		t.Error("a unit made a login")
	}
	plain, _ := openTemp(t)
	if _, err := plain.Units(); !errors.Is(err, errNotInitialized) {
		t.Errorf("Units before init: %v", err)
	}
}
