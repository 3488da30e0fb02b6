package sqlite

import (
	"fmt"
	"path/filepath"
	"testing"

	"nianbao/data/report"
	"nianbao/data/store"
)

// manyReports are n reports of n/5 agencies over five years.
func manyReports(n int) []*report.Report {
	out := make([]*report.Report, n)
	for i := range out {
		out[i] = sample(fmt.Sprintf("测试市第%04d局", i/5), 2019+i%5, i)
	}
	return out
}

func BenchmarkPutAll1000(b *testing.B) {
	benchmarkSave1000(b, func(s *DB, reports []*report.Report) error {
		_, err := s.PutAll(reports, store.SaveImport)
		return err
	})
}

func BenchmarkPut1000(b *testing.B) {
	benchmarkSave1000(b, func(s *DB, reports []*report.Report) error {
		for _, r := range reports {
			if _, err := s.Put(r, store.SaveImport); err != nil {
				return err
			}
		}
		return nil
	})
}

// benchmarkSave1000 times save of 1000 reports into a new database each
// round; opening and closing it are not timed.
func benchmarkSave1000(b *testing.B, save func(s *DB, reports []*report.Report) error) {
	reports := manyReports(1000)
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := save(s, reports); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

func BenchmarkList10000(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutAll(manyReports(10000), store.SaveImport); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		list, err := s.List()
		if err != nil {
			b.Fatal(err)
		}
		if len(list) != 10000 {
			b.Fatalf("listed %d", len(list))
		}
	}
}

func BenchmarkOpen10000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.PutAll(manyReports(10000), store.SaveImport); err != nil {
		b.Fatal(err)
	}
	s.Close()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
