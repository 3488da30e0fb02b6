// Package pgtest starts a throwaway PostgreSQL cluster for tests: initdb in a
// temporary folder, a server on a free local port with its own socket
// folder, run as an unprivileged user when the tests run as root (initdb and
// the server refuse root; CI runs as root), stopped and removed at the end.
// One cluster serves a package's whole run (TestMain); each test gets a
// database of its own (Database). Without PostgreSQL installed, Start says so
// (ErrNotInstalled) and the tests skip.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrNotInstalled says that no PostgreSQL server programs were found.
var ErrNotInstalled = errors.New("没有安装 PostgreSQL（找不到 /usr/lib/postgresql/*/bin/initdb），跳过 PostgreSQL 的测试")

// Admin is the cluster's superuser; its password is Cluster.Password.
const Admin = "nianbao_admin"

// Cluster is a running throwaway server.
type Cluster struct {
	Dir      string // the temporary folder: data, socket, log
	Port     int
	Password string // of Admin
	bin      string
	strategy string      // of CREATE DATABASE: a file copy where the server has it (15+), much faster than the WAL's
	cred     *credential // whom the server runs as; nil: the current user
	count    atomic.Int64
}

// Bin finds the folder of initdb and pg_ctl: $NIANBAO_PG_BIN, else the newest
// /usr/lib/postgresql/N/bin (Debian's layout), else the PATH's.
func Bin() (string, error) {
	if d := os.Getenv("NIANBAO_PG_BIN"); d != "" {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err != nil {
			return "", ErrNotInstalled
		}
		return d, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", ErrNotInstalled
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// Start makes and starts a cluster. Stop it when done.
func Start() (*Cluster, error) {
	bin, err := Bin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "nianbao-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{Dir: dir, bin: bin, Password: randomHex(12)}
	if os.Geteuid() == 0 {
		if c.cred, err = unprivileged(); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		if err := os.Chown(dir, c.cred.uid, c.cred.gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	if err := c.start(); err != nil {
		c.Stop()
		return nil, err
	}
	return c, nil
}

func (c *Cluster) start() error {
	pwfile := filepath.Join(c.Dir, "pw")
	if err := os.WriteFile(pwfile, []byte(c.Password+"\n"), 0o600); err != nil {
		return err
	}
	if c.cred != nil {
		if err := os.Chown(pwfile, c.cred.uid, c.cred.gid); err != nil {
			return err
		}
	}
	data := filepath.Join(c.Dir, "data")
	if out, err := c.run("initdb", "-D", data, "-U", Admin, "--pwfile", pwfile, "-E", "UTF8", "--locale", "C",
		"--auth-local", "scram-sha-256", "--auth-host", "scram-sha-256", "--no-sync"); err != nil {
		return fmt.Errorf("initdb: %v\n%s", err, out)
	}
	os.Remove(pwfile)
	port, err := freePort()
	if err != nil {
		return err
	}
	c.Port = port
	if err := c.serve(); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.AdminURL("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	var version int
	if err := conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&version); err != nil {
		return err
	}
	if version >= 150000 {
		c.strategy = " STRATEGY FILE_COPY"
	}
	return nil
}

// serve starts the server of the cluster on its port. fsync off and small
// buffers: a cluster that is thrown away. Commits are still written (to the
// system) before they are confirmed, so that a killed server (Kill) loses
// nothing it confirmed, as a real one.
func (c *Cluster) serve() error {
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off "+
		"-c full_page_writes=off -c shared_buffers=16MB -c max_connections=200", c.Port, c.Dir)
	log := filepath.Join(c.Dir, "log")
	if out, err := c.run("pg_ctl", "-D", filepath.Join(c.Dir, "data"), "-l", log, "-o", opts, "-w", "-t", "60", "start"); err != nil {
		text, _ := os.ReadFile(log)
		return fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, text)
	}
	return nil
}

// Stop stops the server and removes its folder.
func (c *Cluster) Stop() {
	if c == nil {
		return
	}
	if c.Port != 0 {
		c.run("pg_ctl", "-D", filepath.Join(c.Dir, "data"), "-m", "immediate", "-w", "stop")
	}
	os.RemoveAll(c.Dir)
}

// Kill stops the server at once, as a crash or a pulled cable would; Restart starts it again.
func (c *Cluster) Kill() error {
	out, err := c.run("pg_ctl", "-D", filepath.Join(c.Dir, "data"), "-m", "immediate", "-w", "stop")
	if err != nil {
		return fmt.Errorf("pg_ctl stop: %v\n%s", err, out)
	}
	return nil
}

// Restart starts a stopped server again on the same port.
func (c *Cluster) Restart() error { return c.serve() }

// EnableTLS makes the server take TLS connections with the certificate and
// key given (PEM), as well as plain ones.
func (c *Cluster) EnableTLS(certPEM, keyPEM []byte) error {
	for name, data := range map[string][]byte{"server.crt": certPEM, "server.key": keyPEM} {
		path := filepath.Join(c.Dir, "data", name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			return err
		}
		if c.cred != nil {
			if err := os.Chown(path, c.cred.uid, c.cred.gid); err != nil {
				return err
			}
		}
	}
	if err := c.Exec(context.Background(), "postgres", "ALTER SYSTEM SET ssl = on"); err != nil {
		return err
	}
	return c.Exec(context.Background(), "postgres", "SELECT pg_reload_conf()")
}

// URL is the address of database db as user with password, over TCP.
func (c *Cluster) URL(user, password, db string) string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(user, password),
		Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(c.Port)), Path: "/" + db, RawQuery: "sslmode=disable"}
	return u.String()
}

// AdminURL is the address of database db as the superuser.
func (c *Cluster) AdminURL(db string) string { return c.URL(Admin, c.Password, db) }

// Database creates an empty database for t, dropped when t ends, and returns its name.
func (c *Cluster) Database(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("t%d_%s", c.count.Add(1), randomHex(3))
	if err := c.Exec(context.Background(), "postgres", "CREATE DATABASE "+name+" TEMPLATE template0"+c.strategy); err != nil {
		t.Fatalf("CREATE DATABASE: %v", err)
	}
	t.Cleanup(func() {
		c.Exec(context.Background(), "postgres", "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	return name
}

// Exec runs sql in database db as the superuser.
func (c *Cluster) Exec(ctx context.Context, db, sql string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.AdminURL(db))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func (c *Cluster) run(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	cmd.Dir = c.Dir
	cmd.Env = append(os.Environ(), "LC_ALL=C", "TZ=UTC")
	if c.cred != nil {
		c.cred.apply(cmd)
	}
	return cmd.CombinedOutput()
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// shared is the cluster of a package's test run, started by the first test
// that needs it: tests that need none pay nothing.
var shared struct {
	once sync.Once
	c    *Cluster
	err  error
}

// Shared returns the cluster of the package's test run, starting it on first
// use. It skips t when PostgreSQL is not installed, saying so, and fails it
// when the cluster cannot start. Run the package's tests through Main, which
// stops it.
func Shared(t testing.TB) *Cluster {
	t.Helper()
	shared.once.Do(func() { shared.c, shared.err = Start() })
	switch {
	case errors.Is(shared.err, ErrNotInstalled):
		t.Skip(shared.err.Error())
	case shared.err != nil:
		t.Fatalf("无法启动测试用的 PostgreSQL：%v", shared.err)
	}
	return shared.c
}

// Main runs a package's tests (call it from TestMain) and stops the shared
// cluster after them, if one was started.
func Main(m *testing.M) int {
	code := m.Run()
	shared.c.Stop()
	return code
}

// Need skips t, saying so, when PostgreSQL is not installed: for a test that
// starts a cluster of its own.
func Need(t testing.TB) {
	t.Helper()
	if _, err := Bin(); err != nil {
		t.Skip(err.Error())
	}
}
