package cli

import (
	"fmt"
	"path/filepath"

	"nianbao/app/job"
	"nianbao/data/check"
	"nianbao/data/outfile"
)

// The words every print-like command's usage shares, written once.
const (
	// receivedFiles says which files a print-like command reads, and what it
	// does with one a person must look at.
	receivedFiles = `文件可以是年报文件（*.nianbao.json），也可以是收到的 Word 文件（.docx）、有文字层的 PDF、从网站保存的网页（.html/.htm），
以及经 LibreOffice 转换的 .doc、.wps、.rtf、.mht（见 nianbao convert）。
文件有需要人工核对之处时不生成，列出这些地方，退出状态为 1（加 --accept-doubtful 时照常生成）。
`
	// embeddedFontOptions are the options of a format that embeds its fonts
	// (PDF, OFD).
	embeddedFontOptions = `  --fonts auto     电脑上装有仿宋、黑体、楷体、小标宋等公文字体时使用它们（默认）
  --fonts bundled  只用程序自带的字体（思源宋体、思源黑体、文鼎楷体）
  --charts         在报告后另页附上图解（从数据库生成且有往年年报时，另附历年趋势）
  -o 文件          输出文件
`
	// printOptions ends every print-like command's options.
	printOptions = `  --accept-doubtful  文件是有存疑之处的 Word、PDF、网页时，仍按读到的数字生成（存疑之处列在标准错误中）
` + dbOption + `  --agency   机关名称（从数据库生成时）
  --year     报告年度（从数据库生成时）
`
)

// printFormat is an output format of the print-like commands (pdf, docx,
// html): what printCommand needs beyond the report, and the format's writer.
type printFormat struct {
	ext string // of the default output name; "" for a folder (the web page)
	// options: the command takes --fonts and --charts; without them the
	// output has its 图解 always, and the fonts of the machine.
	options bool
	// notStdout, when not "", is why the output cannot go to standard
	// output (-o -), said before anything is read.
	notStdout string
	// checked names the output when the report printed has check errors
	// ("PDF仍已生成"); "" says nothing of them.
	checked string
	// write makes in with the format's writer, writes it at out (guarded
	// already; a folder's writer guards each file in it against protected)
	// and says what it made. false: it failed, and said so.
	write func(e *env, in *job.Input, out string, protected []outfile.Protected) bool
}

// printCommand is a print-like command of the command table: one start for
// every format. It reads the options and the report (a file, or a stored
// report with the earlier years its 图解 show), makes the output's name and
// refuses an output over an input or the database, builds the writers' one
// input value (job.Input), and hands it to the format's writer.
func printCommand(name, brief, usage string, f printFormat) command {
	return command{name, brief, usage, func(e *env, args []string) int { return runPrint(e, name, usage, f, args) }}
}

func runPrint(e *env, name, usage string, f printFormat, args []string) int {
	fs := newFlagSet(name)
	db := fs.String("db", "", "")
	rf := addReportFlags(fs.String, fs.Int)
	out := new(string)
	e.outputVar(fs, out, "o")
	fonts, withCharts := new("auto"), new(true)
	if f.options {
		fonts = fs.String("fonts", "auto", "")
		withCharts = fs.Bool("charts", false, "")
	}
	accept := fs.Bool("accept-doubtful", false, "")
	files, code, done := parse(e, fs, args, usage, nil)
	if done {
		return code
	}
	if f.notStdout != "" && e.isStdout(*out) {
		fmt.Fprintln(e.stderr, f.notStdout)
		return exitFailure
	}
	choice, ok := fontChoice(e, *fonts)
	if !ok {
		return exitFailure
	}
	src, code := loadSource(e, *db, rf, files, usage, *withCharts, *accept)
	if code != exitOK {
		return code
	}
	in := job.New(src.r)
	in.History, in.Fonts, in.Charts = src.history, choice, *withCharts
	if *out == "" {
		*out = filepath.Join(src.dir, in.FileName(f.ext))
	}
	if err := outfile.Guard(*out, src.inputs...); err != nil {
		e.fail("", err)
		return exitFailure
	}
	if !f.write(e, in, *out, src.inputs) {
		return exitFailure
	}
	if f.checked != "" {
		if errs, _ := check.Counts(check.Run(src.r, src.prev)); errs > 0 {
			fmt.Fprintf(e.stderr, "注意：这份报告有 %d 个检查错误（表格数字不相符），%s仍已生成。用 nianbao check 查看详情。\n", errs, f.checked)
		}
	}
	return exitOK
}

// fontChoice reads --fonts: auto or bundled.
func fontChoice(e *env, value string) (job.FontChoice, bool) {
	switch value {
	case "auto":
		return job.FontsAuto, true
	case "bundled":
		return job.FontsBundled, true
	}
	fmt.Fprintf(e.stderr, "选项 --fonts 的值应为 auto 或 bundled，实为 %s\n", value)
	return job.FontsAuto, false
}
