package combine

import (
	"fmt"
	"strings"
)

// Test helpers: a cell by its JSON path, and a roster written back in the
// form ParseRoster reads (the program reads rosters, it does not write them).

// CellByPath finds a cell by its JSON path.
func CellByPath(path string) (Cell, bool) {
	for _, c := range cells {
		if c.Path == path {
			return c, true
		}
	}
	return Cell{}, false
}

// FormatRoster writes a roster in the form ParseRoster reads, one group heading
// before each group.
func FormatRoster(units []Unit) []byte {
	var b strings.Builder
	group := ""
	for _, u := range units {
		if u.Group != group {
			fmt.Fprintf(&b, "【%s】\n", u.Group)
			group = u.Group
		}
		fmt.Fprintf(&b, "%s\t%s\n", u.Name, TypeLabel(u.Type))
	}
	return []byte(b.String())
}
