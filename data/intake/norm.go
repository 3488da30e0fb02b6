package intake

import (
	"regexp"
	"strings"
	"unicode"

	"nianbao/data/report"
)

// key is the form in which two labels are compared: full-width letters and
// digits made ASCII, every space, punctuation mark and symbol dropped, and
// the misprints that published reports carry put right. So "（三）不予公开",
// "(三) 不予公开" and "三、不予公开" compare equal, and "先行有效件数" finds
// 现行有效件数.
func key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = narrow(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	k := b.String()
	for _, m := range misprints {
		k = strings.ReplaceAll(k, m[0], m[1])
	}
	return k
}

// narrow maps a full-width form (Ａ, １, （) to its ASCII form and the
// ideographic and no-break spaces to a space.
func narrow(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000, r == 0x00A0:
		return ' '
	}
	return r
}

// misprints are words misprinted in published reports, in key form, with
// what they stand for: seen in real 年报 on government websites.
var misprints = [][2]string{
	{"钩稽", "勾稽"},
	{"先行有效", "现行有效"},
	{"其他法律行政止公开", "其他法律行政法规禁止公开"},
	{"行政法复议", "行政复议"},
}

// aliases are labels other than the national format's that mean the same
// thing, in key form: the 2019 format's (国办公开办函〔2019〕60号) where its
// column means what the 2021 one does, and the short names reports print.
var aliases = map[string]string{
	key("规范性文件"):          key("行政规范性文件"),
	key("本年新制作数量"):        key("本年制发件数"),
	key("对外公开总数量"):        key("现行有效件数"),
	key("处理决定数量"):         key("本年处理决定数量"),
	key("存在的主要问题及改进措施"):   key("存在的主要问题及改进情况"),
	key("五、存在的主要问题及改进措施"): key("五、存在的主要问题及改进情况"),
}

// labelKeys are the keys under which a printed label is found: its own, and
// without a closing remark in brackets ("（二）部分公开（区分处理的，…）" is
// also found as "（二）部分公开", "本年收费金额（单位：万元）" as "本年收费金额").
func labelKeys(label string) []string {
	ks := []string{key(label)}
	t := strings.TrimSpace(label)
	if strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")") {
		if i := strings.LastIndexAny(t, "（("); i > 0 {
			if k := key(t[:i]); k != "" && k != ks[0] {
				ks = append(ks, k)
			}
		}
	}
	return ks
}

// foundKey is the key of a label as found, an alias replaced by what it stands for.
func foundKey(s string) string {
	k := key(s)
	if a, ok := aliases[k]; ok {
		return a
	}
	return k
}

// blankTexts are what reports print in a cell for "none": read as 0 and listed.
var blankTexts = map[string]bool{
	"": true, "/": true, "\\": true, "-": true, "--": true, "—": true, "——": true, "–": true,
	"－": true, "―": true, "─": true, "无": true, "空": true, "×": true,
}

// cellText is a cell's text with every kind of space trimmed and the
// full-width forms made ASCII.
func cellText(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimFunc(s, isSpace) {
		b.WriteRune(narrow(r))
	}
	return strings.TrimFunc(b.String(), isSpace)
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == 0x3000 || r == 0x00A0 || r == 0x200B || r == 0xFEFF
}

// isBlank tells a cell that says "none": empty, "/", "—", "无" and the like.
func isBlank(s string) bool {
	t := strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return narrow(r)
	}, s)
	return blankTexts[t]
}

// units are the words a figure may be printed with: 12 件, 3 项, 5.5 万元.
var units = []string{"万元", "件", "项", "个", "次", "条", "宗", "起", "元"}

// numberText is a figure's text made plain: full-width digits ASCII, the
// spaces around it and a unit after it gone, thousands separators of a
// well-formed number (1,234 or 1，234) removed. It returns "" when what is
// left is not digits with at most one decimal point.
func numberText(s string) string {
	t := cellText(s)
	for _, u := range units {
		if strings.HasSuffix(t, u) {
			t = strings.TrimFunc(strings.TrimSuffix(t, u), isSpace)
			break
		}
	}
	t = strings.ReplaceAll(t, "，", ",")
	if strings.Contains(t, ",") {
		if !groupedWell(t) {
			return ""
		}
		t = strings.ReplaceAll(t, ",", "")
	}
	dot := false
	for i, r := range t {
		switch {
		case r >= '0' && r <= '9':
		case r == '.' && !dot && i > 0 && i < len(t)-1:
			dot = true
		default:
			return ""
		}
	}
	return t
}

// groupedWell tells "1,234,567" or "1,234.5" from "12,34" (a slip, not a separator).
func groupedWell(t string) bool {
	whole, _, _ := strings.Cut(t, ".")
	groups := strings.Split(whole, ",")
	if len(groups[0]) < 1 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// parseCount reads a count figure: a whole number within the format's limit.
func parseCount(s string) (int, bool) {
	t := numberText(s)
	if t == "" || strings.Contains(t, ".") || len(t) > 9 {
		return 0, false
	}
	n := 0
	for _, r := range t {
		n = n*10 + int(r-'0')
	}
	return n, n <= report.MaxFigure
}

// parseFee reads the fee in 万元 as the decimal string the file format keeps:
// at most 7 digits before the point and 6 after, leading zeros dropped.
func parseFee(s string) (string, bool) {
	t := numberText(s)
	if t == "" {
		return "", false
	}
	whole, frac, _ := strings.Cut(t, ".")
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if len(whole) > 7 || len(frac) > 6 {
		return "", false
	}
	if frac != "" {
		return whole + "." + frac, true
	}
	return whole, true
}

// pageNumber matches what is printed as a page number: "— 3 —", "-3-",
// "第3页", "第 3 页 共 5 页", "3/5", "3", "Page 3".
var pageNumber = regexp.MustCompile(`^(?:[-—–－~～·•_ ]*[0-9０-９]+[-—–－~～·•_ ]*|第[0-9０-９一二三四五六七八九十百]+页(?:[,，、 ]*共[0-9０-９一二三四五六七八九十百]+页)?|共[0-9０-９]+页[,，、 ]*第[0-9０-９]+页|[0-9０-９]+ */ *[0-9０-９]+|(?i:page) *[0-9]+(?: *(?i:of) *[0-9]+)?)$`)

// PageNumber tells a line that is only a page number (the PDF reader drops
// them from a page's foot; the matcher from between a table's two halves).
func PageNumber(s string) bool { return pageNumber.MatchString(strings.TrimSpace(s)) }
