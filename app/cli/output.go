package cli

import (
	"bytes"
	"io"

	"nianbao/data/outfile"
	"nianbao/data/report"
)

// statusFor is where a command that writes out says what it did: standard
// error when the output itself goes to standard output, so that
// `nianbao pdf -o - | pdftotext - -` reads nothing but the PDF.
func (e *env) statusFor(out string) io.Writer {
	if toStdout(out) {
		return e.stderr
	}
	return e.stdout
}

// toStdout reports whether out names standard output.
func toStdout(out string) bool { return outfile.IsStdout(out) }

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
	a, errA := report.Marshal(old)
	b, errB := report.Marshal(r)
	if errA == nil && errB == nil && bytes.Equal(a, b) {
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
