package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// nianbao register works on a server's database as on a file: a unit's
// login imports, lists and fills its own agency's register, and is refused
// another agency's.
func TestRegisterOnServer(t *testing.T) {
	c, db, admin := initServer(t)
	dir := t.TempDir()
	login := addUnitJSON(t, admin, "中卫市民政局")
	unit := c.URL(login.User, login.Password, db)
	file := writeRegister(t, dir)
	// Exit 1: two rows of the spreadsheet are left out, as on a file (see TestRegisterImportListDueFill).
	if code, out, stderr := run(t, "register", "import", "--db", unit, "--agency", "中卫市民政局", file); code != 1 || !strings.Contains(out, "新增 4 件") {
		t.Fatalf("register import as the unit: %d %q %q", code, out, stderr)
	}
	code, out, stderr := run(t, "register", "list", "--db", unit, "--agency", "中卫市民政局", "--today", "2025-12-29")
	if code != 0 || !strings.Contains(out, "共 4 件") {
		t.Fatalf("register list: %d %q %q", code, out, stderr)
	}
	if code, _, stderr := run(t, "register", "fill", "--db", unit, "--agency", "中卫市民政局", "--year", "2025"); code != 0 {
		t.Fatalf("register fill: %d %s", code, stderr)
	}
	code, _, stderr = run(t, "register", "import", "--db", unit, "--agency", "中卫市财政局", file)
	if code == 0 || !strings.Contains(stderr, "只能查看和修改本单位的台账") {
		t.Errorf("import into another agency's register: %d %q", code, stderr)
	}
	if code, out, _ := run(t, "register", "list", "--db", admin, "--agency", "中卫市财政局"); code != 0 || strings.Contains(out, "欧阳明月") {
		t.Errorf("the other agency's register: %d %q", code, out)
	}
}

// addUnitJSON makes a login for agency with nianbao server add-unit --json.
func addUnitJSON(t *testing.T, admin, agency string) (login struct{ User, Password string }) {
	t.Helper()
	code, stdout, stderr := run(t, "server", "add-unit", "--db", admin, "--agency", agency, "--json")
	if code != 0 {
		t.Fatalf("add-unit: %d %s", code, stderr)
	}
	if err := json.Unmarshal([]byte(stdout), &login); err != nil || login.User == "" {
		t.Fatalf("add-unit --json: %q, %v", stdout, err)
	}
	return login
}
