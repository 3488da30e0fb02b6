package figure

import (
	"strings"
	"testing"

	"nianbao/data/report"
)

func TestParseCount(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr bool
	}{
		{"", 0, false},
		{"0", 0, false},
		{"123", 123, false},
		{" 42 ", 42, false},
		{"\u3000７\u3000", 7, false},
		{"１２３", 123, false},
		{"12,486", 12486, false},
		{"1，234，567", 1234567, false},
		{"9999999", 9999999, false},
		{"9,999,999", 9999999, false},
		{"007", 7, false},
		{"12.0", 12, false},
		{"+5", 5, false},
		{"10000000", 0, true},
		{"-1", 0, true},
		{"－1", 0, true},
		{"1.5", 0, true},
		{"12,48", 0, true},
		{"1234,567", 0, true},
		{",123", 0, true},
		{"abc", 0, true},
		{"十二", 0, true},
		{"1 2", 0, true},
		{"00000000000000000001", 1, false},
	}
	for _, tt := range tests {
		got, err := ParseCount(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseCount(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if err == nil && got != tt.want {
			t.Errorf("ParseCount(%q) = %d, want %d", tt.in, got, tt.want)
		}
		if err != nil && err.Error() == "" {
			t.Errorf("ParseCount(%q): empty message", tt.in)
		}
	}
}

func TestParseFee(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"", "0", false},
		{"0", "0", false},
		{"12.5", "12.5", false},
		{"１２．５", "12.5", false},
		{"0.000001", "0.000001", false},
		{".5", "0.5", false},
		{"12.", "12", false},
		{"007.10", "7.10", false},
		{"1,234.56", "1234.56", false},
		{"9999999.999999", "9999999.999999", false},
		{"10000000", "", true},
		{"0.0000001", "", true},
		{"-3", "", true},
		{"1.2.3", "", true},
		{"12万", "", true},
		{"1,23.4", "", true},
	}
	for _, tt := range tests {
		got, err := ParseFee(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseFee(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseFee(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseYear(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		err  string
	}{
		{"2024", 2024, ""},
		{" ２０２４ ", 2024, ""},
		{"", 0, "请填写报告年度"},
		{"2007", 0, "报告年度应为 2008 至 2100 之间的年份"},
		{"2101", 0, "报告年度应为 2008 至 2100 之间的年份"},
		{"二〇二四", 0, "报告年度应为 2008 至 2100 之间的年份"},
	} {
		got, err := ParseYear(tc.in)
		if got != tc.want || (err == nil) != (tc.err == "") || (err != nil && err.Error() != tc.err) {
			t.Errorf("ParseYear(%q) = %d, %v; want %d, %q", tc.in, got, err, tc.want, tc.err)
		}
	}
}

// TestFiguresOfCombinedReport: a combined report's cells (汇总) take a
// province's sums, beyond a unit's 9,999,999 and 9999999.999999 万元, up to
// the combined limits; a unit's report keeps the unit limits.
func TestFiguresOfCombinedReport(t *testing.T) {
	unitReport := report.New("某县财政局", 2024)
	sum := report.New("某省人民政府", 2024)
	sum.Combined = &report.Combination{Units: []string{"甲市人民政府", "乙市人民政府"}}
	counts := []struct {
		r       *report.Report
		in      string
		want    int
		wantErr string
	}{
		{unitReport, "12,000,000", 0, "不能超过 9999999"},
		{unitReport, "9999999", 9_999_999, ""},
		{sum, "12,000,000", 12_000_000, ""},
		{sum, "１２３４５６７８９０１２", 123_456_789_012, ""},
		{sum, "999999999999", report.MaxCombinedFigure, ""},
		{sum, "1000000000000", 0, "不能超过 999999999999"},
		{sum, "12.5", 0, "须为整数"},
	}
	for _, tc := range counts {
		got, err := ParseCountOf(tc.in, tc.r)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("ParseCountOf(%q, %s) = %d, %v; want error %q", tc.in, tc.r.Agency, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseCountOf(%q, %s) = %d, %v; want %d", tc.in, tc.r.Agency, got, err, tc.want)
		}
	}
	fees := []struct {
		r       *report.Report
		in      string
		want    string
		wantErr string
	}{
		{unitReport, "12,000,000.5", "", "收费金额不能超过 9999999.999999 万元"},
		{sum, "12,000,000.5", "12000000.5", ""},
		{sum, "999999999999.999999", "999999999999.999999", ""},
		{sum, "1000000000000", "", "收费金额不能超过 999999999999.999999 万元"},
	}
	for _, tc := range fees {
		got, err := ParseFeeOf(tc.in, tc.r)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("ParseFeeOf(%q, %s) = %q, %v; want error %q", tc.in, tc.r.Agency, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseFeeOf(%q, %s) = %q, %v; want %q", tc.in, tc.r.Agency, got, err, tc.want)
		}
	}
}
