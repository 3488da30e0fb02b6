package window

import (
	"testing"

	"fyne.io/fyne/v2/widget"
)

// Every menu fits a 1024×600 screen under its menu bar (issue 19: the 文件
// menu was taller than the window there): at most 600 less the title bar,
// the menu bar and a taskbar's 40.
func TestMenusFitASmallScreen(t *testing.T) {
	h := newHarness(t, nil)
	const room = 600 - 30 - 30 - 40
	for _, m := range h.win.MainMenu().Items {
		if got := widget.NewMenu(m).MinSize().Height; got > room {
			t.Errorf("the %s menu is %.0f high, more than the %d a 1024×600 screen has under the menu bar", m.Label, got, room)
		}
	}
}
