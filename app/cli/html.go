package cli

import (
	"fmt"
	"path/filepath"

	"nianbao/app/job"
	"nianbao/app/web"
	"nianbao/data/outfile"
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
` + receivedFiles + `
选项：
  -o 文件夹  输出文件夹（不存在时新建；其中的同名文件会被替换）
` + printOptions

// htmlFormat makes the web page with app/web: a folder, with the 图解 always.
var htmlFormat = printFormat{write: writeHTML,
	notStdout: "网页是一个文件夹（网页、片段、年报文件和表格数据），不能写到标准输出；请用 -o 给出文件夹"}

func writeHTML(e *env, in *job.Input, out string, protected []outfile.Protected) bool {
	page, err := web.Render(in)
	if err != nil {
		e.fail("无法生成网页", err)
		return false
	}
	if page.ChartsError != nil {
		e.fail("警告：无法绘制图解，网页中不含图解", page.ChartsError)
	}
	if err := web.Write(out, page.Files, protected...); err != nil {
		e.fail("无法写出网页", err)
		return false
	}
	fmt.Fprintf(e.stdout, "已生成网页：%s\n", filepath.Join(out, web.IndexName))
	for _, f := range page.Files[1:] {
		fmt.Fprintf(e.stdout, "  %s：%s\n", f.What, f.Name)
	}
	return true
}
