//go:build unix

package combine

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExpandPathsFollowsLinks: report files and folders reached through links
// are read (each once, a loop not followed for ever), and every entry that is
// not read is listed with why.
func TestExpandPathsFollowsLinks(t *testing.T) {
	base := t.TempDir()
	in := filepath.Join(base, "收到")
	elsewhere := filepath.Join(base, "别处")
	for _, d := range []string{in, filepath.Join(in, "子"), elsewhere, filepath.Join(elsewhere, "夹")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(path string) {
		if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(in, "a.json"))
	write(filepath.Join(in, "子", "b.json"))
	write(filepath.Join(in, "说明.txt"))
	write(filepath.Join(elsewhere, "c.json"))
	write(filepath.Join(elsewhere, "夹", "d.json"))
	links := map[string]string{
		"链到文件.json": filepath.Join(elsewhere, "c.json"),
		"链到文件夹":     filepath.Join(elsewhere, "夹"),
		"回到上层":      in,
		"同一个.json":  filepath.Join(in, "a.json"),
		"断链.json":   filepath.Join(base, "没有.json"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(in, name)); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(in, "管道.json"), 0o644); err != nil {
		t.Fatal(err)
	}

	found, err := ExpandPaths([]string{in})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found.Files {
		rel, _ := filepath.Rel(in, f)
		got = append(got, rel)
	}
	want := []string{"a.json", "子/b.json", "链到文件.json", "链到文件夹/d.json"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files = %v, want %v", got, want)
	}
	skipped := map[string]Skipped{}
	for _, s := range found.Skipped {
		rel, _ := filepath.Rel(in, s.Path)
		skipped[rel] = s
	}
	for name, want := range map[string]struct {
		why    string
		report bool
	}{
		"说明.txt":   {"不是年报文件", false},
		"回到上层":     {"已读过的文件夹", false},
		"同一个.json": {"是同一个文件", false},
		"断链.json":  {"不存在", true},
		"管道.json":  {"不是普通文件", true},
	} {
		s, ok := skipped[name]
		if !ok || !strings.Contains(s.Why, want.why) || s.Report != want.report {
			t.Errorf("%s: skipped = %+v (listed %v), want %q, report %v", name, s, ok, want.why, want.report)
		}
	}
	if len(found.Skipped) != 5 {
		t.Errorf("skipped %d entries, want 5: %+v", len(found.Skipped), found.Skipped)
	}
}
