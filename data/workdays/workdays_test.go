package workdays

import (
	"strings"
	"testing"
	"time"
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// The worked examples of register-reference.md §2.4: they cross 春节, 国庆 and
// the year end and use the make-up Sundays 2025-09-28 and 2026-01-04.
func TestReferenceDeadlines(t *testing.T) {
	cal := Shipped()
	tests := []struct {
		received, correction, answer, extended string
		provisional                            bool
	}{
		{"2025-01-20", "2025-02-05", "2025-02-21", "2025-03-21", false},
		{"2025-09-26", "2025-10-13", "2025-10-30", "2025-11-27", false},
		{"2025-12-10", "2025-12-19", "2026-01-08", "2026-02-05", false},
		{"2025-12-24", "2026-01-05", "2026-01-22", "2026-02-26", false},
		{"2026-02-06", "2026-02-24", "2026-03-12", "2026-04-10", false},
		{"2026-09-18", "2026-09-29", "2026-10-22", "2026-11-19", false},
		{"2026-12-15", "2026-12-24", "2027-01-12", "2027-02-09", true},
	}
	for _, tc := range tests {
		r := d(tc.received)
		for _, c := range []struct {
			n    int
			want string
		}{{7, tc.correction}, {20, tc.answer}, {40, tc.extended}} {
			got, prov := cal.Add(r, c.n)
			if got.Format(time.DateOnly) != c.want {
				t.Errorf("收到 %s 后第 %d 个工作日 = %s，应为 %s", tc.received, c.n, got.Format(time.DateOnly), c.want)
			}
			if c.n >= 20 && prov != tc.provisional {
				t.Errorf("收到 %s 后第 %d 个工作日：待定 = %v，应为 %v", tc.received, c.n, prov, tc.provisional)
			}
		}
	}
}

func TestWorkdaysPerYear(t *testing.T) {
	cal := Shipped()
	// 2025 and 2026: the reference's count; 2024: 262 weekdays − 19 weekday days off + 8 make-up days.
	for year, want := range map[int]int{2025: 248, 2026: 248, 2024: 251} {
		if got := cal.CountInYear(year); got != want {
			t.Errorf("%d 年工作日 %d 天，应为 %d", year, got, want)
		}
	}
}

func TestMakeUpAndDaysOff(t *testing.T) {
	cal := Shipped()
	for _, tc := range []struct {
		day  string
		work bool
	}{
		{"2025-09-28", true},  // Sunday, 调休上班
		{"2026-01-04", true},  // Sunday, 调休上班
		{"2025-10-08", false}, // Wednesday, 国庆节、中秋节
		{"2025-10-09", true},
		{"2024-02-18", true}, // Sunday, 春节调休上班
		{"2024-06-10", false},
		{"2027-01-04", true}, // unknown year: weekdays only
		{"2027-01-02", false},
	} {
		if got := cal.IsWorkday(d(tc.day)); got != tc.work {
			t.Errorf("%s 是工作日 = %v，应为 %v", tc.day, got, tc.work)
		}
	}
}

func TestAdditions(t *testing.T) {
	next := "# 国务院办公厅关于2027年部分节假日安排的通知\nyear 2027\noff 2027-01-01 元旦\non 2027-01-02..2027-01-03 调休\n"
	local := "# 本地\noff 2025-06-03 古尔邦节\n"
	cal, err := New(next, local)
	if err != nil {
		t.Fatal(err)
	}
	if !cal.Known(2027) || cal.LastKnown() != 2027 {
		t.Fatalf("导入 2027 年后应已知 2027 年")
	}
	got, prov := cal.Add(d("2026-12-15"), 20)
	if prov {
		t.Error("2027 年已知，期限不应待定")
	}
	// With 2027-01-01 off and the weekend of 2–3 January worked, the 20th
	// working day after 2026-12-15 is 2027-01-11.
	if got.Format(time.DateOnly) != "2027-01-11" {
		t.Errorf("到期日 %s，应为 2027-01-11", got.Format(time.DateOnly))
	}
	if cal.IsWorkday(d("2025-06-03")) || cal.Holiday(d("2025-06-03")) != "古尔邦节" {
		t.Error("本地放假日没有计入")
	}
	if n := cal.Between(d("2025-06-02"), d("2025-06-04")); n != 1 {
		t.Errorf("2025-06-03、04 中工作日 %d 天，应为 1", n)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"year 20x7", "年份"},
		{"holiday 2027-01-01", "不认识"},
		{"off 2027/01/01", "2027-01-01"},
		{"off 2027-02-01..2027-01-01", "日期范围"},
		{"off", "应有日期"},
	} {
		_, err := Parse(tc.text)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "第 1 行") {
			t.Errorf("%q：错误 %v，应含“%s”和行号", tc.text, err, tc.want)
		}
	}
	years, err := Parse("year 2027\noff 2027-01-01 元旦")
	if err != nil || len(years) != 1 || years[0] != 2027 {
		t.Errorf("Parse = %v, %v", years, err)
	}
}

// The index (days, prefix) gives what counting day by day gives, across the
// known years and into the unknown ones.
func TestIndexAgreesWithTables(t *testing.T) {
	cal, err := New("off 2025-06-03 古尔邦节\n")
	if err != nil {
		t.Fatal(err)
	}
	plain := *cal
	plain.days, plain.prefix = nil, nil
	for d := Day(2023, time.December, 1); d.Before(Day(2027, time.March, 1)); d = d.AddDate(0, 0, 3) {
		for _, n := range []int{0, 1, 7, 20, 40} {
			a, ap := cal.Add(d, n)
			b, bp := plain.Add(d, n)
			if !a.Equal(b) || ap != bp {
				t.Fatalf("Add(%s, %d): indexed %s %v, by day %s %v", d.Format(time.DateOnly), n, a.Format(time.DateOnly), ap, b.Format(time.DateOnly), bp)
			}
		}
		to := d.AddDate(0, 0, 45)
		if a, b := cal.Between(d, to), plain.Between(d, to); a != b {
			t.Fatalf("Between(%s, %s): indexed %d, by day %d", d.Format(time.DateOnly), to.Format(time.DateOnly), a, b)
		}
		if cal.IsWorkday(d) != plain.IsWorkday(d) {
			t.Fatalf("IsWorkday(%s) differs", d.Format(time.DateOnly))
		}
	}
	if got, _ := cal.Add(Day(2100, time.December, 30), 5); got.Year() != 2101 {
		t.Errorf("past the index: %s", got.Format(time.DateOnly))
	}
}
