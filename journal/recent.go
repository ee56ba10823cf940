package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
)

// Recent reads only the days that make up the current streak: back from
// today while each day has a check-in or is a day away. It answers the
// questions of a shell prompt (checked in today? how long is the streak?)
// without reading years of journal. An entry that cannot be read ends the
// walk: it goes into Problems, and the streak is told up to it.
func (s *Store) Recent(today Date, weekdaysOnly bool) (*Journal, error) {
	j := &Journal{Reflections: map[Week]*Reflection{}, WeekdaysOnly: weekdaysOnly}
	away, err := s.readAway()
	if err != nil {
		return nil, err
	}
	j.Away = away.Periods
	// Days away alone never end the walk back; a year of them does, so a
	// journal of weekends and holidays only is not walked for ever.
	awayRun := 0
	for d := today; awayRun < 400; d = d.AddDays(-1) {
		path := s.DayPath(d)
		data, err := s.readFile(path)
		var e *Entry
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case IsParseError(err): // a link
			j.Problems = append(j.Problems, err)
			slices.Reverse(j.Entries)
			j.index()
			return j, nil
		case err != nil:
			return nil, fmt.Errorf("read %s: %w", path, err)
		default:
			if e, err = ParseEntry(path, data); err != nil {
				j.Problems = append(j.Problems, err)
				slices.Reverse(j.Entries)
				j.index()
				return j, nil
			}
			j.Entries = append(j.Entries, e)
		}
		isAway, _ := j.AwayOn(d)
		switch {
		case e != nil && e.IsCheckIn():
			awayRun = 0
		case isAway:
			awayRun++
		case d != today:
			// today may still be to come; any other day without a check-in
			// ends the streak.
			slices.Reverse(j.Entries)
			j.index()
			return j, nil
		}
	}
	slices.Reverse(j.Entries)
	j.index()
	return j, nil
}
