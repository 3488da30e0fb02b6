package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data/store/postgres/pgtest"
)

// The PostgreSQL tests share one throwaway cluster, started by the first
// that needs it and stopped after the package's tests.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// --db postgres://… and NIANBAO_DB select a server's database for the
// commands, as a file's path does; what only a file has is refused in Chinese.
func TestCommandsOnServer(t *testing.T) {
	c := pgtest.Shared(t)
	url := c.AdminURL(c.Database(t))
	dir := t.TempDir()
	file := writeExample(t, dir, "a.nianbao.json")

	if code, _, stderr := run(t, "import", "--db", url, file); code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	t.Setenv("NIANBAO_DB", url)
	code, stdout, stderr := run(t, "list")
	if code != 0 || !strings.Contains(stdout, "中卫市民政局") {
		t.Fatalf("list through NIANBAO_DB: %d %q %q", code, stdout, stderr)
	}
	out := filepath.Join(dir, "out.nianbao.json")
	if code, _, stderr := run(t, "export", "--agency", "中卫市民政局", "--year", "2023", "-o", out); code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := run(t, "history", "--agency", "中卫市民政局", "--year", "2023"); code != 0 || !strings.Contains(stdout, "没有历史版本") {
		t.Errorf("history: %d %q", code, stdout)
	}
	for _, args := range [][]string{{"backup"}, {"backups"}} {
		code, _, stderr := run(t, args...)
		if code != exitFailure || !strings.Contains(stderr, "由服务器备份") || strings.Contains(stderr, c.Password) {
			t.Errorf("%s on a server: %d %q", args[0], code, stderr)
		}
	}
	// --db wins over NIANBAO_DB.
	local := filepath.Join(dir, "local.db")
	if code, stdout, _ := run(t, "list", "--db", local); code != 0 || strings.Contains(stdout, "中卫市民政局") {
		t.Errorf("list --db file: %d %q", code, stdout)
	}
	t.Setenv("NIANBAO_DB", strings.Replace(url, c.Password, "wrong", 1))
	if code, _, stderr := run(t, "list"); code != exitFailure || !strings.Contains(stderr, "用户名或密码不对") || strings.Contains(stderr, "wrong") {
		t.Errorf("wrong password: %d %q", code, stderr)
	}
}
