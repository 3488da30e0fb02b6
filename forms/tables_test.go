package forms

import (
	"strconv"
	"testing"

	"nianbao/data/printed"
)

// The editor has a place for every figure cell of the printed model, under
// the names a finding uses, and a figure typed into it reaches the cell's
// field of the report: no finding can silently mark nothing.
func TestEveryModelCellHasASpot(t *testing.T) {
	e, _ := newTestEditor(t)
	tabs := map[string]int{"二": tabProactive, "三": tabApplications, "四": tabCases}
	for _, tb := range printed.Tables() {
		for _, c := range tb.Figures() {
			f := c.Field
			for _, col := range []string{f.Column, ""} {
				spots := e.byKey[spotKey(f.Part, f.Row, col)]
				if len(spots) == 0 {
					t.Errorf("no spot for %s|%s|%s", f.Part, f.Row, col)
				}
				for _, s := range spots {
					if s.tab != tabs[f.Part] {
						t.Errorf("spot for %s|%s|%s on tab %d", f.Part, f.Row, col, s.tab)
					}
				}
			}
		}
	}
	// each editable cell edits the figure its model cell names
	n := 0
	for _, c := range e.cells {
		n++
		if c.count != nil {
			*c.count = 1000 + n
		} else {
			*c.fee = "1.5"
		}
	}
	r := &e.work
	n = 0
	for _, tb := range printed.Tables() {
		for _, c := range tb.Figures() {
			if c.Field.Computed {
				continue
			}
			n++
			want := "1.5"
			if !c.Field.Fee {
				want = strconv.Itoa(1000 + n)
			}
			if got := c.Field.Text(r); got != want {
				t.Errorf("%+v holds %s, want %s", c.Field, got, want)
			}
		}
	}
	if n != len(e.cells) {
		t.Errorf("%d editable cells, %d figures the user types", len(e.cells), n)
	}
}
