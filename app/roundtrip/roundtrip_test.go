package roundtrip

import (
	"os"
	"path/filepath"
	"testing"

	"nianbao/app/web"
	"nianbao/app/word"
	"nianbao/data/intake"
	"nianbao/data/intake/docx"
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
	want, err := report.Marshal(src)
	if err != nil {
		t.Fatal(err)
	}
	have, err := report.Marshal(got)
	if err != nil {
		t.Fatalf("%s: the report read cannot be written: %v", what, err)
	}
	if string(have) != string(want) {
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
			res, err := word.Write(src, word.Options{Fonts: word.FontsBundled})
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
			files, err := web.Render(src, web.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, file := range files {
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
