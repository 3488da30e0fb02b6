// Package figure reads the figures typed into the report's number cells: whole
// numbers (件) and the fee in 万元. It accepts what office staff actually type:
// full-width digits from a Chinese input method (１２３), thousands separators
// (12,486 or 12，486, only in groups of three), and surrounding blanks. Anything
// else is refused with a Chinese message that says what is wrong.
package figure

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"nianbao/data/money"
	"nianbao/data/report"
)

// MaxFeeIntDigits and MaxFeeDecimals bound a fee as the file format does
// (^\d{1,7}(\.\d{1,6})?$): they are package money's, the one place of that rule.
const (
	MaxFeeIntDigits = money.MaxIntDigits
	MaxFeeDecimals  = money.Decimals
)

// normalize maps full-width digits, separators and the full-width point to
// ASCII and trims blanks (including the ideographic space U+3000).
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = '0' + (r - '０')
		case r == '，':
			r = ','
		case r == '．' || r == '。':
			r = '.'
		case r == '－':
			r = '-'
		case r == '＋':
			r = '+'
		}
		b.WriteRune(r)
	}
	return strings.TrimFunc(b.String(), unicode.IsSpace)
}

// stripGroups removes thousands separators from the integer part digits,
// accepting them only in the usual positions (1–3 digits, then groups of 3).
func stripGroups(s string) (string, error) {
	if !strings.Contains(s, ",") {
		return s, nil
	}
	groups := strings.Split(s, ",")
	if len(groups[0]) < 1 || len(groups[0]) > 3 {
		return "", errors.New("千位分隔符位置不对（应为 12,486 这样每三位一组）")
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "", errors.New("千位分隔符位置不对（应为 12,486 这样每三位一组）")
		}
	}
	return strings.Join(groups, ""), nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseCount reads a whole number 0…9,999,999, a unit's report's figure. An
// empty cell reads as 0.
func ParseCount(text string) (int, error) { return ParseCountMax(text, report.MaxFigure) }

// ParseCountOf reads a figure of r: up to r.MaxFigureOf(), so that a combined
// report's sums (a province's, beyond a unit's 9,999,999) can be typed.
func ParseCountOf(text string, r *report.Report) (int, error) {
	return ParseCountMax(text, r.MaxFigureOf())
}

// ParseCountMax reads a whole number 0…max. An empty cell reads as 0.
func ParseCountMax(text string, max int) (int, error) {
	s := normalize(text)
	if s == "" {
		return 0, nil
	}
	if strings.HasPrefix(s, "-") {
		return 0, errors.New("不能为负数")
	}
	s = strings.TrimPrefix(s, "+")
	if strings.Contains(s, ".") {
		whole, frac, _ := strings.Cut(s, ".")
		if allDigits(strings.ReplaceAll(whole, ",", "")) && strings.Trim(frac, "0") == "" && frac != "" {
			s = whole // 12.0 and 12.00 from a spreadsheet are whole numbers
		} else {
			return 0, errors.New("须为整数（件数不能有小数）")
		}
	}
	s, err := stripGroups(s)
	if err != nil {
		return 0, err
	}
	if !allDigits(s) {
		return 0, fmt.Errorf("“%s”不是数字，请填写 0 到 %d 的整数", text, max)
	}
	s = strings.TrimLeft(s, "0")
	if len(s) > len(strconv.Itoa(max)) {
		return 0, fmt.Errorf("不能超过 %d", max)
	}
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > max {
		return 0, fmt.Errorf("不能超过 %d", max)
	}
	return n, nil
}

// ParseFee reads an amount in 万元: up to 7 integer digits and 6 decimals, as
// the canonical decimal string of the file format (leading zeros dropped, the
// decimals kept as typed). An empty cell reads as "0".
func ParseFee(text string) (string, error) { return parseFee(text, MaxFeeIntDigits, money.MaxFile) }

// ParseFeeOf reads the fee of r: a combined report's (汇总) has up to
// money.MaxCombinedIntDigits integer digits, a unit's up to 7.
func ParseFeeOf(text string, r *report.Report) (string, error) {
	if r.Combined != nil {
		return parseFee(text, money.MaxCombinedIntDigits, money.MaxCombined)
	}
	return ParseFee(text)
}

func parseFee(text string, intDigits int, max money.Amount) (string, error) {
	s := normalize(text)
	if s == "" {
		return "0", nil
	}
	if strings.HasPrefix(s, "-") {
		return "", errors.New("收费金额不能为负数")
	}
	s = strings.TrimPrefix(s, "+")
	intPart, frac, hasPoint := strings.Cut(s, ".")
	intPart, err := stripGroups(intPart)
	if err != nil {
		return "", err
	}
	if intPart == "" && hasPoint {
		intPart = "0" // .5 means 0.5
	}
	if !allDigits(intPart) || (hasPoint && frac != "" && !allDigits(frac)) {
		return "", fmt.Errorf("“%s”不是金额，请填写以万元为单位的数字，如 12.5", text)
	}
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if len(intPart) > intDigits {
		return "", fmt.Errorf("收费金额不能超过 %s 万元", max.Fixed())
	}
	if len(frac) > MaxFeeDecimals {
		return "", fmt.Errorf("收费金额最多 %d 位小数（单位为万元，6 位到分）", MaxFeeDecimals)
	}
	if frac == "" {
		return intPart, nil
	}
	return intPart + "." + frac, nil
}

// ParseYear reads a report year as typed, full-width digits too: 2008…2100.
func ParseYear(s string) (int, error) {
	if strings.TrimSpace(s) == "" {
		return 0, errors.New("请填写报告年度")
	}
	n, err := ParseCount(s)
	if err != nil || n < report.MinYear || n > report.MaxYear {
		return 0, fmt.Errorf("报告年度应为 %d 至 %d 之间的年份", report.MinYear, report.MaxYear)
	}
	return n, nil
}
