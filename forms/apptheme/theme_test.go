package apptheme

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"nianbao/assets"
)

func TestFont(t *testing.T) {
	th := New()
	tests := []struct {
		name  string
		style fyne.TextStyle
		want  []byte
	}{
		{"regular", fyne.TextStyle{}, assets.NotoSansSCRegularUI},
		{"bold", fyne.TextStyle{Bold: true}, assets.NotoSansSCBoldUI},
		{"italic", fyne.TextStyle{Italic: true}, assets.NotoSansSCRegularUI},
		{"bold italic", fyne.TextStyle{Bold: true, Italic: true}, assets.NotoSansSCBoldUI},
		{"monospace", fyne.TextStyle{Monospace: true}, theme.DefaultTheme().Font(fyne.TextStyle{Monospace: true}).Content()},
	}
	for _, tt := range tests {
		if got := th.Font(tt.style).Content(); !bytes.Equal(got, tt.want) {
			t.Errorf("%s: wrong font (%d bytes, want %d)", tt.name, len(got), len(tt.want))
		}
	}
	if th.Size(theme.SizeNameText) != theme.DefaultTheme().Size(theme.SizeNameText) {
		t.Error("text size differs from the default theme")
	}
}
