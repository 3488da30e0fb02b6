package report

// Decoding: the schema of *.nianbao.json, from parsed values to a Report.

import (
	"fmt"
	"strconv"
	"strings"
)

var (
	figureRange = fmt.Sprintf("应为 0 至 %d 的整数", MaxFigure)
	yearRange   = fmt.Sprintf("应为 %d 至 %d 的整数", MinYear, MaxYear)
)

const feesWant = "应为最多 7 位整数、最多 6 位小数的金额字符串（万元），如“0”或“12.5”"

func unknownKey(path, key string, known []string) error {
	msg := "未知的字段"
	if guess := closest(key, known); guess != "" {
		msg += "（是否应为“" + guess + "”？）"
	}
	return &FileError{Path: childPath(path, key), Msg: msg}
}

// closest returns the known key within two edits of key, if any.
func closest(key string, known []string) string {
	if len(key) > 40 {
		return ""
	}
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func wantObject(path string, v value, what string) error {
	if v.kind != kindObject {
		return &FileError{Path: path, Msg: "应为" + what + "，实为" + describe(v)}
	}
	return nil
}

func wantString(path string, v value) (string, error) {
	if v.kind != kindString {
		return "", &FileError{Path: path, Msg: "应为字符串，实为" + describe(v)}
	}
	return v.text, nil
}

// wantInt reads a whole number written as an integer literal; the range is
// left to Validate, but want says it in the message for any other value.
func wantInt(path string, v value, want string) (int, error) {
	if v.kind == kindNumber && !strings.ContainsAny(v.text, ".eE") {
		if n, err := strconv.Atoi(v.text); err == nil {
			return n, nil
		}
	}
	return 0, &FileError{Path: path, Msg: want + "，实为" + describe(v)}
}

func wantRow(path string, v value, out []int) error {
	want := fmt.Sprintf("应为 %d 个整数组成的数组", len(out))
	if v.kind != kindArray {
		return &FileError{Path: path, Msg: want + "，实为" + describe(v)}
	}
	if len(v.items) != len(out) {
		return &FileError{Path: path, Msg: fmt.Sprintf("%s，实为 %d 个", want, len(v.items))}
	}
	for i, item := range v.items {
		n, err := wantInt(indexPath(path, i), item, figureRange)
		if err != nil {
			return err
		}
		out[i] = n
	}
	return nil
}

var (
	topKeys = []string{"format", "agency", "year", "agency_type", "title", "preamble", "overview",
		"proactive", "applications", "review_litigation", "problems", "other_matters", "closing"}
	sectionKeys   = []string{"heading", "body"}
	proactiveKeys = []string{"rules", "normative_documents", "licensing", "penalty", "coercion", "fees"}
	docKeys       = []string{"issued", "repealed", "in_force"}
	appKeys       = func() []string {
		k := make([]string, AppRows)
		for i, info := range AppRowInfos {
			k[i] = info.Key
		}
		return k
	}()
	caseKeys = func() []string {
		k := make([]string, CaseGroups)
		for i, info := range CaseGroupInfos {
			k[i] = info.Key
		}
		return k
	}()
)

func decodeReport(root value) (*Report, error) {
	if root.kind != kindObject {
		return nil, &FileError{Msg: "年报文件应为一个 JSON 对象，实为" + describe(root)}
	}
	r := &Report{}
	var has [3]bool // format, agency, year
	for _, f := range root.fields {
		path := childPath("", f.key)
		var err error
		switch f.key {
		case "format":
			has[0] = true
			if r.Format, err = wantString(path, f.val); err == nil && r.Format != FormatID {
				err = &FileError{Path: path, Msg: "应为“" + FormatID + "”，实为" + quote(r.Format) + "，不是本程序能读的年报文件"}
			}
		case "agency":
			has[1] = true
			r.Agency, err = wantString(path, f.val)
		case "year":
			has[2] = true
			r.Year, err = wantInt(path, f.val, yearRange)
		case "agency_type":
			r.AgencyType, err = wantString(path, f.val)
		case "title":
			r.Title, err = wantString(path, f.val)
		case "preamble":
			r.Preamble, err = wantString(path, f.val)
		case "closing":
			r.Closing, err = wantString(path, f.val)
		case "overview":
			r.Overview, err = decodeSections(path, f.val)
		case "problems":
			r.Problems, err = decodeSections(path, f.val)
		case "other_matters":
			r.OtherMatters, err = decodeSections(path, f.val)
		case "proactive":
			err = decodeProactive(path, f.val, &r.Proactive)
		case "applications":
			err = decodeApplications(path, f.val, &r.Applications)
		case "review_litigation":
			err = decodeReviewLitigation(path, f.val, &r.ReviewLitigation)
		default:
			err = unknownKey("", f.key, topKeys)
		}
		if err != nil {
			return nil, err
		}
	}
	for i, key := range []string{"format", "agency", "year"} {
		if !has[i] {
			return nil, &FileError{Path: key, Msg: "缺少必填字段"}
		}
	}
	if r.Proactive.Fees == "" {
		r.Proactive.Fees = "0"
	}
	return r, nil
}

func decodeSections(path string, v value) ([]Section, error) {
	if v.kind != kindArray {
		return nil, &FileError{Path: path, Msg: "应为由段落（含 heading 和 body 的对象）组成的数组，实为" + describe(v)}
	}
	var out []Section
	for i, item := range v.items {
		ip := indexPath(path, i)
		if err := wantObject(ip, item, "含 heading 和 body 的对象"); err != nil {
			return nil, err
		}
		var s Section
		for _, f := range item.fields {
			var err error
			switch f.key {
			case "heading":
				s.Heading, err = wantString(childPath(ip, f.key), f.val)
			case "body":
				s.Body, err = wantString(childPath(ip, f.key), f.val)
			default:
				err = unknownKey(ip, f.key, sectionKeys)
			}
			if err != nil {
				return nil, err
			}
		}
		out = append(out, s)
	}
	return out, nil
}

func decodeProactive(path string, v value, p *Proactive) error {
	if err := wantObject(path, v, "对象"); err != nil {
		return err
	}
	for _, f := range v.fields {
		fp := childPath(path, f.key)
		var err error
		switch f.key {
		case "rules":
			err = decodeDocCounts(fp, f.val, &p.Rules)
		case "normative_documents":
			err = decodeDocCounts(fp, f.val, &p.NormativeDocuments)
		case "licensing":
			p.Licensing, err = wantInt(fp, f.val, figureRange)
		case "penalty":
			p.Penalty, err = wantInt(fp, f.val, figureRange)
		case "coercion":
			p.Coercion, err = wantInt(fp, f.val, figureRange)
		case "fees":
			if f.val.kind != kindString {
				err = &FileError{Path: fp, Msg: feesWant + "，实为" + describe(f.val)}
			}
			p.Fees = f.val.text
		default:
			err = unknownKey(path, f.key, proactiveKeys)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func decodeDocCounts(path string, v value, d *DocCounts) error {
	if err := wantObject(path, v, "含 issued、repealed、in_force 的对象"); err != nil {
		return err
	}
	for _, f := range v.fields {
		fp := childPath(path, f.key)
		var err error
		switch f.key {
		case "issued":
			d.Issued, err = wantInt(fp, f.val, figureRange)
		case "repealed":
			d.Repealed, err = wantInt(fp, f.val, figureRange)
		case "in_force":
			d.InForce, err = wantInt(fp, f.val, figureRange)
		default:
			err = unknownKey(path, f.key, docKeys)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func decodeApplications(path string, v value, a *Applications) error {
	if err := wantObject(path, v, "对象"); err != nil {
		return err
	}
	for _, f := range v.fields {
		i, ok := AppRowIndex(f.key)
		if !ok {
			return unknownKey(path, f.key, appKeys)
		}
		if err := wantRow(childPath(path, f.key), f.val, a[i][:]); err != nil {
			return err
		}
	}
	return nil
}

func decodeReviewLitigation(path string, v value, rl *ReviewLitigation) error {
	if err := wantObject(path, v, "对象"); err != nil {
		return err
	}
	for _, f := range v.fields {
		g := -1
		for i, info := range CaseGroupInfos {
			if info.Key == f.key {
				g = i
			}
		}
		if g < 0 {
			return unknownKey(path, f.key, caseKeys)
		}
		if err := wantRow(childPath(path, f.key), f.val, rl[g][:]); err != nil {
			return err
		}
	}
	return nil
}
