package postgres

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"nianbao/data/store"
)

// Who has a report open is not kept in the tables, which hold only what the
// user typed or confirmed: each program that has report id open holds a
// shared session-level advisory lock on (openLock, id) on a connection of
// its own, taken from the pool and kept until the hold is released. The lock
// ends with its session, however the program ends (killed, the PC switched
// off: the server ends the session when the connection drops), so nothing is
// left behind to clean up. The others are the other sessions holding the
// same lock in the same database, as pg_locks shows them: a view every login
// may read, a unit's under row-level security included (it shows lock keys
// and process ids, nothing of the reports).
//
// The two-key form of the advisory lock (objsubid 2 in pg_locks) never
// meets the one-key locks of saves and migrations (writeLock, migrateLock).
const openLock = 1312968528 // "NBOP"

// presenceTimeout bounds taking, counting and letting go of a hold: a server
// that does not answer must not keep a report from opening, nor the window
// from closing, for the minute opTimeout allows a save.
const presenceTimeout = 5 * time.Second

// presenceRetry is how long a hold that could not reach the server waits
// before it tries again: the window counts the others every two seconds, and
// each try at a server that is away takes up to connectTimeout.
var presenceRetry = 30 * time.Second // a variable for the tests

// openKey is report id as the second key of its lock. Ids are identity
// numbers far below 2³¹; one beyond would wrap and at worst share its key
// with another report, which then looks open elsewhere too.
func openKey(id int64) int32 { return int32(id) }

// hold is a program's shared lock on one report, on its own connection.
type hold struct {
	s   *DB
	key int32

	mu       sync.Mutex // Others runs on a background goroutine, Release on the window's
	c        *pgxpool.Conn
	pid      uint32    // the backend of c
	retryAt  time.Time // while c is nil: when to try the server again
	released bool
}

// Hold notes that this program has report id open until the hold is
// released. When the server cannot be reached, opening the report is not
// held up: the hold counts no others and takes its lock once the server
// answers again.
func (s *DB) Hold(id int64) (store.Hold, error) {
	h := &hold{s: s, key: openKey(id)}
	s.holdsMu.Lock()
	if s.holds == nil {
		s.holds = map[*hold]bool{}
	}
	s.holds[h] = true
	s.holdsMu.Unlock()
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.take(); err != nil {
		if unreachable(err) {
			h.retryAt = time.Now().Add(presenceRetry)
			return h, nil
		}
		h.forget()
		return nil, fmt.Errorf("无法在数据库服务器 %s 上记下打开的年报（编号 %d）：%w", s.where, id, err)
	}
	return h, nil
}

// take acquires a connection and the lock on it (the caller holds h.mu).
func (h *hold) take() error {
	ctx, cancel := context.WithTimeout(context.Background(), presenceTimeout)
	defer cancel()
	c, err := h.s.pool.Acquire(ctx)
	if err != nil {
		return lost(err)
	}
	if _, err := c.Exec(ctx, `SELECT pg_advisory_lock_shared($1::int4, $2::int4)`, int32(openLock), h.key); err != nil {
		drop(c)
		return lost(err)
	}
	h.c, h.pid = c, c.Conn().PgConn().PID()
	return nil
}

// drop closes c instead of returning it to the pool: a connection whose
// lock may outlive the hold must not serve anyone else.
func drop(c *pgxpool.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), presenceTimeout)
	defer cancel()
	c.Hijack().Close(ctx)
}

// Others counts the other programs that hold the report now. A hold whose
// connection was lost (the server restarted, the network cut: its lock
// ended with its session) takes it again; while the server cannot be
// reached, it counts none, as a report opened then does.
func (h *hold) Others() (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.released {
		return 0, nil
	}
	for retried := false; ; retried = true {
		if h.c == nil {
			if !retried && time.Now().Before(h.retryAt) {
				return 0, nil
			}
			if err := h.take(); err != nil {
				if unreachable(err) {
					h.retryAt = time.Now().Add(presenceRetry)
					return 0, nil
				}
				return 0, fmt.Errorf("无法在数据库服务器 %s 上记下打开的年报：%w", h.s.where, err)
			}
		}
		n, err := h.count()
		if err == nil {
			return n, nil
		}
		if !unreachable(err) {
			return 0, fmt.Errorf("无法读取数据库服务器 %s 上谁打开了这份年报：%w", h.s.where, err)
		}
		drop(h.c) // its session, and the lock with it, is gone or going
		h.c = nil
		if retried {
			h.retryAt = time.Now().Add(presenceRetry)
			return 0, nil
		}
	}
}

// count reads how many other sessions hold the lock (the caller holds h.mu).
func (h *hold) count() (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), presenceTimeout)
	defer cancel()
	var n int
	err := h.c.QueryRow(ctx, `SELECT count(DISTINCT pid) FROM pg_locks
		WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = $1::int8::oid AND objid = $2::int8::oid
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND pid <> $3`,
		int64(openLock), int64(uint32(h.key)), int64(h.pid)).Scan(&n)
	return n, lost(err)
}

// Release lets go of the report: the lock is unlocked and the connection
// goes back to the pool; one that could not be unlocked is closed, which
// ends its lock with its session.
func (h *hold) Release() {
	h.forget()
	h.mu.Lock()
	defer h.mu.Unlock()
	h.released = true
	c := h.c
	h.c = nil
	if c == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), presenceTimeout)
	defer cancel()
	var unlocked bool
	err := c.QueryRow(ctx, `SELECT pg_advisory_unlock_shared($1::int4, $2::int4)`, int32(openLock), h.key).Scan(&unlocked)
	if err != nil || !unlocked {
		drop(c)
		return
	}
	c.Release()
}

// forget takes h off its store's list of holds to let go at Close.
func (h *hold) forget() {
	h.s.holdsMu.Lock()
	delete(h.s.holds, h)
	h.s.holdsMu.Unlock()
}

// Revision returns the current revision of report id (see Update), or
// ErrNotFound; a unit's login sees only the reports its row-level security
// lets it read.
func (s *DB) Revision(id int64) (int64, error) {
	c, done := s.read()
	defer done()
	var rev int64
	err := c.QueryRow(`SELECT revision FROM reports WHERE id = $1`, id).Scan(&rev)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("报告（编号 %d）：%w", id, store.ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("读取报告（编号 %d）失败：%w", id, err)
	}
	return rev, nil
}
