package startup

import (
	"bytes"
	"fmt"
	"log"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// Probe initialises the graphics driver before Fyne does (Fyne's own
// initialisation then does nothing), so that no display is explained instead
// of ending in a panic when Fyne goes on. It returns the primary monitor's
// work area. It runs on the main thread. (ShowWindow checks the OpenGL side.)
func Probe() (scr Screen, err error) {
	// GLFW reports platform errors only through the standard logger.
	var said bytes.Buffer
	log.SetOutput(&said)
	defer log.SetOutput(os.Stderr)
	defer func() {
		if r := recover(); r != nil { // GLFW panics on use after a failed init
			err = DriverError(firstNonEmpty(said.String(), fmt.Sprint(r)), true)
		}
	}()

	if err := glfw.Init(); err != nil {
		return scr, DriverError(err.Error(), true)
	}
	m := glfw.GetPrimaryMonitor() // panics when Init failed silently
	if m == nil {
		return scr, DriverError(firstNonEmpty(said.String(), "no monitor"), true)
	}
	scr.work.x, scr.work.y, scr.work.w, scr.work.h = m.GetWorkarea()
	scr.scale, _ = m.GetContentScale()

	return scr, nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// ShowWindow shows w and checks that the driver really made it: without an
// OpenGL 2.1 context GLFW only logs the failure, and Fyne would then wait
// forever for a window that does not exist.
func ShowWindow(w fyne.Window) error {
	var said bytes.Buffer
	log.SetOutput(&said)
	w.Show()
	log.SetOutput(os.Stderr)
	os.Stderr.Write(said.Bytes())
	if !hasNativeWindow(w) {
		return DriverError(firstNonEmpty(said.String(), "OpenGL"), false)
	}
	return nil
}

// hasNativeWindow reports whether the system made w (true for drivers, such
// as the tests', that have no system windows).
func hasNativeWindow(w fyne.Window) bool {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return true
	}
	made := true
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.X11WindowContext:
			made = c.WindowHandle != 0
		case driver.WindowsWindowContext:
			made = c.HWND != 0
		case driver.WaylandWindowContext:
			made = c.WaylandSurface != 0
		case driver.MacWindowContext:
			made = c.NSWindow != 0
		}
	})
	return made
}
