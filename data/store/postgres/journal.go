package postgres

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"nianbao/data/infile"
	"nianbao/data/outfile"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

// ErrJournaled is the error of an editor's save that could not reach the
// server: the edit is kept on the PC, in the journal, and saved when the
// server answers again.
var ErrJournaled = errors.New("未连接服务器，修改已暂存本机，恢复连接后自动保存")

// journalKind is the journal file as the opener reads it.
var journalKind = infile.Kind{Name: "暂存修改的文件", Limit: 256 << 20}

// Journaled is a server's database with a journal on the PC: an editor's
// save (Update) that cannot reach the server is kept in the journal and sent
// again, every retry and at the next opening, through the revision check
// (so that a newer save by someone else is never overwritten: both are kept).
// Mark and Revision follow the journal too; everything else is the DB's
// (Hold included: it counts no others while the server is away, and takes
// its lock once the server answers).
type Journaled struct {
	*DB
	path string // the journal file

	mu      sync.Mutex
	entries map[int64]entry    // by report id: the newest unsent edit of each report
	rebased map[int64][2]int64 // by report id: the editor's base → the revision its journaled edit became
	stop    chan struct{}
	done    chan struct{}
	sent    func(map[int64]store.Saved) // told of what a retry sent (OnSent); under mu
}

var _ store.Store = (*Journaled)(nil)

// entry is an editor's save waiting for the server.
type entry struct {
	Base    int64             `json:"base"`
	Kind    store.SaveKind    `json:"kind"`
	Report  json.RawMessage   `json:"report"`
	Invalid map[string]string `json:"invalid,omitempty"`
	At      time.Time         `json:"at"`
}

// JournalPath is the journal of the login of address in folder dir: one
// file per server, database and user.
func JournalPath(dir, address string) string {
	key := address
	if cfg, err := pgconn.ParseConfig(address); err == nil {
		key = fmt.Sprintf("%s:%d/%s/%s", cfg.Host, cfg.Port, cfg.Database, cfg.User)
	}
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(dir, "暂存-"+hex.EncodeToString(sum[:8])+".json")
}

// OpenJournaled opens the database at address with its journal in folder
// dir, sends what the journal holds from an earlier session, and keeps
// sending every retry what a save could not.
func OpenJournaled(address, dir string, retry time.Duration) (*Journaled, error) {
	db, err := Open(address)
	if err != nil {
		return nil, err
	}
	j := &Journaled{DB: db, path: JournalPath(dir, address), entries: map[int64]entry{}, rebased: map[int64][2]int64{},
		stop: make(chan struct{}), done: make(chan struct{})}
	if err := j.load(); err != nil {
		db.Close()
		return nil, err
	}
	j.Flush() // what an earlier session could not send; what fails stays for the retries
	go j.retry(retry)
	return j, nil
}

func (j *Journaled) load() error {
	data, err := infile.ReadFile(j.path, journalKind)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("无法读取本机暂存的修改 %s：%w", j.path, err)
	}
	if err := json.Unmarshal(data, &j.entries); err != nil {
		return fmt.Errorf("本机暂存的修改 %s 已损坏，无法读取（请把它交给技术人员）：%w", j.path, err)
	}
	return nil
}

// save writes the journal (the caller holds j.mu); an empty one is removed.
func (j *Journaled) save() error {
	if len(j.entries) == 0 {
		if err := os.Remove(j.path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("无法删除本机暂存的修改 %s：%w", j.path, err)
		}
		return nil
	}
	data, err := json.Marshal(j.entries)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(j.path), 0o700); err != nil {
		return fmt.Errorf("无法建立文件夹 %s：%w", filepath.Dir(j.path), err)
	}
	if err := outfile.Write(j.path, data, nil); err != nil {
		return fmt.Errorf("无法把修改暂存到本机 %s：%w", j.path, err)
	}
	return nil
}

// Update saves as the DB does; when the server cannot be reached, the edit
// is kept in the journal and ErrJournaled says so. An editor's base that its
// journaled edit has since been saved over is the revision that save made.
func (j *Journaled) Update(id, base int64, r *report.Report, kind store.SaveKind, invalid map[string]string) (store.Saved, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if rb, ok := j.rebased[id]; ok && rb[0] == base {
		base = rb[1]
	}
	saved, err := j.DB.Update(id, base, r, kind, invalid)
	if err == nil {
		delete(j.rebased, id)
		if _, ok := j.entries[id]; ok { // this newer edit of the same editor replaces it
			delete(j.entries, id)
			if err := j.save(); err != nil {
				return saved, err
			}
		}
		return saved, nil
	}
	if !unreachable(err) {
		return saved, err
	}
	data, merr := report.Marshal(r)
	if merr != nil {
		return saved, err
	}
	j.entries[id] = entry{Base: base, Kind: kind, Report: data, Invalid: invalid, At: time.Now()}
	if serr := j.save(); serr != nil {
		return saved, fmt.Errorf("%w；%w", err, serr)
	}
	return saved, fmt.Errorf("%s%d年的报告：%w", r.Agency, r.Year, &journaledError{cause: err})
}

// Mark labels the content the editor has, as the DB's Mark does. When that
// content is an edit still waiting in the journal (the editor's base is the
// one it was made over), the label goes with it: the edit is sent as a save
// of kind, which is what Mark would have made of it. Otherwise the content
// is the server's, at base or at the revision a sent edit of the editor's
// became. A Mark that cannot reach the server is skipped without an error:
// it is a label only (the content is on the server already), the window
// closing cannot wait for the server, and at worst the next auto save takes
// the content for one of the auto saves it coalesces.
func (j *Journaled) Mark(id, base int64, kind store.SaveKind) error {
	if !rows.ValidKind(kind) || kind == store.SaveAuto {
		return fmt.Errorf("未知的保存方式 %q", kind)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if e, ok := j.entries[id]; ok && e.Base == base {
		if e.Kind != store.SaveAuto {
			return nil // a deliberate save's content, labelled already
		}
		e.Kind = kind
		j.entries[id] = e
		return j.save()
	}
	if rb, ok := j.rebased[id]; ok && rb[0] == base {
		base = rb[1]
	}
	if err := j.DB.Mark(id, base, kind); err != nil && !unreachable(err) {
		return err
	}
	return nil
}

// Revision is the DB's, except that the revision a journaled edit became
// when it was sent is the editor's base it was made over: the editor has
// that content already, and must not take its own edit for another's save.
func (j *Journaled) Revision(id int64) (int64, error) {
	rev, err := j.DB.Revision(id)
	if err != nil {
		return rev, err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if rb, ok := j.rebased[id]; ok && rb[1] == rev {
		return rb[0], nil
	}
	return rev, nil
}

// journaledError is ErrJournaled with the failure that made it kept for logs.
type journaledError struct{ cause error }

func (e *journaledError) Error() string   { return ErrJournaled.Error() }
func (e *journaledError) Unwrap() []error { return []error{ErrJournaled, e.cause} }

// Pending is the number of reports whose edits wait in the journal.
func (j *Journaled) Pending() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return len(j.entries)
}

// Flush sends the journal's edits, each through the revision check, and
// returns what the saves did by report id; an edit the server still cannot
// take stays. A save the server refuses (a unit's login no longer allowed,
// say) stays too, and its error is returned.
func (j *Journaled) Flush() (map[int64]store.Saved, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	ids := make([]int64, 0, len(j.entries))
	for id := range j.entries {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	out := map[int64]store.Saved{}
	var errs []error
	for _, id := range ids {
		e := j.entries[id]
		r, err := report.ParseStored(e.Report)
		if err != nil {
			errs = append(errs, fmt.Errorf("本机暂存的报告（编号 %d）无法读取：%w", id, err))
			continue
		}
		saved, err := j.DB.Update(id, e.Base, r, e.Kind, e.Invalid)
		if unreachable(err) {
			break // the server is still away: the rest wait too
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out[id] = saved
		j.rebased[id] = [2]int64{e.Base, saved.Revision}
		delete(j.entries, id)
	}
	if len(out) > 0 {
		if err := j.save(); err != nil {
			errs = append(errs, err)
		}
	}
	return out, errors.Join(errs...)
}

// OnSent has f told, on the retries' goroutine, what each retry sent: by
// report id, what the save did (the window's status line follows it).
func (j *Journaled) OnSent(f func(map[int64]store.Saved)) {
	j.mu.Lock()
	j.sent = f
	j.mu.Unlock()
}

// resend sends what the journal holds and tells OnSent's function what went.
func (j *Journaled) resend() {
	out, _ := j.Flush() // a refusal stays in the journal and is said at the next save or quit
	j.mu.Lock()
	f := j.sent
	j.mu.Unlock()
	if len(out) > 0 && f != nil {
		f(out)
	}
}

func (j *Journaled) retry(every time.Duration) {
	defer close(j.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-j.stop:
			return
		case <-t.C:
			if j.Pending() > 0 {
				j.resend()
			}
		}
	}
}

// Close stops the retries and closes the connections; what the journal
// still holds is sent at the next opening.
func (j *Journaled) Close() error {
	close(j.stop)
	<-j.done
	return j.DB.Close()
}

// unreachable reports whether err is the server not answering (down, the
// network cut, the connection lost) rather than a refusal by the server.
func unreachable(err error) bool {
	if err == nil {
		return false
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &pe):
		// Class 08 (connection exception); the server shutting down or starting.
		return pe.Code[:2] == "08" || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	case errors.As(err, &ce), errors.As(err, &ne), pgconn.SafeToRetry(err), pgconn.Timeout(err):
		return true
	case errors.Is(err, pgconn.ErrConnClosed), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return true
	}
	return false
}
