package check

import (
	"fmt"
	"strings"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// slip is the one row of part 三 whose correction would make rules 1–3 hold.
type slip struct {
	row   int
	delta [report.AppCols]int // the correction, cell by cell
}

// residuals are how far part 三 is from rules 1–3: per column for rules 1 and
// 2, per row for rule 3.
type residuals struct {
	e1, e2  [report.AppCols]int
	e3      [report.AppRows]int
	badRows int  // rows that break rule 3
	failing bool // any rule broken
}

func residualsOf(a *report.Applications) residuals {
	var res residuals
	for c := 0; c < report.AppCols; c++ {
		res.e1[c] = a[report.RowNew][c] + a[report.RowCarriedOver][c] - a[report.RowTotal][c] - a[report.RowCarriedForward][c]
		sum := 0
		for i := report.FirstResultRow; i <= report.LastResultRow; i++ {
			sum += a[i][c]
		}
		res.e2[c] = a[report.RowTotal][c] - sum
		res.failing = res.failing || res.e1[c] != 0 || res.e2[c] != 0
	}
	for i := range a {
		res.e3[i] = a[i].Sum() - a[i][report.ColTotal]
		if res.e3[i] != 0 {
			res.badRows++
			res.failing = true
		}
	}
	return res
}

// findSlip looks for the rows of part 三 such that changing that row alone
// makes every failing sum of rules 1–3 add up, and returns it when there is
// exactly one. Changing a row is the smallest mistake that explains the sums:
// a figure typed wrong, or several figures of one row.
func findSlip(a *report.Applications) (slip, bool) {
	res := residualsOf(a)
	if !res.failing || res.badRows > 1 {
		return slip{}, false
	}
	var found slip
	n := 0
	for i := range a {
		if res.badRows == 1 && res.e3[i] == 0 {
			continue // the row that breaks rule 3 must be the one changed
		}
		if d, ok := res.correction(a, i); ok {
			found = slip{row: i, delta: d}
			n++
		}
	}
	return found, n == 1
}

// coefficients say how row i enters rules 1 and 2: e1 + a1·δ = 0 and e2 + a2·δ = 0.
func coefficients(i int) (a1, a2 int) {
	switch {
	case i == report.RowNew || i == report.RowCarriedOver:
		return 1, 0
	case i == report.RowTotal:
		return -1, 1
	case i == report.RowCarriedForward:
		return -1, 0
	}
	return 0, -1
}

// correction is the change of row i alone that makes rules 1–3 hold, if any:
// non-zero, and leaving no figure negative.
func (res *residuals) correction(a *report.Applications, i int) ([report.AppCols]int, bool) {
	a1, a2 := coefficients(i)
	var d [report.AppCols]int
	for c := 0; c < report.AppCols; c++ {
		if (a1 == 0 && res.e1[c] != 0) || (a2 == 0 && res.e2[c] != 0) {
			return d, false
		}
		from1, from2 := -res.e1[c]*a1, -res.e2[c]*a2
		switch {
		case a1 != 0 && a2 != 0 && from1 != from2:
			return d, false
		case a1 != 0:
			d[c] = from1
		default:
			d[c] = from2
		}
	}
	sum := 0
	for c := 0; c < report.ApplicantCols; c++ {
		sum += d[c]
	}
	if res.e3[i]+sum-d[report.ColTotal] != 0 || d == ([report.AppCols]int{}) {
		return d, false
	}
	for c := range d {
		if a[i][c]+d[c] < 0 {
			return d, false
		}
	}
	return d, true
}

// cell is the slip as a Cell: one cell when one figure changes, else the row.
func (s slip) cell() *Cell {
	col := ""
	changed := 0
	for c, d := range s.delta {
		if d != 0 {
			changed++
			col = printed.AppColumnLabels[c]
		}
	}
	if changed != 1 {
		col = ""
	}
	return &Cell{Part: report.PartNames[partApplications], Row: printed.AppRowInfos[s.row].Key, Column: col}
}

// describe says in Chinese which figures to check and what they would be.
func (s slip) describe(a *report.Applications) string {
	var parts []string
	for c, d := range s.delta {
		if d != 0 {
			parts = append(parts, fmt.Sprintf("“%s”列 %d 改为 %d", printed.AppColumnLabels[c], a[s.row][c], a[s.row][c]+d))
		}
	}
	return fmt.Sprintf("可能是“%s”行录入有误：%s，各项即可平衡", printed.AppRowInfos[s.row].FullLabel(), strings.Join(parts, "、"))
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
