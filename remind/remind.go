// Package remind is the daily reminder to check in: the files that make
// the operating system's own scheduler run "tillit remind now" at the hour
// the user picked (a systemd user timer or a crontab line on Linux, a
// launchd agent on macOS, a Task Scheduler task on Windows), and the
// decision that run makes: notify only when today has no check-in yet and
// is not a day away.
package remind

import (
	"fmt"
	"regexp"
	"runtime"
	"strconv"

	"tillit/journal"
)

// Schedule is when the reminder comes: every day, or Monday to Friday, at
// a time of day.
type Schedule struct {
	Hour, Minute int
	Weekdays     bool
}

// ParseTime reads a time of day written HH:MM (07:45, 7:45).
func ParseTime(s string) (hour, minute int, err error) {
	m := clock.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, fmt.Errorf("%q is not a time of day HH:MM", s)
	}
	hour, _ = strconv.Atoi(m[1])
	minute, _ = strconv.Atoi(m[2])
	if hour > 23 || minute > 59 {
		return 0, 0, fmt.Errorf("%q is not a time of day HH:MM", s)
	}
	return hour, minute, nil
}

// goos is the system tillit runs on.
var goos = runtime.GOOS

var clock = regexp.MustCompile(`^([0-9]{1,2}):([0-9]{2})$`)

// At is the time written HH:MM.
func (s Schedule) At() string { return fmt.Sprintf("%02d:%02d", s.Hour, s.Minute) }

// mark is written into every file tillit makes for the scheduler, so that
// it finds its own again and reads back when it reminds: "tillit remind
// at 07:45 weekdays". (No "--" in it: it goes into XML comments.)
func (s Schedule) mark() string {
	days := "daily"
	if s.Weekdays {
		days = "weekdays"
	}
	return "tillit remind at " + s.At() + " " + days
}

var markRe = regexp.MustCompile(`tillit remind at ([0-9]{2}):([0-9]{2}) (daily|weekdays)`)

// readMark finds the schedule in a file tillit made.
func readMark(text string) (Schedule, bool) {
	m := markRe.FindStringSubmatch(text)
	if m == nil {
		return Schedule{}, false
	}
	h, _ := strconv.Atoi(m[1])
	min, _ := strconv.Atoi(m[2])
	return Schedule{Hour: h, Minute: min, Weekdays: m[3] == "weekdays"}, true
}

// Why tells why a reminder is or is not due.
type Why int

const (
	Due       Why = iota // no check-in yet today, and not a day away
	CheckedIn            // today has a check-in
	Away                 // today is a day away (or a weekend, with weekdays_only)
)

// Decide says whether today calls for a reminder, from the journal's
// index; streak is the streak the reminder may mention.
func Decide(store *journal.Store, today journal.Date, weekdaysOnly bool) (why Why, streak int, err error) {
	j := store.Summary()
	j.WeekdaysOnly = weekdaysOnly
	switch away, _ := j.AwayOn(today); {
	case j.CheckedIn(today):
		return CheckedIn, 0, nil
	case away:
		return Away, 0, nil
	}
	return Due, j.CurrentStreak(today), nil
}
