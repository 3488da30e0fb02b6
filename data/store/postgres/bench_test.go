package postgres

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"nianbao/data/combine"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/storetest"
)

// Saving one report on a local server, as the window's save does (Update
// from the revision it loaded). Target: under 20 ms.
func BenchmarkSave(b *testing.B) {
	s, _ := openTemp(b)
	if _, err := s.Put(storetest.Sample("某县民政局", 2023, 0), store.SaveManual); err != nil {
		b.Fatal(err)
	}
	id, err := s.Put(storetest.Sample("某县民政局", 2024, 0), store.SaveManual)
	if err != nil {
		b.Fatal(err)
	}
	l, err := s.Load(id)
	if err != nil {
		b.Fatal(err)
	}
	rev, n := l.Revision, 0
	for b.Loop() {
		n++
		saved, err := s.Update(id, rev, storetest.Sample("某县民政局", 2024, n), store.SaveManual, nil)
		if err != nil {
			b.Fatal(err)
		}
		rev = saved.Revision
	}
}

// The 汇总 view of 1,000 units read from the server (each unit with its
// previous year's report, so that the cross-year checks run). Target: under 2 s.
func BenchmarkCombineStored1000(b *testing.B) {
	const units = 1000
	s, _ := openTemp(b)
	var rs []*report.Report
	roster := make([]combine.Unit, units)
	for i := range units {
		name := fmt.Sprintf("测试县第%05d局", i)
		roster[i] = combine.Unit{Name: name, Type: report.AgencyDepartment}
		rs = append(rs, storetest.Sample(name, 2024, i%100), storetest.Sample(name, 2023, i%100))
	}
	if _, err := s.PutAll(rs, store.SaveImport); err != nil {
		b.Fatal(err)
	}
	if err := s.SetRoster("测试县人民政府", 2024, roster); err != nil {
		b.Fatal(err)
	}
	opts := combine.Options{Agency: "测试县人民政府", Year: 2024, Roster: roster, Now: time.Now()}
	runtime.GC()
	b.ResetTimer()
	for b.Loop() {
		res, err := combine.FromDatabase(s, opts)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Units) != units {
			b.Fatalf("%d units", len(res.Units))
		}
	}
}
