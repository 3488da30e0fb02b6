package ofd

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"nianbao/app/buildinfo"
	"nianbao/app/job"
	"nianbao/app/paper"
	"nianbao/app/paper/fonts"
	"nianbao/assets"
	"nianbao/data/report"
)

// examples are the reports every test writes: the bundled example and busy
// report, and the real reports of the round-trip tests.
func examples(t testing.TB) map[string]*report.Report {
	t.Helper()
	rs := map[string]*report.Report{}
	for name, data := range map[string][]byte{"example": assets.ExampleReport, "busy": assets.BusyExampleReport} {
		r, err := report.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		rs[name] = r
	}
	files, err := filepath.Glob("../roundtrip/testdata/*.nianbao.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples in ../roundtrip/testdata: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := report.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		rs[filepath.Base(f)] = r
	}
	return rs
}

func ofdOf(t testing.TB, r *report.Report, charts bool) *Result {
	t.Helper()
	in := job.New(r)
	in.Fonts, in.Charts = job.FontsBundled, charts
	res, err := Write(in)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// unzipped is an OFD's parts by name.
func unzipped(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if _, dup := parts[f.Name]; dup {
			t.Errorf("part %s twice in the package", f.Name)
		}
		parts[f.Name] = data
	}
	return parts
}

// schemaDir finds ofd-schema in the project's ../shared: a folder shared
// beside any folder above this package.
func schemaDir() string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		d := filepath.Join(dir, "shared", "ofd-schema")
		if _, err := os.Stat(filepath.Join(d, "Page.xsd")); err == nil {
			return d
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// TestPartsValidateAgainstSchemas: every XML part of the OFD of every
// example, with and without 图解, validates against the standard's schemas.
func TestPartsValidateAgainstSchemas(t *testing.T) {
	schemas := schemaDir()
	if schemas == "" {
		t.Skip("skipped: the OFD schemas (../shared/ofd-schema) are not beside the project")
	}
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("skipped: xmllint is not installed (Debian: apt-get install libxml2-utils)")
	}
	schemaOf := func(name string) string {
		switch {
		case name == "OFD.xml":
			return "OFD.xsd"
		case strings.HasSuffix(name, "/Document.xml"):
			return "Document.xsd"
		case strings.HasSuffix(name, "Res.xml"):
			return "Res.xsd"
		case strings.HasSuffix(name, "/Content.xml"):
			return "Page.xsd"
		}
		return ""
	}
	for name, r := range examples(t) {
		for _, charts := range []bool{false, true} {
			if charts && name != "example" {
				continue
			}
			dir := t.TempDir()
			bySchema := map[string][]string{}
			for part, data := range unzipped(t, ofdOf(t, r, charts).OFD) {
				if !strings.HasSuffix(part, ".xml") {
					continue
				}
				xsd := schemaOf(part)
				if xsd == "" {
					t.Errorf("%s: part %s has no schema", name, part)
					continue
				}
				file := filepath.Join(dir, strings.ReplaceAll(part, "/", "_"))
				if err := os.WriteFile(file, data, 0o644); err != nil {
					t.Fatal(err)
				}
				bySchema[xsd] = append(bySchema[xsd], file)
			}
			for _, xsd := range []string{"OFD.xsd", "Document.xsd", "Res.xsd", "Page.xsd"} {
				if len(bySchema[xsd]) == 0 {
					t.Errorf("%s: no part for %s", name, xsd)
					continue
				}
				args := append([]string{"--noout", "--schema", filepath.Join(schemas, xsd)}, bySchema[xsd]...)
				if out, err := exec.Command("xmllint", args...).CombinedOutput(); err != nil {
					t.Errorf("%s (charts %v): xmllint --schema %s: %v\n%s", name, charts, xsd, err, out)
				}
			}
		}
	}
}

// element is any XML element, its attributes and text, and its children.
type element struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Kids    []element  `xml:",any"`
}

func (e *element) attr(name string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// walk calls fn on e and every element within it.
func (e *element) walk(fn func(*element)) {
	fn(e)
	for i := range e.Kids {
		e.Kids[i].walk(fn)
	}
}

// find is the first element named local within e.
func (e *element) find(local string) *element {
	var found *element
	e.walk(func(x *element) {
		if found == nil && x.XMLName.Local == local {
			found = x
		}
	})
	return found
}

func parse(t *testing.T, parts map[string][]byte, name string) *element {
	t.Helper()
	data, ok := parts[name]
	if !ok {
		t.Fatalf("part %s is not in the package", name)
	}
	var e element
	if err := xml.Unmarshal(data, &e); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &e
}

// readBack is what a reader of the OFD finds: the text of each page, and
// what it checked on the way.
func readBack(t *testing.T, b []byte) (pages []string, info *element) {
	t.Helper()
	parts := unzipped(t, b)
	root := parse(t, parts, "OFD.xml")
	info = root.find("DocInfo")
	docLoc := strings.TrimSpace(root.find("DocRoot").Text)
	doc := parse(t, parts, docLoc)
	docDir := path.Dir(docLoc)
	maxID, err := strconv.Atoi(strings.TrimSpace(doc.find("MaxUnitID").Text))
	if err != nil {
		t.Fatalf("MaxUnitID: %v", err)
	}
	if box := doc.find("PhysicalBox"); box == nil || box.Text != "0 0 210 297" {
		t.Errorf("PhysicalBox %v, want A4 0 0 210 297", box)
	}
	seen := map[int]string{}
	ids := func(part string, e *element) {
		e.walk(func(x *element) {
			v := x.attr("ID")
			if v == "" {
				return
			}
			id, err := strconv.Atoi(v)
			if err != nil || id < 1 || id > maxID {
				t.Errorf("%s: %s ID %q not within 1…MaxUnitID %d", part, x.XMLName.Local, v, maxID)
			}
			if where, dup := seen[id]; dup {
				t.Errorf("ID %d twice: in %s and %s", id, where, part)
			}
			seen[id] = part
		})
	}
	ids(docLoc, doc)

	// public resources: every font parses, every picture decodes
	faces := map[string]*fonts.Face{}
	images := map[string]bool{}
	for _, loc := range []string{strings.TrimSpace(doc.find("PublicRes").Text)} {
		name := path.Join(docDir, loc)
		res := parse(t, parts, name)
		ids(name, res)
		base := path.Join(path.Dir(name), res.attr("BaseLoc"))
		res.walk(func(x *element) {
			switch x.XMLName.Local {
			case "Font":
				file := path.Join(base, strings.TrimSpace(x.find("FontFile").Text))
				data, ok := parts[file]
				if !ok {
					t.Errorf("font %s: file %s not in the package", x.attr("ID"), file)
					return
				}
				f, err := fonts.Parse(x.attr("FontName"), file, "", data)
				if err != nil {
					t.Errorf("font %s (%s): %v", x.attr("ID"), file, err)
					return
				}
				faces[x.attr("ID")] = f
			case "MultiMedia":
				file := path.Join(base, strings.TrimSpace(x.find("MediaFile").Text))
				if _, err := png.DecodeConfig(bytes.NewReader(parts[file])); err != nil {
					t.Errorf("picture %s (%s): %v", x.attr("ID"), file, err)
				}
				images[x.attr("ID")] = true
			}
		})
	}

	for _, pg := range doc.find("Pages").Kids {
		name := path.Join(docDir, pg.attr("BaseLoc"))
		content := parse(t, parts, name)
		ids(name, content)
		var text strings.Builder
		content.walk(func(x *element) {
			switch x.XMLName.Local {
			case "TextObject":
				face := faces[x.attr("Font")]
				if face == nil {
					t.Errorf("%s: text object %s names font %q, not in the resources", name, x.attr("ID"), x.attr("Font"))
					return
				}
				code := x.find("TextCode")
				rs := []rune(code.Text)
				if n := len(strings.Fields(code.attr("DeltaX"))); n != len(rs)-1 {
					t.Errorf("%s: %q has %d DeltaX for %d characters", name, code.Text, n, len(rs))
				}
				for _, r := range rs {
					if !face.Has(r) {
						t.Errorf("%s: font %s has no glyph for %q (in %q)", name, x.attr("Font"), r, code.Text)
					}
				}
				text.WriteString(code.Text)
			case "ImageObject":
				if !images[x.attr("ResourceID")] {
					t.Errorf("%s: picture %s names resource %q, not in the resources", name, x.attr("ID"), x.attr("ResourceID"))
				}
			}
		})
		pages = append(pages, text.String())
	}
	return pages, info
}

// TestReadBack: the OFD of every example reads back page by page with the
// text of the PDF's layout of that page, every font and picture it names is
// there and whole, every character has its glyph, and the IDs are unique
// and within MaxUnitID.
func TestReadBack(t *testing.T) {
	rd, err := paper.NewRenderer(job.FontsBundled, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range examples(t) {
		t.Run(name, func(t *testing.T) {
			res := ofdOf(t, r, false)
			if len(res.Missing) > 0 {
				t.Errorf("characters without a glyph: %v", res.Missing)
			}
			got, _ := readBack(t, res.OFD)
			want := rd.Layout(r) // the PDF's pages
			if len(got) != len(want.Pages) || res.Pages != len(want.Pages) {
				t.Fatalf("%d pages read back (Result says %d), the PDF has %d", len(got), res.Pages, len(want.Pages))
			}
			for i, p := range want.Pages {
				var w strings.Builder
				for _, tx := range p.Texts {
					w.WriteString(tx.S)
				}
				if got[i] != w.String() {
					t.Errorf("page %d reads\n%q\nthe PDF's layout has\n%q", i+1, got[i], w.String())
				}
			}
		})
	}
}

// TestChartsAsImages: with 图解 every chart is a picture on a page of its
// own after the report, as in the PDF.
func TestChartsAsImages(t *testing.T) {
	r := examples(t)["example"]
	plain, with := ofdOf(t, r, false), ofdOf(t, r, true)
	if with.Figures == 0 || with.Pages != plain.Pages+with.Figures {
		t.Fatalf("%d pages with %d figures, %d without", with.Pages, with.Figures, plain.Pages)
	}
	pages, _ := readBack(t, with.OFD)
	if !strings.Contains(pages[plain.Pages], "附：图解") {
		t.Errorf("first page after the report reads %q, want the heading 附：图解", pages[plain.Pages])
	}
	parts := unzipped(t, with.OFD)
	n := 0
	for name, data := range parts {
		if strings.HasPrefix(name, "Doc_0/Pages/") {
			n += bytes.Count(data, []byte("<ofd:ImageObject "))
		}
	}
	if n != with.Figures {
		t.Errorf("%d image objects, want %d", n, with.Figures)
	}
}

// TestDocumentInfo: title, author (the agency), the fixed creation date and
// the program with its version, in Chinese where they are words.
func TestDocumentInfo(t *testing.T) {
	r := examples(t)["example"]
	_, info := readBack(t, ofdOf(t, r, false).OFD)
	want := map[string]string{
		"Title":          r.DisplayTitle(),
		"Author":         r.Agency,
		"CreationDate":   strconv.Itoa(r.Year) + "-12-31",
		"Creator":        "年报",
		"CreatorVersion": buildinfo.Version,
	}
	for field, w := range want {
		if e := info.find(field); e == nil || e.Text != w {
			t.Errorf("DocInfo %s = %v, want %q", field, e, w)
		}
	}
	if !strings.Contains(r.DisplayTitle(), "政府信息公开工作年度报告") {
		t.Errorf("title %q", r.DisplayTitle())
	}
}

// TestSameInputSameBytes: the same report gives the same OFD.
func TestSameInputSameBytes(t *testing.T) {
	r := examples(t)["example"]
	a, b := ofdOf(t, r, true), ofdOf(t, r, true)
	if !bytes.Equal(a.OFD, b.OFD) {
		t.Error("two OFDs of the same report differ")
	}
}

// TestTextPositions: the letters stand where the layout sets them: the run
// at the layout's x and baseline, each next letter by the glyph's advance
// plus the layout's spacing, in millimetres.
func TestTextPositions(t *testing.T) {
	tests := []struct {
		pt   float64
		want string
	}{{0, "0"}, {72, "25.4"}, {-0.0001, "0"}, {595.2755905511812, "210"}, {1, "0.353"}}
	for _, tt := range tests {
		if got := mm(tt.pt); got != tt.want {
			t.Errorf("mm(%v) = %s, want %s", tt.pt, got, tt.want)
		}
	}
	r := examples(t)["example"]
	in := job.New(r)
	in.Fonts = job.FontsBundled
	doc, set, _, err := lay(in)
	if err != nil {
		t.Fatal(err)
	}
	content := string(unzipped(t, ofdOf(t, r, false).OFD)["Doc_0/Pages/Page_0/Content.xml"])
	tx := doc.Pages[0].Texts[2] // the first line of the preamble, justified
	face := set.Faces[tx.Face]
	rs := []rune(tx.S)
	adv, _ := face.Advance(rs[0])
	wantBox := `Boundary="` + mm(tx.X) + " " + mm(tx.Y-tx.Size) + " "
	wantDelta := `DeltaX="` + mm(adv*tx.Size+tx.Spacing) + " "
	i := strings.Index(content, wantBox)
	if i < 0 {
		t.Fatalf("no text object with %s in\n%.600s", wantBox, content)
	}
	if j := strings.Index(content[i:], "DeltaX="); j < 0 || !strings.HasPrefix(content[i+j:], wantDelta) {
		t.Errorf("run %q: want %s…, got %.40s", tx.S, wantDelta, content[i+j:])
	}
}

func TestNoReport(t *testing.T) {
	for _, in := range []*job.Input{nil, job.New(nil)} {
		if _, err := Write(in); err == nil {
			t.Error("no error for an input without a report")
		}
	}
}

// BenchmarkWriteExample writes the bundled example (issue 21's targets:
// under 60 ms and 250 KB).
func BenchmarkWriteExample(b *testing.B) {
	r, err := report.Parse(assets.ExampleReport)
	if err != nil {
		b.Fatal(err)
	}
	var size int
	for b.Loop() {
		size = len(ofdOf(b, r, false).OFD)
	}
	b.ReportMetric(float64(size)/1024, "KB")
}
