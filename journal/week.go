package journal

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Week is an ISO 8601 week: Monday to Sunday, numbered within its week-year
// (2026-W53 runs from 2026-12-28 to 2027-01-03).
type Week struct {
	Year   int
	Number int
}

// WeekOf returns the ISO week of a day.
func WeekOf(d Date) Week {
	y, w := d.ISOWeek()
	return Week{y, w}
}

var weekForm = regexp.MustCompile(`^(\d{4})-[Ww](\d{2})$`)

// ParseWeek reads a week written as 2026-W48 (or 2026-w48).
func ParseWeek(s string) (Week, error) {
	m := weekForm.FindStringSubmatch(s)
	if m == nil {
		return Week{}, fmt.Errorf("%q is not a week of the form 2026-W48", s)
	}
	y, _ := strconv.Atoi(m[1])
	n, _ := strconv.Atoi(m[2])
	w := Week{y, n}
	if n < 1 || n > 53 || WeekOf(w.Monday()) != w {
		return Week{}, fmt.Errorf("%d has no week %d", y, n)
	}
	if w.Monday().Year < 1 || w.Sunday().Year > 9999 {
		// Its days could not be written as YYYY-MM-DD.
		return Week{}, fmt.Errorf("week %s has days outside the years 1–9999", s)
	}
	return w, nil
}

// String writes the week as 2026-W48.
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Number) }

// Monday returns the first day of the week.
func (w Week) Monday() Date {
	// January 4th is always in week 1.
	jan4 := Date{w.Year, time.January, 4}
	return jan4.Monday().AddDays(7 * (w.Number - 1))
}

// Sunday returns the last day of the week.
func (w Week) Sunday() Date { return w.Monday().AddDays(6) }

// Days returns Monday to Sunday.
func (w Week) Days() [7]Date {
	var days [7]Date
	m := w.Monday()
	for i := range days {
		days[i] = m.AddDays(i)
	}
	return days
}

// Contains reports whether d falls in the week.
func (w Week) Contains(d Date) bool { return WeekOf(d) == w }

// Add returns the week n weeks later (earlier for negative n).
func (w Week) Add(n int) Week { return WeekOf(w.Monday().AddDays(7 * n)) }

// Before reports whether w comes before v.
func (w Week) Before(v Week) bool {
	return w.Year < v.Year || w.Year == v.Year && w.Number < v.Number
}
