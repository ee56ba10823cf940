package report

import (
	"bytes"
	"encoding/json"
	"math"
)

// The JSON export, documented in docs/export-json.md. Dates are YYYY-MM-DD.

type jsonExport struct {
	Schema          string           `json:"schema"`
	Title           string           `json:"title"`
	Author          string           `json:"author,omitempty"`
	Language        string           `json:"language"`
	From            string           `json:"from"`
	To              string           `json:"to"`
	Generated       string           `json:"generated"`
	Summary         jsonSummary      `json:"summary"`
	MentorQuestions []jsonQuestion   `json:"mentor_questions"`
	ForMentor       *jsonForMentor   `json:"for_mentor"`
	Assessments     []jsonAssessment `json:"assessments"`
	Change          *jsonChange      `json:"assessment_change"`
	Weeks           []jsonWeek       `json:"weeks"`
	Credit          string           `json:"credit,omitempty"`
}

type jsonForMentor struct {
	Guide  string            `json:"guide"`
	Themes []jsonMentorTheme `json:"themes"`
}

type jsonMentorTheme struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Tips      []int    `json:"tips"`
	CheckIns  int      `json:"checkins"`
	Questions []string `json:"questions"`
}

type jsonSummary struct {
	CheckIns       int             `json:"checkins"`
	AverageRating  *float64        `json:"average_rating"`
	Tips           []jsonTipCount  `json:"tips"`
	Commitments    jsonCommitments `json:"commitments"`
	Focus          []jsonFocus     `json:"focus"`
	PrivateLeftOut int             `json:"private_left_out"`
}

type jsonTipCount struct {
	Tip   int    `json:"tip"`
	Title string `json:"title"`
	Count int    `json:"count"`
}

type jsonCommitments struct {
	Done   int `json:"done"`
	Partly int `json:"partly"`
	Not    int `json:"not"`
	Open   int `json:"open"`
}

type jsonFocus struct {
	Week  string `json:"week"`
	Tip   int    `json:"tip"`
	Title string `json:"title"`
}

type jsonQuestion struct {
	Week       string  `json:"week"`
	Text       string  `json:"text"`
	AnsweredOn *string `json:"answered_on"`
	Private    bool    `json:"private,omitempty"`
}

type jsonWeek struct {
	Week       string          `json:"week"`
	From       string          `json:"from"`
	To         string          `json:"to"`
	Reflection *jsonText       `json:"reflection"`
	Entries    []jsonEntry     `json:"entries"`
	Mentorings []jsonMentoring `json:"mentoring"`
}

type jsonText struct {
	FocusTip *int          `json:"focus_tip,omitempty"`
	Private  bool          `json:"private,omitempty"`
	Sections []jsonSection `json:"sections"`
}

type jsonSection struct {
	Kind    string `json:"kind"` // answer, note or text
	Heading string `json:"heading,omitempty"`
	Text    string `json:"text"`
	Private bool   `json:"private,omitempty"`
}

type jsonEntry struct {
	Date       string          `json:"date"`
	Tip        *int            `json:"tip"`
	TipTitle   string          `json:"tip_title,omitempty"`
	Rating     *int            `json:"rating"`
	Energy     *int            `json:"energy"`
	Followup   *jsonFollowup   `json:"followup"`
	Commitment *jsonCommitment `json:"commitment"`
	Tags       []string        `json:"tags"`
	Private    bool            `json:"private,omitempty"`
	Sections   []jsonSection   `json:"sections"`
}

type jsonFollowup struct {
	Of         *string `json:"of"`
	Commitment string  `json:"commitment,omitempty"`
	Result     string  `json:"result"`
	Note       string  `json:"note,omitempty"`
}

type jsonCommitment struct {
	Text    string `json:"text"`
	Outcome string `json:"outcome"` // done, partly, not, open, or private when left out
	Note    string `json:"note,omitempty"`
	Private bool   `json:"private,omitempty"` // how it went is private (only with --include-private)
}

type jsonMentoring struct {
	Date     string   `json:"date"`
	Mentor   string   `json:"mentor,omitempty"`
	Answered []string `json:"answered"`
	// AnsweredPrivate are those of Answered that are private (only with
	// --include-private).
	AnsweredPrivate []string      `json:"answered_private,omitempty"`
	Private         bool          `json:"private,omitempty"`
	Sections        []jsonSection `json:"sections"`
}

type jsonAssessment struct {
	Date        string        `json:"date"`
	Pack        string        `json:"pack"`
	PackVersion string        `json:"pack_version,omitempty"`
	Ratings     []jsonRating  `json:"ratings"`
	Pulse       *jsonPulse    `json:"pulse"`
	Private     bool          `json:"private,omitempty"`
	Sections    []jsonSection `json:"sections"`
}

type jsonRating struct {
	Tip    int `json:"tip"`
	Rating int `json:"rating"`
}

type jsonPulse struct {
	Answered *int       `json:"answered"`
	Averages []*float64 `json:"averages"`
}

type jsonChange struct {
	From    string          `json:"from"`
	To      string          `json:"to"`
	Pack    string          `json:"pack"`
	Tips    []jsonTipChange `json:"tips"`
	Average *jsonAvgChange  `json:"average"`
	Pulse   []jsonPulseMove `json:"pulse"`
}

type jsonTipChange struct {
	Tip    int  `json:"tip"`
	From   *int `json:"from"`
	To     *int `json:"to"`
	Change *int `json:"change"`
}

type jsonAvgChange struct {
	From float64 `json:"from"`
	To   float64 `json:"to"`
	Tips int     `json:"tips"`
}

type jsonPulseMove struct {
	ID       string   `json:"id"`
	Question string   `json:"question"`
	From     *float64 `json:"from"`
	To       *float64 `json:"to"`
}

// ExportSchema names the version of the JSON layout.
const ExportSchema = "tillit-export/1"

// JSON writes the export in the documented layout, indented.
func (x *Export) JSON() ([]byte, error) {
	j := jsonExport{
		Schema: ExportSchema, Title: x.Title, Author: x.Author, Language: x.Language,
		From: x.From.String(), To: x.To.String(), Generated: x.Generated.Format("2006-01-02"),
		MentorQuestions: []jsonQuestion{}, Weeks: []jsonWeek{}, Credit: x.Credit,
	}
	if f := x.ForMentor; f != nil {
		j.ForMentor = &jsonForMentor{Guide: f.Guide, Themes: []jsonMentorTheme{}}
		for _, th := range f.Themes {
			j.ForMentor.Themes = append(j.ForMentor.Themes, jsonMentorTheme{th.ID, th.Name, th.Tips, th.CheckIns, th.Questions})
		}
	}
	s := x.Summary
	j.Summary = jsonSummary{CheckIns: s.CheckIns, Tips: []jsonTipCount{}, Focus: []jsonFocus{}, PrivateLeftOut: x.PrivateLeftOut,
		Commitments: jsonCommitments{s.Commitments.Done, s.Commitments.Partly, s.Commitments.Not, s.Commitments.Open}}
	if s.AverageRating != nil {
		avg := math.Round(*s.AverageRating*100) / 100
		j.Summary.AverageRating = &avg
	}
	for _, t := range s.Tips {
		j.Summary.Tips = append(j.Summary.Tips, jsonTipCount{t.Tip, t.Title, t.Count})
	}
	for _, f := range s.Focus {
		j.Summary.Focus = append(j.Summary.Focus, jsonFocus{f.Week.String(), f.Tip, f.Title})
	}
	for _, q := range x.MentorQuestions {
		jq := jsonQuestion{Week: q.Week.String(), Text: q.Text, Private: q.Private || q.AnswerPrivate}
		if q.Answered() {
			d := q.AnsweredOn.String()
			jq.AnsweredOn = &d
		}
		j.MentorQuestions = append(j.MentorQuestions, jq)
	}
	j.Assessments, j.Change = x.jsonAssessments()
	for _, w := range x.Weeks {
		jw := jsonWeek{Week: w.Week.String(), From: w.Week.Monday().String(), To: w.Week.Sunday().String(), Entries: []jsonEntry{}, Mentorings: []jsonMentoring{}}
		if r := w.Reflection; r != nil {
			jt := jsonText{Private: r.Private, Sections: jsonSections(r.Sections)}
			if r.FocusTip > 0 {
				tip := r.FocusTip
				jt.FocusTip = &tip
			}
			jw.Reflection = &jt
		}
		for _, e := range w.Entries {
			je := jsonEntry{Date: e.Date.String(), TipTitle: e.TipTitle, Tags: e.Tags, Private: e.Body.Private, Sections: jsonSections(e.Body.Sections)}
			if je.Tags == nil {
				je.Tags = []string{}
			}
			je.Tip, je.Rating, je.Energy = optional(e.Tip), optional(e.Rating), optional(e.Energy)
			if e.Followup != "" {
				f := &jsonFollowup{Commitment: e.FollowedUp, Result: string(e.Followup), Note: e.FollowupNote}
				if !e.FollowupOf.IsZero() {
					of := e.FollowupOf.String()
					f.Of = &of
				}
				je.Followup = f
			}
			if e.Commitment != "" {
				outcome := string(e.Outcome)
				switch {
				case outcome == "" && e.OutcomePrivate:
					outcome = "private"
				case outcome == "":
					outcome = "open"
				}
				je.Commitment = &jsonCommitment{Text: e.Commitment, Outcome: outcome, Note: e.OutcomeNote, Private: e.OutcomePrivate && e.Outcome != ""}
			}
			jw.Entries = append(jw.Entries, je)
		}
		for _, m := range w.Mentorings {
			jm := jsonMentoring{Date: m.Date.String(), Mentor: m.Mentor, Answered: m.Answered, Private: m.Body.Private, Sections: jsonSections(m.Body.Sections)}
			if jm.Answered == nil {
				jm.Answered = []string{}
			}
			for i, private := range m.AnsweredPrivate {
				if private && i < len(m.Answered) {
					jm.AnsweredPrivate = append(jm.AnsweredPrivate, m.Answered[i])
				}
			}
			jw.Mentorings = append(jw.Mentorings, jm)
		}
		j.Weeks = append(j.Weeks, jw)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // "<" in someone's text stays "<"
	if err := enc.Encode(j); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// jsonAssessments are the period's assessments, and, when there are two
// or more of one pack, what changed from the first to the last.
func (x *Export) jsonAssessments() ([]jsonAssessment, *jsonChange) {
	out := []jsonAssessment{}
	for _, a := range x.Assessments {
		ja := jsonAssessment{Date: a.Date.String(), Pack: packIDOf(a.Pack), PackVersion: a.PackVersion,
			Ratings: []jsonRating{}, Private: a.Body.Private, Sections: jsonSections(a.Body.Sections)}
		for i, r := range a.Ratings {
			if r > 0 {
				ja.Ratings = append(ja.Ratings, jsonRating{i + 1, r})
			}
		}
		if a.Pulse.Recorded() {
			ja.Pulse = &jsonPulse{Answered: optional(a.Pulse.Answered), Averages: decimals(a.Pulse.Averages[:])}
		}
		out = append(out, ja)
	}
	c := x.Compared
	if c == nil || len(c.Dates) < 2 {
		return out, nil
	}
	last := len(c.Dates) - 1
	ch := &jsonChange{From: c.Dates[0].String(), To: c.Dates[last].String(), Pack: packIDOf(x.Assessments[len(x.Assessments)-1].Pack),
		Tips: []jsonTipChange{}, Pulse: []jsonPulseMove{}}
	for _, t := range c.Tips {
		tc := jsonTipChange{Tip: t.Tip, From: optional(t.Ratings[0]), To: optional(t.Ratings[last])}
		if d, ok := t.Change(); ok {
			tc.Change = &d
		}
		ch.Tips = append(ch.Tips, tc)
	}
	if c.Averages != nil {
		ch.Average = &jsonAvgChange{From: round2(c.Averages[0]), To: round2(c.Averages[last]), Tips: c.Common}
	}
	for _, q := range c.Pulse {
		f := decimals([]float64{q.Averages[0], q.Averages[last]})
		ch.Pulse = append(ch.Pulse, jsonPulseMove{ID: q.ID, Question: q.Text, From: f[0], To: f[1]})
	}
	return out, ch
}

// decimals are numbers rounded to two decimals, null for 0 (not given).
func decimals(vs []float64) []*float64 {
	out := make([]*float64, len(vs))
	for i, v := range vs {
		if v > 0 {
			r := round2(v)
			out[i] = &r
		}
	}
	return out
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

func optional(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func jsonSections(ss []Section) []jsonSection {
	out := []jsonSection{}
	for _, s := range ss {
		kind := "answer"
		switch {
		case s.Note:
			kind = "note"
		case s.Heading == "":
			kind = "text"
		}
		out = append(out, jsonSection{Kind: kind, Heading: s.Heading, Text: s.Text, Private: s.Private})
	}
	return out
}
