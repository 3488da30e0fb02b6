package cli

import (
	"fmt"
	"path/filepath"

	"nianbao/app/web"
	"nianbao/app/webcharts"
)

const htmlUsage = `用法：nianbao html [-o 文件夹] 文件
      nianbao html [--db 路径] --agency 机关名称 --year 年度 [-o 文件夹]

生成在网站“政府信息公开工作年度报告”栏目发布用的网页，放在一个文件夹中：
  index.html      完整的网页（不含脚本、不引用外部文件，字体用读者电脑上的），表格为真正的网页表格
  fragment.html   网页片段，可粘贴到网站内容管理系统的源代码编辑框中
  *.nianbao.json  年报文件
  proactive.csv、applications.csv、review_litigation.csv  三张表格的数据（UTF-8，Excel、WPS 可直接打开）
网页后附图解（统计图及其文字说明）；从数据库生成时，图解含该机关历年数据的趋势。
默认文件夹名为“<机关名称><年度>年政府信息公开工作年度报告”，放在输入文件旁边（从数据库生成时放在当前文件夹）。

选项：
  -o 文件夹  输出文件夹（不存在时新建；其中的同名文件会被替换）
` + dbOption + `  --agency   机关名称（从数据库生成时）
  --year     报告年度（从数据库生成时）
`

func runHTML(e *env, args []string) int {
	fs := newFlagSet("html")
	db := fs.String("db", "", "")
	rf := addReportFlags(fs.String, fs.Int)
	out := new(string)
	e.outputVar(fs, out, "o")
	files, code, done := parse(e, fs, args, htmlUsage, nil)
	if done {
		return code
	}
	if e.isStdout(*out) {
		fmt.Fprint(e.stderr, "网页是一个文件夹（网页、片段、年报文件和表格数据），不能写到标准输出；请用 -o 给出文件夹\n")
		return exitFailure
	}
	src, ok := loadSource(e, *db, rf, files, htmlUsage, true) // the page always has its charts
	if !ok {
		return exitFailure
	}
	r, history, dir, protected := src.r, src.history, src.dir, src.inputs

	var opt web.Options
	charts, err := webcharts.Charts(r, history)
	if err != nil {
		e.fail("警告：无法绘制图解，网页中不含图解", err)
	}
	opt.Charts = charts
	site, err := web.Render(r, opt)
	if err != nil {
		e.fail("无法生成网页", err)
		return exitFailure
	}
	if *out == "" {
		*out = filepath.Join(dir, web.DefaultFolderName(r))
	}
	if err := web.Write(*out, site, protected...); err != nil {
		e.fail("无法写出网页", err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "已生成网页：%s\n", filepath.Join(*out, web.IndexName))
	for _, f := range site[1:] {
		fmt.Fprintf(e.stdout, "  %s：%s\n", f.What, f.Name)
	}
	return exitOK
}
