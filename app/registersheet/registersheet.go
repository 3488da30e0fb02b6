// Package registersheet writes an agency's application register (依申请公开台账)
// as an .xlsx workbook for the file: one row per application with its
// deadline, state and outcome (the 条例 article beside it). It holds personal
// information (names, contacts, ID numbers) and says so in its title row; it
// is written only by an explicit register export, never by a published output.
//
// Its header words are the importer's (data/register/spreadsheet), so a
// register exported here imports back as it was.
package registersheet

import (
	"fmt"
	"io"
	"time"

	"nianbao/app/workbook"
	"nianbao/data/register"
	"nianbao/data/workdays"
)

// SheetName is the worksheet's name.
const SheetName = "台账"

// Notice is the warning of the title row.
const Notice = "（含申请人姓名、联系方式、证件号码等个人信息，仅供内部存档，不得公开）"

type column struct {
	head  string
	width float64
	value func(a *register.Application, c register.Clock, st register.State) any
}

func date(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func columns() []column {
	return []column{
		{"登记编号", 12, func(a *register.Application, _ register.Clock, _ register.State) any { return a.Number }},
		{"收到申请日期", 12, func(a *register.Application, _ register.Clock, _ register.State) any { return date(a.Received) }},
		{"申请方式", 9, func(a *register.Application, _ register.Clock, _ register.State) any { return string(a.Channel) }},
		{"申请人", 16, func(a *register.Application, _ register.Clock, _ register.State) any { return a.Applicant }},
		{"申请人类型", 12, func(a *register.Application, _ register.Clock, _ register.State) any {
			if a.Type.Valid() {
				return a.Type.String()
			}
			return nil
		}},
		{"联系方式", 16, func(a *register.Application, _ register.Clock, _ register.State) any { return a.Contact }},
		{"证件号码", 20, func(a *register.Application, _ register.Clock, _ register.State) any { return a.IDNumber }},
		{"申请内容", 30, func(a *register.Application, _ register.Clock, _ register.State) any { return a.Summary }},
		{"承办科室", 12, func(a *register.Application, _ register.Clock, _ register.State) any { return a.Office }},
		{"经办人", 9, func(a *register.Application, _ register.Clock, _ register.State) any { return a.Clerk }},
		{"补正告知日期", 12, func(a *register.Application, _ register.Clock, _ register.State) any {
			if n := len(a.Corrections); n > 0 {
				return date(a.Corrections[n-1].Asked)
			}
			return nil
		}},
		{"补正收到日期", 12, func(a *register.Application, _ register.Clock, _ register.State) any {
			if n := len(a.Corrections); n > 0 {
				return date(a.Corrections[n-1].Received)
			}
			return nil
		}},
		{"补正期限", 12, func(a *register.Application, _ register.Clock, _ register.State) any {
			if n := len(a.Corrections); n > 0 {
				return date(a.Corrections[n-1].Until)
			}
			return nil
		}},
		{"征求意见日期", 12, func(a *register.Application, _ register.Clock, _ register.State) any {
			if n := len(a.Consultations); n > 0 {
				return date(a.Consultations[n-1].Sent)
			}
			return nil
		}},
		{"意见回复日期", 12, func(a *register.Application, _ register.Clock, _ register.State) any {
			if n := len(a.Consultations); n > 0 {
				return date(a.Consultations[n-1].Replied)
			}
			return nil
		}},
		{"延期工作日数", 8, func(a *register.Application, _ register.Clock, _ register.State) any {
			if a.Extension != nil {
				return a.Extension.Days
			}
			return nil
		}},
		{"收费金额", 10, func(a *register.Application, _ register.Clock, _ register.State) any {
			if a.Fee != nil {
				return a.Fee.Amount
			}
			return nil
		}},
		{"收费通知日期", 12, func(a *register.Application, _ register.Clock, _ register.State) any {
			if a.Fee != nil {
				return date(a.Fee.Notified)
			}
			return nil
		}},
		{"缴费日期", 12, func(a *register.Application, _ register.Clock, _ register.State) any {
			if a.Fee != nil {
				return date(a.Fee.Paid)
			}
			return nil
		}},
		{"状态", 10, func(_ *register.Application, _ register.Clock, st register.State) any { return string(st) }},
		{"答复期限", 12, func(_ *register.Application, c register.Clock, _ register.State) any {
			if c.Due.IsZero() {
				return nil
			}
			if c.Provisional {
				return c.Due.Format(time.DateOnly) + "（待定）"
			}
			return c.Due
		}},
		{"答复日期", 12, func(a *register.Application, _ register.Clock, _ register.State) any { return date(a.Answered) }},
		{"办理结果", 30, func(a *register.Application, _ register.Clock, _ register.State) any {
			if a.Outcome.Valid() {
				return a.Outcome.Label()
			}
			return nil
		}},
		{"条例依据", 24, func(a *register.Application, _ register.Clock, _ register.State) any { return a.Outcome.Article() }},
		{"答复文号", 16, func(a *register.Application, _ register.Clock, _ register.State) any { return a.DocNumber }},
		{"送达方式", 10, func(a *register.Application, _ register.Clock, _ register.State) any { return a.Delivery }},
		{"与之重复的申请", 12, func(a *register.Application, _ register.Clock, _ register.State) any { return a.DuplicateOf }},
		{"合并处理的申请", 12, func(a *register.Application, _ register.Clock, _ register.State) any { return a.MergedWith }},
		{"备注", 20, func(a *register.Application, _ register.Clock, _ register.State) any { return note(a) }},
	}
}

// ErasedNote is the note of an application whose personal information was erased.
const ErasedNote = "个人信息已清除"

// note is the register's note, saying when the personal information was erased.
func note(a *register.Application) string {
	if !a.Erased {
		return a.Note
	}
	if a.Note == "" {
		return ErasedNote
	}
	return a.Note + "；" + ErasedNote
}

// Write writes the agency's applications as a workbook to w; states are as
// of today.
func Write(w io.Writer, agency string, apps []register.Application, cal *workdays.Calendar, today time.Time) error {
	f := workbook.New(defaultFont, SheetName)
	sh := f.Sheet(SheetName)
	cols := columns()
	// dates as date serials shown 2025-03-05, which the importer reads back
	dateStyle := f.AddStyle(workbook.Style{NumFmt: 14, NumFmtCode: "yyyy-mm-dd"})
	headStyle := f.AddStyle(workbook.Style{Bold: true, HAlign: "center", Wrap: true})
	for i, c := range cols {
		if err := sh.SetColWidth(i+1, i+1, c.width); err != nil {
			return fmt.Errorf("无法设置台账第 %d 列的宽度：%w", i+1, err)
		}
	}
	if err := sh.SetPanes(workbook.Pane{YSplit: 2, TopLeft: "A3", Active: "bottomLeft"}); err != nil {
		return fmt.Errorf("无法冻结台账的表头：%w", err)
	}
	if err := sh.SetRow("A1", []workbook.Cell{{Value: agency + "政府信息公开申请登记台账" + Notice}}); err != nil {
		return fmt.Errorf("写台账标题行失败：%w", err)
	}
	heads := make([]workbook.Cell, len(cols))
	for i, c := range cols {
		heads[i] = workbook.Cell{Style: headStyle, Value: c.head}
	}
	if err := sh.SetRow("A2", heads); err != nil {
		return fmt.Errorf("写台账表头失败：%w", err)
	}
	for r := range apps {
		a := &apps[r]
		clock, st := a.Clock(cal), a.State(cal, today)
		row := make([]workbook.Cell, len(cols))
		for i, c := range cols {
			v := c.value(a, clock, st)
			row[i] = workbook.Cell{Value: v}
			if _, ok := v.(time.Time); ok {
				row[i].Style = dateStyle
			}
		}
		if err := sh.SetRow(workbook.CellName(1, r+3), row); err != nil {
			return fmt.Errorf("写台账第 %d 行失败：%w", r+3, err)
		}
	}
	return f.Write(w)
}

// defaultFont is the workbook's font, as Excel's own new workbook has it.
const defaultFont = "Calibri"
