package export

import (
	"strings"
	"testing"

	"nianbao/app/paper"
)

func TestMissingText(t *testing.T) {
	ms := []paper.MissingGlyph{{Char: '𠀀', Where: "一、总体情况（一）第2段"}}
	got := missingText(ms, "打印")
	for _, want := range []string{"“𠀀”（U+20000），位于一、总体情况（一）第2段", "仍要打印吗"} {
		if !strings.Contains(got, want) {
			t.Errorf("missingText = %q, want it to contain %q", got, want)
		}
	}
}
