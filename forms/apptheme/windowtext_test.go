package apptheme

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Every character the window's own words use (the string literals of the
// window and the editor) is drawn by the window's cut-down faces, so no word
// of the program falls back to another font: the builds leave out Fyne's
// emoji font (the Makefile's no_emoji), and a ✓ would show as a box.
func TestWindowWordsInTheUIFaces(t *testing.T) {
	for _, root := range []string{"../../app/window", "../../forms"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					return true
				}
				for _, r := range s {
					if !inUISet(r) {
						t.Errorf("%s: %q has %q (U+%04X), which the window's faces do not draw", path, s, r, r)
						break
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
