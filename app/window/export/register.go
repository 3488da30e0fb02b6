package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"nianbao/app/registersheet"
	"nianbao/app/window/kit"
	"nianbao/data/outfile"
	"nianbao/data/register"
	"nianbao/data/workdays"
)

// RegisterWarning is what the window says before a register goes out: it
// holds personal information, and only this explicit export writes it.
const RegisterWarning = "导出的台账表格含申请人姓名、联系方式、证件号码等个人信息，仅供内部存档，不得公开或随年报发布。" +
	"年报的 PDF、Word、网页和汇总表格都不含这些信息。"

// RegisterName is the default name of an agency's register workbook.
func RegisterName(agency string, today time.Time) string {
	return outfile.FileName(fmt.Sprintf("%s依申请公开台账（%s导出，含个人信息）", agency, today.Format("2006年1月2日")), ".xlsx")
}

// ExportRegister writes the agency's register apps as an .xlsx workbook into
// a folder the user chooses, after saying that it holds personal
// information; an existing file is replaced only after asking.
func (p *Path) ExportRegister(agency string, apps []register.Application, cal *workdays.Calendar, today time.Time) {
	const action = "导出台账"
	msg := fmt.Sprintf("%s\n\n导出“%s”的台账 %d 件吗？", RegisterWarning, agency, len(apps))
	kit.Confirm(p.u.Window(), action, msg, "导出", func() {
		p.chooseFolder("", "", func(dir string) {
			path := filepath.Join(dir, RegisterName(agency, today))
			if _, err := os.Stat(path); err == nil {
				kit.Confirm(p.u.Window(), action, fmt.Sprintf("“%s”已存在，替换它吗？", path), "替换", func() {
					p.RegisterTo(agency, apps, cal, today, path)
				})
				return
			}
			p.RegisterTo(agency, apps, cal, today, path)
		})
	})
}

// RegisterTo writes the agency's register at dest through the one writer.
func (p *Path) RegisterTo(agency string, apps []register.Application, cal *workdays.Calendar, today time.Time, dest string) {
	out := &output{what: "台账表格", ext: ".xlsx", name: RegisterName(agency, today), note: "（含个人信息，不得公开）",
		fill: func(w io.Writer) error { return registersheet.Write(w, agency, apps, cal, today) }}
	p.write(out, dest)
}
