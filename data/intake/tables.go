package intake

import (
	"fmt"
	"slices"
	"strings"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// Reading the three tables. Every cell found is a label or a value. A value
// is named by the labels left of it in its row and by the labels above it in
// its column (up to the values of the rows before); it is the figure of the
// printed model whose row and column heads these labels are. No position is
// taken for granted, so a table split over pages, several tables for one, one
// for several, rows left out or added, all read the same.

// maxGrid bounds the grid positions of one table the matcher looks at; a
// table of the national format has a few hundred.
const maxGrid = 200_000

// modelFigure is one figure cell of the printed model with the keys of its heads.
type modelFigure struct {
	table   *printed.Table
	field   *printed.Field
	rowKeys [][]string // the row heads, outermost first, each with its keys
	colKeys [][]string // the captions and column heads, topmost first
}

// modelFigures lists the figures of the three tables in reading order.
func modelFigures(tables []*printed.Table) []*modelFigure {
	var ms []*modelFigure
	for _, t := range tables {
		for _, c := range t.Figures() {
			rows, cols := t.Headers(c)
			m := &modelFigure{table: t, field: c.Field}
			for _, h := range rows {
				m.rowKeys = append(m.rowKeys, labelKeys(h.Text))
			}
			for _, h := range cols {
				m.colKeys = append(m.colKeys, labelKeys(h.Text))
			}
			ms = append(ms, m)
		}
	}
	return ms
}

// knownLabels are the keys of every label of the model.
func knownLabels(tables []*printed.Table) map[string]bool {
	known := map[string]bool{}
	for _, t := range tables {
		for _, c := range t.Cells {
			if c.Kind != printed.KindFigure {
				for _, k := range labelKeys(c.Text) {
					known[k] = true
				}
			}
		}
	}
	return known
}

// found is one value cell found for a figure.
type found struct {
	cell     *Cell
	row, col string // labels as printed
	how      How    // Printed, Merged or OneRow
	group    int    // how many figures the cell stands for
}

// grid is a found table with each position's cell and whether it is a label.
type grid struct {
	t     *Table
	at    [][]*Cell
	label map[*Cell]string // the label cells, with their keys
	// up[r][c] is the nearest row above r with a label at column c, -1 for
	// none; left[r][c] the nearest column left of c with a label in row r.
	// They keep the reading linear in the size of the table.
	up, left [][]int32
}

// maxHeads bounds the labels read over a column or along a row: the
// national format's tables have at most three.
const maxHeads = 8

func newGrid(t *Table, known map[string]bool) *grid {
	g := &grid{t: t, label: map[*Cell]string{}}
	if t.Rows <= 0 || t.Cols <= 0 || t.Rows*t.Cols > maxGrid {
		return g
	}
	g.at = make([][]*Cell, t.Rows)
	for i := range g.at {
		g.at[i] = make([]*Cell, t.Cols)
	}
	for i := range t.Cells {
		c := &t.Cells[i]
		for r := max(c.Row, 0); r < min(c.Row+max(c.RowSpan, 1), t.Rows); r++ {
			for k := max(c.Col, 0); k < min(c.Col+max(c.ColSpan, 1), t.Cols); k++ {
				g.at[r][k] = c
			}
		}
		if k, ok := isLabel(c.Text, known); ok {
			g.label[c] = k
		}
	}
	g.up, g.left = make([][]int32, t.Rows+1), make([][]int32, t.Rows)
	for r := 0; r <= t.Rows; r++ {
		g.up[r] = make([]int32, t.Cols)
		for c := 0; c < t.Cols; c++ {
			switch {
			case r == 0:
				g.up[r][c] = -1
			case g.isLabel(r-1, c):
				g.up[r][c] = int32(r - 1)
			default:
				g.up[r][c] = g.up[r-1][c]
			}
		}
		if r == t.Rows {
			break
		}
		g.left[r] = make([]int32, t.Cols)
		last := int32(-1)
		for c := 0; c < t.Cols; c++ {
			g.left[r][c] = last
			if g.isLabel(r, c) {
				last = int32(c)
			}
		}
	}
	return g
}

func (g *grid) isLabel(r, c int) bool {
	x := g.at[r][c]
	_, ok := g.label[x]
	return x != nil && ok
}

// isLabel tells a label from a value: a label is a known label of the model
// (or an alias), or text with no digit in it that does not say "none".
func isLabel(text string, known map[string]bool) (string, bool) {
	k := foundKey(text)
	if known[k] {
		return k, true
	}
	if k == "" || isBlank(text) {
		return "", false
	}
	for _, r := range cellText(text) {
		if r >= '0' && r <= '9' {
			return "", false
		}
	}
	return k, true
}

// rowLabels are the label cells left of column col in row r, left first
// (the nearest maxHeads of them).
func (g *grid) rowLabels(r, col int) []*Cell {
	var ls []*Cell
	for c := g.left[r][col]; c >= 0 && len(ls) < maxHeads; c = g.left[r][c] {
		if x := g.at[r][c]; len(ls) == 0 || ls[0] != x {
			ls = append([]*Cell{x}, ls...)
		}
	}
	return ls
}

// colLabels are the label cells above row r in column c, topmost first: the
// nearest run of label rows above, values before it skipped. ok is false
// when there is none up to the top of the table.
func (g *grid) colLabels(r, c int) ([]*Cell, bool) {
	var ls []*Cell
	for i, steps := int(g.up[r][c]), 0; i >= 0 && len(ls) < maxHeads && steps < 2*maxHeads; i, steps = i-1, steps+1 {
		x := g.at[i][c]
		if x == nil {
			continue
		}
		if _, ok := g.label[x]; !ok {
			break
		}
		if len(ls) == 0 || ls[0] != x {
			ls = append([]*Cell{x}, ls...)
		}
	}
	return ls, len(ls) > 0
}

// tableReader reads the tables of a document in order.
type tableReader struct {
	models []*modelFigure
	known  map[string]bool
	rowKey map[string]bool           // keys of every row head of the model
	byCol  map[string][]*modelFigure // the figures by the keys of their innermost column head
	found  map[*modelFigure][]found
	// heads are the column labels under the last table read, by column,
	// for a next table that continues it without repeating its head.
	heads [][]*Cell
	headG *grid
}

func newTableReader() *tableReader {
	tables := printed.Tables()
	tr := &tableReader{models: modelFigures(tables), known: knownLabels(tables), rowKey: map[string]bool{},
		found: map[*modelFigure][]found{}, byCol: map[string][]*modelFigure{}}
	for _, m := range tr.models {
		for _, k := range m.colKeys[len(m.colKeys)-1] {
			tr.byCol[k] = append(tr.byCol[k], m)
		}
		for _, ks := range m.rowKeys {
			for _, k := range ks {
				tr.rowKey[k] = true
			}
		}
	}
	return tr
}

// read reads one table found, and the tables nested in it.
func (tr *tableReader) read(t *Table, depth int) {
	if depth > 8 {
		return
	}
	g := newGrid(t, tr.known)
	if g.at != nil {
		tr.readGrid(g)
	}
	for _, n := range t.Nested {
		tr.read(n, depth+1)
	}
}

func (tr *tableReader) readGrid(g *grid) {
	t := g.t
	done := map[*Cell]bool{}
	for r := 0; r < t.Rows; r++ {
		for c := 0; c < t.Cols; c++ {
			x := g.at[r][c]
			if x == nil || done[x] {
				continue
			}
			if _, ok := g.label[x]; ok {
				continue
			}
			done[x] = true
			tr.readValue(g, x)
		}
	}
	// The heads under this table, for a table that continues it.
	heads := make([][]*Cell, t.Cols)
	any := false
	for c := 0; c < t.Cols; c++ {
		heads[c], _ = g.colLabels(t.Rows, c)
		if len(heads[c]) > 0 {
			any = true
		}
	}
	if any {
		tr.heads, tr.headG = heads, g
	}
}

// readValue finds the figures a value cell shows: at every grid position it
// covers, by the labels of that row and column.
func (tr *tableReader) readValue(g *grid, x *Cell) {
	type hit struct {
		ms       []*modelFigure
		row, col string
		oneRow   bool
	}
	var hits []hit
	seen := map[*modelFigure]bool{}
	for r := x.Row; r < min(x.Row+max(x.RowSpan, 1), g.t.Rows); r++ {
		rows := g.rowLabels(r, x.Col)
		rowKeys := g.keys(rows)
		for c := x.Col; c < min(x.Col+max(x.ColSpan, 1), g.t.Cols); c++ {
			cols, ok := g.colLabels(x.Row, c)
			colKeys := g.keys(cols)
			if !ok && tr.headG != nil && tr.headG != g && len(tr.heads) == g.t.Cols {
				cols = tr.heads[c]
				colKeys = tr.headG.keys(cols)
			}
			ms, oneRow := tr.match(rowKeys, colKeys)
			var fresh []*modelFigure
			for _, m := range ms {
				if !seen[m] {
					seen[m] = true
					fresh = append(fresh, m)
				}
			}
			if len(fresh) > 0 {
				hits = append(hits, hit{fresh, texts(rows), texts(cols), oneRow})
			}
		}
	}
	n := 0
	for _, h := range hits {
		n += len(h.ms)
	}
	for _, h := range hits {
		for _, m := range h.ms {
			f := found{cell: x, row: h.row, col: h.col, how: Printed, group: n}
			switch {
			case h.oneRow:
				f.how = OneRow
			case n > 1:
				f.how = Merged
			}
			tr.found[m] = append(tr.found[m], f)
		}
	}
}

// keys are the keys of label cells of the grid.
func (g *grid) keys(cs []*Cell) []string {
	ks := make([]string, len(cs))
	for i, c := range cs {
		ks[i] = g.label[c]
	}
	return ks
}

func texts(cs []*Cell) string {
	var ss []string
	for _, c := range cs {
		ss = append(ss, strings.Join(strings.Fields(c.Text), ""))
	}
	return strings.Join(ss, " ")
}

// match returns the model figure whose heads the labels are; or, when the
// row's labels stop at a group's head (（六）其他处理 printed as one row), the
// figures of that group with oneRow set; or nothing.
func (tr *tableReader) match(rows, cols []string) ([]*modelFigure, bool) {
	R, C := map[string]bool{}, map[string]bool{}
	for _, k := range rows {
		R[k] = true
	}
	for _, k := range cols {
		C[k] = true
	}
	if len(C) == 0 {
		return nil, false
	}
	anyRow := false
	for k := range R {
		if tr.rowKey[k] {
			anyRow = true
		}
	}
	var best []*modelFigure
	bestScore := 0
	var group []*modelFigure
	groupScore := 0
	for _, m := range tr.candidates(cols) {
		score := count(C, m.colKeys)
		switch {
		case len(m.rowKeys) == 0:
			if anyRow {
				continue
			}
		case hasAny(R, m.rowKeys[len(m.rowKeys)-1]):
			score += count(R, m.rowKeys)
		case len(m.rowKeys) >= 3 && hasAny(R, m.rowKeys[len(m.rowKeys)-2]):
			if s := score + count(R, m.rowKeys); s > groupScore {
				group, groupScore = []*modelFigure{m}, s
			} else if s == groupScore {
				group = append(group, m)
			}
			continue
		default:
			continue
		}
		if score > bestScore {
			best, bestScore = []*modelFigure{m}, score
		} else if score == bestScore {
			best = append(best, m)
		}
	}
	switch {
	case len(best) == 1:
		return best, false
	case len(best) == 0 && len(group) > 1 && sameGroup(group):
		return group, true
	}
	return nil, false
}

// candidates are the figures whose innermost column head is among the keys, in the model's order.
func (tr *tableReader) candidates(cols []string) []*modelFigure {
	var ms []*modelFigure
	for _, k := range cols {
		for _, m := range tr.byCol[k] {
			if !slices.Contains(ms, m) {
				ms = append(ms, m)
			}
		}
	}
	return ms
}

func sameGroup(ms []*modelFigure) bool {
	for _, m := range ms {
		if m.field.Column != ms[0].field.Column || m.table != ms[0].table {
			return false
		}
	}
	return true
}

func hasAny(set map[string]bool, keys []string) bool {
	for _, k := range keys {
		if set[k] {
			return true
		}
	}
	return false
}

func count(set map[string]bool, path [][]string) int {
	n := 0
	for _, ks := range path {
		if hasAny(set, ks) {
			n++
		}
	}
	return n
}

// settle gives every figure of the model its value and record from what was
// found, and the doubts and zeros.
func (tr *tableReader) settle(r *report.Report, rd *Reading) {
	rulesSeen, docsSeen := false, false
	for _, m := range tr.models {
		if m.field.Part == "二" && len(tr.found[m]) > 0 {
			rulesSeen = rulesSeen || m.field.Row == "rules"
			docsSeen = docsSeen || m.field.Row == "normative_documents"
		}
	}
	for _, m := range tr.models {
		fig := tr.settleOne(m, rulesSeen || !docsSeen, rd)
		setFigure(r, m.field, fig.Value)
		rd.Figures = append(rd.Figures, fig)
	}
}

// settleOne settles one figure. rulesExpected is false when part 二 prints
// 行政规范性文件 but no 规章 row, as many reports do.
func (tr *tableReader) settleOne(m *modelFigure, rulesExpected bool, rd *Reading) Figure {
	f := m.field
	name := fieldName(f, m.table.Heading)
	fig := Figure{Field: *f, Value: "0"}
	fs := dropBlanks(tr.found[m])
	if len(fs) == 0 {
		if f.Part == "二" && f.Row == "rules" && !rulesExpected {
			fig.How = Absent
			rd.Zeros = append(rd.Zeros, Doubt{Field: f, What: name + "：报告未印“规章”一行，按 0 计"})
			return fig
		}
		fig.How = NotFound
		rd.Doubts = append(rd.Doubts, Doubt{Field: f, What: name + "：表格中未找到这一格，请填写"})
		return fig
	}
	first := fs[0]
	fig.Printed, fig.Row, fig.Column, fig.Where, fig.How = strings.TrimSpace(first.cell.Text), first.row, first.col, first.cell.Where, first.how
	values := map[string]bool{}
	for _, x := range fs {
		v, ok := readValue(x.cell.Text, f.Fee)
		if !ok {
			fig.How = NotNumber
			rd.Doubts = append(rd.Doubts, Doubt{Field: f, What: fmt.Sprintf("%s：印的是“%s”，不是数字，请填写", name, strings.TrimSpace(x.cell.Text)), Where: x.cell.Where})
			return fig
		}
		if len(values) == 0 {
			fig.Value = v
		}
		values[v] = true
	}
	if len(values) > 1 {
		fig.How = Twice
		var ps []string
		for _, x := range fs {
			ps = append(ps, "“"+strings.TrimSpace(x.cell.Text)+"”")
		}
		rd.Doubts = append(rd.Doubts, Doubt{Field: f, What: fmt.Sprintf("%s：找到 %d 处，数值不同（%s），请核对", name, len(fs), strings.Join(ps, "、")), Where: first.cell.Where})
		return fig
	}
	nonZero := fig.Value != "0"
	switch {
	case first.how == OneRow && nonZero:
		rd.Doubts = append(rd.Doubts, Doubt{Field: f, What: fmt.Sprintf("%s：报告把这一组印作一行（%s），无法分到各小项，请填写", name, fig.Printed), Where: first.cell.Where})
	case first.how == Merged && nonZero:
		rd.Doubts = append(rd.Doubts, Doubt{Field: f, What: fmt.Sprintf("%s：一个合并的格子（%s）跨 %d 项，无法分到各项，请填写", name, fig.Printed, first.group), Where: first.cell.Where})
	case first.how == OneRow:
		rd.Zeros = append(rd.Zeros, Doubt{Field: f, What: name + "：报告把这一组印作一行，为 0，各小项按 0 计", Where: first.cell.Where})
	case isBlank(first.cell.Text):
		fig.How = Blank
		rd.Zeros = append(rd.Zeros, Doubt{Field: f, What: fmt.Sprintf("%s：格中%s，按 0 计", name, blankWords(first.cell.Text)), Where: first.cell.Where})
	}
	if nonZero && (first.how == OneRow || first.how == Merged) && tr.holder(first) != m {
		// Where one printed figure stands for several, it is put into one
		// of them only, so that the sums stay as printed: a merged cell's
		// into the first, a group's printed as one row into its last
		// (3.其他 of （六）其他处理).
		fig.Value = "0"
	}
	return fig
}

// holder is the figure that keeps the value of a cell standing for several.
func (tr *tableReader) holder(f found) *modelFigure {
	var h *modelFigure
	for _, o := range tr.models {
		for _, x := range tr.found[o] {
			if x.cell == f.cell {
				if f.how == Merged {
					return o
				}
				h = o
			}
		}
	}
	return h
}

func blankWords(text string) string {
	if t := cellText(text); t != "" {
		return "印的是“" + t + "”"
	}
	return "空白"
}

// readValue reads a cell's figure as the report keeps it: "0" for a blank.
func readValue(text string, fee bool) (string, bool) {
	if isBlank(text) {
		return "0", true
	}
	if fee {
		return parseFee(text)
	}
	n, ok := parseCount(text)
	if !ok {
		return "", false
	}
	return fmt.Sprint(n), true
}

// setFigure puts a figure's value into the report.
func setFigure(r *report.Report, f *printed.Field, v string) {
	n, s := f.Pointer(r)
	switch {
	case s != nil:
		*s = v
	case n != nil:
		_, _ = fmt.Sscan(v, n)
	}
}

// dropBlanks leaves out the blank cells found for a figure that is also
// printed: an extra blank row under a table repeats its columns.
func dropBlanks(fs []found) []found {
	var out []found
	for _, x := range fs {
		if !isBlank(x.cell.Text) {
			out = append(out, x)
		}
	}
	if len(out) == 0 && len(fs) > 0 {
		return fs[:1]
	}
	return out
}
