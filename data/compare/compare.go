// Package compare lists where two contents of a report differ, named as the
// printed report names them, so that a user can compare an earlier version
// (one kept when two windows saved the same report) with the current one.
package compare

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/data/printed"
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
	text("所汇总的单位", units(old), units(cur))
	text("标题", old.Title, cur.Title)
	text("引言", old.Preamble, cur.Preamble)
	sections(&out, report.PartHeadings[0], old.Overview, cur.Overview)

	// Every figure of the three tables, named by the printed model, with the
	// text before and after each table.
	for _, t := range printed.Tables() {
		text(t.Heading+" · 表格前的文字", old.TableText(t.Part).Before, cur.TableText(t.Part).Before)
		for _, c := range t.Figures() {
			f := c.Field
			text(t.Heading+" · "+f.RowLabel+" · "+f.Column, f.Text(old), f.Text(cur))
		}
		text(t.Heading+" · 表格后的文字", old.TableText(t.Part).After, cur.TableText(t.Part).After)
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

// units lists the units a combined report sums, "" for a unit's own report.
func units(r *report.Report) string {
	if r.Combined == nil {
		return ""
	}
	return strings.Join(r.Combined.Units, "、")
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
