package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every print-like command starts the same way (runPrint): the default name
// beside the input, and an output over the input or the open database refused
// before anything is made, whatever the format. The web page's folder was once
// guarded file by file only, so that -o naming the input or the database
// failed later, with words that said neither.
func TestPrintCommandsStartAlike(t *testing.T) {
	dir := t.TempDir()
	file := writeExample(t, dir, "example.nianbao.json")
	db := filepath.Join(dir, "n.db")
	if code, _, errOut := run(t, "import", "--db", db, file); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	stored := []string{"--db", db, "--agency", "中卫市民政局", "--year", "2023"}
	title := "中卫市民政局2023年政府信息公开工作年度报告"
	for _, tc := range []struct {
		cmd     string
		options []string
		made    string // the default output beside the input
	}{
		{"pdf", []string{"--fonts", "bundled"}, title + ".pdf"},
		{"docx", []string{"--fonts", "bundled"}, title + ".docx"},
		{"html", nil, filepath.Join(title, "index.html")},
	} {
		t.Run(tc.cmd, func(t *testing.T) {
			args := append([]string{tc.cmd}, tc.options...)
			before, _ := os.ReadFile(file)
			code, _, errOut := run(t, append(args, "-o", file, file)...)
			if after, _ := os.ReadFile(file); code != exitFailure || !strings.Contains(errOut, "输入文件") || string(after) != string(before) {
				t.Errorf("-o onto the input: exit %d, %q", code, errOut)
			}
			dbBefore, _ := os.ReadFile(db)
			code, _, errOut = run(t, append(append(args, stored...), "-o", db)...)
			if after, _ := os.ReadFile(db); code != exitFailure || !strings.Contains(errOut, "数据库") || string(after) != string(dbBefore) {
				t.Errorf("-o onto the database: exit %d, %q", code, errOut)
			}
			if code, _, errOut := run(t, append(args, file)...); code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if info, err := os.Stat(filepath.Join(dir, tc.made)); err != nil || info.Size() == 0 {
				t.Errorf("no %s beside the input: %v", tc.made, err)
			}
		})
	}
}
