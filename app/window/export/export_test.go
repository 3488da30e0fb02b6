package export

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/app/paper"
	"nianbao/data/check"
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

// The question about errors names each error as the checks word it, the
// first five of them, counts the rest, and says nothing of warnings.
func TestErrorsText(t *testing.T) {
	fs := []check.Finding{{Severity: check.Warning, Message: "一、总体情况：本部分没有内容，请填写"}}
	if got := errorsText(fs, "打印"); got != "" {
		t.Errorf("warnings only: %q, want no question", got)
	}
	for i := 1; i <= 7; i++ {
		fs = append(fs, check.Finding{Severity: check.Error, Message: fmt.Sprintf("错误甲%d", i)})
	}
	got := errorsText(fs, "打印")
	for _, want := range []string{"这份年报有 7 个错误：", "\n1. 错误甲1", "\n5. 错误甲5", "另有 2 个", "仍要打印吗？"} {
		if !strings.Contains(got, want) {
			t.Errorf("errorsText = %q, want it to contain %q", got, want)
		}
	}
	for _, not := range []string{"错误甲6", "本部分没有内容"} {
		if strings.Contains(got, not) {
			t.Errorf("errorsText = %q, should not contain %q", got, not)
		}
	}
}
