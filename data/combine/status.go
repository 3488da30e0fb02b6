package combine

import (
	"time"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// Status is where a unit's report stands.
type Status int

const (
	Missing  Status = iota // 未收到, before the deadline
	Overdue                // 已逾期: not received after the deadline
	Errors                 // 有错误
	Warnings               // 有警告
	Passed                 // 通过
)

// Label is the status as the office reads it.
func (s Status) Label() string {
	return [...]string{"未收到", "已逾期", "有错误", "有警告", "通过"}[s]
}

// Received reports whether the status is of a received report.
func (s Status) Received() bool { return s >= Errors }

// Deadline is the last day a unit of the type publishes its report for year
// (条例第四十九条): departments by 31 January of the next year, governments
// (townships and lower governments included) by 31 March.
func Deadline(unitType string, year int) time.Time {
	if unitType == report.AgencyDepartment || unitType == "" {
		return time.Date(year+1, time.January, 31, 0, 0, 0, 0, time.Local)
	}
	return time.Date(year+1, time.March, 31, 0, 0, 0, 0, time.Local)
}

// pastDeadline reports whether now is a day after the deadline, in now's time zone.
func pastDeadline(unitType string, year int, now time.Time) bool {
	d := Deadline(unitType, year)
	y, m, day := now.Date()
	today := time.Date(y, m, day, 0, 0, 0, 0, time.Local)
	return today.After(d)
}

// KeyFigures are the figures the status list shows of each unit.
type KeyFigures struct {
	New, Closed, CarriedForward, Review, Litigation, Licensing, Penalty int64
}

// KeyFiguresOf picks the key figures: 本年新收, 办结 (三(七)总计), 结转下年度,
// 行政复议, 行政诉讼 (both groups), 行政许可, 行政处罚, all totals as stated.
func KeyFiguresOf(f *Figures) KeyFigures {
	app := func(row int) int64 { return f[proactiveCells+row*report.AppCols+report.ColTotal] }
	cas := func(g int) int64 {
		return f[proactiveCells+applicationCells+g*report.CaseCols+report.CaseTotal]
	}
	return KeyFigures{
		New:            app(report.RowNew),
		Closed:         app(report.RowTotal),
		CarriedForward: app(report.RowCarriedForward),
		Review:         cas(report.GroupReview),
		Litigation:     cas(report.GroupLitigationDirect) + cas(report.GroupLitigationAfterReview),
		Licensing:      f[licensingIndex],
		Penalty:        f[penaltyIndex],
	}
}

// The cells of the key figures of part 二.
var (
	licensingIndex = proactiveIndex("licensing")
	penaltyIndex   = proactiveIndex("penalty")
)

// KeyFigureLabels name the KeyFigures in order: the first three shortened
// from part 三's rows, the others part 四's heads and part 二's rows as printed.
var KeyFigureLabels = [7]string{"本年新收", "办结", "结转下年度",
	printed.ReviewLabel, printed.LitigationLabel, printed.LicensingLabel, printed.PenaltyLabel}

// Values lists the key figures in the order of KeyFigureLabels.
func (k KeyFigures) Values() [7]int64 {
	return [7]int64{k.New, k.Closed, k.CarriedForward, k.Review, k.Litigation, k.Licensing, k.Penalty}
}
