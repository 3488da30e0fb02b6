package window

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nianbao/data/register"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/postgres"
	"nianbao/data/store/postgres/pgtest"
	"nianbao/data/store/storetest"
	"nianbao/data/workdays"
)

// The PostgreSQL tests share one throwaway cluster, started by the first
// that needs it and stopped after the package's tests.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// The window opens a server's database given as --db postgres://… (or
// NIANBAO_DB): the address is shown without its password, and what only a
// database file has (backups beside it) is not offered.
func TestWindowOnServer(t *testing.T) {
	c := pgtest.Shared(t)
	t.Setenv("XDG_DATA_HOME", t.TempDir()) // where the journal would be
	where := c.AdminURL(c.Database(t))
	st, err := openStore(&where)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, ok := st.(*postgres.Journaled); !ok { // saves that cannot reach the server wait on the PC
		t.Fatalf("opened %T", st)
	}
	if strings.Contains(where, c.Password) {
		t.Errorf("address shown with its password: %s", where)
	}
	if _, ok := st.(store.Files); ok {
		t.Errorf("a server's database has files")
	}
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	loop := &uiLoop{}
	u := newUI(a, w, st, loop.post)
	defer u.saver.Stop()
	u.dbPath = where
	if u.backups != nil {
		t.Error("the backups room is offered for a server's database")
	}
	u.startChecks() // no backup beside a file that does not exist
	u.showBackups()
	storetest.MustPut(t, st, storetest.Sample("某县民政局", 2024, 1), store.SaveManual)
	list, err := u.st.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("list %v, %v", list, err)
	}
}

// 文件 → 依申请公开台账 opens on a server's database: the register is kept
// there as in a file.
func TestRegisterRoomOnServer(t *testing.T) {
	c := pgtest.Shared(t)
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	where := c.AdminURL(c.Database(t))
	st, err := openStore(&where)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	reg, ok := st.(store.Register)
	if !ok {
		t.Fatalf("%T keeps no register", st)
	}
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	loop := &uiLoop{}
	u := newUI(a, w, st, loop.post)
	defer u.saver.Stop()
	h := &harness{t: t, u: u, win: w, loop: loop}
	app := register.Application{Number: "1", Received: workdays.Date(u.Now()), Type: register.TypeNaturalPerson}
	if _, err := reg.PutApplications("某县财政局", []register.Application{app}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting("register_agency", "某县财政局"); err != nil {
		t.Fatal(err)
	}
	h.idle()
	u.showRegister()
	h.idle()
	shown := strings.Join(texts(w.Content()), "\n")
	if strings.Contains(shown, "不保存依申请公开台账") || !strings.Contains(shown, "共 1 件") {
		t.Errorf("the 台账 view on a server:\n%s", shown)
	}
}

// The server stops while a clerk types: the save waits in the journal on
// the PC and the status line says so; when the server is back and the
// journal sends it in the background, the status line says it is saved, with
// no keystroke in between, and the editor has nothing left unsaved.
func TestStatusFollowsJournal(t *testing.T) {
	pgtest.Need(t)
	c, err := pgtest.Start() // a cluster of the test's own, to stop
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	url := c.AdminURL(c.Database(t))
	j, err := postgres.OpenJournaled(url, t.TempDir(), 100*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	id := storetest.MustPut(t, j, report.New("某某市民政局", 2023), store.SaveManual)
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	loop := &uiLoop{}
	u := newUI(a, w, j, loop.post)
	defer u.saver.Stop()
	u.saver.SetDelay(10 * time.Millisecond)
	h := &harness{t: t, u: u, win: w, loop: loop}
	if err := j.SetSetting(settingLastReport, strconv.FormatInt(id, 10)); err != nil {
		t.Fatal(err)
	}
	u.start()
	h.waitFor("the report to open", func() bool { return u.id == id })

	if err := c.Kill(); err != nil {
		t.Fatal(err)
	}
	test.Type(h.entryWithText("某某市民政局"), "办公室")
	h.waitFor("the save to wait on the PC", func() bool { return strings.Contains(u.statusText.Text, "暂存本机") })
	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	h.waitFor("the status line to follow the journal", func() bool {
		return strings.Contains(u.statusText.Text, "已保存") && strings.Contains(u.statusText.Text, "暂存在本机的修改已送到服务器")
	})
	if u.saver.Dirty() {
		t.Error("the editor still has unsaved edits")
	}
	if r, err := j.Get(id); err != nil || r.Agency != "办公室某某市民政局" && r.Agency != "某某市民政局办公室" {
		t.Errorf("on the server: %v, %v", r, err)
	}
}
