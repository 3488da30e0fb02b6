package forms

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportsNothingAbove: the editor imports no package of app/ (the window,
// the writers): it sits below them. Its line breaking comes from
// data/linebreak, as the PDF's layout does, not from the layout itself.
func TestImportsNothingAbove(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	dirs, _ := filepath.Glob("*/*.go") // forms/apptheme
	for _, f := range append(files, dirs...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		parsed, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range parsed.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(path, "nianbao/app/") {
				t.Errorf("%s imports %s", f, path)
			}
		}
	}
}
