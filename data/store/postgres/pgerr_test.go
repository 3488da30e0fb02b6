package postgres

import (
	"net"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"nianbao/data/store/postgres/pgtest"
	"nianbao/data/syserr"
)

// A failed connection says in Chinese what failed and how to go on, with no
// English of pgx or the server left, and never the password.
func TestConnectErrorsInChinese(t *testing.T) {
	cluster := pgtest.Shared(t)
	closed := closedPort(t)
	db := cluster.Database(t)
	tests := []struct {
		name, address, want string
	}{
		{"refused", "postgres://a:secret@127.0.0.1:" + strconv.Itoa(closed) + "/x?sslmode=disable", "拒绝连接"},
		{"wrong password", cluster.URL(pgtest.Admin, "wrong-secret", db), "用户名或密码不对"},
		{"no such database", cluster.URL(pgtest.Admin, cluster.Password, "no_such_db"), "没有这个数据库"},
		{"unknown host", "postgres://a:secret@no-such-host.invalid:5432/x?sslmode=disable&connect_timeout=5", "找不到数据库服务器"},
		{"no TLS on server", "postgres://a:secret@127.0.0.1:" + strconv.Itoa(cluster.Port) + "/x?sslmode=require", "不支持加密连接"},
		{"bad address", "postgres://a:secret@127.0.0.1:99999999/x", "数据库地址"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(tt.address)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			text := syserr.Text(err)
			t.Log(text)
			if !strings.Contains(text, tt.want) {
				t.Errorf("text %q lacks %q", text, tt.want)
			}
			if strings.Contains(text, "secret") {
				t.Errorf("text %q shows the password", text)
			}
			for _, english := range []string{"failed to connect", "dial", "password authentication", "does not exist", "refused", "ERROR"} {
				if strings.Contains(text, english) {
					t.Errorf("text %q keeps English %q", text, english)
				}
			}
		})
	}
}

func closedPort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}

func TestRedact(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"postgres://u:pw@h:5432/db?sslmode=verify-full", "postgres://u:xxxxx@h:5432/db?sslmode=verify-full"},
		{"postgres://u@h/db", "postgres://u@h/db"},
	} {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if u, _ := url.Parse(Redact(tt.in)); u != nil && u.User != nil {
			if p, _ := u.User.Password(); p == "pw" {
				t.Errorf("password kept")
			}
		}
	}
}

func TestServerTooOld(t *testing.T) {
	for _, tt := range []struct {
		version int
		want    string // "" when accepted
	}{
		{90624, "版本太旧（9.6.24）"},
		{120022, "版本太旧（12.22）"},
		{130000, ""},
		{150014, ""},
	} {
		err := tooOld("postgres://h/db", tt.version)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%d refused: %v", tt.version, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "PostgreSQL 13")):
			t.Errorf("%d: %v, want %q", tt.version, err, tt.want)
		}
	}
}
