package window

import (
	"nianbao/data/check"
	"nianbao/data/report"
)

// setFormerName stores the 曾用名 the user gave in 基本信息, once the open
// report's pending edits are saved (the store finds the report by its name
// and year as saved), then compares it with the former name's previous year.
func (u *ui) setFormerName(name string) {
	id := u.id
	u.flush(func() {
		if id != u.id {
			return
		}
		r := u.editor.Report()
		u.backgroundOrShow("无法保存曾用名", func() error {
			return u.st.SetFormerName(r.Agency, r.Year, name)
		}, func() {
			u.reloadPrevious(r.Agency, r.Year)
			if name == "" {
				u.setStatus("已清除曾用名")
			} else {
				u.setStatus("已保存曾用名“" + name + "”，与其上一年度报告核对")
			}
		})
	})
}

// loadFormerName shows the stored 曾用名 of the report just opened.
func (u *ui) loadFormerName(id int64, r *report.Report) {
	var name string
	u.background(func() (err error) {
		name, err = u.st.FormerName(r.Agency, r.Year)
		return err
	}, func(err error) {
		if err != nil {
			u.setStatusError("无法读取曾用名：" + err.Error())
			return
		}
		if id == u.id && name != "" {
			u.editor.SetFormerName(name)
		}
	})
}

// loadSameYear gives the editor the other units' reports of the open report's
// year, for the copied-text check (W9) against them.
func (u *ui) loadSameYear(id int64, agency string, year int) {
	var others *check.SameYearIndex
	u.background(func() error {
		reports, err := u.st.SameYear(agency, year)
		others = check.NewSameYearIndex(reports)
		return err
	}, func(err error) {
		if err != nil {
			u.setStatusError("无法读取同年度其他单位的年报：" + err.Error())
			return
		}
		if id == u.id {
			u.editor.SetSameYear(others)
		}
	})
}
