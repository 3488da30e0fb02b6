package assets

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"os"
	"strings"
	"testing"
	"unsafe"
)

// The fonts' pages handed back are read again from the program file: the
// bytes are the same after, and the mapping holding them has tens of MB
// fewer resident (file-backed, clean) pages.
func TestReleaseFontPages(t *testing.T) {
	fonts := fontFiles()
	sum := func() [][32]byte { // touches every page
		var s [][32]byte
		for _, b := range fonts {
			s = append(s, sha256.Sum256(b))
		}
		return s
	}
	before := sum()
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(fonts[0])))
	rss, anon := mappingRSS(t, addr)
	ReleaseFontPages()
	rssAfter, anonAfter := mappingRSS(t, addr)
	if after := sum(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatal("the fonts' bytes changed when their pages were handed back")
	}
	total := 0
	for _, b := range fonts {
		total += len(b)
	}
	t.Logf("mapping of the fonts: RSS %d → %d kB (anonymous %d → %d kB); the fonts are %d kB",
		rss, rssAfter, anon, anonAfter, total>>10)
	// Every whole page of the fonts was resident and is no longer: all but
	// two pages a font (and some slack for the mapping's other data).
	if want := total>>10 - 1024; rss-rssAfter < want {
		t.Errorf("RSS of the fonts' mapping fell by %d kB, want at least %d kB", rss-rssAfter, want)
	}
	// Nothing wrote the fonts: their pages are the file's, not copies
	// (DONTNEED would lose a copy's writes).
	if anon > 1024 || anonAfter > anon {
		t.Errorf("anonymous (written) pages in the fonts' mapping: %d kB, then %d kB", anon, anonAfter)
	}
	if rss, _ := mappingRSS(t, addr); rss-rssAfter < total>>10-1024 {
		t.Errorf("reading the fonts again brought back %d kB, want about %d", rss-rssAfter, total>>10)
	}
}

// mappingRSS reads /proc/self/smaps for the mapping holding addr: its
// resident kB and, of those, the anonymous ones (pages written since mapped,
// copied from the file).
func mappingRSS(t *testing.T, addr uintptr) (rss, anon int) {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	in := false
	found := false
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(strings.Fields(line)[0], "%x-%x", &lo, &hi); n == 2 && !strings.HasSuffix(strings.Fields(line)[0], ":") {
			in = lo <= addr && addr < hi
			found = found || in
			continue
		}
		if !in {
			continue
		}
		var kb int
		if _, err := fmt.Sscanf(line, "Rss: %d kB", &kb); err == nil {
			rss = kb
		}
		if _, err := fmt.Sscanf(line, "Anonymous: %d kB", &kb); err == nil {
			anon = kb
		}
	}
	if !found {
		t.Fatalf("no mapping holds %#x", addr)
	}
	return rss, anon
}
