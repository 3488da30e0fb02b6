//go:build windows

package startup

import (
	"syscall"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

var (
	user32                 = syscall.NewLazyDLL("user32.dll")
	procGetWindowPlacement = user32.NewProc("GetWindowPlacement")
	procSetWindowPlacement = user32.NewProc("SetWindowPlacement")
)

// windowPlacement is Windows' WINDOWPLACEMENT.
type windowPlacement struct {
	length, flags, showCmd   uint32
	minX, minY, maxX, maxY   int32
	left, top, right, bottom int32
}

const swShowMaximized = 3

func hwndOf(w fyne.Window) uintptr {
	var h uintptr
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if c, ok := ctx.(driver.WindowsWindowContext); ok {
				h = c.HWND
			}
		})
	}
	return h
}

// readPlacement is the window's restored rectangle and maximised state.
func readPlacement(w fyne.Window) (raw []byte, maximised bool) {
	h := hwndOf(w)
	if h == 0 {
		return nil, false
	}
	var p windowPlacement
	p.length = uint32(unsafe.Sizeof(p))
	if r, _, _ := procGetWindowPlacement.Call(h, uintptr(unsafe.Pointer(&p))); r == 0 {
		return nil, false
	}
	raw = unsafe.Slice((*byte)(unsafe.Pointer(&p)), unsafe.Sizeof(p))
	return append([]byte(nil), raw...), p.showCmd == swShowMaximized
}

// applyPlacement puts the window back where it was left, when that place is
// still on the screen (a monitor may have gone since).
func applyPlacement(w fyne.Window, raw []byte, work rect) {
	var p windowPlacement
	if len(raw) != int(unsafe.Sizeof(p)) {
		return
	}
	copy(unsafe.Slice((*byte)(unsafe.Pointer(&p)), unsafe.Sizeof(p)), raw)
	if !onWorkArea(rect{int(p.left), int(p.top), int(p.right - p.left), int(p.bottom - p.top)}, work) {
		return
	}
	if p.showCmd != swShowMaximized {
		p.showCmd = 1 // SW_SHOWNORMAL, never minimised
	}
	p.length = uint32(unsafe.Sizeof(p))
	p.flags = 0
	if h := hwndOf(w); h != 0 {
		procSetWindowPlacement.Call(h, uintptr(unsafe.Pointer(&p)))
	}
}
