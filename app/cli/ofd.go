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
文件可以是年报文件（*.nianbao.json），也可以是收到的 Word 文件（.docx）、有文字层的 PDF、从网站保存的网页（.html/.htm），
以及经 LibreOffice 转换的 .doc、.wps、.rtf、.mht（见 nianbao convert）。
默认输出文件名为“<机关名称><年度>年政府信息公开工作年度报告.ofd”，放在输入文件旁边（从数据库生成时放在当前文件夹）。
-o - 把 OFD 写到标准输出（其余说明写到标准错误）。不能写到输入文件或正在使用的数据库上。
报告有检查错误时仍会生成 OFD，但会在标准错误中说明。
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
