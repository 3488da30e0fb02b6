package roundtrip

import (
	"context"
	"fmt"
	"nianbao/app/job"
	"os"
	"path/filepath"
	"testing"
	"unicode"

	"nianbao/app/paper"
	"nianbao/app/web"
	"nianbao/app/word"
	"nianbao/data/intake"
	"nianbao/data/intake/docx"
	"nianbao/data/intake/pdf"
	webread "nianbao/data/intake/web"
	"nianbao/data/report"
)

func examples(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/*.nianbao.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples in testdata: %v", err)
	}
	return files
}

// same compares a report read back with its source, as the file format writes them.
func same(t *testing.T, what string, src, got *report.Report, rd *intake.Reading) {
	t.Helper()
	sameAs(t, what, src, got, rd, func(s string) string { return s })
}

// sameAs is same with both sides' JSON passed through norm first.
func sameAs(t *testing.T, what string, src, got *report.Report, rd *intake.Reading, norm func(string) string) {
	t.Helper()
	want, err := report.Marshal(src)
	if err != nil {
		t.Fatal(err)
	}
	have, err := report.Marshal(got)
	if err != nil {
		t.Fatalf("%s: the report read cannot be written: %v", what, err)
	}
	if norm(string(have)) != norm(string(want)) {
		out := filepath.Join(t.TempDir(), "got.nianbao.json")
		os.WriteFile(out, have, 0o644)
		os.WriteFile("/tmp/rt-"+filepath.Base(t.Name())+".json", have, 0o644)
		t.Errorf("%s read back differs from its source (written to %s)", what, out)
	}
	for _, d := range rd.Doubts {
		t.Errorf("%s: doubt: %s", what, d)
	}
	for _, z := range rd.Zeros {
		t.Errorf("%s: read as zero: %s", what, z)
	}
}

func TestWordRoundTrip(t *testing.T) {
	for _, f := range examples(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := report.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			in := job.New(src)
			in.Fonts, in.Charts = job.FontsBundled, false
			res, err := word.Write(in)
			if err != nil {
				t.Fatal(err)
			}
			d, err := docx.Read(res.DOCX)
			if err != nil {
				t.Fatal(err)
			}
			got, rd := intake.Match(d)
			same(t, "Word", src, got, rd)
		})
	}
}

func TestWebRoundTrip(t *testing.T) {
	for _, f := range examples(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := report.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			page, err := web.Render(job.New(src))
			if err != nil {
				t.Fatal(err)
			}
			for _, file := range page.Files {
				if file.Name != web.IndexName && file.Name != web.FragmentName {
					continue
				}
				d, err := webread.Read(file.Data)
				if err != nil {
					t.Fatal(err)
				}
				got, rd := intake.Match(d)
				same(t, file.What, src, got, rd)
			}
		})
	}
}

// pdfReader is the tests' one PDF reader: PDFium is compiled once, or loaded
// from the user's cache folder.
var pdfReader *pdf.Reader

func TestMain(m *testing.M) {
	var err error
	pdfReader, err = pdf.New(pdf.DefaultCacheDir(), pdf.Limits{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	pdfReader.Close()
	os.Exit(code)
}

func TestPDFRoundTrip(t *testing.T) {
	rd, err := paper.NewRenderer(job.FontsBundled, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range examples(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := report.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res, err := rd.Render(job.New(src))
			if err != nil {
				t.Fatal(err)
			}
			if dir := os.Getenv("ROUNDTRIP_PDF_DIR"); dir != "" {
				os.WriteFile(filepath.Join(dir, filepath.Base(f)+".pdf"), res.PDF, 0o644)
			}
			d, err := pdfReader.Read(context.Background(), filepath.Base(f)+".pdf", res.PDF)
			if err != nil {
				t.Fatal(err)
			}
			if d.Pages != res.Pages {
				t.Errorf("%d pages read, the writer printed %d", d.Pages, res.Pages)
			}
			got, rdg := intake.Match(d)
			sameAs(t, "PDF", src, got, rdg, withoutMixedSpaces)
		})
	}
}

// withoutMixedSpaces drops the spaces beside a Chinese character ("2023 年"
// is "2023年"). The PDF writer, like every typesetter, prints no space where
// it breaks a line, so a space typed between a number and a Chinese
// character is lost on paper where the line breaks there; elsewhere the
// reader keeps it (the file has it as a character). Spaces between Western
// words, and every other character, are still compared.
func withoutMixedSpaces(s string) string {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		if r == ' ' {
			prev := len(out) > 0 && wide(out[len(out)-1])
			next := false
			for _, n := range rs[i+1:] {
				if n != ' ' {
					next = wide(n)
					break
				}
			}
			if prev || next {
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}
