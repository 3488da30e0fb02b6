package cli

import (
	"fmt"

	"nianbao/app/job"
	"nianbao/app/paper"
	"nianbao/data/outfile"
)

const pdfUsage = `用法：nianbao pdf [--accept-doubtful] [--fonts auto|bundled] [--charts] [-o 输出.pdf] 文件
      nianbao pdf [--db 路径] --agency 机关名称 --year 年度 [--fonts auto|bundled] [--charts] [-o 输出.pdf]

按公文格式（GB/T 9704）生成年度报告的 PDF，字体嵌入文件。
默认输出文件名为“<机关名称><年度>年政府信息公开工作年度报告.pdf”，放在输入文件旁边（从数据库生成时放在当前文件夹）。
-o - 把 PDF 写到标准输出（其余说明写到标准错误）。不能写到输入文件或正在使用的数据库上。
报告有检查错误时仍会生成 PDF，但会在标准错误中说明。
文件可以是年报文件（*.nianbao.json），也可以是收到的 Word 文件（.docx）、有文字层的 PDF、从网站保存的网页（.html/.htm），
以及经 LibreOffice 转换的 .doc、.wps、.rtf、.mht（见 nianbao convert）。
文件有需要人工核对之处时不生成，列出这些地方，退出状态为 1（加 --accept-doubtful 时照常生成）。

选项：
  --fonts auto     电脑上装有仿宋、黑体、楷体、小标宋等公文字体时使用它们（默认）
  --fonts bundled  只用程序自带的字体（思源宋体、思源黑体、文鼎楷体）
  --charts         在报告后另页附上图解（从数据库生成且有往年年报时，另附历年趋势）
  -o 文件          输出文件
  --accept-doubtful  文件是有存疑之处的 Word、PDF、网页时，仍按读到的数字生成（存疑之处列在标准错误中）
` + dbOption + `  --agency   机关名称（从数据库生成时）
  --year     报告年度（从数据库生成时）
`

// pdfFormat prints the report with app/paper.
var pdfFormat = printFormat{ext: ".pdf", options: true, checked: "PDF", write: writePDF}

func writePDF(e *env, in *job.Input, out string, _ []outfile.Protected) bool {
	res, err := paper.Render(in)
	if err != nil {
		e.fail("无法生成 PDF", err)
		return false
	}
	if err := outfile.Write(out, res.PDF, e.data); err != nil {
		e.fail("无法写出 PDF", err)
		return false
	}
	fmt.Fprintf(e.stdout, "已生成：%s（%d 页）\n", outputName(out), res.Pages)
	for _, f := range res.FontsUsed {
		fmt.Fprintf(e.stdout, "  字体 %s\n", f)
	}
	for _, m := range res.Missing {
		fmt.Fprintf(e.stderr, "警告：字体中没有“%c”（U+%04X），位于%s，PDF 中此处无法显示\n", m.Char, m.Char, m.Where)
	}
	return true
}
