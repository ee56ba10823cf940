package locale

import (
	"strconv"
	"strings"
	"time"
)

// datePatterns are the catalog's ways of writing a day, worked out once
// from its templates: each run with a marker for every value and cut at
// the markers. A day is then written without running a template, from the
// names of its weekday and month: an export or a search of years writes
// thousands of days.
type datePatterns struct {
	long, short, dayMonth pattern
	weekday, weekdayShort [7]string
	month, monthShort     [13]string
}

// pattern is a way of writing a day: literal text, and the values between
// it. A nil pattern is one that could not be worked out; the template is
// run instead.
type pattern []segment

type segment struct {
	text  string
	value byte // 'W' weekday, 'D' day, 'M' month, 'Y' year; 0 for text
}

const marker = "\x00"

// patterns returns the catalog's date patterns, working them out the first
// time.
func (c *Catalog) patterns() *datePatterns {
	c.datesOnce.Do(func() {
		p := &datePatterns{}
		for d := range 7 {
			p.weekday[d] = c.T("date.weekday." + weekdayIDs[d])
			p.weekdayShort[d] = c.T("date.weekday_short." + weekdayIDs[d])
		}
		for m := 1; m <= 12; m++ {
			p.month[m] = c.T("date.month." + monthIDs[m])
			p.monthShort[m] = c.T("date.month_short." + monthIDs[m])
		}
		p.long = c.compile("date.long", true, p.weekday[:], p.month[:])
		p.short = c.compile("date.short", true, p.weekdayShort[:], p.monthShort[:])
		p.dayMonth = c.compile("date.day_month", false, p.weekday[:], p.month[:])
		c.dates = p
	})
	return c.dates
}

// compile works out the pattern of a date message, and checks it against
// the template on a few days: a template that does more than put the
// values in place (a rule of its own for some days) keeps being run.
func (c *Catalog) compile(id string, year bool, weekdays, months []string) pattern {
	pairs := []any{"Weekday", marker + "W" + marker, "Day", marker + "D" + marker, "Month", marker + "M" + marker}
	if year {
		pairs = append(pairs, "Year", marker+"Y"+marker)
	}
	var p pattern
	for i, part := range strings.Split(c.T(id, pairs...), marker) {
		switch {
		case i%2 == 0 && part != "":
			p = append(p, segment{text: part})
		case i%2 == 1 && len(part) == 1 && strings.Contains("WDMY", part):
			p = append(p, segment{value: part[0]})
		case i%2 == 1:
			return nil
		}
	}
	for _, d := range []time.Time{time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC), time.Date(1999, 1, 1, 12, 0, 0, 0, time.UTC)} {
		want := c.T(id, "Weekday", weekdays[d.Weekday()], "Day", d.Day(), "Month", months[d.Month()], "Year", d.Year())
		if p.write(d.Year(), d.Month(), d.Day(), weekdays, months) != want {
			return nil
		}
	}
	return p
}

func (p pattern) write(year int, month time.Month, day int, weekdays, months []string) string {
	var b strings.Builder
	b.Grow(32)
	for _, s := range p {
		switch s.value {
		case 0:
			b.WriteString(s.text)
		case 'W':
			b.WriteString(weekdays[time.Date(year, month, day, 12, 0, 0, 0, time.UTC).Weekday()])
		case 'D':
			b.WriteString(strconv.Itoa(day))
		case 'M':
			b.WriteString(months[month])
		case 'Y':
			b.WriteString(strconv.Itoa(year))
		}
	}
	return b.String()
}
