package report

import "time"

// DefaultYear is the report year a new report is most likely for on the
// given day. The report for a year is written from its December until the
// deadline in the next year's first quarter, so from January to June it is
// the previous year. From July on the previous report has long been
// published and the work ahead is the current year's: July to December
// propose the current year.
func DefaultYear(today time.Time) int {
	if today.Month() <= time.June {
		return today.Year() - 1
	}
	return today.Year()
}

// Deadline is the last day on which the report of year must be published
// (条例 第四十九条): a 县级以上人民政府 by 31 March of the next year, every other
// office (its departments, 乡镇 and 街道) by 31 January. agencyType "" is
// inferred from the agency's name.
func Deadline(agencyType, agency string, year int) time.Time {
	if agencyType == "" {
		agencyType = InferAgencyType(agency)
	}
	month := time.January
	if agencyType == AgencyGovernment {
		month = time.March
	}
	return time.Date(year+1, month, 31, 0, 0, 0, 0, time.UTC)
}

// DaysLeft counts the calendar days from today to the deadline: 0 on the
// day itself, negative once it has passed. Only the dates count, not the
// time of day or the zone.
func DaysLeft(deadline, today time.Time) int {
	d := time.Date(deadline.Year(), deadline.Month(), deadline.Day(), 0, 0, 0, 0, time.UTC)
	t := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	return int(d.Sub(t).Hours() / 24)
}
