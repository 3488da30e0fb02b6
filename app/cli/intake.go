package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"nianbao/data/intake"
	"nianbao/data/intake/anyfile"
	"nianbao/data/intake/pdf"
	"nianbao/data/report"
)

// exitDoubts: the file was read, but cells or parts need a person (convert,
// check, and the commands that refuse such a file without --accept-doubtful).
const exitDoubts = 1

// newReader is a command's one reader of report files; the caller closes it.
// Its PDF reader starts with the first PDF and keeps compiled PDFium in the
// user's cache folder.
func newReader() *anyfile.Reader { return anyfile.New(pdf.DefaultCacheDir()) }

// closeReader closes rd, saying a failure (which loses nothing).
func closeReader(e *env, rd *anyfile.Reader) {
	if err := rd.Close(); err != nil {
		fmt.Fprintf(e.stderr, "注意：关闭 PDF 读取组件时出错：%v\n", err)
	}
}

// readAny reads the report in any file a command takes: *.nianbao.json,
// .docx, .pdf, .html and, through LibreOffice, older formats. The reading is
// nil for a report file.
func readAny(rd *anyfile.Reader, path string) (*report.Report, *intake.Reading, error) {
	return rd.Read(context.Background(), path)
}

// sayDoubts lists, on w, what in the file needs a person: the doubts, each
// with its place; with zeros, also the figures read as 0 because the file
// prints none. It says nothing for a report file (rd nil).
func sayDoubts(w io.Writer, path string, rd *intake.Reading, zeros bool) {
	if rd == nil {
		return
	}
	if len(rd.Doubts) > 0 {
		fmt.Fprintf(w, "%s（%s）有 %d 处需要人工核对：\n", path, rd.Source, len(rd.Doubts))
		for _, d := range rd.Doubts {
			fmt.Fprintf(w, "  %s\n", d)
		}
	}
	if zeros && len(rd.Zeros) > 0 {
		fmt.Fprintf(w, "%s 中有 %d 个数字未印出（空白、“/”、“—”、“无”或没有这一行），按 0 读取：\n", path, len(rd.Zeros))
		for _, z := range rd.Zeros {
			fmt.Fprintf(w, "  %s\n", z)
		}
	}
}

// doubtsError is why a file with doubts is not taken: its doubts, in one message.
func doubtsError(path string, rd *intake.Reading) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s：有 %d 处需要人工核对，未采用（核对后改正，或加 --accept-doubtful 按读到的数字采用）：", path, len(rd.Doubts))
	for i, d := range rd.Doubts {
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(d.String())
	}
	return errors.New(b.String())
}

// doubtful tells whether a reading leaves something for a person.
func doubtful(rd *intake.Reading) bool { return rd != nil && !rd.Complete() }

// refuseDoubtful says on stderr that the file is not used because of its
// doubts, and how to use it all the same.
func refuseDoubtful(e *env, path string, rd *intake.Reading, what string) {
	sayDoubts(e.stderr, path, rd, false)
	fmt.Fprintf(e.stderr, "%s 有存疑之处，%s。请核对原件后改正（可先用 nianbao convert 转换为年报文件再修改），或加 --accept-doubtful 按读到的数字采用\n", path, what)
}

// invalidTexts are the texts the editor shows, red, in the cells of the
// doubtful figures of rd, by the editor's key of the cell (part|row|column):
// what the file prints there, marked so that it is never taken for a figure
// until a person confirms it. Doubts of the text (title, parts) have no cell.
func invalidTexts(rd *intake.Reading) map[string]string {
	if !doubtful(rd) {
		return nil
	}
	printedText := map[[3]string]string{}
	for _, f := range rd.Figures {
		printedText[[3]string{f.Field.Part, f.Field.Row, f.Field.Column}] = f.Printed
	}
	var out map[string]string
	for _, d := range rd.Doubts {
		if d.Field == nil {
			continue
		}
		k := [3]string{d.Field.Part, d.Field.Row, d.Field.Column}
		text := "待核对"
		if p := strings.TrimSpace(printedText[k]); p != "" {
			text = "待核对：" + p
		}
		if out == nil {
			out = map[string]string{}
		}
		out[strings.Join(k[:], "|")] = text
	}
	return out
}
