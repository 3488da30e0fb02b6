package connect

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"nianbao/app/window/kit/kittest"
)

func TestChoice(t *testing.T) {
	good := Choice{Host: "192.168.1.10", Port: 5432, Database: "nianbao", User: "nianbao_ab12", TLS: TLSVerify, RootCert: "/etc/root.crt"}
	tests := []struct {
		name    string
		c       Choice
		url     string
		problem string
	}{
		{"verified with a root certificate", good,
			"postgres://nianbao_ab12:p%40ss%2Fw@192.168.1.10:5432/nianbao?sslmode=verify-full&sslrootcert=%2Fetc%2Froot.crt", ""},
		{"IPv6, not encrypted", Choice{Host: "fe80::1", Port: 6543, Database: "年报", User: "u", TLS: TLSOff},
			"postgres://u:p%40ss%2Fw@[fe80::1]:6543/%E5%B9%B4%E6%8A%A5?sslmode=disable", ""},
		{"no host", Choice{Port: 5432, Database: "d", User: "u", TLS: TLSOff}, "", "请填写服务器"},
		{"port", Choice{Host: "h", Port: 70000, Database: "d", User: "u", TLS: TLSOff}, "", "端口"},
		{"no database", Choice{Host: "h", Port: 1, User: "u", TLS: TLSOff}, "", "数据库名"},
		{"no user", Choice{Host: "h", Port: 1, Database: "d", TLS: TLSOff}, "", "用户名"},
		{"no TLS choice", Choice{Host: "h", Port: 1, Database: "d", User: "u"}, "", "连接方式"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.Check()
			if tt.problem != "" {
				if err == nil || !strings.Contains(err.Error(), tt.problem) {
					t.Fatalf("Check: %v, want %q", err, tt.problem)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.c.URL("p@ss/w"); got != tt.url {
				t.Errorf("URL\n got %s\nwant %s", got, tt.url)
			}
		})
	}
}

// The choice is kept in the user's preferences on this PC, without the
// password; the password only in the credential store.
func TestKeptOnThisPC(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	if _, ok := Saved(p); ok {
		t.Fatal("a choice before any")
	}
	c := Choice{Host: "db.example.gov.cn", Port: 5432, Database: "nianbao", User: "nianbao_ab12", TLS: TLSVerify}
	Keep(p, c)
	got, ok := Saved(p)
	if !ok || got != c {
		t.Fatalf("Saved = %+v, %v", got, ok)
	}
	keyring.MockInit()
	if err := (System{}).Set(c.Key(), "秘密pw"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(p.String(preferenceKey), "秘密pw") {
		t.Error("the password is in the preferences")
	}
	if pw, err := (System{}).Get(c.Key()); err != nil || pw != "秘密pw" {
		t.Errorf("Get = %q, %v", pw, err)
	}
	if _, err := (System{}).Get("other@h:1/d"); !errors.Is(err, ErrNoPassword) {
		t.Errorf("Get of none: %v", err)
	}
	Local(p)
	if _, ok := Saved(p); ok {
		t.Error("still a shared database after Local")
	}
}

// The form as a clerk fills it: what is missing is said and nothing
// connects; a full form gives the choice, the root certificate only with
// verification.
func TestForm(t *testing.T) {
	k := kittest.New(t, "")
	var got *Choice
	var password string
	f := Show(k.Win, Choice{}, func(c Choice, pw string, remember bool) { got, password = &c, pw })
	if !strings.Contains(strings.ReplaceAll(k.OverlayText(), "\n", ""), "验证服务器证书可以确认连上的确实是本单位的服务器") {
		t.Errorf("the form does not explain TLS:\n%s", k.OverlayText())
	}
	f.Fill("", "5432", "nianbao", "u1", "pw", 0)
	f.Submit()
	if got != nil || !strings.Contains(k.OverlayText(), "请填写服务器") {
		t.Fatalf("an empty host: %v, %q", got, k.OverlayText())
	}
	f = Show(k.Win, Choice{}, func(c Choice, pw string, remember bool) { got, password = &c, pw })
	f.Fill("10.0.0.5", "15432", "nianbao", "u1", "pw", 1)
	f.rootCert.SetText("/x/root.crt")
	f.Submit()
	want := Choice{Host: "10.0.0.5", Port: 15432, Database: "nianbao", User: "u1", TLS: TLSRequire}
	if got == nil || *got != want || password != "pw" {
		t.Errorf("connect got %+v %q, want %+v", got, password, want)
	}
}
