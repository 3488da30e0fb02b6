package outfile

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameBytes keeps a file name well under the 255 bytes of Linux file
// systems and the 255 UTF-16 units of Windows (a CJK character is 3 bytes in
// UTF-8 and 1 unit in UTF-16).
const maxNameBytes = 240

// FileName makes a default file name from stem (typically an agency's name and
// a year, as typed by the user) and ext (the program's own, such as ".pdf" or
// ".nianbao.json"), safe on Windows and Linux alike: no folder separators or
// characters Windows reserves (\ / : * ? " < > |), no control or invisible
// formatting characters, no leading dot (hidden on Linux), no trailing dot or
// space (Windows drops them), no reserved device name (CON, PRN, AUX, NUL,
// COM1–9, LPT1–9, with any extension), and not too long. An empty result
// becomes "年报".
func FileName(stem, ext string) string {
	var b strings.Builder
	for _, r := range stem {
		switch {
		case strings.ContainsRune(`\/:*?"<>|`, r):
			b.WriteRune('_')
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			// dropped: invisible, or not representable
		default:
			b.WriteRune(r)
		}
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	s = strings.TrimLeft(s, ". ")
	s = truncate(s, maxNameBytes-len(ext))
	s = strings.TrimRight(s, ". ")
	if s == "" {
		s = "年报"
	}
	if reservedOnWindows(s) {
		s = "_" + s
	}
	return s + ext
}

func truncate(s string, n int) string {
	if n < 0 {
		n = 0
	}
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// reservedOnWindows reports whether a name (before its first dot) is one of
// the device names Windows keeps for itself in every folder.
func reservedOnWindows(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		c := base[3]
		return c >= '1' && c <= '9'
	}
	// COM¹ … LPT³ are reserved too.
	if strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT") {
		switch strings.TrimPrefix(strings.TrimPrefix(base, "COM"), "LPT") {
		case "¹", "²", "³":
			return true
		}
	}
	return false
}
