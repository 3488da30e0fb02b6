package sqlite

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"nianbao/data/combine"
	"nianbao/data/report"
	"nianbao/data/store"
)

// benchCombine combines units reports of 2024 (each with its 2023 report
// stored, so that R5 and R6 run as they do for real) from one database.
func benchCombine(b *testing.B, units int) {
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var rs []*report.Report
	roster := make([]combine.Unit, units)
	for i := 0; i < units; i++ {
		name := fmt.Sprintf("测试县第%05d局", i)
		roster[i] = combine.Unit{Name: name, Type: report.AgencyDepartment}
		rs = append(rs, sample(name, 2024, i%100), sample(name, 2023, i%100))
	}
	if _, err := s.PutAll(rs, store.SaveImport); err != nil {
		b.Fatal(err)
	}
	rs = nil
	if err := s.SetRoster("测试县人民政府", 2024, roster); err != nil {
		b.Fatal(err)
	}
	opts := combine.Options{Agency: "测试县人民政府", Year: 2024, Roster: roster, Now: time.Now()}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for b.Loop() {
		res, err := combine.FromDatabase(s, opts)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Units) != units {
			b.Fatalf("%d units", len(res.Units))
		}
		runtime.KeepAlive(res)
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/float64(units), "heap-B/unit")
	}
}

func BenchmarkCombineStored1000(b *testing.B)  { benchCombine(b, 1000) }
func BenchmarkCombineStored10000(b *testing.B) { benchCombine(b, 10000) }
