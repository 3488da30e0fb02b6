package assets

import (
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

// ReleaseFontPages tells the kernel that the resident pages of the embedded
// fonts (Noto Serif/Sans SC, the Kai face and the window's cut-down faces,
// 60 MB in the binary) are no longer needed: whatever read them in memory
// (Fyne parsing the window's faces, which it copies; gopdf; a chart) leaves
// them counted in the window's RSS (issue 19 point 13). The printing paths
// read the fonts from the program file instead (Reader), so that few pages
// are touched at all. The embedded bytes are in the program file's data, a
// private file mapping that nothing writes, so a page handed back is read
// again from the file when next touched; only the whole pages inside each
// font are given, never a neighbour's bytes.
func ReleaseFontPages() {
	page := uintptr(os.Getpagesize())
	for _, b := range fontFiles() {
		if len(b) == 0 {
			continue
		}
		start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		first := (start + page - 1) &^ (page - 1)
		last := (start + uintptr(len(b))) &^ (page - 1)
		if last <= first {
			continue
		}
		_ = unix.Madvise(b[first-start:last-start], unix.MADV_DONTNEED) // advice: a failure leaves the pages resident
	}
}

// fontFiles are the embedded fonts whose pages ReleaseFontPages hands back.
func fontFiles() [][]byte {
	return [][]byte{NotoSerifSCRegular, NotoSerifSCBold, NotoSansSCRegular, NotoSansSCBold, ARPLKaitiMGB,
		NotoSansSCRegularUI, NotoSansSCBoldUI}
}
