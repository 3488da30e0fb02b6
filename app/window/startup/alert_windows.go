//go:build windows

package startup

import (
	"syscall"
	"unsafe"
)

// Alert shows a Windows message box: a double-clicked program has no
// console, so this is the only place a start-up failure can be read.
func Alert(title, text string) {
	const mbOK, mbIconError, mbSetForeground = 0x0, 0x10, 0x10000
	t, err1 := syscall.UTF16PtrFromString(title)
	m, err2 := syscall.UTF16PtrFromString(text)
	if err1 != nil || err2 != nil {
		return
	}
	proc := syscall.NewLazyDLL("user32.dll").NewProc("MessageBoxW")
	proc.Call(0, uintptr(unsafe.Pointer(m)), uintptr(unsafe.Pointer(t)), mbOK|mbIconError|mbSetForeground)
}
