package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"nianbao/data/outfile"
	"nianbao/data/report"
)

// outputVar defines the option name (-o, --xlsx) whose value p is a file the
// command writes. It is the one place that decides where the command's words
// go: the moment the option names standard output ("-", /dev/stdout, or the
// device or pipe standard output is), every other word the command prints
// goes to standard error, so that `nianbao pdf -o - | pdftotext - -` reads
// nothing but the PDF.
func (e *env) outputVar(fs *flag.FlagSet, p *string, name string) {
	fs.Var(&outputFlag{e: e, p: p, name: name}, name, "")
}

// outputFlag is an output option's value: see outputVar.
type outputFlag struct {
	e    *env
	p    *string
	name string
}

func (f *outputFlag) String() string {
	if f.p == nil {
		return ""
	}
	return *f.p
}

func (f *outputFlag) Set(v string) error {
	*f.p = v
	f.e.setOutput(f.name, v)
	return nil
}

// setOutput records that option name writes to path, and sends the words to
// standard error while any output is standard output.
func (e *env) setOutput(name, path string) {
	if e.toData == nil {
		e.toData = map[string]bool{}
	}
	e.toData[name] = e.isStdout(path)
	e.stdout = e.words
	for _, data := range e.toData {
		if data {
			e.stdout = e.stderr
		}
	}
}

// dataTwice says on stderr, and reports, when two options write to standard
// output: their bytes would be mixed.
func (e *env) dataTwice() bool {
	var names []string
	for name, data := range e.toData {
		if data {
			names = append(names, optionName(name))
		}
	}
	if len(names) < 2 {
		return false
	}
	sort.Slice(names, func(i, j int) bool { // -o before --xlsx
		return len(names[i]) < len(names[j]) || len(names[i]) == len(names[j]) && names[i] < names[j]
	})
	fmt.Fprintf(e.stderr, "%s 不能都写到标准输出：两个文件会混在一起\n", strings.Join(names, " 和 "))
	return true
}

// optionName is name as the usage writes it: -o, --xlsx.
func optionName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// isStdout reports whether path is standard output: one of its names, or
// the very device, pipe or socket standard output is (a terminal's
// /dev/pts/N, a named pipe the shell also redirected to).
func (e *env) isStdout(path string) bool {
	if outfile.IsStdout(path) {
		return true
	}
	f, ok := e.data.(*os.File)
	if !ok || path == "" {
		return false
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().IsRegular() {
		return false // a regular file is replaced, never written through
	}
	out, err := f.Stat()
	return err == nil && os.SameFile(fi, out)
}

// writeOutput writes a command's output to out (a file, or standard output)
// with fill, first refusing a path that is one of keep (the database's own
// files, the inputs); writeFail is what a failed write is said as. It says why
// when it fails.
func (e *env) writeOutput(out string, keep []outfile.Protected, writeFail string, fill func(io.Writer) error) bool {
	if err := outfile.Guard(out, keep...); err != nil {
		e.fail("", err)
		return false
	}
	if err := outfile.WriteFunc(out, e.data, fill); err != nil {
		e.fail(writeFail, err)
		return false
	}
	return true
}

// outputName names an output in a message.
func outputName(out string) string {
	if outfile.IsStdout(out) {
		return "标准输出"
	}
	return out
}

// importVerb says what importing r does to old, the stored report of the same
// agency and year (nil when there is none), and a note for the brackets.
func importVerb(old, r *report.Report) (verb, note string) {
	if old == nil {
		return "已导入", ""
	}
	if report.Same(old, r) {
		return "未改变", "内容与数据库中的相同，没有新增历史版本；"
	}
	return "已替换", "原内容已保存为历史版本；"
}

// batchVerb is importVerb for a report whose agency and year an earlier file
// of the same import (from) had: it replaces that one, not the database's.
func batchVerb(prev, r *report.Report, from string) (verb, note string) {
	verb, _ = importVerb(prev, r)
	if verb == "未改变" {
		return verb, "与本次导入的 " + from + " 内容相同，没有再次导入；"
	}
	return verb, "本次导入的 " + from + " 的内容已保存为历史版本；"
}
