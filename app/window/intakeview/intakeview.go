// Package intakeview is the window's room for reports as they arrive — a
// Word file, a PDF, a web page saved from the website, an older format
// through LibreOffice: it reads them off the UI goroutine, saying that it
// reads, and shows what was read for a person to confirm before anything of
// it is stored (the confirmation view). Every cell or part that needs a
// person is listed in the report's printed words, beside the source (a PDF's
// page drawn with the doubtful cell marked; for Word and web pages the
// table's cells as found); doubtful figures are corrected in place. 取消
// leaves nothing.
package intakeview

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/data/intake"
	"nianbao/data/report"
	"nianbao/data/syserr"
)

// Host is what the room needs of the window.
type Host interface {
	kit.Window
}

// Room reads report files and confirms what was read.
type Room struct {
	h    Host
	rd   *Reader
	view *confirmView // the confirmation view shown last
}

// New makes the room in window h, reading with rd.
func New(h Host, rd *Reader) *Room { return &Room{h: h, rd: rd} }

// Reader is the room's reader of report files (汇总 reads a folder with it).
func (m *Room) Reader() *Reader { return m.rd }

// Request is what a file is read for.
type Request struct {
	Path   string
	Action string // the button that confirms: 确认导入, 确认并新建…
	// Check says why a confirmed report cannot be taken ("" when it can):
	// the view stays open with the message.
	Check func(r *report.Report) string
	// Then gets the report: a report file's at once, any other's once a
	// person has confirmed it.
	Then func(r *report.Report)
}

// Open reads the file of req off the UI goroutine, showing “正在读取…” with a
// 取消 button, then gives a report file's report to req.Then and shows any
// other file's reading for a person to confirm. A file that cannot be read
// is said in a message that names it and why.
func (m *Room) Open(req Request) {
	ctx, cancel := context.WithCancel(context.Background())
	name := filepath.Base(req.Path)
	label := kit.MessageText(fmt.Sprintf("正在读取《%s》……\nPDF 文件第一次读取时需要准备读取组件，可能要几秒钟。", name))
	bar := widget.NewProgressBarInfinite()
	var d *dialog.CustomDialog
	stop := widget.NewButton("取消", func() {
		cancel()
		d.Hide()
		m.h.SetStatus(fmt.Sprintf("已取消读取《%s》，未保存任何内容", name))
	})
	d = dialog.NewCustomWithoutButtons("读取年报文件", container.NewVBox(label, bar, container.NewCenter(stop)), m.h.Window())
	d.Show()
	m.h.SetStatus(fmt.Sprintf("正在读取《%s》……", name))
	go func() {
		r, rd, err := m.rd.Read(ctx, req.Path)
		m.h.Post(func() {
			if ctx.Err() != nil {
				return // cancelled: the dialog is gone, nothing is kept
			}
			cancel()
			bar.Stop()
			d.Hide()
			switch {
			case err != nil:
				m.h.SetStatusError(fmt.Sprintf("无法读取《%s》", name))
				kit.ShowMessage(m.h.Window(), "无法读取", syserr.Text(err))
			case rd == nil:
				m.h.SetStatus("")
				req.Then(r)
			default:
				m.h.SetStatus(fmt.Sprintf("已读取《%s》，请核对后确认", name))
				m.Confirm(req, r, rd)
			}
		})
	}()
}

// summary says what was read and what is left for a person.
func summary(name string, r *report.Report, rd *intake.Reading) string {
	var b strings.Builder
	fmt.Fprintf(&b, "从《%s》（%s）读到“%s%d年度”的年报。", name, rd.Source, r.Agency, r.Year)
	if n := len(rd.Doubts); n > 0 {
		fmt.Fprintf(&b, "有 %d 处需要人工核对（标红）", n)
	} else {
		b.WriteString("没有读不准的数字")
	}
	if n := len(rd.Zeros); n > 0 {
		fmt.Fprintf(&b, "，%d 个数字文件中没有印出、按 0 读取", n)
	}
	b.WriteString("。请对照原件核对，改正后确认；确认之前，数据库中不保存任何内容。")
	return b.String()
}
