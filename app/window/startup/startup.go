// Package startup is what happens before the window is there and as it
// goes: the display and OpenGL are probed before Fyne's driver starts (a
// failure is a Chinese message box, never a panic or an invisible process),
// the window is fitted to the screen and put back where it was left, Fyne
// speaks Chinese, the fonts are read ahead, and the end of the session is
// caught from the first moment. It never calls fyne.Do: the window's one
// owner of it (app/window, run.go) hands in what must run on Fyne's loop.
package startup

import (
	_ "embed"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// Fyne's own words (dialog buttons, the file dialog) in Chinese whatever the
// system's language, since every word the users see is Chinese.
//
//go:embed fyne_zh.json
var fyneChinese []byte

// WarmFonts reads the theme's regular and bold fonts on two goroutines while
// the window and the database open: parsing the large Chinese fonts is most of
// the start-up time. Wait before building widgets, so no font is read twice.
func WarmFonts() *sync.WaitGroup {
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

// ChineseLocale tells Fyne the window's language where the system's locale
// is C or POSIX (servers, CI, some minimal desktops): Fyne parses it again on
// every change of translations and complains in English on stderr each time,
// and the window is Chinese whatever the locale anyway.
func ChineseLocale() {
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

// UseChinese makes Fyne's built-in words Chinese for every system language:
// the translation stands for English, the fallback, and for Chinese itself.
func UseChinese() {
	for _, l := range []fyne.Locale{"en", "zh-Hans"} {
		if err := lang.AddTranslationsForLocale(fyneChinese, l); err != nil {
			fyne.LogError("loading Chinese words", err)
		}
	}
}

// QuitTimeout bounds how long a quit on a signal waits for the event loop.
const QuitTimeout = 3 * time.Second

// Signals catches the end of the session and kill(1) from the start: a signal
// that comes while the window is still being built waits for Handle, instead
// of going to Fyne's own handler, whose loop is not running yet.
type Signals struct{ c chan os.Signal }

// CatchSignals starts catching SIGTERM, SIGINT and SIGHUP.
func CatchSignals() *Signals {
	s := &Signals{c: make(chan os.Signal, 1)}
	signal.Notify(s.c, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	return s
}

// Stop stops catching them.
func (s *Signals) Stop() { signal.Stop(s.c) }

// Handle waits, on a goroutine of its own, for the first signal: it saves the
// last edit at once (Fyne quits on SIGINT and SIGTERM by itself, dropping what
// is queued for its loop), then has the loop quit; a loop that does not end in
// QuitTimeout is not waited for. quit asks Fyne's loop to quit (the caller
// owns fyne.Do); it is called only for SIGHUP and only while loopDone is open:
// once the loop has ended, running on it would panic.
func (s *Signals) Handle(save func() error, quit func(), loopDone <-chan struct{}) {
	go func() {
		sig, ok := <-s.c
		if !ok {
			return
		}
		if err := save(); err != nil {
			fmt.Fprintf(os.Stderr, "退出前未能保存：%v\n", err)
		}
		time.AfterFunc(QuitTimeout, func() { os.Exit(0) })
		select {
		case <-loopDone:
		default:
			if sig == syscall.SIGHUP {
				quit()
			}
		}
	}()
}
