package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// escapeTerminal is the one way every word the command line prints reaches a
// terminal: s as it is, but for the characters that would act instead of
// showing, each written out: control characters (an escape sequence could
// clear the screen or retitle the window; a carriage return overwrites the
// line), C1 controls, invisible formatting (direction overrides, zero-width
// characters), line and paragraph separators as \u001b and the like, and
// bytes that are not UTF-8 as \xff. Stored names from before the text rules
// and file names may hold any of them. With lines, line breaks and tabs pass
// (the lines of a message); without, they are written out too (one cell of a
// table, one name on one line).
func escapeTerminal(s string, lines bool) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		clean = c >= 0x20 && c < 0x7f || lines && (c == '\n' || c == '\t')
	}
	if clean {
		return s // ASCII text: the usual case, nothing to look at
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case lines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case acts(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// acts reports whether a terminal would act on r rather than show it.
func acts(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// terminal writes what the command line prints through escapeTerminal. Each
// Write is taken whole (the command line writes whole messages), so a
// character is never split between two.
type terminal struct{ w io.Writer }

func (t terminal) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, escapeTerminal(string(p), true)); err != nil {
		return 0, err
	}
	return len(p), nil
}
