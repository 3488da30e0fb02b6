package assets

import (
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

// ReleaseFontPages tells the kernel that the resident pages of the PDF fonts
// (Noto Serif/Sans SC and the Kai face, 55 MB in the binary) are no longer
// needed: reading them for the preview, a PDF or the 图解 leaves tens of MB
// counted in the window's RSS (issue 19 point 13). The embedded bytes are in the
// program file's data, a private file mapping that nothing writes, so a page
// handed back is read again from the file when next touched; only the whole
// pages inside each font are given, never a neighbour's bytes. The window's
// own UI fonts (the cut-down faces), which Fyne reads at every new glyph,
// stay resident.
func ReleaseFontPages() {
	page := uintptr(os.Getpagesize())
	for _, b := range pdfFonts() {
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

// pdfFonts are the full faces the PDF, the preview and the 图解 read (the
// window only for glyphs its UI faces lack), whose pages ReleaseFontPages
// hands back.
func pdfFonts() [][]byte {
	return [][]byte{NotoSerifSCRegular, NotoSerifSCBold, NotoSansSCRegular, NotoSansSCBold, ARPLKaitiMGB}
}
