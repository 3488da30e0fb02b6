package pdf

import (
	"context"
	"errors"
	"os"
	"testing"
)

// A page is drawn at the width asked, its figures' boxes scaled onto it: the
// box of a figure read from the page is dark (printed) where it says.
func TestRender(t *testing.T) {
	data, err := os.ReadFile("testdata/hongzequ-2024.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc := readFile(t, "testdata/hongzequ-2024.pdf")
	cases := []struct {
		page, width int
		err         error
	}{
		{3, 600, nil},
		{1, 1200, nil},
		{6, 600, ErrDamaged}, // the file has 5 pages
		{0, 600, ErrDamaged},
	}
	for _, c := range cases {
		p, err := reader.Render(context.Background(), "hongzequ-2024.pdf", data, c.page, c.width)
		if c.err != nil {
			if !errors.Is(err, c.err) {
				t.Errorf("page %d: error %v, want %v", c.page, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("page %d: %v", c.page, err)
		}
		if p.Pages != 5 || p.Image.Bounds().Dx() != c.width || p.Image.Bounds().Dy() < c.width {
			t.Errorf("page %d: %d pages, %v, want 5 pages, %d wide and taller", c.page, p.Pages, p.Image.Bounds(), c.width)
		}
		dark := 0
		for _, bl := range doc.Blocks {
			if bl.Table == nil || bl.Table.Where.Page != c.page {
				continue
			}
			for _, cell := range bl.Table.Cells {
				if cell.Text == "" || cell.Where.Page != c.page {
					continue
				}
				b := cell.Where.Box
				for y := int(b[1] * p.Scale); y < int(b[3]*p.Scale); y++ {
					for x := int(b[0] * p.Scale); x < int(b[2]*p.Scale); x++ {
						if p.Image.RGBAAt(x, y).R < 100 {
							dark++
						}
					}
				}
			}
		}
		if c.page == 3 && dark == 0 {
			t.Errorf("page 3: nothing printed inside the boxes of its cells")
		}
	}
}
