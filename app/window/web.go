package window

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"nianbao/app/printing"
	"nianbao/app/web"
	"nianbao/app/webcharts"
	"nianbao/data/outfile"
	"nianbao/data/report"
)

// exportWeb asks for a folder and writes the web page of the open report
// into a new folder in it, named like the PDF: index.html, the CMS fragment,
// the report file and the CSVs, with the 图解 of the stored years.
func (u *ui) exportWeb() {
	if u.id == 0 {
		u.setStatus("请先打开一份年报")
		return
	}
	u.flush(func() {
		r := u.editor.Report()
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				u.showError("无法选择文件夹", err)
				return
			}
			if dir == nil {
				return // cancelled
			}
			u.rememberDir(dir)
			u.writeWeb(r, filepath.Join(dir.Path(), web.DefaultFolderName(r)))
		}, u.win)
		d.SetTitleText("选择保存网页的位置（将在其中新建文件夹“" + web.DefaultFolderName(r) + "”）")
		d.SetConfirmText("导出到此处")
		u.showFileDialog(d, nil)
	})
}

// writeWeb renders and writes the page on the store's worker, which also
// reads the agency's other years for the trend charts.
func (u *ui) writeWeb(r *report.Report, folder string) {
	u.setStatus("正在生成网页…")
	var chartErr error
	u.background(func() error {
		var history []*report.Report
		list, err := u.st.List()
		if err != nil {
			return err
		}
		for _, s := range list {
			if s.Agency == r.Agency && s.Year != r.Year {
				if h, err := u.st.Get(s.ID); err == nil {
					history = append(history, h)
				}
			}
		}
		charts, err := webcharts.Charts(r, history)
		chartErr = err
		files, err := web.Render(r, web.Options{Charts: charts})
		if err != nil {
			return err
		}
		return web.Write(folder, files, outfile.Database(u.st.Path())...)
	}, func(err error) {
		if err != nil {
			u.setStatusError("无法导出网页")
			u.showError("无法导出网页", err)
			return
		}
		index := filepath.Join(folder, web.IndexName)
		note := ""
		if chartErr != nil {
			note = fmt.Sprintf("\n\n图解未能绘制，网页中不含图解：%v", chartErr)
		}
		u.setStatus("已导出网页：" + folder)
		u.confirm("已导出网页",
			fmt.Sprintf("网页已保存在文件夹\n%s\n\nindex.html 是完整的网页；fragment.html 可粘贴到网站内容管理系统的源代码编辑框；"+
				"另有年报文件和三张表格的 CSV 数据。%s", folder, note),
			"在浏览器中打开", func() {
				go func() {
					if err := printing.Open(index); err != nil {
						u.post(func() { u.showError("无法打开网页", err) })
					}
				}()
			})
	})
}
