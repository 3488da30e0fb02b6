package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"nianbao/data/outfile"
	"nianbao/data/printed"
	"nianbao/data/report"
)

const convertUsage = `用法：nianbao convert [-o 输出.nianbao.json] 文件

把收到的年报（Word 的 .docx、有文字层的 PDF、从网站保存的网页 .html/.htm）读成年报文件（.nianbao.json）。
.doc、.wps、.rtf、.mht 文件在电脑上装有 LibreOffice 时先由它转换为 .docx 再读取；没有时请在 Word 或 WPS 中“另存为” .docx。
表格按行、列的文字找到每个数字；找不到、找到两个不同的数、不是数字的格子，以及找不到的标题、年度、部分，
都列出所在位置，需要人工核对；未印数字（空白、“/”、“—”、“无”）的格子按 0 读取，也一并列出。
默认输出文件与输入文件同名（扩展名换为 .nianbao.json），放在输入文件旁边。
-o - 把年报文件写到标准输出（其余说明写到标准错误）。

退出状态：0 完整读出；1 已读出，但有需要人工核对之处（仍写出文件，存疑的数字按读到的或 0 填入）；2 无法读取。

选项：
  -o 文件  输出文件
`

func runConvert(e *env, args []string) int {
	fs := newFlagSet("convert")
	var out string
	e.outputVar(fs, &out, "o")
	files, code, done := parse(e, fs, args, convertUsage, nil)
	if done {
		return code
	}
	if len(files) != 1 {
		fmt.Fprint(e.stderr, "请给出一个要转换的文件\n\n"+convertUsage)
		return exitFailure
	}
	in := files[0]
	if out == "" {
		out = filepath.Join(filepath.Dir(in), outfile.FileName(strings.TrimSuffix(filepath.Base(in), filepath.Ext(in)), ".nianbao.json"))
	}
	if err := outfile.Guard(out, outfile.Inputs(in)...); err != nil {
		e.fail("", err)
		return exitFailure
	}
	rd := newReader()
	defer closeReader(e, rd)
	r, reading, err := readAny(rd, in)
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	data, err := report.Marshal(r)
	if err != nil {
		sayDoubts(e.stderr, in, reading, true)
		e.fail(in+"：读出的内容无法写成年报文件", printed.Explain(err))
		return exitFailure
	}
	if err := outfile.Write(out, data, e.data); err != nil {
		e.fail("无法写出年报文件", err)
		return exitFailure
	}
	sayDoubts(e.stdout, in, reading, true)
	if reading != nil && doubtful(reading) {
		fmt.Fprintf(e.stdout, "已写出：%s（%s %d 年）。有 %d 处需要人工核对，请对照原件改正后再使用\n", outputName(out), r.Agency, r.Year, len(reading.Doubts))
		return exitDoubts
	}
	fmt.Fprintf(e.stdout, "已写出：%s（%s %d 年），完整读出\n", outputName(out), r.Agency, r.Year)
	return exitOK
}
