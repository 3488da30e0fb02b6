package raster

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"nianbao/app/job"
)

// The preview's pages look like the PDF's: drawn at 108 dpi (1.5 px/pt),
// nearly every dark pixel of poppler's rendering of the PDF is dark in ours
// within a pixel, and the other way round.
func TestPagesMatchThePDF(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatalf("pdftoppm is needed by this test (Debian: apt-get install poppler-utils): %v", err)
	}
	rd, r := busy(t)
	res, err := rd.Render(job.New(r))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(pdf, res.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "108", "-gray", "-png", pdf, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	doc := rd.Layout(r)
	p := New(rd.Faces())
	pages, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(pages) != len(doc.Pages) || len(pages) != res.Pages {
		t.Fatalf("poppler drew %d pages, the layout has %d", len(pages), len(doc.Pages))
	}
	for i := range doc.Pages {
		ours, err := p.Page(&doc.Pages[i], 1.5)
		if err != nil {
			t.Fatal(err)
		}
		theirs := readGray(t, pages[i])
		a, b := agreement(theirs, ours), agreement(ours, theirs)
		t.Logf("page %d: %.1f%% of the PDF's ink is ours, %.1f%% of ours is the PDF's", i+1, 100*a, 100*b)
		if a < 0.97 || b < 0.97 {
			t.Errorf("page %d differs from the PDF: %.3f, %.3f of the ink agrees", i+1, a, b)
		}
	}
}

func readGray(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// inkMask is the dark pixels of an image.
type inkMask struct {
	w, h int
	on   []bool
}

func inkOf(img image.Image) inkMask {
	b := img.Bounds()
	k := inkMask{w: b.Dx(), h: b.Dy(), on: make([]bool, b.Dx()*b.Dy())}
	for y := 0; y < k.h; y++ {
		for x := 0; x < k.w; x++ {
			r, g, bl, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			k.on[y*k.w+x] = (r+g+bl)/3 < 0x8000
		}
	}
	return k
}

func (k inkMask) at(x, y int) bool { return x >= 0 && y >= 0 && x < k.w && y < k.h && k.on[y*k.w+x] }

// agreement is the share of a's dark pixels that have a dark pixel in b
// within one pixel.
func agreement(ia, ib image.Image) float64 {
	a, b := inkOf(ia), inkOf(ib)
	n, hit := 0, 0
	for y := 0; y < a.h; y++ {
		for x := 0; x < a.w; x++ {
			if !a.at(x, y) {
				continue
			}
			n++
		near:
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if b.at(x+dx, y+dy) {
						hit++
						break near
					}
				}
			}
		}
	}
	if n == 0 {
		return 1
	}
	return float64(hit) / float64(n)
}
