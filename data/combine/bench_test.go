package combine

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"testing"
	"time"

	"nianbao/data/check"
	"nianbao/data/report"
)

// generatedUnit is a unit's report whose figures add up: random applications
// spread over the result rows, the rest carried forward.
func generatedUnit(rng *rand.Rand, name string) *report.Report {
	r := report.New(name, 2024)
	r.Overview = []report.Section{{Body: "本年度主动公开政府信息。"}}
	r.Problems = []report.Section{{Body: "公开内容不够全面。"}}
	r.OtherMatters = []report.Section{{Body: "本年度未收取信息处理费。"}}
	p := &r.Proactive
	p.NormativeDocuments = report.DocCounts{Issued: rng.Intn(5), Repealed: rng.Intn(2), InForce: 5 + rng.Intn(30)}
	p.Licensing, p.Penalty = rng.Intn(3000), rng.Intn(400)
	p.Fees = fmt.Sprintf("%d.%06d", rng.Intn(500), rng.Intn(1_000_000))
	a := &r.Applications
	for c := 0; c < 2; c++ {
		a[report.RowNew][c] = rng.Intn(40)
		left := a[report.RowNew][c]
		for left > 1 {
			row := report.FirstResultRow + rng.Intn(report.LastResultRow-report.FirstResultRow+1)
			k := 1 + rng.Intn(left)
			a[row][c] += k
			left -= k
		}
		a[report.RowCarriedForward][c] = left
	}
	r.ReviewLitigation[report.GroupReview] = report.CaseRow{rng.Intn(3), rng.Intn(2), 0, rng.Intn(2), 0}
	r.FillTotals()
	return r
}

func unitFiles(b *testing.B, n int) []string {
	rng := rand.New(rand.NewSource(1))
	dir := b.TempDir()
	files := make([]string, n)
	for i := range files {
		files[i] = filepath.Join(dir, fmt.Sprintf("%04d.nianbao.json", i))
		if err := report.WriteFile(files[i], generatedUnit(rng, fmt.Sprintf("测试县第%04d局", i))); err != nil {
			b.Fatal(err)
		}
	}
	return files
}

// BenchmarkCheck1000Files is what `nianbao check` does with 1,000 files:
// the baseline of BenchmarkCombine1000Files.
func BenchmarkCheck1000Files(b *testing.B) {
	files := unitFiles(b, 1000)
	for b.Loop() {
		for _, f := range files {
			r, err := report.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			check.Run(r, nil)
		}
	}
}

// combineFiles combines the units' files as `nianbao combine` does, ending
// the benchmark on a file it cannot read or add.
func combineFiles(b *testing.B, files []string) (*Result, error) {
	bt := NewBatch(Options{Agency: "测试县人民政府", Year: 2024, Now: time.Now()})
	for _, f := range files {
		rec, err := ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if err := bt.Add(rec); err != nil {
			b.Fatal(err)
		}
	}
	return bt.Finish()
}

// BenchmarkCombine1000Files is what `nianbao combine` does with the same files.
func BenchmarkCombine1000Files(b *testing.B) {
	files := unitFiles(b, 1000)
	for b.Loop() {
		res, err := combineFiles(b, files)
		if err != nil {
			b.Fatal(err)
		}
		if e, _ := check.Counts(res.Findings); e != 0 {
			b.Fatalf("generated units do not add up: %v", res.Findings[0].Message)
		}
	}
}

// benchCombineCopies combines n copies of the busy example under different
// names: every unit shares its whole text with every other, the worst case of
// W9 between units, which the index keeps linear in n.
func benchCombineCopies(b *testing.B, n int) {
	busy := readExample(b, "fictional-busy-2024")
	dir := b.TempDir()
	files := make([]string, n)
	for i := range files {
		r := busy.Clone()
		r.Agency = fmt.Sprintf("测试县第%04d局", i)
		files[i] = filepath.Join(dir, fmt.Sprintf("%05d.nianbao.json", i))
		if err := report.WriteFile(files[i], r); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		res, err := combineFiles(b, files)
		if err != nil && res == nil {
			b.Fatal(err)
		}
		if u := res.Units[0]; u.Warnings == 0 {
			b.Fatalf("copied text not found: %v", u.Findings)
		}
	}
}

func BenchmarkCombineCopies100(b *testing.B)   { benchCombineCopies(b, 100) }
func BenchmarkCombineCopies1000(b *testing.B)  { benchCombineCopies(b, 1000) }
func BenchmarkCombineCopies10000(b *testing.B) { benchCombineCopies(b, 10000) }
