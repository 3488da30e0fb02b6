package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Twenty imports and twenty exports on one database at once, as a batch
// script runs them, twice over: every one succeeds (none is refused because
// another copies or prunes backups beside it), and every import is listed.
func TestConcurrentImportsAndExports(t *testing.T) {
	dir := t.TempDir()
	db := importExample(t, dir)
	for round := range 2 {
		var wg sync.WaitGroup
		var mu sync.Mutex
		var failed []string
		fail := func(s string) {
			mu.Lock()
			failed = append(failed, s)
			mu.Unlock()
		}
		for i := range 20 {
			name := fmt.Sprintf("第%d轮机关%d", round, i)
			file := writeExample(t, dir, fmt.Sprintf("in-%d-%d.nianbao.json", round, i), `"agency": "中卫市民政局"`, `"agency": "`+name+`"`)
			out := filepath.Join(dir, fmt.Sprintf("out-%d-%d.nianbao.json", round, i))
			wg.Add(2)
			go func() {
				defer wg.Done()
				var o, e strings.Builder
				if code := Run([]string{"import", "--db", db, file}, &o, &e, nil); code != 0 {
					fail(fmt.Sprintf("import %s: %d %s", name, code, e.String()))
				}
			}()
			go func() {
				defer wg.Done()
				var o, e strings.Builder
				if code := Run([]string{"export", "--db", db, "--agency", agency, "--year", "2023", "-o", out}, &o, &e, nil); code != 0 {
					fail(fmt.Sprintf("export %d: %d %s", i, code, e.String()))
				}
			}()
		}
		wg.Wait()
		if len(failed) > 0 {
			t.Fatalf("round %d: %d of 40 commands failed:\n%s", round, len(failed), strings.Join(failed, "\n"))
		}
		_, list, _ := run(t, "list", "--db", db)
		for i := range 20 {
			if name := fmt.Sprintf("第%d轮机关%d", round, i); !strings.Contains(list, name) {
				t.Errorf("%s imported but not listed", name)
			}
		}
	}
}
