package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data/report"
	"nianbao/data/store/postgres"
	"nianbao/data/store/postgres/pgtest"
	"nianbao/data/store/sqlite"
)

// The PostgreSQL tests share one throwaway cluster, started by the first
// that needs it and stopped after the package's tests.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// initServer is a new database on the shared cluster, set up by nianbao
// server init as an administrator would: the cluster, the database's name and
// the administrator's URL.
func initServer(t *testing.T) (c *pgtest.Cluster, db, admin string) {
	t.Helper()
	c = pgtest.Shared(t)
	db = c.Database(t)
	admin = c.AdminURL(db)
	if code, _, stderr := run(t, "server", "init", "--db", admin); code != 0 {
		t.Fatalf("init: %d %s", code, stderr)
	}
	return c, db, admin
}

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
	if code, _, stderr := run(t, "backups"); code != exitFailure || !strings.Contains(stderr, "由服务器备份") || strings.Contains(stderr, c.Password) {
		t.Errorf("backups on a server: %d %q", code, stderr)
	}
	if code, _, stderr := run(t, "backup"); code != exitFailure || !strings.Contains(stderr, "请用 -o") {
		t.Errorf("backup on a server without -o: %d %q", code, stderr)
	}
	// A portable copy: a database file any PC opens, former names kept.
	server, err := postgres.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	if err := server.SetFormerName("中卫市民政局", 2023, "中卫市民政处"); err != nil {
		t.Fatal(err)
	}
	server.Close()
	copied := filepath.Join(dir, "副本.db")
	if code, stdout, stderr := run(t, "backup", "-o", copied); code != 0 || !strings.Contains(stdout, "1 份年报") {
		t.Fatalf("backup -o: %d %q %q", code, stdout, stderr)
	}
	if code, stdout, stderr := run(t, "list", "--db", copied); code != 0 || !strings.Contains(stdout, "中卫市民政局") {
		t.Errorf("list of the copy: %d %q %q", code, stdout, stderr)
	}
	copyDB, err := sqlite.Open(copied)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	if former, err := copyDB.FormerName("中卫市民政局", 2023); err != nil || former != "中卫市民政处" {
		t.Errorf("former name in the copy: %q, %v", former, err)
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

// nianbao server init, add-unit (with --json for scripts), list-units and
// remove-unit, as an administrator would use them; the login add-unit prints
// opens its unit's reports only.
func TestServerCommands(t *testing.T) {
	c := pgtest.Shared(t)
	db := c.Database(t)
	admin := c.AdminURL(db)
	dir := t.TempDir()

	if code, stdout, stderr := run(t, "server", "init", "--db", admin); code != 0 || !strings.Contains(stdout, "已把") {
		t.Fatalf("init: %d %q %q", code, stdout, stderr)
	}
	code, stdout, stderr := run(t, "server", "add-unit", "--db", admin, "--agency", "中卫市民政局", "--json")
	if code != 0 {
		t.Fatalf("add-unit: %d %s", code, stderr)
	}
	var login struct{ User, Password string }
	if err := json.Unmarshal([]byte(stdout), &login); err != nil || login.User == "" || login.Password == "" {
		t.Fatalf("add-unit --json: %q, %v", stdout, err)
	}
	code, stdout, _ = run(t, "server", "add-unit", "--db", admin, "--agency", "中卫市人民政府办公室", "--office")
	if code != 0 || !strings.Contains(stdout, "政务公开办") || !strings.Contains(stdout, "密码：") {
		t.Fatalf("add-unit --office: %d %q", code, stdout)
	}
	code, stdout, _ = run(t, "server", "list-units", "--db", admin)
	if code != 0 || !strings.Contains(stdout, login.User) || !strings.Contains(stdout, "中卫市人民政府办公室") || strings.Contains(stdout, login.Password) {
		t.Fatalf("list-units: %d %q", code, stdout)
	}

	unit := c.URL(login.User, login.Password, db)
	mine := writeExample(t, dir, "mine.nianbao.json")
	other := writeExample(t, dir, "other.nianbao.json", "中卫市民政局", "中卫市财政局")
	if code, _, stderr := run(t, "import", "--db", unit, mine); code != 0 {
		t.Fatalf("unit imports its report: %d %s", code, stderr)
	}
	code, _, stderr = run(t, "import", "--db", unit, other)
	if code == 0 || !strings.Contains(stderr, "只能修改本单位的报告") {
		t.Errorf("unit imports another's report: %d %q", code, stderr)
	}
	for _, args := range [][]string{
		{"server", "init", "--db", unit},
		{"server", "add-unit", "--db", unit, "--agency", "某局"},
	} {
		if code, _, stderr := run(t, args...); code == 0 || !strings.Contains(stderr, "管理员") {
			t.Errorf("%v as a unit: %d %q", args, code, stderr)
		}
	}
	if code, stdout, stderr := run(t, "server", "remove-unit", "--db", admin, "--user", login.User); code != 0 || !strings.Contains(stdout, "已删除") {
		t.Fatalf("remove-unit: %d %q %q", code, stdout, stderr)
	}
	if code, _, stderr := run(t, "list", "--db", unit); code == 0 || !strings.Contains(stderr, "用户名或密码不对") {
		t.Errorf("removed login: %d %q", code, stderr)
	}
	for _, args := range [][]string{
		{"server"},
		{"server", "nonsense", "--db", admin},
		{"server", "init", "--db", filepath.Join(dir, "x.db")},
		{"server", "add-unit", "--db", admin},
		{"server", "remove-unit", "--db", admin, "--user", "nobody_here"},
	} {
		if code, _, stderr := run(t, args...); code != exitFailure || stderr == "" {
			t.Errorf("%v: %d %q", args, code, stderr)
		}
	}
}

// nianbao restore --backup on a server: the reports of a portable copy go
// back onto the server, each one that differs saved as a restore with the
// server's content kept as a version, the same left alone, the server's
// others untouched; a unit's login restores its own agency's report only
// and names those the server refused it.
func TestRestoreIntoServer(t *testing.T) {
	c, db, admin := initServer(t)
	dir := t.TempDir()
	mine := writeExample(t, dir, "mine.nianbao.json")
	other := writeExample(t, dir, "other.nianbao.json", "中卫市民政局", "中卫市财政局")
	for _, f := range []string{mine, other} {
		if code, _, stderr := run(t, "import", "--db", admin, f); code != 0 {
			t.Fatalf("import %s: %d %s", f, code, stderr)
		}
	}
	copied := filepath.Join(dir, "副本.db")
	if code, _, stderr := run(t, "backup", "--db", admin, "-o", copied); code != 0 {
		t.Fatalf("backup -o: %d %s", code, stderr)
	}
	// After the copy: both reports changed on the server, a third added.
	changedMine := writeExample(t, dir, "mine2.nianbao.json", "2023年", "2023 年")
	changedOther := writeExample(t, dir, "other2.nianbao.json", "中卫市民政局", "中卫市财政局", "2023年", "2023 年")
	later := writeExample(t, dir, "later.nianbao.json", "中卫市民政局", "中卫市教育局")
	for _, f := range []string{changedMine, changedOther, later} {
		if code, _, stderr := run(t, "import", "--db", admin, f); code != 0 {
			t.Fatalf("import %s: %d %s", f, code, stderr)
		}
	}

	// A unit's login: its own report restored, the other named as refused.
	code, stdout, stderr := run(t, "server", "add-unit", "--db", admin, "--agency", "中卫市民政局", "--json")
	if code != 0 {
		t.Fatalf("add-unit: %d %s", code, stderr)
	}
	var login struct{ User, Password string }
	if err := json.Unmarshal([]byte(stdout), &login); err != nil {
		t.Fatal(err)
	}
	unit := c.URL(login.User, login.Password, db)
	code, stdout, stderr = run(t, "restore", "--db", unit, "--backup", copied)
	if code != exitFailure || !strings.Contains(stdout, "恢复 1 份") || !strings.Contains(stderr, "中卫市财政局2023年度") ||
		strings.Contains(stderr, "中卫市民政局2023年度") || strings.Contains(stdout+stderr, login.Password) {
		t.Fatalf("restore as a unit: %d %q %q", code, stdout, stderr)
	}
	// The administrator's login: the other restored, the unit's now the same.
	code, stdout, stderr = run(t, "restore", "--db", admin, "--backup", copied)
	if code != 0 || !strings.Contains(stdout, "恢复 1 份") || !strings.Contains(stdout, "1 份与服务器上的相同") {
		t.Fatalf("restore as the administrator: %d %q %q", code, stdout, stderr)
	}
	server, err := postgres.Open(admin)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	copyDB, err := sqlite.OpenReadOnly(copied)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	for _, agency := range []string{"中卫市民政局", "中卫市财政局"} {
		_, r, err := server.Find(agency, 2023)
		_, want, errCopy := copyDB.Find(agency, 2023)
		if err != nil || errCopy != nil || r == nil || !report.Same(r, want) {
			t.Errorf("%s after the restore is not the copy's: %v %v", agency, err, errCopy)
		}
		// The content replaced is a version, never lost.
		code, stdout, _ := run(t, "history", "--db", admin, "--agency", agency, "--year", "2023")
		if code != 0 || strings.Contains(stdout, "没有历史版本") {
			t.Errorf("history of %s: %d %q", agency, code, stdout)
		}
	}
	if _, r, err := server.Find("中卫市教育局", 2023); err != nil || r == nil {
		t.Errorf("the report the copy does not have: %v %v", r, err)
	}
	if code, _, stderr := run(t, "restore", "--db", admin, "--backup", writeExample(t, dir, "not-a-db.json")); code != exitFailure || stderr == "" {
		t.Errorf("a report file as a backup: %d %q", code, stderr)
	}
}
