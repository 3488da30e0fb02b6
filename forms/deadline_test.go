package forms

import (
	"testing"
	"time"

	"nianbao/data/report"
)

func TestDeadlineShown(t *testing.T) {
	e, _ := newTestEditor(t)
	tests := []struct {
		agency string
		year   int
		today  time.Time
		want   string
	}{
		{"某某市民政局", 2024, testToday, "2025年1月31日前向社会公布（部门、乡镇街道），还有 61 天"},
		{"某某县人民政府", 2024, testToday, "2025年3月31日前向社会公布（县级以上人民政府），还有 120 天"},
		{"某某市民政局", 2024, time.Date(2025, 1, 31, 18, 0, 0, 0, time.Local), "2025年1月31日前向社会公布（部门、乡镇街道），今天截止"},
		{"某某市民政局", 2023, testToday, "2024年1月31日前向社会公布（部门、乡镇街道），已过期限 305 天"},
	}
	for _, tt := range tests {
		e.SetClock(func() time.Time { return tt.today })
		e.SetReport(report.New(tt.agency, tt.year), nil)
		if got := e.basic.deadline.Text; got != tt.want {
			t.Errorf("%s %d on %s: %q, want %q", tt.agency, tt.year, tt.today.Format("2006-01-02"), got, tt.want)
		}
	}
	// Editing the agency type moves the deadline.
	e.SetClock(func() time.Time { return testToday })
	e.SetReport(report.New("某某市民政局", 2024), nil)
	e.basic.agencyType.SetSelected("人民政府")
	if got := e.basic.deadline.Text; got != "2025年3月31日前向社会公布（县级以上人民政府），还有 120 天" {
		t.Errorf("after choosing 人民政府: %q", got)
	}
}
