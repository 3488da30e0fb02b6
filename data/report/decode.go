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

const (
	feesWant         = "应为最多 7 位整数、最多 6 位小数的金额字符串（万元），如“0”或“12.5”"
	feesWantCombined = "应为最多 12 位整数、最多 6 位小数的金额字符串（万元，汇总的年报），如“0”或“12.5”"
)

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

// The functions below read the value at the parser's position, which check
// has accepted; on a value of the wrong kind they say what it is instead.

func (p *parser) wantObject(path, what string) error {
	if p.peek() != kindObject {
		return &FileError{Path: path, Msg: "应为" + what + "，实为" + describe(p.look())}
	}
	return nil
}

func (p *parser) wantString(path string) (string, error) {
	if p.peek() != kindString {
		return "", &FileError{Path: path, Msg: "应为字符串，实为" + describe(p.look())}
	}
	s, _ := p.str(path, true)
	return s, nil
}

// wantInt reads a whole number written as an integer literal; the range is
// left to Validate, but want says it in the message for any other value.
func (p *parser) wantInt(path, want string) (int, error) {
	v := p.skip()
	if v.kind == kindNumber && !strings.ContainsAny(v.text, ".eE") {
		if n, err := strconv.Atoi(v.text); err == nil {
			return n, nil
		}
	}
	return 0, &FileError{Path: path, Msg: want + "，实为" + describe(v)}
}

func (p *parser) wantRow(path string, out []int) error {
	want := fmt.Sprintf("应为 %d 个整数组成的数组", len(out))
	if v := p.look(); v.kind != kindArray {
		return &FileError{Path: path, Msg: want + "，实为" + describe(v)}
	} else if v.n != len(out) {
		return &FileError{Path: path, Msg: fmt.Sprintf("%s，实为 %d 个", want, v.n)}
	}
	return p.items(path, func(i int, ip string) error {
		n, err := p.wantInt(ip, figureRange)
		out[i] = n
		return err
	})
}

var (
	topKeys = []string{"format", "agency", "year", "agency_type", "combined", "title", "preamble", "overview",
		"proactive", "proactive_text", "applications", "applications_text", "review_litigation",
		"review_litigation_text", "problems", "other_matters", "closing"}
	sectionKeys   = []string{"heading", "body"}
	tableTextKeys = []string{"before", "after"}
	combinedKeys  = []string{"units"}
	proactiveKeys = []string{"rules", "normative_documents", "licensing", "penalty", "coercion", "fees"}
	docKeys       = []string{"issued", "repealed", "in_force"}
	appKeys       = AppRowKeys[:]
	caseKeys      = CaseGroupKeys[:]
)

func (p *parser) decodeReport() (*Report, error) {
	if p.peek() != kindObject {
		return nil, &FileError{Msg: "年报文件应为一个 JSON 对象，实为" + describe(p.look())}
	}
	r := &Report{}
	var has [3]bool // format, agency, year
	v2Key := ""     // the path of the first key of version 2
	err := p.fields("", func(key, path string) error {
		var err error
		switch key {
		case "format":
			has[0] = true
			if r.Format, err = p.wantString(path); err == nil && r.Format != FormatID && r.Format != FormatV2 {
				err = &FileError{Path: path, Msg: "应为“" + FormatID + "”或“" + FormatV2 + "”，实为" + quote(r.Format) + "，不是本程序能读的年报文件"}
			}
		case "agency":
			has[1] = true
			r.Agency, err = p.wantString(path)
		case "year":
			has[2] = true
			r.Year, err = p.wantInt(path, yearRange)
		case "agency_type":
			r.AgencyType, err = p.wantString(path)
		case "title":
			r.Title, err = p.wantString(path)
		case "preamble":
			r.Preamble, err = p.wantString(path)
		case "closing":
			r.Closing, err = p.wantString(path)
		case "overview":
			r.Overview, err = p.decodeSections(path)
		case "problems":
			r.Problems, err = p.decodeSections(path)
		case "other_matters":
			r.OtherMatters, err = p.decodeSections(path)
		case "proactive":
			err = p.decodeProactive(path, &r.Proactive)
		case "applications":
			err = p.decodeApplications(path, &r.Applications)
		case "review_litigation":
			err = p.decodeReviewLitigation(path, &r.ReviewLitigation)
		default:
			if v2Key == "" {
				v2Key = path
			}
			err = p.decodeV2(key, path, r)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	for i, key := range []string{"format", "agency", "year"} {
		if !has[i] {
			return nil, &FileError{Path: key, Msg: "缺少必填字段"}
		}
	}
	if r.Format == FormatID && v2Key != "" {
		return nil, &FileError{Path: v2Key, Msg: v2Place(v2Key) + "是“" + FormatV2 + "”格式的字段，而文件的 format 为“" + FormatID +
			"”：请把 format 改为“" + FormatV2 + "”"}
	}
	// A file of version 2 with nothing of version 2 reads as version 1, the
	// version it is written back in.
	r.Format = r.NeededFormat()
	if r.Proactive.Fees == "" {
		r.Proactive.Fees = "0"
	}
	return r, nil
}

// v2Place names a key of version 2 in the report's printed words.
func v2Place(key string) string {
	if key == "combined" {
		return "汇总的年报所汇总的单位"
	}
	for i, k := range tableTextPaths {
		if key == k {
			return PartHeadings[TableParts[i]] + "表格前后的文字"
		}
	}
	return ""
}

// decodeV2 reads a top-level key of version 2; any other key is unknown.
func (p *parser) decodeV2(key, path string, r *Report) error {
	switch key {
	case "combined":
		r.Combined = &Combination{}
		return placed(p.decodeCombination(path, r.Combined), "汇总的年报所汇总的单位")
	}
	for i, k := range tableTextPaths {
		if key == k {
			return p.decodeTableText(path, TableParts[i], r.TableText(TableParts[i]))
		}
	}
	return unknownKey("", key, topKeys)
}

// decodeTableText reads the text around the table of part; its messages name
// the part as printed.
func (p *parser) decodeTableText(path string, part int, t *TableText) error {
	if err := p.wantObject(path, "含 before 和 after 的对象"); err != nil {
		return placed(err, PartHeadings[part]+"表格前后的文字")
	}
	return p.fields(path, func(key, fp string) error {
		var err error
		switch key {
		case "before":
			t.Before, err = p.wantString(fp)
			err = placed(err, TableTextWhere(part, false))
		case "after":
			t.After, err = p.wantString(fp)
			err = placed(err, TableTextWhere(part, true))
		default:
			err = placed(unknownKey(path, key, tableTextKeys), PartHeadings[part]+"表格前后的文字")
		}
		return err
	})
}

func (p *parser) decodeCombination(path string, c *Combination) error {
	if err := p.wantObject(path, "含 units 的对象"); err != nil {
		return err
	}
	return p.fields(path, func(key, fp string) error {
		if key != "units" {
			return unknownKey(path, key, combinedKeys)
		}
		const want = "应为由所汇总单位的名称（字符串）组成的数组"
		if v := p.look(); v.kind != kindArray {
			return &FileError{Path: fp, Msg: want + "，实为" + describe(v)}
		} else if v.n > MaxCombinedUnits {
			return &FileError{Path: fp, Msg: fmt.Sprintf("汇总的年报列有 %d 个单位，超过 %d 个的上限", v.n, MaxCombinedUnits)}
		}
		c.Units = []string{}
		return p.items(fp, func(_ int, ip string) error {
			name, err := p.wantString(ip)
			c.Units = append(c.Units, name)
			return err
		})
	})
}

func (p *parser) decodeSections(path string) ([]Section, error) {
	if v := p.look(); v.kind != kindArray {
		return nil, &FileError{Path: path, Msg: "应为由段落（含 heading 和 body 的对象）组成的数组，实为" + describe(v)}
	} else if v.n > MaxSections {
		return nil, &FileError{Path: path, Msg: fmt.Sprintf("有 %d 段，超过 %d 段的上限", v.n, MaxSections)}
	}
	var out []Section
	err := p.items(path, func(_ int, ip string) error {
		if err := p.wantObject(ip, "含 heading 和 body 的对象"); err != nil {
			return err
		}
		var s Section
		err := p.fields(ip, func(key, kp string) error {
			var err error
			switch key {
			case "heading":
				s.Heading, err = p.wantString(kp)
			case "body":
				s.Body, err = p.wantString(kp)
			default:
				err = unknownKey(ip, key, sectionKeys)
			}
			return err
		})
		out = append(out, s)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (p *parser) decodeProactive(path string, pr *Proactive) error {
	if err := p.wantObject(path, "对象"); err != nil {
		return err
	}
	return p.fields(path, func(key, fp string) error {
		var err error
		switch key {
		case "rules":
			err = p.decodeDocCounts(fp, &pr.Rules)
		case "normative_documents":
			err = p.decodeDocCounts(fp, &pr.NormativeDocuments)
		case "licensing":
			pr.Licensing, err = p.wantInt(fp, figureRange)
		case "penalty":
			pr.Penalty, err = p.wantInt(fp, figureRange)
		case "coercion":
			pr.Coercion, err = p.wantInt(fp, figureRange)
		case "fees":
			v := p.skip()
			if v.kind != kindString {
				err = &FileError{Path: fp, Msg: feesWant + "，实为" + describe(v)}
			}
			pr.Fees = v.text
		default:
			err = unknownKey(path, key, proactiveKeys)
		}
		return err
	})
}

func (p *parser) decodeDocCounts(path string, d *DocCounts) error {
	if err := p.wantObject(path, "含 issued、repealed、in_force 的对象"); err != nil {
		return err
	}
	return p.fields(path, func(key, fp string) error {
		var err error
		switch key {
		case "issued":
			d.Issued, err = p.wantInt(fp, figureRange)
		case "repealed":
			d.Repealed, err = p.wantInt(fp, figureRange)
		case "in_force":
			d.InForce, err = p.wantInt(fp, figureRange)
		default:
			err = unknownKey(path, key, docKeys)
		}
		return err
	})
}

func (p *parser) decodeApplications(path string, a *Applications) error {
	if err := p.wantObject(path, "对象"); err != nil {
		return err
	}
	return p.fields(path, func(key, fp string) error {
		i, ok := AppRowIndex(key)
		if !ok {
			return unknownKey(path, key, appKeys)
		}
		return p.wantRow(fp, a[i][:])
	})
}

func (p *parser) decodeReviewLitigation(path string, rl *ReviewLitigation) error {
	if err := p.wantObject(path, "对象"); err != nil {
		return err
	}
	return p.fields(path, func(key, fp string) error {
		g, ok := CaseGroupIndex(key)
		if !ok {
			return unknownKey(path, key, caseKeys)
		}
		return p.wantRow(fp, rl[g][:])
	})
}
