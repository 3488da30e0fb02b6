package window

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/assets"
)

// TestOpenedWithAFile: the program started with a report file (double-clicked,
// or opened through 打开方式) imports it as 导入 does and shows it; a file
// that cannot be read is said in Chinese, naming it.
func TestOpenedWithAFile(t *testing.T) {
	h := newHarness(t, nil)
	path := filepath.Join(t.TempDir(), "示例.nianbao.json")
	if err := os.WriteFile(path, assets.ExampleReport, 0o644); err != nil {
		t.Fatal(err)
	}
	h.u.importPaths([]string{path})
	h.waitFor("the report imported and shown", func() bool {
		list, err := h.st.List()
		return err == nil && len(list) == 1 && h.u.OpenID() == list[0].ID
	})

	h.u.importPaths([]string{filepath.Join(t.TempDir(), "没有这个文件.nianbao.json")})
	h.waitFor("the message", func() bool { return strings.Contains(h.overlayText(), "没有这个文件") })
}
