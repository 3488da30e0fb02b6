package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"nianbao/app/job"
	"nianbao/app/ofd"
	"nianbao/app/paper"
	"nianbao/app/printing"
	"nianbao/app/sheet"
	"nianbao/app/web"
	"nianbao/app/window/kit"
	"nianbao/app/word"
	"nianbao/data/combine"
	"nianbao/data/outfile"
	"nianbao/data/report"
)

// output is a report made in one format, ready to be written.
type output struct {
	name  string                // the default name of the file or folder
	ext   string                // of the file; "" for a folder
	data  []byte                // the file's bytes (not for the web page)
	files []web.File            // the web page's files
	fill  func(io.Writer) error // writes the file (the workbook)
	pdf   *paper.Result         // the PDF of PDF, printer and viewer
	what  string                // what it is, for the status line
	note  string                // added to the status line once written
	after func(dest string)
}

func (o *output) pages() string {
	if o.pdf == nil {
		return ""
	}
	return fmt.Sprintf("（%d 页%s）", o.pdf.Pages, o.note)
}

func (o *output) verb() string { return spaced("导出", o.what) }

// written is the status line after o was written at dest.
func (o *output) written(dest string) string {
	if o.pdf != nil {
		return fmt.Sprintf("已导出 %s（%d 页%s，正文字体 %s）：%s", o.what, o.pdf.Pages, o.note, BodyFont(o.pdf), dest)
	}
	return fmt.Sprintf("%s%s：%s", spaced("已导出", o.what), o.note, dest)
}

// write writes o at dest, unless dest is one of protect.
func (o *output) write(dest string, protect []outfile.Protected) error {
	switch {
	case o.files != nil:
		return web.Write(dest, o.files, protect...)
	case o.fill != nil:
		if err := outfile.Guard(dest, protect...); err != nil {
			return err
		}
		return outfile.WriteFunc(dest, nil, o.fill)
	}
	if err := outfile.Guard(dest, protect...); err != nil {
		return err
	}
	return outfile.Write(dest, o.data, nil)
}

// produce makes the report of in as f, named by FileName, with the writer
// of f's row in formats. It runs off the UI goroutine.
func (p *Path) produce(in *job.Input, f Format) (*output, error) {
	if f < 0 || int(f) >= len(formats) {
		return nil, fmt.Errorf("没有这种输出格式（%d）", f)
	}
	out := &output{what: formats[f].what, ext: formats[f].ext, name: FileName(in.Report, formats[f].ext)}
	if err := formats[f].make(p, in, out); err != nil {
		return nil, err
	}
	return out, nil
}

// reportFile makes the report file. Text an older release stored that the
// rules now refuse is written cleaned (under the cleaned name), and the user
// is told what changed.
func (p *Path) reportFile(in *job.Input, out *output) error {
	r := in.Report.Clone()
	fixes := report.Clean(r)
	out.name = FileName(r, out.ext)
	data, err := report.Marshal(r)
	if err != nil {
		return err
	}
	out.data = data
	if len(fixes) > 0 {
		msgs := make([]string, len(fixes))
		for i, c := range fixes {
			msgs[i] = c.Message()
		}
		out.after = func(dest string) {
			kit.ShowMessage(p.u.Window(), "已导出", "已导出 "+dest+"。\n\n"+strings.Join(msgs, "\n")+
				"\n\n数据库中的内容没有改动；打开这份年报改正后保存，数据库中也就改过来了。")
		}
	}
	return nil
}

// pdf prints the report with the path's renderer (PDF, printer and viewer).
func (p *Path) pdf(in *job.Input, out *output) error {
	rd, err := p.renderer(in.Fonts)
	if err != nil {
		return err
	}
	if out.pdf, err = rd.Render(in); err != nil {
		return err
	}
	if in.Charts {
		out.note = fmt.Sprintf("，附图解 %d 幅", out.pdf.Figures)
	}
	out.data = out.pdf.PDF
	return nil
}

// word writes the Word document.
func (p *Path) word(in *job.Input, out *output) error {
	res, err := word.Write(in)
	if err != nil {
		return err
	}
	if in.Charts {
		out.note = fmt.Sprintf("（附图解 %d 幅）", res.Figures)
	}
	out.data = res.DOCX
	return nil
}

// ofd writes the OFD (GB/T 33190), the same pages as the PDF.
func (p *Path) ofd(in *job.Input, out *output) error {
	res, err := ofd.Write(in)
	if err != nil {
		return err
	}
	out.note = fmt.Sprintf("（%d 页）", res.Pages)
	if in.Charts {
		out.note = fmt.Sprintf("（%d 页，附图解 %d 幅）", res.Pages, res.Figures)
	}
	out.data = res.OFD
	return nil
}

// webPage makes the page: index.html, the CMS fragment, the report file and
// the CSVs, with the 图解 of the stored years when they can be drawn.
func (p *Path) webPage(in *job.Input, out *output) error {
	page, err := web.Render(in)
	if err != nil {
		return err
	}
	out.files = page.Files
	note := ""
	if page.ChartsError != nil {
		note = fmt.Sprintf("\n\n图解未能绘制，网页中不含图解：%v", page.ChartsError)
	}
	out.after = func(folder string) {
		index := filepath.Join(folder, web.IndexName)
		kit.Offer(p.u.Window(), "已导出网页",
			fmt.Sprintf("网页已保存在文件夹\n%s\n\nindex.html 是完整的网页；fragment.html 可粘贴到网站内容管理系统的源代码编辑框；"+
				"另有年报文件和三张表格的 CSV 数据。%s", folder, note),
			"在浏览器中打开", func() {
				go func() {
					if err := printing.Open(index); err != nil {
						p.u.Post(func() { kit.ShowError(p.u.Window(), "无法打开网页", err) })
					}
				}()
			})
	}
	return nil
}

// chooseFile asks where to save a file, offering name, and then runs write
// with the path chosen. Fyne's dialog has asked before replacing a file; the
// writer it gives is put aside, as the path writes the file itself.
func (p *Path) chooseFile(name string, write func(path string)) {
	files := p.u.Files()
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			kit.ShowError(p.u.Window(), "无法保存文件", err)
			return
		}
		if wc == nil {
			// Cancelled: the status no longer says 已生成 of a file not written.
			p.u.SetStatus("已取消，没有保存文件")
			return
		}
		files.RememberFolder(wc.URI())
		kit.Discard(wc)
		write(kit.SystemPath(wc.URI()))
	}, p.u.Window())
	d.SetFileName(name)
	files.Show(d, []string{filepath.Ext(name)})
}

// chooseFolder asks for a folder, then runs write with it. The title says
// what the folder is for and the button what happens there: Fyne's own words
// for its folder dialog are 打开 文件夹 and 打开, which read as opening.
func (p *Path) chooseFolder(title, confirm string, write func(dir string)) {
	files := p.u.Files()
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			kit.ShowError(p.u.Window(), "无法选择文件夹", err)
			return
		}
		if dir == nil {
			p.u.SetStatus("已取消，没有保存文件")
			return
		}
		files.RememberDir(dir)
		write(kit.SystemPath(dir))
	}, p.u.Window())
	d.SetTitleText(title)
	d.SetConfirmText(confirm)
	files.Show(d, nil)
}

// ExportSheet writes the workbook of a round of 汇总 into a folder the user
// chooses, under its default name, after asking about the units' cells whose
// text is not a figure; an existing file is replaced only after asking.
func (p *Path) ExportSheet(res *combine.Result) {
	const action = "导出汇总表格"
	p.askUnits(res, action, func() {
		out := &output{what: "汇总表格", ext: ".xlsx", name: SheetName(res),
			fill: func(w io.Writer) error { return sheet.Write(w, res) }}
		p.chooseFolder("选择保存汇总表格的位置（文件名为“"+out.name+"”）", "导出到此处", func(dir string) {
			path := filepath.Join(dir, out.name)
			if _, err := os.Stat(path); err == nil {
				kit.Confirm(p.u.Window(), action, fmt.Sprintf("“%s”已存在，替换它吗？", path), "替换", func() { p.write(out, path) })
				return
			}
			p.write(out, path)
		})
	})
}

// askUnits is AskInvalid for the units counted in a round: their stored
// cells whose text is not a figure are not in the sum.
func (p *Path) askUnits(res *combine.Result, action string, goOn func()) {
	cells, units := 0, []string{}
	p.u.Flush(func() {
		kit.BackgroundOrShow(p.u, "无法读取年报", func() error {
			for _, u := range res.Units {
				if !u.Included || u.ID == 0 {
					continue
				}
				l, err := p.st.Load(u.ID)
				if err != nil {
					return err
				}
				if len(l.Invalid) > 0 {
					cells += len(l.Invalid)
					units = append(units, u.Name)
				}
			}
			return nil
		}, func() {
			if cells == 0 {
				goOn()
				return
			}
			names := strings.Join(units[:min(len(units), 5)], "、")
			if len(units) > 5 {
				names += "等"
			}
			msg := fmt.Sprintf("计入合计的 %d 个单位的报告中，有 %d 格填写的不是有效数字（%s）。这些格的内容没有作为数字保存，"+
				"合计中仍是填写前的数字。\n\n汇总表格中，这些格是填写前的数字。建议先改正。仍要%s吗？", len(units), cells, names, action)
			kit.Confirm(p.u.Window(), "有填写有误的格", msg, "仍要"+action, goOn)
		})
	})
}

// spaced joins Chinese words and a Latin name (PDF, Word) with a space
// between them, as the window writes them everywhere.
func spaced(a, b string) string {
	if b != "" && b[0] < 0x80 && unicode.IsLetter(rune(b[0])) {
		return a + " " + b
	}
	return a + b
}
