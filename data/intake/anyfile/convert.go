package anyfile

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

	"nianbao/data/intake"
	"nianbao/data/intake/docx"
	"nianbao/data/report"
)

// findOffice is the LibreOffice program on the PATH, or "".
func findOffice() string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// converted reads an old-format file (.doc, .wps, .rtf, .mht) through
// LibreOffice: converted to .docx in a temporary folder, with a profile of
// its own there (so that a LibreOffice the user has open does not take the
// job and return at once without a file), stopped with all it started when
// the time is up.
func (r *Reader) converted(ctx context.Context, path string, data []byte) (*report.Report, *intake.Reading, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if r.Office == "" {
		return nil, nil, fmt.Errorf("%s：%w：这是 %s 格式的文件，本程序不能直接读取，电脑上也没有找到 LibreOffice 来转换。请在 Word 或 WPS 中打开它，“另存为” .docx 格式后再读取", path, ErrOldFormat, strings.TrimPrefix(ext, "."))
	}
	tmp, err := os.MkdirTemp("", "nianbao-convert-")
	if err != nil {
		return nil, nil, fmt.Errorf("%s：无法建立转换用的临时文件夹：%w", path, err)
	}
	defer os.RemoveAll(tmp)
	// LibreOffice names its output after the input: a copy under a plain name
	// keeps names with spaces or odd characters out of its way.
	in := filepath.Join(tmp, "report"+ext)
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, nil, fmt.Errorf("%s：无法写入转换用的临时文件：%w", path, err)
	}
	ctx, cancel := context.WithTimeout(ctx, r.ConvertTime)
	defer cancel()
	profile := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(tmp, "profile"))}).String()
	cmd := exec.CommandContext(ctx, r.Office, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--nolockcheck", "--convert-to", "docx", "--outdir", filepath.Join(tmp, "out"), in)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	killTree(cmd)
	err = cmd.Run()
	if ctx.Err() != nil {
		return nil, nil, fmt.Errorf("%s：%w：LibreOffice 在 %d 秒内没有转换完，已停止。请在 Word 或 WPS 中“另存为” .docx 后再读取", path, ErrOldFormat, int(r.ConvertTime.Seconds()))
	}
	converted := filepath.Join(tmp, "out", "report.docx")
	if _, statErr := os.Stat(converted); err != nil || statErr != nil {
		return nil, nil, fmt.Errorf("%s：%w：LibreOffice 未能把它转换为 .docx（%s）。请在 Word 或 WPS 中“另存为” .docx 后再读取", path, ErrOldFormat, convertFailure(err, out.String()))
	}
	d, err := docx.ReadFile(converted)
	if err != nil {
		return nil, nil, fmt.Errorf("%s（经 LibreOffice 转换）：%w", path, errors.Unwrap(err))
	}
	rep, rd := intake.Match(d)
	rd.Source = strings.TrimPrefix(ext, ".") + " 文件（经 LibreOffice 转换）"
	return rep, rd, nil
}

// convertFailure says briefly why LibreOffice gave no file.
func convertFailure(err error, out string) string {
	if err != nil {
		return "LibreOffice 出错退出"
	}
	if s := strings.TrimSpace(out); s != "" && len(s) < 300 {
		return "LibreOffice 说：" + s
	}
	return "没有生成文件"
}
