package window

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/paper"
	"nianbao/app/printing"
	"nianbao/data/check"
	"nianbao/data/outfile"
	"nianbao/data/report"
	"nianbao/data/syserr"
)

// renderer makes PDFs and the preview's pages off the UI goroutine. It finds
// and reads the fonts once, on first use and again when the font choice changes.
type renderer struct {
	mu     sync.Mutex
	rd     *paper.Renderer
	choice paper.FontChoice
}

func (p *renderer) render(r *report.Report, choice paper.FontChoice) (*paper.Result, error) {
	rd, err := p.get(choice)
	if err != nil {
		return nil, err
	}
	return rd.Render(r)
}

// get returns the Renderer for the font choice, made on first use. A
// Renderer serves several goroutines (the PDF and the preview).
func (p *renderer) get(choice paper.FontChoice) (*paper.Renderer, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rd == nil || p.choice != choice {
		rd, err := paper.NewRenderer(paper.Options{Fonts: choice})
		if err != nil {
			return nil, err
		}
		p.rd, p.choice = rd, choice
	}
	return p.rd, nil
}

// settingBundledFonts keeps the PDF to the bundled fonts when "1", as the
// command line's --fonts bundled does; otherwise installed official faces are used.
const settingBundledFonts = "pdf_bundled_fonts"

// fontChoice reads the font setting; any goroutine may call it.
func (u *ui) fontChoice() paper.FontChoice {
	if v, _ := u.st.Setting(settingBundledFonts); v == "1" {
		return paper.FontsBundled
	}
	return paper.FontsAuto
}

// toggleBundledFonts flips the font setting and the menu item's tick.
func (u *ui) toggleBundledFonts(item *fyne.MenuItem) {
	item.Checked = !item.Checked
	value := ""
	if item.Checked {
		value = "1"
	}
	u.win.MainMenu().Refresh()
	u.background(func() error { return u.st.SetSetting(settingBundledFonts, value) }, func(err error) {
		if err != nil {
			u.showError("无法保存字体设置", err)
			return
		}
		if item.Checked {
			u.setStatus("PDF 将只用程序自带的字体")
		} else {
			u.setStatus("PDF 将优先使用电脑上安装的公文字体（仿宋、黑体、楷体、小标宋）")
		}
	})
}

// bodyFont names the body font a PDF used, from the renderer's "正文：…" line.
func bodyFont(res *paper.Result) string {
	for _, f := range res.FontsUsed {
		if name, ok := strings.CutPrefix(f, "正文："); ok {
			return name
		}
	}
	return ""
}

// withPDF saves the open report, renders it on another goroutine and hands
// the result to then on the UI goroutine.
func (u *ui) withPDF(then func(r *report.Report, res *paper.Result)) {
	if u.id == 0 {
		u.setStatus("请先打开一份年报")
		return
	}
	u.flush(func() {
		r := u.editor.Report()
		u.setStatus("正在生成 PDF…")
		go func() {
			res, err := u.paper.render(r, u.fontChoice())
			// Rendering leaves its working memory behind; hand it back now.
			debug.FreeOSMemory()
			u.post(func() {
				if err != nil {
					u.setStatusError("无法生成 PDF")
					u.showError("无法生成 PDF", err)
					return
				}
				u.setStatus(fmt.Sprintf("已生成 PDF（%d 页）", res.Pages))
				then(r, res)
			})
		}()
	})
}

// confirmMissing asks before going on with a PDF that has characters no font
// can draw; with none it goes on at once.
func (u *ui) confirmMissing(res *paper.Result, action string, goOn func()) {
	if len(res.Missing) == 0 {
		goOn()
		return
	}
	u.confirm("PDF 中有字体缺字", missingText(res.Missing, action), "仍要"+action, goOn)
}

// missingText lists the missing characters and where they stand.
func missingText(ms []paper.MissingGlyph, action string) string {
	const most = 12
	var b strings.Builder
	fmt.Fprintf(&b, "下面 %d 处文字的字符在字体中没有，PDF 中显示为空框：\n\n", len(ms))
	for i, m := range ms {
		if i == most {
			fmt.Fprintf(&b, "……另有 %d 处\n", len(ms)-most)
			break
		}
		fmt.Fprintf(&b, "“%c”（U+%04X），位于%s\n", m.Char, m.Char, m.Where)
	}
	fmt.Fprintf(&b, "\n可以把这些字改为常用字，或在电脑上安装含有这些字的公文字体。仍要%s吗？", action)
	return b.String()
}

// exportPDF saves the PDF where the user chooses.
func (u *ui) exportPDF() {
	u.warnInvalid(u.id, "导出 PDF", func() { u.withPDF(u.savePDF) })
}

// savePDF asks where to save the rendered PDF of r and writes it.
func (u *ui) savePDF(r *report.Report, res *paper.Result) {
	u.confirmMissing(res, "导出", func() {
		u.saveFile(paper.DefaultFileName(r), []string{".pdf"}, res.PDF, func(name string) {
			u.setStatus(fmt.Sprintf("已导出 PDF（%d 页，正文字体 %s）：%s", res.Pages, bodyFont(res), name))
		})
	})
}

// preview writes the PDF to a temporary file and opens the system's viewer.
func (u *ui) preview() {
	u.withPDF(func(r *report.Report, res *paper.Result) {
		go func() {
			path, err := writeTemp("preview", paper.DefaultFileName(r), res.PDF)
			if err == nil {
				err = printing.Open(path)
			}
			u.post(func() {
				if err != nil {
					u.showError("无法预览", err)
					return
				}
				u.setStatus("已在 PDF 阅读器中打开预览")
			})
		}()
	})
}

// print asks for printer, copies and sides, then sends the PDF.
func (u *ui) print() {
	u.warnInvalid(u.id, "打印", func() { u.withPDF(u.printPDF) })
}

// printPDF asks for the printer and sends the rendered PDF of r.
func (u *ui) printPDF(r *report.Report, res *paper.Result) {
	u.confirmMissing(res, "打印", func() {
		if !printing.CanChoosePrinter() {
			u.printDialog(r, res, nil)
			return
		}
		go func() {
			ps, err := printing.Printers()
			u.post(func() {
				if err != nil {
					u.noPrinter(r, res, err)
					return
				}
				u.printDialog(r, res, ps)
			})
		}()
	})
}

// noPrinter says there is no printer and offers the viewer instead.
func (u *ui) noPrinter(r *report.Report, res *paper.Result, err error) {
	msg := err.Error()
	if errors.Is(err, printing.ErrNoPrinter) {
		msg += "\n\n也可以在 PDF 阅读器中打开，从那里打印或另存。"
	}
	u.confirm("无法打印", msg, "用 PDF 阅读器打开", u.preview)
}

// printDialog asks how to print; ps is nil where the system does not let
// the program choose (Windows: the PDF program prints to the default printer).
func (u *ui) printDialog(r *report.Report, res *paper.Result, ps []printing.Printer) {
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
	if errs, _ := check.Counts(u.editor.Findings()); errs > 0 {
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
		u.sendToPrinter(r, res, opt)
	}, u.win)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}

func (u *ui) sendToPrinter(r *report.Report, res *paper.Result, opt printing.Options) {
	u.setStatus("正在发送到打印机…")
	go func() {
		path, err := writeTemp("print", paper.DefaultFileName(r), res.PDF)
		if err == nil {
			err = printing.Print(path, opt)
		}
		u.post(func() {
			switch {
			case errors.Is(err, printing.ErrOpenedInViewer):
				u.setStatus("已在 PDF 阅读器中打开")
				u.showMessage("打印", err.Error())
			case err != nil:
				u.setStatusError("打印失败")
				u.showError("打印失败", err)
			case opt.Printer != "":
				u.setStatus(fmt.Sprintf("已发送到打印机 %s（%d 份）", opt.Printer, max(opt.Copies, 1)))
			default:
				u.setStatus(fmt.Sprintf("已发送到打印机（%d 份）", max(opt.Copies, 1)))
			}
		})
	}()
}

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
