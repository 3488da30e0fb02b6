// Package window is the program's window: the list of stored reports, the
// editor with its autosave, import and export, history, PDF, preview and
// printing. It is the only package that calls fyne.Do.
package window

import (
	_ "embed"
	"fmt"
	"log"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/buildinfo"
	"nianbao/assets"
	"nianbao/data/store"
	"nianbao/forms/apptheme"
)

// appID is the application ID of FyneApp.toml: the home of preferences and storage.
const appID = "cn.nianbao.desktop"

// Fyne's own words (dialog buttons, the file dialog) in Chinese whatever the
// system's language, since every word the users see is Chinese.
//
//go:embed fyne_zh.json
var fyneChinese []byte

// Run opens the window on the database at dbPath ("" for the default one)
// and returns when the window is closed. A database that cannot be opened is
// explained in the window; the error is returned too.
func Run(dbPath string) error { return run(dbPath, probeScreen, showAlert) }

// run is Run with the display probe and the alert replaceable by tests.
func run(dbPath string, probe func() (screen, error), alert func(title, text string)) (err error) {
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
	chineseLocale()
	log.SetOutput(os.Stderr) // cn.nianbao/quietstart kept Fyne quiet for the command line
	// The end of the session or kill(1) is caught from the start: a signal that
	// comes while the window is still being built waits here for the handler
	// below, instead of going to Fyne's own, whose loop is not running yet.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	defer signal.Stop(sig)
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
			debug.FreeOSMemory()
		}()
	})
	a.Settings().SetTheme(apptheme.New())
	// A plain `go build` carries no FyneApp.toml metadata: the window's icon comes from here.
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	fontsReady = warmFonts() // on other cores while the driver starts
	// Before Fyne's driver starts: a missing display or OpenGL is explained,
	// not a panic or an invisible process (see probeScreen).
	scr, err := probe()
	if err != nil {
		fontsReady.Wait()
		alert("年报程序无法启动", err.Error())
		return err
	}
	useChinese()
	w := a.NewWindow(buildinfo.Name)

	if dbPath == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return startFailure(a, w, fmt.Errorf("无法确定数据库的位置：%w", err))
		}
		dbPath = p
	}
	st, err := store.Open(dbPath)
	if err != nil {
		return startFailure(a, w, fmt.Errorf("无法打开数据库 %s：%w", dbPath, err))
	}
	defer st.Close()
	afterShow = placeWindow(w, scr, loadGeometry(st.Setting))
	var left geometry // the window as the user leaves it
	// Called as the window closes, while it still exists (the close button and
	// 文件 → 退出 both close it through ui.close).
	w.SetOnClosed(func() { left = windowGeometry(w) })

	fontsReady.Wait()
	u := newUI(a, chineseDialogs(w), st, fyne.Do)
	st.OnWait(func(m string) { fyne.Do(func() { u.setStatus(m) }) }) // a save waits for a restore
	u.dbPath = dbPath
	u.start()

	// The end of the session or kill(1): save the last edit at once (Fyne
	// quits on SIGINT and SIGTERM by itself, dropping what is queued for its
	// loop), then quit; a loop that does not end in time is not waited for.
	loopDone := make(chan struct{})
	go func() {
		s, ok := <-sig
		if !ok {
			return
		}
		if err := u.saveOnSignal(); err != nil {
			fmt.Fprintf(os.Stderr, "退出前未能保存：%v\n", err)
		}
		time.AfterFunc(quitTimeout, func() { os.Exit(0) })
		// Fyne quits by itself on TERM and INT; once its loop has ended,
		// fyne.Do would run Quit here, off the main thread, and panic.
		select {
		case <-loopDone:
		default:
			if s == syscall.SIGHUP {
				fyne.Do(a.Quit)
			}
		}
	}()

	if err := showWindow(w); err != nil {
		alert("年报程序无法启动", err.Error())
		return err
	}
	shown = true
	a.Run()
	close(loopDone)
	if left.Width > 0 {
		if err := st.SetSetting(settingWindow, left.encode()); err != nil {
			fmt.Fprintf(os.Stderr, "未能记住窗口的大小：%v\n", err)
		}
	}
	if err := u.shutdown(); err != nil {
		return fmt.Errorf("退出前未能保存：%w", err)
	}
	return nil
}

// quitTimeout bounds how long a quit on a signal waits for the event loop.
const quitTimeout = 3 * time.Second

// warmFonts reads the theme's regular and bold fonts on two goroutines while
// the window and the database open: parsing the large Chinese fonts is most of
// the start-up time. Wait before building widgets, so no font is read twice.
func warmFonts() *sync.WaitGroup {
	var wg sync.WaitGroup
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fyne.MeasureText("年报", theme.TextSize(), style)
		}()
	}
	return &wg
}

// useChinese makes Fyne's built-in words Chinese for every system language:
// the translation stands for English, the fallback, and for Chinese itself.
// chineseLocale tells Fyne the window's language where the system's locale
// is C or POSIX (servers, CI, some minimal desktops): Fyne parses it again on
// every change of translations and complains in English on stderr each time,
// and the window is Chinese whatever the locale anyway.
func chineseLocale() {
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(key)
		if v == "" {
			continue
		}
		base, _, _ := strings.Cut(v, ".")
		if base == "C" || base == "POSIX" {
			os.Setenv(key, "zh_CN.UTF-8")
		}
	}
}

func useChinese() {
	for _, l := range []fyne.Locale{"en", "zh-Hans"} {
		if err := lang.AddTranslationsForLocale(fyneChinese, l); err != nil {
			fyne.LogError("loading Chinese words", err)
		}
	}
}

// startFailure shows why the program cannot start, then returns err when the
// user has closed the window.
func startFailure(a fyne.App, w fyne.Window, err error) error {
	msg := widget.NewLabel(err.Error() + "\n\n数据库文件可能已损坏，或由更新版本的年报程序创建。请先备份这个文件，再联系技术支持；也可以用 --db 选项指定另一个数据库文件。")
	msg.Wrapping = fyne.TextWrapWord
	msg.Selectable = true
	title := widget.NewLabelWithStyle("年报程序无法启动", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	quit := widget.NewButton("关闭", a.Quit)
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(title, container.NewHBox(layout.NewSpacer(), quit), nil, nil, msg))
	w.Resize(fyne.NewSize(640, 280))
	if serr := showWindow(w); serr != nil {
		showAlert("年报程序无法启动", serr.Error()+"\n\n"+err.Error())
		return serr
	}
	a.Run()
	return err
}
