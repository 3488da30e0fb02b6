// Package connect is the window's choice of database: 文件 → 数据库 → 连接共享数据库
// (a PostgreSQL server: host, port, database, user, password, TLS) and back
// to the database on this PC. The choice is kept in the user's preferences on
// this PC (never on the server); the password never in plain text: in the
// system's credential store (the Secret Service on Linux, the Windows
// Credential Manager) where there is one, else it is asked at each start.
package connect

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/zalando/go-keyring"
)

// The TLS choices, as sslmode.
const (
	TLSVerify  = "verify-full" // encrypted, the server's certificate and name checked
	TLSRequire = "require"     // encrypted, the certificate not checked
	TLSOff     = "disable"     // not encrypted
)

// Choice is a shared database as the user typed it, without the password.
type Choice struct {
	Host     string `json:"host"`
	Port     int    `json:"port"`
	Database string `json:"database"`
	User     string `json:"user"`
	TLS      string `json:"tls"`                 // TLSVerify, TLSRequire or TLSOff
	RootCert string `json:"root_cert,omitempty"` // the server's root certificate file, for TLSVerify
}

// Check says what is missing or wrong, in Chinese, or nil.
func (c Choice) Check() error {
	switch {
	case strings.TrimSpace(c.Host) == "":
		return errors.New("请填写服务器（主机名或 IP 地址）")
	case c.Port <= 0 || c.Port > 65535:
		return errors.New("端口应是 1 到 65535 之间的数字（PostgreSQL 通常是 5432）")
	case strings.TrimSpace(c.Database) == "":
		return errors.New("请填写数据库名（由管理员告知，如 nianbao）")
	case strings.TrimSpace(c.User) == "":
		return errors.New("请填写用户名（政务公开办发放的，如 nianbao_abc123）")
	case c.TLS != TLSVerify && c.TLS != TLSRequire && c.TLS != TLSOff:
		return errors.New("请选择连接方式")
	}
	return nil
}

// URL is the database's address with password.
func (c Choice) URL(password string) string {
	u := url.URL{Scheme: "postgres", Host: net.JoinHostPort(strings.TrimSpace(c.Host), strconv.Itoa(c.Port)),
		Path: "/" + strings.TrimSpace(c.Database), User: url.UserPassword(strings.TrimSpace(c.User), password)}
	q := url.Values{"sslmode": {c.TLS}}
	if c.TLS == TLSVerify && c.RootCert != "" {
		q.Set("sslrootcert", c.RootCert)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Key names the password in the credential store: user@host:port/database.
func (c Choice) Key() string {
	return fmt.Sprintf("%s@%s/%s", strings.TrimSpace(c.User), net.JoinHostPort(strings.TrimSpace(c.Host), strconv.Itoa(c.Port)), strings.TrimSpace(c.Database))
}

// preferenceKey is the user's preference that holds the Choice (JSON), "" for this PC's database.
const preferenceKey = "shared_database"

// Saved is the shared database chosen last on this PC, if any.
func Saved(p fyne.Preferences) (Choice, bool) {
	var c Choice
	text := p.String(preferenceKey)
	if text == "" || json.Unmarshal([]byte(text), &c) != nil || c.Check() != nil {
		return Choice{}, false
	}
	return c, true
}

// Keep keeps c as the database of the next starts on this PC.
func Keep(p fyne.Preferences, c Choice) {
	data, _ := json.Marshal(c)
	p.SetString(preferenceKey, string(data))
}

// Local makes this PC's database the one of the next starts.
func Local(p fyne.Preferences) { p.RemoveValue(preferenceKey) }

// Secrets is where passwords are kept: the system's credential store.
type Secrets interface {
	Get(key string) (string, error)
	Set(key, password string) error
	Delete(key string) error
}

// service is the name the passwords are kept under in the credential store.
const service = "年报 nianbao 共享数据库"

// System is the system's credential store (Secret Service over D-Bus on
// Linux, the Credential Manager on Windows).
type System struct{}

func (System) Get(key string) (string, error) { return keyring.Get(service, key) }
func (System) Set(key, password string) error { return keyring.Set(service, key, password) }
func (System) Delete(key string) error        { return keyring.Delete(service, key) }

// ErrNoPassword is a password that the credential store does not hold.
var ErrNoPassword = keyring.ErrNotFound
