package cli

import (
	"database/sql"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"nianbao/assets"
)

// acting finds the first character in s that a terminal would act on instead
// of showing: a control character other than a line break or a tab, an
// invisible formatting character (a direction override, a zero-width space),
// a line or paragraph separator, or a byte that is not UTF-8.
func acting(s string) (rune, bool) {
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\ufffd") {
			return rune(s[i]), true
		}
		if r == '\n' || r == '\t' {
			continue
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			return r, true
		}
	}
	return 0, false
}

// TestNoEscapeReachesTheTerminal: stored names with escape sequences and file
// names with them reach no terminal raw, through any command that prints
// them (combine, history, pdf, check, import, list, backup): each is written
// out as \u001b and the like.
func TestNoEscapeReachesTheTerminal(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file names with control characters are Unix")
	}
	dir := t.TempDir()
	db := importExample(t, dir)
	// A report stored before the text rules, with an escape sequence, a
	// direction override and a carriage return in its agency.
	bad := "中卫市\x1b[2J民政\u202e局\r伪造"
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	content := strings.Replace(string(assets.ExampleReport), `"agency": "中卫市民政局"`, `"agency": "中卫市\u001b[2J民政\u202e局\r伪造"`, 1)
	_, err = conn.Exec(`UPDATE reports SET agency = ?, content = ?`, bad, content)
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	// File names with an escape sequence, a C1 control and a byte that is not UTF-8.
	files := filepath.Join(dir, "收到\x1b]0;标题\x07")
	if err := os.Mkdir(files, 0o755); err != nil {
		t.Fatal(err)
	}
	unit := unitFile(t, files, "财政局\x1b[31m\u009b.nianbao.json", "某县财政局", 2024, 3, "0", 3)
	odd := writeExample(t, files, "\xff乱码\x1b[1m.nianbao.json")
	wrong := writeText(t, filepath.Join(files, "坏\x1b[5m.nianbao.json"), "{")
	out := filepath.Join(dir, "输出\x1b[7m.pdf")

	for _, tc := range []struct {
		name string
		args []string
	}{
		{"combine of files", []string{"combine", "--agency", "某县人民政府", "--year", "2024", files}},
		{"combine of the database", []string{"combine", "--db", db, "--agency", "中卫市人民政府", "--year", "2023"}},
		{"history", []string{"history", "--db", db, "--agency", bad, "--year", "2023"}},
		{"pdf of the stored report", []string{"pdf", "--fonts", "bundled", "--db", db, "--agency", bad, "--year", "2023", "-o", out}},
		{"pdf of a file", []string{"pdf", "--fonts", "bundled", "-o", out, odd}},
		{"check", []string{"check", unit, odd, wrong}},
		{"import", []string{"import", "--db", filepath.Join(dir, "新.db"), unit, odd, wrong}},
		{"list", []string{"list", "--db", db}},
		{"unknown option", []string{"list", "--\x1b[2J"}},
		{"backup", []string{"backup", "--db", db, "-o", filepath.Join(files, "备份\x1b[2J.db")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stdout, stderr := run(t, tc.args...)
			for _, s := range []string{stdout, stderr} {
				if r, found := acting(s); found {
					t.Errorf("U+%04X reached the terminal raw:\n%q", r, s)
				}
			}
			if !strings.Contains(stdout+stderr, `\u001b`) {
				t.Errorf("the escape is not written out:\n%s\n%s", stdout, stderr)
			}
		})
	}
}

// TestEscapeTerminal: Chinese text, tabs and line breaks
// pass as they are, and a character written out reads back the same.
func TestEscapeTerminal(t *testing.T) {
	for _, tc := range []struct{ in, lines, cell string }{
		{"中卫市民政局 2023 年\t已导入\n", "中卫市民政局 2023 年\t已导入\n", `中卫市民政局 2023 年\u0009已导入\u000a`},
		{"a\x1b[2Jb", `a\u001b[2Jb`, `a\u001b[2Jb`},
		{"a\rb\n", `a\u000db` + "\n", `a\u000db\u000a`},
		{"局\u202e\u200b\u2028", `局\u202e\u200b\u2028`, `局\u202e\u200b\u2028`},
		{"\u009b31m", `\u009b31m`, `\u009b31m`},
		{"\xff\xfe乱", `\xff\xfe乱`, `\xff\xfe乱`},
		{"\x7f", `\u007f`, `\u007f`},
		{"", "", ""},
	} {
		if got := escapeTerminal(tc.in, true); got != tc.lines {
			t.Errorf("escapeTerminal(%q, lines) = %q, want %q", tc.in, got, tc.lines)
		}
		if got := escapeTerminal(tc.in, false); got != tc.cell {
			t.Errorf("escapeTerminal(%q, cell) = %q, want %q", tc.in, got, tc.cell)
		}
	}
}
