package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportAllOrNone: with --all-or-none, one unreadable file keeps every file
// out of the database; with all readable, all are imported in one go. Without
// it, the readable files are imported and the bad one is reported.
func TestImportAllOrNone(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "o.db")
	a := writeExample(t, dir, "a.nianbao.json")
	b := writeExample(t, dir, "b.nianbao.json", `"year": 2023`, `"year": 2024`)
	bad := filepath.Join(dir, "bad.nianbao.json")
	os.WriteFile(bad, []byte(`{"format": "nianbao/1", "yeer": 2023}`), 0o644)

	code, out, errOut := run(t, "import", "--db", db, "--all-or-none", a, bad, b)
	if code != exitFailure || !strings.Contains(errOut, "一个也没有导入") || out != "" {
		t.Fatalf("with a bad file: %d\n%s\n%s", code, out, errOut)
	}
	if _, out, _ := run(t, "list", "--db", db); strings.Contains(out, agency) {
		t.Fatalf("a report was imported although one file was bad:\n%s", out)
	}

	if code, out, errOut := run(t, "import", "--db", db, "--all-or-none", a, b); code != exitOK || strings.Count(out, agency) != 2 {
		t.Fatalf("all good: %d\n%s\n%s", code, out, errOut)
	}
	if _, out, _ := run(t, "list", "--db", db); !strings.Contains(out, "2023") || !strings.Contains(out, "2024") {
		t.Errorf("list after import:\n%s", out)
	}

	db2 := filepath.Join(dir, "p.db")
	code, out, errOut = run(t, "import", "--db", db2, a, bad)
	if code != exitFailure || !strings.Contains(out, agency) || !strings.Contains(errOut, "yeer") {
		t.Errorf("one by one: %d\n%s\n%s", code, out, errOut)
	}
}

// check --json names an unreadable file too: the Chinese message, and the
// system's own words as its cause; the exit status stays 2.
func TestCheckJSONNamesUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	good := writeExample(t, dir, "good.nianbao.json")
	missing := filepath.Join(dir, "missing.nianbao.json")
	code, out, errOut := run(t, "check", "--json", good, missing)
	if code != exitFailure {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	var got []struct {
		File, Rule, Severity, Message, Cause string
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(got) != 1 || got[0].File != missing || got[0].Rule != "FILE" || got[0].Severity != "error" ||
		!strings.Contains(got[0].Message, "不存在") || got[0].Cause == "" || strings.Contains(got[0].Cause, "不存在") {
		t.Errorf("--json = %+v", got)
	}
	if !strings.Contains(errOut, "不存在") || strings.Contains(errOut, got[0].Cause) {
		t.Errorf("stderr should be Chinese only: %q", errOut)
	}
}
