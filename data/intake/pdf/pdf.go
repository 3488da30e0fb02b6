// Package pdf reads a PDF with a text layer into an intake.Document: the
// paragraphs and tables of its pages in reading order, each with its page and
// box. The text and its positions come from PDFium (through go-pdfium in its
// WebAssembly mode: pure Go, no system library, the same on Windows and
// Linux); lines, paragraphs and tables are worked out here from the
// characters' boxes and the lines drawn on the page.
//
// A scan (pages of pictures, no text) and a PDF that needs a password are
// refused, with a message in Chinese; so are files over the limits of size,
// pages, objects and time, which keep every read bounded.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/tetratelabs/wazero"

	"nianbao/data/intake"
)

// Limits bound what one read may take. A government's annual report is some
// ten pages of a few thousand characters; the limits are far above that and
// far below what would exhaust a desktop.
type Limits struct {
	FileSize       int64         // bytes of the file
	Pages          int           // pages of the document
	CharsPerPage   int           // characters on one page
	ObjectsPerPage int           // text, path and image objects on one page
	LinesPerPage   int           // straight lines drawn on one page (tables' borders)
	Memory         int64         // PDFium's memory, bytes
	Time           time.Duration // one whole read
}

// DefaultLimits are the limits of New's readers when none are given.
var DefaultLimits = Limits{
	FileSize:       64 << 20,
	Pages:          300,
	CharsPerPage:   30000,
	ObjectsPerPage: 30000,
	LinesPerPage:   5000,
	Memory:         160 << 20,
	Time:           30 * time.Second,
}

// orDefault is lim with each zero limit replaced by DefaultLimits' own.
func (lim Limits) orDefault() Limits {
	d := DefaultLimits
	pick := func(v, def int64) int64 {
		if v > 0 {
			return v
		}
		return def
	}
	return Limits{
		FileSize:       pick(lim.FileSize, d.FileSize),
		Pages:          int(pick(int64(lim.Pages), int64(d.Pages))),
		CharsPerPage:   int(pick(int64(lim.CharsPerPage), int64(d.CharsPerPage))),
		ObjectsPerPage: int(pick(int64(lim.ObjectsPerPage), int64(d.ObjectsPerPage))),
		LinesPerPage:   int(pick(int64(lim.LinesPerPage), int64(d.LinesPerPage))),
		Memory:         pick(lim.Memory, d.Memory),
		Time:           time.Duration(pick(int64(lim.Time), int64(d.Time))),
	}
}

// Reader reads PDFs. The first New of a program compiles PDFium (seconds, or
// a fraction of a second from the cache on disk); reads after that start at
// once. A Reader may be used by several goroutines.
type Reader struct {
	pool  pdfium.Pool
	cache wazero.CompilationCache
	lim   Limits
}

// New starts a Reader that keeps compiled PDFium in cacheDir (DefaultCacheDir()
// for the user's cache folder; "" for none). A limit left zero in lim is
// DefaultLimits' (a zero lim is DefaultLimits).
func New(cacheDir string, lim Limits) (*Reader, error) {
	lim = lim.orDefault()
	pool, cache, err := newPool(cacheDir, lim.Memory)
	if err != nil {
		return nil, fmt.Errorf("无法启动 PDF 读取组件：%w", err)
	}
	return &Reader{pool: pool, cache: cache, lim: lim}, nil
}

// Close stops the Reader and frees PDFium.
func (r *Reader) Close() error {
	err := r.pool.Close()
	r.cache.Close(context.Background())
	return err
}

// ReadFrom reads a PDF from f (a file the caller opened through data/infile,
// which admits regular files only), no more than the size limit of it; name
// is the file's name for messages. The package opens no file itself, so that
// it builds without cgo for every platform.
func (r *Reader) ReadFrom(ctx context.Context, name string, f io.Reader) (*intake.Document, error) {
	data, err := io.ReadAll(io.LimitReader(f, r.lim.FileSize+1))
	if err != nil {
		return nil, fmt.Errorf("《%s》：读取时出错：%w", name, err)
	}
	return r.Read(ctx, name, data)
}

// Errors a read is refused with; the error's text says it in Chinese and
// names the file (and the page).
var (
	ErrScanned   = errors.New("PDF 没有文字层")
	ErrEncrypted = errors.New("PDF 已加密")
	ErrTooLarge  = errors.New("PDF 超出读取上限")
	ErrTimeout   = errors.New("PDF 读取超时")
	ErrDamaged   = errors.New("PDF 无法解析")
)

// refusal is a refused read: the file's name, what is wrong, in Chinese.
type refusal struct {
	name, text string
	kind       error
}

func (e *refusal) Error() string { return "《" + e.name + "》：" + e.text }
func (e *refusal) Unwrap() error { return e.kind }

// pageError is a page over a limit, found while reading it.
type pageError struct {
	page   int
	what   string
	n, max int
}

func (e *pageError) Error() string {
	return fmt.Sprintf("第 %d 页%s（%d 个，上限 %d 个），不像是年报的页面，未读取", e.page, e.what, e.n, e.max)
}

// pageFault is an error of PDFium while reading one page.
type pageFault struct {
	page int
	err  error
}

func (e *pageFault) Error() string { return fmt.Sprintf("第 %d 页：%v", e.page, e.err) }
func (e *pageFault) Unwrap() error { return e.err }

// sizeText says a number of bytes in the unit a user knows.
func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", max(1, n>>10))
}

// durationText says a time limit in seconds, or milliseconds under one.
func durationText(d time.Duration) string {
	if d >= time.Second {
		return fmt.Sprintf("%d 秒", int(d.Seconds()))
	}
	return fmt.Sprintf("%d 毫秒", d.Milliseconds())
}

// Read reads a PDF given as bytes; name is the file's name for messages.
func (r *Reader) Read(ctx context.Context, name string, data []byte) (*intake.Document, error) {
	if int64(len(data)) > r.lim.FileSize {
		return nil, &refusal{name, fmt.Sprintf("文件大于 %s 的上限，不像是一份年报，未读取", sizeText(r.lim.FileSize)), ErrTooLarge}
	}
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, &refusal{name, "不是 PDF 文件（文件开头没有 PDF 标记）", ErrDamaged}
	}
	var pages []*rawPage
	err := r.withInstance(ctx, name, func(inst pdfium.Pdfium) (err error) {
		pages, err = r.readPages(inst, name, data)
		return err
	})
	if err != nil {
		return nil, err
	}
	return layout(name, pages)
}

// withInstance runs fn on an instance of PDFium within the reader's time
// limit, its error said as failed says it. At the limit (or when the caller
// gives up) PDFium is stopped where it is: its calls return at once with an
// error.
func (r *Reader) withInstance(ctx context.Context, name string, fn func(inst pdfium.Pdfium) error) error {
	ctx, cancel := context.WithTimeout(ctx, r.lim.Time)
	defer cancel()
	inst, err := r.pool.GetInstanceWithContext(ctx)
	if err != nil {
		return r.failed(ctx, name, err)
	}
	stop := context.AfterFunc(ctx, func() { inst.Kill() })
	err = fn(inst)
	if stop() {
		inst.Close()
	}
	if err != nil {
		return r.failed(ctx, name, err)
	}
	return nil
}

// failed turns an error of PDFium into the Chinese message a user reads.
func (r *Reader) failed(ctx context.Context, name string, err error) error {
	var ref *refusal
	var pe *pageError
	var pf *pageFault
	switch {
	case errors.As(err, &ref):
		return err
	case ctx.Err() != nil:
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return &refusal{name, fmt.Sprintf("%s内未能读完，文件可能过大或已损坏，已停止读取", durationText(r.lim.Time)), ErrTimeout}
		}
		return &refusal{name, "读取已取消", ctx.Err()}
	case errors.As(err, &pe):
		return &refusal{name, pe.Error(), ErrTooLarge}
	case errors.Is(err, pdfiumerrors.ErrPassword), errors.Is(err, pdfiumerrors.ErrSecurity):
		return &refusal{name, "文件已加密（需要密码才能打开），无法读取；请让报送单位发送未加密的文件", ErrEncrypted}
	case errors.Is(err, pdfiumerrors.ErrFormat), errors.Is(err, pdfiumerrors.ErrFile):
		return &refusal{name, "文件已损坏或不是有效的 PDF，无法读取", ErrDamaged}
	case errors.As(err, &pf):
		return &refusal{name, fmt.Sprintf("第 %d 页无法打开（文件已损坏，或页面结构有误），无法读取", pf.page), ErrDamaged}
	}
	return &refusal{name, "无法读取（PDF 内容超出读取能力，可能已损坏或过于复杂）", ErrDamaged}
}

// readPages opens the document in inst and extracts every page.
func (r *Reader) readPages(inst pdfium.Pdfium, name string, data []byte) ([]*rawPage, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, err
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, err
	}
	if n.PageCount > r.lim.Pages {
		return nil, &refusal{name, fmt.Sprintf("共 %d 页，超过 %d 页的上限，不像是一份年报，未读取", n.PageCount, r.lim.Pages), ErrTooLarge}
	}
	if n.PageCount == 0 {
		return nil, &refusal{name, "文件中没有页面", ErrDamaged}
	}
	pages := make([]*rawPage, 0, n.PageCount)
	for i := 0; i < n.PageCount; i++ {
		p, err := extractPage(inst, doc.Document, i, r.lim)
		var pe *pageError
		if err != nil && !errors.As(err, &pe) {
			err = &pageFault{page: i + 1, err: err}
		}
		if err != nil {
			return nil, err
		}
		pages = append(pages, p)
	}
	return pages, nil
}
