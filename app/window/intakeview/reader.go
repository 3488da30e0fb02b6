package intakeview

import (
	"context"
	"sync"

	"nianbao/data/intake"
	"nianbao/data/intake/anyfile"
	"nianbao/data/intake/pdf"
	"nianbao/data/report"
)

// Reader is the window's one reader of report files as they arrive. Its reads
// run one at a time on whatever goroutine calls them (never the UI's): the PDF
// reader (PDFium in WebAssembly) starts with the first PDF and stays warm
// until Close.
type Reader struct {
	mu sync.Mutex
	rd *anyfile.Reader
}

// NewReader makes the reader, its compiled PDFium kept in the user's cache folder.
func NewReader() *Reader { return &Reader{rd: anyfile.New(pdf.DefaultCacheDir())} }

// Read reads the report in the file at path: a report file (its reading
// nil), a Word file, a PDF, a web page, or an older format through LibreOffice.
func (r *Reader) Read(ctx context.Context, path string) (*report.Report, *intake.Reading, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.rd.Read(ctx, path)
}

// Render draws page (1-based) of the PDF at path at width pixels.
func (r *Reader) Render(ctx context.Context, path string, page, width int) (*pdf.Page, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.rd.Render(ctx, path, page, width)
}

// Close stops the PDF reader.
func (r *Reader) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.rd.Close()
}
