package layout

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/app/paper/fonts"
	"nianbao/app/paper/internal/sample"
	"nianbao/data/printed"
	"nianbao/data/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func bundled(t testing.TB) *fonts.Set {
	t.Helper()
	set, err := fonts.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// golden writes a Doc with one box a line, so that a change of layout shows
// as a readable diff of the boxes that moved.
func golden(d *Doc) []byte {
	var b bytes.Buffer
	enc := func(v any) string {
		j, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		return string(j)
	}
	fmt.Fprintf(&b, "{\"faces\": %s,\n", enc(d.Faces))
	fmt.Fprintf(&b, "\"missing\": %s,\n\"pages\": [\n", enc(d.Missing))
	for i, p := range d.Pages {
		fmt.Fprintf(&b, "{\"number\": %d, \"texts\": [\n", p.Number)
		for j, t := range p.Texts {
			b.WriteString(enc(t))
			if j < len(p.Texts)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString("], \"rules\": [\n")
		for j, r := range p.Rules {
			b.WriteString(enc(r))
			if j < len(p.Rules)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString("]}")
		if i < len(d.Pages)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

func checkGolden(t *testing.T, name string, d *Doc) {
	t.Helper()
	got := golden(d)
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./app/paper/... -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs from the layout at line %d:\n got: %s\nwant: %s\n(run with -update if the change is meant)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs in length: %d lines, want %d (run with -update if the change is meant)", path, len(gl), len(wl))
	}
}

func TestGoldenExample(t *testing.T) {
	r, err := sample.Example()
	if err != nil {
		t.Fatal(err)
	}
	d := Layout(r, bundled(t))
	checkInvariants(t, d)
	checkGolden(t, "example.json", d)
}

func TestGoldenLong(t *testing.T) {
	d := Layout(sample.Long(1), bundled(t))
	checkInvariants(t, d)
	checkGolden(t, "long.json", d)

	// the long report breaks prose and every big table across pages, and
	// repeats the head of table 三 on each page it runs onto
	pagesWith := func(s string) int {
		n := 0
		for _, p := range d.Pages {
			for _, tx := range p.Texts {
				if strings.Contains(tx.S, s) {
					n++
					break
				}
			}
		}
		return n
	}
	if n := pagesWith("申请人情况"); n < 2 {
		t.Errorf("table 三 stands on %d page(s); the long report should break it and repeat its head", n)
	}
	if n := pagesWith("结"); n < 2 { // the merged label 三、本年度办理结果, drawn on both pages
		t.Errorf("merged label of table 三 found on %d page(s)", n)
	}
	if len(d.Pages) < 12 {
		t.Errorf("long report has %d pages, want at least 12", len(d.Pages))
	}
}

// checkInvariants holds for any report: text within the type area (page
// numbers below it), at most 22 body lines a page, table rules within the
// type area, and page numbers on the correct side.
func checkInvariants(t *testing.T, d *Doc) {
	t.Helper()
	for _, p := range d.Pages {
		bodyLines := map[float64]bool{}
		for i, tx := range p.Texts {
			last := i == len(p.Texts)-1
			if last { // the page number
				want := fmt.Sprintf("— %d —", p.Number)
				if tx.S != want {
					t.Errorf("page %d: last text %q, want the page number %q", p.Number, tx.S, want)
				}
				if mid := Left + AreaW/2; (p.Number%2 == 1) != (tx.X > mid) {
					t.Errorf("page %d: page number at x=%.1f on the wrong side", p.Number, tx.X)
				}
				if tx.Y < Top+AreaH+7*MM {
					t.Errorf("page %d: page number at y=%.1f, not 7 mm below the type area", p.Number, tx.Y)
				}
				continue
			}
			if tx.X < Left-eps || tx.Y < Top || tx.Y > Top+AreaH+eps {
				t.Errorf("page %d: text %q at (%.1f, %.1f) outside the type area", p.Number, tx.S, tx.X, tx.Y)
			}
			if tx.Size == BodySize {
				bodyLines[tx.Y] = true
			}
		}
		// a heading never stands alone at the foot of a page
		lastY, lastFace := 0.0, ""
		for _, tx := range p.Texts[:len(p.Texts)-1] { // the page number left out
			if tx.Y >= lastY {
				lastY, lastFace = tx.Y, d.Faces[tx.Face]
			}
		}
		if p.Number < len(d.Pages) && (lastFace == "NotoSansSC-Regular" || lastFace == "ARPLKaitiMGB") {
			t.Errorf("page %d ends with a heading (%s)", p.Number, lastFace)
		}
		if len(bodyLines) > LinesPerPage {
			t.Errorf("page %d has %d body lines, at most %d allowed", p.Number, len(bodyLines), LinesPerPage)
		}
		for _, r := range p.Rules {
			for _, v := range []float64{r.X1, r.X2} {
				if v < Left-eps || v > Left+AreaW+eps {
					t.Errorf("page %d: rule at x=%.2f outside the type area", p.Number, v)
				}
			}
			for _, v := range []float64{r.Y1, r.Y2} {
				if v < Top-eps || v > Top+AreaH+eps {
					t.Errorf("page %d: rule at y=%.2f outside the type area", p.Number, v)
				}
			}
		}
	}
}

// Whatever the length of the text before them, headings keep with what they
// head and tables stay within the type area: the preamble grows line by line
// so that every heading and table meets every position on a page.
func TestInvariantsAtEveryOffset(t *testing.T) {
	set := bundled(t)
	for _, scale := range []int{1, 2} {
		for k := 0; k < LinesPerPage; k++ {
			r := sample.Long(scale)
			r.Preamble = strings.Repeat("这是一行二十八个字的引言文字，用来把后文向下推移一行。", k)
			checkInvariants(t, Layout(r, set))
		}
	}
}

// Body lines are set on the grid: justified lines end exactly at the right
// edge of the type area, and every line's glyphs fit it.
func TestJustifiedLinesFillTheMeasure(t *testing.T) {
	set := bundled(t)
	r, err := sample.Example()
	if err != nil {
		t.Fatal(err)
	}
	f := newFlow(set)
	text := report.Paragraphs(r.Overview[1].Body)[0]
	gs := f.shapeRuns(printed.Runs(text), BodySize, "")
	indent := 2 * (BodySize + Track)
	lines := Break(gs, AreaW-indent, AreaW, Track)
	if len(lines) < 4 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, ln := range lines[:len(lines)-1] {
		width := AreaW
		if i == 0 {
			width -= indent
		}
		line := gs[ln.Start:ln.End]
		tc := JustifySpacing(line, width)
		if got := natural(line, tc); abs(got-width) > 0.001 {
			t.Errorf("line %d: justified width %.3f, want %.3f", i+1, got, width)
		}
		if ln.Natural > width+eps {
			t.Errorf("line %d: natural width %.3f exceeds %.3f", i+1, ln.Natural, width)
		}
	}
	// a line of 28 ideographs fills the measure exactly (GB/T 9704 §5.2.3)
	full := f.shape(strings.Repeat("政", CharsPerLine), fonts.RoleBody, BodySize, "")
	if got := natural(full, Track); abs(got-AreaW) > 0.001 {
		t.Errorf("28 characters are %.3f pt wide, want %.3f", got, AreaW)
	}
	if n := len(Break(full, AreaW, AreaW, Track)); n != 1 {
		t.Errorf("28 characters take %d lines, want 1", n)
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// A character no bundled font has (𠮷, U+20BB7, outside the Basic
// Multilingual Plane) is reported with where it stands and still drawn; one
// the role's font lacks but another bundled font has (䶮 in a 楷体 heading) is
// borrowed from that font.
func TestMissingAndBorrowedGlyphs(t *testing.T) {
	set := bundled(t)
	const absent, borrowed = '𠮷', '䶮'
	for i, f := range set.Faces {
		if f.Has(absent) {
			t.Fatalf("bundled face %d has %q; pick another character for this test", i, absent)
		}
	}
	kai, kaiIdx := set.Face(fonts.RoleSection)
	if kai.Has(borrowed) {
		t.Fatalf("the Kai face has %q; pick another character for this test", borrowed)
	}
	r := report.New("测试局", 2024)
	r.Overview = []report.Section{{Heading: "（一）刘" + string(borrowed) + "同志", Body: "第一段。\n\n第二段有生僻字" + string(absent) + "。"}}
	d := Layout(r, set)
	if len(d.Missing) != 1 || d.Missing[0].Char != absent || d.Missing[0].Where != "一、总体情况（一）第2段" {
		t.Fatalf("missing = %+v, want %q in 一、总体情况（一）第2段", d.Missing, absent)
	}
	drawn, lent := false, -1
	for _, p := range d.Pages {
		for _, tx := range p.Texts {
			if strings.ContainsRune(tx.S, absent) {
				drawn = true
			}
			if tx.S == string(borrowed) {
				lent = tx.Face
			}
		}
	}
	if !drawn {
		t.Error("the missing character was dropped from the page; it must be drawn (as the font's empty box)")
	}
	if lent < 0 || lent == kaiIdx || !set.Faces[lent].Has(borrowed) {
		t.Errorf("%q drawn with face %d, want a bundled face that has it", borrowed, lent)
	}
}

// The title is centred; it breaks after the agency's name when it does not
// fit one line, and a name too long for one line breaks at the end of one of
// its parts, never inside a word such as 政务.
func TestTitleLines(t *testing.T) {
	set := bundled(t)
	tests := []struct {
		agency, title string
		want          []string
	}{
		{"中卫市民政局", "", []string{"中卫市民政局", "2023年政府信息公开工作年度报告"}},
		{"上海市人民政府", "2023年上海市政府信息公开工作年度报告", []string{"2023年上海市政府信息公开工作年度报告"}},
		{"上海市人民政府办公厅", "2023年上海市人民政府办公厅政府信息公开工作年度报告",
			[]string{"2023年上海市人民政府办公厅", "政府信息公开工作年度报告"}},
		{"示例省示例市人民政府办公厅政务公开与信息化建设管理办公室", "",
			[]string{"示例省示例市人民政府办公厅", "政务公开与信息化建设管理办公室", "2023年政府信息公开工作年度报告"}},
		{"局", "", []string{"局2023年政府信息公开工作年度报告"}},
	}
	for _, tt := range tests {
		r := report.New(tt.agency, 2023)
		r.Title = tt.title
		d := Layout(r, set)
		var got []string
		for _, tx := range d.Pages[0].Texts {
			if tx.Size != TitleSize {
				continue
			}
			got = append(got, tx.S)
			w := natural(f0(set).shape(tx.S, fonts.RoleTitle, TitleSize, ""), 0)
			if mid := tx.X + w/2; abs(mid-(Left+AreaW/2)) > 0.01 {
				t.Errorf("%q is not centred: middle at %.2f, want %.2f", tx.S, mid, Left+AreaW/2)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("title of %q: %q, want %q", tt.agency, got, tt.want)
		}
	}
}

func f0(set *fonts.Set) *flow { return newFlow(set) }

// The text around the tables (format nianbao/2) is laid out where it stands:
// part 二's before its table's caption line and after its last row, and a
// report without it keeps its golden (TestGoldenExample).
func TestGoldenTableText(t *testing.T) {
	r, err := sample.Example()
	if err != nil {
		t.Fatal(err)
	}
	d := Layout(sample.WithTableText(r), bundled(t))
	checkInvariants(t, d)
	checkGolden(t, "tabletext.json", d)

	// the order of first appearance, page by page and top to bottom
	at := func(s string) (int, float64) {
		for i, p := range d.Pages {
			for _, tx := range p.Texts {
				if strings.Contains(tx.S, s) {
					return i, tx.Y
				}
			}
		}
		t.Fatalf("%q is not laid out", s)
		return 0, 0
	}
	order := []string{"二、主动公开政府信息情况", "（一）主动公开政府信息的数量", "本年度通过门户网站",
		"本年制发件数", "（二）主动公开政府信息的主要类别", "三、收到和处理政府信息公开申请情况",
		"本年度收到政府信息公开申请", "申请人情况", "四、政府信息公开行政复议", "未发生因政府信息公开引起", "五、存在的主要问题"}
	prevPage, prevY := -1, 0.0
	for _, s := range order {
		pg, y := at(s)
		if pg < prevPage || pg == prevPage && y <= prevY {
			t.Errorf("%q (page %d, y %.1f) is not after the text before it (page %d, y %.1f)", s, pg+1, y, prevPage+1, prevY)
		}
		prevPage, prevY = pg, y
	}
}
