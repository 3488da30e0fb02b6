package window

import (
	"fmt"
	"runtime/debug"

	"nianbao/app/charts"
	"nianbao/app/paper"
	"nianbao/data/report"
)

// renderWithFigures is render with the figures after the report.
func (p *renderer) renderWithFigures(r *report.Report, choice paper.FontChoice, figs []paper.Figure) (*paper.Result, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rd == nil || p.choice != choice {
		rd, err := paper.NewRenderer(paper.Options{Fonts: choice})
		if err != nil {
			return nil, err
		}
		p.rd, p.choice = rd, choice
	}
	return p.rd.RenderWithFigures(r, figs)
}

// exportPDFWithCharts saves the PDF with the 图解 on pages of their own after
// the report, as nianbao pdf --charts does.
func (u *ui) exportPDFWithCharts() {
	if u.id == 0 {
		u.setStatus("请先打开一份年报")
		return
	}
	u.flush(func() {
		r := u.editor.Report()
		choice := u.fontChoice()
		u.setStatus("正在生成 PDF（附图解）…")
		var figs []paper.Figure
		u.background(func() error {
			history, err := u.st.Earlier(r.Agency, r.Year)
			if err != nil {
				return err
			}
			cs, err := charts.Charts(r, history)
			if err != nil {
				return err
			}
			figs, err = paper.ChartFigures(cs)
			return err
		}, func(err error) {
			if err != nil {
				u.setStatusError("无法生成 PDF")
				u.showError("无法绘制图解", err)
				return
			}
			go func() {
				res, err := u.paper.renderWithFigures(r, choice, figs)
				debug.FreeOSMemory()
				u.post(func() {
					if err != nil {
						u.setStatusError("无法生成 PDF")
						u.showError("无法生成 PDF", err)
						return
					}
					u.setStatus(fmt.Sprintf("已生成 PDF（%d 页，附图解 %d 幅）", res.Pages, len(figs)))
					u.confirmMissing(res, "导出", func() {
						u.saveFile(paper.DefaultFileName(r), []string{".pdf"}, res.PDF, func(name string) {
							u.setStatus(fmt.Sprintf("已导出 PDF（%d 页，附图解 %d 幅）：%s", res.Pages, len(figs), name))
						})
					})
				})
			}()
		})
	})
}
