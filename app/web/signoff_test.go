package web

import (
	"golang.org/x/net/html"

	"strings"
	"testing"
)

// The closing's sign-off stands at the right of the page and of the
// fragment, as GB/T 9704 places it: one block four characters in from the
// right, the name centred over the date; the sentence before it stays a
// paragraph of the closing.
func TestSignOffAtTheRight(t *testing.T) {
	r := example(t)
	r.Closing = "联系电话：0955-7037171。\n\n中卫市民政局\n\n2024年1月22日"
	files := renderFiles(t, r)
	for _, name := range []string{IndexName, FragmentName} {
		doc := parse(t, files[name])
		var block *html.Node
		for _, d := range all(doc, "div") {
			if c, _ := attr(d, "class"); c == "nb-signoff" {
				block = d
			}
		}
		if block == nil {
			t.Fatalf("%s: no sign-off block", name)
		}
		style, _ := attr(block, "style")
		if !strings.Contains(style, "text-align:right") || !strings.Contains(style, "padding-right:4em") {
			t.Errorf("%s: the sign-off's style %q, want it at the right, four characters in", name, style)
		}
		ps := all(block, "p")
		if len(ps) != 2 || text(ps[0]) != "中卫市民政局" || text(ps[1]) != "2024年1月22日" {
			t.Fatalf("%s: the sign-off holds %d paragraphs, want the name, then the date", name, len(ps))
		}
		for _, p := range ps {
			if s, _ := attr(p, "style"); !strings.Contains(s, "text-align:center") || !strings.Contains(s, "text-indent:0") {
				t.Errorf("%s: %q is styled %q, want centred in its block without an indent", name, text(p), s)
			}
		}
		inner := ps[0].Parent
		if s, _ := attr(inner, "style"); !strings.Contains(s, "display:inline-block") {
			t.Errorf("%s: the name and date are not in one block as wide as the longer (%q)", name, s)
		}
		found := false
		for _, p := range all(doc, "p") {
			if text(p) == "联系电话：0955-7037171。" && p.Parent != inner {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: the contact sentence is not a paragraph of its own", name)
		}
	}
}
