package register

import (
	"fmt"
	"slices"
	"time"

	"nianbao/data/printed"
	"nianbao/data/report"
	"nianbao/data/workdays"
)

// CountingRules are the program's rules for part 三 from the register, as it
// states them beside the figures (register-reference.md §4.3: no national
// text says how to count, so these are the program's, not the law's).
var CountingRules = []string{
	"每件登记的申请计1件（不计人次）；一件申请含多项内容的，按整体答复计入一个结果。",
	"一、本年新收：收到申请日期（第三十一条确定的日期）在本年度内的申请。",
	"二、上年结转：本年度之前收到、上年12月31日尚未办结的申请；台账从本年开始、没有之前的申请时，取上年年报的“四、结转下年度继续办理”。",
	"三、本年度办理结果：办结日期在本年度内的申请，按其办理结果计入21个结果之一；区分处理的只计（二）部分公开。",
	"四、结转下年度继续办理：本年12月31日前收到、当日尚未办结的申请（含补正期限、缴费期限尚未届满的）。",
	"信访、投诉、举报类申请也计入一、新收，结果计入（五）1。",
	"重复申请单独计1件，计入（五）2；合并处理的每件申请各计1件。",
	"申请人类型按申请以谁的名义提出确定：律师以自己名义为当事人申请的，计入自然人；律师事务所以其名义申请的，计入法律服务机构。",
	"申请人类型未分类、已办结但未确定结果的申请不计入任何一格，逐件列出，须由经办人确定。",
}

// Cell is a cell of part 三: a row (report.Row…) and an applicant column.
type Cell struct{ Row, Col int }

// Where names the cell in the report's printed words.
func (c Cell) Where() string {
	return fmt.Sprintf("三、%s“%s”列", rowName(c.Row), printed.AppColumnLabels[c.Col])
}

func rowName(row int) string {
	i := printed.AppRowInfos[row]
	if i.B == "" {
		return i.A
	}
	return i.B + i.C
}

// Filled is part 三 of a year as the register gives it.
type Filled struct {
	Year  int
	Table report.Applications
	// Apps lists, per cell, the numbers of the applications counted in it.
	Apps map[Cell][]string
	// Uncounted lists the applications of the year that could not be put in a
	// cell, each with the reason (unclassified applicant, ended without outcome).
	Uncounted []string
	// CarriedFromReport is true when 二 was taken from last year's report:
	// the register holds no application received before the year.
	CarriedFromReport bool
}

// Fill computes part 三 of year from the agency's register. last is last
// year's report, read only when the register starts in year (for 二).
func Fill(apps []Application, year int, last *report.Report) Filled {
	f := Filled{Year: year, Apps: map[Cell][]string{}}
	first := workdays.Day(year, time.January, 1)
	endPrev := first.AddDate(0, 0, -1)
	end := workdays.Day(year, time.December, 31)
	earlier := false
	count := func(row, col int, a *Application) {
		f.Table[row][col]++
		c := Cell{row, col}
		f.Apps[c] = append(f.Apps[c], a.Number)
	}
	for i := range apps {
		a := &apps[i]
		if a.Received.IsZero() || a.Received.After(end) {
			continue
		}
		if a.Received.Before(first) {
			earlier = true
			if a.EndedBy(endPrev) {
				continue // ended before the year: last year's
			}
		}
		col := a.Type.Col()
		if col < 0 {
			f.Uncounted = append(f.Uncounted, a.Where()+"：申请人类型未分类")
			continue
		}
		if a.Received.Before(first) {
			count(report.RowCarriedOver, col, a)
		} else {
			count(report.RowNew, col, a)
		}
		switch {
		case !a.EndedBy(end):
			count(report.RowCarriedForward, col, a)
		case !a.Outcome.Valid():
			f.Uncounted = append(f.Uncounted, a.Where()+"：已于 "+day(a.Answered)+" 办结，但没有确定办理结果")
		default:
			count(a.Outcome.Row(), col, a)
		}
	}
	if !earlier && last != nil {
		f.CarriedFromReport = true
		for col := 0; col < report.ApplicantCols; col++ {
			f.Table[report.RowCarriedOver][col] = last.Applications[report.RowCarriedForward][col]
		}
	}
	r := report.Report{Applications: f.Table}
	r.FillTotals()
	f.Table = r.Applications
	return f
}

// Change is a cell whose figure filling would change.
type Change struct {
	Row, Col int // Col may be report.ColTotal
	Old, New int
}

// Where names the changed cell in the report's printed words.
func (c Change) Where() string {
	return fmt.Sprintf("三、%s“%s”列", rowName(c.Row), printed.AppColumnLabels[c.Col])
}

// Changes lists every cell of part 三 (totals too) that differs between the
// report's table and the filled one, in printed order.
func Changes(old, filled report.Applications) []Change {
	var out []Change
	for row := range old {
		for col := range old[row] {
			if old[row][col] != filled[row][col] {
				out = append(out, Change{row, col, old[row][col], filled[row][col]})
			}
		}
	}
	return out
}

// Difference is a cell of a report's part 三 that the register does not
// give, with the applications the register counts in it.
type Difference struct {
	Cell
	Report, Register int
	Apps             []string // the register's applications in the cell
}

// Explain says what the difference is, for a message.
func (d Difference) Explain() string {
	s := fmt.Sprintf("%s：年报填 %d，台账为 %d", d.Where(), d.Report, d.Register)
	switch {
	case len(d.Apps) == 0:
		s += "，台账中没有计入这一格的申请"
	case len(d.Apps) <= 20:
		s += fmt.Sprintf("，台账计入的申请：%v", d.Apps)
	default:
		s += fmt.Sprintf("，台账计入的申请：%v 等 %d 件", d.Apps[:20], len(d.Apps))
	}
	return s
}

// Compare compares a report's part 三 with the register's for the same year:
// every applicant cell that differs, naming the applications the register
// counts there, so that the difference can be traced to them.
func Compare(rep report.Applications, f Filled) []Difference {
	var out []Difference
	for row := range rep {
		if row == report.RowTotal {
			continue // the sum of the rows compared
		}
		for col := 0; col < report.ApplicantCols; col++ {
			if rep[row][col] != f.Table[row][col] {
				apps := slices.Clone(f.Apps[Cell{row, col}])
				out = append(out, Difference{Cell{row, col}, rep[row][col], f.Table[row][col], apps})
			}
		}
	}
	return out
}
