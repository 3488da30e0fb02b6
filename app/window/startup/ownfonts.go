package startup

import (
	"os"
	"runtime"

	"github.com/go-text/typesetting/fontscan"
)

// OwnFontsOnly keeps the window to the program's own fonts (the theme's Noto
// Sans SC, cut down or whole, and Fyne's Latin faces), the ones the printed
// report is drawn with, instead of Fyne's search of the system's fonts.
// Call it first, before any text is measured.
//
// Why: for every text style Fyne loads the system's font for the language
// (on a Chinese desktop a CJK font of 20–30 thousand glyphs, every outline
// parsed into memory: 7.5 MB for Droid Sans Fallback here, several times
// that for Microsoft YaHei or Noto Sans CJK), and the first start scans
// every font file installed; the window never needs them, since its own
// fonts switch to the whole Noto Sans SC when a text has a character beyond
// GB2312 (forms/apptheme). A character no bundled font has shows as a box,
// as it would be missing from the PDF (which says so).
//
// How: the font library (go-text fontscan, which Fyne uses) reads the
// system's fonts once per process, for every caller; asked first while no
// cache folder can be found, it gives up before scanning, and Fyne, asking
// after, finds no system fonts. The environment is as it was on return.
func OwnFontsOnly() {
	vars := []string{"XDG_CACHE_HOME", "HOME"} // os.UserCacheDir on Linux and BSD
	switch runtime.GOOS {
	case "windows":
		vars = []string{"LocalAppData"}
	case "darwin":
		vars = []string{"HOME"}
	}
	type saved struct {
		value string
		set   bool
	}
	old := map[string]saved{}
	for _, v := range vars {
		value, set := os.LookupEnv(v)
		old[v] = saved{value, set}
		os.Unsetenv(v)
	}
	defer func() {
		for v, s := range old {
			if s.set {
				os.Setenv(v, s.value)
			}
		}
	}()
	_ = fontscan.NewFontMap(nil).UseSystemFonts("") // fails: no cache folder, as wanted
}
