package report

import "testing"

// Same is true of reports written as the same file: a copy, not a report
// with one figure or one word changed, nor one Marshal refuses.
func TestSame(t *testing.T) {
	a := sample("测试局", 2024, 3)
	copyOf := func() *Report {
		data, err := Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ParseStored(data)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	figure, word, invalid := copyOf(), copyOf(), copyOf()
	figure.Applications[0][0]++
	word.Preamble += "。"
	invalid.Agency = ""
	for _, tt := range []struct {
		name string
		b    *Report
		want bool
	}{
		{"a copy", copyOf(), true},
		{"a figure changed", figure, false},
		{"a word changed", word, false},
		{"one Marshal refuses", invalid, false},
	} {
		if got := Same(a, tt.b); got != tt.want {
			t.Errorf("%s: Same = %v, want %v", tt.name, got, tt.want)
		}
	}
}
