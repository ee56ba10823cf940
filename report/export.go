package report

import (
	"slices"
	"strings"
	"time"

	"tillit/content"
	"tillit/journal"
)

// ExportOptions say what goes into an export for the mentor.
type ExportOptions struct {
	Options
	From, To journal.Date
	// Tips keeps only check-ins on these tips; empty keeps all.
	Tips []int
	// Pseudonymize replaces @Name mentions, the names in People and the
	// given names tillit knows with stand-ins: Person A, Person B, the same
	// person the same letter (pseudonyms.go says what counts as a name).
	Pseudonymize bool
	People       []string
	Author       string
	Generated    time.Time
}

// Export is a period of the journal as a mentor will read it: the document
// every format (markdown, HTML, JSON) is written from. Nothing private is in
// it unless the options ask for it; PrivateLeftOut counts what was left out.
type Export struct {
	Title     string
	Author    string
	Language  string
	From, To  journal.Date
	Generated time.Time

	Summary         Summary
	MentorQuestions []journal.MentorQuestion
	// Assessments are the period's self-assessments other eyes may see,
	// oldest first; Compared lays those of one pack side by side (nil
	// when there are none).
	Assessments    []ExportAssessment
	Compared       *Compared
	Weeks          []ExportWeek
	PrivateLeftOut int
	// Kept are the words a pseudonymized export took for names but left
	// as they are (a surname no list knows), for the user to act on. No
	// format writes them: the list would name the very people.
	Kept []string
	// ForMentor is the guide and the question bank for the mentor; Credit
	// says whose the tips are and who wrote the rest.
	ForMentor *ForMentor
	Credit    string
}

// Summary is the period in numbers.
type Summary struct {
	CheckIns      int
	AverageRating *float64
	Tips          []TipCount // the tips reflected on, in order, with how often
	Commitments   struct{ Done, Partly, Not, Open int }
	Focus         []Focus // the focus tips chosen in weekly reflections
}

// TipCount is a tip and how many check-ins it had in the period.
type TipCount struct {
	Tip   int
	Title string
	Short string // the title in a few words, for a list
	Count int
}

// Focus is the tip a weekly reflection chose to focus on.
type Focus struct {
	Week  journal.Week
	Tip   int
	Title string
}

// ExportWeek is one ISO week of the period.
type ExportWeek struct {
	Week       journal.Week
	Reflection *ExportText // nil when none, or private and left out
	Entries    []ExportEntry
	Mentorings []ExportMentoring
}

// ExportText is a text cut into its sections, private parts already left
// out (or kept, marked, when asked for).
type ExportText struct {
	Sections []Section
	FocusTip int
	Private  bool // the whole text is private (and was asked for)
}

// Section is one part of a text: an answer, a note, or text outside any
// section (Heading empty).
type Section struct {
	Heading string
	Text    string
	Note    bool // a timestamped note; Heading is its time
	Private bool
}

// ExportEntry is one day.
type ExportEntry struct {
	Date         journal.Date
	Tip          int
	TipTitle     string
	Rating       int
	Energy       int
	Followup     journal.Followup
	FollowupOf   journal.Date
	FollowupNote string
	// FollowedUp is the commitment the follow-up is about; empty when it
	// was made in a private entry left out.
	FollowedUp  string
	Commitment  string
	Outcome     journal.Followup // how the commitment went; empty while open
	OutcomeNote string
	// OutcomePrivate is set when how the commitment went was recorded in a
	// private entry: Outcome and OutcomeNote are left out unless private
	// parts were asked for.
	OutcomePrivate bool
	Tags           []string
	Body           ExportText
}

// ExportMentoring is a mentoring note.
type ExportMentoring struct {
	Date     journal.Date
	Mentor   string
	Answered []string // the questions it marks answered that other eyes may see, or all when asked for
	// AnsweredPrivate says, for each of Answered, whether it is private.
	AnsweredPrivate []bool
	Body            ExportText
}

// ExportAssessment is a self-assessment: the ratings, the staff pulse and
// the note.
type ExportAssessment struct {
	Date        journal.Date
	Pack        string // the pack's id; empty for the built-in one
	PackVersion string
	Ratings     []int // Ratings[n-1] is tip n's; 0 for a tip left out
	Pulse       journal.Pulse
	Body        ExportText
}

// NewExport gathers the period from the journal.
func NewExport(j *journal.Journal, o ExportOptions) *Export {
	x := &Export{
		Title:     o.t("export.title", "Span", o.Lang.Span(o.From.Year, o.From.Month, o.From.Day, o.To.Year, o.To.Month, o.To.Day)),
		Author:    o.Author,
		Language:  o.Lang.Lang(),
		From:      o.From,
		To:        o.To,
		Generated: o.Generated,
	}
	in := func(d journal.Date) bool { return !d.Before(o.From) && !d.After(o.To) }
	outcomes := map[journal.Date]journal.Outcome{}
	for _, oc := range j.Outcomes() {
		outcomes[oc.Commitment.Date] = oc
	}
	weeks := map[journal.Week]*ExportWeek{}
	week := func(w journal.Week) *ExportWeek {
		if weeks[w] == nil {
			weeks[w] = &ExportWeek{Week: w}
		}
		return weeks[w]
	}
	ratings, sum := 0, 0
	tipCounts := map[int]int{}
	packs := map[string]int{} // the check-ins of each pack
	for _, e := range j.Entries {
		if !in(e.Date) {
			continue
		}
		if len(o.Tips) > 0 && !slices.Contains(o.Tips, e.Tip) {
			continue
		}
		if e.Private && !o.Private {
			x.PrivateLeftOut++
			continue
		}
		xe := ExportEntry{
			Date: e.Date, Tip: e.Tip, TipTitle: o.tipTitle(e.Pack, e.Tip), Rating: e.Rating, Energy: e.Energy,
			Followup: e.Followup, FollowupOf: e.FollowupOf, FollowupNote: e.FollowupNote,
			Commitment: e.Commitment, Tags: e.Tags,
		}
		if !e.IsCheckIn() {
			xe.TipTitle = ""
		}
		xe.FollowedUp = o.followedUp(journal.FollowedUpIn(j.Outcomes(), e))
		if oc, ok := outcomes[e.Date]; ok {
			xe.OutcomePrivate = oc.Private
			if !oc.Private || o.Private {
				xe.Outcome, xe.OutcomeNote = oc.Result, oc.Note
			} else if !oc.Open() {
				x.PrivateLeftOut++
			}
		}
		xe.Body, x.PrivateLeftOut = exportBody(e.Body, e.Private, o, x.PrivateLeftOut)
		w := week(journal.WeekOf(e.Date))
		w.Entries = append(w.Entries, xe)
		if e.IsCheckIn() {
			x.Summary.CheckIns++
			tipCounts[e.Tip]++
			packs[packIDOf(e.Pack)]++
			if e.Rating > 0 {
				ratings++
				sum += e.Rating
			}
			// A commitment whose outcome is private and left out is
			// counted as neither done nor open: other eyes cannot know.
			if e.Commitment != "" && (!xe.OutcomePrivate || o.Private) {
				c := &x.Summary.Commitments
				switch xe.Outcome {
				case journal.FollowupDone:
					c.Done++
				case journal.FollowupPartly:
					c.Partly++
				case journal.FollowupNot:
					c.Not++
				default:
					c.Open++
				}
			}
		}
	}
	if ratings > 0 {
		avg := float64(sum) / float64(ratings)
		x.Summary.AverageRating = &avg
	}
	for t := 1; t <= 999 && len(tipCounts) > 0; t++ {
		if n, ok := tipCounts[t]; ok {
			tip := o.tip("", t)
			x.Summary.Tips = append(x.Summary.Tips, TipCount{Tip: t, Title: tip.Title, Short: tip.Short, Count: n})
			delete(tipCounts, t)
		}
	}
	first, last := journal.WeekOf(o.From), journal.WeekOf(o.To)
	for w := first; !last.Before(w); w = w.Add(1) {
		r := j.Reflections[w]
		if r == nil {
			continue
		}
		if r.Private && !o.Private {
			x.PrivateLeftOut++
			continue
		}
		var t ExportText
		t, x.PrivateLeftOut = exportBody(r.Body, r.Private, o, x.PrivateLeftOut)
		t.FocusTip = r.FocusTip
		if !o.Private && r.FocusPrivate() {
			t.FocusTip = 0 // chosen in a private part: private too
		}
		week(w).Reflection = &t
		if t.FocusTip > 0 {
			x.Summary.Focus = append(x.Summary.Focus, Focus{w, r.FocusTip, o.tipTitle(r.Pack, r.FocusTip)})
		}
	}
	for _, q := range j.MentorQuestions(first, last) {
		if !o.Private {
			var public bool
			if q, public = q.ForOthers(); !public {
				continue // counted with its reflection, or its private part
			}
		}
		x.MentorQuestions = append(x.MentorQuestions, q)
	}
	for _, m := range j.Mentorings {
		if !in(m.Date) {
			continue
		}
		if m.Private && !o.Private {
			x.PrivateLeftOut++
			continue
		}
		xm := ExportMentoring{Date: m.Date, Mentor: m.Mentor}
		for _, q := range j.Answered(m) {
			if q.Private && !o.Private {
				x.PrivateLeftOut++
				continue
			}
			xm.Answered = append(xm.Answered, q.Text)
			xm.AnsweredPrivate = append(xm.AnsweredPrivate, q.Private)
		}
		xm.Body, x.PrivateLeftOut = exportBody(m.Body, m.Private, o, x.PrivateLeftOut)
		w := week(journal.WeekOf(m.Date))
		w.Mentorings = append(w.Mentorings, xm)
	}
	x.assessments(j, o, in)
	for w := first; !last.Before(w); w = w.Add(1) {
		if ew, ok := weeks[w]; ok {
			x.Weeks = append(x.Weeks, *ew)
		}
	}
	x.ForMentor = forMentor(x, o, packs)
	if p := bankPack(o, packs); p != nil {
		x.Credit = p.Credit(o.Lang.T, 0)
	}
	if o.Pseudonymize {
		newPseudonyms(o.People, o.Lang.T("export.person", "Letter", "%s"), o.Lang.T("export.person_possessive", "Letter", "%s")).apply(x)
	}
	return x
}

// assessments gathers the period's self-assessments, a private one only
// when private parts were asked for, and lays those of the pack of the
// last one side by side. What is compared is what the export holds: a
// private assessment left out changes no number.
func (x *Export) assessments(j *journal.Journal, o ExportOptions, in func(journal.Date) bool) {
	var kept []*journal.Assessment
	for _, a := range j.Assessments {
		if !in(a.Date) {
			continue
		}
		if a.Private && !o.Private {
			x.PrivateLeftOut++
			continue
		}
		xa := ExportAssessment{Date: a.Date, Pack: a.Pack, PackVersion: a.PackVersion, Ratings: a.Ratings, Pulse: a.Pulse}
		xa.Body, x.PrivateLeftOut = exportBody(a.Body, a.Private, o, x.PrivateLeftOut)
		x.Assessments = append(x.Assessments, xa)
		kept = append(kept, a)
	}
	if len(kept) == 0 {
		return
	}
	pack := packIDOf(kept[len(kept)-1].Pack)
	var same []*journal.Assessment
	for _, a := range kept {
		if packIDOf(a.Pack) == pack {
			same = append(same, a)
		}
	}
	var p *content.Pack
	if o.PackOf != nil {
		p = o.PackOf(pack)
	}
	c := Compare(same, p, o.Lang.Lang())
	x.Compared = &c
}

// packIDOf is the pack an entry names, the built-in one when none.
func packIDOf(id string) string {
	if id == "" {
		return content.BuiltinID
	}
	return id
}

// exportBody cuts a body into sections, leaving private ones out (and
// counting them) unless private parts were asked for.
func exportBody(b journal.Body, wholePrivate bool, o ExportOptions, leftOut int) (ExportText, int) {
	t := ExportText{Private: wholePrivate}
	for _, blk := range b.Blocks {
		text := strings.TrimSpace(blk.Text)
		if blk.Heading == "" && text == "" {
			continue
		}
		if blk.Private && !o.Private {
			leftOut++
			continue
		}
		t.Sections = append(t.Sections, Section{Heading: blk.Heading, Text: text, Note: blk.IsNote(), Private: blk.Private})
	}
	return t, leftOut
}
