package window

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"nianbao/data/report"
	"nianbao/data/store"
)

// autosaveDelay is how long after the last edit the report is saved: long
// enough not to write on every keystroke, short enough that a killed program
// loses at most about a second.
const autosaveDelay = 700 * time.Millisecond

// autosaver is the save state of the open report. Only the UI goroutine uses it.
type autosaver struct {
	delay    time.Duration
	timer    *time.Timer
	timerGen uint64 // a timer that fires after a newer edit is ignored

	dirty     bool   // edits not yet in the store
	edits     uint64 // counts edits; a save covers those up to its snapshot
	saving    bool   // a save is on its way to the store
	again     bool   // another save was asked for meanwhile
	againKind store.SaveKind
	waiters   []func(error) // told when the edits so far are saved, or not

	conflict   string // the agency and year of the conflict last shown, so it is shown once
	otherShown bool   // a save over another window's save was explained (once per report opened)
}

func (a *autosaver) stopTimer() {
	a.timerGen++
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
}

// reset forgets the state of the report that was open.
func (a *autosaver) reset() {
	a.stopTimer()
	a.dirty, a.again, a.conflict, a.otherShown = false, false, "", false
}

// exitSaver keeps the newest unsaved edit where a signal handler can reach
// it: when the session ends (SIGTERM), Fyne stops its event loop on its own,
// dropping whatever was queued for it, so the last edit is saved from the
// signal's goroutine at once; edits the loop still handles before it ends are
// saved by shutdown. Its mutex is also held by every store job, so that no
// older save lands after that last one. It keeps the revision of the open
// report that the next save edits, which every save (on any goroutine) updates.
type exitSaver struct {
	mu      sync.Mutex
	id      int64
	rev     int64          // the revision of report id the editor shows (see store.Update)
	r       *report.Report // nil when everything is saved
	invalid map[string]string
	gen     uint64
	stopped bool // the signal's save is done: queued store jobs are dropped
}

// storeSave saves report r with its invalid cell texts as report id, over the
// revision the editor has. The caller holds u.exit.mu.
func (u *ui) storeSave(id int64, r *report.Report, invalid map[string]string, kind store.SaveKind) (store.Saved, error) {
	e := &u.exit
	if e.id != id {
		return store.Saved{}, fmt.Errorf("报告（编号 %d）已不是打开的年报", id)
	}
	saved, err := u.st.Update(id, e.rev, r, kind, invalid)
	if err == nil {
		e.rev = saved.Revision
	}
	return saved, err
}

// opened notes the revision of the report the editor now shows.
func (u *ui) opened(id, rev int64) {
	u.exit.mu.Lock()
	u.exit.id, u.exit.rev, u.exit.r, u.exit.invalid = id, rev, nil, nil
	u.exit.mu.Unlock()
}

// resetSave forgets the save state of the report that was open.
func (u *ui) resetSave() {
	u.autosave.reset()
	u.exit.mu.Lock()
	u.exit.r = nil
	u.exit.mu.Unlock()
}

// saveOnSignal writes the newest unsaved edit and drops the queued store jobs.
// Any goroutine may call it.
func (u *ui) saveOnSignal() error {
	e := &u.exit
	e.mu.Lock()
	defer e.mu.Unlock()
	e.stopped = true
	if e.r == nil {
		return nil
	}
	r := e.r
	e.r = nil
	if _, err := u.storeSave(e.id, r, e.invalid, store.SaveAuto); err != nil {
		return &saveError{r: r, err: err}
	}
	return nil
}

// markSaved notes that the edits up to gen are in the store.
func (u *ui) markSaved(gen uint64) {
	u.exit.mu.Lock()
	if u.exit.gen == gen {
		u.exit.r = nil
	}
	u.exit.mu.Unlock()
}

// edited is the editor's OnChanged: note the edit and save once typing pauses.
func (u *ui) edited() {
	a := &u.autosave
	a.edits++
	a.dirty = true
	u.updateCounts()
	if u.id == 0 {
		return
	}
	u.exit.mu.Lock()
	u.exit.r, u.exit.invalid, u.exit.gen = u.editor.Report(), u.editor.InvalidTexts(), a.edits
	u.exit.mu.Unlock()
	a.stopTimer()
	gen := a.timerGen
	a.timer = time.AfterFunc(a.delay, func() {
		u.post(func() {
			if gen == a.timerGen {
				u.save(store.SaveAuto, nil)
			}
		})
	})
}

// saveManual is Ctrl+S and the 保存 button: save now, as a version of its own.
func (u *ui) saveManual() {
	if u.id != 0 {
		u.save(store.SaveManual, nil)
	}
}

// flush saves what is not saved yet, then runs then; when the save fails it
// says why and does not run then, so the edit stays where it is.
func (u *ui) flush(then func()) {
	u.save(store.SaveAuto, func(err error) {
		if err != nil {
			u.showError("这份年报还没能保存", err)
			return
		}
		then()
	})
}

// leaveReport saves the open report before another one is opened.
func (u *ui) leaveReport(then func()) { u.flush(then) }

// save writes the editor's report to the store. An automatic save with
// nothing new writes nothing; a manual one always writes a version. done,
// when given, is told once every edit made so far is saved (or not).
func (u *ui) save(kind store.SaveKind, done func(error)) {
	a := &u.autosave
	if done != nil {
		a.waiters = append(a.waiters, done)
	}
	if u.id == 0 {
		u.finishSave(nil)
		return
	}
	if a.saving {
		if !a.again || kind == store.SaveManual {
			a.againKind = kind
		}
		a.again = true
		return
	}
	if !a.dirty && kind == store.SaveAuto {
		u.finishSave(nil)
		return
	}
	a.stopTimer()
	id, r, invalid, gen := u.id, u.editor.Report(), u.editor.InvalidTexts(), a.edits
	a.saving = true
	u.setStatus("正在保存…")
	var saved store.Saved
	u.background(func() error {
		var err error
		saved, err = u.storeSave(id, r, invalid, kind)
		return err
	}, func(err error) {
		a.saving = false
		if id != u.id { // the report was closed meanwhile (deleted)
			u.finishSave(err)
			return
		}
		u.saved(r, gen, saved, err)
		if a.again && err == nil {
			a.again = false
			u.save(a.againKind, nil)
			return
		}
		a.again = false
		u.finishSave(err)
	})
}

// saved shows the outcome of a save of the report r, snapshot after edit gen.
func (u *ui) saved(r *report.Report, gen uint64, saved store.Saved, err error) {
	a := &u.autosave
	if err != nil {
		if errors.Is(err, store.ErrConflict) {
			u.setStatusError(fmt.Sprintf("未保存：已有另一份“%s%d年度”的年报，请修改机关名称或报告年度", r.Agency, r.Year))
		} else {
			u.setStatusError("未保存：" + err.Error())
		}
		if errors.Is(err, store.ErrConflict) {
			key := fmt.Sprintf("%s|%d", r.Agency, r.Year)
			if a.conflict != key {
				a.conflict = key
				u.showMessage("无法保存", saveErrorText(r, err))
			}
		}
		return
	}
	a.conflict = ""
	if a.edits == gen {
		a.dirty = false
	}
	u.markSaved(gen)
	u.setStatus("已保存 " + saved.At.Local().Format("15:04:05"))
	if saved.Conflict != nil {
		u.showOtherSave(r, saved.Conflict)
	}
	if t := fmt.Sprintf("%s%d年度", r.Agency, r.Year); t != u.title {
		u.setTitle(r)
		u.reloadPrevious(r.Agency, r.Year)
		u.loadSameYear(u.id, r.Agency, r.Year)
	}
}

// reloadPrevious gives the editor the previous year of a report whose agency
// or year was changed, so that R5 and R6 compare against the right report.
func (u *ui) reloadPrevious(agency string, year int) {
	id := u.id
	var prev *report.Report
	u.background(func() (err error) {
		prev, err = u.st.Previous(agency, year)
		return err
	}, func(err error) {
		if err != nil || id != u.id {
			return
		}
		u.editor.SetPrevious(prev)
	})
}

// finishSave tells the waiters how the save went.
func (u *ui) finishSave(err error) {
	ws := u.autosave.waiters
	u.autosave.waiters = nil
	for _, w := range ws {
		w(err)
	}
}

// saveErrorText explains a failed save; a conflict says what to change.
// saveError is a failed save as the user reads it (saveErrorText), keeping
// its cause for errors.Is: a conflict stays a store.ErrConflict.
type saveError struct {
	r   *report.Report
	err error
}

func (e *saveError) Error() string { return saveErrorText(e.r, e.err) }
func (e *saveError) Unwrap() error { return e.err }

func saveErrorText(r *report.Report, err error) string {
	if errors.Is(err, store.ErrConflict) {
		return fmt.Sprintf("数据库中已有另一份“%s%d年度”的年报，两份年报的机关名称和报告年度不能相同。"+
			"请修改机关名称或报告年度；改好之前，修改只保留在编辑器中，不会保存。", r.Agency, r.Year)
	}
	return err.Error()
}

// saveNowSync writes unsaved edits from the UI goroutine; the worker must be
// stopped, so that no older save can land after this one. Used on close.
func (u *ui) saveNowSync(kind store.SaveKind) error {
	a := &u.autosave
	if u.id == 0 || !a.dirty {
		return nil
	}
	u.exit.mu.Lock()
	defer u.exit.mu.Unlock()
	// Also after a signal's save: edits the loop handled after the signal
	// came (keys already typed) are in the editor, and only there.
	r := u.editor.Report()
	if _, err := u.storeSave(u.id, r, u.editor.InvalidTexts(), kind); err != nil {
		return &saveError{r: r, err: err}
	}
	a.dirty = false
	u.exit.r = nil
	return nil
}
