package preview

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"nianbao/assets"
	"nianbao/data/report"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// TestGoldenPreviewOpen: the pane as the window shows it with 预览 open at
// the two screen sizes (issue 19), pages drawn at the size shown. Only the
// pane is compared: the editor beside it has golden images of its own
// (forms/testdata). A mismatch writes the image got to testdata/failed/.
func TestGoldenPreviewOpen(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1366, Height: 768}} {
		name := "preview-" + itoa(int(size.Width)) + "x" + itoa(int(size.Height)) + ".png"
		t.Run(name, func(t *testing.T) {
			r, err := report.Parse(assets.BusyExampleReport)
			if err != nil {
				t.Fatal(err)
			}
			h := newHost(t, r)
			h.pv.SetDelay(10 * time.Millisecond)
			h.Win.Resize(size)
			h.pv.Toggle()
			pane := h.pv.pane
			h.WaitFor("the pages at the pane's size", func() bool {
				if pane.doc == nil || h.pv.running || len(pane.pages) == 0 || pane.pages[0].image.Image == nil {
					return false
				}
				v := pane.pages[0]
				return float32(v.image.Image.Bounds().Dx()) >= v.Size().Width && drawScale(pane.box.Size().Width, 1) == h.pv.scale
			})
			time.Sleep(50 * time.Millisecond)
			h.WaitFor("the last drawing", func() bool { return !h.pv.running })
			img := h.Win.Canvas().Capture()
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(pane.content)
			sz := pane.content.Size()
			sub, ok := img.(interface {
				SubImage(image.Rectangle) image.Image
			})
			if !ok {
				t.Fatalf("the capture %T cannot be cut", img)
			}
			assertGolden(t, name, sub.SubImage(image.Rect(int(pos.X), int(pos.Y), int(pos.X+sz.Width), int(pos.Y+sz.Height))))
		})
	}
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			return string(b[i:])
		}
	}
}

func assertGolden(t *testing.T, name string, img image.Image) {
	t.Helper()
	path := filepath.Join("testdata", name)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s missing (run with -update): %v", path, err)
	}
	if !bytes.Equal(want, buf.Bytes()) {
		failed := filepath.Join("testdata", "failed", name)
		_ = os.MkdirAll(filepath.Dir(failed), 0o755)
		_ = os.WriteFile(failed, buf.Bytes(), 0o644)
		t.Errorf("%s differs from the golden image; got written to %s", name, failed)
	}
}
