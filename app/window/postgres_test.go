package window

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"nianbao/app/window/connect"

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

// 文件 → 连接共享数据库: a wrong password, and verification asked of a server
// without TLS, are said in Chinese with the way on (重新填写, 使用本机数据库)
// and nothing changes; the right password connects, the window is made anew
// on the server's database (its address shown without the password), the
// choice is kept in the preferences on this PC and the password only in the
// credential store. 使用本机数据库 goes back and forgets the choice.
func TestConnectSharedDatabase(t *testing.T) {
	c := pgtest.Shared(t)
	t.Setenv("XDG_DATA_HOME", t.TempDir()) // where the journal would be
	keyring.MockInit()
	db := c.Database(t)
	h := newHarness(t, nil)
	h.idle()
	var switched store.Store
	var where string
	h.u.switchTo = func(st store.Store, w string) { switched, where = st, w }
	choice := connect.Choice{Host: "127.0.0.1", Port: c.Port, Database: db, User: pgtest.Admin, TLS: connect.TLSOff}
	prefs := h.u.app.Preferences()

	for _, tt := range []struct {
		name     string
		tls      string
		password string
		want     string
	}{
		{"wrong password", connect.TLSOff, "wrong", "用户名或密码不对"},
		{"verification of a server without TLS", connect.TLSVerify, c.Password, "不支持加密连接"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ch := choice
			ch.TLS = tt.tls
			h.u.connectTo(ch, tt.password, true)
			h.waitFor("the failure", func() bool { return strings.Contains(h.overlayText(), "无法连接共享数据库") })
			shown := h.overlayText()
			for _, want := range []string{tt.want, "重新填写", "使用本机数据库"} {
				if !strings.Contains(shown, want) {
					t.Errorf("the failure lacks %q:\n%s", want, shown)
				}
			}
			h.tapOverlayButton("重新填写")
			if !strings.Contains(h.overlayText(), "连接方式") {
				t.Errorf("重新填写 shows no form:\n%s", h.overlayText())
			}
			h.win.Canvas().Overlays().Top().Hide()
			if switched != nil {
				t.Fatal("switched after a failure")
			}
			if _, ok := connect.Saved(prefs); ok {
				t.Error("a failed choice kept")
			}
		})
	}

	h.u.connectTo(choice, c.Password, true)
	h.waitFor("the switch", func() bool { return switched != nil })
	if _, ok := switched.(*postgres.Journaled); !ok || !strings.Contains(where, db) || strings.Contains(where, c.Password) {
		t.Errorf("switched to %T at %q", switched, where)
	}
	if kept, ok := connect.Saved(prefs); !ok || kept != choice {
		t.Errorf("kept %+v, %v", kept, ok)
	}
	if pw, err := (connect.System{}).Get(choice.Key()); err != nil || pw != c.Password {
		t.Errorf("password in the credential store: %v", err)
	}
	for _, k := range []string{"shared_database"} {
		if strings.Contains(prefs.String(k), c.Password) {
			t.Error("the password is in the preferences")
		}
	}

	// Back to this PC's database: the window on a server's is told to switch.
	switched.Close()
	switched = nil
	h.u.dbPath = where
	h.u.useLocal()
	h.waitFor("the switch back", func() bool { return switched != nil })
	defer switched.Close()
	if _, ok := switched.(store.Files); !ok {
		t.Errorf("switched back to %T", switched)
	}
	if _, ok := connect.Saved(prefs); ok {
		t.Error("the shared database is still chosen")
	}
}

type failingSecrets struct{}

func (failingSecrets) Get(string) (string, error) { return "", errors.New("no store") }
func (failingSecrets) Set(string, string) error {
	return &exec.Error{Name: "dbus-launch", Err: exec.ErrNotFound}
}
func (failingSecrets) Delete(string) error { return nil }

// With no credential store the clerk is told the password is not kept; the
// system's English words stand apart, labelled as the system's, as the other
// messages show them, not run on in the Chinese sentence.
func TestPasswordNotKeptSaysWhoseWordsTheEnglishAre(t *testing.T) {
	h := newHarness(t, nil)
	h.u.secrets = failingSecrets{}
	note := h.u.keepPassword(connect.Choice{Host: "127.0.0.1", Port: 5432, Database: "d", User: "u"}, "pw", true)
	if !strings.Contains(note, "密码没有保存在本机") || !strings.Contains(note, "（系统的说明：exec: \"dbus-launch\"") {
		t.Errorf("the note reads %q", note)
	}
}

// On a shared database the list's status line says which one, without the
// password: after 连接共享数据库 it said only 共 0 份年报, as on this PC's.
func TestListStatusNamesTheSharedDatabase(t *testing.T) {
	h := newHarness(t, nil)
	h.u.dbPath = "postgres://nianbao_ab12:xxxxx@192.168.1.10:5432/nianbao?sslmode=verify-full"
	h.u.ShowList()
	h.waitFor("the list", func() bool { return strings.Contains(h.u.statusText.Text, "份年报") })
	if got := h.u.statusText.Text; got != "共享数据库 nianbao_ab12@192.168.1.10:5432/nianbao：共 0 份年报" {
		t.Errorf("status %q", got)
	}
}
