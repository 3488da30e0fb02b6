package pdf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data/intake"
)

// reader is the one Reader of the tests: PDFium is compiled once (or loaded
// from the user's cache folder).
var reader *Reader

func TestMain(m *testing.M) {
	var err error
	reader, err = New(DefaultCacheDir(), Limits{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	reader.Close()
	os.Exit(code)
}

func readFile(t testing.TB, path string) *intake.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := reader.ReadFrom(context.Background(), filepath.Base(path), f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

// dump writes a document as text, for a test's failure message and for looking.
func dump(doc *intake.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		if bl.Para != nil {
			fmt.Fprintf(&b, "P%d ", bl.Para.Where.Page)
			for _, r := range bl.Para.Runs {
				if r.Bold {
					fmt.Fprintf(&b, "**%s**", r.Text)
				} else {
					b.WriteString(r.Text)
				}
			}
			b.WriteString("\n")
			continue
		}
		t := bl.Table
		fmt.Fprintf(&b, "T%d %dx%d\n", t.Where.Page, t.Rows, t.Cols)
		for _, c := range t.Cells {
			fmt.Fprintf(&b, "  [%d,%d %dx%d] %s\n", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text)
		}
	}
	return b.String()
}

func TestDump(t *testing.T) {
	if os.Getenv("PDFDUMP") == "" {
		t.Skip()
	}
	fmt.Print(dump(readFile(t, os.Getenv("PDFDUMP"))))
}
