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

// PreviousIndex finds previous years' reports in a batch by name, so that
// pairing every report of a batch costs a few look-ups each, not a pass over
// the batch.
type PreviousIndex struct {
	byName   map[string][]*report.Report // year and agency → its reports
	bySuffix map[string][]*report.Report // year and a place-named tail of an agency's name → its reports
}

// NewPreviousIndex indexes batch by name and by every place-named tail of each name.
func NewPreviousIndex(batch []*report.Report) *PreviousIndex {
	x := &PreviousIndex{byName: map[string][]*report.Report{}, bySuffix: map[string][]*report.Report{}}
	for _, p := range batch {
		if p == nil {
			continue
		}
		k := agencyKey(p.Agency, p.Year)
		x.byName[k] = append(x.byName[k], p)
		for i, r := range p.Agency {
			if i > 0 && strings.ContainsRune(placeEnds, r) {
				tail := p.Agency[i+utf8.RuneLen(r):]
				if withPlacePrefix(p.Agency, tail) {
					k := agencyKey(tail, p.Year)
					x.bySuffix[k] = append(x.bySuffix[k], p)
				}
			}
		}
	}
	return x
}

// Of finds in the indexed batch the report of the year before r's by the
// same agency: the same name first, else a name that is the other with a
// place prefix, when exactly one report has one.
func (x *PreviousIndex) Of(r *report.Report) (*report.Report, Pairing) {
	for _, p := range x.byName[agencyKey(r.Agency, r.Year-1)] {
		if p != r {
			return p, SameName
		}
	}
	var prefixed []*report.Report
	seen := map[*report.Report]bool{}
	add := func(p *report.Report) {
		if p != r && !seen[p] {
			seen[p] = true
			prefixed = append(prefixed, p)
		}
	}
	// Longer names: r's name with a place in front.
	for _, p := range x.bySuffix[agencyKey(r.Agency, r.Year-1)] {
		add(p)
	}
	// Shorter names: r's name without its place prefix.
	for i, c := range r.Agency {
		if i > 0 && strings.ContainsRune(placeEnds, c) {
			tail := r.Agency[i+utf8.RuneLen(c):]
			if withPlacePrefix(r.Agency, tail) {
				for _, p := range x.byName[agencyKey(tail, r.Year-1)] {
					add(p)
				}
			}
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0], PlacePrefix
	}
	return nil, NotPaired
}
