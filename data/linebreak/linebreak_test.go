package linebreak

import (
	"strings"
	"testing"
)

// TestCanBreak: where a line may end in real wording, the places marked "|"
// in want, and nowhere else.
func TestCanBreak(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"characters", "一|二|三"},
		{"a comma stays with what it follows", "一|二，|三"},
		{"a full stop and a closing quote", "说|“三”。|四"},
		{"an opening bracket stays with what follows", "一|（四）|五"},
		{"book title marks", "见|《条|例》|第|三|条"},
		{"an ellipsis", "四……|五"},
		{"a year", "一|2023|年"},
		{"a telephone number", "电|话|0955—7037171"},
		{"a number with a thousands separator", "共|12,486|条"},
		{"a percentage", "占|99.5%"},
		{"a Latin word", "经|ISO|认|证"},
		{"a space", "一|二 |PDF |三"},
		{"a web address after a path's slash", "见|https://www.a.cn/|xxgk/|index.html"},
		{"a date with a slash", "于|2023/2024|年"},
		{"a document number", "按|国|办|公|开|办|函|〔2021〕30号|格|式"},
		{"a year in Chinese numerals in brackets", "函|〔二〇二一〕3号|印|发"},
		{"a number not of a document", "第|30|号|令"},
		{"a long text in brackets breaks as text", "见|〔以|下|简|称|条|例|等〕|文"},
		{"punctuation after a document number", "函|〔2021〕30号）。|各"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs := []rune(strings.ReplaceAll(tc.want, "|", ""))
			var got strings.Builder
			for i, r := range rs {
				if i > 0 && CanBreak(rs, i) {
					got.WriteByte('|')
				}
				got.WriteRune(r)
			}
			if got.String() != tc.want {
				t.Errorf("breaks %q, want %q", got.String(), tc.want)
			}
		})
	}
}

func TestNoStartNoEnd(t *testing.T) {
	for _, r := range "，。、；：？！）》」』】〕”…%" {
		if !NoStart(r) || NoEnd(r) {
			t.Errorf("%q: NoStart %v, NoEnd %v", r, NoStart(r), NoEnd(r))
		}
	}
	for _, r := range "（《「『【〔“" {
		if NoStart(r) || !NoEnd(r) {
			t.Errorf("%q: NoStart %v, NoEnd %v", r, NoStart(r), NoEnd(r))
		}
	}
	if NoStart('一') || NoEnd('一') {
		t.Error("一 is restricted")
	}
}
