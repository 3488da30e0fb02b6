package raster

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"nianbao/app/job"
	"nianbao/app/paper"
	"nianbao/app/paper/internal/sample"
	"nianbao/app/paper/layout"
	"nianbao/assets"
	"nianbao/data/report"
)

func busy(t testing.TB) (*paper.Renderer, *report.Report) {
	t.Helper()
	rd, err := paper.NewRenderer(job.FontsBundled, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	return rd, r
}

// ink counts the dark pixels of img inside the page rectangle (in points).
func ink(img *image.Gray, x, y, w, h, scale float64) int {
	r := image.Rect(int(x*scale), int(y*scale), int((x+w)*scale), int((y+h)*scale)).Intersect(img.Rect)
	n := 0
	for yy := r.Min.Y; yy < r.Max.Y; yy++ {
		for xx := r.Min.X; xx < r.Max.X; xx++ {
			if img.GrayAt(xx, yy).Y < 0x80 {
				n++
			}
		}
	}
	return n
}

// Every line of text is drawn where the layout put it, and nothing is drawn
// in the margins but the page number.
func TestPagesDrawTheLayout(t *testing.T) {
	rd, r := busy(t)
	doc := rd.Layout(r)
	p := New(rd.Faces())
	const scale = 1.5
	for i := range doc.Pages {
		pg := &doc.Pages[i]
		img, err := p.Page(pg, scale)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := img.Rect.Size(), Size(scale); got != want {
			t.Fatalf("page %d is %v, want %v", pg.Number, got, want)
		}
		for _, a := range pg.Areas {
			if a.Ref.Row >= 0 && a.H > 20 {
				continue // a table cell: its text is a line area of its own
			}
			if a.W > 4 && ink(img, a.X, a.Y, a.W, a.H, scale) == 0 {
				t.Errorf("page %d: nothing drawn in the text area %+v", pg.Number, a)
			}
		}
		// the left margin (订口) is white
		if n := ink(img, 0, 0, layout.Left-2, layout.PageH, scale); n != 0 {
			t.Errorf("page %d: %d dark pixels in the left margin", pg.Number, n)
		}
		if testing.Verbose() {
			out := filepath.Join(os.TempDir(), "nianbao-page"+strconv.Itoa(pg.Number)+".png")
			f, _ := os.Create(out)
			png.Encode(f, img)
			f.Close()
			t.Logf("page %d written to %s", pg.Number, out)
		}
	}
}

func TestUnknownFace(t *testing.T) {
	rd, _ := busy(t)
	p := New(rd.Faces())
	_, err := p.Page(&layout.Page{Texts: []layout.Text{{Face: 99, S: "字", Size: 16}}}, 1)
	if err == nil {
		t.Error("a text of a face that does not exist was drawn")
	}
}

// BenchmarkPreview is one update of the window's preview for the busy
// example: lay it out and draw every page, with the glyphs cached from the
// update before (as after an edit).
func BenchmarkPreview(b *testing.B) {
	rd, r := busy(b)
	p := New(rd.Faces())
	for i := 0; i < b.N; i++ {
		doc := rd.Layout(r)
		for j := range doc.Pages {
			if _, err := p.Page(&doc.Pages[j], 1.5); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPreviewFirst is the first update: glyphs not yet rasterised.
func BenchmarkPreviewFirst(b *testing.B) {
	rd, r := busy(b)
	for i := 0; i < b.N; i++ {
		p := New(rd.Faces())
		doc := rd.Layout(r)
		for j := range doc.Pages {
			if _, err := p.Page(&doc.Pages[j], 1.5); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPreview40Pages is one update of a long report (about 40 pages),
// glyphs cached.
func BenchmarkPreview40Pages(b *testing.B) {
	rd, _ := busy(b)
	r := sample.Long(4)
	p := New(rd.Faces())
	var pages int
	for b.Loop() {
		doc := rd.Layout(r)
		for j := range doc.Pages {
			if _, err := p.Page(&doc.Pages[j], 1.5); err != nil {
				b.Fatal(err)
			}
		}
		pages = len(doc.Pages)
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkPreviewEdit is the update after one figure of part 三 changed:
// layout, then only the pages whose boxes changed are drawn again.
func BenchmarkPreviewEdit(b *testing.B) {
	rd, r := busy(b)
	p := New(rd.Faces())
	if _, err := p.Pages(rd.Layout(r), 1.5); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		r.Applications[report.RowGranted][report.ColCommercial] = 40 + i%50
		if _, err := p.Pages(rd.Layout(r), 1.5); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPreviewTyping is the update after a character was typed into the
// first paragraph of part 一 (the text reflows to the end of its part).
func BenchmarkPreviewTyping(b *testing.B) {
	rd, r := busy(b)
	p := New(rd.Faces())
	body := r.Overview[0].Body
	for b.Loop() {
		body += "字"
		r.Overview[0].Body = body
		if _, err := p.Pages(rd.Layout(r), 1.5); err != nil {
			b.Fatal(err)
		}
	}
}

// Pages gives the same image for a page that did not change, a new one for
// a page that did.
func TestPagesReusesUnchangedPages(t *testing.T) {
	rd, r := busy(t)
	p := New(rd.Faces())
	first, err := p.Pages(rd.Layout(r), 1)
	if err != nil {
		t.Fatal(err)
	}
	r.Applications[report.RowGranted][report.ColCommercial]++
	doc := rd.Layout(r)
	second, err := p.Pages(doc, 1)
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for i := range second {
		if second[i] != first[i] {
			changed++
			want, _ := New(rd.Faces()).Page(&doc.Pages[i], 1)
			if !bytes.Equal(want.Pix, second[i].Pix) {
				t.Errorf("page %d is not drawn afresh", i+1)
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d pages drawn again after one figure changed, want 1", changed)
	}
}
