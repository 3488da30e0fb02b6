package cli

import (
	"fmt"

	"nianbao/app/job"
	"nianbao/app/ofd"
	"nianbao/data/outfile"
)

const ofdUsage = `用法：nianbao ofd [--accept-doubtful] [--fonts auto|bundled] [--charts] [-o 输出.ofd] 文件
      nianbao ofd [--db 路径] --agency 机关名称 --year 年度 [--fonts auto|bundled] [--charts] [-o 输出.ofd]

按公文格式（GB/T 9704）生成年度报告的 OFD 版式文件（GB/T 33190），字体嵌入文件，
版面与 PDF 相同（同样的分行、分页和页码），可交电子公文、电子档案系统，用数科、福昕、书生、永中等 OFD 阅读器打开。
默认输出文件名为“<机关名称><年度>年政府信息公开工作年度报告.ofd”，放在输入文件旁边（从数据库生成时放在当前文件夹）。
-o - 把 OFD 写到标准输出（其余说明写到标准错误）。不能写到输入文件或正在使用的数据库上。
报告有检查错误时仍会生成 OFD，但会在标准错误中说明。
` + receivedFiles + `
选项：
` + embeddedFontOptions + printOptions

// ofdFormat writes the report with app/ofd.
var ofdFormat = printFormat{ext: ".ofd", options: true, checked: "OFD", write: writeOFD}

func writeOFD(e *env, in *job.Input, out string, _ []outfile.Protected) bool {
	res, err := ofd.Write(in)
	if err != nil {
		e.fail("无法生成 OFD", err)
		return false
	}
	if err := outfile.Write(out, res.OFD, e.data); err != nil {
		e.fail("无法写出 OFD", err)
		return false
	}
	fmt.Fprintf(e.stdout, "已生成：%s（%d 页）\n", outputName(out), res.Pages)
	if res.Figures > 0 {
		fmt.Fprintf(e.stdout, "  图解 %d 幅\n", res.Figures)
	}
	for _, m := range res.Missing {
		fmt.Fprintf(e.stderr, "警告：字体中没有“%c”（U+%04X），位于%s，OFD 中此处无法显示\n", m.Char, m.Char, m.Where)
	}
	return true
}
