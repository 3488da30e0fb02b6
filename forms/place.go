package forms

// Place is a place of the printed report, as the preview's pages know it
// (the fields of app/paper/layout's Ref): Part 0…5, or -1 for the title,
// preamble and closing named by Field; Section, a section of part 一, 五 or
// 六; Row and Col, a cell of a table's printed grid; -1 where none.
type Place struct {
	Part, Section, Row, Col int
	Field                   string
}

// tablePartTab maps the parts with tables to their tabs.
var tablePartTab = map[int]int{1: tabProactive, 2: tabApplications, 3: tabCases}

// GoTo shows the place: the tab, with the cursor in the field, section or
// cell it names (for a computed total or a label, the nearest cell of its row).
func (e *Editor) GoTo(p Place) {
	switch p.Part {
	case -1:
		b := e.basic
		switch p.Field {
		case "title":
			e.focusObject(tabBasic, b.title)
		case "preamble":
			e.focusObject(tabBasic, b.preamble)
		case "closing":
			e.focusObject(tabBasic, b.closing)
		default:
			e.selectTab(tabBasic)
		}
	case 0, 4, 5:
		l := e.sections[map[int]int{0: 0, 4: 1, 5: 2}[p.Part]]
		if p.Section >= 0 && p.Section < len(l.rows) {
			e.focusObject(l.tab, l.rows[p.Section].body)
			return
		}
		e.selectTab(l.tab)
	case 1, 2, 3:
		tab := tablePartTab[p.Part]
		if f := e.printed[[3]int{tab, p.Row, p.Col}]; f != nil {
			f()
			return
		}
		for c := 0; c < 32; c++ { // a label of the row: its first cell
			if f := e.printed[[3]int{tab, p.Row, c}]; f != nil {
				f()
				return
			}
		}
		e.selectTab(tab)
	}
}
