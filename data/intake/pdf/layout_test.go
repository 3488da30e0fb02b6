package pdf

import (
	"strings"
	"testing"
)

// glyphs sets text on a line from x at the top y, each character 16 wide
// and 23 high (a 16-point line); the characters of small are given only
// their ink's box, a few points high in the line's middle, as PDFium gives
// 一, “ and 。 when it has no better box; a space after a character is typed
// where the text has one.
func glyphs(text, small string, x, y float64) []glyph {
	var out []glyph
	for _, r := range text {
		if r == ' ' {
			if n := len(out); n > 0 {
				out[n-1].spaceAfter, out[n-1].typedSpace = true, true
			}
			continue
		}
		g := glyph{r: r, x0: x, y0: y, x1: x + 16, y1: y + 23}
		if strings.ContainsRune(small, r) {
			switch r {
			case '一':
				g.x0, g.x1, g.y0, g.y1 = x+1, x+15, y+10, y+11.5
			case '。', '，':
				g.x0, g.x1, g.y0, g.y1 = x+2, x+6, y+16, y+19
			default:
				g.x0, g.x1, g.y0, g.y1 = x+2, x+8, y+4, y+8
			}
		}
		out = append(out, g)
		x += 16
	}
	return out
}

func lineTexts(ls []*line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.text())
	}
	return out
}

func TestBuildLines(t *testing.T) {
	cases := []struct {
		name string
		gs   []glyph
		want string
	}{
		{"a quotation mark before its line's other characters", glyphs("新增“房地产", "“", 80, 100), "新增“房地产"},
		{"一 at the start of a line", append(glyphs("（三）平台", "", 80, 60), glyphs("一是根据实际", "一", 112, 100)...), "（三）平台|一是根据实际"},
		{"一 and “ of one line, at their own heights", glyphs("一是新增“房地产”，", "一“”，", 80, 100), "一是新增“房地产”，"},
		{"closing and opening quotes set close", glyphs("径”“办理", "”“", 80, 100), "径”“办理"},
		{"a full stop alone on a line stays there", append(glyphs("全文完", "", 80, 100), glyphs("。", "。", 80, 140)...), "全文完|。"},
		{"a space typed beside a Chinese character is kept", glyphs("2023 年 1 月", "", 80, 100), "2023 年 1 月"},
		{"a space typed at the end of a line", glyphs("至 12 ", "", 80, 100), "至 12 "},
		{"no space where none is typed", glyphs("2023年", "", 80, 100), "2023年"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(lineTexts(buildLines(1, tc.gs)), "|")
			if got != tc.want {
				t.Errorf("lines %q, want %q", got, tc.want)
			}
		})
	}
}

// Page numbers are dropped wherever the page's last (or first) line prints
// one in the outer fifth of the page; a number in the body stays.
func TestPageNumbers(t *testing.T) {
	body := func(y float64) []glyph { return glyphs("正文一行文字", "", 80, y) }
	cases := []struct {
		name string
		gs   []glyph
		want string
	}{
		{"in the bottom tenth", append(body(100), glyphs("—3—", "", 280, 800)...), "正文一行文字"},
		{"above the bottom tenth, the page's last line (GB/T 9704)", append(body(100), glyphs("—1—", "", 467, 750)...), "正文一行文字"},
		{"the page's first line at the top", append(glyphs("第 2 页", "", 280, 40), body(100)...), "正文一行文字"},
		{"a number alone in the body", append(append(body(100), glyphs("12", "", 80, 400)...), body(440)...), "正文一行文字|12|正文一行文字"},
		{"the last line, but in the middle of the page", append(body(100), glyphs("—1—", "", 280, 500)...), "正文一行文字|—1—"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pl := &pageLayout{raw: &rawPage{num: 1, w: 595, h: 842}, margin: 84.2}
			pl.lines = buildLines(1, tc.gs)
			dropFurniture([]*pageLayout{pl})
			if got := strings.Join(lineTexts(pl.lines), "|"); got != tc.want {
				t.Errorf("lines %q, want %q", got, tc.want)
			}
		})
	}
}
