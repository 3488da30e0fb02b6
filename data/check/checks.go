package check

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// Part indexes into report.PartHeadings and report.PartNames.
const (
	partOverview = iota
	partProactive
	partApplications
	partCases
	partProblems
	partOther
)

// Printed labels of part 二 used in findings.
const (
	labelRules      = printed.RulesLabel
	labelNormative  = printed.NormativeLabel
	labelInForce    = printed.InForceLabel
	feeWord         = "信息处理费"
	ruleMakerNotice = "规章由国务院部门和省级、设区的市人民政府制定，请核实"
)

// The labels a message lists when it names a sum of columns.
var (
	applicants = strings.Join(printed.AppColumnLabels[:report.ApplicantCols], "、") // 自然人…其他
	outcomes   = strings.Join(printed.CaseColumnLabels[:report.CaseTotal], "、")    // 结果维持…尚未审结
	// （六）其他处理 3.其他, without the 三、本年度办理结果 the first row of the range already gave
	lastResultLabel = strings.TrimPrefix(printed.AppRowInfos[report.LastResultRow].FullLabel(), printed.AppRowInfos[report.LastResultRow].A)
)

// placed is a finding with its sort key: part (-1 for the title), row and
// column (-1 for a whole part or row), in printed order.
type placed struct {
	part, row, col int
	f              Finding
}

type collector struct{ items []placed }

func (c *collector) add(part, row, col int, f Finding) {
	if part >= 0 {
		f.Part = report.PartNames[part]
	}
	c.items = append(c.items, placed{part, row, col, f})
}

func (c *collector) sorted() []Finding {
	if len(c.items) == 0 {
		return nil
	}
	slices.SortStableFunc(c.items, func(a, b placed) int {
		return cmp.Or(
			cmp.Compare(a.part, b.part),
			cmp.Compare(a.row, b.row),
			cmp.Compare(a.col, b.col),
			cmp.Compare(severityRank(a.f.Severity), severityRank(b.f.Severity)),
			compareRules(a.f.Rule, b.f.Rule),
		)
	})
	out := make([]Finding, len(c.items))
	for i, p := range c.items {
		out[i] = p.f
	}
	return out
}

// compareRules orders rule ids as doc.go lists them: R before W, then by
// number (W2 before W10).
func compareRules(a, b string) int {
	split := func(id string) (string, int) {
		n, _ := strconv.Atoi(strings.TrimLeft(id, "RW"))
		return strings.TrimRight(id, "0123456789"), n
	}
	pa, na := split(a)
	pb, nb := split(b)
	return cmp.Or(cmp.Compare(pa, pb), cmp.Compare(na, nb))
}

func severityRank(s Severity) int {
	if s == Error {
		return 0
	}
	return 1
}

func fig(v int) *int64 {
	n := int64(v)
	return &n
}

func appPrefix() string { return report.PartHeadings[partApplications] + "：" }

// checkApplications runs rules 1–3 over part 三.
func checkApplications(c *collector, r *report.Report) {
	a := &r.Applications
	rows := &printed.AppRowInfos
	for col := 0; col < report.AppCols; col++ {
		in := a[report.RowNew][col] + a[report.RowCarriedOver][col]
		out := a[report.RowTotal][col] + a[report.RowCarriedForward][col]
		if in != out {
			c.add(partApplications, report.RowCarriedForward, col, Finding{
				Rule: "R1", Severity: Error,
				Row:      rows[report.RowCarriedForward].Key,
				Column:   printed.AppColumnLabels[col],
				Expected: fig(in), Actual: fig(out),
				Message: fmt.Sprintf("%s“%s”列，%s + %s = %d，%s + %s = %d，两者应相等",
					appPrefix(), printed.AppColumnLabels[col],
					rows[report.RowNew].FullLabel(), rows[report.RowCarriedOver].FullLabel(), in,
					rows[report.RowTotal].FullLabel(), rows[report.RowCarriedForward].FullLabel(), out),
			})
		}
	}
	for col := 0; col < report.AppCols; col++ {
		sum := 0
		for i := report.FirstResultRow; i <= report.LastResultRow; i++ {
			sum += a[i][col]
		}
		if stated := a[report.RowTotal][col]; stated != sum {
			c.add(partApplications, report.RowTotal, col, Finding{
				Rule: "R2", Severity: Error,
				Row:      rows[report.RowTotal].Key,
				Column:   printed.AppColumnLabels[col],
				Expected: fig(sum), Actual: fig(stated),
				Message: fmt.Sprintf("%s“%s”列，%s = %d，但“%s”至“%s”各项之和 = %d，两者应相等",
					appPrefix(), printed.AppColumnLabels[col],
					rows[report.RowTotal].FullLabel(), stated,
					rows[report.FirstResultRow].FullLabel(), lastResultLabel, sum),
			})
		}
	}
	for i := range a {
		sum, stated := a[i].Sum(), a[i][report.ColTotal]
		if sum != stated {
			c.add(partApplications, i, report.ColTotal, Finding{
				Rule: "R3", Severity: Error,
				Row:      rows[i].Key,
				Column:   printed.AppColumnLabels[report.ColTotal],
				Expected: fig(sum), Actual: fig(stated),
				Message: fmt.Sprintf("%s“%s”行，“%s”列 = %d，但%s六列之和 = %d，两者应相等",
					appPrefix(), rows[i].FullLabel(), printed.AppColumnLabels[report.ColTotal], stated,
					applicants, sum),
			})
		}
	}
}

// checkCases runs rule 4 over part 四.
func checkCases(c *collector, r *report.Report) {
	for g, row := range r.ReviewLitigation {
		sum, stated := row.Sum(), row[report.CaseTotal]
		if sum == stated {
			continue
		}
		info := printed.CaseGroupInfos[g]
		c.add(partCases, g, report.CaseTotal, Finding{
			Rule: "R4", Severity: Error,
			Row:      info.Key,
			Column:   printed.CaseColumnLabels[report.CaseTotal],
			Expected: fig(sum), Actual: fig(stated),
			Message: fmt.Sprintf("%s：%s“%s” = %d，但%s之和 = %d，两者应相等",
				report.PartHeadings[partCases], info.FullLabel(), printed.CaseColumnLabels[report.CaseTotal],
				stated, outcomes, sum),
		})
	}
}

// docKind is one of the two kinds of document of part 二.
type docKind struct {
	key, label string
	counts     func(*report.Report) report.DocCounts
}

var docKinds = [2]docKind{
	{"rules", labelRules, func(r *report.Report) report.DocCounts { return r.Proactive.Rules }},
	{"normative_documents", labelNormative, func(r *report.Report) report.DocCounts { return r.Proactive.NormativeDocuments }},
}

// checkProactive runs rule 5 over part 二.
func checkProactive(c *collector, r, prev *report.Report) {
	head := report.PartHeadings[partProactive]
	for k, kind := range docKinds {
		d := kind.counts(r)
		if d.InForce < 0 {
			c.add(partProactive, k, 0, Finding{
				Rule: "R5", Severity: Warning,
				Row: kind.key, Column: labelInForce,
				Expected: fig(0), Actual: fig(d.InForce),
				Message: fmt.Sprintf("%s：“%s”“%s” = %d，不能小于0", head, kind.label, labelInForce, d.InForce),
			})
			continue
		}
		if prev == nil {
			continue
		}
		last := kind.counts(prev).InForce
		want := last + d.Issued - d.Repealed
		if want != d.InForce {
			c.add(partProactive, k, 0, Finding{
				Rule: "R5", Severity: Warning,
				Row: kind.key, Column: labelInForce,
				Expected: fig(want), Actual: fig(d.InForce),
				Message: fmt.Sprintf("%s：“%s”“%s” = %d，但上一年度现行有效 %d + %s %d − %s %d = %d，请核实（文件也可能未经废止而失效）",
					head, kind.label, labelInForce, d.InForce, last, docColumnLabels[0], d.Issued, docColumnLabels[1], d.Repealed, want),
			})
		}
	}
}

// checkCarriedOver runs rule 6: this year's 二 against last year's 四.
func checkCarriedOver(c *collector, r, prev *report.Report) {
	if prev == nil {
		return
	}
	rows := &printed.AppRowInfos
	for col := 0; col < report.AppCols; col++ {
		got := r.Applications[report.RowCarriedOver][col]
		want := prev.Applications[report.RowCarriedForward][col]
		if got == want {
			continue
		}
		c.add(partApplications, report.RowCarriedOver, col, Finding{
			Rule: "R6", Severity: Warning,
			Row:      rows[report.RowCarriedOver].Key,
			Column:   printed.AppColumnLabels[col],
			Expected: fig(want), Actual: fig(got),
			Message: fmt.Sprintf("%s“%s”行“%s”列 = %d，但上一年度报告“%s”行“%s”列 = %d，两者应相等",
				appPrefix(), rows[report.RowCarriedOver].FullLabel(), printed.AppColumnLabels[col], got,
				rows[report.RowCarriedForward].FullLabel(), printed.AppColumnLabels[col], want),
		})
	}
}

func hasText(sections []report.Section) bool {
	for _, s := range sections {
		if strings.TrimSpace(s.Heading) != "" || strings.TrimSpace(s.Body) != "" {
			return true
		}
	}
	return false
}

func mentions(sections []report.Section, word string) bool {
	for _, s := range sections {
		if strings.Contains(s.Heading, word) || strings.Contains(s.Body, word) {
			return true
		}
	}
	return false
}

// checkEmptyParts gives W1 for an empty prose part and W2 for a part 六 that
// says nothing of 信息处理费.
func checkEmptyParts(c *collector, r *report.Report) {
	prose := [...]struct {
		part     int
		sections []report.Section
	}{
		{partOverview, r.Overview},
		{partProblems, r.Problems},
		{partOther, r.OtherMatters},
	}
	for _, p := range prose {
		if !hasText(p.sections) {
			c.add(p.part, -1, -1, Finding{
				Rule: "W1", Severity: Warning,
				Message: fmt.Sprintf("%s：本部分没有内容，请填写", report.PartHeadings[p.part]),
			})
		}
	}
	if hasText(r.OtherMatters) && !mentions(r.OtherMatters, feeWord) {
		c.add(partOther, -1, -1, Finding{
			Rule: "W2", Severity: Warning,
			Message: fmt.Sprintf("%s：未提及%s，通常应在本部分说明本年度%s收取情况", report.PartHeadings[partOther], feeWord, feeWord),
		})
	}
}

// checkTitle gives W3 when a set title names years and none is the report's.
func checkTitle(c *collector, r *report.Report) {
	title := strings.TrimSpace(r.Title)
	if title == "" {
		return
	}
	first, found := 0, false
	for rest := title; ; {
		y, after, ok := nextTitleYear(rest)
		if !ok {
			break
		}
		if y == r.Year {
			return
		}
		if !found {
			first, found = y, true
		}
		rest = after
	}
	if !found {
		return
	}
	c.add(-1, -1, -1, Finding{
		Rule: "W3", Severity: Warning, Row: "title",
		Expected: fig(r.Year), Actual: fig(first),
		Message: fmt.Sprintf("报告标题“%s”写的是%d年，与报告年度%d年不一致", title, first, r.Year),
	})
}

// nextTitleYear finds the next four-digit year followed by 年 in s, with ASCII
// or full-width digits, not part of a longer number. It returns the year and
// the text after 年.
func nextTitleYear(s string) (year int, rest string, ok bool) {
	for {
		i := strings.Index(s, "年")
		if i < 0 {
			return 0, "", false
		}
		before, after := s[:i], s[i+len("年"):]
		y, n := 0, 0
		for mult := 1; n < 5; n++ {
			d, size := lastDigit(before)
			if size == 0 {
				break
			}
			y += d * mult
			mult *= 10
			before = before[:len(before)-size]
		}
		if n == 4 { // five or more digits are a longer number, not a year
			return y, after, true
		}
		s = after
	}
}

// lastDigit returns the value and byte size of the digit ending s, or size 0.
func lastDigit(s string) (int, int) {
	r, size := utf8.DecodeLastRuneInString(s)
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), size
	case r >= '０' && r <= '９':
		return int(r - '０'), size
	}
	return 0, 0
}

// checkRuleMaker gives W4: only governments (and State Council departments)
// make 规章, so 规章 figures of another agency are worth a look.
func checkRuleMaker(c *collector, r *report.Report) {
	d := r.Proactive.Rules
	if d == (report.DocCounts{}) || r.EffectiveAgencyType() == report.AgencyGovernment {
		return
	}
	c.add(partProactive, 0, -1, Finding{
		Rule: "W4", Severity: Warning, Row: docKinds[0].key,
		Message: fmt.Sprintf("%s：“%s”%s%d、%s%d、%s%d，但%s不是人民政府；%s",
			report.PartHeadings[partProactive], labelRules, docColumnLabels[0], d.Issued, docColumnLabels[1], d.Repealed, labelInForce, d.InForce,
			r.Agency, ruleMakerNotice),
	})
}

// Clause markers of the text checks; see the package doc.
var (
	noApplicationMarkers = []string{"未收到", "没有收到", "未接到"}
	noCaseMarkers        = []string{"未发生", "没有发生"}
	clauseStops          = "。；！？，：;!?,:\n"
	negators             = []string{"并非", "不是", "并不"}
	exceptions           = []string{"其他", "其它"}
)

// claim is a clause of part 一 that says something did not happen.
type claim struct {
	clause         string // the clause, trimmed, as quoted in the message
	review, courts bool   // for W6: which groups of part 四 it names
}

// findClaims returns the first clause of part 一 with a marker followed by one
// of the objects, and which objects it names.
func findClaims(sections []report.Section, markers []string, match func(tail string) (claim, bool)) (claim, bool) {
	for _, s := range sections {
		for _, text := range [2]string{s.Heading, s.Body} {
			for _, m := range markers {
				for from := 0; ; {
					i := strings.Index(text[from:], m)
					if i < 0 {
						break
					}
					pos := from + i
					from = pos + len(m)
					start := strings.LastIndexAny(text[:pos], clauseStops)
					if start < 0 {
						start = 0
					} else {
						_, size := utf8.DecodeRuneInString(text[start:])
						start += size
					}
					end := strings.IndexAny(text[from:], clauseStops)
					if end < 0 {
						end = len(text)
					} else {
						end += from
					}
					head, tail := text[start:pos], text[from:end]
					if containsAny(head, negators) || containsAny(tail, exceptions) {
						continue
					}
					if cl, ok := match(tail); ok {
						cl.clause = strings.TrimSpace(text[start:end])
						return cl, true
					}
				}
			}
		}
	}
	return claim{}, false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// namesApplication reports whether tail has 申请 that is not 申请人.
func namesApplication(tail string) (claim, bool) {
	for from := 0; ; {
		i := strings.Index(tail[from:], "申请")
		if i < 0 {
			return claim{}, false
		}
		from += i + len("申请")
		if !strings.HasPrefix(tail[from:], "人") {
			return claim{}, true
		}
	}
}

func namesCases(tail string) (claim, bool) {
	cl := claim{review: strings.Contains(tail, "复议"), courts: strings.Contains(tail, "诉讼")}
	return cl, cl.review || cl.courts
}

// checkOverviewClaims gives W5 and W6: part 一 says nothing happened while the
// tables say otherwise.
func checkOverviewClaims(c *collector, r *report.Report) {
	overview := report.PartHeadings[partOverview]
	if cl, ok := findClaims(r.Overview, noApplicationMarkers, namesApplication); ok {
		row := r.Applications[report.RowNew]
		info := printed.AppRowInfos[report.RowNew]
		if stated := row[report.ColTotal]; stated != 0 {
			c.add(partApplications, report.RowNew, report.ColTotal, Finding{
				Rule: "W5", Severity: Warning, Row: info.Key,
				Column:   printed.AppColumnLabels[report.ColTotal],
				Expected: fig(0), Actual: fig(stated),
				Message: fmt.Sprintf("%s中称“%s”，但%s“%s”行“%s”列为%d，请核实",
					overview, cl.clause, appPrefix(), info.FullLabel(), printed.AppColumnLabels[report.ColTotal], stated),
			})
		} else if sum := row.Sum(); sum != 0 {
			c.add(partApplications, report.RowNew, -1, Finding{
				Rule: "W5", Severity: Warning, Row: info.Key,
				Expected: fig(0), Actual: fig(sum),
				Message: fmt.Sprintf("%s中称“%s”，但%s“%s”行%s六列之和为%d，请核实",
					overview, cl.clause, appPrefix(), info.FullLabel(),
					applicants, sum),
			})
		}
	}
	if cl, ok := findClaims(r.Overview, noCaseMarkers, namesCases); ok {
		var named []string
		for g, row := range r.ReviewLitigation {
			if row == (report.CaseRow{}) || (g == report.GroupReview && !cl.review) || (g != report.GroupReview && !cl.courts) {
				continue
			}
			var figs []string
			for col, v := range row {
				if v != 0 {
					figs = append(figs, fmt.Sprintf("%s%d", printed.CaseColumnLabels[col], v))
				}
			}
			named = append(named, printed.CaseGroupInfos[g].FullLabel()+"："+strings.Join(figs, "、"))
		}
		if len(named) > 0 {
			c.add(partCases, -1, -1, Finding{
				Rule: "W6", Severity: Warning,
				Message: fmt.Sprintf("%s中称“%s”，但%s中有数字（%s），请核实",
					overview, cl.clause, report.PartHeadings[partCases], strings.Join(named, "；")),
			})
		}
	}
}

// checkResultsWithoutApplications gives W7: results in part 三 while no
// application was received or carried over.
func checkResultsWithoutApplications(c *collector, r *report.Report) {
	a := &r.Applications
	if a[report.RowNew] != (report.AppRow{}) || a[report.RowCarriedOver] != (report.AppRow{}) {
		return
	}
	first := -1
	for i := report.FirstResultRow; i <= report.RowTotal; i++ {
		if a[i] != (report.AppRow{}) {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	rows := &printed.AppRowInfos
	c.add(partApplications, -1, -1, Finding{
		Rule: "W7", Severity: Warning,
		Message: fmt.Sprintf("%s“%s”行有数字，但“%s”和“%s”各列均为0，请核实",
			appPrefix(), rows[first].FullLabel(), rows[report.RowNew].FullLabel(), rows[report.RowCarriedOver].FullLabel()),
	})
}
