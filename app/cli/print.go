package cli

import (
	"fmt"
	"path/filepath"

	"nianbao/app/job"
	"nianbao/data/check"
	"nianbao/data/outfile"
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
