// Package postgres is the shared store (data/store.Store) on a PostgreSQL
// server: the reports of an office's clerks or of a county's units in one
// database, with the same tables, numbered migrations (the dialect files in
// migrations/) and behaviour as data/store/sqlite — the conflict rule
// included — and, where the server was set up by nianbao server init, each
// unit's login limited by the server's row-level security to its own
// agency's rows (see server.go).
//
// Writes queue on one transaction-level advisory lock, as SQLite's writers
// queue on its write lock: a save reads the current revision and writes the
// next one with no other save in between, so that two clerks never lose
// either's work.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"nianbao/data/store"
	"nianbao/data/store/internal/rows"
)

var _ store.Store = (*DB)(nil)

// Advisory lock keys ("NBDB" and "NBMG"): the write lock every save holds,
// and the lock a migration holds.
const (
	writeLock   = 1312965698
	migrateLock = 1312967495
)

// MinServerVersion is the oldest PostgreSQL server the store works with
// (server_version_num): identity columns, row-level security, DROP DATABASE
// … WITH (FORCE) in the tests.
const MinServerVersion = 130000

// opTimeout bounds one operation, so that a server that stopped answering
// makes a save fail with a reason instead of hanging the window.
const opTimeout = time.Minute

// connectTimeout is how long a connection is tried when the address does not say.
const connectTimeout = 10 * time.Second

// DB is an open connection pool to a 年报 database on a server.
type DB struct {
	pool     *pgxpool.Pool
	where    string // the address without its password, for messages
	readOnly bool   // the server takes no writes (a standby)
	now      func() time.Time

	// holds are the reports held open (Hold), each on a connection of its
	// own: Close lets them go first, as the pool's Close waits for every
	// connection taken from it to come back.
	holdsMu sync.Mutex
	holds   map[*hold]bool
}

// IsURL reports whether s is a PostgreSQL address (postgres:// or
// postgresql://) rather than a database file's path.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Redact is the address u without its password, as messages show it.
func Redact(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.User == nil {
		return u
	}
	if _, ok := p.User.Password(); ok {
		p.User = url.UserPassword(p.User.Username(), "xxxxx")
	}
	return p.String()
}

// Open connects to the database at address (postgres://用户@主机:端口/库?sslmode=…),
// refuses a server older than MinServerVersion and a database that is not a
// 年报 database, and brings an older schema up to date when the login may
// (the owner of the tables; a unit's login is told to ask for nianbao server init).
func Open(address string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(address)
	if err != nil {
		return nil, fmt.Errorf("数据库地址 %s 无效：%w", Redact(address), errAddress(err))
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	cfg.MaxConns = 8
	// A connection idle for a moment is checked before use, so that the first
	// read after a server's restart does not fail on a dead connection.
	cfg.ShouldPing = func(_ context.Context, p pgxpool.ShouldPingParams) bool { return p.IdleDuration > 200*time.Millisecond }
	s := &DB{where: Redact(address), now: time.Now}
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	if s.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, s.connectError(err)
	}
	if err := s.check(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	for _, step := range []func(context.Context) error{s.migrate, s.recountOnNewRules} {
		if err := step(ctx); err != nil {
			s.pool.Close()
			return nil, err
		}
	}
	return s, nil
}

// check connects once: the server's version, and whether it takes writes.
func (s *DB) check(ctx context.Context) error {
	var version int
	var standby bool
	err := s.pool.QueryRow(ctx, `SELECT current_setting('server_version_num')::int,
		pg_is_in_recovery() OR current_setting('default_transaction_read_only') = 'on'`).Scan(&version, &standby)
	if err != nil {
		return s.connectError(err)
	}
	if err := tooOld(s.where, version); err != nil {
		return err
	}
	s.readOnly = standby
	return nil
}

// tooOld refuses a server older than MinServerVersion (version is its
// server_version_num: 120022 is 12.22, 90624 is 9.6.24).
func tooOld(where string, version int) error {
	if version >= MinServerVersion {
		return nil
	}
	shown := fmt.Sprintf("%d.%d", version/10000, version%10000)
	if version < 100000 {
		shown = fmt.Sprintf("%d.%d.%d", version/10000, version/100%100, version%100)
	}
	return fmt.Errorf("数据库服务器 %s 的 PostgreSQL 版本太旧（%s），年报需要 PostgreSQL %d 或更新的版本，请管理员升级服务器",
		where, shown, MinServerVersion/10000)
}

func (s *DB) connectError(err error) error {
	return fmt.Errorf("无法连接数据库服务器 %s：%w", s.where, err)
}

// errAddress keeps pgx's parse error (which may quote the password) out of the text.
func errAddress(err error) error {
	return &addressError{cause: err}
}

type addressError struct{ cause error }

func (e *addressError) Error() string {
	return "应为 postgres://用户@主机:端口/数据库名?sslmode=verify-full 的形式"
}
func (e *addressError) Unwrap() error { return e.cause }

// Close closes the connections.
func (s *DB) Close() error {
	s.holdsMu.Lock()
	open := make([]*hold, 0, len(s.holds))
	for h := range s.holds {
		open = append(open, h)
	}
	s.holdsMu.Unlock()
	for _, h := range open {
		h.Release()
	}
	s.pool.Close()
	return nil
}

// ReadOnly is true on a server that takes no writes (a standby).
func (s *DB) ReadOnly() bool { return s.readOnly }

// ReadOnlyReason says why nothing can be saved, or "".
func (s *DB) ReadOnlyReason() string {
	if !s.readOnly {
		return ""
	}
	return fmt.Sprintf("数据库服务器 %s 只能读取（备用服务器或设置为只读）", s.where)
}

// Where is the address of the database without its password.
func (s *DB) Where() string { return s.where }

// querier is what the pool and a transaction share.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// conn is a querier with the context of one operation, so that the queries
// read as data/store/sqlite's.
type conn struct {
	ctx context.Context
	q   querier
}

func (c conn) QueryRow(sql string, args ...any) pgx.Row {
	return row{c.q.QueryRow(c.ctx, sql, args...)}
}
func (c conn) Query(sql string, args ...any) (pgx.Rows, error) {
	rows, err := c.q.Query(c.ctx, sql, args...)
	if err != nil {
		return nil, lost(err)
	}
	return lostRows{rows}, nil
}

// lostRows says a lost connection as lost does (pgx reports most errors of
// a query once its rows are read).
type lostRows struct{ pgx.Rows }

func (r lostRows) Err() error { return lost(r.Rows.Err()) }
func (c conn) Exec(sql string, args ...any) (int64, error) {
	tag, err := c.q.Exec(c.ctx, sql, args...)
	return tag.RowsAffected(), lost(err)
}

// row says a lost connection as lost does.
type row struct{ pgx.Row }

func (r row) Scan(dest ...any) error { return lost(r.Row.Scan(dest...)) }

// lost is err, or, when it is the connection lost (the server stopped or
// restarted, the network cut: pgx's words are "unexpected EOF", "conn
// closed"), an error that says so in Chinese and keeps err for errors.Is.
func lost(err error) error {
	var pe *pgconn.PgError
	if err == nil || errors.As(err, &pe) || !unreachable(err) {
		return err
	}
	return &lostError{cause: err}
}

type lostError struct{ cause error }

func (e *lostError) Error() string {
	return "与数据库服务器的连接断开了（服务器停止、重启或网络中断），请稍后重试"
}
func (e *lostError) Unwrap() error { return e.cause }

// read is a conn on the pool for one reading operation; call done after it.
func (s *DB) read() (c conn, done func()) {
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	return conn{ctx: ctx, q: s.pool}, cancel
}

// withTx runs fn in a transaction that holds the write lock, and commits it
// when fn succeeds.
func (s *DB) withTx(fn func(tx conn) error) error {
	if s.readOnly {
		return fmt.Errorf("%s：可以查看、导出、打印，不能保存修改（%w）", s.ReadOnlyReason(), store.ErrReadOnly)
	}
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("无法写入数据库服务器 %s：%w", s.where, lost(err))
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLock); err != nil {
		return fmt.Errorf("无法写入数据库服务器 %s：%w", s.where, lost(err))
	}
	if err := fn(conn{ctx: ctx, q: tx}); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("写入数据库服务器 %s 失败：%w", s.where, lost(err))
	}
	return nil
}

// migrationFiles are the schema steps, numbered as data/store/sqlite's: step
// n takes the database from version n-1 to n. A released step is never edited.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration = rows.Migration

func migrations() ([]migration, error) { return rows.Migrations(migrationFiles) }

// Schema is the schema version the program's migrations reach.
func Schema() int {
	steps, _ := migrations()
	return len(steps)
}

// errNotOurs is the refusal of a database that holds another program's tables.
var errNotOurs = errors.New("不是年报数据库")

// version reads the schema version: 0 for an empty database.
func version(c conn, where string) (int, error) {
	var exists bool
	if err := c.QueryRow(`SELECT to_regclass('schema_version') IS NOT NULL`).Scan(&exists); err != nil {
		return 0, fmt.Errorf("读取数据库 %s 的版本失败：%w", where, err)
	}
	if !exists {
		var tables int
		if err := c.QueryRow(`SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()`).Scan(&tables); err != nil {
			return 0, fmt.Errorf("读取数据库 %s 的版本失败：%w", where, err)
		}
		if tables > 0 {
			return 0, fmt.Errorf("数据库 %s 中已有其他程序的表，%w：请为年报另建一个空数据库", where, errNotOurs)
		}
		return 0, nil
	}
	var v int
	if err := c.QueryRow(`SELECT version FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("读取数据库 %s 的版本失败：%w", where, err)
	}
	return v, nil
}

// migrate brings the schema up to date, one step per transaction with its
// version, under the migration lock (two programs upgrading at once: the
// second finds the work done). A database newer than the program is refused.
func (s *DB) migrate(ctx context.Context) error {
	steps, err := migrations()
	if err != nil {
		return err
	}
	v, err := version(conn{ctx, s.pool}, s.where)
	if err != nil {
		return err
	}
	if v > len(steps) {
		return s.newerError(v)
	}
	for v < len(steps) {
		if v, err = s.step(ctx, steps); err != nil {
			return err
		}
	}
	return nil
}

func (s *DB) newerError(v int) error {
	return fmt.Errorf("数据库 %s 由较新版本的年报创建（版本 %d），请升级程序", s.where, v)
}

// step makes the next migration step and returns the version reached.
func (s *DB) step(ctx context.Context, steps []migration) (int, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, fmt.Errorf("升级数据库 %s 失败：%w", s.where, err)
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrateLock); err != nil {
		return 0, fmt.Errorf("升级数据库 %s 失败：%w", s.where, err)
	}
	v, err := version(conn{ctx, tx}, s.where)
	if err != nil || v >= len(steps) {
		if v > len(steps) {
			return v, s.newerError(v)
		}
		return v, err
	}
	next := steps[v]
	if _, err := tx.Exec(ctx, next.SQL); err != nil {
		if isPrivilege(err) {
			return v, fmt.Errorf("数据库 %s 需要升级到版本 %d，而这个登录没有升级它的权限：请管理员运行 nianbao server init --db 管理员的地址（%w）",
				s.where, len(steps), err)
		}
		return v, fmt.Errorf("升级数据库 %s 失败（%s）：%w", s.where, next.Name, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE schema_version SET version = $1`, next.Version); err != nil {
		return v, fmt.Errorf("升级数据库 %s 失败（%s）：%w", s.where, next.Name, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return v, fmt.Errorf("升级数据库 %s 失败（%s）：%w", s.where, next.Name, err)
	}
	return next.Version, nil
}

// isPrivilege reports whether err is the server's refusal for want of a privilege.
func isPrivilege(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "42501"
}
