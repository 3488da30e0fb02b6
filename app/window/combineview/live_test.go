package combineview

import (
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit/kittest"
	"nianbao/data/combine"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/postgres"
	"nianbao/data/store/postgres/pgtest"
)

// The PostgreSQL test starts the package's throwaway cluster, stopped after the tests.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// On a server's database the 汇总 view follows the units' saves as they come
// (LISTEN/NOTIFY): a unit saving through its own connection changes the
// unit's status within seconds, with no reading of the round in between;
// the unit selected stays selected. A save of another year is not followed.
func TestCombineFollowsSaves(t *testing.T) {
	c := pgtest.Shared(t)
	url := c.AdminURL(c.Database(t))
	open := func() *postgres.DB {
		s, err := postgres.Open(url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	office, unit := open(), open() // the office's program and a unit's, two connections
	roster := []combine.Unit{
		{Name: "某县财政局", Type: report.AgencyDepartment},
		{Name: "某县教育局", Type: report.AgencyDepartment},
	}
	if err := office.SetRoster("某县人民政府", 2024, roster); err != nil {
		t.Fatal(err)
	}
	h := &host{Host: kittest.New(t, ""), st: office}
	h.showCombine()
	h.Idle()
	v := h.view
	t.Cleanup(v.Stop)
	v.agency.SetText("某县人民政府")
	v.year.SetText("2024")
	v.refresh()
	h.Idle()
	status := func(name string) combine.Status {
		for _, u := range v.res.Units {
			if u.Name == name {
				return u.Status
			}
		}
		t.Fatalf("no unit %s", name)
		return 0
	}
	if s := status("某县财政局"); s.Received() {
		t.Fatalf("before the save: %s", s.Label())
	}
	v.status.Select(widget.TableCellID{Row: 1, Col: 1})
	h.Run()

	// Another year's save: the round is not read again (once the view is
	// listening: the first listening reads the round again, in case).
	settle := func() {
		for end := time.Now().Add(time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
			h.Run()
		}
		h.Idle()
	}
	settle()
	shown := v.res
	earlier := combineUnit("某县财政局", 1, "0")
	earlier.Year = 2023
	if _, err := unit.Put(earlier, store.SaveManual); err != nil {
		t.Fatal(err)
	}
	settle()
	if v.res != shown {
		t.Error("a save of 2023 read the round of 2024 again")
	}

	if _, err := unit.Put(combineUnit("某县财政局", 3, "0.1"), store.SaveManual); err != nil {
		t.Fatal(err)
	}
	h.WaitFor("the unit's status to follow its save", func() bool { return status("某县财政局").Received() })
	if status("某县教育局").Received() {
		t.Error("the other unit received too")
	}
	if v.selected != 1 {
		t.Errorf("selection after the save: row %d, want 1", v.selected)
	}
}
