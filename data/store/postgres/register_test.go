package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"nianbao/data/register"
	"nianbao/data/store"
	"nianbao/data/store/storetest"
	"nianbao/data/syserr"
)

// A unit's login, by hand (SQL straight to the server) and through the
// program, reads and writes its own agency's register only; the 政务公开办
// does not read the units' registers (applicants' names and ID numbers).
func TestRegisterLimitedByServer(t *testing.T) {
	k := newCounty(t)
	apps := storetest.SampleApplications()
	a, b := k.open(t, k.unitA), k.open(t, k.unitB)
	if _, err := a.PutApplications(agencyA, apps); err != nil {
		t.Fatalf("A's own register: %v", err)
	}
	bIDs, err := b.PutApplications(agencyB, apps[:2])
	if err != nil {
		t.Fatalf("B's own register: %v", err)
	}
	if err := b.LockYear(agencyB, 2024, true); err != nil {
		t.Fatalf("B locks its year: %v", err)
	}

	registerByHand(t, k, len(apps))
	registerThroughProgram(t, k, a, b, apps, bIDs)
}

// registerByHand is SQL straight to the server as unit A's role, with B's
// register beside A's.
func registerByHand(t *testing.T, k *county, nApps int) {
	t.Helper()
	ctx := context.Background()
	conn := k.connect(t, k.unitA)
	count := func(sql string) int {
		t.Helper()
		var n int
		if err := conn.QueryRow(ctx, sql).Scan(&n); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return n
	}
	for _, r := range []struct {
		sql  string
		want int
	}{
		{`SELECT count(*) FROM register_applications`, nApps},
		{`SELECT count(*) FROM register_applications WHERE agency = '` + agencyB + `'`, 0},
		{`SELECT count(*) FROM register_locks`, 0},
	} {
		if got := count(r.sql); got != r.want {
			t.Errorf("as %s: %s = %d, want %d", agencyA, r.sql, got, r.want)
		}
	}
	for _, sql := range []string{
		`INSERT INTO register_applications (agency, number, received, data, updated_at) VALUES ('` + agencyB + `', 'x', '2025-01-01', '{}', now())`,
		`UPDATE register_applications SET agency = '` + agencyB + `' WHERE agency = '` + agencyA + `'`,
		`INSERT INTO register_locks (agency, year, locked_at) VALUES ('` + agencyB + `', 2025, now())`,
	} {
		if _, err := conn.Exec(ctx, sql); !isPrivilege(err) {
			t.Errorf("as %s: %s: %v, want refused", agencyA, sql, err)
		}
	}
	for _, sql := range []string{
		`UPDATE register_applications SET data = '{}' WHERE agency = '` + agencyB + `'`,
		`DELETE FROM register_applications WHERE agency = '` + agencyB + `'`,
		`DELETE FROM register_locks WHERE agency = '` + agencyB + `'`,
	} {
		if tag, err := conn.Exec(ctx, sql); err != nil || tag.RowsAffected() != 0 {
			t.Errorf("as %s: %s: %d rows, %v; want none", agencyA, sql, tag.RowsAffected(), err)
		}
	}
}

// registerThroughProgram is unit A's login through the program, at B's register.
func registerThroughProgram(t *testing.T, k *county, a, b *DB, apps []register.Application, bIDs []int64) {
	t.Helper()
	if got, err := a.Applications(agencyB, 0); err != nil || len(got) != 0 {
		t.Errorf("A lists B's register: %d, %v", len(got), err)
	}
	if _, err := a.Application(bIDs[0]); !errors.Is(err, store.ErrApplicationNotFound) {
		t.Errorf("A reads B's application: %v", err)
	}
	_, err := a.PutApplications(agencyB, apps[:1])
	if !errors.Is(err, errRegisterNotAllowed) || !strings.Contains(syserr.Text(err), "只能查看和修改本单位的台账") {
		t.Errorf("A writes B's register: %v", err)
	}
	if err := a.DeleteApplication(bIDs[0]); err == nil {
		t.Error("A deleted B's application")
	}
	if n, err := a.ErasePersonal(agencyB, 2025); err != nil || n != 0 {
		t.Errorf("A erases B's: %d, %v", n, err)
	}
	if locked, err := a.YearLocked(agencyB, 2024); err != nil || locked {
		t.Errorf("A sees B's lock: %v, %v", locked, err)
	}
	if err := a.LockYear(agencyB, 2025, true); !errors.Is(err, errRegisterNotAllowed) {
		t.Errorf("A locks B's year: %v", err)
	}
	of := k.open(t, k.of)
	if got, err := of.Applications(agencyB, 0); err != nil || len(got) != 0 {
		t.Errorf("the office lists B's register: %d, %v", len(got), err)
	}
	// B's register is untouched; the calendar is shared.
	if got, err := b.Applications(agencyB, 0); err != nil || len(got) != 2 || got[0].Applicant == "" {
		t.Errorf("B's register after A's attempts: %d, %v", len(got), err)
	}
	if err := a.AddCalendar("本县调休", "2025-10-11 上班\n"); err != nil {
		t.Fatalf("A adds to the calendar: %v", err)
	}
	if cal, err := b.CalendarAdditions(); err != nil || len(cal) != 1 {
		t.Errorf("B's calendar: %v, %v", cal, err)
	}
}
