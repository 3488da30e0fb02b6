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

// TestImportSameReportTwice: in one import the same report twice (the same
// file given twice, or two files of one agency and year) is imported once and
// said so: the second is "未改变" when alike and "已替换" over the first when
// not, never "已导入" twice; with or without --all-or-none alike.
func TestImportSameReportTwice(t *testing.T) {
	dir := t.TempDir()
	a := writeExample(t, dir, "a.nianbao.json")
	edited := writeExample(t, dir, "edited.nianbao.json", `"title": ""`, `"title": "改过的标题"`)
	for _, tc := range []struct {
		name  string
		args  []string
		lines []string // what each file's line says, in order
	}{
		{"same file twice, all or none", []string{"--all-or-none", a, a},
			[]string{a + "：已导入 ", a + "：未改变 " + agency + " 2023 年（与本次导入的 " + a + " 内容相同，没有再次导入；"}},
		{"same file twice, one by one", []string{a, a},
			[]string{a + "：已导入 ", a + "：未改变 "}},
		{"one report edited, all or none", []string{"--all-or-none", a, edited},
			[]string{a + "：已导入 ", edited + "：已替换 " + agency + " 2023 年（本次导入的 " + a + " 的内容已保存为历史版本；"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "o.db")
			code, out, errOut := run(t, append([]string{"import", "--db", db}, tc.args...)...)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if code != exitOK || len(lines) != len(tc.lines) || strings.Count(out, "已导入") != 1 {
				t.Fatalf("%d\n%s\n%s", code, out, errOut)
			}
			for i, want := range tc.lines {
				if !strings.HasPrefix(lines[i], want) {
					t.Errorf("line %d: %q, want %q…", i+1, lines[i], want)
				}
			}
		})
	}
}
