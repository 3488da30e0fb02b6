package window

import (
	"fmt"

	"nianbao/app/charts"
	"nianbao/app/paper"
	"nianbao/app/word"
	"nianbao/data/report"
)

// exportWord saves the open report as a Word file where the user chooses;
// withCharts puts the 图解 after the report.
func (u *ui) exportWord(withCharts bool) {
	if u.id == 0 {
		u.setStatus("请先打开一份年报")
		return
	}
	u.flush(func() {
		r := u.editor.Report()
		opt := word.Options{Fonts: word.FontsAuto}
		if u.fontChoice() == paper.FontsBundled {
			opt.Fonts = word.FontsBundled
		}
		u.setStatus("正在生成 Word 文件…")
		var res *word.Result
		// on the store goroutine: the history of the trend charts comes from the store
		u.background(func() error {
			if withCharts {
				history, err := u.st.Earlier(r.Agency, r.Year)
				if err != nil {
					return err
				}
				if opt.Images, err = chartImages(r, history); err != nil {
					return err
				}
			}
			var err error
			res, err = word.Write(r, opt)
			return err
		}, func(err error) {
			if err != nil {
				u.setStatusError("无法生成 Word 文件")
				u.showError("无法生成 Word 文件", err)
				return
			}
			u.setStatus("已生成 Word 文件")
			u.saveFile(word.DefaultFileName(r), []string{".docx"}, res.DOCX, func(name string) {
				msg := "已导出 Word 文件：" + name
				if len(opt.Images) > 0 {
					msg = fmt.Sprintf("已导出 Word 文件（附图解 %d 幅）：%s", len(opt.Images), name)
				}
				u.setStatus(msg)
			})
		})
	})
}

func chartImages(r *report.Report, history []*report.Report) ([]word.Image, error) {
	cs, err := charts.Charts(r, history)
	if err != nil {
		return nil, err
	}
	return word.ChartImages(cs)
}
