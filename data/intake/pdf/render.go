package pdf

import (
	"context"
	"fmt"
	"image"
	"image/draw"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
)

// MaxRenderWidth bounds the width of a rendered page in pixels: a page as
// wide as two screens is more than any window shows.
const MaxRenderWidth = 4000

// Page is one page of a PDF drawn as a picture, for a person to compare the
// figures read with the page they were read from.
type Page struct {
	Image *image.RGBA
	// Scale is pixels per point: a Place's Box (in points from the page's
	// top-left corner) times Scale is where it is in Image.
	Scale float64
	Pages int // pages of the document
}

// Render draws page (1-based) of the PDF data at width pixels, within the
// reader's limits of size and time; name is the file's name for messages.
func (r *Reader) Render(ctx context.Context, name string, data []byte, page, width int) (*Page, error) {
	if int64(len(data)) > r.lim.FileSize {
		return nil, &refusal{name, fmt.Sprintf("文件大于 %s 的上限，未读取", sizeText(r.lim.FileSize)), ErrTooLarge}
	}
	width = min(max(width, 50), MaxRenderWidth)
	var p *Page
	err := r.withInstance(ctx, name, func(inst pdfium.Pdfium) (err error) {
		p, err = render(inst, data, page, width)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// render opens the document in inst and draws one page.
func render(inst pdfium.Pdfium, data []byte, page, width int) (*Page, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, err
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, err
	}
	if page < 1 || page > n.PageCount {
		return nil, &pageFault{page: page, err: fmt.Errorf("共 %d 页", n.PageCount)}
	}
	size, err := inst.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: doc.Document, Index: page - 1})
	if err != nil {
		return nil, &pageFault{page: page, err: err}
	}
	if size.Width <= 0 || size.Height <= 0 || size.Height/size.Width > 10 {
		return nil, &pageFault{page: page, err: fmt.Errorf("页面大小 %.0f×%.0f", size.Width, size.Height)}
	}
	res, err := inst.RenderPageInPixels(&requests.RenderPageInPixels{
		Page:  requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: page - 1}},
		Width: width, Height: int(float64(width) * size.Height / size.Width),
	})
	if err != nil {
		return nil, &pageFault{page: page, err: err}
	}
	defer res.Cleanup()
	src := res.Result.RenderedImage
	// The pixels live in PDFium's memory until Cleanup: copied out.
	img := image.NewRGBA(src.Bounds())
	draw.Draw(img, img.Bounds(), src, src.Bounds().Min, draw.Src)
	return &Page{Image: img, Scale: float64(img.Bounds().Dx()) / size.Width, Pages: n.PageCount}, nil
}
