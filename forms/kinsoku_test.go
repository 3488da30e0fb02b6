package forms

import (
	"strings"
	"testing"
)

// Every character is 1 wide: lines of at most width characters.
func runeWidth(s string) float32 { return float32(len([]rune(s))) }

func TestWrapKinsoku(t *testing.T) {
	tests := []struct {
		text  string
		width float32
		want  string
	}{
		{"甲乙丙丁戊己", 3, "甲乙丙\n丁戊己"},
		// "，" may not begin a line: 丙 goes down with it.
		{"甲乙丙，所列机关", 3, "甲乙\n丙，所\n列机关"},
		// "（" may not end a line.
		{"甲乙（丙）丁", 3, "甲乙\n（丙）\n丁"},
		// Closing marks in a row go down with the character before them.
		{"甲乙丙丁。”戊", 4, "甲乙丙\n丁。”戊"},
		// Latin words and numbers are not split.
		{"共计12486件", 4, "共计\n1248\n6件"},
		{"甲乙\n丙丁", 3, "甲乙\n丙丁"},
		{"", 3, ""},
	}
	for _, tt := range tests {
		if got := wrapKinsoku(tt.text, tt.width, runeWidth); got != tt.want {
			t.Errorf("wrapKinsoku(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
	// No line of a long text starts with a mark that may not begin one.
	text := strings.Repeat("本报告为虚构示例，所列机关、数字和事项均为演示用途。", 20)
	for w := float32(5); w < 30; w++ {
		for _, line := range strings.Split(wrapKinsoku(text, w, runeWidth), "\n") {
			if strings.ContainsAny(string([]rune(line)[:1]), "，。、；：？！）」』】〕》") {
				t.Fatalf("width %v: a line starts with %q", w, line)
			}
			if runeWidth(line) > w {
				t.Fatalf("width %v: line %q too wide", w, line)
			}
		}
	}
}
