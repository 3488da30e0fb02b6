package registerview

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"nianbao/data/workdays"
)

// Count is what the report list says of the registers: how many open
// applications fall due within SoonDays working days and how many are overdue.
type Count struct {
	Soon, Overdue int
}

// Text is the count as the report list shows it ("" when nothing is due):
// "2 件申请 3 个工作日内到期，1 件已超期".
func (c Count) Text() string {
	var parts []string
	if c.Soon > 0 {
		parts = append(parts, fmt.Sprintf("%d 件申请 %d 个工作日内到期", c.Soon, SoonDays))
	}
	if c.Overdue > 0 {
		parts = append(parts, fmt.Sprintf("%d 件已超期", c.Overdue))
	}
	return strings.Join(parts, "，")
}

// DueCount counts, on today, the open applications of the registers of
// agencies and of the agency whose register was shown last. It runs on the
// store's goroutine.
func DueCount(st Store, agencies []string, today time.Time) (Count, error) {
	var c Count
	last, err := st.Setting(settingAgency)
	if err != nil {
		return c, err
	}
	if last != "" && !slices.Contains(agencies, last) {
		agencies = append(slices.Clip(agencies), last)
	}
	texts, err := st.CalendarAdditions()
	if err != nil {
		return c, err
	}
	cal, err := workdays.New(texts...)
	if err != nil {
		return c, err
	}
	seen := map[string]bool{}
	for _, agency := range agencies {
		if seen[agency] {
			continue
		}
		seen[agency] = true
		apps, err := st.Applications(agency, 0)
		if err != nil {
			return c, err
		}
		for i := range apps {
			d, open := apps[i].NextDue(cal, today)
			switch {
			case !open:
			case d.Overdue:
				c.Overdue++
			case d.Soon(SoonDays):
				c.Soon++
			}
		}
	}
	return c, nil
}
