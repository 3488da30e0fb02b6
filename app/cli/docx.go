package cli

import (
	"fmt"

	"nianbao/app/job"
	"nianbao/app/word"
	"nianbao/data/outfile"
)

const docxUsage = `用法：nianbao docx [--accept-doubtful] [--fonts auto|bundled] [--charts] [-o 输出.docx] 文件
      nianbao docx [--db 路径] --agency 机关名称 --year 年度 [--fonts auto|bundled] [--charts] [-o 输出.docx]

按公文格式（GB/T 9704）生成年度报告的 Word 文件（.docx），可在 WPS、Word 中修改。
默认输出文件名为“<机关名称><年度>年政府信息公开工作年度报告.docx”，放在输入文件旁边（从数据库生成时放在当前文件夹）。
-o - 写到标准输出。
文件可以是年报文件（*.nianbao.json），也可以是收到的 Word 文件（.docx）、有文字层的 PDF、从网站保存的网页（.html/.htm），
以及经 LibreOffice 转换的 .doc、.wps、.rtf、.mht（见 nianbao convert）。
文件有需要人工核对之处时不生成，列出这些地方，退出状态为 1（加 --accept-doubtful 时照常生成）。

选项：
  --fonts auto     电脑上装有方正小标宋、仿宋_GB2312、楷体_GB2312 等公文字体时在文件中指定它们，
                   没有的用每台中文 Windows 都有的宋体、仿宋、黑体、楷体（默认）
  --fonts bundled  不查找电脑上的字体，只指定宋体、仿宋、黑体、楷体
                   （Word 文件不嵌入字体，由打开文件的电脑显示）
  --charts         在报告后附上图解（申请人类型、办理结果、主动公开、复议诉讼；
                   从数据库生成且有往年年报时，另附历年趋势）
  -o 文件          输出文件
  --accept-doubtful  文件是有存疑之处的 Word、PDF、网页时，仍按读到的数字生成（存疑之处列在标准错误中）
` + dbOption + `  --agency   机关名称（从数据库生成时）
  --year     报告年度（从数据库生成时）
`

// docxFormat writes the report with app/word.
var docxFormat = printFormat{ext: ".docx", options: true, checked: "Word 文件", write: writeDocx}

func writeDocx(e *env, in *job.Input, out string, _ []outfile.Protected) bool {
	res, err := word.Write(in)
	if err != nil {
		e.fail("无法生成 Word 文件", err)
		return false
	}
	if err := outfile.Write(out, res.DOCX, e.data); err != nil {
		e.fail("", err)
		return false
	}
	fmt.Fprintf(e.stdout, "已生成：%s\n", out)
	for _, f := range res.FontsUsed {
		fmt.Fprintf(e.stdout, "  字体 %s\n", f)
	}
	if res.Figures > 0 {
		fmt.Fprintf(e.stdout, "  图解 %d 幅\n", res.Figures)
	}
	return true
}
