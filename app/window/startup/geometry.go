package startup

import (
	"encoding/json"
	"math"

	"fyne.io/fyne/v2"
)

// SettingWindow is the store setting that remembers the window's size (and,
// on Windows, its place and maximised state) between starts.
const SettingWindow = "window_geometry"

// rect is a rectangle on the screen, in pixels.
type rect struct{ x, y, w, h int }

// screen is what the program needs to know of the display before the window
// opens: the primary monitor's work area (the screen less the taskbar).
type Screen struct {
	work  rect
	scale float32 // the monitor's content scale (Windows: 1.5 at 150 %), a first guess at Fyne's
}

// Geometry is the window as it was left.
type Geometry struct {
	Width  float32 `json:"width"` // Fyne units (pixels at scale 1)
	Height float32 `json:"height"`
	// Placement is Windows' own record of the window (restored rectangle and
	// maximised state), kept as it came; empty elsewhere.
	Placement []byte `json:"placement,omitempty"`
	Maximised bool   `json:"maximised,omitempty"`
}

// preferredSize is the window's size where the screen has room for it. The
// smallest screen the layout is made for is 1024×600 (size_test.go).
var preferredSize = fyne.NewSize(1280, 760)

// frame is what a window manager adds around the window (title bar and
// borders), in pixels, so that the whole window, not only its content, fits.
var frame = struct{ w, h int }{16, 40}

// fitWindow is the content size for a window on a work area of work pixels
// at the given scale: the size it was left at (or the preferred one), never
// larger than the work area less the frame.
func fitWindow(work rect, scale float32, saved *Geometry) fyne.Size {
	if scale <= 0 {
		scale = 1
	}
	want := preferredSize
	if saved != nil && saved.Width > 0 && saved.Height > 0 {
		want = fyne.NewSize(saved.Width, saved.Height)
	}
	if work.w <= 0 || work.h <= 0 {
		return want
	}
	room := fyne.NewSize(
		float32(math.Floor(float64(float32(work.w-frame.w)/scale))),
		float32(math.Floor(float64(float32(work.h-frame.h)/scale))))
	return fyne.NewSize(min(want.Width, room.Width), min(want.Height, room.Height))
}

// LoadGeometry reads the remembered window; nil when none (or unreadable).
func LoadGeometry(get func(string) (string, error)) *Geometry {
	v, err := get(SettingWindow)
	if err != nil || v == "" {
		return nil
	}
	var g Geometry
	if json.Unmarshal([]byte(v), &g) != nil {
		return nil
	}
	return &g
}

func (g Geometry) Encode() string {
	b, _ := json.Marshal(g)
	return string(b)
}

// Place sizes the window for the screen before it shows, and returns
// what to do once it is shown: Fyne's scale is known only then, so the size
// is fitted again, and Windows puts the window back where it was left.
func Place(w fyne.Window, scr Screen, saved *Geometry) (afterShow func()) {
	w.Resize(fitWindow(scr.work, scr.scale, saved))
	return func() {
		size := fitWindow(scr.work, w.Canvas().Scale(), saved)
		if cur := w.Canvas().Size(); cur.Width > size.Width || cur.Height > size.Height {
			w.Resize(size)
		}
		if saved != nil && len(saved.Placement) > 0 {
			applyPlacement(w, saved.Placement, scr.work)
		}
	}
}

// Current is the window as it is now.
func Current(w fyne.Window) Geometry {
	size := w.Canvas().Size()
	g := Geometry{Width: size.Width, Height: size.Height}
	g.Placement, g.Maximised = readPlacement(w)
	return g
}

// onWorkArea reports whether a window left at r can be put back there: part
// of it on the work area, and its title bar not above it (so it can be
// grabbed), as after a monitor was removed it may not be.
func onWorkArea(r, work rect) bool {
	return r.x < work.x+work.w && r.x+r.w > work.x &&
		r.y >= work.y && r.y < work.y+work.h
}

// FitScreen is the size the window is given at first start on a screen
// whose work area (taskbar aside) is w×h pixels at scale 1: what the
// window's layout must fit in.
func FitScreen(w, h int) fyne.Size { return fitWindow(rect{0, 0, w, h}, 1, nil) }
