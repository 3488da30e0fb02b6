package report

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 15, 4, 0, 0, time.Local) }

func TestDefaultYear(t *testing.T) {
	tests := []struct {
		today time.Time
		want  int
	}{
		{day(2026, time.January, 1), 2025},
		{day(2026, time.March, 31), 2025},
		{day(2026, time.June, 30), 2025},
		{day(2026, time.July, 1), 2026},
		{day(2026, time.November, 30), 2026},
		{day(2026, time.December, 1), 2026},
		{day(2026, time.December, 31), 2026},
	}
	for _, tt := range tests {
		if got := DefaultYear(tt.today); got != tt.want {
			t.Errorf("DefaultYear(%s) = %d, want %d", tt.today.Format("2006-01-02"), got, tt.want)
		}
	}
}

func TestDeadline(t *testing.T) {
	tests := []struct {
		kind, agency string
		want         string
	}{
		{AgencyGovernment, "", "2026-03-31"},
		{AgencyDepartment, "", "2026-01-31"},
		{AgencyTownship, "", "2026-01-31"},
		{"", "某某县人民政府", "2026-03-31"},
		{"", "某某市民政局", "2026-01-31"},
		{"", "某某镇人民政府", "2026-01-31"},
	}
	for _, tt := range tests {
		if got := Deadline(tt.kind, tt.agency, 2025).Format("2006-01-02"); got != tt.want {
			t.Errorf("Deadline(%q, %q, 2025) = %s, want %s", tt.kind, tt.agency, got, tt.want)
		}
	}
}

func TestDaysLeft(t *testing.T) {
	dl := Deadline(AgencyDepartment, "", 2025) // 2026-01-31
	tests := []struct {
		today time.Time
		want  int
	}{
		{day(2026, time.January, 31), 0},
		{day(2026, time.January, 30), 1},
		{day(2025, time.December, 1), 61},
		{day(2026, time.February, 2), -2},
		{time.Date(2026, time.January, 30, 23, 59, 0, 0, time.FixedZone("CST", 8*3600)), 1},
	}
	for _, tt := range tests {
		if got := DaysLeft(dl, tt.today); got != tt.want {
			t.Errorf("DaysLeft(%s) = %d, want %d", tt.today, got, tt.want)
		}
	}
}
