package word

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"nianbao/app/paper"
	"nianbao/assets"
	"nianbao/data/printed"
	"nianbao/data/report"
)

// TestLibreOfficeReadsItBack converts the example with LibreOffice, as a
// reader without Word would open it, and reads the PDF back: every paragraph
// in order, and as many pages as our own PDF, give or take one. CI installs
// LibreOffice (the Makefile's test target); elsewhere the test skips without it.
func TestLibreOfficeReadsItBack(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice（LibreOffice）未安装")
	}
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s（poppler-utils）未安装", tool)
		}
	}
	for _, tc := range []struct {
		name string
		r    *report.Report
	}{
		{"zhongwei", example(t, assets.ExampleReport)},
		{"busy", example(t, assets.BusyExampleReport)},
		{"punctuation", punctuation(example(t, assets.ExampleReport))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r
			res, err := Write(noFonts(r))
			if err != nil {
				t.Fatal(err)
			}
			// a home of its own: a fresh LibreOffice profile, and only the
			// bundled fonts for fontconfig, so that the pages come out alike on
			// every machine (a CI machine has no CJK font; this one may have others)
			home := t.TempDir()
			fontDir := filepath.Join(home, ".fonts")
			if err := os.MkdirAll(fontDir, 0o755); err != nil {
				t.Fatal(err)
			}
			for name, data := range map[string][]byte{
				"NotoSerifSC-Regular.ttf": assets.NotoSerifSCRegular, "NotoSansSC-Regular.ttf": assets.NotoSansSCRegular,
				"gkai00mp.ttf": assets.ARPLKaitiMGB,
			} {
				if err := os.WriteFile(filepath.Join(fontDir, name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			conf := filepath.Join(home, "fonts.conf")
			if err := os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">`+
				`<fontconfig><dir>`+fontDir+`</dir><cachedir>`+filepath.Join(home, ".cache", "fontconfig")+`</cachedir></fontconfig>`), 0o644); err != nil {
				t.Fatal(err)
			}
			docx := filepath.Join(home, "report.docx")
			if err := os.WriteFile(docx, res.DOCX, 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
				"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(home, "profile")),
				"--convert-to", "pdf", "--outdir", home, docx)
			cmd.Env = append(os.Environ(), "HOME="+home, "FONTCONFIG_FILE="+conf, "XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
				"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("soffice: %v\n%s", err, out)
			}
			pdf := filepath.Join(home, "report.pdf")
			if dir := os.Getenv("WORD_KEEP"); dir != "" { // to look at the pages
				b, _ := os.ReadFile(pdf)
				os.WriteFile(filepath.Join(dir, tc.name+".pdf"), b, 0o644)
				os.WriteFile(filepath.Join(dir, tc.name+".docx"), res.DOCX, 0o644)
			}
			text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			got := squeeze(string(text))
			pos := 0
			for _, b := range printed.Build(r).Blocks {
				if b.Paragraph == nil {
					continue
				}
				want := squeeze(b.Paragraph.Text)
				i := strings.Index(got[pos:], want)
				if i < 0 {
					n := len([]rune(want))
					for n > 0 && !strings.Contains(got[pos:], string([]rune(want)[:n])) {
						n--
					}
					t.Errorf("LibreOffice's PDF lacks, or has out of order, %q: it reads on to %q only",
						b.Paragraph.Text, string([]rune(want)[:n]))
					continue
				}
				pos += i + len(want)
			}
			info, err := exec.Command("pdfinfo", pdf).Output()
			if err != nil {
				t.Fatal(err)
			}
			m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
			if m == nil {
				t.Fatalf("pdfinfo: %s", info)
			}
			pages, _ := strconv.Atoi(string(m[1]))
			ours, err := paper.Render(noFonts(r))
			if err != nil {
				t.Fatal(err)
			}
			if pages < ours.Pages-1 || pages > ours.Pages+1 {
				t.Errorf("LibreOffice prints %d pages, our PDF %d", pages, ours.Pages)
			}
			t.Logf("%s: LibreOffice %d pages, our PDF %d", tc.name, pages, ours.Pages)
		})
	}
}

// punctuation gives r paragraphs of many lengths with punctuation and
// figures everywhere, so that lines end in each of them: LibreOffice must not
// drop one hung at a line's end.
func punctuation(r *report.Report) *report.Report {
	const text = "政府信息公开工作年度报告按照条例要求编制并向社会公布本年度情况如下所述各项数据准确"
	marks := []string{"，", "。", "、", "；", "：", "“", "”", "《", "》", "（", "）", "2023", "16"}
	var paras []string
	rs := []rune(text)
	for n := range 60 {
		var b strings.Builder
		for i := 0; b.Len() < 3*(40+n*3); i++ {
			b.WriteRune(rs[(i*7+n)%len(rs)])
			if (i+n)%(5+n%9) == 0 {
				b.WriteString(marks[(i+n)%len(marks)])
			}
		}
		paras = append(paras, b.String())
	}
	r.Overview = []report.Section{{Body: strings.Join(paras, "\n\n")}}
	return r
}

var pageNumber = regexp.MustCompile(`—\s*\d+\s*—`)

// squeeze drops the page numbers and all white space, which the grid and the
// line breaks put anywhere in extracted text.
func squeeze(s string) string {
	s = pageNumber.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), "")
}
