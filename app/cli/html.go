package cli

import (
	"fmt"
	"path/filepath"

	"nianbao/app/web"
	"nianbao/app/webcharts"
)

const htmlUsage = `用法：nianbao html [--accept-doubtful] [-o 文件夹] 文件
      nianbao html [--db 路径] --agency 机关名称 --year 年度 [-o 文件夹]

生成在网站“政府信息公开工作年度报告”栏目发布用的网页，放在一个文件夹中：
  index.html      完整的网页（不含脚本、不引用外部文件，字体用读者电脑上的），表格为真正的网页表格
  fragment.html   网页片段，可粘贴到网站内容管理系统的源代码编辑框中
  *.nianbao.json  年报文件
  proactive.csv、applications.csv、review_litigation.csv  三张表格的数据（UTF-8，Excel、WPS 可直接打开）
网页后附图解（统计图及其文字说明）；从数据库生成时，图解含该机关历年数据的趋势。
默认文件夹名为“<机关名称><年度>年政府信息公开工作年度报告”，放在输入文件旁边（从数据库生成时放在当前文件夹）。
文件可以是年报文件（*.nianbao.json），也可以是收到的 Word 文件（.docx）、有文字层的 PDF、从网站保存的网页（.html/.htm），
以及经 LibreOffice 转换的 .doc、.wps、.rtf、.mht（见 nianbao convert）。
文件有需要人工核对之处时不生成，列出这些地方，退出状态为 1（加 --accept-doubtful 时照常生成）。

选项：
  -o 文件夹  输出文件夹（不存在时新建；其中的同名文件会被替换）
  --accept-doubtful  文件是有存疑之处的 Word、PDF、网页时，仍按读到的数字生成（存疑之处列在标准错误中）
` + dbOption + `  --agency   机关名称（从数据库生成时）
  --year     报告年度（从数据库生成时）
`

func runHTML(e *env, args []string) int {
	fs := newFlagSet("html")
	db := fs.String("db", "", "")
	rf := addReportFlags(fs.String, fs.Int)
	out := new(string)
	e.outputVar(fs, out, "o")
	accept := fs.Bool("accept-doubtful", false, "")
	files, code, done := parse(e, fs, args, htmlUsage, nil)
	if done {
		return code
	}
	if e.isStdout(*out) {
		fmt.Fprint(e.stderr, "网页是一个文件夹（网页、片段、年报文件和表格数据），不能写到标准输出；请用 -o 给出文件夹\n")
		return exitFailure
	}
	src, code := loadSource(e, *db, rf, files, htmlUsage, true, *accept) // the page always has its charts
	if code != exitOK {
		return code
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
