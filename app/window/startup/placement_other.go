//go:build !windows

package startup

import "fyne.io/fyne/v2"

// On Linux the window manager places windows itself (Fyne has no position
// API and X11 window managers override one); only the size is remembered.
func readPlacement(fyne.Window) ([]byte, bool) { return nil, false }
func applyPlacement(fyne.Window, []byte, rect) {}
