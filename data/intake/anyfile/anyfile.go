// Package anyfile reads a report from any file an office receives: the
// program's own *.nianbao.json, a Word file (.docx), a PDF with a text layer
// and a web page saved from the website, told apart by their content first
// and their name second. Older formats (.doc, .wps, .rtf, .mht) are turned
// into .docx by an installed LibreOffice, in a temporary folder and within a
// time limit; without one they are refused with a message that says to save
// them as .docx in Word or WPS.
//
// Every file is opened through data/infile. A Reader starts the PDF reader
// (PDFium in WebAssembly) the first time it meets a PDF, and Close stops it:
// one per command.
package anyfile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"nianbao/data/infile"
	"nianbao/data/intake"
	"nianbao/data/intake/docx"
	"nianbao/data/intake/pdf"
	"nianbao/data/intake/web"
	"nianbao/data/office"
	"nianbao/data/printed"
	"nianbao/data/report"
)

// Document is the kind of file read here (its limit is the opener's).
var Document = infile.Received

// ConvertTime bounds one conversion by LibreOffice.
const ConvertTime = office.Time

// ErrOldFormat is the cause of a refused .doc, .wps, .rtf or .mht when no
// LibreOffice is installed, or when it could not convert the file.
var ErrOldFormat = errors.New("需要先另存为 .docx")

// ErrUnknown is the cause of a file that is none of the formats read.
var ErrUnknown = errors.New("不是可读取的年报文件")

// Reader reads report files. It is not for several goroutines at once.
type Reader struct {
	cacheDir string
	pdf      *pdf.Reader
	// Office is the LibreOffice program that converts old formats: found on
	// the PATH by New, "" for none. Tests set it.
	Office string
	// ConvertTime bounds one conversion (ConvertTime when New made it).
	ConvertTime time.Duration
}

// New makes a Reader whose PDF reader keeps compiled PDFium in cacheDir
// (pdf.DefaultCacheDir() for the user's cache folder, "" for none).
func New(cacheDir string) *Reader {
	return &Reader{cacheDir: cacheDir, Office: office.Find(), ConvertTime: office.Time}
}

// Close stops the PDF reader, if one was started.
func (r *Reader) Close() error {
	if r.pdf == nil {
		return nil
	}
	err := r.pdf.Close()
	r.pdf = nil
	return err
}

// kind is a format told from a file's first bytes and its name.
type kind int

const (
	unknown kind = iota
	jsonFile
	docxFile
	pdfFile
	webPage
	oldFormat // .doc, .wps, .rtf, .mht: through LibreOffice
)

// sniff tells the format of a file by its content, then by its name.
func sniff(name string, head []byte) kind {
	ext := strings.ToLower(filepath.Ext(name))
	lead := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	lower := bytes.ToLower(lead[:min(len(lead), 512)])
	switch {
	case bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")):
		return pdfFile
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return docxFile
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}), bytes.HasPrefix(lead, []byte(`{\rtf`)),
		bytes.HasPrefix(lower, []byte("mime-version:")), ext == ".mht" || ext == ".mhtml":
		return oldFormat
	case ext == ".json" || bytes.HasPrefix(lead, []byte("{")):
		return jsonFile
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")),
		ext == ".html" || ext == ".htm":
		return webPage
	case ext == ".docx":
		return docxFile
	case ext == ".pdf":
		return pdfFile
	case ext == ".doc" || ext == ".wps" || ext == ".rtf":
		return oldFormat
	}
	return unknown
}

// Read reads the report in the file at path. The reading record says where
// every figure came from and what needs a person; it is nil for a report
// file (*.nianbao.json), which holds the figures themselves.
func (r *Reader) Read(ctx context.Context, path string) (*report.Report, *intake.Reading, error) {
	data, err := infile.ReadFile(path, Document)
	if err != nil {
		return nil, nil, err
	}
	switch sniff(path, data) {
	case jsonFile:
		rep, err := report.ReadFile(path)
		if err != nil {
			return nil, nil, printed.Explain(err)
		}
		return rep, nil, nil
	case docxFile:
		return match(docx.Read(data))(path)
	case webPage:
		return match(web.Read(data))(path)
	case pdfFile:
		if r.pdf == nil {
			if r.pdf, err = pdf.New(r.cacheDir, pdf.Limits{}); err != nil {
				return nil, nil, fmt.Errorf("%s：%w", path, err)
			}
		}
		d, err := r.pdf.Read(ctx, filepath.Base(path), data)
		if err != nil {
			return nil, nil, err // the reader's message names the file and says why
		}
		return match(d, nil)(path)
	case oldFormat:
		return r.converted(ctx, path, data)
	}
	return nil, nil, fmt.Errorf("%s：%w（可以读取 .nianbao.json、Word 的 .docx、有文字层的 PDF 和保存的网页 .html）", path, ErrUnknown)
}

// match reads a document into a report, or says why it could not be read.
func match(d *intake.Document, err error) func(path string) (*report.Report, *intake.Reading, error) {
	return func(path string) (*report.Report, *intake.Reading, error) {
		if err != nil {
			return nil, nil, fmt.Errorf("%s：%w", path, err)
		}
		rep, rd := intake.Match(d)
		return rep, rd, nil
	}
}

// Render draws page (1-based) of the PDF at path at width pixels, for a person
// to compare the figures read with the page they were read from.
func (r *Reader) Render(ctx context.Context, path string, page, width int) (*pdf.Page, error) {
	data, err := infile.ReadFile(path, Document)
	if err != nil {
		return nil, err
	}
	if r.pdf == nil {
		if r.pdf, err = pdf.New(r.cacheDir, pdf.Limits{}); err != nil {
			return nil, fmt.Errorf("%s：%w", path, err)
		}
	}
	return r.pdf.Render(ctx, filepath.Base(path), data, page, width)
}
