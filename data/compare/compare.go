// Package compare lists where two contents of a report differ, named as the
// printed report names them, so that a user can compare an earlier version
// (one kept when two windows saved the same report) with the current one.
package compare

import (
	"fmt"
	"strconv"

	"nianbao/data/report"
)

// Change is one place where the two contents differ.
type Change struct {
	Where    string // as printed: "三、收到和处理政府信息公开申请情况 · 一、本年新收… · 自然人"
	Old, New string // the values, long texts shortened
}

// excerptRunes is how much of a long text a change shows.
const excerptRunes = 60

// Reports returns the changes from old to cur, in the order of the report.
func Reports(old, cur *report.Report) []Change {
	var out []Change
	text := func(where, a, b string) {
		if a != b {
			out = append(out, Change{where, excerpt(a), excerpt(b)})
		}
	}
	num := func(where string, a, b int) {
		if a != b {
			out = append(out, Change{where, strconv.Itoa(a), strconv.Itoa(b)})
		}
	}
	text("机关名称", old.Agency, cur.Agency)
	num("报告年度", old.Year, cur.Year)
	text("机关类型", old.AgencyType, cur.AgencyType)
	text("标题", old.Title, cur.Title)
	text("引言", old.Preamble, cur.Preamble)
	sections(&out, report.PartHeadings[0], old.Overview, cur.Overview)

	p2 := report.PartHeadings[1] + " · "
	docs := func(name string, a, b report.DocCounts) {
		num(p2+name+" · 本年制发件数", a.Issued, b.Issued)
		num(p2+name+" · 本年废止件数", a.Repealed, b.Repealed)
		num(p2+name+" · 现行有效件数", a.InForce, b.InForce)
	}
	docs("规章", old.Proactive.Rules, cur.Proactive.Rules)
	docs("行政规范性文件", old.Proactive.NormativeDocuments, cur.Proactive.NormativeDocuments)
	num(p2+"行政许可", old.Proactive.Licensing, cur.Proactive.Licensing)
	num(p2+"行政处罚", old.Proactive.Penalty, cur.Proactive.Penalty)
	num(p2+"行政强制", old.Proactive.Coercion, cur.Proactive.Coercion)
	text(p2+"行政事业性收费（万元）", old.Proactive.Fees, cur.Proactive.Fees)

	for i, info := range report.AppRowInfos {
		for c, col := range report.AppColumnLabels {
			num(report.PartHeadings[2]+" · "+info.FullLabel()+" · "+col, old.Applications[i][c], cur.Applications[i][c])
		}
	}
	for g, info := range report.CaseGroupInfos {
		for c, col := range report.CaseColumnLabels {
			num(report.PartHeadings[3]+" · "+info.FullLabel()+" · "+col, old.ReviewLitigation[g][c], cur.ReviewLitigation[g][c])
		}
	}
	sections(&out, report.PartHeadings[4], old.Problems, cur.Problems)
	sections(&out, report.PartHeadings[5], old.OtherMatters, cur.OtherMatters)
	text("结尾", old.Closing, cur.Closing)
	return out
}

// sections compares two lists of sections of a part, section by section.
func sections(out *[]Change, part string, a, b []report.Section) {
	for i := range max(len(a), len(b)) {
		var x, y report.Section
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		where := fmt.Sprintf("%s · 第 %d 节", part, i+1)
		if x.Heading != y.Heading {
			*out = append(*out, Change{where + "标题", excerpt(x.Heading), excerpt(y.Heading)})
		}
		if x.Body != y.Body {
			*out = append(*out, Change{where + "正文", excerpt(x.Body), excerpt(y.Body)})
		}
	}
}

// excerpt shortens a long text; an empty one says so.
func excerpt(s string) string {
	if s == "" {
		return "（空）"
	}
	r := []rune(s)
	if len(r) <= excerptRunes {
		return s
	}
	return string(r[:excerptRunes]) + "……"
}
