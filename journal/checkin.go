package journal

// CheckIn is what a daily check-in gathers. Applied to an entry it changes
// only what the check-in owns: the user's other keys, free text and notes
// stay as they are.
type CheckIn struct {
	Date         Date
	Pack         string // the prompt pack's id and version
	PackVersion  string
	Tip          int
	Answers      []Answer
	Rating       int
	Energy       int
	Commitment   string
	Followup     Followup
	FollowupOf   Date
	FollowupNote string
	Private      bool
}

// Answer is the reply to one reflection question.
type Answer struct {
	Question string
	Text     string
	Private  bool
}

// ApplyTo writes the check-in into e. A value equal to what the entry holds
// is left alone, so opening a check-in and saving it unchanged keeps the
// user's own formatting. Answers not in the check-in are left as they are.
func (c CheckIn) ApplyTo(e *Entry) {
	if c.Pack != "" { // empty keeps the entry's pack, e.g. one that is gone
		e.Pack, e.PackVersion = c.Pack, c.PackVersion
	}
	e.Tip = c.Tip
	e.Rating = c.Rating
	e.Energy = c.Energy
	if c.Commitment != e.Commitment {
		e.Commitment = oneLine(c.Commitment)
	}
	e.Followup = c.Followup
	e.FollowupOf = c.FollowupOf
	if c.FollowupNote != e.FollowupNote {
		e.FollowupNote = oneLine(c.FollowupNote)
	}
	if c.Followup == "" {
		e.FollowupOf, e.FollowupNote = Date{}, ""
	}
	e.Private = c.Private
	for _, a := range c.Answers {
		e.Body.SetAnswer(a.Question, a.Text, a.Private)
	}
}

// Clone returns a fresh copy of the entry as it was read, to change without
// touching the original.
func (e *Entry) Clone() *Entry {
	return cloneDoc(&e.document, func() *Entry { return NewEntry(e.Path, e.Date) }, ParseEntry)
}
