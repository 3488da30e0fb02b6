//go:build !windows

package startup

import (
	"os"
	"os/exec"
	"time"
)

// Alert shows the message where a display is there but no window of ours
// can be made (no OpenGL), with the desktop's own dialog program if it has
// one (zenity on GNOME and 统信UOS, kdialog on KDE; xmessage has no Chinese font); the command line prints
// the message on stderr too. Without a display there is nothing to show.
func Alert(title, text string) {
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return
	}
	for _, c := range [][]string{
		{"zenity", "--error", "--no-markup", "--title", title, "--text", text},
		{"kdialog", "--title", title, "--error", text},
	} {
		if _, err := exec.LookPath(c[0]); err != nil {
			continue
		}
		cmd := exec.Command(c[0], c[1:]...)
		if cmd.Start() != nil {
			continue
		}
		// Waits for the user's OK, but never hangs the exit on a stuck dialog.
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Minute):
			_ = cmd.Process.Kill()
		}
		return
	}
}
