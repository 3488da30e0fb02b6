package printed

import (
	"fmt"
	"slices"
	"testing"

	"nianbao/data/report"
)

// The text around the tables of parts 二–四 (format nianbao/2) stands where
// the report prints it: after the part's heading and before its table, or
// after the table and before the next part's heading.
func TestTableTextInPlace(t *testing.T) {
	r := report.New("某某局", 2024)
	r.Overview = []report.Section{{Body: "总体"}}
	r.ProactiveText = report.TableText{Before: "**（一）**主动公开数量\n\n第二段", After: "（二）主要类别"}
	r.ReviewLitigationText = report.TableText{After: "本年度无行政复议。"}
	r.Problems = []report.Section{{Body: "问题"}}
	var got []string
	for _, b := range Build(r).Blocks {
		if b.Table != nil {
			got = append(got, "表"+b.Table.PartName())
			continue
		}
		p := b.Paragraph
		if p.Role == RoleTitle {
			continue
		}
		got = append(got, fmt.Sprintf("%d|%d|%d|%s|%s", p.Role, p.Part, p.Section, p.Text, p.Where))
	}
	h := report.PartHeadings
	want := []string{
		fmt.Sprintf("%d|0|0|%s|%s", RolePartHeading, h[0], h[0]),
		fmt.Sprintf("%d|0|1|总体|%s第1段", RoleBody, h[0]),
		fmt.Sprintf("%d|1|0|%s|%s", RolePartHeading, h[1], h[1]),
		fmt.Sprintf("%d|1|0|（一）主动公开数量|二、主动公开政府信息情况表格前的文字第1段", RoleBody),
		fmt.Sprintf("%d|1|0|第二段|二、主动公开政府信息情况表格前的文字第2段", RoleBody),
		"表二",
		fmt.Sprintf("%d|1|0|（二）主要类别|二、主动公开政府信息情况表格后的文字第1段", RoleBody),
		fmt.Sprintf("%d|2|0|%s|%s", RolePartHeading, h[2], h[2]),
		"表三",
		fmt.Sprintf("%d|3|0|%s|%s", RolePartHeading, h[3], h[3]),
		"表四",
		fmt.Sprintf("%d|3|0|本年度无行政复议。|四、政府信息公开行政复议、行政诉讼情况表格后的文字第1段", RoleBody),
		fmt.Sprintf("%d|4|0|%s|%s", RolePartHeading, h[4], h[4]),
		fmt.Sprintf("%d|4|1|问题|%s第1段", RoleBody, h[4]),
		fmt.Sprintf("%d|5|0|%s|%s", RolePartHeading, h[5], h[5]),
	}
	if !slices.Equal(got, want) {
		t.Errorf("blocks:\n%s\nwant:\n%s", got, want)
	}
	for _, b := range Build(r).Blocks {
		if p := b.Paragraph; p != nil && p.Text == "（一）主动公开数量" {
			if want := []Run{{"（一）", true}, {"主动公开数量", false}}; !slices.Equal(p.Runs, want) {
				t.Errorf("runs %v, want %v", p.Runs, want)
			}
		}
	}
}
