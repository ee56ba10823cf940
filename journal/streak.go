package journal

// CheckInDays returns the set of days that have a check-in.
func CheckInDays(entries []*Entry) map[Date]bool {
	days := make(map[Date]bool, len(entries))
	for _, e := range entries {
		if e.IsCheckIn() {
			days[e.Date] = true
		}
	}
	return days
}

// Streak returns the run of consecutive check-in days that ends on day, or
// on the day before while day has no check-in yet (the day is not over).
func Streak(entries []*Entry, day Date) int {
	days := CheckInDays(entries)
	d := day
	if !days[d] {
		d = d.AddDays(-1)
	}
	n := 0
	for days[d] {
		n++
		d = d.AddDays(-1)
	}
	return n
}
