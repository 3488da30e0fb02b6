package intakeview

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/data/figure"
	"nianbao/data/intake"
	"nianbao/data/intake/pdf"
	"nianbao/data/printed"
	"nianbao/data/report"
	"nianbao/data/syserr"
)

// confirmView is the confirmation view of one file's reading.
type confirmView struct {
	m       *Room
	req     Request
	r       *report.Report
	rd      *intake.Reading
	items   []Item
	entries []*widget.Entry // by item; nil for an item without a figure
	agency  *widget.Entry
	year    *widget.Entry
	d       *dialog.CustomDialog

	selected int // the item shown in the source, -1 for none
	isPDF    bool

	// A PDF's page.
	page, pages int
	paneWidth   float32 // the width the page is shown at
	img         *canvas.Image
	pageLabel   *widget.Label
	pageScroll  *container.Scroll
	prev, next  *widget.Button
	rendered    map[int]*pdf.Page

	// A Word file's or web page's table as found.
	found     []intake.Figure
	foundHead *widget.Label
	table     *widget.Table
}

// Confirm shows what was read from the file of req: the agency and year,
// every item a person must look at (doubtful figures in red, each editable),
// beside the source. The confirm button gives the corrected report to
// req.Then; 取消 leaves nothing.
func (m *Room) Confirm(req Request, r *report.Report, rd *intake.Reading) {
	v := &confirmView{m: m, req: req, r: r, rd: rd, items: Items(rd), selected: -1, rendered: map[int]*pdf.Page{}}
	v.isPDF = strings.HasPrefix(rd.Source, "PDF")
	m.view = v
	win := m.h.Window()
	size := win.Canvas().Size()
	w, h := max(size.Width-40, 600), max(size.Height-40, 400)
	v.paneWidth = w * 0.52
	list := v.itemList()
	source := v.sourcePane()
	split := container.NewHSplit(list, source)
	split.Offset = 0.46
	head := kit.Wrapped(summary(filepath.Base(req.Path), r, rd))
	v.agency = widget.NewEntry()
	v.agency.SetText(r.Agency)
	v.year = widget.NewEntry()
	v.year.SetText(fmt.Sprint(r.Year))
	names := container.NewBorder(nil, nil, widget.NewLabel("机关名称"),
		container.NewHBox(widget.NewLabel("报告年度"), container.New(kit.FixedWidth(80), v.year)), v.agency)
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), v.cancel)
	action := req.Action
	if action == "" {
		action = "确认导入"
	}
	ok := widget.NewButtonWithIcon(action, theme.ConfirmIcon(), v.confirm)
	ok.Importance = widget.HighImportance
	buttons := container.NewHBox(cancel, ok)
	content := container.NewBorder(container.NewVBox(head, names, widget.NewSeparator()),
		container.NewBorder(nil, nil, nil, buttons), nil, nil, split)
	v.d = dialog.NewCustomWithoutButtons("核对读到的内容："+filepath.Base(req.Path), content, win)
	v.d.Resize(fyne.NewSize(w, h))
	v.d.Show()
	first := -1
	for i, it := range v.items {
		if !it.Zero {
			first = i
			break
		}
	}
	if first < 0 && len(v.items) > 0 {
		first = 0
	}
	v.show(first)
}

// itemList lists the items: the doubts, then the figures read as 0, each with
// its entry and a button that shows it in the source.
func (v *confirmView) itemList() fyne.CanvasObject {
	rows := container.NewVBox()
	v.entries = make([]*widget.Entry, len(v.items))
	doubts, zeros := 0, 0
	for _, it := range v.items {
		if it.Zero {
			zeros++
		} else {
			doubts++
		}
	}
	if doubts > 0 {
		rows.Add(kit.BoldLabel(fmt.Sprintf("需要人工核对（%d 处）", doubts)))
	} else {
		rows.Add(kit.BoldLabel("需要人工核对：没有"))
	}
	for i, it := range v.items {
		if it.Zero && (i == 0 || !v.items[i-1].Zero) {
			rows.Add(widget.NewSeparator())
			rows.Add(kit.BoldLabel(fmt.Sprintf("文件中没有印出、按 0 读取（%d 个）", zeros)))
		}
		rows.Add(v.itemRow(i, it))
	}
	if len(v.items) == 0 {
		rows.Add(kit.Wrapped("每个数字都读到了。请对照原件看一遍后确认。"))
	}
	if !v.isPDF {
		rows.Add(widget.NewSeparator())
		rows.Add(kit.Wrapped(fmt.Sprintf("共读到 %d 个数字；正文可在导入后在编辑窗口中修改。", len(v.rd.Figures))))
	}
	return container.NewVScroll(rows)
}

func (v *confirmView) itemRow(i int, it Item) fyne.CanvasObject {
	text := it.Doubt.String()
	label := kit.Wrapped(text)
	if !it.Zero {
		label.Importance = widget.DangerImportance
	}
	look := widget.NewButtonWithIcon("看原件", theme.VisibilityIcon(), func() { v.show(i) })
	look.Importance = widget.LowImportance
	if it.Field() == nil {
		return container.NewVBox(label, container.NewHBox(look))
	}
	e := widget.NewEntry()
	e.SetText(it.Value)
	if it.Value == "" {
		e.SetPlaceHolder("请填写")
	}
	field := it.Field()
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" && !it.Zero {
			return errors.New("请填写")
		}
		var err error
		if field.Fee {
			_, err = figure.ParseFeeOf(s, v.r)
		} else {
			_, err = figure.ParseCountOf(s, v.r)
		}
		return err
	}
	v.entries[i] = e
	return container.NewVBox(label, container.NewHBox(container.New(kit.FixedWidth(160), e), look))
}

// sourcePane is the source beside the items: a PDF's page, or the table's
// cells as found in a Word file or web page.
func (v *confirmView) sourcePane() fyne.CanvasObject {
	if v.isPDF {
		v.img = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
		v.img.FillMode = canvas.ImageFillContain
		v.img.ScaleMode = canvas.ImageScaleSmooth
		v.pageLabel = widget.NewLabel("原件")
		v.pageLabel.Truncation = fyne.TextTruncateEllipsis // a long label never widens the pane
		v.prev = widget.NewButtonWithIcon("上一页", theme.NavigateBackIcon(), func() { v.showPage(v.page-1, nil) })
		v.next = widget.NewButtonWithIcon("下一页", theme.NavigateNextIcon(), func() { v.showPage(v.page+1, nil) })
		v.pageScroll = container.NewVScroll(container.NewCenter(v.img))
		bar := container.NewBorder(nil, nil, nil, container.NewHBox(v.prev, v.next), v.pageLabel)
		return container.NewBorder(bar, nil, nil, nil, v.pageScroll)
	}
	v.foundHead = kit.Wrapped("文件中的表格（照文件所印）")
	headers := []string{"行（文件所印）", "列（文件所印）", "印的是", "读作"}
	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.found), len(headers) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(id widget.TableCellID, o fyne.CanvasObject) { v.updateFound(id, o.(*widget.Label)) },
	)
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject { return kit.BoldLabel("") }
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(headers) {
			o.(*widget.Label).SetText(headers[id.Col])
		}
	}
	for i, w := range []float32{300, 170, 70, 60} {
		v.table.SetColumnWidth(i, w)
	}
	return container.NewBorder(v.foundHead, nil, nil, nil, v.table)
}

// doubtful tells whether a figure of the reading is one of its doubts.
func (v *confirmView) doubtful(f *intake.Figure) bool {
	for _, d := range v.rd.Doubts {
		if d.Field != nil && key(d.Field) == key(&f.Field) {
			return true
		}
	}
	return false
}

func (v *confirmView) updateFound(id widget.TableCellID, l *widget.Label) {
	l.Importance = widget.MediumImportance
	if id.Row >= len(v.found) {
		l.SetText("")
		return
	}
	f := v.found[id.Row]
	sel := v.selected >= 0 && v.items[v.selected].Field() != nil && key(v.items[v.selected].Field()) == key(&f.Field)
	switch {
	case sel || v.doubtful(&f):
		l.Importance = widget.DangerImportance
	case f.How == intake.Blank || f.How == intake.Absent || f.How == intake.OneRow:
		l.Importance = widget.WarningImportance
	}
	switch id.Col {
	case 0:
		l.SetText(f.Row)
	case 1:
		l.SetText(f.Column)
	case 2:
		l.SetText(f.Printed)
	case 3:
		if f.How == intake.NotFound || f.How == intake.NotNumber {
			l.SetText("？")
		} else {
			l.SetText(f.Value)
		}
	}
}

// show shows item i in the source: its page with its cell marked, or its
// table's cells as found with its own in red.
func (v *confirmView) show(i int) {
	v.selected = i
	var it *Item
	if i >= 0 && i < len(v.items) {
		it = &v.items[i]
	}
	if v.isPDF {
		page := max(v.page, 1)
		if it != nil && it.Doubt.Where.Page > 0 {
			page = it.Doubt.Where.Page
		}
		v.showPage(page, it)
		return
	}
	part := "三"
	if it != nil && it.Field() != nil {
		part = it.Field().Part
	}
	// The cell shown and the doubtful ones first (red), then the rest of the
	// table in the file's order: nothing to scroll to.
	v.found = v.found[:0]
	var rest []intake.Figure
	for _, f := range v.rd.Figures {
		switch {
		case f.Field.Part != part:
		case it != nil && it.Field() != nil && key(&f.Field) == key(it.Field()):
			v.found = append([]intake.Figure{f}, v.found...)
		case v.doubtful(&f):
			v.found = append(v.found, f)
		default:
			rest = append(rest, f)
		}
	}
	v.found = append(v.found, rest...)
	head := fmt.Sprintf("文件中的表格（照文件所印）：%s，%d 个数字，存疑的排在前面", partHeading(part), len(v.found))
	if it != nil {
		if w := it.Doubt.Where.Describe(); w != "" {
			head += "；选中的一处在" + w
		}
	}
	v.foundHead.SetText(head)
	v.table.Refresh()
	v.table.ScrollToTop()
}

// partHeading is the heading of the table of part ("二", "三", "四").
func partHeading(part string) string {
	for _, t := range printed.Tables() {
		if strings.HasPrefix(t.Heading, part+"、") {
			return t.Heading
		}
	}
	return part
}

// showPage shows page of the PDF, drawn at the width it is shown at, the
// cells of its doubts framed in red and item's (when on it) filled.
func (v *confirmView) showPage(page int, it *Item) {
	if v.pages > 0 {
		page = min(max(page, 1), v.pages)
	}
	v.page = page
	v.pageLabel.SetText(fmt.Sprintf("原件第 %d 页（正在绘制……）", page))
	if p := v.rendered[page]; p != nil {
		v.drawPage(p, it)
		return
	}
	scale := v.m.h.Window().Canvas().Scale()
	width := int(v.paneWidth * scale)
	path := v.req.Path
	go func() {
		p, err := v.m.rd.Render(context.Background(), path, page, width)
		v.m.h.Post(func() {
			if err != nil {
				v.pageLabel.SetText(fmt.Sprintf("原件第 %d 页无法显示：%s", page, syserr.Text(err)))
				return
			}
			v.rendered[page] = p
			if v.page == page {
				v.drawPage(p, it)
			}
		})
	}()
}

// drawPage puts the drawn page p in the pane with the doubts marked, and
// scrolls to item's cell.
func (v *confirmView) drawPage(p *pdf.Page, it *Item) {
	v.pages = p.Pages
	var boxes []marked
	for i, x := range v.items {
		if x.Doubt.Where.Page != v.page || x.Doubt.Where.Box == ([4]float64{}) {
			continue
		}
		if !x.Zero || it != nil && &v.items[i] == it {
			boxes = append(boxes, marked{box: x.Doubt.Where.Box, selected: it != nil && &v.items[i] == it})
		}
	}
	img := markBoxes(p.Image, p.Scale, boxes)
	v.img.Image = img
	scale := v.m.h.Window().Canvas().Scale()
	w := float32(img.Bounds().Dx()) / scale
	h := float32(img.Bounds().Dy()) / scale
	v.img.SetMinSize(fyne.NewSize(w, h))
	v.img.Refresh()
	label := fmt.Sprintf("原件第 %d 页，共 %d 页", v.page, p.Pages)
	if it != nil && it.Doubt.Where.Page == v.page {
		label += "：红框处是“" + it.Doubt.What + "”"
		v.pageScroll.Offset = fyne.NewPos(0, max(0, float32(it.Doubt.Where.Box[1]*p.Scale)/scale-120))
	} else {
		v.pageScroll.Offset = fyne.NewPos(0, 0)
	}
	v.pageLabel.SetText(label)
	v.pageScroll.Refresh()
	v.prev.Disable()
	v.next.Disable()
	if v.page > 1 {
		v.prev.Enable()
	}
	if v.page < p.Pages {
		v.next.Enable()
	}
}

// marked is a box to mark on a page: a doubt's cell, the selected one filled.
type marked struct {
	box      [4]float64
	selected bool
}

// markBoxes is a copy of img with each box (in points, scale pixels a point)
// framed in red, the selected one filled with a light yellow behind its print.
func markBoxes(img *image.RGBA, scale float64, boxes []marked) *image.RGBA {
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	red := color.RGBA{220, 0, 0, 255}
	for _, m := range boxes {
		r := image.Rect(int(m.box[0]*scale)-3, int(m.box[1]*scale)-3, int(m.box[2]*scale)+3, int(m.box[3]*scale)+3).Intersect(out.Bounds())
		if m.selected {
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for x := r.Min.X; x < r.Max.X; x++ {
					c := out.RGBAAt(x, y)
					out.SetRGBA(x, y, color.RGBA{c.R, c.G, uint8(int(c.B) * 5 / 10), 255})
				}
			}
		}
		for t := 0; t < 3; t++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				out.SetRGBA(x, r.Min.Y+t, red)
				out.SetRGBA(x, r.Max.Y-1-t, red)
			}
			for y := r.Min.Y; y < r.Max.Y; y++ {
				out.SetRGBA(r.Min.X+t, y, red)
				out.SetRGBA(r.Max.X-1-t, y, red)
			}
		}
	}
	return out
}

// cancel closes the view: nothing read is kept.
func (v *confirmView) cancel() {
	v.d.Hide()
	v.m.h.SetStatus(fmt.Sprintf("已取消，《%s》中读到的内容没有保存", filepath.Base(v.req.Path)))
}

// confirm takes the agency, year and figures as corrected, and gives the
// report to the request once they are all valid and its Check agrees.
func (v *confirmView) confirm() {
	win := v.m.h.Window()
	agency := strings.TrimSpace(v.agency.Text)
	if agency == "" {
		kit.ShowMessage(win, "请填写机关名称", "文件中没有读到机关名称，请对照原件的标题填写。")
		return
	}
	if msg := report.TextProblem(report.FieldAgency, agency); msg != "" {
		kit.ShowMessage(win, "机关名称", msg)
		return
	}
	year, err := figure.ParseYear(v.year.Text)
	if err != nil {
		kit.ShowMessage(win, "报告年度", err.Error())
		return
	}
	texts := make([]string, len(v.items))
	for i, e := range v.entries {
		if e != nil {
			texts[i] = e.Text
		}
	}
	r := v.r.Clone()
	r.Agency, r.Year = agency, year
	if err := Apply(r, v.items, texts); err != nil {
		kit.ShowMessage(win, "还有数字需要核对", err.Error())
		return
	}
	if v.req.Check != nil {
		if msg := v.req.Check(r); msg != "" {
			kit.ShowMessage(win, "不能采用", msg)
			return
		}
	}
	v.d.Hide()
	v.req.Then(r)
}
