package window

import (
	"testing"

	"nianbao/app/window/startup"
)

// TestLaysOutOnSmallScreens: the list and the editor with the example open
// fit the window a 1024×600 screen leaves (taskbar and frame aside), so no
// part of the window is out of reach.
func TestLaysOutOnSmallScreens(t *testing.T) {
	h := newHarness(t, nil)
	room := startup.FitScreen(1024, 600)
	check := func(what string) {
		t.Helper()
		h.win.Resize(room)
		if min := h.win.Content().MinSize(); min.Width > room.Width || min.Height > room.Height {
			t.Errorf("%s needs %v, a 1024×600 screen gives %v", what, min, room)
		}
	}
	check("the report list")
	h.u.openExample()
	h.waitFor("the example", func() bool { return h.u.id != 0 })
	check("the editor")
}
