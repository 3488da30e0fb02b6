// Package workdays is the official calendar of working days (工作日) that the
// law's deadlines are counted in: Monday to Friday, less the days off of the
// yearly 国务院办公厅 notice on holidays (部分节假日安排), plus its make-up working
// days (调休上班, a Saturday or Sunday). The notices of 2024–2026 ship inside
// the program (notices/*.txt); a new year's notice and local extra days off
// (a 民族自治地方's own holidays, 放假办法 第四条) are read from a small text
// file in the same format, so a new year needs no new release.
//
// A deadline that runs into a year no notice is known for is counted over
// weekends alone and marked provisional: the next notice may move it.
package workdays

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"
)

//go:embed notices/*.txt
var notices embed.FS

// Day returns the date y-m-d as the package keeps dates: midnight UTC.
func Day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Date drops the time of day and the zone of t, keeping its calendar date.
func Date(t time.Time) time.Time { return Day(t.Year(), t.Month(), t.Day()) }

// Calendar is the days off and the make-up working days of the known years.
// The zero Calendar knows no year; New gives the shipped one. A Calendar is
// not changed after it is built, so it may be shared by goroutines.
type Calendar struct {
	off   map[time.Time]string // a day off, by its holiday's name
	on    map[time.Time]string // a make-up working day
	years map[int]string       // the years whose notice is known, by the notice
	last  int                  // the last known year

	// days indexes every day of 2000–2100 (see index): whether it is a
	// working day and whether its year is known, and the working days up to
	// it, so that a 5,000-application register is counted in milliseconds.
	days   []dayFlags
	prefix []int32 // prefix[i]: working days among days 0..i
}

type dayFlags uint8

const (
	flagWork dayFlags = 1 << iota
	flagKnown
)

// The days indexed.
var (
	firstIndexed = Day(2000, time.January, 1)
	lastIndexed  = Day(2100, time.December, 31)
)

// index builds days and prefix from the tables.
func (c *Calendar) index() {
	n := int(lastIndexed.Sub(firstIndexed).Hours()/24) + 1
	c.days = make([]dayFlags, n)
	c.prefix = make([]int32, n)
	var sum int32
	d := firstIndexed
	for i := range n {
		var f dayFlags
		if c.isWorkday(d) {
			f |= flagWork
			sum++
		}
		if c.Known(d.Year()) {
			f |= flagKnown
		}
		c.days[i], c.prefix[i] = f, sum
		d = d.AddDate(0, 0, 1)
	}
}

// at returns the index of date d (already a Date), ok false outside 2000–2100
// or before index ran.
func (c *Calendar) at(d time.Time) (int, bool) {
	if c.days == nil || d.Before(firstIndexed) || d.After(lastIndexed) {
		return 0, false
	}
	return int(d.Sub(firstIndexed).Hours() / 24), true
}

// Kind says whether a line of a calendar file makes a day off or a working day.
const (
	kindOff = "off"
	kindOn  = "on"
)

// New returns the calendar of the shipped notices (2024–2026) with the
// user's additions: each a text in the file format (see Parse), read in order,
// a later line overriding an earlier one on the same day.
func New(additions ...string) (*Calendar, error) {
	c := &Calendar{off: map[time.Time]string{}, on: map[time.Time]string{}, years: map[int]string{}}
	files, err := fs.Glob(notices, "notices/*.txt")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := notices.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if err := c.add(f, string(data)); err != nil {
			return nil, err
		}
	}
	for i, a := range additions {
		if err := c.add(fmt.Sprintf("第 %d 份补充日历", i+1), a); err != nil {
			return nil, err
		}
	}
	c.index()
	return c, nil
}

// Shipped returns the calendar of the shipped notices alone; it cannot fail
// (the notices are tested).
func Shipped() *Calendar {
	c, err := New()
	if err != nil {
		panic(err) // the embedded notices are the program's own and tested
	}
	return c
}

// Parse checks a calendar text and returns the years it declares. The format,
// one statement a line, '#' starting a comment:
//
//	year 2027                        the notice of 2027 is complete: the year is known
//	off 2027-02-05..2027-02-11 春节   days off (a single date or a range), and their name
//	on 2027-02-14 春节调休上班          a make-up working day
//
// A file of local extra days has only off lines (and no year line).
func Parse(text string) (years []int, err error) {
	c := &Calendar{off: map[time.Time]string{}, on: map[time.Time]string{}, years: map[int]string{}}
	if err := c.add("日历文件", text); err != nil {
		return nil, err
	}
	for y := range c.years {
		years = append(years, y)
	}
	slices.Sort(years)
	return years, nil
}

func (c *Calendar) add(source, text string) error {
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 4096), 64<<10)
	line := 0
	title := ""
	for sc.Scan() {
		line++
		s := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if strings.HasPrefix(s, "#") {
			if title == "" {
				title = strings.TrimSpace(strings.TrimPrefix(s, "#"))
			}
			continue
		}
		if s == "" {
			continue
		}
		fields := strings.Fields(s)
		where := fmt.Sprintf("%s第 %d 行", source, line)
		switch fields[0] {
		case "year":
			if len(fields) != 2 {
				return fmt.Errorf("%s：“year”后应只有年份，如 year 2027", where)
			}
			y, err := strconv.Atoi(fields[1])
			if err != nil || y < 2000 || y > 2100 {
				return fmt.Errorf("%s：年份“%s”不对", where, fields[1])
			}
			c.years[y] = title
			c.last = max(c.last, y)
		case kindOff, kindOn:
			if len(fields) < 2 {
				return fmt.Errorf("%s：“%s”后应有日期，如 2027-01-01", where, fields[0])
			}
			from, to, err := dateRange(fields[1])
			if err != nil {
				return fmt.Errorf("%s：%w", where, err)
			}
			name := strings.Join(fields[2:], " ")
			for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
				if fields[0] == kindOff {
					delete(c.on, d)
					c.off[d] = name
				} else {
					delete(c.off, d)
					c.on[d] = name
				}
			}
		default:
			return fmt.Errorf("%s：不认识“%s”，每行应以 year、off（放假）或 on（调休上班）开头", where, fields[0])
		}
	}
	return sc.Err()
}

// dateRange reads 2027-01-01 or 2027-01-01..2027-01-03 (at most 31 days).
func dateRange(s string) (from, to time.Time, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if from, err = time.Parse(time.DateOnly, a); err != nil {
		return from, to, fmt.Errorf("日期“%s”应写作 2027-01-01", a)
	}
	to = from
	if isRange {
		if to, err = time.Parse(time.DateOnly, b); err != nil {
			return from, to, fmt.Errorf("日期“%s”应写作 2027-01-01", b)
		}
		if to.Before(from) || to.Sub(from) > 31*24*time.Hour {
			return from, to, fmt.Errorf("日期范围“%s”不对：结束日应在开始日之后，且不超过31天", s)
		}
	}
	return from, to, nil
}

// Known reports whether the notice of year is in the calendar.
func (c *Calendar) Known(year int) bool { _, ok := c.years[year]; return ok }

// LastKnown is the last year whose notice is in the calendar (0 for none).
func (c *Calendar) LastKnown() int { return c.last }

// Years lists the known years with the title of their notice.
func (c *Calendar) Years() map[int]string {
	out := make(map[int]string, len(c.years))
	for y, t := range c.years {
		out[y] = t
	}
	return out
}

// IsWorkday reports whether d is a working day: a make-up working day, or a
// Monday to Friday that is not a day off.
func (c *Calendar) IsWorkday(d time.Time) bool {
	d = Date(d)
	if i, ok := c.at(d); ok {
		return c.days[i]&flagWork != 0
	}
	return c.isWorkday(d)
}

func (c *Calendar) isWorkday(d time.Time) bool {
	if _, ok := c.on[d]; ok {
		return true
	}
	if _, ok := c.off[d]; ok {
		return false
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// Holiday returns the name of the day off d is, or "".
func (c *Calendar) Holiday(d time.Time) string { return c.off[Date(d)] }

// Add returns the n-th working day after start: the day after start is the
// first day counted (民法典 第二百零一条), so Add(start, 20) is the last day of
// a period of "自收到申请之日起20个工作日". n = 0 returns start itself.
// Provisional is true when the count passed through a day of a year whose
// notice is not known: the date may move when it is published.
func (c *Calendar) Add(start time.Time, n int) (due time.Time, provisional bool) {
	d := Date(start)
	if i, ok := c.at(d); ok {
		for n > 0 && i+1 < len(c.days) {
			i++
			if c.days[i]&flagKnown == 0 {
				provisional = true
			}
			if c.days[i]&flagWork != 0 {
				n--
			}
		}
		d = firstIndexed.AddDate(0, 0, i)
	}
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if !c.Known(d.Year()) {
			provisional = true
		}
		if c.IsWorkday(d) {
			n--
		}
	}
	return d, provisional
}

// Between counts the working days after from up to and including to: the
// days a period from from to to takes (0 when to is not after from).
func (c *Calendar) Between(from, to time.Time) int {
	from, to = Date(from), Date(to)
	if !to.After(from) {
		return 0
	}
	if i, ok := c.at(from); ok {
		if j, ok := c.at(to); ok {
			return int(c.prefix[j] - c.prefix[i])
		}
	}
	n := 0
	for d := from.AddDate(0, 0, 1); !d.After(to); d = d.AddDate(0, 0, 1) {
		if c.IsWorkday(d) {
			n++
		}
	}
	return n
}

// CountInYear counts the working days of year.
func (c *Calendar) CountInYear(year int) int {
	return c.Between(Day(year-1, time.December, 31), Day(year, time.December, 31))
}
