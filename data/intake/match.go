package intake

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/data/report"
)

// Match reads a document into a report: the title into agency, year and
// agency type, the preamble, parts 一, 五 and 六 cut into sections at their
// （一）… headings, the contact paragraph and signature after part 六 into
// the closing, and the three tables by their labels (see tables.go). What it
// cannot settle is in the reading's Doubts; figures the file prints as none
// are 0 and listed in Zeros. Totals are kept as printed.
func Match(d *Document) (*report.Report, *Reading) {
	rd := &Reading{Source: d.Source}
	r := report.New("", 0)
	m := &matcher{r: r, rd: rd, tables: newTableReader(), part: -1}
	m.paras = paragraphs(d.Blocks)
	for _, b := range d.Blocks {
		if b.Table != nil {
			m.tables.read(b.Table, 0)
		}
	}
	m.title()
	m.walk(d.Blocks)
	m.tables.settle(r, rd)
	return r, rd
}

// para is a paragraph made ready: its text with bold runs marked **…**,
// and the same without marks.
type para struct {
	marked, plain string
	where         Place
	block         int // index of its block
}

// paragraphs cuts the document's paragraphs at line breaks and drops the empty ones.
func paragraphs(blocks []Block) []para {
	var ps []para
	for i, b := range blocks {
		if b.Para == nil {
			continue
		}
		for _, runs := range splitLines(b.Para.Runs) {
			marked, plain := mark(runs)
			if plain != "" {
				ps = append(ps, para{marked: marked, plain: plain, where: b.Para.Where, block: i})
			}
		}
	}
	return ps
}

// splitLines cuts runs at line breaks: a break inside a paragraph is a
// paragraph break to the report (a signature and its date, a title of two lines).
func splitLines(runs []Run) [][]Run {
	var out [][]Run
	var cur []Run
	for _, r := range runs {
		lines := strings.Split(strings.ReplaceAll(r.Text, "\r", "\n"), "\n")
		for i, l := range lines {
			if i > 0 {
				out = append(out, cur)
				cur = nil
			}
			if l != "" {
				cur = append(cur, Run{Text: l, Bold: r.Bold})
			}
		}
	}
	return append(out, cur)
}

// mark joins runs into text with bold marked **…**: neighbouring runs of the
// same weight joined, spaces kept outside the marks, the paragraph trimmed.
func mark(runs []Run) (marked, plain string) {
	type piece struct {
		text string
		bold bool
	}
	var ps []piece
	for _, r := range runs {
		t := clean(r.Text)
		if t == "" {
			continue
		}
		bold := r.Bold && strings.TrimFunc(t, isSpace) != ""
		if n := len(ps); n > 0 && ps[n-1].bold == bold {
			ps[n-1].text += t
			continue
		}
		ps = append(ps, piece{t, bold})
	}
	var mb, pb strings.Builder
	for _, p := range ps {
		pb.WriteString(p.text)
		if !p.bold {
			mb.WriteString(p.text)
			continue
		}
		core := strings.TrimFunc(p.text, isSpace)
		lead := p.text[:strings.Index(p.text, core)]
		mb.WriteString(lead + "**" + core + "**" + p.text[len(lead)+len(core):])
	}
	return strings.TrimFunc(mb.String(), isSpace), strings.TrimFunc(pb.String(), isSpace)
}

// clean drops what no field of a report may hold: control characters (a
// tab becomes a space), direction overrides, zero-width characters, "**"
// typed in the text; a no-break space becomes a space.
func clean(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == 0xA0:
			return ' '
		case r < 0x20 || r >= 0x7F && r < 0xA0, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069,
			unicode.Is(unicode.Cf, r), r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
}

// matcher walks the paragraphs of a document.
type matcher struct {
	r      *report.Report
	rd     *Reading
	tables *tableReader
	paras  []para
	next   int // the first paragraph after the title
	part   int // the part being read: -1 the preamble, 0…5

	// what is being gathered
	preamble []string
	bodies   [6][]para
	tableIn  [6]bool // a table was seen in part k (二–四)
}

// title finds the title among the first paragraphs: the paragraph that ends
// in 报告 (or 年报), with the one or two short lines above it that it was
// broken into ("平潭综合实验区海坛片区管理局" / "2023年度政府信息公开工作年度报告").
func (m *matcher) title() {
	end := -1
	for i := 0; i < len(m.paras) && i < 5; i++ {
		if p := m.paras[i].plain; strings.HasSuffix(p, "报告") || strings.HasSuffix(p, "年报") {
			end = i
			break
		}
	}
	if end < 0 {
		m.rd.Doubts = append(m.rd.Doubts, Doubt{What: "未找到报告标题（如“××2024年政府信息公开工作年度报告”），请填写机关名称和年度"})
		return
	}
	start := end
	for start > 0 && end-start < 2 && titleLine(m.paras[start-1].plain) {
		start--
	}
	var b strings.Builder
	for _, p := range m.paras[start : end+1] {
		b.WriteString(p.plain)
	}
	m.next = end + 1
	m.setTitle(b.String(), m.paras[end].where)
}

// titleLine tells a short line of a title broken over lines: no punctuation, no digits.
func titleLine(s string) bool {
	if utf8.RuneCountInString(s) > 40 {
		return false
	}
	return !strings.ContainsAny(s, "。，；：,;:0123456789０１２３４５６７８９")
}

// setTitle takes the agency and the year from the title.
func (m *matcher) setTitle(t string, where Place) {
	t = strings.TrimFunc(t, isSpace)
	year, at := findYear(t)
	if at < 0 {
		m.rd.Doubts = append(m.rd.Doubts, Doubt{What: "标题“" + t + "”中没有年度，请填写", Where: where})
		m.r.Agency = strings.TrimSpace(strings.TrimSuffix(t, "政府信息公开工作年度报告"))
	} else {
		m.r.Year = year
		m.r.Agency = strings.TrimFunc(t[:at], isSpace)
	}
	if m.r.Agency == "" {
		m.rd.Doubts = append(m.rd.Doubts, Doubt{What: "标题“" + t + "”中没有机关名称，请填写", Where: where})
	}
	m.r.AgencyType = report.InferAgencyType(m.r.Agency)
	if t != m.r.DefaultTitle() {
		m.r.Title = t
	}
}

var hanDigits = map[rune]int{'〇': 0, '○': 0, 'Ｏ': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// findYear finds the first year in a title: four digits (Arabic, full-width
// or 二〇二三) before 年. It returns the year and its byte offset, or at -1.
func findYear(t string) (year, at int) {
	rs := []rune(t)
	off := 0
	for i := 0; i+4 <= len(rs); i++ {
		y, ok := 0, true
		for _, r := range rs[i : i+4] {
			r = narrow(r)
			switch d, han := hanDigits[r]; {
			case r >= '0' && r <= '9':
				y = y*10 + int(r-'0')
			case han:
				y = y*10 + d
			default:
				ok = false
			}
		}
		j := i + 4
		for j < len(rs) && isSpace(rs[j]) {
			j++
		}
		if ok && j < len(rs) && rs[j] == '年' && y >= report.MinYear && y <= report.MaxYear {
			return y, off
		}
		off += utf8.RuneLen(rs[i])
	}
	return 0, -1
}

// walk sorts the paragraphs after the title into the preamble and the parts.
func (m *matcher) walk(blocks []Block) {
	pi := m.next
	for bi, b := range blocks {
		if b.Table != nil {
			if m.part >= 1 && m.part <= 3 {
				m.tableIn[m.part] = true
			}
			continue
		}
		for ; pi < len(m.paras) && m.paras[pi].block == bi; pi++ {
			m.paragraph(m.paras[pi])
		}
	}
	m.finish()
}

func (m *matcher) paragraph(p para) {
	if PageNumber(p.plain) {
		return // a page's number between a table's two halves, or typed in the body
	}
	if k, ok := partHeading(p.plain, m.part); ok {
		m.part = k
		return
	}
	switch {
	case m.part < 0:
		m.preamble = append(m.preamble, p.marked)
	case m.part >= 1 && m.part <= 3:
		a := &m.rd.Around[m.part-1]
		if m.tableIn[m.part] {
			a.After = append(a.After, p.marked)
		} else {
			a.Before = append(a.Before, p.marked)
		}
	default:
		m.bodies[m.part] = append(m.bodies[m.part], p)
	}
}

// partHeading tells a part's heading after part cur: the heading of the
// national format (or its 2019 wording), or a short line that starts with
// the part's numeral and 、 and begins as its heading does.
func partHeading(s string, cur int) (int, bool) {
	k := foundKey(s)
	for p := cur + 1; p < len(report.PartHeadings); p++ {
		want := key(report.PartHeadings[p])
		if k == want {
			return p, true
		}
		num := report.PartNames[p]
		rest := strings.TrimLeft(cellText(s), " ")
		if !strings.HasPrefix(rest, num+"、") && !strings.HasPrefix(rest, num+".") {
			continue
		}
		if utf8.RuneCountInString(s) > 40 || strings.Contains(strings.TrimSuffix(s, "。"), "。") {
			continue
		}
		if commonPrefix(k, want) >= len(num)+len("主动公开") {
			return p, true
		}
	}
	return 0, false
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// finish makes the report's text from what was gathered.
func (m *matcher) finish() {
	m.r.Preamble = strings.Join(m.preamble, "\n\n")
	six := m.bodies[5]
	end := len(six)
	for end > 0 && m.closingLine(six[end-1].plain) {
		end--
	}
	var closing []string
	for _, p := range six[end:] {
		closing = append(closing, p.plain)
	}
	m.r.Closing = strings.Join(closing, "\n\n")
	m.bodies[5] = six[:end]
	m.r.Overview = sections(m.bodies[0])
	m.r.Problems = sections(m.bodies[4])
	m.r.OtherMatters = sections(m.bodies[5])
	for i, a := range m.rd.Around {
		t := m.r.TableText(i + 1)
		t.Before = strings.Join(a.Before, "\n\n")
		t.After = strings.Join(a.After, "\n\n")
	}
	if m.part < 0 {
		m.rd.Doubts = append(m.rd.Doubts, Doubt{What: "未找到“" + report.PartHeadings[0] + "”等各部分的标题，正文未能分到各部分，请核对"})
	}
	for _, p := range []int{0, 4, 5} {
		if m.part >= 0 && len(m.bodies[p]) == 0 && !(p == 5 && closing != nil && end == 0) {
			m.rd.Doubts = append(m.rd.Doubts, Doubt{What: "“" + report.PartHeadings[p] + "”未找到或没有内容，请核对"})
		}
	}
}

// closingLine tells a paragraph of the closing: the contact paragraph, the
// signature (the agency, or a short name of an office) or the date.
func (m *matcher) closingLine(s string) bool {
	switch {
	case isDate(s):
		return true
	case s == m.r.Agency && s != "":
		return true
	case strings.HasPrefix(s, "如对本报告") || strings.HasPrefix(s, "如对本年报"):
		return true
	case strings.Contains(s, "联系") && utf8.RuneCountInString(s) <= 300 &&
		(strings.Contains(s, "电话") || strings.Contains(s, "邮编") || strings.Contains(s, "地址")):
		return !strings.Contains(s, "工作") || strings.Contains(s, "疑问")
	}
	return utf8.RuneCountInString(s) <= 40 && !strings.ContainsAny(s, "。，；：,;:0123456789") && orgName(s)
}

var orgEnds = []string{"人民政府", "办事处", "委员会", "管理局", "局", "委", "办", "厅", "院", "中心", "处", "室", "署", "会", "所", "站", "馆", "队", "部", "公司", "政府", "街道", "镇", "乡"}

func orgName(s string) bool {
	if utf8.RuneCountInString(s) < 3 {
		return false
	}
	for _, e := range orgEnds {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// isDate tells a date line: 2024年1月24日, 2024 年 1 月 24 日, 二〇二四年一月二十四日.
func isDate(s string) bool {
	t := strings.Join(strings.Fields(cellText(s)), "")
	y, m := strings.Index(t, "年"), strings.Index(t, "月")
	if y < 0 || m < y || !strings.HasSuffix(t, "日") {
		return false
	}
	ok := func(part string, max int) bool {
		n := utf8.RuneCountInString(part)
		if n == 0 || n > max {
			return false
		}
		for _, r := range part {
			if _, han := hanDigits[r]; !(r >= '0' && r <= '9' || han || r == '十') {
				return false
			}
		}
		return true
	}
	return ok(t[:y], 4) && ok(t[y+len("年"):m], 3) && ok(t[m+len("月"):len(t)-len("日")], 3)
}

// sections cuts a part's paragraphs into sections at their （一）… headings.
func sections(ps []para) []report.Section {
	var ss []report.Section
	var body []string
	heading, open := "", false
	flush := func() {
		if open || len(body) > 0 {
			ss = append(ss, report.Section{Heading: heading, Body: strings.Join(body, "\n\n")})
		}
		body = nil
	}
	for _, p := range ps {
		h, rest, ok := sectionHeading(p)
		if !ok {
			body = append(body, p.marked)
			continue
		}
		flush()
		heading, open = h, true
		if rest != "" {
			body = append(body, rest)
		}
	}
	flush()
	return ss
}

// maxHeading is the longest section heading read as a heading, in characters;
// a longer paragraph that starts with （一） is text.
const maxHeading = 80

// sectionHeading tells a section's heading: a paragraph that starts with
// （一）…（十） (or ASCII brackets), a line of its own or run in before the
// text, ended by its bold run or its first 。. It returns the heading and
// the text after it.
func sectionHeading(p para) (heading, rest string, ok bool) {
	if !numbered(p.plain) {
		return "", "", false
	}
	if strings.HasPrefix(p.marked, "**") {
		if end := strings.Index(p.marked[2:], "**"); end >= 0 {
			h := strings.TrimFunc(p.marked[2:2+end], isSpace)
			rest = strings.TrimFunc(p.marked[4+end:], isSpace)
			if numbered(h) && utf8.RuneCountInString(h) <= maxHeading {
				return h, rest, true
			}
		}
	}
	stop := strings.Index(p.marked, "。")
	if stop < 0 || stop+len("。") == len(p.marked) {
		if utf8.RuneCountInString(p.plain) > maxHeading {
			return "", "", false
		}
		return p.plain, "", true
	}
	h := p.marked[:stop+len("。")]
	rest = strings.TrimFunc(p.marked[stop+len("。"):], isSpace)
	if strings.Count(h, "**")%2 == 1 {
		rest = "**" + rest
	}
	h = strings.ReplaceAll(h, "**", "")
	if utf8.RuneCountInString(h) > maxHeading {
		return "", "", false
	}
	return strings.TrimFunc(h, isSpace), rest, true
}

// numbered tells text that starts with （一）…（十九） or (一)….
func numbered(s string) bool {
	rs := []rune(strings.TrimFunc(s, isSpace))
	if len(rs) < 3 || rs[0] != '（' && rs[0] != '(' {
		return false
	}
	for i := 1; i < len(rs) && i <= 4; i++ {
		switch {
		case rs[i] == '）' || rs[i] == ')':
			return i > 1
		case !strings.ContainsRune("一二三四五六七八九十", rs[i]):
			return false
		}
	}
	return false
}

// String says the reading's outcome in one line, for a message.
func (r *Reading) String() string {
	return fmt.Sprintf("%s：读出 %d 个数字，%d 处需要核对，%d 处未印数字按 0 计", r.Source, len(r.Figures), len(r.Doubts), len(r.Zeros))
}

// PartHeading tells whether a paragraph is the heading of one of the six
// parts, and which (0 for 一 … 5 for 六): the readers use it to find the
// report among what surrounds it on a page.
func PartHeading(s string) (int, bool) { return partHeading(s, -1) }
