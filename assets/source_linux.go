package assets

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// Reader gives the bytes of b, one of the files embedded in the program,
// read from the program file (pread on /proc/self/exe) instead of from b's
// pages in memory, when that can be done; otherwise b itself.
//
// Why: the first touch of a page of the program file maps its neighbours
// too (the kernel's fault-around, 64 KB), so drawing a few hundred glyphs
// of a CJK font spread over 15 MB made some 40 MB of it resident at once,
// the window's highest memory of the day (issue 19 point 13). Read with
// pread the glyphs come from the page cache and nothing is mapped.
//
// The program file is opened once, as /proc/self/exe (the file that is
// running, even when it has been replaced since), and used only for slices
// found whole in its mapping and whose first and last bytes read back the
// same as in memory.
func Reader(b []byte) io.ReaderAt {
	if f, off, ok := inProgramFile(b); ok {
		return io.NewSectionReader(f, off, int64(len(b)))
	}
	return bytes.NewReader(b)
}

// self is the program file, opened once, and its mappings, read once: they
// do not change while the program runs, and Reader is called for every
// drawing of the charts.
var self struct {
	once sync.Once
	f    *os.File
	maps []mapping
}

// mapping is a range of addresses mapped from the program file, at off.
type mapping struct{ start, end, off uint64 }

// inProgramFile finds b in the program file: the file and b's offset in it.
func inProgramFile(b []byte) (*os.File, int64, bool) {
	if len(b) == 0 {
		return nil, 0, false
	}
	self.once.Do(func() {
		f, err := os.Open("/proc/self/exe")
		if err != nil {
			return
		}
		if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
			f.Close()
			return
		}
		self.f, self.maps = f, programMappings()
	})
	if self.f == nil {
		return nil, 0, false
	}
	off, ok := mappedOffset(uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b)))
	if !ok || !sameBytes(self.f, off, b) {
		return nil, 0, false
	}
	return self.f, off, true
}

// mappedOffset is the program file's offset of the n bytes at addr, when a
// single mapping of the program file holds them all.
func mappedOffset(addr, n uintptr) (int64, bool) {
	for _, m := range self.maps {
		if uint64(addr) >= m.start && uint64(addr)+uint64(n) <= m.end {
			return int64(m.off + uint64(addr) - m.start), true
		}
	}
	return 0, false
}

// programMappings reads /proc/self/maps for the mappings of the program file.
func programMappings() []mapping {
	exe, err := os.Readlink("/proc/self/exe")
	if err != nil {
		return nil
	}
	maps, err := os.Open("/proc/self/maps")
	if err != nil {
		return nil
	}
	defer maps.Close()
	var out []mapping
	sc := bufio.NewScanner(maps)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		// start-end perms offset dev inode path
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || strings.Join(fields[5:], " ") != exe {
			continue
		}
		lo, hi, ok := strings.Cut(fields[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		off, err3 := strconv.ParseUint(fields[2], 16, 64)
		if err1 == nil && err2 == nil && err3 == nil {
			out = append(out, mapping{start, end, off})
		}
	}
	return out
}

// sameBytes checks b's first and last bytes against the file at off.
func sameBytes(f *os.File, off int64, b []byte) bool {
	k := min(len(b), 64)
	buf := make([]byte, k)
	for _, at := range []int{0, len(b) - k} {
		if _, err := f.ReadAt(buf, off+int64(at)); err != nil || !bytes.Equal(buf, b[at:at+k]) {
			return false
		}
	}
	return true
}
