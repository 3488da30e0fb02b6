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
` + receivedFiles + `
选项：
  --fonts auto     电脑上装有方正小标宋、仿宋_GB2312、楷体_GB2312 等公文字体时在文件中指定它们，
                   没有的用每台中文 Windows 都有的宋体、仿宋、黑体、楷体（默认）
  --fonts bundled  不查找电脑上的字体，只指定宋体、仿宋、黑体、楷体
                   （Word 文件不嵌入字体，由打开文件的电脑显示）
  --charts         在报告后附上图解（申请人类型、办理结果、主动公开、复议诉讼；
                   从数据库生成且有往年年报时，另附历年趋势）
  -o 文件          输出文件
` + printOptions

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
