package ofd

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"nianbao/app/job"
	"nianbao/app/paper/fonts"
	"nianbao/app/paper/layout"
	"nianbao/app/paper/raster"
)

var look = flag.String("look", "", "write the pages drawn from the OFD's boxes as PNG into this folder, to look at")

// ofdPages reads an OFD back into the layout's boxes: each letter a text at
// its own position (the run's x plus the DeltaX before it), each path a
// rule, with the fonts embedded in the OFD.
func ofdPages(t *testing.T, b []byte) ([]layout.Page, []*fonts.Face) {
	t.Helper()
	parts := unzipped(t, b)
	res := parse(t, parts, "Doc_0/PublicRes.xml")
	var faces []*fonts.Face
	index := map[string]int{}
	res.walk(func(x *element) {
		if x.XMLName.Local != "Font" {
			return
		}
		file := "Doc_0/Res/" + strings.TrimSpace(x.find("FontFile").Text)
		f, err := fonts.Parse(x.attr("FontName"), file, "", parts[file])
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		index[x.attr("ID")] = len(faces)
		faces = append(faces, f)
	})
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("not a number: %q", s)
		}
		return v * layout.MM
	}
	nums := func(s string) []float64 {
		var vs []float64
		for _, f := range strings.Fields(s) {
			if f != "M" && f != "L" {
				vs = append(vs, num(f))
			}
		}
		return vs
	}
	doc := parse(t, parts, "Doc_0/Document.xml")
	var pages []layout.Page
	for _, pg := range doc.find("Pages").Kids {
		var p layout.Page
		parse(t, parts, "Doc_0/"+pg.attr("BaseLoc")).walk(func(x *element) {
			switch x.XMLName.Local {
			case "TextObject":
				box, code := nums(x.attr("Boundary")), x.find("TextCode")
				deltas := nums(code.attr("DeltaX"))
				px, py := box[0]+num(code.attr("X")), box[1]+num(code.attr("Y"))
				for i, r := range []rune(code.Text) {
					p.Texts = append(p.Texts, layout.Text{X: px, Y: py, Face: index[x.attr("Font")], Size: num(x.attr("Size")), S: string(r)})
					if i < len(deltas) {
						px += deltas[i]
					}
				}
			case "PathObject":
				box, d := nums(x.attr("Boundary")), nums(x.find("AbbreviatedData").Text)
				p.Rules = append(p.Rules, layout.Rule{X1: box[0] + d[0], Y1: box[1] + d[1], X2: box[0] + d[2], Y2: box[1] + d[3], W: num(x.attr("LineWidth"))})
			}
		})
		pages = append(pages, p)
	}
	return pages, faces
}

// TestDrawnFromItsOwnBoxes draws every page of the busy example from the
// OFD's own boxes and embedded fonts with the preview's rasteriser, and from
// the PDF's layout with the whole fonts: the two agree but for the odd
// pixel of a position rounded to the micrometre.
func TestDrawnFromItsOwnBoxes(t *testing.T) {
	r := examples(t)["busy"]
	in := job.New(r)
	in.Fonts = job.FontsBundled
	want, set, _, err := lay(in)
	if err != nil {
		t.Fatal(err)
	}
	got, faces := ofdPages(t, ofdOf(t, r, false).OFD)
	if len(got) != len(want.Pages) {
		t.Fatalf("%d pages, the layout has %d", len(got), len(want.Pages))
	}
	const scale = 1.5 // 108 dpi
	ours, theirs := raster.New(faces), raster.New(set.Faces)
	for i := range got {
		a, err := ours.Page(&got[i], scale)
		if err != nil {
			t.Fatal(err)
		}
		b, err := theirs.Page(&want.Pages[i], scale)
		if err != nil {
			t.Fatal(err)
		}
		ink, off := 0, 0
		for j := range a.Pix {
			if b.Pix[j] < 0x80 {
				ink++
			}
			if d := int(a.Pix[j]) - int(b.Pix[j]); d > 0x40 || d < -0x40 {
				off++
			}
		}
		if ink == 0 || float64(off) > 0.01*float64(ink) {
			t.Errorf("page %d: %d pixels differ, of %d pixels of ink", i+1, off, ink)
		}
		if *look != "" {
			var buf bytes.Buffer
			if err := png.Encode(&buf, a); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(*look, "ofd-"+strconv.Itoa(i+1)+".png"), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
