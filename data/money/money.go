// Package money is the fixed-point amount of the report's fees (行政事业性收费,
// 万元 to six decimals, that is to the 分). Amounts are whole millionths of a
// 万元 in an int64, so that sums are exact: 0.1 + 0.2 is 0.3, never
// 0.30000000000000004. No float is involved anywhere.
package money

import (
	"errors"
	"fmt"
	"strings"
)

// Decimals is the count of decimal places of an amount: 6 places of 万元 reach the 分.
const Decimals = 6

// MaxIntDigits bounds the integer part of an amount in a report file.
const MaxIntDigits = 7

// scale is 10^Decimals: the millionths in one 万元.
const scale = 1_000_000

// MaxFile is the largest amount a report file holds: 9999999.999999 万元.
const MaxFile Amount = 9_999_999_999_999

// Amount is a sum of money in millionths of a 万元. The zero value is 0.
type Amount int64

// ErrSyntax is wrapped by Parse's errors.
var ErrSyntax = errors.New("收费金额须为以万元为单位的数字，整数部分 1 到 7 位，小数最多 6 位，如 12.5")

// MaxCombinedIntDigits bounds the integer part of an amount in a combined
// report (汇总): sums of up to 100,000 units' fees, each within MaxFile, fit.
const MaxCombinedIntDigits = 12

// MaxCombined is the largest amount a combined report holds: 999999999999.999999 万元,
// far inside an int64 of millionths.
const MaxCombined Amount = 999_999_999_999_999_999

// ErrSyntaxCombined is wrapped by ParseCombined's errors.
var ErrSyntaxCombined = errors.New("收费金额须为以万元为单位的数字，整数部分 1 到 12 位，小数最多 6 位，如 12.5")

// Parse reads an amount in the file format's syntax, ^\d{1,7}(\.\d{1,6})?$.
// An empty string reads as 0, as a missing fee does.
func Parse(s string) (Amount, error) { return parse(s, MaxIntDigits, ErrSyntax) }

// ParseCombined reads the amount of a combined report, ^\d{1,12}(\.\d{1,6})?$.
func ParseCombined(s string) (Amount, error) {
	return parse(s, MaxCombinedIntDigits, ErrSyntaxCombined)
}

func parse(s string, intDigits int, errSyntax error) (Amount, error) {
	if s == "" {
		return 0, nil
	}
	whole, frac, hasPoint := strings.Cut(s, ".")
	if len(whole) < 1 || len(whole) > intDigits || !digits(whole) ||
		(hasPoint && (len(frac) < 1 || len(frac) > Decimals || !digits(frac))) {
		return 0, fmt.Errorf("“%s”：%w", s, errSyntax)
	}
	var a int64
	for i := 0; i < len(whole); i++ {
		a = a*10 + int64(whole[i]-'0')
	}
	a *= scale
	unit := int64(scale / 10)
	for i := 0; i < len(frac); i++ {
		a += int64(frac[i]-'0') * unit
		unit /= 10
	}
	return Amount(a), nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String returns the amount as the file writes it: no leading zeros, no
// trailing decimal zeros, no point for a whole amount ("0", "12.5", "0.000001").
func (a Amount) String() string {
	neg := a < 0
	v := int64(a)
	if neg {
		v = -v
	}
	s := fmt.Sprintf("%d", v/scale)
	if f := v % scale; f != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%06d", f), "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Fixed returns the amount with exactly six decimals, as a table prints a
// column of amounts so that the points line up ("12.500000").
func (a Amount) Fixed() string {
	neg := a < 0
	v := int64(a)
	if neg {
		v = -v
	}
	s := fmt.Sprintf("%d.%06d", v/scale, v%scale)
	if neg {
		s = "-" + s
	}
	return s
}

// Add returns a + b. A sum of amounts within MaxFile cannot overflow before
// about 900,000 of them; InFile says whether the result still fits a file.
func (a Amount) Add(b Amount) Amount { return a + b }

// Sub returns a − b, as a difference between a stated and a computed amount.
func (a Amount) Sub(b Amount) Amount { return a - b }

// InFile reports whether the amount can be written to a report file.
func (a Amount) InFile() bool { return a >= 0 && a <= MaxFile }

// InCombined reports whether the amount can be written to a combined report's file.
func (a Amount) InCombined() bool { return a >= 0 && a <= MaxCombined }

// Millionths returns the amount as a whole count of millionths of a 万元.
func (a Amount) Millionths() int64 { return int64(a) }
