package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestOFD: the ofd command names its output as every output, beside the
// input or the current folder, refuses its input and the database, and
// carries the 图解 with --charts and the trend from the database.
func TestOFD(t *testing.T) {
	dir := t.TempDir()
	in := writeExample(t, dir, "in.nianbao.json")
	y2022 := writeExample(t, dir, "2022.nianbao.json", `"year": 2023`, `"year": 2022`)
	db := filepath.Join(dir, "n.db")
	if code, _, errOut := run(t, "import", "--db", db, in, y2022); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	before, _ := os.ReadFile(in)
	const name = "中卫市民政局2023年政府信息公开工作年度报告.ofd"
	stored := []string{"--db", db, "--agency", "中卫市民政局", "--year", "2023"}

	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		file   string // the file written, "" for none
		images int
		stdout string
		stderr string
	}{
		{"default name beside the input", []string{"ofd", "--fonts", "bundled", in}, 0, filepath.Join(dir, name), 0, "已生成：" + filepath.Join(dir, name) + "（7 页）", ""},
		{"-o with charts", []string{"ofd", "--fonts", "bundled", "--charts", "-o", filepath.Join(dir, "a.ofd"), in}, 0, filepath.Join(dir, "a.ofd"), 5, "图解 5 幅", ""},
		{"charts and trend from the database", append([]string{"ofd", "--fonts", "bundled", "--charts", "-o", filepath.Join(dir, "b.ofd")}, stored...), 0, filepath.Join(dir, "b.ofd"), 7, "图解 7 幅", ""},
		{"onto its input", []string{"ofd", "-o", in, in}, 2, "", 0, "", "本次读取的输入文件"},
		{"onto the database", append([]string{"ofd", "-o", db}, stored...), 2, "", 0, "", "数据库"},
		{"bad --fonts", []string{"ofd", "--fonts", "x", in}, 2, "", 0, "", "auto 或 bundled"},
		{"no file", []string{"ofd"}, 2, "", 0, "", "请给出一个年报文件"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := runWriting(t, tc.args, tc.code, tc.stdout, tc.stderr, tc.file)
			if b == nil {
				return
			}
			names, _ := docxParts(t, b) // a zip like the .docx
			if countPrefix(names, "OFD.xml") != 1 || countPrefix(names, "Doc_0/Pages/Page_") == 0 {
				t.Errorf("not an OFD package: %v", names)
			}
			if n := countPrefix(names, "Doc_0/Res/image_"); n != tc.images {
				t.Errorf("%d pictures, want %d", n, tc.images)
			}
		})
	}
	if after, _ := os.ReadFile(in); !bytes.Equal(before, after) {
		t.Error("the input changed")
	}
}
