package window

import (
	"nianbao/app/window/kit"
	"nianbao/data/check"
	"nianbao/data/report"
)

// setFormerName stores the 曾用名 the user gave in 基本信息, once the open
// report's pending edits are saved (the store finds the report by its name
// and year as saved), then compares it with the former name's previous year.
func (u *ui) setFormerName(name string) {
	id := u.id
	if id == sampleID {
		return // the example keeps nothing in the store
	}
	u.Flush(func() {
		if id != u.id {
			return
		}
		r := u.editor.Report()
		kit.BackgroundOrShow(u, "无法保存曾用名", func() error {
			return u.st.SetFormerName(r.Agency, r.Year, name)
		}, func() {
			u.reloadPrevious(r.Agency, r.Year)
			if name == "" {
				u.SetStatus("已清除曾用名")
			} else {
				u.SetStatus("已保存曾用名“" + name + "”，与其上一年度报告核对")
			}
		})
	})
}

// loadFormerName shows the stored 曾用名 of the report just opened.
func (u *ui) loadFormerName(id int64, r *report.Report) {
	var name string
	u.Background(func() (err error) {
		name, err = u.st.FormerName(r.Agency, r.Year)
		return err
	}, func(err error) {
		if err != nil {
			u.SetStatusError("无法读取曾用名：" + err.Error())
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
	u.Background(func() error {
		reports, err := u.st.SameYear(agency, year)
		others = check.NewSameYearIndex(reports)
		return err
	}, func(err error) {
		if err != nil {
			u.SetStatusError("无法读取同年度其他单位的年报：" + err.Error())
			return
		}
		if id == u.id {
			u.editor.SetSameYear(others)
			u.updateCounts() // the status line counts the W9 it may bring
		}
	})
}

// reloadPrevious gives the editor the previous year of a report whose agency
// or year was changed, so that R5 and R6 compare against the right report.
func (u *ui) reloadPrevious(agency string, year int) {
	id := u.id
	var prev *report.Report
	u.Background(func() (err error) {
		prev, err = u.st.Previous(agency, year)
		return err
	}, func(err error) {
		if err != nil || id != u.id {
			return
		}
		u.editor.SetPrevious(prev)
		u.updateCounts()
	})
}
