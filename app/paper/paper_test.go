package paper

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"nianbao/app/buildinfo"
	"nianbao/app/job"
	"nianbao/app/paper/internal/sample"
	"nianbao/assets"
	"nianbao/data/printed"
	"nianbao/data/report"
)

// poppler runs one of the poppler tools (pdftotext, pdffonts, pdfinfo) on pdf.
func poppler(t *testing.T, pdf []byte, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s is needed by this test (Debian: apt-get install poppler-utils): %v", tool, err)
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, path)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

func reports(t *testing.T) map[string]*report.Report {
	t.Helper()
	ex, err := sample.Example()
	if err != nil {
		t.Fatal(err)
	}
	busy, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*report.Report{"example": ex, "busy": busy, "long": sample.Long(1)}
}

func render(t testing.TB, r *report.Report) *Result {
	t.Helper()
	res, err := Render(input(r, job.FontsBundled))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// wantTexts lists, in print order, every piece of text the report must show:
// title, every paragraph, every heading, every table label and every figure.
func wantTexts(r *report.Report) []string {
	var out []string
	prose := func(body string) {
		for _, p := range report.Paragraphs(body) {
			out = append(out, strings.ReplaceAll(p, "**", ""))
		}
	}
	sections := func(n int, ss []report.Section) {
		out = append(out, report.PartHeadings[n])
		for _, s := range ss {
			if h := strings.TrimSpace(s.Heading); h != "" {
				out = append(out, h)
			}
			prose(s.Body)
		}
	}
	n := strconv.Itoa
	out = append(out, r.DisplayTitle())
	prose(r.Preamble)
	sections(0, r.Overview)

	p := r.Proactive
	out = append(out, report.PartHeadings[1],
		"第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
		"规章", n(p.Rules.Issued), n(p.Rules.Repealed), n(p.Rules.InForce),
		"行政规范性文件", n(p.NormativeDocuments.Issued), n(p.NormativeDocuments.Repealed), n(p.NormativeDocuments.InForce),
		"第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", n(p.Licensing),
		"第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", n(p.Penalty), "行政强制", n(p.Coercion),
		"第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费", p.Fees)

	out = append(out, report.PartHeadings[2], printed.AppTableNote, "申请人情况", "自然人", "法人或其他组织", "总计",
		"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
	for i, info := range printed.AppRowInfos {
		if i == 0 || printed.AppRowInfos[i-1].A != info.A {
			out = append(out, info.A)
		}
		if info.B != "" && (info.C == "" || printed.AppRowInfos[i-1].B != info.B) {
			out = append(out, info.B)
		}
		if info.C != "" {
			out = append(out, info.C)
		}
		for _, v := range r.Applications[i] {
			out = append(out, n(v))
		}
	}

	out = append(out, report.PartHeadings[3], "行政复议", "行政诉讼")
	out = append(out, printed.CaseColumnLabels[:]...)
	for g := report.GroupLitigationDirect; g < report.CaseGroups; g++ {
		out = append(out, printed.CaseGroupInfos[g].Label)
		out = append(out, printed.CaseColumnLabels[:]...)
	}
	for _, g := range r.ReviewLitigation {
		for _, v := range g {
			out = append(out, n(v))
		}
	}
	sections(4, r.Problems)
	sections(5, r.OtherMatters)
	prose(r.Closing)
	return out
}

var pageNumber = regexp.MustCompile(`—\d+—`)

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// The PDF reads back, with pdftotext, as every sentence, table label and
// figure of the report, in order.
func TestTextReadsBackInOrder(t *testing.T) {
	for name, r := range reports(t) {
		t.Run(name, func(t *testing.T) {
			res := render(t, r)
			text := pageNumber.ReplaceAllString(squeeze(poppler(t, res.PDF, "pdftotext", "-raw")), "")
			pos := 0
			for _, want := range wantTexts(r) {
				w := squeeze(want)
				i := strings.Index(text[pos:], w)
				if i < 0 {
					context := text[pos:min(len(text), pos+200)]
					t.Fatalf("%q not found after position %d; the text goes on: %q", want, pos, context)
				}
				pos += i + len(w)
			}
			if len(res.Missing) != 0 {
				t.Errorf("missing glyphs: %+v", res.Missing)
			}
		})
	}
}

// Every font is embedded as a subset with a ToUnicode map.
func TestFontsEmbeddedAsSubsets(t *testing.T) {
	res := render(t, reports(t)["example"])
	out := poppler(t, res.PDF, "pdffonts")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	subsetName := regexp.MustCompile(`^[A-Z]{6}\+\S+$`)
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type… encoding emb sub uni object-id gen
		if len(f) < 7 {
			t.Fatalf("unexpected pdffonts line %q", l)
		}
		emb, sub, uni := f[len(f)-5], f[len(f)-4], f[len(f)-3]
		if emb != "yes" || sub != "yes" || uni != "yes" {
			t.Errorf("font not embedded as a subset with ToUnicode: %q", l)
		}
		if !subsetName.MatchString(f[0]) {
			t.Errorf("font name %q lacks a subset tag", f[0])
		}
	}
	if want := 4; len(lines)-2 != want {
		t.Errorf("%d fonts, want %d (宋, 宋粗, 黑, 楷):\n%s", len(lines)-2, want, out)
	}
}

// No line of the laid-out text starts with a mark that must not start a line.
func TestNoLineStartsWithForbiddenMark(t *testing.T) {
	const forbidden = "，。、；：？！）》〕】」』”’…—％%"
	for name, r := range reports(t) {
		t.Run(name, func(t *testing.T) {
			out := poppler(t, render(t, r).PDF, "pdftotext", "-layout")
			for i, l := range strings.Split(out, "\n") {
				l = strings.TrimSpace(l)
				if l == "" || pageNumber.MatchString(squeeze(l)) && len([]rune(squeeze(l))) <= 6 {
					continue // the page number "— 1 —" starts with its dash by design
				}
				if first := []rune(l)[0]; strings.ContainsRune(forbidden, first) {
					t.Errorf("line %d starts with %q: %q", i+1, first, l)
				}
			}
		})
	}
}

// The same report gives the same bytes, whether rendered by one renderer
// twice or by two renderers.
func TestSameInputSameBytes(t *testing.T) {
	for name, r := range reports(t) {
		t.Run(name, func(t *testing.T) {
			a := render(t, r)
			rd, err := NewRenderer(job.FontsBundled, nil)
			if err != nil {
				t.Fatal(err)
			}
			b, err := rd.Render(job.New(r))
			if err != nil {
				t.Fatal(err)
			}
			c, err := rd.Render(job.New(r))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.PDF, b.PDF) || !bytes.Equal(b.PDF, c.PDF) {
				t.Error("two renders of the same report differ")
			}
		})
	}
}

// One Renderer serves several goroutines at once (run with -race).
func TestRendererConcurrentUse(t *testing.T) {
	rd, err := NewRenderer(job.FontsBundled, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := reports(t)["busy"]
	want, err := rd.Render(job.New(r))
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			res, err := rd.Render(job.New(r))
			if err == nil && !bytes.Equal(res.PDF, want.PDF) {
				err = errors.New("a concurrent render differs")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestDocumentInfo(t *testing.T) {
	r := reports(t)["example"]
	res := render(t, r)
	out := poppler(t, res.PDF, "pdfinfo")
	for _, want := range []string{
		"Title:           中卫市民政局2023年政府信息公开工作年度报告",
		"Author:          中卫市民政局",
		"Creator:         " + buildinfo.Creator(),
		"CreationDate:    Sun Dec 31 04:00:00 2023 UTC",
		"Page size:       595.28 x 841.89 pts (A4)",
		"Pages:           " + strconv.Itoa(res.Pages),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	if len(res.PDF) > 200<<10 {
		t.Errorf("the example's PDF is %d KB, more than 200 KB", len(res.PDF)>>10)
	}
}

func TestFontsUsedBundled(t *testing.T) {
	res := render(t, reports(t)["example"])
	want := []string{
		"标题：思源宋体 粗体（程序自带）",
		"正文：思源宋体（程序自带）",
		"粗体：思源宋体 粗体（程序自带）",
		"一级标题：思源黑体（程序自带）",
		"二级标题：文鼎楷体（程序自带）",
		"页码：思源宋体（程序自带）",
	}
	if strings.Join(res.FontsUsed, "\n") != strings.Join(want, "\n") {
		t.Errorf("FontsUsed = %q, want %q", res.FontsUsed, want)
	}
}

// With FontsAuto the official faces installed under the names the search
// knows (here bundled fonts saved under those names) take their roles, and
// the report says which file served which role; FontsBundled ignores them.
func TestOfficialFontsTakeTheirRoles(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"SIMKAI.TTF":  assets.ARPLKaitiMGB,
		"simhei.ttf":  assets.NotoSansSCRegular,
		"simfang.ttf": assets.NotoSerifSCRegular,
		"FZXBSJW.TTF": assets.NotoSerifSCBold,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := func(name string) string { return filepath.Join(dir, name) }
	r := reports(t)["example"]
	res, err := Render(input(r, job.FontsAuto, dir))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"标题：方正小标宋简体（" + path("FZXBSJW.TTF") + "）",
		"正文：仿宋（" + path("simfang.ttf") + "）",
		"粗体：方正小标宋简体（" + path("FZXBSJW.TTF") + "）",
		"一级标题：黑体（" + path("simhei.ttf") + "）",
		"二级标题：楷体（" + path("SIMKAI.TTF") + "）",
		"页码：思源宋体（程序自带）",
	}
	if got := strings.Join(res.FontsUsed, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("FontsUsed =\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	fonts := poppler(t, res.PDF, "pdffonts")
	for _, name := range []string{"+SIMKAI", "+simhei", "+simfang", "+FZXBSJW", "+NotoSerifSC-Regular"} {
		if !strings.Contains(fonts, name) {
			t.Errorf("the PDF does not embed %s:\n%s", name, fonts)
		}
	}
	res, err = Render(input(r, job.FontsBundled, dir))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(res.FontsUsed, "\n"), dir) {
		t.Errorf("FontsBundled used a font of %s: %q", dir, res.FontsUsed)
	}
}

// A character no font has still prints (as the font's empty box), is read
// back by pdftotext, and is reported with where it stands.
func TestMissingGlyphIsReported(t *testing.T) {
	r := report.New("测试局", 2024)
	r.Preamble = "第一段。\n\n本段提到吉（𠮷）字。"
	res := render(t, r)
	if len(res.Missing) != 1 || res.Missing[0] != (MissingGlyph{Char: '𠮷', Where: "引言第2段"}) {
		t.Fatalf("Missing = %+v, want 𠮷 in 引言第2段", res.Missing)
	}
	if text := squeeze(poppler(t, res.PDF, "pdftotext", "-raw")); !strings.Contains(text, "本段提到吉（") {
		t.Errorf("the paragraph is not in the text: %q", text)
	}
}

// A character beyond the Basic Multilingual Plane that a font has (𬭎,
// U+2CB4E, in personal names) is drawn and extracted as itself, and the PDF
// stays well-formed after its ToUnicode entry is rewritten.
func TestCharacterBeyondBMPReadsBack(t *testing.T) {
	r := report.New("测试局", 2024)
	r.Preamble = "第一段。\n\n本段提到𬭎字和𬌗字。"
	r.Closing = "结尾。"
	res := render(t, r)
	if len(res.Missing) != 0 {
		t.Fatalf("Missing = %+v", res.Missing)
	}
	if text := squeeze(poppler(t, res.PDF, "pdftotext", "-raw")); !strings.Contains(text, "本段提到𬭎字和𬌗字。") || !strings.Contains(text, "结尾。") {
		t.Errorf("text read back: %q", text)
	}
	if info := poppler(t, res.PDF, "pdfinfo"); strings.Contains(strings.ToLower(info), "error") {
		t.Errorf("pdfinfo complains:\n%s", info)
	}
	if !bytes.Contains(res.PDF, []byte("<D872DF4E>")) {
		t.Error("the ToUnicode map lacks the surrogate pair of 𬭎")
	}
}

func TestNilReport(t *testing.T) {
	if _, err := Render(job.New(nil)); err == nil {
		t.Error("Render(nil) gave no error")
	}
}

// BenchmarkRenderExample prints the example report from scratch, fonts
// included, as the command line does (target: under 150 ms).
func BenchmarkRenderExample(b *testing.B) {
	r, err := sample.Example()
	if err != nil {
		b.Fatal(err)
	}
	var size int
	for b.Loop() {
		res, err := Render(input(r, job.FontsBundled))
		if err != nil {
			b.Fatal(err)
		}
		size = len(res.PDF)
	}
	b.ReportMetric(float64(size)/1024, "KB")
}

// BenchmarkRenderReuse prints the example with a kept Renderer, as the window does.
func BenchmarkRenderReuse(b *testing.B) {
	r, err := sample.Example()
	if err != nil {
		b.Fatal(err)
	}
	rd, err := NewRenderer(job.FontsBundled, nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := rd.Render(job.New(r)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender40Pages prints a report of more than 40 pages (47; target:
// 40 pages under 1 s).
func BenchmarkRender40Pages(b *testing.B) {
	r := sample.Long(4)
	var pages int
	for b.Loop() {
		res, err := Render(input(r, job.FontsBundled))
		if err != nil {
			b.Fatal(err)
		}
		pages = res.Pages
	}
	b.ReportMetric(float64(pages), "pages")
}

// TestPagesDeflatedFast (issue 23.7): the pages' content streams are deflated
// at zlib's fastest level (header 78 01), not the default (78 9C), and still
// read back (TestTextReadsBackInOrder).
func TestPagesDeflatedFast(t *testing.T) {
	pdf := render(t, sample.Long(1)).PDF
	pages := regexp.MustCompile(`(?s)<<\n/Filter/FlateDecode/Length \d+\n>>\nstream\n(..)`).FindAllSubmatch(pdf, -1)
	if len(pages) == 0 {
		t.Fatal("no deflated content stream found")
	}
	for i, m := range pages {
		if !bytes.Equal(m[1], []byte{0x78, 0x01}) {
			t.Errorf("content stream %d starts % x, want 78 01 (fastest level)", i+1, m[1])
		}
	}
}

// input is the input of r with the fonts choice, the official faces looked
// for in dirs first.
func input(r *report.Report, choice job.FontChoice, dirs ...string) *job.Input {
	in := job.New(r)
	in.Fonts, in.FontDirs = choice, dirs
	return in
}
