package check

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"nianbao/data/report"
)

// copies returns n copies of a published report under the names 测试县第0000局…
func copies(t testing.TB, n int) []*report.Report {
	r := realReport(t, "pingtan-jtjsj-2024")
	out := make([]*report.Report, n)
	for i := range out {
		out[i] = r.Clone()
		out[i].Agency = fmt.Sprintf("测试县第%04d局", i)
	}
	return out
}

func w9(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == "W9" {
			out = append(out, f)
		}
	}
	return out
}

// TestSameYearBatch: 100 units with one text give one W9 each, naming how
// many units share it and the first three; a unit written anew gets none; a
// unit's second version (the same agency) is no copy; a dropped report counts
// no more.
func TestSameYearBatch(t *testing.T) {
	reports := copies(t, 100)
	own := realReport(t, "pingtan-scjgj-2024")
	second := reports[5].Clone() // the same unit's report again, as a batch may hold it
	x := NewSameYearIndex(nil)
	var ids []int
	for _, r := range append(append(reports, own), second) {
		ids = append(ids, x.Add(r))
	}
	for i := range reports {
		got := w9(x.Findings(ids[i]))
		if len(got) != 1 {
			t.Fatalf("%s: %d W9 findings, want 1: %+v", reports[i].Agency, len(got), got)
		}
		f := got[0]
		first := []string{"测试县第0000局", "测试县第0001局", "测试县第0002局", "测试县第0003局"}
		var names []string
		for _, n := range first {
			if n != reports[i].Agency {
				names = append(names, n)
			}
		}
		want := fmt.Sprintf("与同年度 99 个单位的报告（%s、…）文字雷同", strings.Join(names[:3], "、"))
		if !strings.Contains(f.Message, want) || !strings.Contains(f.Message, "约100%") {
			t.Errorf("%s: W9 %q, want %q", reports[i].Agency, f.Message, want)
		}
		if f.Text == nil || f.Text.Quote == "" || f.Text.Part != f.Part {
			t.Errorf("%s: W9 text %+v, part %q", reports[i].Agency, f.Text, f.Part)
		}
	}
	if got := x.Findings(ids[100]); len(got) != 0 {
		t.Errorf("a unit written anew: %+v", got)
	}
	if got := w9(x.Findings(ids[101])); len(got) != 1 || !strings.Contains(got[0].Message, "99 个单位") {
		t.Errorf("the second version of 测试县第0005局: %+v, want 99 other units", got)
	}

	// Dropping all copies but two leaves two units that share with one each.
	for i := 2; i < 100; i++ {
		x.Drop(ids[i])
	}
	x.Drop(ids[101])
	got := w9(x.Findings(ids[0]))
	if len(got) != 1 || !strings.Contains(got[0].Message, "与同年度“测试县第0001局”的报告文字雷同") {
		t.Errorf("after dropping: %+v", got)
	}
	if got := x.Findings(ids[50]); len(got) != 0 {
		t.Errorf("a dropped report: %+v", got)
	}
}

// TestSameYearInAgreesWithBatch: the editor's look-up (a report outside the
// index) and the batch's judgement name the same units and share.
func TestSameYearInAgreesWithBatch(t *testing.T) {
	reports := copies(t, 5)
	half := realReport(t, "pingtan-scjgj-2024")
	half.Agency = "测试县半抄局"
	half.Overview = append([]report.Section(nil), reports[0].Overview...) // only part 一 copied
	reports = append(reports, half)
	x := NewSameYearIndex(reports)
	for i, r := range reports {
		batch := w9(x.Findings(i))
		others := NewSameYearIndex(append(append([]*report.Report(nil), reports[:i]...), reports[i+1:]...))
		alone := w9(NewChecker().SameYearIn(r, others))
		if len(batch) != len(alone) || (len(batch) == 1 && batch[0].Message != alone[0].Message) {
			t.Errorf("%s: batch %+v, alone %+v", r.Agency, batch, alone)
		}
	}
}

// BenchmarkSameYearBatch is W9 over a batch of copies of one text: it grows
// with the batch, not with its square.
func BenchmarkSameYearBatch(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		reports := copies(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				x := NewSameYearIndex(reports)
				for i := range reports {
					x.Findings(i)
				}
			}
		})
	}
}

// pairwiseSameYearIn is the look-up as it was before the groups: every
// indexed report having each sentence, one by one. The groups must give
// what it gives.
func pairwiseSameYearIn(k *Checker, r *report.Report, x *SameYearIndex) []Finding {
	boxes, sents, all := x.bodySentences(r, k.sentences(r.Year))
	if all < minCopiedText {
		return nil
	}
	repeated := map[int32]int64{}
	for _, s := range sents {
		for _, j := range x.has[s.hash] {
			if o := &x.units[j]; !o.dropped && o.agency != r.Agency {
				repeated[j] += int64(s.weight)
			}
		}
	}
	var close []int32
	for j, n := range repeated {
		if n*100/int64(all) >= copiedShare {
			close = append(close, j)
		}
	}
	slices.SortFunc(close, func(a, b int32) int { return cmp.Or(cmp.Compare(repeated[b], repeated[a]), cmp.Compare(a, b)) })
	seen := map[string]bool{}
	close = slices.DeleteFunc(close, func(j int32) bool {
		dup := seen[x.units[j].agency]
		seen[x.units[j].agency] = true
		return dup
	})
	if len(close) == 0 {
		return nil
	}
	res := copyResult{count: len(close), closest: close[0], share: int(repeated[close[0]] * 100 / int64(all))}
	for _, j := range close[:min(namedUnits, len(close))] {
		res.names = append(res.names, x.units[j].agency)
	}
	return sameYearFinding(boxes, sents, &x.units[res.closest], res)
}

// TestSameYearInGroupsCopies: the editor's look-up goes through one group
// per text, so 2,000 copies of a report cost one step per sentence, and it
// says what the look-up of every report one by one says: copies interleaved
// with other texts, a unit twice, the report's own agency in the index,
// dropped reports, a half copy.
func TestSameYearInGroupsCopies(t *testing.T) {
	x := NewSameYearIndex(copies(t, 2000))
	if len(x.groups) != 1 {
		t.Fatalf("2,000 copies of one text in %d groups, want 1", len(x.groups))
	}
	for h, gs := range x.look {
		if len(gs) != 1 {
			t.Fatalf("sentence %x looked up in %d groups, want 1", h, len(gs))
		}
	}
	r := realReport(t, "pingtan-jtjsj-2024")
	if got := w9(NewChecker().SameYearIn(r, x)); len(got) != 1 || !strings.Contains(got[0].Message,
		"与同年度 2000 个单位的报告（测试县第0000局、测试县第0001局、测试县第0002局、…）文字雷同") {
		t.Fatalf("W9 against 2,000 copies: %+v", got)
	}

	base := copies(t, 6)
	other := realReport(t, "pingtan-scjgj-2024")
	half := other.Clone()
	half.Agency = "测试县半抄局"
	half.Overview = append([]report.Section(nil), base[0].Overview...)
	edited := base[0].Clone()
	edited.Agency = "测试县改写局"
	edited.Overview[0].Body += "本年度另有新增内容。"
	self := base[0].Clone()
	self.Agency = "测试县本局"
	tests := []struct {
		name string
		add  []*report.Report
		drop []int
		r    *report.Report
	}{
		{"copies and others interleaved", []*report.Report{base[0], other, base[1], edited, base[2], half, base[3]}, nil, self},
		{"a unit twice", []*report.Report{base[0], base[1], base[1].Clone(), edited, base[2]}, nil, self},
		{"its own agency indexed", []*report.Report{base[0], self.Clone(), base[1], self.Clone(), edited}, nil, self},
		{"dropped reports", []*report.Report{base[0], base[1], base[2], edited, base[3]}, []int{0, 3}, self},
		{"all dropped but its own", []*report.Report{base[0], self.Clone()}, []int{0}, self},
		{"the half copy looked up", []*report.Report{base[0], base[1], edited, other}, nil, half},
		{"nothing copied", []*report.Report{other}, nil, self},
	}
	for _, tt := range tests {
		x := NewSameYearIndex(tt.add)
		for _, j := range tt.drop {
			x.Drop(j)
		}
		k := NewChecker()
		got, want := k.SameYearIn(tt.r, x), pairwiseSameYearIn(k, tt.r, x)
		if len(got) != len(want) || (len(got) == 1 && (got[0].Message != want[0].Message || *got[0].Text != *want[0].Text)) {
			t.Errorf("%s: through the groups %+v, one by one %+v", tt.name, got, want)
		}
	}
}

// BenchmarkSameYearIn is the editor's look-up on every edit against 2,000
// and 16,000 copies of its text: it does not grow with the copies.
func BenchmarkSameYearIn(b *testing.B) {
	r := realReport(b, "pingtan-jtjsj-2024")
	for _, n := range []int{2000, 16000} {
		x := NewSameYearIndex(copies(b, n))
		k := NewChecker()
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				k.SameYearIn(r, x)
			}
		})
	}
}
