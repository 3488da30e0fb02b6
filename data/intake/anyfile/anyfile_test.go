package anyfile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data/intake/pdf"
	"nianbao/data/report"
)

func copyAs(t *testing.T, src, name string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func marshal(t *testing.T, r *report.Report) string {
	t.Helper()
	b, err := report.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Every kind of file is told by its content first: a PDF named .docx is
// still read as a PDF, a web page named .txt as a page; the originals read
// exactly as typed in from them.
func TestRead(t *testing.T) {
	const (
		hongzequ = "../pdf/testdata/hongzequ-2024.pdf"
		haitan   = "../web/testdata/pingtan-haitan-2023.html"
		blank    = "../docx/testdata/template-2021-format-blank.docx"
		busy     = "../docx/testdata/fictional-busy-2024.nianbao.json"
	)
	cases := []struct {
		name, src, as string
		want          string // the report file it equals, "" for none
		source        string // the reading's Source, "" for a report file
		doubts        bool
		err           error
		msg           string
	}{
		{"report file", busy, "x.nianbao.json", busy, "", false, nil, ""},
		{"pdf", hongzequ, "hongzequ.pdf", "../pdf/testdata/hongzequ-2024.nianbao.json", "PDF 文件", false, nil, ""},
		{"pdf named docx", hongzequ, "hongzequ.docx", "../pdf/testdata/hongzequ-2024.nianbao.json", "PDF 文件", false, nil, ""},
		{"web page", haitan, "haitan.html", "../web/testdata/pingtan-haitan-2023.nianbao.json", "网页", false, nil, ""},
		{"web page named txt", haitan, "haitan.txt", "../web/testdata/pingtan-haitan-2023.nianbao.json", "网页", false, nil, ""},
		{"blank template", blank, "blank.docx", "", "Word 文件", true, nil, ""},
		{"encrypted pdf", "../pdf/testdata/encrypted-user-password.pdf", "secret.pdf", "", "", false, pdf.ErrEncrypted, "已加密"},
		{"not a report", "anyfile.go", "notes.txt", "", "", false, ErrUnknown, "不是可读取的年报文件"},
	}
	rd := New("")
	defer rd.Close()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, reading, err := rd.Read(context.Background(), copyAs(t, c.src, c.as))
			if c.err != nil {
				if !errors.Is(err, c.err) || !strings.Contains(err.Error(), c.msg) {
					t.Fatalf("error %v, want %v saying %q", err, c.err, c.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.source == "" && reading != nil || c.source != "" && (reading == nil || reading.Source != c.source) {
				t.Fatalf("reading %+v, want source %q", reading, c.source)
			}
			if reading != nil && reading.Complete() == c.doubts {
				t.Errorf("doubts %v, want some: %v", reading.Doubts, c.doubts)
			}
			if c.want != "" {
				want, err := report.ReadFile(c.want)
				if err != nil {
					t.Fatal(err)
				}
				if marshal(t, r) != marshal(t, want) {
					t.Errorf("read differs from %s", c.want)
				}
			}
		})
	}
}

// An old format without LibreOffice is refused with the advice to save it
// as .docx in Word or WPS; .doc files are told by their content too.
func TestOldFormatWithoutOffice(t *testing.T) {
	rd := New("")
	rd.Office = ""
	defer rd.Close()
	files := map[string]string{
		"a.doc": "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of an OLE file",
		"b.rtf": `{\rtf1\ansi 某局2024年政府信息公开工作年度报告}`,
		"c.mht": "MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n",
		"d.wps": "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 WPS",
		"e.bin": "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 named anyhow",
	}
	for name, content := range files {
		p := filepath.Join(t.TempDir(), name)
		os.WriteFile(p, []byte(content), 0o644)
		_, _, err := rd.Read(context.Background(), p)
		if !errors.Is(err, ErrOldFormat) || !strings.Contains(err.Error(), "另存为” .docx") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A LibreOffice that cannot convert (here a program that does nothing)
// gives the same advice, and one that hangs is stopped at the time limit.
func TestOfficeFails(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "soffice")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	hang := filepath.Join(dir, "hang")
	if err := os.WriteFile(hang, []byte("#!/bin/sh\nsleep 60 &\nsleep 60\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "a.doc")
	os.WriteFile(doc, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), 0o644)
	for _, c := range []struct{ office, says string }{{fake, "未能把它转换"}, {hang, "没有转换完，已停止"}} {
		rd := New("")
		rd.Office, rd.ConvertTime = c.office, 300e6
		_, _, err := rd.Read(context.Background(), doc)
		if !errors.Is(err, ErrOldFormat) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v, want %q", c.office, err, c.says)
		}
		rd.Close()
	}
}

// A PDF's page is drawn for the window's confirmation view; another file is
// refused with the PDF reader's message.
func TestRender(t *testing.T) {
	rd := New("")
	defer rd.Close()
	p, err := rd.Render(context.Background(), copyAs(t, "../pdf/testdata/hongzequ-2024.pdf", "h.pdf"), 2, 400)
	if err != nil || p.Image.Bounds().Dx() != 400 || p.Pages != 5 {
		t.Fatalf("page 2: %v, %v", p, err)
	}
	if _, err := rd.Render(context.Background(), copyAs(t, "anyfile.go", "x.pdf"), 1, 400); !errors.Is(err, pdf.ErrDamaged) {
		t.Errorf("not a PDF: %v, want %v", err, pdf.ErrDamaged)
	}
}
