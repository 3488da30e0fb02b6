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
` + receivedFiles + `
选项：
` + embeddedFontOptions + printOptions

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
