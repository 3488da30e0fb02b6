package report

// The file format, *.nianbao.json: a strict reader and a canonical writer.
//
// The reader is a small JSON parser of its own rather than encoding/json, so
// that every complaint names the JSON path it concerns and says in Chinese what
// was expected and what was found, duplicate keys are caught, nesting is
// bounded and no input can make it panic. Whole numbers only: a figure written
// as 1.0, 1e3 or "5" is refused, not rounded or converted.

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"nianbao/data/infile"
	"nianbao/data/outfile"
	"nianbao/data/syserr"
)

// MaxFileSize is the largest report file read; a real one is a few tens of KB.
const MaxFileSize = infile.ReportLimit

// maxDepth bounds the nesting of a file; the format itself nests three deep.
const maxDepth = 32

// FileError is a problem with the content of a report file (or with a report
// about to be written): Path is the JSON path it concerns, such as
// applications.new[3] or overview[2].heading, "" for the file as a whole, and
// Msg says in Chinese what was expected and what was found. Where is the
// place in the report's printed words ("三、收到和处理政府信息公开申请情况 ·
// 一、本年新收政府信息公开申请数量 · 自然人"), which data/printed, the one
// keeper of the labels, fills in (printed.Explain) before a user sees it.
type FileError struct {
	Path  string
	Msg   string
	Where string
}

func (e *FileError) Error() string {
	switch {
	case e.Where != "":
		return e.Where + "：" + e.Msg
	case e.Path == "":
		return e.Msg
	}
	return e.Path + "：" + e.Msg
}

// ReadFile reads and parses the report file at path. Errors begin with the
// file name; content errors wrap a *FileError. Only a regular file is read: a
// pipe, a device or a folder is refused at once, without waiting on it.
func ReadFile(path string) (*Report, error) {
	f, err := infile.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s：无法读取：%s", path, syserr.Describe(err))
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s：%w", path, errTooLarge())
	}
	// Read into a buffer of the file's size (one more byte tells a file that
	// grew meanwhile), not one that doubles as it fills.
	data := make([]byte, 0, info.Size()+1)
	for len(data) <= MaxFileSize {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s：无法读取：%s", path, syserr.Describe(err))
		}
	}
	r, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", path, err)
	}
	return r, nil
}

// WriteFile writes r to path in the canonical form, through outfile.Write:
// atomically over a regular file, straight into a device or pipe, "-" to
// standard output. It is the tests' helper (data/combine, app/cli, the 汇总
// view): the program writes report files through its output paths, which
// guard the inputs and the database first.
func WriteFile(path string, r *Report) error {
	data, err := Marshal(r)
	if err != nil {
		return fmt.Errorf("%s：%w", path, err)
	}
	return outfile.Write(path, data, nil)
}

// checkAll checks the syntax of the whole file from the current position.
func (p *parser) checkAll() error {
	if err := p.check("", 1); err != nil {
		return err
	}
	p.skipSpace()
	if p.pos < len(p.data) {
		return p.syntax("", "JSON 对象结束后应为文件结尾，实为%s", p.found())
	}
	return nil
}

func errTooLarge() error {
	return &FileError{Msg: fmt.Sprintf("文件超过 %d MB 的上限，不是年报文件", MaxFileSize>>20)}
}

// Parse reads a report file strictly: anything the format does not allow is an
// error (a *FileError) naming the JSON path. Missing optional keys read as
// empty or zero, a missing or empty "fees" as "0". A leading UTF-8 byte order
// mark, which some Windows editors add, is skipped.
func Parse(data []byte) (*Report, error) { return parse(data, true) }

// ParseStored is Parse for what the program itself stored earlier (the
// database): it does not apply the text rules of TextProblem, which older
// versions did not have, so that no saved report becomes unreadable. Saving
// it again applies them (Validate), and the window shows what to correct.
func ParseStored(data []byte) (*Report, error) { return parse(data, false) }

func parse(data []byte, strictText bool) (*Report, error) {
	if len(data) > MaxFileSize {
		return nil, errTooLarge()
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		n := 0
		for n < len(data) {
			r, size := utf8.DecodeRune(data[n:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			n += size
		}
		line, col := position(data, n)
		return nil, &FileError{Msg: fmt.Sprintf("文件不是有效的 UTF-8 文本（第 %d 行第 %d 列），请以 UTF-8 编码保存", line, col)}
	}
	p := &parser{data: data}
	p.skipSpace()
	if p.pos == len(data) {
		return nil, &FileError{Msg: "文件是空的"}
	}
	start := p.pos
	if err := p.checkAll(); err != nil {
		// Again, to name the path of the error.
		return nil, (&parser{data: data, pos: start, paths: true}).checkAll()
	}
	p.pos = start
	r, err := p.decodeReport()
	if err != nil {
		return nil, err
	}
	if err := validate(r, strictText); err != nil {
		return nil, err
	}
	return r, nil
}
