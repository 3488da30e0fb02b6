package window

import (
	"errors"
	"strings"
	"testing"

	"nianbao/app/window/startup"
)

// TestStartFailureIsExplained runs the start with a driver that fails as
// real ones do: each ends in a Chinese message box and an error, before any
// window or database, instead of a panic or a process that never ends.
func TestStartFailureIsExplained(t *testing.T) {
	tests := []struct {
		name       string
		driverSaid string
		initFailed bool
		want       error
		words      []string
	}{
		{"DISPLAY unset", "X11: The DISPLAY environment variable is missing", true, startup.ErrNoDisplay,
			[]string{"没有可用的图形显示", "nianbao check", "nianbao help"}},
		{"X server gone", "X11: Failed to open display :12", true, startup.ErrNoDisplay, []string{"无法打开窗口"}},
		{"Wine without OpenGL 2.1", "WGL: Failed to create OpenGL context", false, startup.ErrNoOpenGL,
			[]string{"不支持 OpenGL 2.1", "3D 加速"}},
		{"Mesa too old", "GLX: Failed to create context: GLXBadFBConfig", false, startup.ErrNoOpenGL, []string{"OpenGL 2.1"}},
		{"silent failure", "", false, startup.ErrNoOpenGL, []string{"OpenGL 2.1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var title, text string
			probe := func() (startup.Screen, error) {
				return startup.Screen{}, startup.DriverError(tt.driverSaid, tt.initFailed)
			}
			err := run("/nonexistent/never-opened.db", nil, probe, func(ti, te string) { title, text = ti, te })
			if !errors.Is(err, tt.want) {
				t.Fatalf("run: %v, want %v", err, tt.want)
			}
			if title != "年报程序无法启动" || text != err.Error() {
				t.Errorf("alert %q %q, want the error's message", title, text)
			}
			for _, w := range tt.words {
				if !strings.Contains(text, w) {
					t.Errorf("message lacks %q:\n%s", w, text)
				}
			}
			if tt.driverSaid != "" && !strings.Contains(text, tt.driverSaid) {
				t.Errorf("message lacks the driver's words %q", tt.driverSaid)
			}
		})
	}
}

// TestPanicBeforeWindowIsShown: a failure of any kind before the window is
// there ends in the message box and an error, not a stack trace.
func TestPanicBeforeWindowIsShown(t *testing.T) {
	var text string
	err := run("", nil, func() (startup.Screen, error) { panic("GLFW: something broke") }, func(_, te string) { text = te })
	if err == nil || !strings.Contains(text, "年报程序启动时出错：GLFW: something broke") {
		t.Errorf("run: %v, alert %q", err, text)
	}
}
