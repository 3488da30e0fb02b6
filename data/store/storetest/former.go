package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"nianbao/data/report"
	"nianbao/data/store"
)

// The renamed government of the issue: 洪泽区人民政府 reported 2023, the same
// government 2024 as 淮安市洪泽区人民政府.
func testFormerName(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	const old, renamed = "洪泽区人民政府", "淮安市洪泽区人民政府"
	r23 := Sample(old, 2023, 2)
	MustPut(t, s, r23, store.SaveManual)
	r24 := Sample(renamed, 2024, 1)
	r24.Applications[report.RowCarriedOver] = report.AppRow{9, 0, 0, 0, 0, 0, 9} // not last year's 结转: R6
	id24 := MustPut(t, s, r24, store.SaveManual)

	if prev, err := s.Previous(renamed, 2024); err != nil || prev != nil {
		t.Fatalf("Previous without a former name = %v, %v; want nil", prev, err)
	}
	if got, _ := s.FormerName(renamed, 2024); got != "" {
		t.Errorf("FormerName = %q before it is set", got)
	}
	if err := s.SetFormerName(renamed, 2024, "  "+old+" "); err != nil {
		t.Fatal(err)
	}
	if got, err := s.FormerName(renamed, 2024); err != nil || got != old {
		t.Errorf("FormerName = %q, %v; want %q", got, err, old)
	}
	prev, err := s.Previous(renamed, 2024)
	if err != nil || prev == nil || prev.Agency != old || prev.Year != 2023 {
		t.Fatalf("Previous = %+v, %v; want %s 2023", prev, err, old)
	}
	sm, _ := Listed(t, s, renamed, 2024)
	if got, want := [2]int{sm.Errors, sm.Warnings}, Counts(r24, r23); got != want || want == Counts(r24, nil) {
		t.Errorf("counts with the former name %v, want %v (alone %v)", got, want, Counts(r24, nil))
	}

	// Last year's report changes: this year's counts follow through the former name.
	r23.Applications[report.RowCarriedForward][0] = 4 // 结转 4, 予以公开 1: still adds up
	r23.Applications[report.RowGranted][0] = 1
	r23.FillTotals()
	MustPut(t, s, r23, store.SaveManual)
	sm, _ = Listed(t, s, renamed, 2024)
	if got, want := [2]int{sm.Errors, sm.Warnings}, Counts(r24, r23); got != want {
		t.Errorf("after last year changed: counts %v, want %v", got, want)
	}

	// Renaming the report again keeps its former name (it belongs to the report).
	r24b := r24.Clone()
	r24b.Agency = "淮安市洪泽区政府"
	l24, err := s.Load(id24)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(id24, l24.Revision, r24b, store.SaveManual, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.FormerName(r24b.Agency, 2024); got != old {
		t.Errorf("after a rename FormerName = %q, want %q", got, old)
	}

	// Removing it.
	if err := s.SetFormerName(r24b.Agency, 2024, ""); err != nil {
		t.Fatal(err)
	}
	if prev, _ := s.Previous(r24b.Agency, 2024); prev != nil {
		t.Errorf("Previous after removing the former name = %s", prev.Agency)
	}
	sm, _ = Listed(t, s, r24b.Agency, 2024)
	if got, want := [2]int{sm.Errors, sm.Warnings}, Counts(r24b, nil); got != want {
		t.Errorf("counts without the former name %v, want %v", got, want)
	}
}

// A former name whose report is not stored falls back to the same name's.
func testFormerNameFallsBack(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	MustPut(t, s, Sample("某县民政局", 2023, 1), store.SaveManual)
	MustPut(t, s, Sample("某县民政局", 2024, 1), store.SaveManual)
	if err := s.SetFormerName("某县民政局", 2024, "某县民政和社会保障局"); err != nil {
		t.Fatal(err)
	}
	if prev, err := s.Previous("某县民政局", 2024); err != nil || prev == nil || prev.Agency != "某县民政局" {
		t.Errorf("Previous = %v, %v; want the same name's 2023", prev, err)
	}
}

func testSetFormerNameRefuses(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	MustPut(t, s, Sample("某县民政局", 2024, 1), store.SaveManual)
	tests := []struct {
		name, agency, former string
		notFound             bool
	}{
		{"its own name", "某县民政局", "某县民政局", false},
		{"a line break", "某县民政局", "某县\n民政局", false},
		{"too long", "某县民政局", strings.Repeat("局", report.MaxAgencyLen+1), false},
		{"a bidi override", "某县民政局", "某县\u202e民政局", false},
		{"no such report", "某县财政局", "某县财政局旧名", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.SetFormerName(tt.agency, 2024, tt.former)
			if err == nil {
				t.Fatal("SetFormerName succeeded")
			}
			if errors.Is(err, store.ErrNotFound) != tt.notFound {
				t.Errorf("err = %v, ErrNotFound %v", err, tt.notFound)
			}
		})
	}
	if got, _ := s.FormerName("某县民政局", 2024); got != "" {
		t.Errorf("FormerName = %q after refusals", got)
	}
}

func testSameYear(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	MustPut(t, s, Sample("甲局", 2024, 1), store.SaveManual)
	MustPut(t, s, Sample("乙局", 2024, 2), store.SaveManual)
	MustPut(t, s, Sample("丙局", 2024, 3), store.SaveManual)
	MustPut(t, s, Sample("乙局", 2023, 4), store.SaveManual)
	got, err := s.SameYear("甲局", 2024)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range got {
		names = append(names, fmt.Sprint(r.Agency, r.Year))
	}
	if fmt.Sprint(names) != "[丙局2024 乙局2024]" {
		t.Errorf("SameYear = %v", names)
	}
}

// A deleted report brought back under its old id has its former name again.
func testFormerNameSurvivesDeleteAndRestore(t *testing.T, bk Backend) {
	s := bk.Open(t, nil)
	id := MustPut(t, s, Sample("淮安市洪泽区人民政府", 2024, 1), store.SaveManual)
	if err := s.SetFormerName("淮安市洪泽区人民政府", 2024, "洪泽区人民政府"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(id); err != nil {
		t.Fatal(err)
	}
	del, err := s.Deleted()
	if err != nil || len(del) != 1 {
		t.Fatalf("Deleted = %v, %v", del, err)
	}
	if back, err := s.Restore(del[0].ID); err != nil || back.ReportID != id {
		t.Fatalf("Restore = %+v, %v; want id %d", back, err, id)
	}
	if got, err := s.FormerName("淮安市洪泽区人民政府", 2024); err != nil || got != "洪泽区人民政府" {
		t.Errorf("FormerName after restore = %q, %v", got, err)
	}
}
