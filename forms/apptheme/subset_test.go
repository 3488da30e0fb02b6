package apptheme

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"nianbao/app/paper/fonts"
	"nianbao/assets"
)

var update = flag.Bool("update", false, "rebuild the cut-down window fonts in assets/fonts")

// TestUIFontsAreCurrent: the committed cut-down faces are exactly what the
// bundled fonts and UIRunes make (go test ./forms/apptheme -update rebuilds them).
func TestUIFontsAreCurrent(t *testing.T) {
	for _, f := range []struct {
		name       string
		full, have []byte
	}{
		{"NotoSansSC-Regular", assets.NotoSansSCRegular, assets.NotoSansSCRegularUI},
		{"NotoSansSC-Bold", assets.NotoSansSCBold, assets.NotoSansSCBoldUI},
	} {
		face, err := fonts.Parse(f.name+".ttf", f.name, "", f.full)
		if err != nil {
			t.Fatal(err)
		}
		want, err := face.Subset(UIRunes())
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(filepath.Join("..", "..", "assets", "fonts", f.name+"-ui.ttf"), want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal(f.have, want) {
			t.Errorf("assets/fonts/%s-ui.ttf is stale: run go test ./forms/apptheme -update", f.name)
		}
		sub, err := fonts.Parse(f.name+"-ui.ttf", f.name, "", f.have)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range "年报政府信息公开，（）①、0-9A-Za-z“”《》—…％" {
			if face.Has(r) && !sub.Has(r) {
				t.Errorf("%s-ui lacks %q", f.name, r)
			}
		}
	}
}
