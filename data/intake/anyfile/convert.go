package anyfile

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"nianbao/data/intake"
	"nianbao/data/intake/docx"
	"nianbao/data/office"
	"nianbao/data/report"
)

// converted reads an old-format file (.doc, .wps, .rtf, .mht) through
// LibreOffice (see package office), converted to .docx.
func (r *Reader) converted(ctx context.Context, path string, data []byte) (*report.Report, *intake.Reading, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if r.Office == "" {
		return nil, nil, fmt.Errorf("%s：%w：这是 %s 格式的文件，本程序不能直接读取，电脑上也没有找到 LibreOffice 来转换。请在 Word 或 WPS 中打开它，“另存为” .docx 格式后再读取", path, ErrOldFormat, strings.TrimPrefix(ext, "."))
	}
	out, err := office.Converter{Program: r.Office, Time: r.ConvertTime}.Convert(ctx, data, ext, "docx", Document)
	if errors.Is(err, office.ErrTimeout) {
		return nil, nil, fmt.Errorf("%s：%w：LibreOffice 在 %d 秒内没有转换完，已停止。请在 Word 或 WPS 中“另存为” .docx 后再读取", path, ErrOldFormat, int(r.ConvertTime.Seconds()))
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s：%w：%s。请在 Word 或 WPS 中“另存为” .docx 后再读取", path, ErrOldFormat, strings.TrimSuffix(err.Error(), "。"))
	}
	d, err := docx.Read(out)
	if err != nil {
		return nil, nil, fmt.Errorf("%s（经 LibreOffice 转换）：%w", path, err)
	}
	rep, rd := intake.Match(d)
	rd.Source = strings.TrimPrefix(ext, ".") + " 文件（经 LibreOffice 转换）"
	return rep, rd, nil
}
