package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHTML(t *testing.T) {
	dir := t.TempDir()
	file := writeExample(t, dir, "example.nianbao.json")
	folder := filepath.Join(dir, "中卫市民政局2023年政府信息公开工作年度报告")

	code, out, errOut := run(t, "html", file)
	if code != 0 || !strings.Contains(out, filepath.Join(folder, "index.html")) {
		t.Fatalf("html: %d\n%s\n%s", code, out, errOut)
	}
	for _, name := range []string{"index.html", "fragment.html", "proactive.csv", "applications.csv", "review_litigation.csv",
		"中卫市民政局2023年政府信息公开工作年度报告.nianbao.json"} {
		if info, err := os.Stat(filepath.Join(folder, name)); err != nil || info.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	page, _ := os.ReadFile(filepath.Join(folder, "index.html"))
	if !strings.Contains(string(page), `<svg aria-hidden="true"`) || !strings.Contains(string(page), "图解") {
		t.Error("the page has no charts")
	}

	// from the database, into a folder of its own; the trend needs two years
	db := filepath.Join(dir, "test.db")
	prev := writeExample(t, dir, "prev.nianbao.json", `"year": 2023`, `"year": 2022`)
	for _, f := range []string{file, prev} {
		if code, out, errOut := run(t, "import", "--db", db, f); code != 0 {
			t.Fatalf("import: %s %s", out, errOut)
		}
	}
	other := filepath.Join(dir, "web")
	if code, out, errOut = run(t, "html", "--db", db, "--agency", "中卫市民政局", "--year", "2023", "-o", other); code != 0 {
		t.Fatalf("html --db: %d\n%s\n%s", code, out, errOut)
	}
	page, _ = os.ReadFile(filepath.Join(other, "index.html"))
	if !strings.Contains(string(page), "2022") {
		t.Error("no trend over the stored years")
	}

	// the input file is never overwritten
	in := filepath.Join(folder, "中卫市民政局2023年政府信息公开工作年度报告.nianbao.json")
	before, _ := os.ReadFile(in)
	code, _, errOut = run(t, "html", "-o", folder, in)
	if after, _ := os.ReadFile(in); code != 2 || !strings.Contains(errOut, "输入文件") || string(after) != string(before) {
		t.Errorf("writing over the input: %d %s", code, errOut)
	}
	if code, _, errOut = run(t, "html", "-o", "-", file); code != 2 || !strings.Contains(errOut, "标准输出") {
		t.Errorf("-o -: %d %s", code, errOut)
	}
	if code, _, errOut = run(t, "html"); code != 2 || !strings.Contains(errOut, "用法") {
		t.Errorf("no file: %d %s", code, errOut)
	}
	if code, _, errOut = run(t, "html", "--agency", "x", "--year", "2023", file); code != 2 {
		t.Errorf("both a file and --agency: %d %s", code, errOut)
	}
}
