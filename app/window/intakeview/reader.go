package intakeview

import (
	"context"
	"errors"
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
	// closing stops the read under way when the window closes, so that
	// Close never waits for a long one (a LibreOffice conversion).
	closing context.Context
	stop    context.CancelFunc
}

// errClosed refuses a read once the window is closing.
var errClosed = errors.New("读取已取消：窗口正在关闭")

// NewReader makes the reader, its compiled PDFium kept in the user's cache folder.
func NewReader() *Reader {
	ctx, stop := context.WithCancel(context.Background())
	return &Reader{rd: anyfile.New(pdf.DefaultCacheDir()), closing: ctx, stop: stop}
}

// bound is ctx, also done when the reader closes.
func (r *Reader) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	stop := context.AfterFunc(r.closing, cancel)
	return ctx, func() { stop(); cancel() }
}

// Read reads the report in the file at path: a report file (its reading
// nil), a Word file, a PDF, a web page, or an older format through LibreOffice.
func (r *Reader) Read(ctx context.Context, path string) (*report.Report, *intake.Reading, error) {
	ctx, done := r.bound(ctx)
	defer done()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closing.Err() != nil {
		return nil, nil, errClosed
	}
	return r.rd.Read(ctx, path)
}

// Render draws page (1-based) of the PDF at path at width pixels.
func (r *Reader) Render(ctx context.Context, path string, page, width int) (*pdf.Page, error) {
	ctx, done := r.bound(ctx)
	defer done()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closing.Err() != nil {
		return nil, errClosed
	}
	return r.rd.Render(ctx, path, page, width)
}

// Close stops the read under way, if any, and the PDF reader. A read after
// Close is refused as cancelled.
func (r *Reader) Close() error {
	r.stop()
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.rd.Close()
}
