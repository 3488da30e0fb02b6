package word

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"nianbao/app/charts"
	"nianbao/app/job"
	"nianbao/assets"
	"nianbao/data/printed"
	"nianbao/data/report"
)

// node is any XML element, parsed whole.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

func (n *node) attr(local string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (n *node) child(local string) *node {
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == local {
			return &n.Nodes[i]
		}
	}
	return nil
}

func (n *node) children(local string) []*node {
	var out []*node
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == local {
			out = append(out, &n.Nodes[i])
		}
	}
	return out
}

// walk visits n and everything under it.
func (n *node) walk(f func(*node)) {
	f(n)
	for i := range n.Nodes {
		n.Nodes[i].walk(f)
	}
}

// text is the text of the w:t elements under n.
func (n *node) text() string {
	var b strings.Builder
	n.walk(func(m *node) {
		if m.XMLName.Local == "t" {
			b.WriteString(m.Text)
		}
	})
	return b.String()
}

// docx is an unzipped document: every part, each parsed.
type docx struct {
	files map[string][]byte
	parts map[string]*node
}

func open(t *testing.T, b []byte) *docx {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	d := &docx{files: map[string][]byte{}, parts: map[string]*node{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		d.files[f.Name] = data
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			var n node
			if err := xml.Unmarshal(data, &n); err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
			d.parts[f.Name] = &n
		}
	}
	return d
}

func example(t testing.TB, data []byte) *report.Report {
	t.Helper()
	r, err := report.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func write(t *testing.T, in *job.Input) *docx {
	t.Helper()
	res, err := Write(in)
	if err != nil {
		t.Fatal(err)
	}
	return open(t, res.DOCX)
}

// noFonts is the input of r kept from the machine's fonts: FontsBundled
// unless a test asks otherwise.
func noFonts(r *report.Report) *job.Input {
	in := job.New(r)
	in.Fonts = job.FontsBundled
	return in
}

func TestPackageIsComplete(t *testing.T) {
	r := example(t, assets.BusyExampleReport)
	cs, err := charts.Charts(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	images, err := chartImages(cs[:2])
	if err != nil {
		t.Fatal(err)
	}
	res, err := writeImages(noFonts(r), images)
	if err != nil {
		t.Fatal(err)
	}
	d := open(t, res.DOCX)

	// every part has a content type, every relationship a target
	types := d.parts["[Content_Types].xml"]
	if types == nil {
		t.Fatal("no [Content_Types].xml")
	}
	defaults, overrides := map[string]bool{}, map[string]bool{}
	for _, n := range types.Nodes {
		switch n.XMLName.Local {
		case "Default":
			ext, _ := n.attr("Extension")
			defaults[ext] = true
		case "Override":
			p, _ := n.attr("PartName")
			overrides[p] = true
		}
	}
	for name := range d.files {
		if name == "[Content_Types].xml" {
			continue
		}
		if !overrides["/"+name] && !defaults[strings.TrimPrefix(path.Ext(name), ".")] {
			t.Errorf("part %s has no content type", name)
		}
	}
	for p := range overrides {
		if _, ok := d.files[strings.TrimPrefix(p, "/")]; !ok {
			t.Errorf("content type for a missing part %s", p)
		}
	}
	ids := map[string]bool{}
	for name, rels := range d.parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		base := path.Dir(path.Dir(name)) // word/_rels/document.xml.rels → word
		for _, rel := range rels.children("Relationship") {
			target, _ := rel.attr("Target")
			full := path.Join(base, target)
			if base == "." {
				full = target
			}
			if _, ok := d.files[full]; !ok {
				t.Errorf("%s: target %s is missing", name, full)
			}
			if name == "word/_rels/document.xml.rels" {
				id, _ := rel.attr("Id")
				ids[id] = true
			}
		}
	}
	// every r:id the document and its footers use is a relationship
	d.parts["word/document.xml"].walk(func(n *node) {
		for _, a := range n.Attrs {
			if a.Name.Space == nsR && !ids[a.Value] {
				t.Errorf("%s refers to an unknown relationship %s", n.XMLName.Local, a.Value)
			}
		}
	})
	// the pictures carry their text alternatives
	var descr []string
	d.parts["word/document.xml"].walk(func(n *node) {
		if n.XMLName.Local == "docPr" {
			v, _ := n.attr("descr")
			descr = append(descr, v)
		}
	})
	if !slices.Equal(descr, []string{images[0].Alt, images[1].Alt}) {
		t.Errorf("pictures' descr = %q", descr)
	}
	for i := range images {
		if !bytes.Equal(d.files["word/media/chart"+strconv.Itoa(i+1)+".png"], images[i].PNG) {
			t.Errorf("picture %d not stored", i+1)
		}
	}
}

// bodyParagraphs returns the paragraphs of the body outside tables, without
// the empty one under the title and the pictures' ones.
func bodyParagraphs(d *docx) []*node {
	body := d.parts["word/document.xml"].child("body")
	var out []*node
	for _, p := range body.children("p") {
		if p.text() != "" {
			out = append(out, p)
		}
	}
	return out
}

func style(p *node) string {
	if ppr := p.child("pPr"); ppr != nil {
		if s := ppr.child("pStyle"); s != nil {
			v, _ := s.attr("val")
			return v
		}
	}
	return ""
}

func TestEveryParagraphInOrderWithItsStyle(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		text bool // with text around the tables (format nianbao/2)
	}{{"busy", assets.BusyExampleReport, false}, {"zhongwei", assets.ExampleReport, false}, {"table text", assets.ExampleReport, true}} {
		t.Run(tc.name, func(t *testing.T) {
			r := example(t, tc.data)
			if tc.text {
				withTableText(r)
			}
			d := write(t, noFonts(r))
			want := printed.Build(r)
			got := bodyParagraphs(d)
			wantStyle := map[printed.Role]string{
				printed.RoleTitle: "Title", printed.RolePartHeading: "Heading1", printed.RoleSectionHeading: "Heading2",
				printed.RolePreamble: "", printed.RoleBody: "", printed.RoleClosing: "",
			}
			i := 0
			for _, b := range want.Blocks {
				p := b.Paragraph
				if p == nil {
					continue
				}
				if i >= len(got) {
					t.Fatalf("paragraph %q missing", p.Text)
				}
				g := got[i]
				i++
				if g.text() != p.Text {
					t.Errorf("paragraph %d: %q, want %q", i, g.text(), p.Text)
				}
				if style(g) != wantStyle[p.Role] {
					t.Errorf("paragraph %q: style %q, want %q", p.Text, style(g), wantStyle[p.Role])
				}
				// bold runs as marked
				var bold []string
				for _, run := range g.children("r") {
					if rpr := run.child("rPr"); rpr != nil && rpr.child("b") != nil {
						bold = append(bold, run.text())
					}
				}
				var wantBold []string
				for _, run := range p.Runs {
					if run.Bold {
						wantBold = append(wantBold, run.Text)
					}
				}
				if !slices.Equal(bold, wantBold) {
					t.Errorf("paragraph %q: bold %q, want %q", p.Text, bold, wantBold)
				}
			}
			if i != len(got) {
				t.Errorf("%d paragraphs more than the model has", len(got)-i)
			}
		})
	}
}

// gridCell is a cell of a table as the docx spans it.
type gridCell struct {
	row, col, rows, cols int
	text                 string
}

// tableGrid rebuilds the cells of a w:tbl from w:gridSpan and w:vMerge, and
// checks that every row covers every grid column with consistent widths.
func tableGrid(t *testing.T, tbl *node) (cells []*gridCell, header int) {
	t.Helper()
	var gridW []int
	for _, gc := range tbl.child("tblGrid").children("gridCol") {
		v, _ := gc.attr("w")
		n, _ := strconv.Atoi(v)
		gridW = append(gridW, n)
	}
	total := 0
	for _, w := range gridW {
		total += w
	}
	if total != areaW {
		t.Errorf("grid %v adds up to %d, want the type area's %d", gridW, total, areaW)
	}
	if l := tbl.child("tblPr").child("tblLayout"); l == nil {
		t.Error("table layout not fixed")
	}
	open := map[int]*gridCell{} // the merge started in each column
	for r, tr := range tbl.children("tr") {
		trPr := tr.child("trPr")
		if trPr == nil || trPr.child("cantSplit") == nil {
			t.Errorf("row %d may split across pages", r)
		}
		if trPr != nil && trPr.child("tblHeader") != nil {
			if header != r {
				t.Errorf("head row %d after a body row", r)
			}
			header = r + 1
		}
		col := 0
		for _, tc := range tr.children("tc") {
			pr := tc.child("tcPr")
			span := 1
			if gs := pr.child("gridSpan"); gs != nil {
				v, _ := gs.attr("val")
				span, _ = strconv.Atoi(v)
			}
			w, _ := pr.child("tcW").attr("w")
			width, _ := strconv.Atoi(w)
			want := 0
			for _, x := range gridW[col:min(col+span, len(gridW))] {
				want += x
			}
			if width != want {
				t.Errorf("row %d col %d: tcW %d, want %d", r, col, width, want)
			}
			vm := pr.child("vMerge")
			val := ""
			if vm != nil {
				val, _ = vm.attr("val")
			}
			switch {
			case vm != nil && val != "restart":
				c := open[col]
				if c == nil || c.cols != span {
					t.Fatalf("row %d col %d continues no merge", r, col)
				}
				c.rows++
				if tc.text() != "" {
					t.Errorf("continued cell holds %q", tc.text())
				}
			default:
				c := &gridCell{row: r, col: col, rows: 1, cols: span, text: tc.text()}
				cells = append(cells, c)
				delete(open, col)
				if val == "restart" {
					open[col] = c
				}
			}
			col += span
		}
		if col != len(gridW) {
			t.Errorf("row %d covers %d of %d grid columns", r, col, len(gridW))
		}
	}
	return cells, header
}

func TestTablesAsTheModel(t *testing.T) {
	r := example(t, assets.BusyExampleReport)
	d := write(t, noFonts(r))
	tbls := d.parts["word/document.xml"].child("body").children("tbl")
	model := printed.Build(r).Tables()
	if len(tbls) != len(model) {
		t.Fatalf("%d tables, want %d", len(tbls), len(model))
	}
	for i, mt := range model {
		cells, header := tableGrid(t, tbls[i])
		if header != mt.Header {
			t.Errorf("%s: %d head rows, want %d", mt.ID, header, mt.Header)
		}
		if len(tbls[i].child("tblGrid").children("gridCol")) != mt.Cols {
			t.Errorf("%s: grid of %d columns, want %d", mt.ID, len(tbls[i].child("tblGrid").children("gridCol")), mt.Cols)
		}
		// the model's cells in its reading order may put a head before the
		// heads left of it; compare by position
		got := map[[2]int]*gridCell{}
		for _, c := range cells {
			got[[2]int{c.row, c.col}] = c
		}
		for _, mc := range mt.Cells {
			g := got[[2]int{mc.Row, mc.Col}]
			if g == nil {
				t.Errorf("%s: no cell at (%d,%d)", mt.ID, mc.Row, mc.Col)
				continue
			}
			text := mc.Text
			if mc.Kind == printed.KindFigure {
				text = mc.Field.Text(r)
			}
			if g.rows != mc.RowSpan || g.cols != mc.ColSpan || g.text != text {
				t.Errorf("%s (%d,%d): %d×%d %q, want %d×%d %q", mt.ID, mc.Row, mc.Col, g.rows, g.cols, g.text, mc.RowSpan, mc.ColSpan, text)
			}
			delete(got, [2]int{mc.Row, mc.Col})
		}
		for _, g := range got {
			t.Errorf("%s: a cell at (%d,%d) the model does not have: %q", mt.ID, g.row, g.col, g.text)
		}
	}
}

func TestPageAndFooters(t *testing.T) {
	d := write(t, noFonts(example(t, assets.ExampleReport)))
	sect := d.parts["word/document.xml"].child("body").child("sectPr")
	if sect == nil {
		t.Fatal("no sectPr")
	}
	get := func(n *node, a string) int {
		v, _ := n.attr(a)
		i, _ := strconv.Atoi(v)
		return i
	}
	if sz := sect.child("pgSz"); get(sz, "w") != 11906 || get(sz, "h") != 16838 {
		t.Error("not A4")
	}
	mar := sect.child("pgMar")
	mm := func(twips int) float64 { return float64(twips) / 56.6929 }
	for a, want := range map[string]float64{"top": 37, "bottom": 35, "left": 28, "right": 26} {
		if got := mm(get(mar, a)); got < want-0.05 || got > want+0.05 {
			t.Errorf("margin %s %.2f mm, want %v", a, got, want)
		}
	}
	grid := sect.child("docGrid")
	if typ, _ := grid.attr("type"); typ != "lines" {
		t.Errorf("grid type %q", typ)
	}
	if pitch := get(grid, "linePitch"); 22*pitch > areaH || 23*pitch <= areaH {
		t.Errorf("line pitch %d does not give 22 lines", pitch)
	}
	// the body's lines are exactly the grid's, and 28 of its characters fit
	// the line while 29 do not
	var normal *node
	for _, s := range d.parts["word/styles.xml"].children("style") {
		if id, _ := s.attr("styleId"); id == "Normal" {
			normal = s
		}
	}
	if sp := normal.child("pPr").child("spacing"); get(sp, "line") != get(grid, "linePitch") {
		t.Errorf("body line %d, grid %d", get(sp, "line"), get(grid, "linePitch"))
	} else if rule, _ := sp.attr("lineRule"); rule != "exact" {
		t.Errorf("body line rule %q", rule)
	}
	charPt := float64(get(normal.child("rPr").child("sz"), "val"))/2 + float64(get(normal.child("rPr").child("spacing"), "val"))/20
	if lineW := float64(areaW) / 20; 28*charPt > lineW || 29*charPt <= lineW {
		t.Errorf("characters of %.2f pt do not give 28 on %.2f pt", charPt, lineW)
	}
	if d.parts["word/settings.xml"].child("evenAndOddHeaders") == nil {
		t.Error("no w:evenAndOddHeaders")
	}
	rels := map[string]string{}
	for _, rel := range d.parts["word/_rels/document.xml.rels"].children("Relationship") {
		id, _ := rel.attr("Id")
		target, _ := rel.attr("Target")
		rels[id] = target
	}
	refs := map[string]string{}
	for _, f := range sect.children("footerReference") {
		typ, _ := f.attr("type")
		id, _ := f.attr("id")
		refs[typ] = "word/" + rels[id]
	}
	for typ, jc := range map[string]string{"default": "right", "even": "left"} {
		ftr := d.parts[refs[typ]]
		if ftr == nil {
			t.Fatalf("no %s footer", typ)
		}
		p := ftr.child("p")
		if got, _ := p.child("pPr").child("jc").attr("val"); got != jc {
			t.Errorf("%s footer aligned %s, want %s", typ, got, jc)
		}
		ind := p.child("pPr").child("ind")
		side := map[string]string{"right": "right", "left": "left"}[jc]
		if got := get(ind, side); got != charPitch {
			t.Errorf("%s footer %d twips in, want one character (%d)", typ, got, charPitch)
		}
		var instr string
		var chars []string
		p.walk(func(n *node) {
			switch n.XMLName.Local {
			case "instrText":
				instr += n.Text
			case "fldChar":
				v, _ := n.attr("fldCharType")
				chars = append(chars, v)
			}
		})
		if strings.TrimSpace(instr) != "PAGE" || !slices.Equal(chars, []string{"begin", "separate", "end"}) {
			t.Errorf("%s footer field %q %v", typ, instr, chars)
		}
		if txt := p.text(); txt != "— 1 —" {
			t.Errorf("%s footer reads %q", typ, txt)
		}
	}
}

// roleFonts returns the eastAsia font of each paragraph style.
func roleFonts(t *testing.T, d *docx) map[string]string {
	out := map[string]string{}
	for _, s := range d.parts["word/styles.xml"].children("style") {
		id, _ := s.attr("styleId")
		if rpr := s.child("rPr"); rpr != nil {
			if f := rpr.child("rFonts"); f != nil {
				ea, _ := f.attr("eastAsia")
				ascii, _ := f.attr("ascii")
				if ea != ascii {
					t.Errorf("%s: eastAsia %q but ascii %q", id, ea, ascii)
				}
				out[id] = ea
			}
		}
	}
	return out
}

func TestFontsNamed(t *testing.T) {
	r := example(t, assets.ExampleReport)
	windows := map[string]string{"Title": "宋体", "Normal": "仿宋", "Heading1": "黑体", "Heading2": "楷体", "Footer": "宋体", "TableText": "仿宋", "TableCaption": "黑体"}

	// official faces installed: their names
	dir := t.TempDir()
	for name, data := range map[string][]byte{"FZXBSJW.TTF": assets.NotoSerifSCRegular, "kaiti_gb2312.ttf": assets.ARPLKaitiMGB} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Write(withFonts(r, job.FontsAuto, dir))
	if err != nil {
		t.Fatal(err)
	}
	got := roleFonts(t, open(t, res.DOCX))
	if got["Title"] != "方正小标宋简体" || got["Heading2"] != "楷体_GB2312" {
		t.Errorf("with official faces installed: %v", got)
	}
	if !slices.Contains(res.FontsUsed, "标题：方正小标宋简体（本机已安装）") {
		t.Errorf("fonts used: %q", res.FontsUsed)
	}

	// bundled: the faces of every Chinese Windows, whatever is installed
	res, err = Write(withFonts(r, job.FontsBundled, dir))
	if err != nil {
		t.Fatal(err)
	}
	d := open(t, res.DOCX)
	got = roleFonts(t, d)
	for id, want := range windows {
		if got[id] != want {
			t.Errorf("bundled: style %s in %q, want %q", id, got[id], want)
		}
	}
	// 宋体 stands in for 小标宋 bold
	for _, s := range d.parts["word/styles.xml"].children("style") {
		if id, _ := s.attr("styleId"); id == "Title" && s.child("rPr").child("b") == nil {
			t.Error("a 宋体 title is not bold")
		}
	}
	names := map[string]bool{}
	for _, f := range d.parts["word/fontTable.xml"].children("font") {
		n, _ := f.attr("name")
		names[n] = true
	}
	for _, want := range windows {
		if !names[want] {
			t.Errorf("font table lacks %s", want)
		}
	}
}

func TestSameBytesEveryTime(t *testing.T) {
	r := example(t, assets.BusyExampleReport)
	a, _ := Write(noFonts(r))
	b, _ := Write(noFonts(r))
	if !bytes.Equal(a.DOCX, b.DOCX) {
		t.Error("two writes of one report differ")
	}
}

func TestAnyTextMakesAValidFile(t *testing.T) {
	r := report.New("某局<&>\"'", 2024)
	r.Preamble = "控制字符\x01\x0b、**未闭合、<w:p>、]]>、\uFFFE、𠀀"
	r.Overview = []report.Section{{Heading: "（一）**粗**", Body: "甲**乙**丙"}}
	r.Proactive.Fees = "1.5"
	d := write(t, noFonts(r))
	if !strings.Contains(d.parts["word/document.xml"].text(), "𠀀") {
		t.Error("a character outside the BMP was lost")
	}
}

func TestTitleBreaksAfterTheAgency(t *testing.T) {
	for _, tc := range []struct {
		title, agency string
		want          []string
	}{
		{"中卫市民政局2023年政府信息公开工作年度报告", "中卫市民政局", []string{"中卫市民政局", "2023年政府信息公开工作年度报告"}},
		{"某局2023年报告", "某局", []string{"某局2023年报告"}},
		{"2023年示例市人民政府办公室政府信息公开工作年度报告", "示例市人民政府办公室", []string{"2023年示例市人民政府办公室", "政府信息公开工作年度报告"}},
	} {
		if got := titleLines(tc.title, tc.agency); !slices.Equal(got, tc.want) {
			t.Errorf("titleLines(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	r := example(b, assets.BusyExampleReport)
	for b.Loop() {
		if _, err := Write(noFonts(r)); err != nil {
			b.Fatal(err)
		}
	}
}

// withTableText gives r paragraphs before and after the tables of parts 二–四.
func withTableText(r *report.Report) {
	r.ProactiveText = report.TableText{Before: "**（一）**主动公开政府信息的数量", After: "（二）主动公开政府信息的主要类别"}
	r.ApplicationsText = report.TableText{After: "申请均已按期答复。"}
	r.ReviewLitigationText = report.TableText{Before: "本年度无行政复议。\n\n也无行政诉讼。"}
}

// The text around a table (format nianbao/2) stands between the part's
// heading and its table, or between the table and the next heading.
func TestTableTextAroundTheTables(t *testing.T) {
	r := example(t, assets.ExampleReport)
	withTableText(r)
	body := write(t, noFonts(r)).parts["word/document.xml"].child("body")
	var got []string
	for i := range body.Nodes {
		n := &body.Nodes[i]
		switch {
		case n.XMLName.Local == "tbl":
			got = append(got, "表")
		case n.XMLName.Local == "p" && n.text() != "":
			got = append(got, n.text())
		}
	}
	h := report.PartHeadings
	want := []string{h[1], "（一）主动公开政府信息的数量", "表", "（二）主动公开政府信息的主要类别",
		h[2], "表", "申请均已按期答复。", h[3], "本年度无行政复议。", "也无行政诉讼。", "表", h[4]}
	i := slices.Index(got, h[1])
	if i < 0 || i+len(want) > len(got) || !slices.Equal(got[i:i+len(want)], want) {
		t.Errorf("document body from part 二: %q, want %q", got[max(i, 0):], want)
	}
}

// withFonts is the input of r with the fonts choice, the official faces
// looked for in dirs first.
func withFonts(r *report.Report, choice job.FontChoice, dirs ...string) *job.Input {
	in := job.New(r)
	in.Fonts, in.FontDirs = choice, dirs
	return in
}

// Write draws the 图解 from its input when asked (with the trend over the
// earlier years), one picture each, and none otherwise.
func TestWriteDrawsTheCharts(t *testing.T) {
	r := example(t, assets.BusyExampleReport)
	prev := r.Clone()
	prev.Year--
	for _, tc := range []struct {
		name    string
		charts  bool
		history []*report.Report
		want    int
	}{
		{"no charts", false, []*report.Report{prev}, 0},
		{"the report's charts", true, nil, 5},
		{"and the trend", true, []*report.Report{prev}, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := noFonts(r)
			in.Charts, in.History = tc.charts, tc.history
			res, err := Write(in)
			if err != nil {
				t.Fatal(err)
			}
			pictures := 0
			for name := range open(t, res.DOCX).files {
				if strings.HasPrefix(name, "word/media/") {
					pictures++
				}
			}
			if res.Figures != tc.want || pictures != tc.want {
				t.Errorf("Figures %d, %d pictures, want %d", res.Figures, pictures, tc.want)
			}
		})
	}
}
