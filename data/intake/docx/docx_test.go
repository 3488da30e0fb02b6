package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"nianbao/data/intake"
	"nianbao/data/printed"
	"nianbao/data/report"
)

const template = "testdata/template-2021-format-blank.docx"

func readTemplate(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(template)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The blank national template as offices receive it: its three tables are
// found, every one of the 200 figures is blank and read as 0 and listed as
// such, and the missing title is a doubt.
func TestBlankTemplate(t *testing.T) {
	d, err := ReadFile(template)
	if err != nil {
		t.Fatal(err)
	}
	r, rd := intake.Match(d)
	if len(rd.Figures) != 200 || len(rd.Zeros) != 200 {
		t.Errorf("%d figures, %d read as 0; want 200 and 200", len(rd.Figures), len(rd.Zeros))
	}
	for _, f := range rd.Figures {
		if f.How != intake.Blank || f.Value != "0" {
			t.Errorf("%s %s: %+v, want blank", f.Field.RowLabel, f.Field.Column, f)
		}
	}
	for _, x := range rd.Doubts {
		if x.Field != nil {
			t.Errorf("figure doubt: %s", x)
		}
	}
	if len(rd.Doubts) == 0 || !strings.Contains(rd.Doubts[0].What, "未找到报告标题") {
		t.Errorf("doubts %v, want the title not found", rd.Doubts)
	}
	if len(r.Overview) != 1 || r.Overview[0].Body != "（文字描述）" {
		t.Errorf("overview %+v", r.Overview)
	}
}

// rewrite returns the docx with word/document.xml changed by edit.
func rewrite(t testing.TB, docx []byte, edit func(string) string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		data := b.Bytes()
		if f.Name == "word/document.xml" {
			data = []byte(edit(string(data)))
		}
		fw, _ := w.Create(f.Name)
		fw.Write(data)
	}
	w.Close()
	return out.Bytes()
}

var tcRE = regexp.MustCompile(`(?s)<w:tc>.*?</w:tc>`)
var textRE = regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`)

// fillByHand fills the blank template the way a clerk does: the title
// typed over the template's, each figure cell typed in as text(i) for the
// i-th figure of the printed model (nothing typed for "").
func fillByHand(t testing.TB, title string, text func(i int) string) []byte {
	i := 0
	return rewrite(t, readTemplate(t), func(s string) string {
		s = strings.Replace(s, "政府信息公开工作年度报告格式模板", title, 1)
		return tcRE.ReplaceAllStringFunc(s, func(tc string) string {
			if strings.Contains(tc, `w:val="continue"`) {
				return tc
			}
			for _, m := range textRE.FindAllStringSubmatch(tc, -1) {
				if strings.Trim(m[1], " \u3000") != "" {
					return tc // a label
				}
			}
			v := text(i)
			i++
			if v == "" {
				return tc
			}
			k := strings.LastIndex(tc, "</w:p>")
			return tc[:k] + `<w:r><w:t xml:space="preserve">` + v + `</w:t></w:r>` + tc[k:]
		})
	})
}

func busy(t testing.TB) *report.Report {
	r, err := report.ReadFile("testdata/fictional-busy-2024.nianbao.json")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// A report filled in by hand in the blank template: zeros left blank,
// full-width digits, thousands separators, a row typed with spaces around
// its figures. Every figure reads as typed; the blanks are listed as 0.
func TestFilledByHand(t *testing.T) {
	src := busy(t)
	var fields []*printed.Field
	for _, tb := range printed.Tables() {
		for _, c := range tb.Figures() {
			fields = append(fields, c.Field)
		}
	}
	zeros := 0
	fullWidth := strings.NewReplacer("0", "０", "1", "１", "2", "２", "3", "３", "4", "４", "5", "５", "6", "６", "7", "７", "8", "８", "9", "９")
	data := fillByHand(t, "示例市人民政府2024年政府信息公开工作年度报告", func(i int) string {
		f := fields[i]
		v := f.Text(src)
		switch {
		case v == "0":
			zeros++
			return ""
		case f.Row == "new":
			return "\u3000" + v + "  " // typed with spaces
		case f.Part == "四":
			return fullWidth.Replace(v)
		case len(v) > 3 && !f.Fee:
			return v[:len(v)-3] + "," + v[len(v)-3:]
		}
		return v
	})
	d, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	got, rd := intake.Match(d)
	if got.Agency != "示例市人民政府" || got.Year != 2024 || got.AgencyType != report.AgencyGovernment {
		t.Errorf("agency %q year %d type %q", got.Agency, got.Year, got.AgencyType)
	}
	if got.Proactive != src.Proactive || got.Applications != src.Applications || got.ReviewLitigation != src.ReviewLitigation {
		t.Errorf("figures differ:\n%+v\n%+v\n%+v", got.Proactive, got.Applications, got.ReviewLitigation)
	}
	if len(rd.Doubts) != 0 || len(rd.Zeros) != zeros || zeros == 0 {
		t.Errorf("%d doubts %v, %d zeros (want %d)", len(rd.Doubts), rd.Doubts, len(rd.Zeros), zeros)
	}
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"`

// makeDocx makes a .docx of a body and, when given, styles.
func makeDocx(t testing.TB, body, styles string) []byte {
	t.Helper()
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	f, _ := w.Create("word/document.xml")
	fmt.Fprintf(f, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s</w:body></w:document>`, wNS, body)
	if styles != "" {
		f, _ = w.Create("word/styles.xml")
		fmt.Fprintf(f, `<?xml version="1.0" encoding="UTF-8"?><w:styles %s>%s</w:styles>`, wNS, styles)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func p(runs ...string) string { return "<w:p>" + strings.Join(runs, "") + "</w:p>" }
func r(text string) string    { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func b(text string) string    { return `<w:r><w:rPr><w:b/></w:rPr><w:t>` + text + `</w:t></w:r>` }

// dump shows a document's blocks as text: paragraphs with **bold**, tables
// as [row,col rowspan×colspan text].
func dump(d *intake.Document) string {
	var out []string
	var table func(t *intake.Table)
	table = func(t *intake.Table) {
		s := fmt.Sprintf("T%dx%d", t.Rows, t.Cols)
		for _, c := range t.Cells {
			s += fmt.Sprintf(" [%d,%d %dx%d %s]", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text)
		}
		out = append(out, s)
		for _, n := range t.Nested {
			table(n)
		}
	}
	for _, x := range d.Blocks {
		if x.Table != nil {
			table(x.Table)
			continue
		}
		s := ""
		for _, r := range x.Para.Runs {
			if r.Bold {
				s += "**" + r.Text + "**"
			} else {
				s += r.Text
			}
		}
		out = append(out, s)
	}
	return strings.Join(out, "\n")
}

// What a Word file can hold, read as shown.
func TestBody(t *testing.T) {
	cell := func(props, text string) string {
		return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + p(r(text)) + "</w:tc>"
	}
	cases := []struct{ name, body, styles, want string }{
		{"bold runs", p(b("一是"), r("加强管理")), "", "**一是**加强管理"},
		{"bold off inside bold style", p(`<w:pPr><w:pStyle w:val="H"/></w:pPr>`, r("标题"), `<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>正文</w:t></w:r>`),
			`<w:style w:styleId="H0"><w:rPr><w:b/></w:rPr></w:style><w:style w:styleId="H"><w:basedOn w:val="H0"/></w:style>`, "**标题**正文"},
		{"tracked changes as shown", p(r("共公开"), `<w:ins><w:r><w:t>159</w:t></w:r></w:ins>`, `<w:del><w:r><w:delText>158</w:delText></w:r></w:del>`, r("条")), "", "共公开159条"},
		{"moved text", p(`<w:moveFrom><w:r><w:t>旧处</w:t></w:r></w:moveFrom>`, `<w:moveTo><w:r><w:t>新处</w:t></w:r></w:moveTo>`), "", "新处"},
		{"hidden text and field codes", p(r("第"), `<w:r><w:instrText>PAGE</w:instrText></w:r>`, `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>`, r("页")), "", "第页"},
		{"tab and line break", p(r("甲"), `<w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>`), "", "甲 乙\n丙"},
		{"text box read once, its fallback copy left", p(r("前"), `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>`+p(r("框中文字"))+`</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>`+p(r("框中文字"))+`</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`, r("后")), "", "框中文字\n前后"},
		{"gridSpan and vMerge", `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
			"<w:tr>" + cell(`<w:vMerge w:val="restart"/>`, "甲") + cell(`<w:gridSpan w:val="2"/>`, "乙") + "</w:tr>" +
			"<w:tr>" + cell(`<w:vMerge/>`, "") + cell("", "1") + cell("", "2") + "</w:tr></w:tbl>", "",
			"T2x3 [0,0 2x1 甲] [0,1 1x2 乙] [1,1 1x1 1] [1,2 1x1 2]"},
		{"gridBefore", `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + cell("", "右") + "</w:tr></w:tbl>", "",
			"T1x2 [0,1 1x1 右]"},
		{"nested table", `<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>` + p(r("外")) +
			`<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>` + cell("", "内") + `</w:tr></w:tbl></w:tc></w:tr></w:tbl>`, "",
			"T1x1 [0,0 1x1 外]\nT1x1 [0,0 1x1 内]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(makeDocx(t, tc.body, tc.styles))
			if err != nil {
				t.Fatal(err)
			}
			if got := dump(d); got != tc.want {
				t.Errorf("read\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// Bad files are refused with a message in Chinese, quickly and within bounded memory.
func TestBadFiles(t *testing.T) {
	bomb := func(t testing.TB) []byte {
		var out bytes.Buffer
		w := zip.NewWriter(&out)
		f, _ := w.Create("word/document.xml")
		chunk := bytes.Repeat([]byte(" "), 1<<20)
		for i := 0; i <= maxDocument>>20; i++ {
			f.Write(chunk)
		}
		w.Close()
		return out.Bytes()
	}
	many := func(t testing.TB) []byte {
		var out bytes.Buffer
		w := zip.NewWriter(&out)
		for i := 0; i <= maxEntries; i++ {
			w.Create(fmt.Sprintf("x/%d", i))
		}
		w.Close()
		return out.Bytes()
	}
	laughs := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document ` + wNS + `><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`
	withDoc := func(xml string) func(t testing.TB) []byte {
		return func(t testing.TB) []byte {
			var out bytes.Buffer
			w := zip.NewWriter(&out)
			f, _ := w.Create("word/document.xml")
			f.Write([]byte(xml))
			w.Close()
			return out.Bytes()
		}
	}
	deep := `<w:document ` + wNS + `><w:body>` + strings.Repeat("<w:sdt><w:sdtContent>", maxDepth) + strings.Repeat("</w:sdtContent></w:sdt>", maxDepth) + `</w:body></w:document>`
	cases := []struct {
		name  string
		data  func(t testing.TB) []byte
		cause error
		says  string
	}{
		{"zip bomb", bomb, ErrBomb, "压缩炸弹"},
		{"too many entries", many, ErrBomb, "超过 2000 个的上限"},
		{"entity bomb", withDoc(laughs), ErrBomb, "实体炸弹"},
		{"nested beyond reason", withDoc(deep), ErrBomb, "嵌套超过"},
		{"not XML", withDoc("<w:document><w:body>"), ErrNotDocx, "不是有效的 XML"},
		{"no document part", func(t testing.TB) []byte { return makeDocxWithout(t) }, ErrNotDocx, "没有正文"},
		{"not a zip", func(t testing.TB) []byte { return []byte("这不是 Word 文件") }, ErrNotDocx, "另存为"},
		{"an old .doc or an encrypted file", func(t testing.TB) []byte {
			return append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
		}, ErrNotDocx, "旧版 Word 文件（.doc）或加密"},
		{"too large", func(t testing.TB) []byte { return make([]byte, MaxFileSize+1) }, nil, "超过 30 MB"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(tc.data(t))
			if err == nil {
				t.Fatal("read without complaint")
			}
			if tc.cause != nil && !errors.Is(err, tc.cause) || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %q, want one saying %q", err, tc.says)
			}
		})
	}
}

func makeDocxWithout(t testing.TB) []byte {
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	f, _ := w.Create("[Content_Types].xml")
	f.Write([]byte("<Types/>"))
	w.Close()
	return out.Bytes()
}

func FuzzRead(f *testing.F) {
	f.Add(readTemplate(f))
	f.Add(makeDocx(f, p(b("一是"), r("甲"))+`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/><w:vMerge/></w:tcPr>`+p(r("1"))+`</w:tc></w:tr></w:tbl>`, ""))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data)
		if err != nil {
			return
		}
		intake.Match(d)
	})
}

func BenchmarkReadFilledTemplate(b *testing.B) {
	src := busy(b)
	var fields []*printed.Field
	for _, tb := range printed.Tables() {
		for _, c := range tb.Figures() {
			fields = append(fields, c.Field)
		}
	}
	data := fillByHand(b, "示例市人民政府2024年政府信息公开工作年度报告", func(i int) string { return fields[i].Text(src) })
	b.ReportAllocs()
	for b.Loop() {
		d, err := Read(data)
		if err != nil {
			b.Fatal(err)
		}
		intake.Match(d)
	}
}
