package printed_test

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/data/check"
	"nianbao/data/printed"
	"nianbao/data/report"
)

func example(t testing.TB) *report.Report {
	t.Helper()
	r, err := report.Parse(assets.ExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Every grid position is covered by exactly one cell, and every span stays inside the grid.
func TestGridCovered(t *testing.T) {
	for _, tb := range printed.Tables() {
		t.Run(tb.ID, func(t *testing.T) {
			seen := make([][]int, tb.Rows)
			for i := range seen {
				seen[i] = make([]int, tb.Cols)
			}
			for _, c := range tb.Cells {
				if c.RowSpan < 1 || c.ColSpan < 1 || c.Row < 0 || c.Col < 0 || c.Row+c.RowSpan > tb.Rows || c.Col+c.ColSpan > tb.Cols {
					t.Fatalf("cell %+v out of the %d×%d grid", c, tb.Rows, tb.Cols)
				}
				if (c.Kind == printed.KindFigure) != (c.Field != nil) {
					t.Errorf("cell %+v: a figure cell, and only one, has a field", c)
				}
				if c.Kind != printed.KindFigure && c.Text == "" {
					t.Errorf("label cell %+v has no text", c)
				}
				for r := c.Row; r < c.Row+c.RowSpan; r++ {
					for k := c.Col; k < c.Col+c.ColSpan; k++ {
						seen[r][k]++
						if got := tb.At(r, k); got != c {
							t.Errorf("At(%d, %d) = %+v, want %+v", r, k, got, c)
						}
					}
				}
			}
			for r, row := range seen {
				for k, n := range row {
					if n != 1 {
						t.Errorf("(%d, %d) covered by %d cells", r, k, n)
					}
				}
			}
			if tb.At(tb.Rows, 0) != nil || tb.At(0, tb.Cols) != nil {
				t.Error("At outside the grid should be nil")
			}
			if tb.Heading != report.PartHeadings[tb.Part] {
				t.Errorf("heading %q", tb.Heading)
			}
		})
	}
}

// cellList writes a table as "row,col rows×cols kind text" lines, the figure cells as their field.
func cellList(tb *printed.Table) string {
	var b strings.Builder
	for _, c := range tb.Cells {
		text := c.Text
		if c.Field != nil {
			text = fmt.Sprintf("[%s %s %d %s]", c.Field.Part, c.Field.Row, c.Field.Index, c.Field.Column)
		}
		fmt.Fprintf(&b, "%d,%d %d×%d %d %s\n", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Kind, text)
	}
	return b.String()
}

// The labels and merges of part 二 as national-format.md §2.4 gives them, in full.
func TestProactiveAsPrinted(t *testing.T) {
	want := `0,0 1×4 0 第二十条第（一）项
1,0 1×1 1 信息内容
1,1 1×1 1 本年制发件数
1,2 1×1 1 本年废止件数
1,3 1×1 1 现行有效件数
2,0 1×1 2 规章
2,1 1×1 3 [二 rules 0 本年制发件数]
2,2 1×1 3 [二 rules 1 本年废止件数]
2,3 1×1 3 [二 rules 2 现行有效件数]
3,0 1×1 2 行政规范性文件
3,1 1×1 3 [二 normative_documents 0 本年制发件数]
3,2 1×1 3 [二 normative_documents 1 本年废止件数]
3,3 1×1 3 [二 normative_documents 2 现行有效件数]
4,0 1×4 0 第二十条第（五）项
5,0 1×1 1 信息内容
5,1 1×3 1 本年处理决定数量
6,0 1×1 2 行政许可
6,1 1×3 3 [二 licensing 0 本年处理决定数量]
7,0 1×4 0 第二十条第（六）项
8,0 1×1 1 信息内容
8,1 1×3 1 本年处理决定数量
9,0 1×1 2 行政处罚
9,1 1×3 3 [二 penalty 0 本年处理决定数量]
10,0 1×1 2 行政强制
10,1 1×3 3 [二 coercion 0 本年处理决定数量]
11,0 1×4 0 第二十条第（八）项
12,0 1×1 1 信息内容
12,1 1×3 1 本年收费金额（单位：万元）
13,0 1×1 2 行政事业性收费
13,1 1×3 3 [二 fees 0 本年收费金额（单位：万元）]
`
	tb := printed.Proactive()
	if got := cellList(tb); got != want {
		t.Errorf("part 二:\n%s\nwant:\n%s", got, want)
	}
	if !slices.Equal(tb.Blocks, []int{0, 4, 7, 11}) || tb.Header != 0 {
		t.Errorf("blocks %v, header %d", tb.Blocks, tb.Header)
	}
}

// The head of part 三 and the label cells of its body (national-format.md §2.5).
func TestApplicationsAsPrinted(t *testing.T) {
	tb := printed.Applications()
	var labels []string
	for _, c := range tb.Cells {
		if c.Kind != printed.KindFigure {
			labels = append(labels, fmt.Sprintf("%d,%d %d×%d %s", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text))
		}
	}
	want := []string{
		"0,0 3×3 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
		"0,3 1×7 申请人情况",
		"1,3 2×1 自然人", "1,4 1×5 法人或其他组织", "1,9 2×1 总计",
		"2,4 1×1 商业企业", "2,5 1×1 科研机构", "2,6 1×1 社会公益组织", "2,7 1×1 法律服务机构", "2,8 1×1 其他",
		"3,0 1×3 一、本年新收政府信息公开申请数量",
		"4,0 1×3 二、上年结转政府信息公开申请数量",
		"5,0 22×1 三、本年度办理结果",
		"5,1 1×2 （一）予以公开",
		"6,1 1×2 （二）部分公开（区分处理的，只计这一情形，不计其他情形）",
		"7,1 8×1 （三）不予公开", "7,2 1×1 1.属于国家秘密", "8,2 1×1 2.其他法律行政法规禁止公开",
		"9,2 1×1 3.危及“三安全一稳定”", "10,2 1×1 4.保护第三方合法权益", "11,2 1×1 5.属于三类内部事务信息",
		"12,2 1×1 6.属于四类过程性信息", "13,2 1×1 7.属于行政执法案卷", "14,2 1×1 8.属于行政查询事项",
		"15,1 3×1 （四）无法提供", "15,2 1×1 1.本机关不掌握相关政府信息", "16,2 1×1 2.没有现成信息需要另行制作",
		"17,2 1×1 3.补正后申请内容仍不明确",
		"18,1 5×1 （五）不予处理", "18,2 1×1 1.信访举报投诉类申请", "19,2 1×1 2.重复申请", "20,2 1×1 3.要求提供公开出版物",
		"21,2 1×1 4.无正当理由大量反复申请", "22,2 1×1 5.要求行政机关确认或重新出具已获取信息",
		"23,1 3×1 （六）其他处理",
		"23,2 1×1 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
		"24,2 1×1 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
		"25,2 1×1 3.其他",
		"26,1 1×2 （七）总计",
		"27,0 1×3 四、结转下年度继续办理",
	}
	if !slices.Equal(labels, want) {
		t.Errorf("part 三 labels:\n%s\nwant:\n%s", strings.Join(labels, "\n"), strings.Join(want, "\n"))
	}
	if n := len(tb.Figures()); n != report.AppRows*report.AppCols {
		t.Errorf("%d figures", n)
	}
}

func TestCasesAsPrinted(t *testing.T) {
	tb := printed.Cases()
	var labels []string
	for _, c := range tb.Cells {
		if c.Kind != printed.KindFigure {
			labels = append(labels, fmt.Sprintf("%d,%d %d×%d %s", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text))
		}
	}
	heads := func(row, col int) []string {
		var s []string
		for i, l := range []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"} {
			span := "1×1"
			if row == 1 {
				span = "2×1"
			}
			s = append(s, fmt.Sprintf("%d,%d %s %s", row, col+i, span, l))
		}
		return s
	}
	want := []string{"0,0 1×5 行政复议", "0,5 1×10 行政诉讼"}
	want = append(want, heads(1, 0)...)
	want = append(want, "1,5 1×5 未经复议直接起诉")
	want = append(want, heads(2, 5)...)
	want = append(want, "1,10 1×5 复议后起诉")
	want = append(want, heads(2, 10)...)
	if !slices.Equal(labels, want) {
		t.Errorf("part 四 labels:\n%s\nwant:\n%s", strings.Join(labels, "\n"), strings.Join(want, "\n"))
	}
}

// Every figure of a report is shown by exactly one cell, and each cell shows its own.
func TestEveryFigureHasOneCell(t *testing.T) {
	r := report.New("某县民政局", 2024)
	seen := map[*int]bool{}
	fees := 0
	n := 0
	for _, tb := range printed.Tables() {
		for _, c := range tb.Figures() {
			p, fee := c.Field.Pointer(r)
			switch {
			case fee != nil && p == nil && c.Field.Fee:
				fees++
				*fee = "12.345"
			case p != nil && fee == nil && !c.Field.Fee:
				if seen[p] {
					t.Errorf("%+v shows a figure another cell shows", c.Field)
				}
				seen[p] = true
				n++
				*p = n
			default:
				t.Fatalf("%+v names no figure", c.Field)
			}
		}
	}
	// 10 figures of part 二 (one the fee), 175 of part 三, 15 of part 四
	if want := 9 + report.AppRows*report.AppCols + report.CaseGroups*report.CaseCols; n != want || fees != 1 {
		t.Errorf("%d counts and %d fees, want %d and 1", n, fees, want)
	}
	if r.Proactive.Rules.InForce != 3 || r.Applications[0][0] != 10 || r.ReviewLitigation[2][4] != n {
		t.Errorf("figures in an unexpected order: %+v", r.Proactive)
	}
	n = 0
	for _, tb := range printed.Tables() {
		for _, c := range tb.Figures() {
			want := "12.345"
			if !c.Field.Fee {
				n++
				want = fmt.Sprint(n)
			}
			if got := c.Field.Text(r); got != want {
				t.Errorf("%+v shows %q, want %q", c.Field, got, want)
			}
		}
	}
	r.Proactive.Fees = " "
	if got := printed.Proactive().Figures()[9].Field.Text(r); got != "0" {
		t.Errorf("empty fee shows %q", got)
	}
}

func TestHeaders(t *testing.T) {
	texts := func(cs []*printed.Cell) string {
		var s []string
		for _, c := range cs {
			s = append(s, c.Text)
		}
		return strings.Join(s, "|")
	}
	tests := []struct {
		tb         *printed.Table
		row, col   int
		rows, cols string
	}{
		{printed.Proactive(), 3, 3, "行政规范性文件", "第二十条第（一）项|现行有效件数"},
		{printed.Proactive(), 10, 1, "行政强制", "第二十条第（六）项|本年处理决定数量"},
		{printed.Proactive(), 13, 2, "行政事业性收费", "第二十条第（八）项|本年收费金额（单位：万元）"},
		{printed.Applications(), 3, 3, "一、本年新收政府信息公开申请数量", "申请人情况|自然人"},
		{printed.Applications(), 8, 5, "三、本年度办理结果|（三）不予公开|2.其他法律行政法规禁止公开", "申请人情况|法人或其他组织|科研机构"},
		{printed.Applications(), 26, 9, "三、本年度办理结果|（七）总计", "申请人情况|总计"},
		{printed.Cases(), 3, 12, "", "行政诉讼|复议后起诉|其他结果"},
		{printed.Cases(), 3, 4, "", "行政复议|总计"},
	}
	for _, tt := range tests {
		rows, cols := tt.tb.Headers(tt.tb.At(tt.row, tt.col))
		if texts(rows) != tt.rows || texts(cols) != tt.cols {
			t.Errorf("%s (%d, %d): rows %q cols %q, want %q %q", tt.tb.ID, tt.row, tt.col, texts(rows), texts(cols), tt.rows, tt.cols)
		}
	}
}

func TestRuns(t *testing.T) {
	tests := []struct {
		in   string
		want []printed.Run
	}{
		{"abc", []printed.Run{{"abc", false}}},
		{"a**b**c", []printed.Run{{"a", false}, {"b", true}, {"c", false}}},
		{"**b**", []printed.Run{{"b", true}}},
		{"a**b", []printed.Run{{"a**b", false}}},
		{"a**b**c**d", []printed.Run{{"a", false}, {"b", true}, {"c**d", false}}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := printed.Runs(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Runs(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// The document of the example: the title, then paragraphs and tables in print order.
func TestBuildExample(t *testing.T) {
	r := example(t)
	d := printed.Build(r)
	var parts []string
	tables := 0
	for _, b := range d.Blocks {
		if b.Table != nil {
			tables++
			continue
		}
		p := b.Paragraph
		if p.Role == printed.RolePartHeading {
			parts = append(parts, p.Text)
		}
		var text strings.Builder
		for _, run := range p.Runs {
			text.WriteString(run.Text)
		}
		if text.String() != p.Text || p.Text == "" || strings.Contains(p.Text, "**") && p.Role != printed.RoleBody {
			t.Errorf("paragraph %q: runs %v", p.Text, p.Runs)
		}
	}
	if !slices.Equal(parts, report.PartHeadings[:]) || tables != 3 {
		t.Errorf("parts %v, %d tables", parts, tables)
	}
	first := d.Blocks[0].Paragraph
	if first == nil || first.Role != printed.RoleTitle || first.Text != r.DisplayTitle() || first.Where != "标题" {
		t.Errorf("first block %+v", first)
	}
	// every sentence of the example is in the document, in order
	var all strings.Builder
	for _, b := range d.Blocks {
		if b.Paragraph != nil {
			all.WriteString(b.Paragraph.Text)
		}
	}
	doc := all.String()
	at := 0
	for _, s := range allProse(r) {
		i := strings.Index(doc[at:], s)
		if i < 0 {
			t.Fatalf("%q missing or out of order", s)
		}
		at += i + len(s)
	}
}

func allProse(r *report.Report) []string {
	var out []string
	add := func(body string) {
		for _, p := range report.Paragraphs(body) {
			out = append(out, strings.ReplaceAll(p, "**", ""))
		}
	}
	add(r.Preamble)
	for _, secs := range [][]report.Section{r.Overview, r.Problems, r.OtherMatters} {
		for _, s := range secs {
			if h := strings.TrimSpace(s.Heading); h != "" {
				out = append(out, h)
			}
			add(s.Body)
		}
	}
	add(r.Closing)
	return out
}

// triggers are reports that between them make every rule of data/check give a finding.
func triggers(t *testing.T) [][2]*report.Report {
	base := example(t)
	base.FillTotals()

	bad := base.Clone()
	bad.Title = "2019年某局政府信息公开工作年度报告"                        // W3
	bad.Applications[report.RowNew][report.ColResearch] += 2 // R1, R3
	bad.Applications[report.RowGranted][report.ColNaturalPerson] += 1
	bad.Applications[report.RowOtherOther][report.ColTotal] += 3                  // R2, R3
	bad.ReviewLitigation[report.GroupLitigationAfterReview][report.CaseTotal] = 7 // R4
	bad.Proactive.Rules = report.DocCounts{Issued: 1, InForce: 4}                 // W4 (not a government), R5
	bad.Problems = nil                                                            // W1
	bad.OtherMatters = []report.Section{{Body: "本年度无其他需要报告的事项。"}}                 // W2
	prev := base.Clone()
	prev.Year--
	prev.Applications[report.RowCarriedForward][report.ColCommercial] += 1 // R6

	claims := report.New("某县人民政府", 2024)
	claims.Overview = []report.Section{{Body: "本年度未收到政府信息公开申请，未发生行政复议、行政诉讼。"}}
	claims.Applications[report.RowNew][report.ColNaturalPerson] = 2    // W5
	claims.ReviewLitigation[report.GroupReview][report.CaseUpheld] = 1 // W6
	claims.FillTotals()

	nothingIn := report.New("某镇", 2024)
	nothingIn.Applications[report.RowGranted][report.ColNaturalPerson] = 1 // W7
	nothingIn.FillTotals()

	return [][2]*report.Report{{bad, prev}, {claims, nil}, {nothingIn, nil}, {base, nil}}
}

// Every finding of every rule lands on a cell of the tables, or on the title
// or the heading of the part it names: none marks nothing.
func TestEveryFindingLands(t *testing.T) {
	fired := map[string]bool{}
	land := func(t *testing.T, r, prev *report.Report) {
		t.Helper()
		d := printed.Build(r)
		for _, f := range check.Run(r, prev) {
			fired[f.Rule] = true
			s := d.Locate(f.Part, f.Row, f.Column)
			if !s.Found() {
				t.Errorf("%s %s|%s|%s lands nowhere", f.Rule, f.Part, f.Row, f.Column)
				continue
			}
			for _, c := range s.Cells {
				if f.Row != "" && c.Field.Row != f.Row || f.Column != "" && c.Field.Column != f.Column {
					t.Errorf("%s %s|%s|%s lands on %+v", f.Rule, f.Part, f.Row, f.Column, c.Field)
				}
			}
			if f.Row != "" && f.Part != "" && len(s.Cells) == 0 {
				t.Errorf("%s names row %s of part %s but lands on no cell", f.Rule, f.Row, f.Part)
			}
			if f.Expected != nil && f.Part != "" && f.Column != "" && len(s.Cells) != 1 {
				t.Errorf("%s about one figure lands on %d cells", f.Rule, len(s.Cells))
			}
		}
	}
	for _, tr := range triggers(t) {
		land(t, tr[0], tr[1])
	}
	for _, rule := range []string{"R1", "R2", "R3", "R4", "R5", "R6", "W1", "W2", "W3", "W4", "W5", "W6", "W7"} {
		if !fired[rule] {
			t.Errorf("no test report makes rule %s fire", rule)
		}
	}
	// random reports: any rule, also one added later, lands
	rng := rand.New(rand.NewSource(9))
	for i := 0; i < 300; i++ {
		r := example(t)
		prev := example(t)
		prev.Year--
		for _, rr := range []*report.Report{r, prev} {
			for _, tb := range printed.Tables() {
				for _, c := range tb.Figures() {
					if p, _ := c.Field.Pointer(rr); p != nil && rng.Intn(4) == 0 {
						*p = rng.Intn(4)
					}
				}
			}
		}
		if rng.Intn(3) == 0 {
			r.Overview = nil
		}
		land(t, r, prev)
	}
}

func TestLocate(t *testing.T) {
	d := printed.Build(example(t))
	tests := []struct {
		part, row, col string
		cells          int
		para           string
	}{
		{"三", "total", "自然人", 1, ""},
		{"三", "new", "", report.AppCols, ""},
		{"三", "", "", report.AppRows * report.AppCols, ""},
		{"二", "fees", "本年收费金额（单位：万元）", 1, ""},
		{"二", "rules", "", 3, ""},
		{"二", "rules", "现行有效件数", 1, ""},
		{"四", "review", "总计", 1, ""},
		{"一", "", "", 0, "一、总体情况"},
		{"六", "", "", 0, "六、其他需要报告的事项"},
		{"", "title", "", 0, d.Blocks[0].Paragraph.Text},
		{"三", "no_such_row", "", 0, ""},
	}
	for _, tt := range tests {
		s := d.Locate(tt.part, tt.row, tt.col)
		para := ""
		if s.Paragraph != nil {
			para = s.Paragraph.Text
		}
		if len(s.Cells) != tt.cells || para != tt.para {
			t.Errorf("Locate(%q, %q, %q): %d cells, paragraph %q; want %d, %q", tt.part, tt.row, tt.col, len(s.Cells), para, tt.cells, tt.para)
		}
	}
}
