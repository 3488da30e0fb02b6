package pdf

import (
	"math"
	"sort"
	"strings"

	"nianbao/data/intake"
)

// tol is how far apart, in points, two drawn lines may be and still be one
// border (a border drawn twice, a cell's edge meeting its neighbour's).
const tol = 2.0

// minCell is the least width or height of a row or column: borders closer
// than this are one border drawn double.
const minCell = 4.0

// grid is a table found from the lines drawn on a page.
type grid struct {
	xs, ys []float64 // the column and row borders, left to right and top to bottom
	h, v   []rule
	owner  []int // for each slot (row*cols+col), the index of its cell in cells
	cells  []gridCell
}

type gridCell struct {
	r0, c0, r1, c1 int // slots [r0,r1) × [c0,c1)
	glyphs         []glyph
}

func (t *grid) rows() int { return len(t.ys) - 1 }
func (t *grid) cols() int { return len(t.xs) - 1 }

// box is the table's outline.
func (t *grid) box() [4]float64 {
	return [4]float64{t.xs[0], t.ys[0], t.xs[len(t.xs)-1], t.ys[len(t.ys)-1]}
}

// disjointSets groups the numbers 0 to n-1 (lines that cross, slots with no
// border between them) into the sets they join.
type disjointSets []int

func newDisjointSets(n int) disjointSets {
	parent := make(disjointSets, n)
	for i := range parent {
		parent[i] = i
	}
	return parent
}

// find returns the number that stands for i's set, halving the path to it.
func (p disjointSets) find(i int) int {
	for p[i] != i {
		p[i] = p[p[i]]
		i = p[i]
	}
	return i
}

// join puts i's and j's sets together.
func (p disjointSets) join(i, j int) { p[p.find(i)] = p.find(j) }

// findGrids finds the tables of a page: sets of level and upright lines that
// cross each other, with at least two rows or two columns of cells.
func findGrids(rules []rule) []*grid {
	h, v := mergeRules(rules)
	all := append(append([]rule{}, h...), v...)
	sets := newDisjointSets(len(all))
	for i := range h {
		for j := range v {
			if crosses(h[i], v[j]) {
				sets.join(i, len(h)+j)
			}
		}
	}
	groups := map[int][]int{}
	var order []int
	for i := range all {
		r := sets.find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []*grid
	for _, r := range order {
		g := &grid{}
		for _, i := range groups[r] {
			if i < len(h) {
				g.h = append(g.h, all[i])
			} else {
				g.v = append(g.v, all[i])
			}
		}
		if len(g.h) < 2 || len(g.v) < 2 {
			continue
		}
		g.xs = positions(g.v, func(r rule) float64 { return r.x0 })
		g.ys = positions(g.h, func(r rule) float64 { return r.y0 })
		if g.rows() < 1 || g.cols() < 1 || g.rows()*g.cols() < 2 {
			continue
		}
		g.merge()
		out = append(out, g)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ys[0] < out[j].ys[0] })
	return out
}

func crosses(h, v rule) bool {
	return v.x0 >= h.x0-tol && v.x0 <= h.x1+tol && h.y0 >= v.y0-tol && h.y0 <= v.y1+tol
}

// mergeRules joins lines that continue each other (a border drawn cell by
// cell) into one, and sorts them into level and upright ones.
func mergeRules(rules []rule) (h, v []rule) {
	for _, r := range rules {
		if r.horizontal() {
			h = append(h, r)
		} else {
			v = append(v, r)
		}
	}
	h = joinCollinear(h, func(r rule) (float64, float64, float64) { return r.y0, r.x0, r.x1 },
		func(at, a, b float64) rule { return rule{a, at, b, at} })
	v = joinCollinear(v, func(r rule) (float64, float64, float64) { return r.x0, r.y0, r.y1 },
		func(at, a, b float64) rule { return rule{at, a, at, b} })
	return h, v
}

func joinCollinear(rs []rule, key func(rule) (at, a, b float64), mk func(at, a, b float64) rule) []rule {
	sort.Slice(rs, func(i, j int) bool {
		ai, si, _ := key(rs[i])
		aj, sj, _ := key(rs[j])
		if math.Abs(ai-aj) > tol/2 {
			return ai < aj
		}
		return si < sj
	})
	var out []rule
	for _, r := range rs {
		at, a, b := key(r)
		if n := len(out); n > 0 {
			pat, pa, pb := key(out[n-1])
			if math.Abs(at-pat) <= tol/2 && a <= pb+tol {
				out[n-1] = mk(pat, pa, max(pb, b))
				continue
			}
		}
		out = append(out, mk(at, a, b))
	}
	return out
}

// positions gives the distinct places of rules, borders closer than minCell
// taken as one.
func positions(rs []rule, at func(rule) float64) []float64 {
	ps := make([]float64, 0, len(rs))
	for _, r := range rs {
		ps = append(ps, at(r))
	}
	sort.Float64s(ps)
	var out []float64
	for _, p := range ps {
		if n := len(out); n > 0 && p-out[n-1] < minCell {
			continue
		}
		out = append(out, p)
	}
	return out
}

// hasV says whether a border is drawn at x over the height y0..y1 (its middle).
func (t *grid) hasV(x, y float64) bool {
	for _, r := range t.v {
		if math.Abs(r.x0-x) < minCell && y >= r.y0-tol && y <= r.y1+tol {
			return true
		}
	}
	return false
}

func (t *grid) hasH(y, x float64) bool {
	for _, r := range t.h {
		if math.Abs(r.y0-y) < minCell && x >= r.x0-tol && x <= r.x1+tol {
			return true
		}
	}
	return false
}

// merge finds the merged cells: slots with no border drawn between them are
// one cell, as wide and high as the slots it covers.
func (t *grid) merge() {
	rows, cols := t.rows(), t.cols()
	sets := newDisjointSets(rows * cols)
	for r := 0; r < rows; r++ {
		ym := (t.ys[r] + t.ys[r+1]) / 2
		for c := 0; c < cols; c++ {
			xm := (t.xs[c] + t.xs[c+1]) / 2
			if c+1 < cols && !t.hasV(t.xs[c+1], ym) {
				sets.join(r*cols+c, r*cols+c+1)
			}
			if r+1 < rows && !t.hasH(t.ys[r+1], xm) {
				sets.join(r*cols+c, (r+1)*cols+c)
			}
		}
	}
	t.owner = make([]int, rows*cols)
	for i := range t.owner {
		t.owner[i] = -1
	}
	box := map[int]*gridCell{}
	var roots []int
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			root := sets.find(r*cols + c)
			b, ok := box[root]
			if !ok {
				b = &gridCell{r0: r, c0: c, r1: r + 1, c1: c + 1}
				box[root] = b
				roots = append(roots, root)
				continue
			}
			b.r0, b.c0 = min(b.r0, r), min(b.c0, c)
			b.r1, b.c1 = max(b.r1, r+1), max(b.c1, c+1)
		}
	}
	// Cells in reading order; a slot inside an earlier cell's box (a merged
	// region that is not a rectangle) stays with that cell.
	sort.SliceStable(roots, func(i, j int) bool {
		a, b := box[roots[i]], box[roots[j]]
		if a.r0 != b.r0 {
			return a.r0 < b.r0
		}
		return a.c0 < b.c0
	})
	for _, root := range roots {
		b := box[root]
		if t.owner[b.r0*cols+b.c0] >= 0 {
			continue
		}
		idx := len(t.cells)
		t.cells = append(t.cells, *b)
		for r := b.r0; r < b.r1; r++ {
			for c := b.c0; c < b.c1; c++ {
				if t.owner[r*cols+c] < 0 {
					t.owner[r*cols+c] = idx
				}
			}
		}
	}
}

// take puts g into its cell if it lies inside the table.
func (t *grid) take(g glyph) bool {
	x, y := g.cx(), g.cy()
	if x < t.xs[0] || x > t.xs[len(t.xs)-1] || y < t.ys[0] || y > t.ys[len(t.ys)-1] {
		return false
	}
	c := sort.SearchFloat64s(t.xs, x) - 1
	r := sort.SearchFloat64s(t.ys, y) - 1
	c = max(0, min(c, t.cols()-1))
	r = max(0, min(r, t.rows()-1))
	i := t.owner[r*t.cols()+c]
	t.cells[i].glyphs = append(t.cells[i].glyphs, g)
	return true
}

// table gives the grid with its text as an intake.Table. A cell's lines are
// joined without a break: in a PDF a line wrapped by the cell's width cannot
// be told from a new paragraph, and labels are wrapped far more often.
func (t *grid) table(page int) *intake.Table {
	out := &intake.Table{Rows: t.rows(), Cols: t.cols(), Where: intake.Place{Page: page, Box: t.box()}}
	out.Cells = make([]intake.Cell, 0, len(t.cells))
	for _, c := range t.cells {
		var runs []intake.Run
		for _, l := range buildLines(page, c.glyphs) {
			runs = joinRuns(runs, l.runs())
		}
		var b strings.Builder
		for _, r := range runs {
			b.WriteString(r.Text)
		}
		out.Cells = append(out.Cells, intake.Cell{
			Row: c.r0, Col: c.c0, RowSpan: c.r1 - c.r0, ColSpan: c.c1 - c.c0,
			Text:  b.String(),
			Where: intake.Place{Page: page, Box: [4]float64{t.xs[c.c0], t.ys[c.r0], t.xs[c.c1], t.ys[c.r1]}},
		})
	}
	return out
}
