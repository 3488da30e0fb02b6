package cli

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/data/outfile"
)

// storeOldRelease adds to the database at db a report as an older release
// saved it, under agency, for 2023, with a title that ends in a space.
func storeOldRelease(t *testing.T, db, agency string) {
	t.Helper()
	var d map[string]any
	if err := json.Unmarshal(assets.ExampleReport, &d); err != nil {
		t.Fatal(err)
	}
	d["agency"] = agency
	d["title"] = "旧版本的标题 "
	content, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(`INSERT INTO reports (agency, year, saved_at, kind, content) VALUES (?, 2023, '2024-01-05T08:00:00.000000Z', 'import', ?)`,
		agency, string(content)); err != nil {
		t.Fatal(err)
	}
}

// TestOldReleaseNames: reports the old release accepted (a trailing space, a
// zero-width character, a 150-character name) are exported under the cleaned
// name, found by it, imported on another machine, and renamed; every message
// says the old release saved the text and offers the fix.
func TestOldReleaseNames(t *testing.T) {
	long := "某市" + strings.Repeat("很", 150) + "局"
	for _, tc := range []struct {
		name, stored, typed, clean, why string
		to                              string // rename's --to; "" takes the cleaned name
	}{
		{"trailing space", "某县财政局 ", "某县财政局 ", "某县财政局", "开头或结尾有空格", ""},
		{"zero-width space", "某县\u200b教育局", "某县教育局", "某县教育局", "含有不可见的字符 U+200B", ""},
		{"150 characters", long, long, "某市" + strings.Repeat("很", 98), "长度为 153 个字，超过 100 个字的上限", "某市很局"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			db := importExample(t, dir)
			storeOldRelease(t, db, tc.stored)

			code, out, errOut := run(t, "export", "--db", db, "--agency", tc.typed, "--year", "2023")
			file := outfile.FileName(tc.clean+"2023年政府信息公开工作年度报告", ".nianbao.json")
			if code != 0 || !strings.Contains(out, "已导出："+file) {
				t.Fatalf("export: %d\n%s\n%s", code, out, errOut)
			}
			for _, want := range []string{"是旧版本保存的，" + tc.why, "已改为“" + tc.clean + "”", "标题“旧版本的标题 ”是旧版本保存的", "nianbao rename --agency"} {
				if !strings.Contains(errOut, want) {
					t.Errorf("export says %q, want %q", errOut, want)
				}
			}
			other := filepath.Join(dir, "另一台电脑.db")
			if code, out, errOut := run(t, "import", "--db", other, file); code != 0 || !strings.Contains(out, "已导入 "+tc.clean+" 2023 年") {
				t.Errorf("import of the exported file on another machine: %d\n%s\n%s", code, out, errOut)
			}

			code, out, errOut = run(t, "rename", "--db", db, "--agency", tc.typed, "--year", "2023", "--to", tc.to)
			want := tc.to
			if want == "" {
				want = tc.clean
			}
			if code != 0 || !strings.Contains(out, "改名为“"+want+"”") || !strings.Contains(out, "标题“旧版本的标题 ”") {
				t.Fatalf("rename: %d\n%s\n%s", code, out, errOut)
			}
			if _, out, _ := run(t, "list", "--db", db); !strings.Contains(out, want+" ") || strings.Contains(out, `\u200b`) {
				t.Errorf("list after rename:\n%s", out)
			}
			code, out, errOut = run(t, "export", "--db", db, "--agency", want, "--year", "2023", "-o", "-")
			if code != 0 || strings.Contains(errOut, "旧版本") || !strings.Contains(out, `"agency": "`+want+`"`) {
				t.Errorf("export after rename: %d\n%.200s\n%s", code, out, errOut)
			}
		})
	}
}

// TestRenameRefusals: rename names what stands in the way.
func TestRenameRefusals(t *testing.T) {
	dir := t.TempDir()
	db := importExample(t, dir)
	storeOldRelease(t, db, agency+" ")
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"--agency", agency + " "}, "数据库中已有“" + agency + "”2023 年的年报，不能把“" + agency + " ”改成这个名称"},
		{[]string{"--agency", agency + " ", "--to", "新\x1b名称"}, "新名称“新\\u001b名称”含有不可见的控制字符 U+001B"},
		{[]string{"--agency", agency}, "机关名称“" + agency + "”已符合要求；要改为别的名称，请用 --to 给出新名称"},
		{[]string{"--agency", "没有这个局"}, "数据库中没有 没有这个局 2023 年的年报"},
	} {
		code, _, errOut := run(t, append([]string{"rename", "--db", db, "--year", "2023"}, tc.args...)...)
		if code != exitFailure || !strings.Contains(errOut, tc.says) {
			t.Errorf("rename %v: %d %q, want %q", tc.args, code, errOut, tc.says)
		}
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatal(err)
	}
}
