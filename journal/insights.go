package journal

// TipStat is how often a tip was reflected on and how it went.
type TipStat struct {
	Tip     int
	Count   int   // check-ins on the tip
	Ratings []int // the ratings given, oldest first
	Last    *Entry
}

// LastRating is the most recent rating given on the tip, or 0.
func (t TipStat) LastRating() int {
	if len(t.Ratings) == 0 {
		return 0
	}
	return t.Ratings[len(t.Ratings)-1]
}

// TipStats counts the check-ins on each of a pack's tips (1..tips) in
// entries, which should hold the pack's entries only (see OfPack).
func TipStats(entries []*Entry, tips int) []TipStat {
	stats := make([]TipStat, tips)
	for i := range stats {
		stats[i].Tip = i + 1
	}
	for _, e := range entries {
		if !e.IsCheckIn() || e.Tip > tips {
			continue
		}
		s := &stats[e.Tip-1]
		s.Count++
		s.Last = e
		if e.Rating > 0 {
			s.Ratings = append(s.Ratings, e.Rating)
		}
	}
	return stats
}

// LastOnTip returns the most recent check-in on tip before day, or nil: what
// the manager wrote about it last time.
func LastOnTip(entries []*Entry, tip int, day Date) *Entry {
	var last *Entry
	for _, e := range entries {
		if e.Tip == tip && e.Date.Before(day) {
			last = e
		}
	}
	return last
}

// CalendarDay is one day of the check-in calendar.
type CalendarDay struct {
	Date    Date
	CheckIn bool
	Rating  int
	Away    bool
	Future  bool
}

// Calendar returns the last weeks of check-ins up to today, a column per
// week (Monday first), oldest week first.
func (j *Journal) Calendar(today Date, weeks int) [][7]CalendarDay {
	cols := make([][7]CalendarDay, weeks)
	first := WeekOf(today).Add(-(weeks - 1))
	for c := range cols {
		for i, d := range first.Add(c).Days() {
			away, _ := j.AwayOn(d)
			cd := CalendarDay{Date: d, Away: away, Future: d.After(today)}
			if e := j.byDate[d]; e != nil && e.IsCheckIn() {
				cd.CheckIn, cd.Rating = true, e.Rating
			}
			cols[c][i] = cd
		}
	}
	return cols
}
