package printed

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// signOffDate is a date written as a line of its own: 2025年1月23日, with
// Arabic or Chinese numerals (二〇二五年一月二十三日), spaces allowed between.
var signOffDate = regexp.MustCompile(`^(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日$`)

// maxSignature is the longest line taken for an agency's name (署名): a
// joint report of two or three agencies still fits; a sentence does not.
const maxSignature = 26

// SignOff finds the sign-off at the end of a closing: its last line when
// that line is a date alone (成文日期), and the line before it when that is
// a name (署名): short, without a sentence's punctuation. It returns the
// closing without them and the two lines; sig and date are "" when the
// closing does not end so (a closing that is only contact details). A name
// without a date under it is not recognised: GB/T 9704 centres the name over
// the date.
func SignOff(closing string) (rest, sig, date string) {
	lines := strings.Split(strings.ReplaceAll(closing, "\r\n", "\n"), "\n")
	last := func(from int) int {
		for i := from; i >= 0; i-- {
			if strings.TrimSpace(lines[i]) != "" {
				return i
			}
		}
		return -1
	}
	d := last(len(lines) - 1)
	if d < 0 || !signOffDate.MatchString(strings.TrimSpace(lines[d])) {
		return closing, "", ""
	}
	date = strings.TrimSpace(lines[d])
	cut := d
	if s := last(d - 1); s >= 0 && isSignature(strings.TrimSpace(lines[s])) {
		sig = strings.TrimSpace(lines[s])
		cut = s
	}
	return strings.Join(lines[:cut], "\n"), sig, date
}

// isSignature says whether a line reads as an agency's name rather than a
// sentence: short, without the punctuation of a sentence or of contact
// details.
func isSignature(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > maxSignature || signOffDate.MatchString(s) {
		return false
	}
	return !strings.ContainsAny(s, "。，；：！？,;:!?（）()、“”\"")
}
