package cli

import (
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
