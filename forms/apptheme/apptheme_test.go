package apptheme

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestAlwaysLight(t *testing.T) {
	test.NewTempApp(t)
	th := New()
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		got := th.Color(theme.ColorNameBackground, v)
		want := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
		if got != want {
			t.Errorf("variant %v: background %v, want the light %v", v, got, want)
		}
	}
}
