// Package window is the program's window: the list of stored reports and
// the editor, with the rooms it opens into, each a package of its own behind a
// small interface (see README.md there): startup (display probe, no-OpenGL
// message, signals), saving (the one saver of the open report), export (the
// one path of every export and print), printout, preview, history, backups
// and combineview (汇总). This package is the only one that calls fyne.Do
// (here, in run.go): every room comes back to the UI goroutine through the
// post function it is given.
package window

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/buildinfo"
	"nianbao/app/window/connect"
	"nianbao/app/window/kit"
	"nianbao/app/window/startup"
	"nianbao/assets"
	"nianbao/data/store"
	"nianbao/data/store/postgres"
	"nianbao/data/store/sqlite"
	"nianbao/data/syserr"
	"nianbao/forms/apptheme"
)

// appID is the application ID of FyneApp.toml: the home of preferences and storage.
const appID = "cn.nianbao.desktop"

// The window's garbage collection: the heap's growth over what is live before
// a collection (debug.SetGCPercent) and its soft limit (debug.SetMemoryLimit).
const (
	gcPercent   = 25
	memoryLimit = 128 << 20
)

// Run opens the window on the database at dbPath ("" for the default one)
// and returns when the window is closed. A database that cannot be opened is
// explained in the window; the error is returned too.
func Run(dbPath string, open []string) error {
	return run(dbPath, open, startup.Probe, startup.Alert)
}

// run is Run with the display probe and the alert replaceable by tests.
func run(dbPath string, open []string, probe func() (startup.Screen, error), alert func(title, text string)) (err error) {
	// A failure before the first window is shown where a user who
	// double-clicked the program sees it (later ones have the window).
	shown := false
	var fontsReady *sync.WaitGroup
	defer func() {
		if r := recover(); r != nil {
			if shown {
				panic(r)
			}
			if fontsReady != nil {
				fontsReady.Wait() // no font reader left behind (the tests run on)
			}
			err = fmt.Errorf("年报程序启动时出错：%v", r)
			alert("年报程序无法启动", err.Error())
		}
	}()
	startup.ChineseLocale()
	startup.OwnFontsOnly()   // before any text is measured
	log.SetOutput(os.Stderr) // cn.nianbao/quietstart kept Fyne quiet for the command line
	signals := startup.CatchSignals()
	defer signals.Stop()
	// The Go heap of a window left open all day: collected when it has grown
	// by a quarter (not doubled) over what is live, some 20–30 MB in a working
	// day once the fonts are read from the program file and the system's are
	// left alone, and kept under a soft limit, before which the runtime
	// collects and hands memory back (issue 19 point 13). With so little live
	// a collection takes a few milliseconds; a quarter against a half lowered
	// every step of the measured day by about 6 MB.
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(memoryLimit)
	a := app.NewWithID(appID)
	// Reading the fonts leaves tens of MB of garbage; give it back to the
	// system once the window is up rather than whenever the runtime gets to it.
	var afterShow func() // set once the store has said where the window was
	a.Lifecycle().SetOnStarted(func() {
		if afterShow != nil {
			afterShow()
		}
		go func() {
			time.Sleep(time.Second)
			kit.ReleaseMemory()
		}()
	})
	a.Settings().SetTheme(apptheme.New())
	// A plain `go build` carries no FyneApp.toml metadata: the window's icon comes from here.
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	fontsReady = startup.WarmFonts() // on other cores while the driver starts
	// Before Fyne's driver starts: a missing display or OpenGL is explained,
	// not a panic or an invisible process (see startup.Probe).
	scr, err := probe()
	if err != nil {
		fontsReady.Wait()
		alert("年报程序无法启动", err.Error())
		return err
	}
	startup.UseChinese()
	w := a.NewWindow(buildinfo.Name)

	// Without --db (and NIANBAO_DB): the shared database chosen last on this
	// PC, with its password from the system's credential store. When there is
	// no password kept, or the server cannot be reached, the window opens on
	// this PC's database and asks or says why (after the start).
	server := postgres.IsURL(dbPath)
	saved, chosen := connect.Choice{}, false
	if dbPath == "" {
		saved, chosen = connect.Saved(a.Preferences())
	}
	var askPassword bool
	if chosen {
		pw, err := connect.System{}.Get(saved.Key())
		askPassword = err != nil
		if err == nil {
			dbPath, server = saved.URL(pw), true
		}
	}
	st, err := openStore(&dbPath)
	var savedErr error // the shared database chosen last failed: this PC's is opened
	if err != nil && chosen && server {
		savedErr, dbPath, server = err, "", false
		st, err = openStore(&dbPath)
	}
	if err != nil {
		return startFailure(a, w, err, server)
	}
	afterShow = startup.Place(w, scr, startup.LoadGeometry(st.Setting))
	var left startup.Geometry // the window as the user leaves it
	// Called as the window closes, while it still exists (the close button and
	// 文件 → 退出 both close it through ui.close).
	w.SetOnClosed(func() { left = startup.Current(w) })

	fontsReady.Wait()
	// u is the window on the database in use: 文件 → 数据库 → 连接共享数据库 and 使用本机
	// 数据库 make a new one on the same window (begin), once the old one has
	// saved and closed its store.
	var u *ui
	var current atomic.Pointer[ui] // u, for the signal's goroutine
	var begin func(st store.Store, where string)
	begin = func(st store.Store, where string) {
		u = newUI(a, chineseDialogs(w), st, fyne.Do)
		current.Store(u)
		if f, ok := st.(store.Files); ok {
			f.OnWait(func(m string) { fyne.Do(func() { u.SetStatus(m) }) }) // a save waits for a restore
		}
		u.dbPath = where
		u.switchTo = func(next store.Store, where string) {
			if err := u.leave(); err != nil {
				next.Close()
				u.ShowError("无法切换数据库", err)
				return
			}
			begin(next, where)
		}
		u.start()
	}
	begin(st, dbPath)
	defer func() { u.st.Close() }()
	u.importPaths(open) // the files the program was opened with
	switch {
	case savedErr != nil:
		connect.Failed(u.win, saved, savedErr, func() { connect.Show(u.win, saved, u.connectTo) }, u.useLocal)
	case askPassword:
		connect.AskPassword(u.win, saved, func(pw string, remember bool) { u.connectTo(saved, pw, remember) }, u.useLocal)
	}

	// The end of the session or kill(1): the last edit is saved at once, then
	// Fyne's loop quits (through fyne.Do, whose one owner this file is).
	loopDone := make(chan struct{})
	signals.Handle(func() error { return current.Load().saver.SaveOnSignal() }, func() { fyne.Do(a.Quit) }, loopDone)

	if err := startup.ShowWindow(w); err != nil {
		alert("年报程序无法启动", err.Error())
		return err
	}
	shown = true
	stopTrim := make(chan struct{})
	go kit.TrimEvery(15*time.Second, stopTrim)
	a.Run()
	close(stopTrim)
	close(loopDone)
	u.stopWatch() // however the loop ended: the report open is let go
	writeHeapProfile(dbPath)
	runtime.KeepAlive(u) // the profile counts the window's objects
	if left.Width > 0 {
		if err := u.st.SetSetting(startup.SettingWindow, left.Encode()); err != nil {
			fmt.Fprintf(os.Stderr, "未能记住窗口的大小：%v\n", err)
		}
	}
	err = u.saver.Shutdown()
	if j, ok := u.st.(*postgres.Journaled); ok && j.Pending() > 0 {
		alert("修改暂存在本机", fmt.Sprintf("有 %d 份报告的修改暂存在本机，还没有保存到数据库服务器 %s。\n\n"+
			"下次启动年报程序并连接到服务器时会自动保存（其他人在此期间的保存也会保留为历史版本）。", j.Pending(), u.dbPath))
	}
	if err != nil {
		return fmt.Errorf("退出前未能保存：%w", err)
	}
	return nil
}

// startFailure shows why the program cannot start, then returns err when the
// user has closed the window.
func startFailure(a fyne.App, w fyne.Window, err error, server bool) error {
	hint := "数据库文件可能已损坏，或由更新版本的年报程序创建。请先备份这个文件，再联系技术支持；也可以用 --db 选项指定另一个数据库文件。"
	if server {
		hint = "请按上面的说明检查后再启动；也可以不加 --db（并清除环境变量 NIANBAO_DB）启动，使用本机数据库。"
	}
	msg := widget.NewLabel(syserr.Text(err) + "\n\n" + hint)
	msg.Wrapping = fyne.TextWrapWord
	msg.Selectable = true
	title := widget.NewLabelWithStyle("年报程序无法启动", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	quit := widget.NewButton("关闭", a.Quit)
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(title, container.NewHBox(layout.NewSpacer(), quit), nil, nil, msg))
	w.Resize(fyne.NewSize(640, 280))
	if serr := startup.ShowWindow(w); serr != nil {
		startup.Alert("年报程序无法启动", serr.Error()+"\n\n"+err.Error())
		return serr
	}
	a.Run()
	return err
}

// journalRetry is how often saves kept on the PC are sent to the server again.
const journalRetry = 10 * time.Second

// openStore opens the store at *where: a PostgreSQL server's database for a
// postgres:// address (shown without its password), else the database file
// ("" for the default one, whose path *where then holds).
func openStore(where *string) (store.Store, error) {
	if postgres.IsURL(*where) {
		// Saves that cannot reach the server wait in a journal beside the
		// local database, and are sent every retry and at the next start.
		dir := ""
		if p, err := sqlite.DefaultPath(); err == nil {
			dir = filepath.Dir(p)
		}
		st, err := postgres.OpenJournaled(*where, dir, journalRetry)
		*where = postgres.Redact(*where)
		if err != nil {
			return nil, err
		}
		return st, nil
	}
	if *where == "" {
		p, err := sqlite.DefaultPath()
		if err != nil {
			return nil, fmt.Errorf("无法确定数据库的位置：%w", err)
		}
		*where = p
	}
	st, err := sqlite.Open(*where)
	if err != nil {
		return nil, fmt.Errorf("无法打开数据库 %s：%w", *where, err)
	}
	return st, nil
}
