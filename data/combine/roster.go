package combine

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"nianbao/data/report"
)

// Unit is one unit on a roster (名单): a department, a township or street, or a
// lower government whose own combined report is a unit of this one.
type Unit struct {
	Name  string
	Type  string // report.AgencyDepartment, AgencyTownship or AgencyGovernment
	Group string // optional: 县直部门, 乡镇/街道, 垂直管理单位…
}

// TypeLabel is the unit type as the office says it.
func TypeLabel(t string) string {
	switch t {
	case report.AgencyGovernment:
		return "下级政府"
	case report.AgencyTownship:
		return "乡镇/街道"
	}
	return "部门"
}

// typeWords are the words a roster file may use for a unit type.
var typeWords = map[string]string{
	"部门": report.AgencyDepartment, "县直部门": report.AgencyDepartment, "市直部门": report.AgencyDepartment,
	"department": report.AgencyDepartment,
	"乡镇":         report.AgencyTownship, "街道": report.AgencyTownship, "乡镇/街道": report.AgencyTownship,
	"乡镇街道": report.AgencyTownship, "township": report.AgencyTownship,
	"政府": report.AgencyGovernment, "下级政府": report.AgencyGovernment, "government": report.AgencyGovernment,
}

// MaxRosterUnits bounds a roster, so that a wrong file (a report, a picture)
// gives a message instead of a million units.
const MaxRosterUnits = 100_000

// ParseRoster reads a roster from UTF-8 text: one unit per line, optionally
// 名称<TAB>类型 and a third column with the group; a line 【组名】 or [组名] sets
// the group of the lines after it. Blank lines and lines starting with # are
// skipped. 类型 is 部门, 乡镇 (街道) or 下级政府 (政府); missing, it is inferred
// from the name as the file format does. name is the file, for messages.
func ParseRoster(name string, data []byte) ([]Unit, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("名单 %s 不是 UTF-8 文本（请在记事本中“另存为”并选择 UTF-8 编码）", name)
	}
	if t := bytes.TrimSpace(data); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return nil, fmt.Errorf("名单 %s 看起来是年报文件（JSON），不是名单；名单是每行一个单位名称的文本文件", name)
	}
	var units []Unit
	seen := map[string]int{}
	group := ""
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		line = strings.TrimRight(line, "\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if g, ok := groupLine(trimmed); ok {
			group = g
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) > 3 {
			return nil, fmt.Errorf("名单 %s 第 %d 行：最多三列（名称、类型、分组，以 Tab 分隔），实有 %d 列", name, n, len(cols))
		}
		u := Unit{Name: strings.TrimSpace(cols[0]), Group: group}
		if u.Name == "" {
			return nil, fmt.Errorf("名单 %s 第 %d 行：单位名称为空", name, n)
		}
		// A unit's name is an agency's name: the reader's rule (no control,
		// bidi or zero-width characters, a sane length).
		if p := report.TextProblem(report.FieldAgency, u.Name); p != "" {
			return nil, fmt.Errorf("名单 %s 第 %d 行：单位名称%s", name, n, p)
		}
		if len(cols) > 1 && strings.TrimSpace(cols[1]) != "" {
			word := strings.TrimSpace(cols[1])
			t, ok := typeWords[word]
			if !ok {
				return nil, fmt.Errorf("名单 %s 第 %d 行：类型“%s”不认识，应为 部门、乡镇、街道 或 下级政府", name, n, word)
			}
			u.Type = t
		} else {
			u.Type = report.InferAgencyType(u.Name)
		}
		if len(cols) > 2 && strings.TrimSpace(cols[2]) != "" {
			u.Group = strings.TrimSpace(cols[2])
		}
		if first, dup := seen[u.Name]; dup {
			return nil, fmt.Errorf("名单 %s 第 %d 行：“%s”与第 %d 行重复", name, n, u.Name, first)
		}
		seen[u.Name] = n
		units = append(units, u)
		if len(units) > MaxRosterUnits {
			return nil, fmt.Errorf("名单 %s 超过 %d 个单位，请检查是否选错了文件", name, MaxRosterUnits)
		}
	}
	if len(units) == 0 {
		return nil, fmt.Errorf("名单 %s 中没有单位", name)
	}
	return units, nil
}

// groupLine reads a group heading: 【县直部门】 or [县直部门].
func groupLine(s string) (string, bool) {
	for _, p := range [][2]string{{"【", "】"}, {"[", "]"}} {
		if strings.HasPrefix(s, p[0]) && strings.HasSuffix(s, p[1]) {
			return strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, p[0]), p[1])), true
		}
	}
	return "", false
}
