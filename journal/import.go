package journal

import (
	"cmp"
	"slices"
	"time"
)

// Imported is what an import did.
type Imported struct {
	Added   int // notes added
	Days    int // days that got at least one of them
	Already int // notes that were there already, with the same time and text
	// Skipped counts the notes left out because their day's file cannot be
	// parsed; Unparseable has that file's *ParseError, once per day.
	Skipped     int
	Unparseable []error
}

// ImportJrnl adds each jrnl entry as a note at its time on its day, in the
// order of the days and times. Only ever appends: an entry's text is never
// touched, and a note already there (same time, same text) is not added
// again, so importing a journal twice adds nothing the second time. A day
// whose file cannot be parsed is skipped and never written. Any other error
// stops the import; what was added until then stays.
func (s *Store) ImportJrnl(entries []JrnlEntry) (Imported, error) {
	var res Imported
	entries = slices.Clone(entries)
	slices.SortStableFunc(entries, func(a, b JrnlEntry) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Hour, b.Hour), cmp.Compare(a.Minute, b.Minute))
	})
	broken := map[Date]bool{}
	grew := map[Date]bool{}
	for _, e := range entries {
		if broken[e.Date] {
			res.Skipped++
			continue
		}
		// Only the clock of at is written ("09:14"): UTC has no daylight
		// saving gap to move it.
		at := time.Date(e.Date.Year, e.Date.Month, e.Date.Day, e.Hour, e.Minute, 0, 0, time.UTC)
		added, err := s.AppendNoteOnce(e.Date, at, e.NoteText(), false)
		switch {
		case IsParseError(err):
			broken[e.Date] = true
			res.Unparseable = append(res.Unparseable, err)
			res.Skipped++
		case err != nil:
			res.Days = len(grew)
			return res, err
		case added:
			res.Added++
			grew[e.Date] = true
		default:
			res.Already++
		}
	}
	res.Days = len(grew)
	return res, nil
}
