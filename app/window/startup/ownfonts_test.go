package startup

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
)

// fontChildEnv runs TestOwnFontsOnly's check in a process of its own: the
// font library reads the system's fonts once per process.
const fontChildEnv = "NIANBAO_TEST_FONTS_CHILD"

// TestOwnFontsOnly (issue 19 point 13): after OwnFontsOnly, Fyne's font
// library finds no system font to load, with HOME as it was; without it, it
// finds one on this machine (else the test cannot tell and is skipped).
func TestOwnFontsOnly(t *testing.T) {
	if mode := os.Getenv(fontChildEnv); mode != "" {
		home := os.Getenv("HOME")
		if mode == "own" {
			OwnFontsOnly()
			if os.Getenv("HOME") != home {
				t.Fatalf("HOME is %q after OwnFontsOnly, was %q", os.Getenv("HOME"), home)
			}
		}
		fm := fontscan.NewFontMap(nil)
		if err := fm.UseSystemFonts(""); err != nil {
			t.Fatalf("UseSystemFonts: %v", err) // Fyne would then use no map at all: fine too, but not what is tested
		}
		fm.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}, Aspect: font.Aspect{Style: font.StyleNormal}})
		if face := fm.ResolveFace('中'); face != nil {
			os.Stdout.WriteString("SYSTEM-FONT-FOUND\n")
		} else {
			os.Stdout.WriteString("NO-SYSTEM-FONT\n")
		}
		return
	}
	run := func(mode string) string {
		cmd := exec.Command(os.Args[0], "-test.run=^TestOwnFontsOnly$", "-test.v")
		cmd.Env = append(os.Environ(), fontChildEnv+"="+mode, "XDG_CACHE_HOME="+t.TempDir())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", mode, err, out)
		}
		return string(out)
	}
	if !strings.Contains(run("plain"), "SYSTEM-FONT-FOUND") {
		t.Skip("this machine has no system font with 中: OwnFontsOnly cannot be told apart")
	}
	if out := run("own"); !strings.Contains(out, "NO-SYSTEM-FONT") {
		t.Errorf("after OwnFontsOnly a system font was still found:\n%s", out)
	}
}
