// Package apptheme is Fyne's default theme with the bundled Noto Sans SC fonts,
// so that Chinese shows the same on every machine, whatever fonts it has.
package apptheme

import (
	"image/color"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"nianbao/assets"
)

type appTheme struct {
	fyne.Theme
	regular, bold     fyne.Resource // the full fonts
	regularUI, boldUI fyne.Resource // cut down to GB2312 (see coverage.go)
	full              atomic.Bool   // a text needed a character beyond the cut-down faces
}

// New returns the program's theme: Fyne's default colours and sizes, Noto Sans
// SC Regular for regular text and Noto Sans SC Bold for bold text. Monospace
// and symbol text keep Fyne's own fonts. It starts with the faces cut down to
// GB2312; Covers and UseFullFonts switch to the full ones when a text needs them.
func New() fyne.Theme {
	return &appTheme{
		Theme:     theme.DefaultTheme(),
		regular:   fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.NotoSansSCRegular),
		bold:      fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.NotoSansSCBold),
		regularUI: fyne.NewStaticResource("NotoSansSC-Regular-ui.ttf", assets.NotoSansSCRegularUI),
		boldUI:    fyne.NewStaticResource("NotoSansSC-Bold-ui.ttf", assets.NotoSansSCBoldUI),
	}
}

// FontSwitcher is the theme's side of the switch to the full fonts.
type FontSwitcher interface {
	// Covers reports whether the theme's present faces draw every character of s.
	Covers(s string) bool
	// UseFullFonts makes the theme give the full fonts from now on; it reports
	// whether that changed anything (then the caller applies the theme again).
	UseFullFonts() bool
}

func (t *appTheme) Covers(s string) bool {
	if t.full.Load() {
		return true
	}
	for _, r := range s {
		if !inUISet(r) {
			return false
		}
	}
	return true
}

func (t *appTheme) UseFullFonts() bool { return !t.full.Swap(true) }

// Color always gives the light variant: the editor's tables stand for the
// printed paper, and office programs (WPS, Word) are light whatever the desktop's setting.
func (t *appTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantLight)
}

// Font returns the bundled Chinese font for regular and bold text; the fonts
// have no italic, so italic text uses the upright face of the same weight.
func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	full := t.full.Load()
	switch {
	case s.Bold && full:
		return t.bold
	case s.Bold:
		return t.boldUI
	case full:
		return t.regular
	}
	return t.regularUI
}
