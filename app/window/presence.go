package window

import (
	"fmt"
	"sync"
	"time"

	"nianbao/data/report"
	"nianbao/data/store"
)

// watchEvery is how often the window looks whether another window or
// program has the open report too, and whether it has saved it since.
const watchEvery = 2 * time.Second

// presence is the window's note that it has a report open (store.Hold), and
// what it has seen of the others on that report. The UI goroutine's.
type presence struct {
	hold   store.Hold
	id     int64 // the report held
	others int   // the others seen last
	behind int64 // the other's revision last told about while this window had edits of its own

	stop     chan struct{}
	stopOnce sync.Once
}

// startWatch starts looking every interval at the others on the open report.
func (u *ui) startWatch(interval time.Duration) {
	u.presence.stop = make(chan struct{})
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-u.presence.stop:
				return
			case <-t.C:
				u.post(u.watchTick)
			}
		}
	}()
}

// stopWatch stops the looking and lets go of the open report.
func (u *ui) stopWatch() {
	u.presence.stopOnce.Do(func() {
		if u.presence.stop != nil {
			close(u.presence.stop)
		}
	})
	u.releaseHold()
}

// holdReport notes that the window has report id open; when another window
// or program has it open too, the user is told at once.
func (u *ui) holdReport(id int64) {
	p := &u.presence
	if p.hold != nil && p.id == id {
		return
	}
	u.releaseHold()
	var h store.Hold
	n := 0
	u.Background(func() error {
		var err error
		if h, err = u.st.Hold(id); err != nil {
			return err
		}
		n, err = h.Others()
		return err
	}, func(err error) {
		if err != nil {
			if h != nil {
				h.Release()
			}
			u.SetStatusError("无法查看这份年报是否在别处打开：" + err.Error())
			return
		}
		if u.id != id || u.saver.Stopped() { // another report was opened meanwhile
			h.Release()
			return
		}
		p.hold, p.id, p.others, p.behind = h, id, n, 0
		if n > 0 {
			u.ShowMessage(openElsewhereTitle, fmt.Sprintf("“%s”正在另一个窗口（或另一个年报程序）中打开。\n\n"+
				"另一处保存的修改会随时显示在本窗口中；两处同时修改时，后保存的一处会把另一处的内容另存为历史版本，不会丢失。"+
				"为免混乱，请只在一处修改。", u.title))
			u.SetStatusError(openElsewhereTitle)
		}
	})
}

// openElsewhereTitle is what the window says of a report open elsewhere too.
const openElsewhereTitle = "该年报正在另一窗口中编辑"

// releaseHold lets go of the report held, if any.
func (u *ui) releaseHold() {
	p := &u.presence
	if p.hold != nil {
		p.hold.Release()
	}
	p.hold, p.id, p.others, p.behind = nil, 0, 0, 0
}

// watchTick looks at the others on the open report: a window that opened
// it since is told in the status line; a save of theirs is shown in the
// editor when this window has no edits of its own waiting.
func (u *ui) watchTick() {
	if u.saver.Stopped() {
		u.stopWatch()
		return
	}
	p := &u.presence
	id, h := u.id, p.hold
	if id <= 0 || h == nil || p.id != id {
		return
	}
	var n int
	var rev int64
	u.Background(func() error {
		var err error
		if n, err = h.Others(); err != nil {
			return err
		}
		rev, err = u.st.Revision(id)
		return err
	}, func(err error) {
		if err != nil || id != u.id || p.hold != h {
			return // a report deleted meanwhile is the list's to say
		}
		if n > 0 && p.others == 0 {
			u.SetStatusError("该年报也在另一窗口中打开；另一处保存的修改会显示在这里")
		}
		p.others = n
		if rev > u.saver.Revision() {
			u.showOthersSave(id, rev)
		}
	})
}

// showOthersSave shows the content another window saved as revision rev of
// report id, unless this window has edits not yet saved: those are saved
// over it as every save is (the other's kept as a version), and the user
// is told once.
func (u *ui) showOthersSave(id, rev int64) {
	p := &u.presence
	if u.saver.Dirty() || u.saver.Saving() {
		if p.behind != rev {
			p.behind = rev
			u.SetStatusError("另一窗口刚保存了这份年报；本窗口的修改保存时，另一处的内容将另存为历史版本")
		}
		return
	}
	var l store.Loaded
	var prev *report.Report
	u.Background(func() (err error) {
		l, prev, err = u.load(id)
		return err
	}, func(err error) {
		if err != nil || id != u.id || u.saver.Dirty() || u.saver.Saving() || l.Revision <= u.saver.Revision() {
			return
		}
		r := l.Report
		u.saver.Open(id, l.Revision, r)
		u.editor.SetReport(r, prev)
		u.editor.SetInvalidTexts(l.Invalid)
		u.pv.Now()
		u.setTitle(r)
		u.updateCounts()
		if u.chartsTab != nil {
			u.chartsTab.reportChanged()
		}
		u.SetStatus("已显示另一窗口 " + l.SavedAt.Local().Format("15:04:05") + " 保存的修改")
	})
}
