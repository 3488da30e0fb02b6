package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoOutputOverAnyDatabase: pdf, export and backup -o refuse an existing
// SQLite database that is not the open one (the default database of another
// user, a backup), and one with a -wal beside it, saying how to restore a
// backup instead; the database keeps its bytes and its reports.
func TestNoOutputOverAnyDatabase(t *testing.T) {
	dir := t.TempDir()
	a := importExample(t, dir) // o.db
	b := filepath.Join(dir, "b.db")
	file := writeExample(t, dir, "b.nianbao.json")
	if code, _, errOut := run(t, "import", "--db", b, file); code != 0 {
		t.Fatal(errOut)
	}
	before, _ := os.ReadFile(a)
	withWAL := func() {
		if err := os.WriteFile(a+"-wal", nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	noWAL := func() { os.Remove(a + "-wal") }
	for _, tc := range []struct {
		name  string
		setup func()
		args  []string
	}{
		{"pdf onto a database", noWAL, []string{"pdf", "--fonts", "bundled", "-o", a, file}},
		{"pdf from another database onto one", noWAL, []string{"pdf", "--fonts", "bundled", "--db", b, "--agency", agency, "--year", "2023", "-o", a}},
		{"export onto a database", noWAL, []string{"export", "--db", b, "--agency", agency, "--year", "2023", "-o", a}},
		{"backup onto a database", noWAL, []string{"backup", "--db", b, "-o", a}},
		{"backup onto a database with -wal", withWAL, []string{"backup", "--db", b, "-o", a}},
		{"docx onto a database with -wal", withWAL, []string{"docx", "--fonts", "bundled", "-o", a, file}},
	} {
		tc.setup()
		code, _, errOut := run(t, tc.args...)
		if code != exitFailure || !strings.Contains(errOut, "不能写入 "+a) || !strings.Contains(errOut, "nianbao restore --backup") {
			t.Errorf("%s: %d %q, want it refused with the way to restore", tc.name, code, errOut)
		}
		if after, _ := os.ReadFile(a); !bytes.Equal(before, after) {
			t.Fatalf("%s: the database was written over", tc.name)
		}
	}
	noWAL()
	if code, out, errOut := run(t, "list", "--db", a); code != 0 || !strings.Contains(out, agency) {
		t.Errorf("the database lost its report: %d\n%s\n%s", code, out, errOut)
	}
	// An ordinary file is still replaced.
	plain := filepath.Join(dir, "old.pdf")
	os.WriteFile(plain, []byte("old"), 0o644)
	if code, _, errOut := run(t, "backup", "--db", b, "-o", plain); code != 0 {
		t.Errorf("backup over an ordinary file: %d %s", code, errOut)
	}
}
