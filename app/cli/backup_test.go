package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// backup -o writes a database that list reads; backups lists the automatic
// and manual ones; restore --backup brings one back, keeping the state before.
func TestBackupCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	file := writeExample(t, dir, "example.nianbao.json")
	if code, out, errOut := run(t, "import", "--db", db, file); code != 0 {
		t.Fatalf("import: %d\n%s\n%s", code, out, errOut)
	}
	copyPath := filepath.Join(dir, "copy.db")
	code, out, errOut := run(t, "backup", "--db", db, "-o", copyPath)
	if code != 0 || !strings.Contains(out, "已备份") {
		t.Fatalf("backup -o: %d\n%s\n%s", code, out, errOut)
	}
	if code, out, errOut = run(t, "list", "--db", copyPath); code != 0 || !strings.Contains(out, "中卫市民政局") {
		t.Fatalf("list of the backup: %d\n%s\n%s", code, out, errOut)
	}
	// Onto the database itself: refused.
	if code, _, errOut = run(t, "backup", "--db", db, "-o", db); code != 2 || !strings.Contains(errOut, "正在使用的数据库") {
		t.Errorf("backup onto the database: %d %s", code, errOut)
	}
	if code, out, errOut = run(t, "backup", "--db", db); code != 0 {
		t.Fatalf("backup: %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = run(t, "backups", "--db", db)
	if code != 0 || !strings.Contains(out, "每日自动备份") || !strings.Contains(out, "手动备份") || !strings.Contains(out, db+"-备份") {
		t.Fatalf("backups:\n%s", out)
	}

	// A second agency, then the whole database back to the copy.
	other := writeExample(t, dir, "other.nianbao.json", `"agency": "中卫市民政局"`, `"agency": "中卫市财政局"`)
	if code, out, errOut = run(t, "import", "--db", db, other); code != 0 {
		t.Fatalf("import: %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = run(t, "restore", "--db", db, "--backup", copyPath)
	if code != 0 || !strings.Contains(out, "恢复前的数据库已另存为备份") {
		t.Fatalf("restore --backup: %d\n%s\n%s", code, out, errOut)
	}
	if _, out, _ = run(t, "list", "--db", db); strings.Contains(out, "中卫市财政局") {
		t.Errorf("after restoring, list still shows the later import:\n%s", out)
	}
	if _, out, _ = run(t, "backups", "--db", db); !strings.Contains(out, "恢复备份前的状态") {
		t.Errorf("backups does not list the state before the restore:\n%s", out)
	}
	if _, err := os.Stat(copyPath + "-wal"); err == nil {
		t.Error("restoring left a -wal beside the backup file")
	}
}

// The same version restored twice: the second time says nothing was kept.
func TestRestoreTwiceSaysSo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	run(t, "import", "--db", db, writeExample(t, dir, "a.nianbao.json"))
	run(t, "import", "--db", db, writeExample(t, dir, "b.nianbao.json", "2023年，我局未收到任何形式", "2023年，本局未收到任何形式"))
	_, out, _ := run(t, "history", "--db", db, "--agency", "中卫市民政局", "--year", "2023")
	id := strings.Fields(strings.Split(strings.TrimSpace(out), "\n")[1])[0]
	if _, out, _ = run(t, "restore", "--db", db, "--version", id); !strings.Contains(out, "恢复前的内容已保存为历史版本") {
		t.Errorf("first restore: %s", out)
	}
	_, out, _ = run(t, "restore", "--db", db, "--version", id)
	if strings.Contains(out, "已保存为历史版本") || !strings.Contains(out, "没有另存历史版本") {
		t.Errorf("second restore of the same version: %s", out)
	}
}

// makeReadOnly makes folder dir unwritable until the test ends: immutable for
// root, whom permissions do not stop, read-only for others. Where chattr
// cannot, it skips the test; also says what covers it instead.
func makeReadOnly(t *testing.T, dir, also string) {
	t.Helper()
	if os.Geteuid() != 0 {
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		return
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Skipf("chattr +i not possible here (%v: %s)%s", err, out, also)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
}

// list, export and pdf on a healthy database in a folder that cannot be
// written (immutable for root, read-only for others).
func TestReadOnlyFolderCommands(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a Windows folder has no read-only bit to set; TestReadOnlyMode covers the read-only store")
	}
	dir := t.TempDir()
	dbDir := filepath.Join(dir, "ro")
	os.Mkdir(dbDir, 0o700)
	db := filepath.Join(dbDir, "test.db")
	if code, out, errOut := run(t, "import", "--db", db, writeExample(t, dir, "a.nianbao.json")); code != 0 {
		t.Fatalf("import: %d\n%s\n%s", code, out, errOut)
	}
	os.RemoveAll(db + "-备份") // only the database in the folder
	makeReadOnly(t, dbDir, "; data/store TestReadOnlyMode covers the read-only store")
	code, out, errOut := run(t, "list", "--db", db)
	if code != 0 || !strings.Contains(out, "中卫市民政局") || !strings.Contains(errOut, "只读方式打开") || strings.Contains(errOut, "损坏") {
		t.Fatalf("list: %d\n%s\n%s", code, out, errOut)
	}
	exported := filepath.Join(dir, "out.nianbao.json")
	if code, out, errOut = run(t, "export", "--db", db, "--agency", "中卫市民政局", "--year", "2023", "-o", exported); code != 0 {
		t.Errorf("export: %d\n%s\n%s", code, out, errOut)
	}
	if code, out, errOut = run(t, "import", "--db", db, exported); code == 0 || !strings.Contains(errOut, "只读") {
		t.Errorf("import into a read-only database: %d\n%s\n%s", code, out, errOut)
	}
}

// restore --backup of an empty file, /dev/null or a database with no report
// is refused and the reports stay; --allow-empty restores an empty 年报
// database, and only that.
func TestRestoreEmptyBackupRefused(t *testing.T) {
	dir := t.TempDir()
	db := importExample(t, dir)
	zero := filepath.Join(dir, "zero.db")
	os.WriteFile(zero, nil, 0o600)
	empty := filepath.Join(dir, "empty.db")
	if code, _, errOut := run(t, "list", "--db", empty); code != 0 {
		t.Fatalf("list of a new database: %d %s", code, errOut)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--backup", zero}, "空文件"},
		{[]string{"--backup", os.DevNull}, os.DevNull},
		{[]string{"--backup", zero, "--allow-empty"}, "空文件"},
		{[]string{"--backup", empty}, "--allow-empty"},
	} {
		code, _, errOut := run(t, append([]string{"restore", "--db", db}, tc.args...)...)
		if code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("restore %v: %d, stderr %q, want it to say %q", tc.args, code, errOut, tc.want)
		}
		if _, out, _ := run(t, "list", "--db", db); !strings.Contains(out, agency) {
			t.Fatalf("after the refused restore %v the report is gone:\n%s", tc.args, out)
		}
	}
	if code, out, errOut := run(t, "restore", "--db", db, "--backup", empty, "--allow-empty"); code != 0 {
		t.Fatalf("restore --allow-empty: %d\n%s\n%s", code, out, errOut)
	}
	if _, out, _ := run(t, "list", "--db", db); strings.Contains(out, agency) {
		t.Errorf("after restoring an empty database with --allow-empty:\n%s", out)
	}
}
