package charts

import (
	"bytes"
	"testing"

	"github.com/golang/freetype/truetype"

	"nianbao/assets"
	"nianbao/data/report"
)

// The charts are drawn with a cut-down font (chartFont): every chart of the
// examples, with the trend, comes out the same as with the whole font.
func TestCutDownFontDrawsTheSame(t *testing.T) {
	whole, err := truetype.Parse(assets.NotoSansSCRegular)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"中卫": assets.ExampleReport, "busy": assets.BusyExampleReport} {
		r, err := report.Parse(b)
		if err != nil {
			t.Fatal(err)
		}
		prev := r.Clone()
		prev.Year--
		cs, err := Charts(r, []*report.Report{prev})
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 7 {
			t.Fatalf("%s: %d charts, want 7 with the trend", name, len(cs))
		}
		for _, c := range cs {
			cut, err := c.PNG()
			if err != nil {
				t.Fatal(err)
			}
			c.font = whole
			full, err := c.PNG()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(cut, full) {
				t.Errorf("%s: “%s” drawn with the cut-down font differs from the whole font's", name, c.Title)
			}
		}
	}
}
