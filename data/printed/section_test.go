package printed

import (
	"testing"

	"nianbao/data/report"
)

// Paragraphs of parts 一, 五 and 六 know their section, heading or not.
func TestParagraphSection(t *testing.T) {
	r := report.New("某某局", 2024)
	r.Overview = []report.Section{{Heading: "（一）甲", Body: "一段\n\n二段"}, {Body: "无标题的一节"}}
	r.Problems = []report.Section{{Body: "问题"}}
	r.Preamble = "引言"
	got := map[string]int{}
	for _, b := range Build(r).Blocks {
		if p := b.Paragraph; p != nil {
			got[p.Text] = p.Section
		}
	}
	want := map[string]int{"（一）甲": 1, "一段": 1, "二段": 1, "无标题的一节": 2, "问题": 1, "引言": 0, report.PartHeadings[0]: 0}
	for text, s := range want {
		if got[text] != s {
			t.Errorf("%q: section %d, want %d", text, got[text], s)
		}
	}
}
