package check

import (
	"fmt"
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
