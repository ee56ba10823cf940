package journal

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Followup is how a commitment went, as the manager judged it later.
type Followup string

// The follow-up outcomes. An empty Followup means none was recorded.
const (
	FollowupDone   Followup = "done"
	FollowupPartly Followup = "partly"
	FollowupNot    Followup = "not"
)

// Valid reports whether f is one of the known outcomes.
func (f Followup) Valid() bool {
	return f == FollowupDone || f == FollowupPartly || f == FollowupNot
}

// Meta is what the front matter of a daily entry says. A zero value means
// the key is absent.
type Meta struct {
	Date         Date
	Tip          int
	Rating       int
	Energy       int
	Commitment   string
	Followup     Followup
	FollowupOf   Date   // the day whose commitment the follow-up is about
	FollowupNote string // the line written with the follow-up
	// Outcome is how this entry's own commitment went, when it was closed
	// from the list of open commitments rather than in a later check-in.
	Outcome     Followup
	OutcomeNote string
	OutcomeDate Date // the day it was closed
	Tags        []string
	Private     bool // the whole entry is private
	Pack        string
	PackVersion string
}

// Problem is something wrong in a file that tillit can still read: a value
// of the wrong type or out of range. The value is ignored, the file is kept.
// Reason says it in English; Kind and the fields after it let an interface
// say it in the user's language.
type Problem struct {
	Key    string
	Reason string
	Kind   string // one of the Problem* kinds
	Value  string // the value as written (for an away.md item: its number)
	Want   string // ProblemDiffers: what the file name says
	Min    int    // ProblemNotNumber, ProblemOutOfRange: the range
	Max    int
	Line   int // ProblemAwayItem: the line of the item
}

// The kinds of Problem.
const (
	ProblemNotSingle     = "not_single"        // a list or a set of keys where one value belongs
	ProblemNotNumber     = "not_number"        // not a whole number (Min–Max wanted)
	ProblemOutOfRange    = "out_of_range"      // a number outside Min–Max
	ProblemNotDate       = "not_date"          // not written as YYYY-MM-DD
	ProblemNoSuchDay     = "no_such_day"       // YYYY-MM-DD, but not a day (2026-02-30)
	ProblemNotWeek       = "not_week"          // not a week such as 2026-W48
	ProblemNotBool       = "not_bool"          // not true or false
	ProblemNotList       = "not_list"          // not a list
	ProblemNotOneOf      = "not_one_of"        // not done, partly or not
	ProblemDiffers       = "differs_from_name" // the date or week differs from the file name
	ProblemNotUTF8       = "not_utf8"          // the file is not valid UTF-8
	ProblemAwayList      = "away_not_list"     // away: is not a list of stretches
	ProblemAwayItem      = "away_item"         // an away item without a valid from and to
	ProblemUnclearFront  = "unclear_front"     // the front matter cannot be found for sure: the file is private
	ProblemNestedPrivate = "nested_private"    // a private key inside another key: the file is private
	ProblemNotMapping    = "not_mapping"       // not a set of keys (an assessment's ratings or pulse)
	ProblemNotDecimal    = "not_decimal"       // not a number, whole or not (Min–Max wanted)
	ProblemTwice         = "twice"             // a tip rated twice in one assessment (Value: the key)
)

func (p Problem) String() string { return p.Key + ": " + p.Reason }

// Entry is one day of the journal.
type Entry struct {
	document
	Meta

	orig Meta // what the file said, to rewrite only changed keys
	// committed is set on an entry known only by its summary (Partial)
	// that makes a commitment: its words are in the file.
	committed bool
}

// MadeCommitment reports whether the entry makes a commitment, also when
// only its summary is known.
func (e *Entry) MadeCommitment() bool { return e.Commitment != "" || e.committed }

// IsCheckIn reports whether the entry is a check-in: a day with a tip. A day
// with only notes is not one.
func (e *Entry) IsCheckIn() bool { return e.Tip > 0 }

// NewEntry returns an empty entry for a day, not yet on disk.
func NewEntry(path string, d Date) *Entry {
	return &Entry{Meta: Meta{Date: d}, document: document{Path: path}}
}

// ParseEntry reads a daily entry. It fails with a *ParseError when the file
// must not be touched: no closing fence, invalid YAML, duplicate keys. Values
// of the wrong type are listed in Problems and otherwise ignored.
func ParseEntry(path string, data []byte) (*Entry, error) {
	doc, err := parseDocument(path, data)
	if err != nil {
		return nil, err
	}
	e := &Entry{document: doc}
	e.decodeMeta()
	e.orig = e.Meta
	e.orig.Tags = slices.Clone(e.Tags)
	// The file name places the entry in the journal; a different date key is
	// reported, and set right when tillit next writes the entry.
	if d, ok := dateFromFileName(path); ok {
		if !e.Date.IsZero() && e.Date != d {
			e.problem(Problem{Key: "date", Kind: ProblemDiffers, Value: e.Date.String(), Want: d.String()},
				"%s differs from the file name (%s)", e.Date, d)
		}
		e.Date = d
	}
	return e, nil
}

// decodeMeta reads the known keys; a value tillit cannot use becomes a
// Problem, never an error.
func (e *Entry) decodeMeta() {
	d := &e.document
	e.Date = d.date("date")
	// The pack decides the range of tips; the built-in pack has 14. A tip
	// number outside a pack's range is reported by doctor, which knows packs.
	e.Tip = d.number("tip", 1, 999)
	e.Rating = d.number("rating", 1, 5)
	e.Energy = d.number("energy", 1, 5)
	e.Commitment = d.text("commitment")
	if v := Followup(d.text("followup")); v != "" {
		if v.Valid() {
			e.Followup = v
		} else {
			d.problem(Problem{Key: "followup", Kind: ProblemNotOneOf, Value: string(v)}, "%q is not one of done, partly, not", string(v))
		}
	}
	e.FollowupOf = d.date("followup_of")
	e.FollowupNote = d.text("followup_note")
	if v := Followup(d.text("outcome")); v != "" {
		if v.Valid() {
			e.Outcome = v
		} else {
			d.problem(Problem{Key: "outcome", Kind: ProblemNotOneOf, Value: string(v)}, "%q is not one of done, partly, not", string(v))
		}
	}
	e.OutcomeNote = d.text("outcome_note")
	e.OutcomeDate = d.date("outcome_date")
	e.Pack = d.text("pack")
	e.PackVersion = d.text("pack_version")
	e.Private = d.private()
	e.Tags = d.words("tags")
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "set of keys"
	}
	return "value"
}

// dateFromFileName reads the day from a name like 2026-11-23.md.
func dateFromFileName(path string) (Date, bool) {
	n, ok := dayName(path[strings.LastIndexAny(path, `/\`)+1:])
	return n.day, ok && n.real
}

// syncFrontMatter writes changed fields into the front matter node. Keys the
// user added, and keys whose value did not change, are left as they are.
func (e *Entry) syncFrontMatter() bool {
	fe := &frontEdit{f: &e.front}
	put := fe.put
	m, o := e.Meta, e.orig
	fe.putFirst("date", m.Date != o.Date && !m.Date.IsZero(), dateNode(m.Date))
	put("pack", m.Pack != o.Pack, m.Pack != "", func() *yaml.Node { return stringNode(m.Pack) })
	put("pack_version", m.PackVersion != o.PackVersion, m.PackVersion != "", func() *yaml.Node { return versionNode(m.PackVersion) })
	put("tip", m.Tip != o.Tip, m.Tip > 0, func() *yaml.Node { return intNode(m.Tip) })
	put("rating", m.Rating != o.Rating, m.Rating > 0, func() *yaml.Node { return intNode(m.Rating) })
	put("energy", m.Energy != o.Energy, m.Energy > 0, func() *yaml.Node { return intNode(m.Energy) })
	put("commitment", m.Commitment != o.Commitment, m.Commitment != "", func() *yaml.Node { return stringNode(m.Commitment) })
	put("followup", m.Followup != o.Followup, m.Followup != "", func() *yaml.Node { return stringNode(string(m.Followup)) })
	put("followup_of", m.FollowupOf != o.FollowupOf, !m.FollowupOf.IsZero(), func() *yaml.Node { return dateNode(m.FollowupOf) })
	put("followup_note", m.FollowupNote != o.FollowupNote, m.FollowupNote != "", func() *yaml.Node { return stringNode(m.FollowupNote) })
	put("outcome", m.Outcome != o.Outcome, m.Outcome != "", func() *yaml.Node { return stringNode(string(m.Outcome)) })
	put("outcome_note", m.OutcomeNote != o.OutcomeNote, m.OutcomeNote != "", func() *yaml.Node { return stringNode(m.OutcomeNote) })
	put("outcome_date", m.OutcomeDate != o.OutcomeDate, !m.OutcomeDate.IsZero(), func() *yaml.Node { return dateNode(m.OutcomeDate) })
	put("tags", !slices.Equal(m.Tags, o.Tags), len(m.Tags) > 0, func() *yaml.Node { return stringsNode(m.Tags) })
	fe.putPrivate(m.Private != o.Private, m.Private)
	return fe.changed
}

// Render returns the file as it should be written: untouched parts keep their
// bytes, changed front-matter keys and sections are rewritten.
func (e *Entry) Render() ([]byte, error) {
	return e.render(e.syncFrontMatter())
}
