package coach

import (
	"slices"

	"tillit/content"
	"tillit/journal"
	"tillit/report"
)

// CheckIn is what a check-in of a day starts from: the day's entry, the
// pack and tip it is on, the commitment it follows up.
type CheckIn struct {
	Day  journal.Date
	Base *journal.Entry // the day's entry as on disk, or a new one
	// Editing says the day has a check-in already, which this one edits:
	// it stays on its tip and its pack.
	Editing bool
	Pack    *content.Pack
	// PackGone says the pack the entry was written with is not installed
	// any more: Pack is the one in use.
	PackGone bool
	Tip      content.Tip
	// Target is the earlier check-in whose commitment this one follows
	// up; nil when there is none.
	Target   *journal.Entry
	Entries  []*journal.Entry // every entry of the journal, by date
	onPack   []*journal.Entry // the check-ins of Pack, whose turns they share
	schedule journal.Schedule
}

// CheckInJournal is j with what a check-in of day shows read in full: the
// commitment it follows up, the last check-in on each tip of each pack
// (to look back at, whichever tip is chosen) and how their commitments
// went. A journal read in full is given back as it is.
func (c *Coach) CheckInJournal(j *journal.Journal, day journal.Date) *journal.Journal {
	want := map[journal.Date]bool{}
	if e := journal.CommitmentToFollowUp(j.Entries, day); e != nil {
		want[e.Date] = true
	}
	type onTip struct {
		pack string
		tip  int
	}
	last := map[onTip]*journal.Entry{}
	for _, e := range j.Entries {
		if e.IsCheckIn() && e.Date.Before(day) {
			last[onTip{e.Pack, e.Tip}] = e
		}
	}
	for _, e := range last {
		want[e.Date] = true
		if o := j.OutcomeOf(e.Date); o != nil && o.RecordedIn != nil {
			want[o.RecordedIn.Date] = true
		}
	}
	return j.Load(func(r journal.Ref) bool { return r.Kind == journal.KindDay && want[r.Day] })
}

// CheckIn prepares the check-in of day over base (the day's entry, or a new
// one), from the journal's entries. tip is one the user chose; 0 takes the
// one due.
func (c *Coach) CheckIn(entries []*journal.Entry, base *journal.Entry, day journal.Date, tip int) *CheckIn {
	ci := &CheckIn{Day: day, Base: base, Editing: base.IsCheckIn(), Pack: c.Pack, Entries: entries, schedule: c.Schedule}
	if ci.Editing {
		tip = base.Tip
		if p := c.PackOfEntry(base); p != nil {
			ci.Pack = p
		} else {
			ci.PackGone = true
		}
	}
	ci.onPack = journal.OfPack(entries, ci.Pack.ID, content.BuiltinID)
	if tip == 0 {
		tip = ci.DueTip()
	}
	var ok bool
	if ci.Tip, ok = ci.Pack.Tip(tip); !ok {
		ci.Tip = ci.Pack.Tips[0]
	}
	ci.Target = journal.CommitmentToFollowUp(entries, day)
	return ci
}

// DueTip is the tip whose turn it is on the day, as the schedule has it.
func (ci *CheckIn) DueTip() int { return ci.schedule.Due(ci.onPack, ci.Day, ci.Pack.Count()) }

// LastTime is the last check-in on tip before the day, to look back at;
// nil for none.
func (ci *CheckIn) LastTime(tip int) *journal.Entry { return journal.LastOnTip(ci.onPack, tip, ci.Day) }

// Questions are the questions of the check-in on tip: those the day's entry
// answered already, then those of the tip's next turn that are not among
// them (in whatever language they were asked).
func (ci *CheckIn) Questions(tip content.Tip) []string {
	var qs []string
	asked := map[int]bool{}
	if ci.Base.Tip == tip.Number {
		for _, a := range ci.Base.Body.Answers() {
			qs = append(qs, a.Heading)
			asked[content.QuestionIndex(ci.Pack, tip.Number, a.Heading)] = true
		}
	}
	k := journal.TimesOnTip(ci.onPack, tip.Number, ci.Day)
	for _, q := range tip.QuestionsFor(k) {
		if !slices.Contains(qs, q) && !asked[content.QuestionIndex(ci.Pack, tip.Number, q)] {
			qs = append(qs, q)
		}
	}
	return qs
}

// Around is what the journal says of e beyond its file: how its
// commitment turned out, and the commitment it follows up.
func (ci *CheckIn) Around(e *journal.Entry) report.Around {
	outcomes := journal.Outcomes(ci.Entries)
	a := report.Around{FollowedUp: journal.FollowedUpIn(outcomes, e)}
	for i, o := range outcomes {
		if o.Commitment == e {
			a.Outcome = &outcomes[i]
		}
	}
	return a
}
