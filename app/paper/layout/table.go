package layout

import (
	"nianbao/app/paper/fonts"
)

type align int

const (
	alignCenter align = iota
	alignLeft
)

// cell is one cell of a table grid, merged over rows × cols.
type cell struct {
	row, col, rows, cols int
	text                 string
	role                 fonts.Role
	size                 float64
	align                align

	glyphs []Glyph
	lines  []Line
	need   float64 // height the text needs, padding included
}

// table is a grid of cells. Rows [0, header) are the head, repeated on every
// page the table runs onto.
type table struct {
	widths        []float64
	rows          int
	header        int
	cells         []*cell
	noBreakBefore map[int]bool // body rows a page must not start with (a block's caption belongs to its rows)
	where         string
	build         func(*flow) // sets widths and cells when they depend on measuring

	heights []float64
}

// Table geometry, in points.
const (
	padX      = 2.5
	padY      = 3
	minRowH   = 20
	tableLead = 1.3 // line height of table text, in em
)

func (t *table) add(row, col, rows, cols int, text string, role fonts.Role, size float64, al align) {
	t.cells = append(t.cells, &cell{row: row, col: col, rows: rows, cols: cols, text: text, role: role, size: size, align: al})
}

func (t *table) x(col int) float64 {
	x := Left
	for _, w := range t.widths[:col] {
		x += w
	}
	return x
}

func (t *table) width(c *cell) float64 { return t.x(c.col+c.cols) - t.x(c.col) }

// measure breaks every cell's text into its width and sets the row heights:
// each row as tall as its tallest one-row cell, and the rows under a merged
// cell stretched evenly when the merged cell needs more.
func (t *table) measure(f *flow) {
	if t.heights != nil {
		return
	}
	if t.build != nil {
		t.build(f)
	}
	t.heights = make([]float64, t.rows)
	for i := range t.heights {
		t.heights[i] = minRowH
	}
	for _, c := range t.cells {
		c.glyphs = f.shape(c.text, c.role, c.size, t.where)
		inner := t.width(c) - 2*padX
		c.lines = Break(c.glyphs, inner, inner, 0)
		c.need = float64(len(c.lines))*c.size*tableLead + 2*padY
		if c.rows == 1 && c.need > t.heights[c.row] {
			t.heights[c.row] = c.need
		}
	}
	for span := 2; span <= t.rows; span++ {
		for _, c := range t.cells {
			if c.rows != span {
				continue
			}
			if h := t.span(c.row, c.row+c.rows); h < c.need {
				for r := c.row; r < c.row+c.rows; r++ {
					t.heights[r] += (c.need - h) / float64(c.rows)
				}
			}
		}
	}
}

func (t *table) span(r0, r1 int) float64 {
	h := 0.0
	for r := r0; r < r1; r++ {
		h += t.heights[r]
	}
	return h
}

// breakOK tells whether a page may end after body row r1-1 (the fragment
// [r0, r1) on this page): not before a caption row, and not where a merged
// cell would be cut into a piece too short for its text, on either side.
func (t *table) breakOK(r0, r1 int) bool {
	if r1 >= t.rows {
		return true
	}
	if t.noBreakBefore[r1] {
		return false
	}
	for _, c := range t.cells {
		if c.row < r1 && c.row+c.rows > r1 {
			top := c.row
			if top < r0 {
				top = r0
			}
			if t.span(top, r1) < c.need-eps || t.span(r1, c.row+c.rows) < c.need-eps {
				return false
			}
		}
	}
	return true
}

// table sets t on the pages from the cursor, a whole number of rows
// on each page, the head repeated on every page. A merged cell cut by a page
// break is drawn on both pages, with its text on each.
func (f *flow) table(t *table) {
	if t.noBreakBefore == nil {
		t.noBreakBefore = map[int]bool{}
	}
	t.measure(f)
	head := t.span(0, t.header)
	r := t.header
	for r < t.rows {
		avail := f.remaining() - head
		last, lastOK := r, r // the furthest fitting end, and the furthest allowed one
		h := 0.0
		for e := r + 1; e <= t.rows; e++ {
			h += t.heights[e-1]
			if h > avail+eps {
				break
			}
			last = e
			if t.breakOK(r, e) {
				lastOK = e
			}
		}
		end := lastOK
		if end == r {
			if !f.fresh {
				f.newPage()
				continue
			}
			end = last // a fresh page and still no good break: cut where it fits
			if end == r {
				end = r + 1 // a row taller than a page: it overflows, but is printed
			}
		}
		f.fragment(t, r, end)
		r = end
		if r < t.rows {
			f.newPage()
		}
	}
}

// fragment draws the head and body rows [r0, r1) from the cursor down.
func (f *flow) fragment(t *table, r0, r1 int) {
	rowY := make(map[int]float64, t.header+r1-r0)
	y := f.y
	for r := 0; r < t.header; r++ {
		rowY[r] = y
		y += t.heights[r]
	}
	for r := r0; r < r1; r++ {
		rowY[r] = y
		y += t.heights[r]
	}
	top, end := f.y, y
	for _, c := range t.cells {
		first, last := -1, -1
		for r := c.row; r < c.row+c.rows; r++ {
			if _, ok := rowY[r]; ok {
				if first < 0 {
					first = r
				}
				last = r
			}
		}
		if first < 0 {
			continue
		}
		x, w := t.x(c.col), t.width(c)
		cy, ch := rowY[first], rowY[last]+t.heights[last]-rowY[first]
		f.ref.Row, f.ref.Col = c.row, c.col
		f.addArea(x, cy, w, ch)
		f.addRule(x, cy, x+w, cy)  // top edge
		f.addRule(x, cy, x, cy+ch) // left edge
		lead := c.size * tableLead
		ty := cy + (ch-float64(len(c.lines))*lead)/2
		for i, ln := range c.lines {
			lx := x + padX
			if c.align == alignCenter {
				lx = x + (w-ln.Natural)/2
			}
			f.emit(c.glyphs[ln.Start:ln.End], lx, baseline(ty+float64(i)*lead, lead, c.size), 0)
		}
	}
	f.ref.Row, f.ref.Col = -1, -1
	right := t.x(len(t.widths))
	f.addRule(right, top, right, end)
	f.addRule(Left, end, right, end)
	f.y = end
	f.fresh = false
}
