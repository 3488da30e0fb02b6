package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// channel is the notification channel of saves: every save of the program
// notifies it (pg_notify, sent when the save commits) with the report's
// agency and year.
const channel = "nianbao_reports"

// Change is a report saved, deleted or restored by any program on the database.
type Change struct {
	Agency string `json:"agency"`
	Year   int    `json:"year"`
}

// notify tells the listeners (Watch) that the agency's report of year
// changed, when tx commits.
func notify(tx conn, agency string, year int) error {
	payload, err := json.Marshal(Change{Agency: agency, Year: year})
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`SELECT pg_notify($1, $2)`, channel, string(payload)); err != nil {
		return fmt.Errorf("通知其他程序失败：%w", err)
	}
	return nil
}

// Watch calls changed, on its own goroutine, with each report saved on the
// database by any program (a unit's save, the office's sum) within moments,
// without reading the database: the 汇总 view's status follows it. It holds
// one connection of its own, listening; when the connection is lost it
// connects again (every retry, first at once) and calls changed with the
// zero Change, since saves may have been missed meanwhile: read everything
// again. It returns when ctx ends.
func (s *DB) Watch(ctx context.Context, retry time.Duration, changed func(Change)) {
	for ctx.Err() == nil {
		s.listen(ctx, changed) // a lost connection: the next round calls changed with the zero Change
		if ctx.Err() != nil {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(retry):
		}
	}
}

// listen listens on one connection until it fails or ctx ends.
func (s *DB) listen(ctx context.Context, changed func(Change)) {
	c, err := s.pool.Acquire(ctx)
	if err != nil {
		changed(Change{})
		return
	}
	conn := c.Hijack() // a listening connection is not returned to the pool
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{channel}.Sanitize()); err != nil {
		changed(Change{})
		return
	}
	changed(Change{}) // listening from now on: what was saved before is read again
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return
		}
		var ch Change
		if err := json.Unmarshal([]byte(n.Payload), &ch); err != nil || ch.Agency == "" {
			continue
		}
		changed(ch)
	}
}

// watchRetry is how soon WatchSaves listens again after the connection was lost.
const watchRetry = 3 * time.Second

// WatchSaves is Watch for a window's room (app/window/combineview's Saves):
// saved gets each save's agency and year ("" and 0: read everything again).
func (s *DB) WatchSaves(ctx context.Context, saved func(agency string, year int)) {
	s.Watch(ctx, watchRetry, func(c Change) { saved(c.Agency, c.Year) })
}
