package cli

import (
	"fmt"
	"path/filepath"

	"nianbao/app/charts"
	"nianbao/app/word"
	"nianbao/data/check"
	"nianbao/data/outfile"
)

const docxUsage = `用法：nianbao docx [--fonts auto|bundled] [--charts] [-o 输出.docx] 文件
      nianbao docx [--db 路径] --agency 机关名称 --year 年度 [--fonts auto|bundled] [--charts] [-o 输出.docx]

按公文格式（GB/T 9704）生成年度报告的 Word 文件（.docx），可在 WPS、Word 中修改。
默认输出文件名为“<机关名称><年度>年政府信息公开工作年度报告.docx”，放在输入文件旁边（从数据库生成时放在当前文件夹）。
-o - 写到标准输出。

选项：
  --fonts auto     电脑上装有方正小标宋、仿宋_GB2312、楷体_GB2312 等公文字体时在文件中指定它们，
                   没有的用每台中文 Windows 都有的宋体、仿宋、黑体、楷体（默认）
  --fonts bundled  不查找电脑上的字体，只指定宋体、仿宋、黑体、楷体
                   （Word 文件不嵌入字体，由打开文件的电脑显示）
  --charts         在报告后附上图解（申请人类型、办理结果、主动公开、复议诉讼；
                   从数据库生成且有往年年报时，另附历年趋势）
  -o 文件          输出文件
` + dbOption + `  --agency   机关名称（从数据库生成时）
  --year     报告年度（从数据库生成时）
`

func runDocx(e *env, args []string) int {
	fs := newFlagSet("docx")
	db := fs.String("db", "", "")
	rf := addReportFlags(fs.String, fs.Int)
	out := fs.String("o", "", "")
	fonts := fs.String("fonts", "auto", "")
	withCharts := fs.Bool("charts", false, "")
	files, code, done := parse(e, fs, args, docxUsage, nil)
	if done {
		return code
	}
	bundled, ok := bundledFonts(e, *fonts)
	if !ok {
		return exitFailure
	}
	opt := word.Options{Fonts: word.FontsAuto}
	if bundled {
		opt.Fonts = word.FontsBundled
	}
	src, ok := loadSource(e, *db, rf, files, docxUsage)
	if !ok {
		return exitFailure
	}
	if *out == "" {
		*out = filepath.Join(src.dir, word.DefaultFileName(src.r))
	}
	if err := outfile.Guard(*out, src.inputs...); err != nil {
		e.fail("", err)
		return exitFailure
	}
	var cs []charts.Chart
	if *withCharts {
		var err error
		if cs, err = charts.Charts(src.r, src.history); err != nil {
			e.fail("", err)
			return exitFailure
		}
		if opt.Images, err = word.ChartImages(cs); err != nil {
			e.fail("", err)
			return exitFailure
		}
	}
	res, err := word.Write(src.r, opt)
	if err != nil {
		e.fail("无法生成 Word 文件", err)
		return exitFailure
	}
	if err := outfile.Write(*out, res.DOCX, e.stdout); err != nil {
		e.fail("", err)
		return exitFailure
	}
	// with -o - the document went to standard output: the report goes to standard error
	info := e.stdout
	if *out == outfile.Stdout {
		info = e.stderr
	}
	fmt.Fprintf(info, "已生成：%s\n", *out)
	for _, f := range res.FontsUsed {
		fmt.Fprintf(info, "  字体 %s\n", f)
	}
	if len(cs) > 0 {
		fmt.Fprintf(info, "  图解 %d 幅\n", len(cs))
	}
	if errs, _ := check.Counts(check.Run(src.r, src.prev)); errs > 0 {
		fmt.Fprintf(e.stderr, "注意：这份报告有 %d 个检查错误（表格数字不相符），Word 文件仍已生成。用 nianbao check 查看详情。\n", errs)
	}
	return exitOK
}
