package apptheme

// Test helpers: the characters the cut-down faces keep, with which the
// subset test rebuilds them (go test ./forms/apptheme -update).

// UIRunes lists the characters the cut-down faces keep (for building them).
func UIRunes() []rune {
	set := uiRunes()
	var rs []rune
	for r := rune(0); r < 1<<16; r++ {
		if set[r/64]&(1<<(r%64)) != 0 {
			rs = append(rs, r)
		}
	}
	return rs
}
