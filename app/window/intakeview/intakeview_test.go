package intakeview

import (
	"context"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit/kittest"
	"nianbao/data/intake"
	"nianbao/data/report"
)

const (
	doubtPDF  = "testdata/busy-2024-one-doubt.pdf"
	doubtDocx = "testdata/busy-2024-one-doubt.docx"
	hongzequ  = "../../../data/intake/pdf/testdata/hongzequ-2024.pdf"
	haitan    = "../../../data/intake/web/testdata/pingtan-haitan-2023.html"
	blank     = "../../../data/intake/docx/testdata/template-2021-format-blank.docx"
	busyJSON  = "../../../data/intake/docx/testdata/fictional-busy-2024.nianbao.json"
)

// reader is the tests' one reader: PDFium is compiled once.
var reader = NewReader()

func TestMain(m *testing.M) {
	code := m.Run()
	reader.Close()
	os.Exit(code)
}

func read(t *testing.T, path string) (*report.Report, *intake.Reading) {
	t.Helper()
	r, rd, err := reader.Read(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return r, rd
}

// The cell printed “8l3” is the one doubt of the PDF and of the Word file,
// named as the report prints it, with its page; the real originals have none;
// the blank template's figures are all read as 0, each listed.
func TestItems(t *testing.T) {
	cases := []struct {
		path          string
		doubts, zeros int
		first         string // the first doubt as listed
	}{
		{doubtPDF, 1, -1, "三、本年度办理结果（一）予以公开“自然人”：印的是“8l3”，不是数字，请填写（第3页）"},
		{doubtDocx, 1, -1, "三、本年度办理结果（一）予以公开“自然人”：印的是“8l3”，不是数字，请填写（文件第"},
		{hongzequ, 0, -1, ""},
		{haitan, 0, -1, ""},
		{blank, -1, 200, ""},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			_, rd := read(t, c.path)
			items := Items(rd)
			doubts, zeros := 0, 0
			for _, it := range items {
				if it.Zero {
					zeros++
					if it.Value != "0" {
						t.Errorf("zero %s: value %q", it.Doubt, it.Value)
					}
				} else {
					if doubts == 0 && c.first != "" && !strings.Contains(it.Doubt.String(), c.first) {
						t.Errorf("first doubt %q, want %q", it.Doubt, c.first)
					}
					doubts++
				}
			}
			if c.doubts >= 0 && doubts != c.doubts || c.zeros >= 0 && zeros < c.zeros-30 {
				t.Errorf("%d doubts, %d zeros; want %d, %d", doubts, zeros, c.doubts, c.zeros)
			}
			if c.doubts == 1 && (items[0].Printed != "8l3" || items[0].Value != "") {
				t.Errorf("doubt printed %q, value %q", items[0].Printed, items[0].Value)
			}
		})
	}
}

// What the person types goes into the report; a doubt left empty or not a
// figure is refused with the cell's printed name.
func TestApply(t *testing.T) {
	r, rd := read(t, doubtDocx)
	items := Items(rd)
	texts := make([]string, len(items))
	cases := []struct {
		typed string
		want  int
		err   string
	}{
		{"", 0, "三、收到和处理政府信息公开申请情况 三、本年度办理结果（一）予以公开“自然人”：请对照原件填写这个数字（文件中印的是“8l3”）"},
		{"8l3", 0, "不是数字"},
		{"-3", 0, "不能为负数"},
		{"８１３", 813, ""},
		{" 813 ", 813, ""},
	}
	for _, c := range cases {
		got := r.Clone()
		texts[0] = c.typed
		err := Apply(got, items, texts)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want %q", c.typed, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", c.typed, err)
		}
		if n := got.Applications[report.RowGranted][report.ColNaturalPerson]; n != c.want {
			t.Errorf("%q: %d, want %d", c.typed, n, c.want)
		}
	}
}

// entries are the entries of the dialog on top, in order.
func entries(h *kittest.Host) []*widget.Entry {
	var out []*widget.Entry
	kittest.Walk(h.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
	})
	return out
}

// redAt counts the red pixels of img inside r.
func redAt(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c, g, b, _ := img.At(x, y).RGBA()
			if c>>8 > 200 && g>>8 < 40 && b>>8 < 40 {
				n++
			}
		}
	}
	return n
}

// Importing a PDF with one doubtful cell: “正在读取…”, then the confirmation
// view lists the cell in the report's words beside page 3 drawn with the cell
// framed in red; confirming with the cell empty says which cell; once it is
// filled in, the report goes on with the figure typed. Until then nothing
// was given on.
func TestConfirmPDF(t *testing.T) {
	h := kittest.New(t, filepath.Join(t.TempDir(), "nianbao.db"))
	m := New(h, reader)
	var got *report.Report
	m.Open(Request{Path: doubtPDF, Action: "确认导入", Then: func(r *report.Report) { got = r }})
	if !strings.Contains(h.OverlayText(), "正在读取《busy-2024-one-doubt.pdf》") {
		t.Errorf("no word of reading: %q", h.OverlayText())
	}
	waitRead(h, "the confirmation view", func() bool { return strings.Contains(h.OverlayText(), "核对读到的内容") })
	text := h.OverlayText()
	for _, want := range []string{
		"从《busy-2024-one-doubt.pdf》（PDF 文件）读到“示例市人民政府2024年度”的年报。有 1 处需要人工核对",
		"需要人工核对（1 处）",
		"三、本年度办理结果（一）予以公开“自然人”：印的是“8l3”，不是数字，请填写（第3页）",
		"确认之前，数据库中不保存任何内容",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("view lacks %q:\n%s", want, text)
		}
	}
	v := m.view
	waitRead(h, "page 3 drawn", func() bool { return strings.HasPrefix(v.pageLabel.Text, "原件第 3 页，共 5 页") })
	img := v.img.Image.(*image.RGBA)
	scale := float64(img.Bounds().Dx()) / 595.3 // A4 in points
	box := v.items[0].Doubt.Where.Box
	frame := image.Rect(int(box[0]*scale)-3, int(box[1]*scale)-3, int(box[2]*scale)+3, int(box[3]*scale)+3)
	if n := redAt(img, frame); n < 50 {
		t.Errorf("the doubtful cell is not framed in red on the page (%d red pixels at %v)", n, frame)
	}
	if n := redAt(img, img.Bounds()); n > redAt(img, frame)+10 {
		t.Errorf("red outside the doubtful cell: %d pixels", n)
	}
	if w := img.Bounds().Dx(); float32(w) < v.paneWidth*0.9 {
		t.Errorf("page drawn %d pixels wide, shown at %v", w, v.paneWidth)
	}

	h.TapOverlayButton("确认导入")
	h.Run()
	if got != nil || !strings.Contains(h.OverlayText(), "请对照原件填写这个数字（文件中印的是“8l3”）") {
		t.Fatalf("confirmed with the doubtful cell empty: %v, %q", got != nil, h.OverlayText())
	}
	h.TapOverlayButton("确定")
	var texts []string
	var cell *widget.Entry
	for _, e := range entries(h) {
		texts = append(texts, e.Text)
		if e.PlaceHolder == "请填写" {
			cell = e
		}
	}
	if got := strings.Join(texts, "|"); !strings.Contains(got, "示例市人民政府|2024") || cell == nil || cell != v.entries[0] {
		t.Fatalf("entries: %q", got)
	}
	test.Type(cell, "813")
	h.TapOverlayButton("确认导入")
	h.Run()
	if got == nil {
		t.Fatalf("not confirmed: %q", h.OverlayText())
	}
	if n := got.Applications[report.RowGranted][report.ColNaturalPerson]; n != 813 || got.Agency != "示例市人民政府" || got.Year != 2024 {
		t.Errorf("confirmed %s %d with %d", got.Agency, got.Year, n)
	}
	if h.Win.Canvas().Overlays().Top() != nil {
		t.Errorf("the view stays: %q", h.OverlayText())
	}
}

// 取消 in the view, or while reading, gives nothing on.
func TestCancel(t *testing.T) {
	h := kittest.New(t, filepath.Join(t.TempDir(), "nianbao.db"))
	m := New(h, reader)
	taken := false
	m.Open(Request{Path: doubtDocx, Then: func(*report.Report) { taken = true }})
	waitRead(h, "the confirmation view", func() bool { return strings.Contains(h.OverlayText(), "核对读到的内容") })
	h.TapOverlayButton("取消")
	h.Run()
	if taken || h.Win.Canvas().Overlays().Top() != nil || !strings.Contains(h.Status(), "没有保存") {
		t.Errorf("cancel: taken %v, overlay %q, status %q", taken, h.OverlayText(), h.Status())
	}

	m.Open(Request{Path: hongzequ, Then: func(*report.Report) { taken = true }})
	h.TapOverlayButton("取消")
	h.Run()
	waitRead(h, "the read to stop", func() bool {
		if reader.mu.TryLock() {
			reader.mu.Unlock()
			return true
		}
		return false
	})
	time.Sleep(50 * time.Millisecond) // its result, if any, posted
	h.Run()
	if taken || h.Win.Canvas().Overlays().Top() != nil || !strings.Contains(h.Status(), "已取消读取") {
		t.Errorf("cancel while reading: taken %v, overlay %q, status %q", taken, h.OverlayText(), h.Status())
	}
}

// A Word file's doubt is shown in its table as found: the row and column as
// the file prints them, what is printed, what it was read as.
func TestConfirmWordTable(t *testing.T) {
	h := kittest.New(t, filepath.Join(t.TempDir(), "nianbao.db"))
	m := New(h, reader)
	m.Open(Request{Path: doubtDocx, Then: func(*report.Report) {}})
	waitRead(h, "the confirmation view", func() bool { return strings.Contains(h.OverlayText(), "核对读到的内容") })
	v := m.view
	if !strings.Contains(v.foundHead.Text, "三、收到和处理政府信息公开申请情况，") || len(v.found) == 0 {
		t.Fatalf("table head %q, %d figures", v.foundHead.Text, len(v.found))
	}
	row := -1
	for i, f := range v.found {
		if f.Printed == "8l3" {
			row = i
		}
	}
	if row != 0 {
		t.Fatalf("the doubtful cell is row %d of the table as found, want the first", row)
	}
	cells := make([]string, 4)
	for c := range cells {
		l := widget.NewLabel("")
		v.updateFound(widget.TableCellID{Row: row, Col: c}, l)
		cells[c] = l.Text
		if l.Importance != widget.DangerImportance {
			t.Errorf("column %d of the doubtful cell not red", c)
		}
	}
	if got := strings.Join(cells, "|"); !strings.Contains(got, "予以公开") || !strings.Contains(got, "自然人|8l3|？") {
		t.Errorf("the doubtful cell as found: %s", got)
	}
}

// A report file is given on at once; an old format without LibreOffice is
// refused in a message that names it and says to save it as .docx.
func TestOpenOthers(t *testing.T) {
	h := kittest.New(t, filepath.Join(t.TempDir(), "nianbao.db"))
	m := New(h, reader)
	var got *report.Report
	m.Open(Request{Path: busyJSON, Then: func(r *report.Report) { got = r }})
	h.WaitFor("the report file", func() bool { return got != nil })
	if got.Agency != "示例市人民政府" || h.Win.Canvas().Overlays().Top() != nil {
		t.Errorf("report file: %s, overlay %q", got.Agency, h.OverlayText())
	}

	dir := t.TempDir()
	doc := filepath.Join(dir, "旧格式.doc")
	if err := os.WriteFile(doc, append([]byte{0xD0, 0xCF, 0x11, 0xE0}, make([]byte, 600)...), 0o644); err != nil {
		t.Fatal(err)
	}
	reader.mu.Lock()
	office := reader.rd.Office
	reader.rd.Office = ""
	reader.mu.Unlock()
	defer func() { reader.mu.Lock(); reader.rd.Office = office; reader.mu.Unlock() }()
	cases := []struct{ path, want string }{
		{doc, "请在 Word 或 WPS 中打开它，“另存为” .docx 格式后再读取"},
	}
	for _, c := range cases {
		got = nil
		m.Open(Request{Path: c.path, Then: func(r *report.Report) { got = r }})
		h.WaitFor("the message", func() bool {
			return strings.Contains(h.OverlayText(), "无法读取") || strings.Contains(h.OverlayText(), "核对")
		})
		if got != nil || !strings.Contains(h.OverlayText(), c.want) || !strings.Contains(h.OverlayText(), filepath.Base(c.path)) {
			t.Errorf("%s: %q", c.path, h.OverlayText())
		}
		h.TapOverlayButton("确定")
	}
}

// Closing the reader (the window closes) stops a read under way at once and
// refuses later ones.
func TestReaderClose(t *testing.T) {
	rd := NewReader()
	rd.rd.Office = "" // no LibreOffice: nothing but PDFium to start
	if err := rd.Close(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, _, err := rd.Read(context.Background(), hongzequ)
	if err == nil || !strings.Contains(err.Error(), "取消") || time.Since(start) > 5*time.Second {
		t.Errorf("read after Close: %v after %v", err, time.Since(start))
	}
}

// waitRead is WaitFor for reading files: PDFium in WebAssembly (compiled on
// a first read without its cache) under the race detector takes far longer
// than kittest's ten seconds.
func waitRead(h *kittest.Host, what string, cond func() bool) {
	h.T.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			h.T.Fatalf("timed out waiting for %s (status %q)", what, h.Status())
		}
		h.Run()
		time.Sleep(10 * time.Millisecond)
	}
}
