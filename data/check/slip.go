package check

import (
	"fmt"
	"strings"

	"nianbao/data/report"
)

// slip is the one row of part 三 whose correction would make rules 1–3 hold.
type slip struct {
	row   int
	delta [report.AppCols]int // the correction, cell by cell
}

// findSlip looks for the rows of part 三 such that changing that row alone
// makes every failing sum of rules 1–3 add up, and returns it when there is
// exactly one. Changing a row is the smallest mistake that explains the sums:
// a figure typed wrong, or several figures of one row.
func findSlip(a *report.Applications) (slip, bool) {
	var e1, e2 [report.AppCols]int // rule 1 and rule 2 residuals per column
	var e3 [report.AppRows]int     // rule 3 residual per row
	failing := false
	for c := 0; c < report.AppCols; c++ {
		e1[c] = a[report.RowNew][c] + a[report.RowCarriedOver][c] - a[report.RowTotal][c] - a[report.RowCarriedForward][c]
		sum := 0
		for i := report.FirstResultRow; i <= report.LastResultRow; i++ {
			sum += a[i][c]
		}
		e2[c] = a[report.RowTotal][c] - sum
		failing = failing || e1[c] != 0 || e2[c] != 0
	}
	badRows := 0
	for i := range a {
		e3[i] = a[i].Sum() - a[i][report.ColTotal]
		if e3[i] != 0 {
			badRows++
			failing = true
		}
	}
	if !failing || badRows > 1 {
		return slip{}, false
	}
	var found slip
	n := 0
	for i := range a {
		// How row i enters rules 1 and 2: e1 + a1·δ = 0 and e2 + a2·δ = 0.
		a1, a2 := 0, 0
		switch {
		case i == report.RowNew || i == report.RowCarriedOver:
			a1 = 1
		case i == report.RowTotal:
			a1, a2 = -1, 1
		case i == report.RowCarriedForward:
			a1 = -1
		default:
			a2 = -1
		}
		if badRows == 1 && e3[i] == 0 {
			continue // the row that breaks rule 3 must be the one changed
		}
		var d [report.AppCols]int
		ok := true
		for c := 0; c < report.AppCols && ok; c++ {
			var from1, from2 int
			has1, has2 := a1 != 0, a2 != 0
			if has1 {
				from1 = -e1[c] * a1
			} else if e1[c] != 0 {
				ok = false
			}
			if has2 {
				from2 = -e2[c] * a2
			} else if e2[c] != 0 {
				ok = false
			}
			switch {
			case has1 && has2 && from1 != from2:
				ok = false
			case has1:
				d[c] = from1
			default:
				d[c] = from2
			}
		}
		if !ok {
			continue
		}
		sum := 0
		for c := 0; c < report.ApplicantCols; c++ {
			sum += d[c]
		}
		if e3[i]+sum-d[report.ColTotal] != 0 || d == ([report.AppCols]int{}) {
			continue
		}
		for c := range d {
			if a[i][c]+d[c] < 0 {
				ok = false
			}
		}
		if ok {
			found = slip{row: i, delta: d}
			n++
		}
	}
	return found, n == 1
}

// cell is the slip as a Cell: one cell when one figure changes, else the row.
func (s slip) cell() *Cell {
	col := ""
	changed := 0
	for c, d := range s.delta {
		if d != 0 {
			changed++
			col = report.AppColumnLabels[c]
		}
	}
	if changed != 1 {
		col = ""
	}
	return &Cell{Part: report.PartNames[partApplications], Row: report.AppRowInfos[s.row].Key, Column: col}
}

// describe says in Chinese which figures to check and what they would be.
func (s slip) describe(a *report.Applications) string {
	var parts []string
	for c, d := range s.delta {
		if d != 0 {
			parts = append(parts, fmt.Sprintf("“%s”列 %d 改为 %d", report.AppColumnLabels[c], a[s.row][c], a[s.row][c]+d))
		}
	}
	return fmt.Sprintf("可能是“%s”行录入有误：%s，各项即可平衡", report.AppRowInfos[s.row].FullLabel(), strings.Join(parts, "、"))
}

// explain adds the difference to the findings of rules R1–R6 that compare two
// figures, and the likely slip to those of rules 1–3.
func explain(items []placed, r *report.Report) {
	s, found := findSlip(&r.Applications)
	for i := range items {
		f := &items[i].f
		if f.Expected == nil || f.Actual == nil || f.Difference != nil {
			continue
		}
		d := *f.Actual - *f.Expected
		f.Difference = &d
		if !strings.HasPrefix(f.Rule, "R") {
			continue
		}
		f.Message += fmt.Sprintf("（差 %d）", absInt64(d))
		if found && (f.Rule == "R1" || f.Rule == "R2" || f.Rule == "R3") {
			f.Slip = s.cell()
			f.Message += "；" + s.describe(&r.Applications)
		}
	}
}

func absInt64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
