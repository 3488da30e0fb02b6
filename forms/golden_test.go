package forms

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"nianbao/assets"
	"nianbao/data/report"
	"nianbao/forms/apptheme"
)

// testToday is the date the tests' editors count the deadline from.
var testToday = time.Date(2024, time.December, 1, 10, 0, 0, 0, time.Local)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// newTestEditor shows an editor in a test window of fixed size with the
// program's theme, as the window shows it.
func newTestEditor(t testing.TB) (*Editor, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(lightTheme{apptheme.New()})
	e := NewEditor()
	e.SetClock(func() time.Time { return testToday })
	w := test.NewWindow(e.Content())
	w.Resize(fyne.NewSize(1280, 1280))
	e.AddShortcuts(w.Canvas())
	t.Cleanup(w.Close)
	return e, w
}

// assertGolden compares img with testdata/name, or rewrites it with -update.
// On a mismatch the image is written to testdata/failed/name to look at.
func assertGolden(t *testing.T, name string, img image.Image) {
	t.Helper()
	path := filepath.Join("testdata", name)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatalf("encode %s: %v", name, err)
	}
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("golden %s missing (run with -update): %v", path, err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decode golden %s: %v", path, err)
	}
	if diff := countDiff(want, img); diff != 0 {
		failed := filepath.Join("testdata", "failed", name)
		_ = os.MkdirAll(filepath.Dir(failed), 0o755)
		_ = os.WriteFile(failed, buf.Bytes(), 0o644)
		t.Errorf("%s: %d pixels differ from the golden image; got written to %s", name, diff, failed)
	}
}

func countDiff(a, b image.Image) int {
	if a.Bounds().Size() != b.Bounds().Size() {
		return a.Bounds().Dx() * a.Bounds().Dy()
	}
	n := 0
	ab, bb := a.Bounds(), b.Bounds()
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			r1, g1, b1, a1 := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, a2 := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				n++
			}
		}
	}
	return n
}

func TestGoldenTabs(t *testing.T) {
	e, w := newTestEditor(t)
	e.SetReport(exampleReport(t), nil)
	for i := 0; i < tabCount; i++ {
		e.selectTab(i)
		assertGolden(t, fmt.Sprintf("tab%d.png", i), w.Canvas().Capture())
	}
}

// lightTheme fixes the light variant, so that the golden images look like the
// printed table whatever the test app's default variant is.
type lightTheme struct{ fyne.Theme }

func (l lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return l.Theme.Color(n, theme.VariantLight)
}

// TestGoldenMarks renders part 三 of the busy example with a stated total
// that does not add up, a cell holding text that is not a figure and the
// marks of the real checks.
func TestGoldenMarks(t *testing.T) {
	e, w := newTestEditor(t)
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatalf("parse the busy example: %v", err)
	}
	r.Applications[report.RowGranted][report.ColTotal] += 2
	e.SetReport(r, nil)
	typeInto(w, e.grids[tabApplications].cells[report.RowPartlyGranted][report.ColResearch], "1o")
	e.selectTab(tabApplications)
	w.Canvas().Unfocus()
	assertGolden(t, "marks-tab3.png", w.Canvas().Capture())
	e.selectTab(tabChecks)
	assertGolden(t, "marks-tab7.png", w.Canvas().Capture())
}
