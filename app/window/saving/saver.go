// Package saving is the window's one saver of the open report: the pause
// after typing before a save (debounce), the revision each save edits (a save
// over another window's is kept as a version and told once), a conflict of
// agency and year (told once, the edit kept in the editor), the store's one
// goroutine on which every store job runs in order, and the final save on
// exit: at once on a signal, and again when Fyne's loop has ended.
//
// A Saver is used from the UI goroutine, except SaveOnSignal, which any
// goroutine may call. It comes back to the UI goroutine only through the
// host's Post.
package saving

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"nianbao/data/report"
	"nianbao/data/store"
)

// Delay is how long after the last edit the report is saved: long enough not
// to write on every keystroke, short enough that a killed program loses at
// most about a second.
const Delay = 700 * time.Millisecond

// TimeFormat is how the window writes the time of a save (历史版本 too).
const TimeFormat = "2006-01-02 15:04:05"

// Store is what the saver needs of the store.
type Store interface {
	Update(id, base int64, r *report.Report, kind store.SaveKind, invalid map[string]string) (store.Saved, error)
	Mark(id, base int64, kind store.SaveKind) error
}

// Editor is where the open report's edits are.
type Editor interface {
	Report() *report.Report
	InvalidTexts() map[string]string
}

// Host is what the saver tells the window.
type Host interface {
	// Post runs f on the UI goroutine.
	Post(f func())
	SetStatus(s string)
	SetStatusError(s string)
	ShowError(title string, err error)
	ShowMessage(title, msg string)
	// ShowOtherSave explains a save over another window's, offering 历史版本.
	ShowOtherSave(title, msg string)
	// Renamed is told that a saved report's agency or year changed.
	Renamed(r *report.Report)
}

// Saver saves the open report. Make it with New.
type Saver struct {
	st   Store
	ed   Editor
	host Host

	// The UI goroutine's: the save state of the open report.
	delay    time.Duration
	open     int64  // the report the editor shows; 0 for none
	name     string // its agency and year as last saved, to see a rename
	timer    *time.Timer
	timerGen uint64 // a timer that fires after a newer edit is ignored

	dirty     bool   // edits not yet in the store
	edits     uint64 // counts edits; a save covers those up to its snapshot
	saving    bool   // a save is on its way to the store
	again     bool   // another save was asked for meanwhile
	againKind store.SaveKind
	waiters   []func(error) // told when the edits so far are saved, or not

	// failed is the report of the last save that failed and the edit it
	// was a snapshot of: a journal that sends it later (Sent) makes it saved.
	failed struct {
		r   *report.Report
		gen uint64
	}

	conflict   string // the agency and year of the conflict last shown, so it is shown once
	otherShown bool   // a save over another window's save was explained (once per report opened)

	// The store's goroutine: jobs run in order, so that saves land in the
	// order they were made.
	jobs       chan func()
	workerDone chan struct{}
	closed     bool

	// exit keeps the newest unsaved edit where a signal handler can reach it:
	// when the session ends (SIGTERM), Fyne stops its event loop on its own,
	// dropping whatever was queued for it, so the last edit is saved from the
	// signal's goroutine at once; edits the loop still handles before it ends
	// are saved by Shutdown. Its mutex is also held by every store job, so
	// that no older save lands after that last one. It keeps the revision of
	// the open report that the next save edits, which every save (on any
	// goroutine) updates.
	exit struct {
		mu      sync.Mutex
		id      int64
		rev     int64          // the revision of report id the editor shows (see store.Update)
		r       *report.Report // nil when everything is saved
		invalid map[string]string
		gen     uint64
		stopped bool // the signal's save is done: queued store jobs are dropped
	}
}

// New makes the saver of the reports ed shows and starts the store's goroutine.
func New(st Store, ed Editor, host Host) *Saver {
	s := &Saver{st: st, ed: ed, host: host, delay: Delay}
	s.startWorker()
	return s
}

// SetDelay changes the pause after typing (tests shorten it).
func (s *Saver) SetDelay(d time.Duration) { s.delay = d }

func (s *Saver) startWorker() {
	s.closed = false
	s.jobs = make(chan func(), 64)
	s.workerDone = make(chan struct{})
	go s.worker()
}

// worker runs store jobs one after the other until jobs is closed. After
// the last save on a signal it runs none.
func (s *Saver) worker() {
	defer close(s.workerDone)
	for job := range s.jobs {
		s.exit.mu.Lock()
		if !s.exit.stopped {
			job()
		}
		s.exit.mu.Unlock()
	}
}

// Background runs work on the store's goroutine, in order with the saves,
// then done with its error on the UI goroutine. After Stop it runs nothing.
func (s *Saver) Background(work func() error, done func(error)) {
	if s.closed {
		return
	}
	s.jobs <- func() {
		err := work()
		if done != nil {
			s.host.Post(func() { done(err) })
		}
	}
}

// Pending is the number of store jobs waiting for the store's goroutine.
func (s *Saver) Pending() int { return len(s.jobs) }

// Stop lets the queued store jobs finish and ends the store's goroutine.
func (s *Saver) Stop() {
	if s.closed {
		return
	}
	s.closed = true
	close(s.jobs)
	<-s.workerDone
}

// Stopped says whether Stop was called (the window is closing or closed).
func (s *Saver) Stopped() bool { return s.closed }

// Revision is the revision of the open report the editor shows (the one
// its next save edits): a higher one in the store is another's save.
func (s *Saver) Revision() int64 {
	s.exit.mu.Lock()
	defer s.exit.mu.Unlock()
	return s.exit.rev
}

// Dirty says whether the open report has edits not yet in the store.
func (s *Saver) Dirty() bool { return s.dirty }

// Saving says whether a save is on its way to the store.
func (s *Saver) Saving() bool { return s.saving }

func (s *Saver) stopTimer() {
	s.timerGen++
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
}

// Forget drops the save state of the report that was open: its unsaved
// edits are not saved (the report was deleted, or the user chose to close
// without them).
func (s *Saver) Forget() {
	s.stopTimer()
	s.dirty, s.again, s.conflict, s.otherShown = false, false, "", false
	s.exit.mu.Lock()
	s.exit.r = nil
	s.exit.mu.Unlock()
}

// Open notes that the editor now shows report id, r, at revision rev.
func (s *Saver) Open(id, rev int64, r *report.Report) {
	s.Forget()
	s.open, s.name = id, reportName(r)
	s.exit.mu.Lock()
	s.exit.id, s.exit.rev, s.exit.r, s.exit.invalid = id, rev, nil, nil
	s.exit.mu.Unlock()
}

// Leave notes that no report is open any more.
func (s *Saver) Leave() {
	s.Forget()
	s.open, s.name = 0, ""
}

func reportName(r *report.Report) string {
	if r == nil {
		return ""
	}
	return fmt.Sprintf("%s%d年度", r.Agency, r.Year)
}

// storeSave saves report r with its invalid cell texts as report id, over the
// revision the editor has. The caller holds s.exit.mu.
func (s *Saver) storeSave(id int64, r *report.Report, invalid map[string]string, kind store.SaveKind) (store.Saved, error) {
	e := &s.exit
	if e.id != id {
		return store.Saved{}, fmt.Errorf("“%s%d年度”已不是打开的年报", r.Agency, r.Year)
	}
	saved, err := s.st.Update(id, e.rev, r, kind, invalid)
	if err == nil {
		e.rev = saved.Revision
	}
	return saved, err
}

// SaveOnSignal writes the newest unsaved edit and drops the queued store jobs.
// Any goroutine may call it.
func (s *Saver) SaveOnSignal() error {
	e := &s.exit
	e.mu.Lock()
	defer e.mu.Unlock()
	e.stopped = true
	if e.r == nil {
		return nil
	}
	r := e.r
	e.r = nil
	if _, err := s.storeSave(e.id, r, e.invalid, store.SaveClose); err != nil {
		return &saveError{r: r, err: err}
	}
	return nil
}

// markSaved notes that the edits up to gen are in the store.
func (s *Saver) markSaved(gen uint64) {
	s.exit.mu.Lock()
	if s.exit.gen == gen {
		s.exit.r = nil
	}
	s.exit.mu.Unlock()
}

// Edited notes an edit of the open report: it is saved once typing pauses.
func (s *Saver) Edited() {
	s.edits++
	s.dirty = true
	if s.open == 0 {
		return
	}
	s.exit.mu.Lock()
	s.exit.r, s.exit.invalid, s.exit.gen = s.ed.Report(), s.ed.InvalidTexts(), s.edits
	s.exit.mu.Unlock()
	s.stopTimer()
	gen := s.timerGen
	s.timer = time.AfterFunc(s.delay, func() {
		s.host.Post(func() {
			if gen == s.timerGen {
				s.Save(store.SaveAuto, nil)
			}
		})
	})
}

// SaveManual is Ctrl+S and the 保存 button: save now, as a version of its own.
func (s *Saver) SaveManual() {
	if s.open != 0 {
		s.Save(store.SaveManual, nil)
	}
}

// Flush saves what is not saved yet, then runs then; when the save fails it
// says why and does not run then, so the edit stays where it is.
func (s *Saver) Flush(then func()) {
	s.Save(store.SaveAuto, func(err error) {
		if err != nil {
			s.host.ShowError("这份年报还没能保存", err)
			return
		}
		then()
	})
}

// Save writes the editor's report to the store. An automatic save with
// nothing new writes nothing; a manual one always writes a version. done,
// when given, is told once every edit made so far is saved (or not).
func (s *Saver) Save(kind store.SaveKind, done func(error)) {
	if done != nil {
		s.waiters = append(s.waiters, done)
	}
	if s.open == 0 {
		s.finish(nil)
		return
	}
	if s.saving {
		if !s.again || kind == store.SaveManual {
			s.againKind = kind
		}
		s.again = true
		return
	}
	if !s.dirty && kind == store.SaveAuto {
		s.finish(nil)
		return
	}
	s.stopTimer()
	id, r, invalid, gen := s.open, s.ed.Report(), s.ed.InvalidTexts(), s.edits
	s.saving = true
	s.host.SetStatus("正在保存…")
	var saved store.Saved
	s.Background(func() error {
		var err error
		saved, err = s.storeSave(id, r, invalid, kind)
		return err
	}, func(err error) {
		s.saving = false
		if id != s.open { // the report was closed meanwhile (deleted)
			s.finish(err)
			return
		}
		s.saved(r, gen, saved, err)
		if s.again && err == nil {
			s.again = false
			s.Save(s.againKind, nil)
			return
		}
		s.again = false
		s.finish(err)
	})
}

// saved shows the outcome of a save of the report r, snapshot after edit gen.
func (s *Saver) saved(r *report.Report, gen uint64, saved store.Saved, err error) {
	if err != nil {
		if errors.Is(err, store.ErrConflict) {
			s.host.SetStatusError(fmt.Sprintf("未保存：已有另一份“%s%d年度”的年报，请修改机关名称或报告年度", r.Agency, r.Year))
			key := fmt.Sprintf("%s|%d", r.Agency, r.Year)
			if s.conflict != key {
				s.conflict = key
				s.host.ShowMessage("无法保存", saveErrorText(r, err))
			}
		} else {
			s.host.SetStatusError("未保存：" + err.Error())
		}
		s.failed.r, s.failed.gen = r, gen
		return
	}
	s.failed.r = nil
	s.conflict = ""
	if s.edits == gen {
		s.dirty = false
	}
	s.markSaved(gen)
	s.host.SetStatus("已保存 " + saved.At.Local().Format("15:04:05"))
	if saved.Conflict != nil {
		s.otherSave(r, saved.Conflict)
	}
	if name := reportName(r); name != s.name {
		s.name = name
		s.host.Renamed(r)
	}
}

// Sent is told that a save of report id which had failed was sent since
// (by the journal of a server's database, in the background): when it is the
// open report's last failed save and nothing was typed since, the report is
// saved, and the status line says so instead of keeping 未保存. Later edits
// are saved as usual.
func (s *Saver) Sent(id int64, saved store.Saved) {
	r := s.failed.r
	if id != s.open || r == nil || s.saving || s.edits != s.failed.gen {
		return
	}
	s.failed.r = nil
	s.exit.mu.Lock()
	if s.exit.id == id {
		s.exit.rev = saved.Revision
	}
	s.exit.mu.Unlock()
	s.saved(r, s.failed.gen, saved, nil)
	if saved.Conflict == nil { // else the status line says the other save was kept
		s.host.SetStatus("已保存 " + saved.At.Local().Format("15:04:05") + "（暂存在本机的修改已送到服务器）")
	}
}

// otherSave explains a save over a revision this window had not seen:
// another window or program saved the same report. Both contents are kept.
// The dialog is shown once per report opened; the status line every time.
func (s *Saver) otherSave(r *report.Report, c *store.Conflict) {
	at := c.Version.SavedAt.Local().Format(TimeFormat)
	s.host.SetStatusError(fmt.Sprintf("已保存；另一处在 %s 保存的内容已另存为历史版本", at))
	if s.otherShown {
		return
	}
	s.otherShown = true
	s.host.ShowOtherSave("同一份年报在两处被修改", fmt.Sprintf("“%s%d年度”在另一个窗口或另一个年报程序中也打开并修改了（%s 保存）。\n\n"+
		"两边的修改都没有丢失：本窗口的内容已保存为当前内容，另一处的内容已保存为历史版本（保存时间 %s，保存方式“%s”）。\n\n"+
		"要比较或改用另一处的内容：点“查看历史版本”，在 %s 那一行点“比较”，看与当前内容有哪些不同；点“恢复”即改用它"+
		"（恢复前的当前内容同样保存为历史版本）。\n\n请不要在两处同时编辑同一份年报：另一处再保存时，本窗口的内容也会成为历史版本。",
		r.Agency, r.Year, at, at, c.Version.Kind.Label(), at))
}

// finish tells the waiters how the save went.
func (s *Saver) finish(err error) {
	ws := s.waiters
	s.waiters = nil
	for _, w := range ws {
		w(err)
	}
}

// saveError is a failed save as the user reads it (saveErrorText), keeping
// its cause for errors.Is: a conflict stays a store.ErrConflict.
type saveError struct {
	r   *report.Report
	err error
}

func (e *saveError) Error() string { return saveErrorText(e.r, e.err) }
func (e *saveError) Unwrap() error { return e.err }

// saveErrorText explains a failed save; a conflict says what to change.
func saveErrorText(r *report.Report, err error) string {
	if errors.Is(err, store.ErrConflict) {
		return fmt.Sprintf("数据库中已有另一份“%s%d年度”的年报，两份年报的机关名称和报告年度不能相同。"+
			"请修改机关名称或报告年度；改好之前，修改只保留在编辑器中，不会保存。", r.Agency, r.Year)
	}
	return err.Error()
}

// saveSync writes unsaved edits from the UI goroutine; the store's goroutine
// must be stopped, so that no older save can land after this one.
func (s *Saver) saveSync(kind store.SaveKind) error {
	if s.open == 0 {
		return nil
	}
	s.exit.mu.Lock()
	defer s.exit.mu.Unlock()
	if !s.dirty {
		if kind != store.SaveAuto && s.exit.id == s.open {
			// Nothing new: the content saved last is labelled by the close,
			// unless another window has saved since (that is not this one's).
			s.st.Mark(s.open, s.exit.rev, kind) // a label only: not worth keeping the window for
		}
		return nil
	}
	// Also after a signal's save: edits the loop handled after the signal
	// came (keys already typed) are in the editor, and only there.
	r := s.ed.Report()
	if _, err := s.storeSave(s.open, r, s.ed.InvalidTexts(), kind); err != nil {
		return &saveError{r: r, err: err}
	}
	s.dirty = false
	s.exit.r = nil
	return nil
}

// Close saves the last edits as the window closes (a save of kind
// SaveClose, which 历史版本 lists as 关闭时保存): the store's goroutine
// ends first. When the save fails (a conflict, a full disk) the goroutine is
// started again, so that the window can stay and nothing is lost.
func (s *Saver) Close() error {
	s.stopTimer()
	s.Stop()
	if err := s.saveSync(store.SaveClose); err != nil {
		s.startWorker()
		return err
	}
	return nil
}

// Shutdown runs on the main goroutine once the event loop has ended, however
// it ended (the window closed, or Fyne quit on a signal): the last edits are
// saved if they are not yet.
func (s *Saver) Shutdown() error {
	s.stopTimer()
	s.Stop()
	return s.saveSync(store.SaveClose)
}
