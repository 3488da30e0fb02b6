package money

import (
	"errors"
	"testing"
)

func TestParseString(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		micro    int64
	}{
		{"", "0", 0},
		{"0", "0", 0},
		{"0.1", "0.1", 100_000},
		{"12.500000", "12.5", 12_500_000},
		{"0.000001", "0.000001", 1},
		{"0012", "12", 12_000_000},
		{"9999999.999999", "9999999.999999", 9_999_999_999_999},
	} {
		a, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.in, err)
		}
		if a.Millionths() != tc.micro || a.String() != tc.want {
			t.Errorf("Parse(%q) = %d %q, want %d %q", tc.in, a.Millionths(), a, tc.micro, tc.want)
		}
		if !a.InFile() {
			t.Errorf("%q not InFile", tc.in)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, in := range []string{".5", "5.", "1.2345678", "12345678", "-1", "1e3", "１", "1,000", " 1", "0x1", "1.2.3"} {
		if _, err := Parse(in); !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%q) err = %v, want ErrSyntax", in, err)
		}
	}
}

func TestAddExact(t *testing.T) {
	a, _ := Parse("0.1")
	b, _ := Parse("0.2")
	if got := a.Add(b).String(); got != "0.3" {
		t.Errorf("0.1 + 0.2 = %s", got)
	}
	// 1,000 times 0.000001 is exactly 0.001; ten million times 0.1 is 1000000.
	var s Amount
	for i := 0; i < 1000; i++ {
		s = s.Add(1)
	}
	if s.String() != "0.001" {
		t.Errorf("sum = %s", s)
	}
	max, _ := Parse("9999999.999999")
	if over := max.Add(1); over.InFile() || over.String() != "10000000" {
		t.Errorf("max + 0.000001 = %s, InFile %v", over, over.InFile())
	}
	if d := a.Sub(b); d.String() != "-0.1" || d.Fixed() != "-0.100000" || d.InFile() {
		t.Errorf("0.1 − 0.2 = %s / %s", d, d.Fixed())
	}
	if b.Fixed() != "0.200000" {
		t.Errorf("Fixed = %s", b.Fixed())
	}
}

func TestParseCombined(t *testing.T) {
	for _, tc := range []struct {
		in    string
		micro int64
		unit  bool // Parse, the unit file's syntax, reads it too
	}{
		{"0", 0, true},
		{"9999999.999999", 9_999_999_999_999, true},
		{"10000000", 10_000_000_000_000, false},
		{"999999999999.999999", int64(MaxCombined), false},
	} {
		a, err := ParseCombined(tc.in)
		if err != nil || a.Millionths() != tc.micro || !a.InCombined() {
			t.Errorf("ParseCombined(%q) = %d, %v; want %d", tc.in, a.Millionths(), err, tc.micro)
		}
		if _, err := Parse(tc.in); (err == nil) != tc.unit {
			t.Errorf("Parse(%q) err = %v, want accepted %v", tc.in, err, tc.unit)
		}
		if a.String() != tc.in {
			t.Errorf("ParseCombined(%q).String() = %q", tc.in, a)
		}
	}
	for _, in := range []string{"1000000000000", "1.1234567", "-1", "1e3"} {
		if _, err := ParseCombined(in); !errors.Is(err, ErrSyntaxCombined) {
			t.Errorf("ParseCombined(%q) err = %v, want ErrSyntaxCombined", in, err)
		}
	}
	if (MaxCombined + 1).InCombined() || !MaxFile.InCombined() {
		t.Error("InCombined bounds wrong")
	}
}
