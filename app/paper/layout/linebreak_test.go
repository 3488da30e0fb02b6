package layout

import (
	"strings"
	"testing"

	"nianbao/data/linebreak"
)

// glyphs gives every ideograph and full-width mark a width of 1 and every
// ASCII character 0.5, so that widths in the tests are counts of characters.
func glyphs(s string) []Glyph {
	var gs []Glyph
	for _, r := range s {
		w := 1.0
		if r < 0x80 {
			w = 0.5
		}
		gs = append(gs, Glyph{R: r, W: w})
	}
	return gs
}

func lineTexts(gs []Glyph, lines []Line) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for _, g := range gs[l.Start:l.End] {
			b.WriteRune(g.R)
		}
		out = append(out, b.String())
	}
	return out
}

func TestBreak(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"plain", "一二三四五六七八九十", 4, []string{"一二三四", "五六七八", "九十"}},
		{"comma pulls the character before it down", "一二三四，五六", 4, []string{"一二三", "四，五六"}},
		{"full stop never starts a line", "一二三。四五", 3, []string{"一二", "三。四", "五"}},
		{"closing quote and full stop stay together", "一二“三”。四", 4, []string{"一二", "“三”。", "四"}},
		{"opening bracket never ends a line", "一二三（四）五", 4, []string{"一二三", "（四）五"}},
		{"opening quote never ends a line", "一二三“四五”", 4, []string{"一二三", "“四五”"}},
		{"book title marks", "一二三《四》", 4, []string{"一二三", "《四》"}},
		{"ellipsis stays with what it follows", "一二三四……", 4, []string{"一二三", "四……"}},
		{"a year is not split", "一二三2023年", 4, []string{"一二三", "2023年"}},
		{"a telephone number is not split", "一二0955—7037171", 7, []string{"一二", "0955—7037171"}},
		{"a number with a thousands separator", "一二三12,486条", 4, []string{"一二三", "12,486条"}},
		{"percent stays with its number", "一二三99.5%", 4, []string{"一二三", "99.5%"}},
		{"a Latin word is not split", "一二ISO认证", 3, []string{"一二", "ISO认", "证"}},
		{"a space is a break", "一二 PDF 三", 3, []string{"一二", "PDF 三"}},
		{"spaces are dropped at the break", "一二 PDF 三", 2.5, []string{"一二", "PDF", "三"}},
		{"a word wider than a line is cut", "abcdefghij", 2, []string{"abcd", "efgh", "ij"}},
		{"a web address breaks after a slash", "见https://www.a.cn/xxgk/ndbg/index.html", 10, []string{"见https://www.a.cn/", "xxgk/ndbg/index.html"}},
		{"a date with a slash is not split", "一二三2023/2024年", 6, []string{"一二三", "2023/2024年"}},
		{"break after a closing bracket", "（一二）三四", 4, []string{"（一二）", "三四"}},
		// issue 19 point 12: 〔2021〕 was printed as 〔2/021〕 nowhere, but 〔2021〕 / 30号 could part.
		{"a document number is not split", "国办公开办函〔2021〕30号", 10, []string{"国办公开办函", "〔2021〕30号"}},
		{"a year in Chinese numerals in brackets", "一二三四〔二〇二一〕", 6, []string{"一二三四", "〔二〇二一〕"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gs := glyphs(tt.text)
			got := lineTexts(gs, Break(gs, tt.width, tt.width, 0))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Break(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
			for i, l := range got {
				r := []rune(l)
				if i > 0 && linebreak.NoStart(r[0]) {
					t.Errorf("line %d starts with %q", i+1, r[0])
				}
				if i < len(got)-1 && linebreak.NoEnd(r[len(r)-1]) {
					t.Errorf("line %d ends with %q", i+1, r[len(r)-1])
				}
			}
		})
	}
}

func TestBreakFirstLineIndent(t *testing.T) {
	gs := glyphs("一二三四五六七八九十")
	got := lineTexts(gs, Break(gs, 2, 4, 0))
	if want := "一二|三四五六|七八九十"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %s", got, want)
	}
}

func TestBreakWithTrack(t *testing.T) {
	// 4 glyphs of 1 with 3 gaps of -0.1 need 3.7: they fit a measure of 3.7, not 3.6
	gs := glyphs("一二三四五")
	if got := lineTexts(gs, Break(gs, 3.7, 3.7, -0.1)); got[0] != "一二三四" {
		t.Errorf("3.7: first line %q", got[0])
	}
	if got := lineTexts(gs, Break(gs, 3.6, 3.6, -0.1)); got[0] != "一二三" {
		t.Errorf("3.6: first line %q", got[0])
	}
}

func TestJustifySpacing(t *testing.T) {
	tests := []struct {
		text  string
		width float64
		want  float64
	}{
		{"一二三", 4, 0.5},  // 1 of slack over 2 gaps
		{"一二三四五", 5, 0},  // already full
		{"一二ab", 4, 0.5}, // 3 wide, 1 of slack over 2... 3 gaps: 1/3
		{"一", 4, 0},      // a single glyph is not spread
	}
	tests[2].want = 1.0 / 3
	for _, tt := range tests {
		gs := glyphs(tt.text)
		got := JustifySpacing(gs, tt.width)
		if abs(got-tt.want) > 1e-9 {
			t.Errorf("JustifySpacing(%q, %v) = %v, want %v", tt.text, tt.width, got, tt.want)
		}
		if len(gs) > 1 && abs(natural(gs, got)-tt.width) > 1e-9 {
			t.Errorf("%q justified is %v wide, want %v", tt.text, natural(gs, got), tt.width)
		}
	}
}
