//go:build windows

package cli

import (
	"os"
	"syscall"
)

// attachConsole lets the Windows build, a GUI program with no console of its
// own, print to the console it was started from (nianbao check in cmd or
// PowerShell). Streams already redirected to a file or pipe are left alone.
func attachConsole() {
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // started from Explorer: there is no console to attach to
	}
	out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if !redirected(syscall.STD_OUTPUT_HANDLE) {
		os.Stdout = out
	}
	if !redirected(syscall.STD_ERROR_HANDLE) {
		os.Stderr = out
	}
}

// redirected reports whether a standard stream already has a valid handle.
func redirected(std int) bool {
	h, err := syscall.GetStdHandle(std)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	_, err = syscall.GetFileType(h)
	return err == nil
}
