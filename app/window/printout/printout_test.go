package printout

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// isolateCache points os.UserCacheDir at a temporary folder on every system
// (XDG_CACHE_HOME on Linux, LocalAppData on Windows, HOME on macOS), so that no
// test writes into the real cache. It returns that folder.
func isolateCache(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	t.Setenv("LocalAppData", dir)
	t.Setenv("HOME", dir)
	got, err := os.UserCacheDir()
	if err != nil || !strings.HasPrefix(got, dir) {
		t.Fatalf("os.UserCacheDir() = %q, %v; not inside %s", got, err, dir)
	}
	return dir
}

func TestWriteTemp(t *testing.T) {
	cache := isolateCache(t)
	p1, err := writeTemp("preview", "某某市民政局2023年政府信息公开工作年度报告.pdf", []byte("%PDF-1"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p1, cache) {
		t.Errorf("temp file %s is outside the test's cache %s", p1, cache)
	}
	if filepath.Base(p1) != "某某市民政局2023年政府信息公开工作年度报告.pdf" {
		t.Errorf("temp file %s is not named as the report", p1)
	}
	p2, err := writeTemp("preview", filepath.Base(p1), []byte("%PDF-2"))
	if err != nil || p2 != p1 {
		t.Fatalf("second preview: %s, %v", p2, err)
	}
	if b, _ := os.ReadFile(p1); string(b) != "%PDF-2" {
		t.Errorf("temp file holds %q", b)
	}
}

// TestWriteTempLeavesNothing: the preview's PDF is written whole, a second
// one beside a held one gets another name, nothing temporary stays, and old
// previews are removed.
func TestWriteTempLeavesNothing(t *testing.T) {
	isolateCache(t)
	p, err := writeTemp("preview", "报告.pdf", []byte("%PDF-1"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(p)
	stale := filepath.Join(dir, "旧.pdf")
	os.WriteFile(stale, []byte("x"), 0o600)
	old := time.Now().Add(-2 * tempMaxAge)
	os.Chtimes(stale, old, old)
	p2, err := writeTemp("preview", "报告.pdf", []byte("%PDF-2"))
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(p2); !bytes.Equal(data, []byte("%PDF-2")) {
		t.Errorf("preview holds %q", data)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || e.Name() == "旧.pdf" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
