package window

import (
	"bytes"
	"fmt"
	"log"
	"os"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// probeScreen initialises the graphics driver and makes a hidden OpenGL 2.1
// window, as Fyne is about to, so that a failure is explained instead of
// ending in a panic (no display) or an invisible process that never quits
// (no OpenGL: Fyne waits forever for a window that was never made). It
// returns the primary monitor's work area. It runs on the main thread.
func probeScreen() (scr screen, err error) {
	// GLFW reports platform errors only through the standard logger.
	var said bytes.Buffer
	log.SetOutput(&said)
	defer log.SetOutput(os.Stderr)
	defer func() {
		if r := recover(); r != nil { // GLFW panics on use after a failed init
			err = classifyDriverError(firstNonEmpty(said.String(), fmt.Sprint(r)), true)
		}
	}()

	if err := glfw.Init(); err != nil {
		return scr, classifyDriverError(err.Error(), true)
	}
	m := glfw.GetPrimaryMonitor() // panics when Init failed silently
	if m == nil {
		return scr, classifyDriverError(firstNonEmpty(said.String(), "no monitor"), true)
	}
	scr.work.x, scr.work.y, scr.work.w, scr.work.h = m.GetWorkarea()
	scr.scale, _ = m.GetContentScale()

	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 2)
	glfw.WindowHint(glfw.ContextVersionMinor, 1)
	win, werr := glfw.CreateWindow(16, 16, "nianbao", nil, nil)
	glfw.DefaultWindowHints()
	if werr != nil || win == nil {
		msg := said.String()
		if werr != nil {
			msg = werr.Error()
		}
		return scr, classifyDriverError(firstNonEmpty(msg, "OpenGL"), false)
	}
	win.Destroy()
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
