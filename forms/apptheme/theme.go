// Package apptheme is Fyne's default theme with the bundled Noto Sans SC fonts,
// so that Chinese shows the same on every machine, whatever fonts it has.
package apptheme

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"nianbao/assets"
)

type appTheme struct {
	fyne.Theme
	regular, bold fyne.Resource
}

// New returns the program's theme: Fyne's default colours and sizes, Noto Sans
// SC Regular for regular text and Noto Sans SC Bold for bold text. Monospace
// and symbol text keep Fyne's own fonts.
func New() fyne.Theme {
	return &appTheme{
		Theme:   theme.DefaultTheme(),
		regular: fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.NotoSansSCRegular),
		bold:    fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.NotoSansSCBold),
	}
}

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
	if s.Bold {
		return t.bold
	}
	return t.regular
}
