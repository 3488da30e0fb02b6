package pdf

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"nianbao/data/intake"
)

// BenchmarkReadHongzequ is a warm read of the 5-page PDF of
// 洪泽区 2024 and its matching into a report: PDFium compiled and started.
func BenchmarkReadHongzequ(b *testing.B) {
	data := readTestdata(b, "hongzequ-2024.pdf")
	b.ReportAllocs()
	for b.Loop() {
		d, err := reader.Read(context.Background(), "hongzequ-2024.pdf", data)
		if err != nil {
			b.Fatal(err)
		}
		if _, rd := intake.Match(d); !rd.Complete() {
			b.Fatal(rd)
		}
	}
}

// startAndRead starts a Reader with its compiled code in dir and reads the
// PDF of 洪泽区 once, as the first read of a program does.
func startAndRead(tb testing.TB, dir string, data []byte) time.Duration {
	start := time.Now()
	r, err := New(dir, Limits{})
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	if _, err := r.Read(context.Background(), "hongzequ-2024.pdf", data); err != nil {
		tb.Fatal(err)
	}
	return time.Since(start)
}

// BenchmarkFirstReadCached is the first read of a program started again: the
// compiled PDFium loaded from the cache folder, then one read.
func BenchmarkFirstReadCached(b *testing.B) {
	data := readTestdata(b, "hongzequ-2024.pdf")
	dir := b.TempDir()
	startAndRead(b, dir, data) // fills the cache
	b.ResetTimer()
	for b.Loop() {
		startAndRead(b, dir, data)
	}
}

// The cache folder is shared by every copy of the program: two starting at
// once on an empty folder both compile and both work (wazero writes a
// compiled module to a temporary file and renames it into place, so a reader
// never sees half a file), and a damaged file in it is compiled again, not
// trusted. The time of a first start, with no cache, is logged: it is the one
// wait a user sees, once.
func TestCacheShared(t *testing.T) {
	if testing.Short() || raceBuild {
		t.Skip("compiles PDFium three times (make test runs it without the race detector)")
	}
	data := readTestdata(t, "hongzequ-2024.pdf")
	dir := t.TempDir()
	var wg sync.WaitGroup
	took := make([]time.Duration, 2)
	for i := range took {
		wg.Go(func() { took[i] = startAndRead(t, dir, data) })
	}
	wg.Wait()
	t.Logf("two programs starting at once with no cache: %v and %v to the end of the first read", took[0].Round(time.Millisecond), took[1].Round(time.Millisecond))
	files := cacheFiles(t, dir)
	if len(files) == 0 {
		t.Fatal("nothing in the cache folder")
	}
	for _, f := range files {
		if filepath.Ext(f) == ".tmp" {
			t.Errorf("a temporary file left in the cache: %s", f)
		}
	}
	t.Logf("from the cache: %v to the end of the first read", startAndRead(t, dir, data).Round(time.Millisecond))
	for _, p := range files {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		junk := make([]byte, st.Size())
		copy(junk, "WAZEVO\x07garbage")
		if err := os.WriteFile(p, junk, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("with a damaged cache: %v to the end of the first read", startAndRead(t, dir, data).Round(time.Millisecond))
}

// cacheFiles lists the files under dir.
func cacheFiles(t *testing.T, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
