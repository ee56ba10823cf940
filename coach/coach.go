// Package coach holds what tillit does for the manager that the command line
// and the interface both do: which tip is today's and which questions it
// asks, what a check-in starts from, the pack an entry was written with, the
// export in any format. It works on the journal as read and the content as
// loaded; it never touches the terminal, never prints and never imports a
// user interface package.
package coach

import (
	"sync"

	"tillit/content"
	"tillit/journal"
	"tillit/locale"
	"tillit/report"
)

// Coach is one user's coaching: the pack in use, their own packs, and the
// language the tips are read in.
type Coach struct {
	Lang *locale.Catalog
	// Pack is the prompt pack in use; Packs are the user's own, for what
	// was written with another pack.
	Pack  *content.Pack
	Packs []*content.Pack
	// Schedule chooses the tip whose turn it is (the settings' schedule).
	Schedule journal.Schedule

	mu     sync.Mutex // PackOf is asked from commands running side by side
	packOf func(id string) *content.Pack
}

// New is the coaching of a user with the pack in use and their own packs.
// Every pack is read in the context of the pack in use: an entry written
// with another pack shows its tip with the same words.
func New(lang *locale.Catalog, pack *content.Pack, packs []*content.Pack) *Coach {
	packOf := report.Packs(lang.Lang(), pack, packs)
	return &Coach{Lang: lang, Pack: pack, Packs: packs, packOf: func(id string) *content.Pack {
		if p := packOf(id); p != nil {
			return p.InContext(pack.Context)
		}
		return nil
	}}
}

// PackOf returns the pack with id ("" is the built-in one), in the user's
// language when it has it; nil when it is not installed (any more).
func (c *Coach) PackOf(id string) *content.Pack {
	if id == "" {
		id = content.BuiltinID
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.packOf(id)
}

// PackOfEntry returns the pack an entry was written with; nil when it is
// gone.
func (c *Coach) PackOfEntry(e *journal.Entry) *content.Pack { return c.PackOf(e.Pack) }

// TipOf returns tip n of the pack with id, when that pack is installed and
// has it.
func (c *Coach) TipOf(id string, n int) (content.Tip, bool) {
	p := c.PackOf(id)
	if p == nil || n == 0 {
		return content.Tip{}, false
	}
	return p.Tip(n)
}

// InPack keeps the entries written with the pack in use: the tips of one
// pack take their turns apart from another's.
func (c *Coach) InPack(entries []*journal.Entry) []*journal.Entry {
	return journal.OfPack(entries, c.Pack.ID, content.BuiltinID)
}

// ReportOptions are the options for a report in the user's language; with
// private, private parts are shown (marked), as in the user's own views.
func (c *Coach) ReportOptions(private bool) report.Options {
	return report.Options{Lang: c.Lang, Private: private, PackOf: c.PackOf}
}

// Day is what a day brings: its tip (the one checked in, or the one due)
// and the questions it asks, whether the day is checked in, how far the
// round has come, the commitment to follow up and the week's focus.
type Day struct {
	Date  journal.Date
	Entry *journal.Entry // the day's entry; nil when there is none
	// CheckedIn says the day has a check-in: Tip is the one it was on.
	CheckedIn bool
	Pack      *content.Pack // the pack of the day's tip
	Tip       content.Tip
	// TipGone says the day's check-in names a tip of a pack that is not
	// installed any more: Tip carries only its number.
	TipGone   bool
	Questions []string
	// Round is the pass through the tips, RoundDone the tips it has
	// covered so far (today's check-in counted once it is made).
	Round, RoundDone int
	// Open is the earlier check-in whose commitment the day follows up;
	// nil when there is none (or the day is checked in).
	Open *journal.Entry
	// Focus is the tip last week's reflection chose to focus on; nil for
	// none.
	Focus *content.Tip
	// Assess says whether the day is one to take a self-assessment of the
	// pack's tips: the first, or again after a round; LastAssessed is the
	// day of the last one (zero for none).
	Assess       AssessDue
	LastAssessed journal.Date
}

// AssessDue says whether a self-assessment is due.
type AssessDue int

const (
	AssessNotDue AssessDue = iota
	// AssessFirst: there is none of the pack in use yet, to start from.
	AssessFirst
	// AssessAgain: a round of check-ins (as many as the pack has tips) was
	// made since the last one, which it can now be compared with.
	AssessAgain
)

// AssessmentDue says whether day is one to take a self-assessment of the
// pack in use, from the journal as read (its index will do): when there
// is none yet, and again once as many check-ins as the pack has tips
// were made since the last one (on its day or after).
func (c *Coach) AssessmentDue(j *journal.Journal, day journal.Date) (AssessDue, journal.Date) {
	var last journal.Date
	for _, a := range j.AssessmentsOf(c.Pack.ID, content.BuiltinID) {
		if !a.Date.After(day) {
			last = a.Date
		}
	}
	switch {
	case last.IsZero():
		return AssessFirst, last
	case j.CheckInsSince(last, c.Pack.ID, content.BuiltinID) >= c.Pack.Count():
		return AssessAgain, last
	}
	return AssessNotDue, last
}

// Today is what day brings, from the journal as read: in full, or from its
// index (Store.Summary). The numbers come from what the journal holds of
// every file; of a journal from its index, the day's own entry and the
// one whose commitment is open are read in full, for their words.
func (c *Coach) Today(j *journal.Journal, day journal.Date) Day {
	d := Day{Date: day, Entry: j.Entry(day), Pack: c.Pack}
	d.CheckedIn = d.Entry != nil && d.Entry.IsCheckIn()
	inPack := c.InPack(j.Entries)
	tipNo := c.Schedule.Due(inPack, day, c.Pack.Count())
	countFrom := day
	gone := false
	if d.CheckedIn {
		tipNo = d.Entry.Tip
		if p := c.PackOfEntry(d.Entry); p != nil {
			d.Pack = p
		} else {
			gone = true // never another pack's tip of that number
		}
		// Once the day is checked in, it counts too.
		countFrom = journal.Date{}
	}
	var ok bool
	if d.Tip, ok = d.Pack.Tip(tipNo); gone || !ok {
		d.Tip, d.TipGone = content.Tip{Number: tipNo}, true
	} else {
		onTip := journal.OfPack(j.Entries, d.Pack.ID, content.BuiltinID)
		d.Questions = d.Tip.QuestionsFor(journal.TimesOnTip(onTip, d.Tip.Number, day))
	}
	d.Round, d.RoundDone = journal.Round(inPack, countFrom, c.Pack.Count())
	if !d.CheckedIn {
		d.Open = journal.CommitmentToFollowUp(j.Entries, day)
	}
	d.Focus = c.FocusOf(j, journal.WeekOf(day).Add(-1))
	d.Assess, d.LastAssessed = c.AssessmentDue(j, day)
	d.Entry, d.Open = full(j, d.Entry), full(j, d.Open)
	return d
}

// full is e with its words, read now when the journal holds only its
// summary. Should the file have become unreadable since (an editor in
// the middle of a write), its numbers are all there is to show.
func full(j *journal.Journal, e *journal.Entry) *journal.Entry {
	if f, err := j.Full(e); err == nil {
		return f
	}
	return e
}

// FocusOf returns the tip the reflection of week w chose to focus on, from
// the pack it was chosen in; nil when there is none, or that pack is gone.
func (c *Coach) FocusOf(j *journal.Journal, w journal.Week) *content.Tip {
	r := j.Reflections[w]
	if r == nil || r.FocusTip == 0 {
		return nil
	}
	t, ok := c.TipOf(r.Pack, r.FocusTip)
	if !ok {
		return nil
	}
	return &t
}

// Week is the review of week w as of today: its numbers, and j with what
// the week's page shows read in full (see Journal.Load) — the week's
// entries and the entries that say how their commitments went, its
// reflection and mentoring notes, and, when the week has a mentoring note,
// the reflections whose questions it may answer.
func (c *Coach) Week(j *journal.Journal, w journal.Week, today journal.Date) (*journal.Journal, journal.WeekStats) {
	days := map[journal.Date]bool{}
	for _, d := range w.Days() {
		days[d] = true
	}
	for _, o := range j.Outcomes() {
		if days[o.Commitment.Date] && o.RecordedIn != nil {
			days[o.RecordedIn.Date] = true
		}
	}
	mentoring := false
	for _, m := range j.Mentorings {
		mentoring = mentoring || w.Contains(m.Date)
	}
	j = j.Load(func(r journal.Ref) bool {
		switch r.Kind {
		case journal.KindWeek:
			return r.Week == w || mentoring
		case journal.KindMentoring:
			return w.Contains(r.Day)
		}
		return days[r.Day]
	})
	return j, j.Week(w, today)
}
