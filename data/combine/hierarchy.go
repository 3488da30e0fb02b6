package combine

import (
	"fmt"
	"strings"

	"nianbao/data/check"
)

// HierarchyRule is the rule id of the hierarchy check's findings.
const HierarchyRule = "H1"

// Hierarchy compares the figures a government's own report states with the sum
// of its units, before publication (KIROGOVCOMPARE's hierarchy_sum, done
// before instead of after): one warning per differing cell, naming the cell,
// the stated figure, the sum and, when some are, the units the sum lacks. A
// report whose figures are all zero states nothing yet and gives no finding.
func Hierarchy(stated, sum *Figures, absent []string) []check.Finding {
	if *stated == (Figures{}) {
		return nil
	}
	lacking := ""
	if len(absent) > 0 {
		lacking = "；合计中缺少：" + strings.Join(absent, "、")
	}
	var out []check.Finding
	for _, ch := range Changes(stated, sum) {
		c := ch.Cell
		f := check.Finding{
			Rule: HierarchyRule, Severity: check.Warning,
			Part: c.Part, Row: c.Row, Column: c.Column,
			Message: fmt.Sprintf("“%s”本级报告填写 %s，各单位合计 %s（相差 %s）%s",
				c.Label, c.Text(ch.Old), c.Text(ch.New), signed(c, ch.Old-ch.New), lacking),
		}
		if !c.Fee {
			want, got := ch.New, ch.Old
			f.Expected, f.Actual = &want, &got
		}
		out = append(out, f)
	}
	return out
}

func signed(c Cell, d int64) string {
	if d > 0 {
		return "+" + c.Text(d)
	}
	return c.Text(d)
}

// Change is one cell whose figure differs between two reports.
type Change struct {
	Cell     Cell
	Old, New int64
}

// Changes lists, cell by cell, where new differs from old: what updating a
// report's figures to a new sum would change.
func Changes(old, new *Figures) []Change {
	var out []Change
	for i, c := range cells {
		if old[i] != new[i] {
			out = append(out, Change{Cell: c, Old: old[i], New: new[i]})
		}
	}
	return out
}
