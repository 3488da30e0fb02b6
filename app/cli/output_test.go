package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// outputCase is one command that writes a file: its arguments but the output
// option, which is given as opt.
type outputCase struct {
	name string
	args []string
	opt  string // -o or --xlsx
	// says: what the command says of the file it wrote (on stdout when it
	// wrote a file), it says on stderr when the file is on stdout.
	says bool
	// refused: the output cannot be standard output (a folder), and the
	// command must say so on stderr and print nothing on stdout.
	refused bool
}

// outputCases are every command that takes an output option, each once for
// every output option it has.
func outputCases(t *testing.T) []outputCase {
	dir := t.TempDir()
	file := writeExample(t, dir, "example.nianbao.json")
	db := importExample(t, dir)
	units := filepath.Join(dir, "单位")
	os.Mkdir(units, 0o755)
	writeExample(t, units, "a.nianbao.json", `"agency": "中卫市民政局"`, `"agency": "中卫市财政局"`)
	writeExample(t, units, "b.nianbao.json", `"agency": "中卫市民政局"`, `"agency": "中卫市教育局"`)
	combine := []string{"combine", "--agency", "中卫市人民政府", "--year", "2023", units}
	return []outputCase{
		{says: true, name: "pdf", args: []string{"pdf", "--fonts", "bundled", file}, opt: "-o"},
		{says: true, name: "pdf charts from the database", args: []string{"pdf", "--fonts", "bundled", "--charts", "--db", db, "--agency", "中卫市民政局", "--year", "2023"}, opt: "-o"},
		{says: true, name: "docx", args: []string{"docx", "--charts", file}, opt: "-o"},
		{says: true, name: "ofd", args: []string{"ofd", "--fonts", "bundled", "--charts", file}, opt: "-o"},
		{name: "export", args: []string{"export", "--db", db, "--agency", "中卫市民政局", "--year", "2023"}, opt: "-o"},
		{name: "backup", args: []string{"backup", "--db", db}, opt: "-o"},
		{says: true, name: "combine", args: combine, opt: "-o"},
		{says: true, name: "combine json", args: append([]string{"combine", "--json"}, combine[1:]...), opt: "-o"},
		{says: true, name: "combine xlsx", args: combine, opt: "--xlsx"},
		{name: "html", args: []string{"html", file}, opt: "-o", refused: true},
		{says: true, name: "convert", args: []string{"convert", copyFile(t, haitanHTML, dir, "haitan.html")}, opt: "-o"},
	}
}

// TestStdoutIsTheDataAlone (issue 23.2): every command that takes an output
// option, given standard output as "-" or /dev/stdout, writes on standard
// output exactly the bytes it writes into a file, and every word it says
// goes to standard error.
func TestStdoutIsTheDataAlone(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range outputCases(t) {
		covered[c.args[0]+" "+c.opt] = true
		t.Run(c.name, func(t *testing.T) {
			if c.refused {
				code, stdout, stderr := run(t, append(c.args, c.opt, "-")...)
				if code != exitFailure || stdout != "" || !strings.Contains(stderr, "标准输出") {
					t.Fatalf("%s -: exit %d, stdout %q, stderr %q", c.opt, code, stdout, stderr)
				}
				return
			}
			file := filepath.Join(t.TempDir(), "out")
			code, stdout, stderr := run(t, append(c.args, c.opt, file)...)
			if code > exitErrors {
				t.Fatalf("%s file: exit %d\n%s\n%s", c.opt, code, stdout, stderr)
			}
			want, err := os.ReadFile(file)
			if err != nil || len(want) == 0 {
				t.Fatalf("%s file wrote nothing: %v", c.opt, err)
			}
			for _, to := range []string{"-", "/dev/stdout"} {
				gotCode, got, words := run(t, append(c.args, c.opt, to)...)
				if gotCode != code {
					t.Errorf("%s %s: exit %d, to a file %d\n%s", c.opt, to, gotCode, code, words)
				}
				if got != string(want) {
					t.Errorf("%s %s: standard output (%d bytes) is not the file (%d bytes); it starts %q",
						c.opt, to, len(got), len(want), head(got))
				}
				// What the command said about the file, it says on stderr.
				if said := strings.TrimSpace(stdout); c.says && !strings.Contains(words, firstLineWords(said)) {
					t.Errorf("%s %s: stderr lacks %q:\n%s", c.opt, to, firstLineWords(said), words)
				}
			}
		})
	}
	// Every command whose usage names an output option is tried above.
	var missing []string
	for _, c := range commands() {
		for _, opt := range []string{"-o", "--xlsx"} {
			if regexp.MustCompile(`(?m)^\s+`+opt+` `).MatchString(c.usage) && !covered[c.name+" "+opt] {
				missing = append(missing, c.name+" "+opt)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("not tried with standard output: %v", missing)
	}
}

// TestTwoOutputsOnStdoutRefused: -o and --xlsx both to standard output would
// mix two files; refused before anything is read or written.
func TestTwoOutputsOnStdoutRefused(t *testing.T) {
	dir := t.TempDir()
	writeExample(t, dir, "a.nianbao.json")
	code, stdout, stderr := run(t, "combine", "--agency", "中卫市人民政府", "--year", "2023", "-o", "-", "--xlsx", "/dev/stdout", dir)
	if code != exitFailure || stdout != "" || !strings.Contains(stderr, "-o 和 --xlsx 不能都写到标准输出") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// firstLineWords is the first line of what a command said, up to its first
// colon: the part that does not name the file.
func firstLineWords(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	words, _, _ := strings.Cut(line, "：")
	return words
}

func head(s string) string {
	if len(s) > 40 {
		return s[:40]
	}
	return s
}

// TestStdoutDeviceIsStdout: the device or pipe standard output is, named by
// a path of its own, is standard output too; another pipe is not.
func TestStdoutDeviceIsStdout(t *testing.T) {
	pipe := func() *os.File {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close(); w.Close() })
		return w
	}
	out, other := pipe(), pipe()
	name := func(f *os.File) string { return "/proc/self/fd/" + strconv.Itoa(int(f.Fd())) }
	if _, err := os.Stat(name(out)); err != nil {
		t.Skip("no /proc/self/fd here")
	}
	e := &env{stderr: &bytes.Buffer{}, data: out}
	if !e.isStdout(name(out)) {
		t.Errorf("%s, the pipe standard output is, is not standard output", name(out))
	}
	if e.isStdout(name(other)) {
		t.Errorf("%s, another pipe, is standard output", name(other))
	}
	if e.isStdout(filepath.Join(t.TempDir(), "a.pdf")) {
		t.Errorf("a new file is standard output")
	}
}
