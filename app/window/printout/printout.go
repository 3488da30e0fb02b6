// Package printout is the window's printing room: the question of printer,
// copies and sides, the PDF sent to the printer, and the PDF opened in the
// system's viewer. The PDFs come from the window's export path, which has
// asked about invalid cells and missing characters before.
package printout

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/paper"
	"nianbao/app/printing"
	"nianbao/app/window/kit"
	"nianbao/data/outfile"
	"nianbao/data/report"
	"nianbao/data/syserr"
)

// View writes the PDF res of r to a temporary file and opens the system's viewer.
func (o *Room) View(r *report.Report, res *paper.Result) {
	go func() {
		path, err := writeTemp("preview", o.name(r), res.PDF)
		if err == nil {
			err = printing.Open(path)
		}
		o.u.Post(func() {
			if err != nil {
				kit.ShowError(o.u.Window(), "无法预览", err)
				return
			}
			o.u.SetStatus("已在 PDF 阅读器中打开预览")
		})
	}()
}

// Print asks for printer, copies and sides, then sends the PDF res of r.
func (o *Room) Print(r *report.Report, res *paper.Result) {
	if !printing.CanChoosePrinter() {
		o.ShowDialog(r, res, nil)
		return
	}
	go func() {
		ps, err := printing.Printers()
		o.u.Post(func() {
			if err != nil {
				o.noPrinter(r, res, err)
				return
			}
			o.ShowDialog(r, res, ps)
		})
	}()
}

// noPrinter says there is no printer and offers the viewer instead.
func (o *Room) noPrinter(r *report.Report, res *paper.Result, err error) {
	msg := err.Error()
	if errors.Is(err, printing.ErrNoPrinter) {
		msg += "\n\n也可以在 PDF 阅读器中打开，从那里打印或另存。"
	}
	kit.Confirm(o.u.Window(), "无法打印", msg, "用 PDF 阅读器打开", func() { o.View(r, res) })
}

// ShowDialog asks how to print; ps is nil where the system does not let
// the program choose (Windows: the PDF program prints to the default printer).
func (o *Room) ShowDialog(r *report.Report, res *paper.Result, ps []printing.Printer) {
	var items []*widget.FormItem
	printer := widget.NewSelect(nil, nil)
	printer.PlaceHolder = "（请选择打印机）" // Fyne's own is English
	names := map[string]string{}     // option label → queue name
	if ps != nil {
		for _, p := range ps {
			label := p.Name
			if p.Default {
				label += "（默认）"
			}
			names[label] = p.Name
			printer.Options = append(printer.Options, label)
			if p.Default || printer.Selected == "" {
				printer.SetSelected(label)
			}
		}
		items = append(items, widget.NewFormItem("打印机", printer))
	}
	copies := widget.NewEntry()
	copies.SetText("1")
	copies.Validator = func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > printing.MaxCopies {
			return fmt.Errorf("份数应为 1 至 %d", printing.MaxCopies)
		}
		return nil
	}
	items = append(items, widget.NewFormItem("份数", copies))
	twoSided := widget.NewCheck("双面打印（长边翻页）", nil)
	twoSided.SetChecked(true)
	if ps != nil {
		items = append(items, widget.NewFormItem("", twoSided))
	}
	note := fmt.Sprintf("共 %d 页。", res.Pages)
	if ps == nil {
		note += "由系统默认的 PDF 程序打印到默认打印机，单双面按该程序的设置。"
	} else if !printing.CanSetCopiesAndSides() {
		note += "Windows 上由 PDF 程序打印一份、单双面按打印机的设置；要打印多份或双面时，会在 PDF 阅读器中打开，请在其中的“打印”里设置。"
		twoSided.SetChecked(false)
	}
	if errs := o.u.ErrorCount(); errs > 0 {
		note += fmt.Sprintf("\n注意：这份年报还有 %d 个检查错误（表格数字不相符）。", errs)
	}
	noteLabel := widget.NewLabel(note)
	noteLabel.Wrapping = fyne.TextWrapWord
	items = append(items, widget.NewFormItem("", noteLabel))

	d := dialog.NewForm("打印", "打印", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		n, _ := strconv.Atoi(strings.TrimSpace(copies.Text))
		opt := printing.Options{Printer: names[printer.Selected], Copies: n, TwoSided: twoSided.Checked}
		o.send(r, res, opt)
	}, o.u.Window())
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}

func (o *Room) send(r *report.Report, res *paper.Result, opt printing.Options) {
	o.u.SetStatus("正在发送到打印机…")
	go func() {
		path, err := writeTemp("print", o.name(r), res.PDF)
		if err == nil {
			err = printing.Print(path, opt)
		}
		o.u.Post(func() {
			switch {
			case errors.Is(err, printing.ErrOpenedInViewer):
				o.u.SetStatus("已在 PDF 阅读器中打开")
				kit.ShowMessage(o.u.Window(), "打印", err.Error())
			case err != nil:
				o.u.SetStatusError("打印失败")
				kit.ShowError(o.u.Window(), "打印失败", err)
			case opt.Printer != "":
				o.u.SetStatus(fmt.Sprintf("已发送到打印机 %s（%d 份）", opt.Printer, max(opt.Copies, 1)))
			default:
				o.u.SetStatus(fmt.Sprintf("已发送到打印机（%d 份）", max(opt.Copies, 1)))
			}
		})
	}()
}

// Host is what the room needs of the window.
type Host interface {
	kit.Window
	// ErrorCount is the number of errors the checks find in the open report.
	ErrorCount() int
}

// Room prints. Make it with New.
type Room struct {
	u    Host
	name func(*report.Report) string // the PDF's file name, as the export path names it
}

// New makes the printing room of the window u; name names a report's PDF.
func New(u Host, name func(*report.Report) string) *Room { return &Room{u: u, name: name} }

// tempMaxAge is how long a PDF made for the viewer or the printer is kept:
// long enough for the viewer to show it and the print queue to take it.
const tempMaxAge = time.Hour

// writeTemp writes a PDF for the viewer or the printer under the user's cache
// folder, named as the report so the viewer's title says what it is. Files
// there older than tempMaxAge are removed first, and the write goes through
// outfile, so that no half-written or temporary file stays behind.
func writeTemp(kind, name string, data []byte) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "nianbao", kind)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", syserr.Wrap("无法创建临时文件夹 "+dir, err)
	}
	removeOld(dir, tempMaxAge)
	path := filepath.Join(dir, name)
	if err := outfile.Write(path, data, nil); err == nil {
		return path, nil
	}
	// The viewer may hold the file of the last preview (Windows locks it): use a new name.
	for i := 2; i < 100; i++ {
		alt := filepath.Join(dir, strings.TrimSuffix(name, ".pdf")+"-"+strconv.Itoa(i)+".pdf")
		if _, err := os.Lstat(alt); err == nil {
			continue
		}
		if err := outfile.Write(alt, data, nil); err != nil {
			return "", err
		}
		return alt, nil
	}
	return "", syserr.Wrap("无法写入临时文件 "+path, os.ErrExist)
}

// removeOld removes the files in dir older than age. It is tidying only: a
// file that cannot be removed now (in use by a viewer) is tried again next time.
func removeOld(dir string, age time.Duration) {
	old, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range old {
		if info, err := e.Info(); err == nil && !info.IsDir() && time.Since(info.ModTime()) > age {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
