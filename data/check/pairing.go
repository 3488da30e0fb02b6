package check

import (
	"strings"
	"unicode/utf8"

	"nianbao/data/report"
)

// Pairing says how a report was paired with its previous year's in a batch.
type Pairing int

const (
	NotPaired   Pairing = iota
	SameName            // the same 机关名称
	PlacePrefix         // one name is the other with a place in front: 淮安市 + 洪泽区人民政府
)

// Describe is the pairing as a note names it.
func (p Pairing) Describe(r, prev *report.Report) string {
	switch p {
	case SameName:
		return "机关名称相同"
	case PlacePrefix:
		return "机关名称“" + prev.Agency + "”与“" + r.Agency + "”只差地名前缀，视为同一机关"
	}
	return ""
}

// placeEnds are the last characters of a place name that can prefix an agency's.
const placeEnds = "省市区县州盟旗"

// withPlacePrefix reports whether long is short with a place name in front
// (淮安市洪泽区人民政府, 洪泽区人民政府): at least two characters ending in
// 省/市/区/县/州/盟/旗, before a name of at least four that names a place
// itself (洪泽区…, not 人民政府 alone).
func withPlacePrefix(long, short string) bool {
	if !strings.HasSuffix(long, short) || utf8.RuneCountInString(short) < 4 || !strings.ContainsAny(short, placeEnds) {
		return false
	}
	prefix := strings.TrimSuffix(long, short)
	last, _ := utf8.DecodeLastRuneInString(prefix)
	return utf8.RuneCountInString(prefix) >= 2 && strings.ContainsRune(placeEnds, last)
}

// PreviousIn finds in batch the report of the year before r's by the same
// agency: the same name first, else a name that is the other with a place
// prefix, when exactly one report has one.
func PreviousIn(batch []*report.Report, r *report.Report) (*report.Report, Pairing) {
	var prefixed []*report.Report
	for _, p := range batch {
		if p == nil || p == r || p.Year != r.Year-1 {
			continue
		}
		if p.Agency == r.Agency {
			return p, SameName
		}
		if withPlacePrefix(p.Agency, r.Agency) || withPlacePrefix(r.Agency, p.Agency) {
			prefixed = append(prefixed, p)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0], PlacePrefix
	}
	return nil, NotPaired
}
