package printed

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"nianbao/data/report"
)

// Explain fills in the place of a report file's error (a *report.FileError in
// err's chain) in the report's printed words, so that a message names
// "三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 自然人"
// and never the JSON path applications.new[0]. It returns err.
func Explain(err error) error {
	var fe *report.FileError
	if !errors.As(err, &fe) || fe.Path == "" {
		return err
	}
	old := fe.Error()
	fe.Where = Place(fe.Path)
	// A few messages of data/report already begin with their place.
	fe.Msg = strings.TrimPrefix(fe.Msg, fe.Where+"：")
	// The messages of the errors wrapping fe were made with its old words.
	return &explained{msg: strings.Replace(err.Error(), old, fe.Error(), 1), err: err}
}

// explained is an error whose message names the place in printed words.
type explained struct {
	msg string
	err error
}

func (e *explained) Error() string { return e.msg }
func (e *explained) Unwrap() error { return e.err }

// Place names a JSON path of a report file (as report.FileError gives it) in
// the report's printed words. A key the format does not know is named as a
// field in the place of its parent.
func Place(path string) string {
	steps := splitPath(path)
	if len(steps) == 0 {
		return "年报文件"
	}
	known, n := placeOf(steps)
	if n == len(steps) {
		return known
	}
	// An unknown key (a typing slip in the file): the key is the user's own word.
	s := steps[n]
	if known == "" {
		return "文件中的字段“" + s.key + "”"
	}
	if s.key == "" {
		return fmt.Sprintf("%s中的第 %d 项", known, s.index+1)
	}
	return known + "中的字段“" + s.key + "”"
}

type step struct {
	key   string // "" for an index
	index int
}

// splitPath splits a.b[2]["x y"] into its keys and indexes.
func splitPath(path string) []step {
	var out []step
	for path != "" {
		switch {
		case path[0] == '.':
			path = path[1:]
		case strings.HasPrefix(path, `["`):
			q, err := strconv.QuotedPrefix(path[1:])
			if err != nil {
				return append(out, step{key: path})
			}
			k, _ := strconv.Unquote(q)
			out = append(out, step{key: k})
			path = strings.TrimPrefix(path[1+len(q):], "]")
		case path[0] == '[':
			end := strings.IndexByte(path, ']')
			i, err := strconv.Atoi(path[1:max(end, 1)])
			if end < 0 || err != nil {
				return append(out, step{key: path})
			}
			out = append(out, step{index: i})
			path = path[end+1:]
		default:
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			out = append(out, step{key: path[:end]})
			path = path[end:]
		}
	}
	return out
}

// topPlaces are the printed names of the keys of a report file that are not a part.
var topPlaces = map[string]string{
	"format":      "文件的格式标记",
	"agency":      "机关名称",
	"year":        "报告年度",
	"agency_type": "机关类型",
	"title":       "标题",
	"preamble":    "引言",
	"closing":     "结尾",
	"combined":    "汇总的年报所汇总的单位",
}

// placeOf names the longest known start of steps and says how many steps it covers.
func placeOf(steps []step) (string, int) {
	top := steps[0].key
	if p, ok := topPlaces[top]; ok {
		if top == "combined" && len(steps) > 1 && steps[1].key == "units" {
			if len(steps) > 2 && steps[2].key == "" {
				return fmt.Sprintf("%s · 第 %d 个单位", p, steps[2].index+1), 3
			}
			return p, 2
		}
		return p, 1
	}
	for i, k := range [...]string{"proactive_text", "applications_text", "review_litigation_text"} {
		if top != k {
			continue
		}
		part := report.TableParts[i]
		if len(steps) > 1 && (steps[1].key == "before" || steps[1].key == "after") {
			return report.TableTextWhere(part, steps[1].key == "after"), 2
		}
		return report.PartHeadings[part] + "表格前后的文字", 1
	}
	for k, part := range map[string]int{"overview": 0, "problems": 4, "other_matters": 5} {
		if top == k {
			return sectionPlace(part, steps)
		}
	}
	for _, t := range Tables() {
		if t.ID == top {
			return figurePlace(t, steps)
		}
	}
	return "", 0
}

func sectionPlace(part int, steps []step) (string, int) {
	p := report.PartHeadings[part]
	if len(steps) < 2 || steps[1].key != "" {
		return p, 1
	}
	p += fmt.Sprintf(" · 第 %d 节", steps[1].index+1)
	if len(steps) > 2 {
		switch steps[2].key {
		case "heading":
			return p + "的小标题", 3
		case "body":
			return p + "的正文", 3
		}
	}
	return p, 2
}

// docIndex are the keys of the three figures of 规章 and 行政规范性文件.
var docIndex = map[string]int{"issued": 0, "repealed": 1, "in_force": 2}

// figurePlace names a row or a figure of a table by the labels of its cells.
func figurePlace(t *Table, steps []step) (string, int) {
	if len(steps) < 2 || steps[1].key == "" {
		return t.Heading, 1
	}
	row, index, n := steps[1].key, -1, 2
	if len(steps) > 2 {
		if s := steps[2]; s.key == "" {
			index, n = s.index, 3
		} else if i, ok := docIndex[s.key]; ok {
			index, n = i, 3
		}
	}
	var cells []*Cell
	for _, c := range t.Figures() {
		if c.Field.Row == row {
			cells = append(cells, c)
		}
	}
	if len(cells) == 1 && index < 0 { // a row of one figure: the figure
		index = 0
	}
	for _, c := range cells {
		f := c.Field
		if index < 0 {
			return t.Heading + " · " + f.RowLabel, 2
		}
		if f.Index == index {
			return t.Heading + " · " + f.RowLabel + " · " + f.Column, n
		}
	}
	if len(cells) > 0 { // an index past the row's figures
		return t.Heading + " · " + cells[0].Field.RowLabel, 2
	}
	return t.Heading, 1
}

// RowName names the row of a finding (check.Finding's Part and Row, the row's
// JSON key) as printed: "规章", "一、本年新收政府信息公开申请数量", "行政诉讼（复议后起诉）",
// "标题", "结尾"; "" when the finding names no row.
func RowName(part, row string) string {
	if row == "" {
		return ""
	}
	for _, t := range Tables() {
		if t.PartName() != part {
			continue
		}
		for _, c := range t.Figures() {
			if c.Field.Row == row {
				return c.Field.RowLabel
			}
		}
	}
	if p, ok := topPlaces[row]; ok {
		return p
	}
	return ""
}
