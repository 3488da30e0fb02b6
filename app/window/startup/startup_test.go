package startup

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestNoOpenGLAdviceOnWindows(t *testing.T) {
	e := &startError{kind: ErrNoOpenGL, cause: "WGL: Failed to create OpenGL context", goos: "windows"}
	for _, w := range []string{"mesa-dist-win", "opengl32.dll", "nianbao-cli.exe"} {
		if !strings.Contains(e.Error(), w) {
			t.Errorf("Windows advice lacks %q", w)
		}
	}
}

// TestFitWindow: the window fits the work area, frame included, at every scale.
func TestFitWindow(t *testing.T) {
	tests := []struct {
		name  string
		work  rect
		scale float32
		saved *Geometry
		want  fyne.Size
	}{
		{"1920×1080 at 100 %", rect{0, 0, 1920, 1040}, 1, nil, preferredSize},
		{"1366×768 with taskbar", rect{0, 0, 1366, 728}, 1, nil, fyne.NewSize(1280, 688)},
		{"1920×1080 at 150 %", rect{0, 0, 1920, 1032}, 1.5, nil, fyne.NewSize(1269, 661)},
		{"1024×600 netbook", rect{0, 0, 1024, 600}, 1, nil, fyne.NewSize(1008, 560)},
		{"saved size kept", rect{0, 0, 1920, 1040}, 1, &Geometry{Width: 1500, Height: 900}, fyne.NewSize(1500, 900)},
		{"saved size on a smaller screen", rect{0, 0, 1366, 728}, 1, &Geometry{Width: 1500, Height: 900}, fyne.NewSize(1350, 688)},
		{"no work area known", rect{}, 1, nil, preferredSize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitWindow(tt.work, tt.scale, tt.saved)
			if got != tt.want {
				t.Errorf("fitWindow = %v, want %v", got, tt.want)
			}
			if tt.work.w > 0 && (got.Width*tt.scale+float32(frame.w) > float32(tt.work.w) || got.Height*tt.scale+float32(frame.h) > float32(tt.work.h)) {
				t.Errorf("%v at scale %v does not fit %v", got, tt.scale, tt.work)
			}
		})
	}
}

func TestGeometryRoundTrip(t *testing.T) {
	g := Geometry{Width: 1200, Height: 700, Placement: []byte{1, 2, 3}, Maximised: true}
	got := LoadGeometry(func(string) (string, error) { return g.Encode(), nil })
	if got == nil || got.Width != 1200 || got.Height != 700 || !got.Maximised || string(got.Placement) != "\x01\x02\x03" {
		t.Errorf("LoadGeometry = %+v", got)
	}
	if LoadGeometry(func(string) (string, error) { return "{broken", nil }) != nil {
		t.Error("a broken setting was read")
	}
}

func TestDriverWords(t *testing.T) {
	log := "2026/12/01 09:26:00 Fyne error:  window creation error\n2026/12/01 09:26:00   Cause: VersionUnavailable: WGL: Failed to create OpenGL context\n2026/12/01 09:26:00   At: /x/window_desktop.go:760\n"
	if got, want := driverWords(log), "VersionUnavailable: WGL: Failed to create OpenGL context"; got != want {
		t.Errorf("driverWords = %q, want %q", got, want)
	}
	locale := "2026/12/01 09:26:00 Fyne error:  Error parsing user locale C\n2026/12/01 09:26:00   Cause: language: tag is not well-formed\n2026/12/01 09:26:00   At: /x/locale.go:35\n"
	if got, want := driverWords(locale+log), "VersionUnavailable: WGL: Failed to create OpenGL context"; got != want {
		t.Errorf("driverWords with locale noise = %q, want %q", got, want)
	}
	if got := driverWords("X11: The DISPLAY environment variable is missing\n"); got != "X11: The DISPLAY environment variable is missing" {
		t.Errorf("driverWords = %q", got)
	}
}

func TestOnWorkArea(t *testing.T) {
	work := rect{0, 0, 1920, 1040}
	tests := []struct {
		name string
		r    rect
		want bool
	}{
		{"inside", rect{100, 80, 1000, 600}, true},
		{"partly right of the screen", rect{1800, 80, 1000, 600}, true},
		{"on a monitor that is gone", rect{2000, 80, 1000, 600}, false},
		{"left of the screen", rect{-1200, 80, 1000, 600}, false},
		{"title bar above the screen", rect{100, -30, 1000, 600}, false},
		{"below the taskbar line", rect{100, 1050, 1000, 600}, false},
	}
	for _, tt := range tests {
		if got := onWorkArea(tt.r, work); got != tt.want {
			t.Errorf("%s: onWorkArea(%v) = %v", tt.name, tt.r, got)
		}
	}
}

// Under a C or POSIX locale Fyne is told the window's language, so that it
// stops complaining in English on stderr; another locale is left alone.
func TestChineseLocale(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"C", "zh_CN.UTF-8"}, {"C.UTF-8", "zh_CN.UTF-8"}, {"POSIX", "zh_CN.UTF-8"},
		{"en_US.UTF-8", "en_US.UTF-8"}, {"zh_CN.UTF-8", "zh_CN.UTF-8"},
	} {
		t.Setenv("LANG", tc.in)
		t.Setenv("LC_ALL", "")
		ChineseLocale()
		if got := os.Getenv("LANG"); got != tc.want {
			t.Errorf("LANG=%s became %s, want %s", tc.in, got, tc.want)
		}
	}
}
