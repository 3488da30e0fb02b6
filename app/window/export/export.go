// Package export is the window's one path out: every export and print of
// the window goes through it (the report file, PDF, PDF with 图解, Word with
// and without 图解, the web page, the printer, the PDF viewer, and the workbook
// of 汇总). Each first asks about cells whose text is not a figure (what goes
// out holds the figures from before those texts), then saves the open
// report's edits, asks about the check's errors (figures that do not add
// up), makes the output off the UI goroutine, asks about
// characters no font has, and writes it under a name made by
// outfile.FileName, never over the database nor a file the window has read.
package export

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"

	"nianbao/app/job"
	"nianbao/app/paper"
	"nianbao/app/window/kit"
	"nianbao/data/check"
	"nianbao/data/combine"
	"nianbao/data/outfile"
	"nianbao/data/report"
	"nianbao/data/store"
)

// Store is what the path needs of the store.
type Store interface {
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	Get(id int64) (*report.Report, error)
	Load(id int64) (store.Loaded, error)
	List() ([]store.Summary, error)
	Earlier(agency string, year int) ([]*report.Report, error)
}

// Host is what the path needs of the window.
type Host interface {
	kit.Window
	// OpenID is the id of the report the editor shows, 0 when none.
	OpenID() int64
	// Report is the editor's report.
	Report() *report.Report
	// InvalidCount is the number of the open report's cells whose text is
	// not a figure (kept apart from the figures, see forms).
	InvalidCount() int
	// Print asks how to print the PDF res of r and sends it (printout).
	Print(r *report.Report, res *paper.Result)
	// View opens the PDF res of r in the system's PDF viewer (printout).
	View(r *report.Report, res *paper.Result)
}

// Format is what a report goes out as.
type Format int

// The formats of the window, in the order of its 输出 menu.
const (
	ReportFile Format = iota // 导出: the .nianbao.json file
	PDF
	PDFCharts
	Word
	WordCharts
	Web
	Printer
	Viewer
	OFD
)

// formats says, for each format, what the question about invalid cells and
// the status line call it, where it goes, and which writer makes it (from
// the writers' one input value, job.Input; see output.go).
var formats = [...]struct {
	action string // 导出 PDF…: what the user is asked to go on with (仍要…吗)
	what   string // what is made, for the status line
	ext    string // of the file; "" for the web page's folder
	charts bool   // the 图解 after the report
	make   func(p *Path, in *job.Input, out *output) error
}{
	ReportFile: {"导出", "年报文件", ".nianbao.json", false, (*Path).reportFile},
	PDF:        {"导出 PDF", "PDF", ".pdf", false, (*Path).pdf},
	PDFCharts:  {"导出 PDF", "PDF", ".pdf", true, (*Path).pdf},
	Word:       {"导出 Word 文件", "Word 文件", ".docx", false, (*Path).word},
	WordCharts: {"导出 Word 文件", "Word 文件", ".docx", true, (*Path).word},
	Web:        {"导出网页", "网页", "", true, (*Path).webPage},
	Printer:    {"打印", "PDF", ".pdf", false, (*Path).pdf},
	Viewer:     {"用 PDF 阅读器打开", "PDF", ".pdf", false, (*Path).pdf},
	OFD:        {"导出 OFD", "OFD", ".ofd", false, (*Path).ofd},
}

// Action is what the user is asked to go on with before f (仍要…吗).
func (f Format) Action() string { return formats[f].action }

// FileName is the default name of every file the path writes: the report's
// default title, made safe by outfile.FileName, with the format's extension
// ("" for a folder).
func FileName(r *report.Report, ext string) string {
	return outfile.FileName(r.DefaultTitle(), ext)
}

// SheetName is the default name of a round's workbook, made the same way.
func SheetName(res *combine.Result) string {
	return outfile.FileName(fmt.Sprintf("%s%d年政府信息公开工作年度报告汇总", res.Agency, res.Year), ".xlsx")
}

// Path is the window's one path out. Make it with New.
type Path struct {
	u  Host
	st Store

	mu     sync.Mutex // the renderer serves several goroutines (the PDF and the preview)
	rd     *paper.Renderer
	choice job.FontChoice
}

// New makes the path of the window u on the store st.
func New(u Host, st Store) *Path { return &Path{u: u, st: st} }

// Export sends report id out as f: asked about (invalid cells), saved,
// asked about again (check errors), made, asked about once more (missing
// characters), then written or sent.
func (p *Path) Export(id int64, f Format) {
	if id == 0 {
		p.u.SetStatus("请先打开一份年报")
		return
	}
	p.AskInvalid(id, f.Action(), func() {
		p.withReport(id, func(r *report.Report) {
			askErrors(p.u.Window(), r, f.Action(), func() {
				p.make(r, f, func(out *output) {
					p.confirmMissing(out, f, func() { p.deliver(r, f, out) })
				})
			})
		})
	})
}

// AskInvalid runs goOn at once, or, while cells of report id hold text that
// is not a figure, after the user chose to go on with action (导出, 打印,
// 关闭): what goes out holds the figures from before those texts. The open
// report's cells are counted in the editor, another's in the store.
func (p *Path) AskInvalid(id int64, action string, goOn func()) {
	if id == p.u.OpenID() {
		p.askInvalid(p.u.InvalidCount(), action, goOn)
		return
	}
	n := 0
	kit.BackgroundOrShow(p.u, "无法读取年报", func() error {
		l, err := p.st.Load(id)
		n = len(l.Invalid)
		return err
	}, func() { p.askInvalid(n, action, goOn) })
}

func (p *Path) askInvalid(n int, action string, goOn func()) {
	if n == 0 {
		goOn()
		return
	}
	msg := fmt.Sprintf("有 %d 格填写的不是有效数字（已标红，状态栏中可见）。这些格的内容没有作为数字保存，"+
		"年报中仍是填写前的数字。", n)
	if action == "关闭" {
		msg += "\n\n标红的内容已保存，下次打开时仍会标红，可以再改。仍要关闭吗？"
	} else {
		msg += fmt.Sprintf("\n\n%s的内容中，这些格是填写前的数字。建议先改正。仍要%s吗？", action, action)
	}
	kit.Confirm(p.u.Window(), "有填写有误的格", msg, "仍要"+action, goOn)
}

// errorsShown is how many errors the question about them quotes; the rest are counted.
const errorsShown = 5

// askErrors runs goOn at once, or, while r breaks rules of the report format
// (check errors: figures that do not add up), after the user chose to go on
// with action: no wrong report leaves the office without a question. The
// errors need no previous year's report (R5 and R6 are warnings).
func askErrors(w fyne.Window, r *report.Report, action string, goOn func()) {
	msg := errorsText(check.Run(r, nil), action)
	if msg == "" {
		goOn()
		return
	}
	kit.Confirm(w, "年报有错误", msg, "仍要"+action, goOn)
}

// errorsText is the question about the errors among fs, "" when there is none.
func errorsText(fs []check.Finding, action string) string {
	var errs []string
	for _, f := range fs {
		if f.Severity == check.Error {
			errs = append(errs, f.Message)
		}
	}
	if len(errs) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "这份年报有 %d 个错误：", len(errs))
	for i, m := range errs[:min(len(errs), errorsShown)] {
		fmt.Fprintf(&b, "\n%d. %s", i+1, m)
	}
	if n := len(errs) - errorsShown; n > 0 {
		fmt.Fprintf(&b, "\n……另有 %d 个，见“检查”。", n)
	}
	fmt.Fprintf(&b, "\n\n有错误的年报不应报出。建议先在“检查”中改正。仍要%s吗？", action)
	return b.String()
}

// withReport gets report id, saved first when it is the open one, then runs f with it.
func (p *Path) withReport(id int64, f func(*report.Report)) {
	if id == p.u.OpenID() {
		p.u.Flush(func() { f(p.u.Report()) })
		return
	}
	var r *report.Report
	kit.BackgroundOrShow(p.u, "无法读取年报", func() (err error) {
		r, err = p.st.Get(id)
		return err
	}, func() { f(r) })
}

// confirmMissing asks before going on with a PDF that has characters no font
// can draw; with none (or no PDF) it goes on at once.
func (p *Path) confirmMissing(out *output, f Format, goOn func()) {
	if out.pdf == nil || len(out.pdf.Missing) == 0 {
		goOn()
		return
	}
	verb := "导出"
	if f == Printer {
		verb = "打印"
	}
	kit.Confirm(p.u.Window(), "PDF 中有字体缺字", missingText(out.pdf.Missing, verb), "仍要"+verb, goOn)
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

// make makes r as f: what it needs of the store (earlier years) is read on
// the store's goroutine, the output made on a goroutine of its own (so that
// saves go on meanwhile); done gets it on the UI goroutine.
func (p *Path) make(r *report.Report, f Format, done func(*output)) {
	what := formats[f].what
	p.u.SetStatus(spaced("正在生成", what) + "…")
	var history []*report.Report
	p.u.Background(func() (err error) {
		history, err = p.history(r, f)
		return err
	}, func(err error) {
		if err != nil {
			p.failed(what, err)
			return
		}
		in := job.New(r)
		in.History, in.Fonts, in.Charts = history, p.FontChoice(), formats[f].charts
		go func() {
			out, err := p.produce(in, f)
			// Rendering leaves its working memory behind; hand it back now.
			kit.ReleaseMemory()
			p.u.Post(func() {
				if err != nil {
					p.failed(what, err)
					return
				}
				p.u.SetStatus(spaced("已生成", what) + out.pages())
				done(out)
			})
		}()
	})
}

func (p *Path) failed(what string, err error) {
	p.u.SetStatusError(spaced("无法生成", what))
	kit.ShowError(p.u.Window(), spaced("无法生成", what), err)
}

// history reads the earlier years the 图解 of f show, on the store's goroutine.
func (p *Path) history(r *report.Report, f Format) ([]*report.Report, error) {
	if !formats[f].charts {
		return nil, nil
	}
	if f != Web {
		return p.st.Earlier(r.Agency, r.Year)
	}
	// The web page shows every other stored year of the agency.
	list, err := p.st.List()
	if err != nil {
		return nil, err
	}
	var history []*report.Report
	for _, s := range list {
		if s.Agency == r.Agency && s.Year != r.Year {
			if h, err := p.st.Get(s.ID); err == nil {
				history = append(history, h)
			}
		}
	}
	return history, nil
}

// deliver puts out where f goes: a file or folder the user chooses, the
// printer or the viewer.
func (p *Path) deliver(r *report.Report, f Format, out *output) {
	switch f {
	case Printer:
		p.u.Print(r, out.pdf)
	case Viewer:
		p.u.View(r, out.pdf)
	case Web:
		p.chooseFolder("选择保存网页的位置（将在其中新建文件夹“"+out.name+"”）", "导出到此处", func(dir string) {
			p.write(out, filepath.Join(dir, out.name)) // the folder the title promises
		})
	default:
		p.chooseFile(out.name, func(path string) { p.write(out, path) })
	}
}

// WriteTo makes report r as f and writes it at dest (a file, or for the web
// page the folder it is made in), as Export does once dest is chosen.
func (p *Path) WriteTo(r *report.Report, f Format, dest string) {
	p.make(r, f, func(out *output) { p.write(out, dest) })
}

// write writes out at dest on the store's goroutine (never during a restore),
// refusing the database and the files read, and says so.
func (p *Path) write(out *output, dest string) {
	protect := p.u.Files().Protected()
	p.u.Background(func() error { return out.write(dest, protect) }, func(err error) {
		if err != nil {
			p.u.SetStatusError("无法" + out.verb())
			kit.ShowError(p.u.Window(), "无法"+out.verb(), err)
			return
		}
		p.u.SetStatus(out.written(dest))
		if out.after != nil {
			out.after(dest)
		}
	})
}

// Renderer is the PDF's renderer with the fonts of the setting, made on
// first use and again when the setting changes. Any goroutine may call it.
func (p *Path) Renderer() (*paper.Renderer, error) { return p.renderer(p.FontChoice()) }

// renderer is the PDF's renderer with the fonts of choice, kept while the
// choice stays.
func (p *Path) renderer(choice job.FontChoice) (*paper.Renderer, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rd == nil || p.choice != choice {
		rd, err := paper.NewRenderer(choice, nil)
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

// FontChoice reads the font setting; any goroutine may call it.
func (p *Path) FontChoice() job.FontChoice {
	if v, _ := p.st.Setting(settingBundledFonts); v == "1" {
		return job.FontsBundled
	}
	return job.FontsAuto
}

// FontsItem is the ticked menu item for the font setting.
func (p *Path) FontsItem() *fyne.MenuItem {
	item := fyne.NewMenuItem("PDF 只用程序自带的字体", nil)
	item.Action = func() { p.toggleFonts(item) }
	item.Checked = p.FontChoice() == job.FontsBundled
	return item
}

// toggleFonts flips the font setting and the menu item's tick.
func (p *Path) toggleFonts(item *fyne.MenuItem) {
	item.Checked = !item.Checked
	value := ""
	if item.Checked {
		value = "1"
	}
	if m := p.u.Window().MainMenu(); m != nil {
		m.Refresh()
	}
	kit.BackgroundOrShow(p.u, "无法保存字体设置", func() error { return p.st.SetSetting(settingBundledFonts, value) }, func() {
		if item.Checked {
			p.u.SetStatus("PDF 将只用程序自带的字体")
		} else {
			p.u.SetStatus("PDF 将优先使用电脑上安装的公文字体（仿宋、黑体、楷体、小标宋）")
		}
	})
}

// BodyFont names the body font a PDF used, from the renderer's "正文：…" line.
func BodyFont(res *paper.Result) string {
	for _, f := range res.FontsUsed {
		if name, ok := strings.CutPrefix(f, "正文："); ok {
			return name
		}
	}
	return ""
}
