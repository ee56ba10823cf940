package journal

import (
	"cmp"
	"fmt"
	"time"
)

// Date is a calendar day, independent of time zone: a journal entry belongs to
// the day the manager lived it, wherever the machine's clock is set.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// MaxSpanYears is the longest period tillit takes (an export's range):
// longer than any journal, short enough that nothing that walks a period
// day by day or week by week runs for long.
const MaxSpanYears = 100

// SpanTooLong reports whether the period from..to is longer than
// MaxSpanYears.
func SpanTooLong(from, to Date) bool {
	return to.After(DateOf(from.Time().AddDate(MaxSpanYears, 0, 0)))
}

// ParseDate reads a date written as YYYY-MM-DD and rejects impossible days
// such as 2026-02-30.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		if len(s) == 10 && s[4] == '-' && s[7] == '-' {
			return Date{}, fmt.Errorf("%q is not a day in the calendar", s)
		}
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	if t.Year() < 1 {
		// The calendar of weeks, and every period, begins in the year 1.
		return Date{}, fmt.Errorf("%q is before the year 1", s)
	}
	return DateOf(t), nil
}

// String writes the date as YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of the day, for arithmetic that must not trip
// over daylight saving changes.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// AddDays returns the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// ISOWeek returns the ISO 8601 week-year and week of the date.
func (d Date) ISOWeek() (year, week int) { return d.Time().ISOWeek() }

// Monday returns the Monday of the date's ISO week.
func (d Date) Monday() Date {
	offset := (int(d.Weekday()) + 6) % 7 // Monday = 0
	return d.AddDays(-offset)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e. Dates
// are compared field by field, without making times: sorting a journal of
// years compares them hundreds of thousands of times.
func (d Date) Compare(e Date) int {
	if c := cmp.Compare(d.Year, e.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(d.Month, e.Month); c != 0 {
		return c
	}
	return cmp.Compare(d.Day, e.Day)
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// DaysUntil returns the number of days from d to e.
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// MarshalText writes the date as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a date written as YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
