// Package office converts files of the old office formats (.doc, .wps, .rtf,
// .mht, .xls, .et) into the formats the program reads (.docx, .xlsx) through
// an installed LibreOffice, headless and within a time limit. It is the one
// place the program starts another program to read a file.
package office

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"nianbao/data/infile"
)

// Time is the usual bound on one conversion: LibreOffice's first start on a
// slow PC takes tens of seconds.
const Time = 90 * time.Second

// ErrTimeout is the cause of a conversion stopped at its time limit.
var ErrTimeout = errors.New("LibreOffice 没有在限定时间内转换完，已停止")

// Find is the LibreOffice program on the PATH, or "" when there is none.
func Find() string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Converter runs one LibreOffice program.
type Converter struct {
	Program string        // the LibreOffice program (Find)
	Time    time.Duration // the bound on one conversion (Time when 0)
}

// Convert converts data, a file of the format ext (".doc", ".xls", …), into
// the format to ("docx", "xlsx") and returns the converted file, read as the
// program reads a file of kind (its size limit). It works in a temporary
// folder of its own, with a LibreOffice profile there (so that a LibreOffice
// the user has open does not take the job and return at once without a
// file), and stops LibreOffice with all it started when the time is up.
func (c Converter) Convert(ctx context.Context, data []byte, ext, to string, kind infile.Kind) ([]byte, error) {
	if c.Program == "" {
		return nil, errors.New("没有找到 LibreOffice")
	}
	limit := c.Time
	if limit <= 0 {
		limit = Time
	}
	tmp, err := os.MkdirTemp("", "nianbao-convert-")
	if err != nil {
		return nil, fmt.Errorf("无法建立转换用的临时文件夹：%w", err)
	}
	defer os.RemoveAll(tmp)
	// LibreOffice names its output after the input: a copy under a plain name
	// keeps names with spaces or odd characters out of its way.
	in := filepath.Join(tmp, "input"+strings.ToLower(ext))
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, fmt.Errorf("无法写入转换用的临时文件：%w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	profile := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(tmp, "profile"))}).String()
	cmd := exec.CommandContext(ctx, c.Program, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--nolockcheck", "--convert-to", to, "--outdir", filepath.Join(tmp, "out"), in)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	killTree(cmd)
	err = cmd.Run()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%w（%d 秒）", ErrTimeout, int(limit.Seconds()))
	}
	converted := filepath.Join(tmp, "out", "input."+to)
	if _, statErr := os.Stat(converted); err != nil || statErr != nil {
		return nil, fmt.Errorf("LibreOffice 未能把它转换为 .%s（%s）", to, failure(err, out.String()))
	}
	return infile.ReadFile(converted, kind)
}

// failure says briefly why LibreOffice gave no file.
func failure(err error, out string) string {
	if err != nil {
		return "LibreOffice 出错退出"
	}
	if s := strings.TrimSpace(out); s != "" && len(s) < 300 {
		return "LibreOffice 说：" + s
	}
	return "没有生成文件"
}
