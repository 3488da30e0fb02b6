package paper

import (
	"encoding/binary"
	"os"
	"testing"
	"unsafe"

	"nianbao/app/job"
	"nianbao/app/paper/raster"
	"nianbao/assets"
	"nianbao/data/report"
)

// TestPrintingMapsFewFontPages (issue 19 point 13): laying out, drawing the
// preview's pages and writing the PDF read the bundled fonts' tables and
// glyphs from the program file (assets.Reader), so hardly any of the fonts'
// 55 MB become resident in the process. Read from memory, the kernel mapped
// 64 KB or more around each glyph touched: some 16–40 MB for a busy report,
// the window's highest memory of a working day.
func TestPrintingMapsFewFontPages(t *testing.T) {
	fonts := map[string][]byte{
		"NotoSerifSC-Regular": assets.NotoSerifSCRegular, "NotoSerifSC-Bold": assets.NotoSerifSCBold,
		"NotoSansSC-Regular": assets.NotoSansSCRegular, "NotoSansSC-Bold": assets.NotoSansSCBold,
		"ARPLKaitiMGB": assets.ARPLKaitiMGB,
	}
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	assets.ReleaseFontPages()
	before := map[string]int{}
	for name, b := range fonts {
		before[name] = residentBytes(t, b)
	}

	rd, err := NewRenderer(job.FontsBundled, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc := rd.Layout(r)
	if _, err := raster.New(rd.Faces()).Pages(doc, 1.5); err != nil {
		t.Fatal(err)
	}
	res, err := rd.Render(job.New(r))
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages < 3 {
		t.Fatalf("%d pages: the busy example was not printed", res.Pages)
	}

	total := 0
	for name, b := range fonts {
		got := residentBytes(t, b) - before[name]
		total += got
		t.Logf("%s: %d KB of %d KB became resident", name, got>>10, len(b)>>10)
	}
	// What may still be touched: the first and last bytes of each font, by
	// which assets.Reader checks it found the font in the program file, and
	// whatever the kernel maps around them.
	if total > 5<<20 {
		t.Errorf("%d KB of the fonts became resident, want under 5 MB", total>>10)
	}
}

// residentBytes counts the bytes of the whole pages of b that are mapped in
// this process (/proc/self/pagemap, bit 63 of each page's entry).
func residentBytes(t *testing.T, b []byte) int {
	t.Helper()
	f, err := os.Open("/proc/self/pagemap")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	page := uintptr(os.Getpagesize())
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	first, last := (start+page-1)/page, (start+uintptr(len(b)))/page
	entries := make([]byte, 8*(last-first))
	if _, err := f.ReadAt(entries, int64(first*8)); err != nil {
		t.Skip(err)
	}
	n := 0
	for i := 0; i < len(entries); i += 8 {
		if binary.LittleEndian.Uint64(entries[i:])&(1<<63) != 0 {
			n += int(page)
		}
	}
	return n
}
