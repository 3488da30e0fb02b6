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
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// MaxFileSize is the largest report file read; a real one is a few tens of KB.
const MaxFileSize = 10 << 20

// maxDepth bounds the nesting of a file; the format itself nests three deep.
const maxDepth = 32

// FileError is a problem with the content of a report file (or with a report
// about to be written): Path is the JSON path it concerns, such as
// applications.new[3] or overview[2].heading, "" for the file as a whole, and
// Msg says in Chinese what was expected and what was found.
type FileError struct {
	Path string
	Msg  string
}

func (e *FileError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + "：" + e.Msg
}

// ReadFile reads and parses the report file at path. Errors begin with the
// file name; content errors wrap a *FileError.
func ReadFile(path string) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s：无法读取：%s", path, osMessage(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return nil, fmt.Errorf("%s：这是文件夹，不是年报文件", path)
		}
		if info.Size() > MaxFileSize {
			return nil, fmt.Errorf("%s：%w", path, errTooLarge())
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s：无法读取：%s", path, osMessage(err))
	}
	r, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", path, err)
	}
	return r, nil
}

// WriteFile writes r to path in the canonical form. It writes a temporary file
// beside path and renames it over path, so that a crash or a full disk never
// leaves a half-written report in place of a good one.
func WriteFile(path string, r *Report) (err error) {
	data, err := Marshal(r)
	if err != nil {
		return fmt.Errorf("%s：%w", path, err)
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		if info.IsDir() {
			return fmt.Errorf("%s：这是文件夹，不能写入年报", path)
		}
		mode = info.Mode().Perm()
	}
	fail := func(err error) error { return fmt.Errorf("%s：无法写入：%s", path, osMessage(err)) }
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fail(err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	return nil
}

// osMessage says in Chinese what went wrong with a file operation.
func osMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件或文件夹不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	}
	return err.Error()
}

func errTooLarge() error {
	return &FileError{Msg: fmt.Sprintf("文件超过 %d MB 的上限，不是年报文件", MaxFileSize>>20)}
}

// Parse reads a report file strictly: anything the format does not allow is an
// error (a *FileError) naming the JSON path. Missing optional keys read as
// empty or zero, a missing or empty "fees" as "0". A leading UTF-8 byte order
// mark, which some Windows editors add, is skipped.
func Parse(data []byte) (*Report, error) {
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
	root, err := p.value("", 1)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(data) {
		return nil, p.syntax("", "JSON 对象结束后应为文件结尾，实为%s", p.found())
	}
	r, err := decodeReport(root)
	if err != nil {
		return nil, err
	}
	if err := Validate(r); err != nil {
		return nil, err
	}
	return r, nil
}
