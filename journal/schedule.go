package journal

// tipCounts counts the check-ins on each tip (index 1..tips), leaving out
// the day's own entry so that asking twice gives one answer.
func tipCounts(entries []*Entry, day Date, tips int) []int {
	counts := make([]int, tips+1)
	for _, e := range entries {
		if e.IsCheckIn() && e.Date != day && e.Tip <= tips {
			counts[e.Tip]++
		}
	}
	return counts
}

// DueTip returns the tip for a check-in on day: the lowest-numbered tip with
// the fewest check-ins so far. The tips are walked in order, a missed day
// skips nothing, and a tip chosen out of turn waits until the round comes
// round.
func DueTip(entries []*Entry, day Date, tips int) int {
	counts := tipCounts(entries, day, tips)
	due := 1
	for t := 2; t <= tips; t++ {
		if counts[t] < counts[due] {
			due = t
		}
	}
	return due
}

// Round returns which pass through the tips a check-in on day belongs to (1
// until every tip has one check-in, and so on) and how many tips the pass
// has covered so far.
func Round(entries []*Entry, day Date, tips int) (round, done int) {
	counts := tipCounts(entries, day, tips)
	least := counts[1]
	for t := 2; t <= tips; t++ {
		least = min(least, counts[t])
	}
	for t := 1; t <= tips; t++ {
		if counts[t] > least {
			done++
		}
	}
	return least + 1, done
}

// TimesOnTip counts the check-ins on tip dated before day. The k-th check-in
// on a tip (counting from 0) asks the next questions in the tip's list.
func TimesOnTip(entries []*Entry, tip int, day Date) int {
	n := 0
	for _, e := range entries {
		if e.Tip == tip && e.Date.Before(day) {
			n++
		}
	}
	return n
}

// CommitmentToFollowUp returns the entry whose commitment a check-in on day
// should ask about: the most recent earlier check-in that made a commitment,
// unless its follow-up is recorded already: in another entry (before the
// day, or after it when the day is filled in afterwards), or from the list of
// open commitments. The day's own follow-up does not count: it is the one
// being edited. It returns nil when there is nothing to ask. entries must be
// sorted by date.
func CommitmentToFollowUp(entries []*Entry, day Date) *Entry {
	others := make([]*Entry, 0, len(entries))
	for _, e := range entries {
		if e.Date != day {
			others = append(others, e)
		}
	}
	outcomes := Outcomes(others)
	for i := len(outcomes) - 1; i >= 0; i-- {
		o := outcomes[i]
		if !o.Commitment.Date.Before(day) {
			continue
		}
		if o.Open() {
			return o.Commitment
		}
		return nil
	}
	return nil
}

// Outcome is how a commitment went, and where that was written.
type Outcome struct {
	Commitment *Entry   // the check-in that made it
	Result     Followup // done, partly, not; empty while open
	Note       string
	RecordedIn *Entry // the entry that says so (the commitment's own when closed from the list)
	// Private is set when how it went was recorded in a private entry, or
	// the commitment is in one: other eyes see neither Result nor Note.
	Private bool
}

// Open reports whether no follow-up is recorded yet.
func (o Outcome) Open() bool { return o.Result == "" }

// Outcomes returns, for each check-in with a commitment, how it went, oldest
// first. A follow-up without followup_of (written by hand) is about the
// most recent commitment before it. entries must be sorted by date.
func Outcomes(entries []*Entry) []Outcome {
	var out []Outcome
	index := map[Date]int{}
	last := -1 // the most recent commitment so far
	for _, e := range entries {
		if e.Followup != "" {
			target := -1
			if !e.FollowupOf.IsZero() {
				if i, ok := index[e.FollowupOf]; ok {
					target = i
				}
			} else {
				target = last // written by hand: about the latest commitment
			}
			if target >= 0 && out[target].Result == "" && out[target].Commitment.Date.Before(e.Date) {
				out[target].Result, out[target].Note, out[target].RecordedIn = e.Followup, e.FollowupNote, e
				out[target].Private = out[target].Private || e.Private
			}
		}
		if e.IsCheckIn() && e.MadeCommitment() {
			o := Outcome{Commitment: e, Private: e.Private}
			if e.Outcome != "" {
				o.Result, o.Note, o.RecordedIn = e.Outcome, e.OutcomeNote, e
			}
			index[e.Date] = len(out)
			last = len(out)
			out = append(out, o)
		}
	}
	return out
}

// ByDate finds the entry of day in entries sorted by date.
func ByDate(entries []*Entry, day Date) *Entry {
	for _, e := range entries {
		if e.Date == day {
			return e
		}
	}
	return nil
}

// OfPack keeps the entries written with the pack id; an entry without a pack
// key belongs to the built-in pack. Tip numbers count within a pack.
func OfPack(entries []*Entry, id, builtin string) []*Entry {
	var out []*Entry
	for _, e := range entries {
		if ofPack(e.Pack, id, builtin) {
			out = append(out, e)
		}
	}
	return out
}

// ofPack reports whether a file's pack key names the pack id; no key names
// the built-in one.
func ofPack(key, id, builtin string) bool {
	if key == "" {
		key = builtin
	}
	return key == id
}

// Schedule is how the tip of a check-in is chosen (the settings' schedule).
type Schedule string

const (
	// Sequence walks the tips in order: DueTip.
	Sequence Schedule = "sequence"
	// Focus takes the tip that needs practice most: FocusTip.
	Focus Schedule = "focus"
)

// Due returns the tip for a check-in on day under the schedule; anything
// but focus is the sequence.
func (s Schedule) Due(entries []*Entry, day Date, tips int) int {
	if s == Focus {
		return FocusTip(entries, day, tips)
	}
	return DueTip(entries, day, tips)
}

// focusRest is how long a tip rests after a check-in under the focus
// schedule: without it, a tip rated low would come back every day.
const focusRest = 7

// unrated is the rating a tip without one counts as: the middle, so that
// tips that went badly come before it and tips that went well after.
const unrated = 3

// FocusTip returns the tip that needs practice most on day: the one whose
// last rating was lowest (a tip not yet rated counts as 3), among the tips
// not checked in during the week before day (all of them, when every tip
// was); ties go to the tip left longest (one never visited first), then to
// the lowest number. The day's own entry does not count, so asking twice
// gives one answer.
func FocusTip(entries []*Entry, day Date, tips int) int {
	type state struct {
		rating  int
		last    Date
		visited bool
	}
	s := make([]state, tips+1)
	for t := range s {
		s[t].rating = unrated
	}
	for _, e := range entries { // sorted by date: later ones win
		if !e.IsCheckIn() || e.Tip < 1 || e.Tip > tips || !e.Date.Before(day) {
			continue
		}
		st := &s[e.Tip]
		st.last, st.visited = e.Date, true
		if e.Rating >= 1 && e.Rating <= 5 {
			st.rating = e.Rating
		}
	}
	resting := func(t int) bool { return s[t].visited && !s[t].last.Before(day.AddDays(-focusRest)) }
	allResting := true
	for t := 1; t <= tips; t++ {
		allResting = allResting && resting(t)
	}
	best := 0
	for t := 1; t <= tips; t++ {
		if resting(t) && !allResting {
			continue
		}
		if best == 0 {
			best = t
			continue
		}
		a, b := s[t], s[best]
		switch {
		case a.rating != b.rating:
			if a.rating < b.rating {
				best = t
			}
		case a.visited != b.visited:
			if !a.visited {
				best = t
			}
		case a.last.Before(b.last):
			best = t
		}
	}
	return max(best, 1)
}
