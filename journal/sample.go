package journal

import (
	"fmt"
	"os"
	"path/filepath"
)

// SampleText is what a sample journal says, in one language.
type SampleText struct {
	// Answer returns the answer to question q of tip, "" for none; without
	// it, the answers are taken from Answers in turn.
	Answer func(tip int, q string) string
	// Commitment returns the commitment made on tip; without it, the
	// commitments are taken from Commitments in turn.
	Commitment                         func(tip int) string
	Answers, Notes, Commitments        []string
	WentWell, Learned, MentorQuestions []string
	Hard, Control, Next                []string
	WentWellHeading, LearnedHeading    string
	HardHeading, ControlHeading        string
	FocusHeading, NextHeading          string
	MentorHeading                      string
	// The prompt pack the check-ins follow, and the pack a reflection's
	// focus tip counts in (empty for the built-in one).
	Pack, PackVersion, FocusPack string
	Questions                    func(tip, k int) []string // the questions of the k-th check-in on tip
	TipTitle                     func(tip int) string
}

// Sample writes a journal of days check-ins ending on end, as a manager
// might keep it: the tips in order, ratings and energy, commitments and
// their follow-ups, a note now and then, a weekly reflection each
// Sunday, and on a journal of two rounds or more, a self-assessment of
// the tips on the first day and another a few days before the end. It is for a first look at tillit and for measuring it on a large
// journal; it writes over nothing that exists. The files are made as the
// check-in and the reflection make them.
func Sample(s *Store, end Date, days, tips int, text SampleText) error {
	start := end.AddDays(-(days - 1))
	times := map[int]int{}
	pick := func(list []string, i int) string { return list[i%len(list)] }
	for i := range days {
		d := start.AddDays(i)
		tip := i%tips + 1
		c := CheckIn{Date: d, Pack: text.Pack, PackVersion: text.PackVersion, Tip: tip,
			Rating: i%5 + 1, Energy: (i+2)%5 + 1}
		if text.Commitment != nil {
			c.Commitment = text.Commitment(tip)
		} else {
			c.Commitment = pick(text.Commitments, i)
		}
		if i > 0 {
			c.Followup, c.FollowupOf = []Followup{FollowupDone, FollowupPartly, FollowupNot}[i%3], d.AddDays(-1)
		}
		for j, q := range text.Questions(tip, times[tip]) {
			a := ""
			if text.Answer != nil {
				a = text.Answer(tip, q)
			} else {
				a = pick(text.Answers, 3*i+j)
			}
			if a != "" {
				c.Answers = append(c.Answers, Answer{Question: q, Text: a})
			}
		}
		times[tip]++
		e := NewEntry(s.DayPath(d), d)
		c.ApplyTo(e)
		if i%7 == 3 {
			e.Body.SetAnswer("14:05", pick(text.Notes, i/7), false)
		}
		if err := writeRendered(e.Path, e.Render); err != nil {
			return err
		}
		if err := sampleAssessment(s, text, d, i, days, tips); err != nil {
			return err
		}
		if d.Weekday() != 0 {
			continue
		}
		w := WeekOf(d)
		r := NewReflection(s.ReflectionPath(w), w)
		r.Body.SetAnswer(text.WentWellHeading, pick(text.WentWell, w.Number), false)
		r.Body.SetAnswer(text.LearnedHeading, pick(text.Learned, w.Number), false)
		// The sections in the order the reflection asks them.
		for _, s := range []struct {
			heading string
			list    []string
		}{{text.HardHeading, text.Hard}, {text.ControlHeading, text.Control}} {
			if s.heading != "" && len(s.list) > 0 {
				r.Body.SetAnswer(s.heading, pick(s.list, w.Number), false)
			}
		}
		focus := tip%tips + 1
		r.FocusTip = focus
		r.Pack = text.FocusPack
		r.Body.SetAnswer(text.FocusHeading, fmt.Sprintf("%d · %s", focus, text.TipTitle(focus)), false)
		if text.NextHeading != "" && len(text.Next) > 0 {
			r.Body.SetAnswer(text.NextHeading, pick(text.Next, w.Number), false)
		}
		q := pick(text.MentorQuestions, w.Number)
		r.MentorQuestions = []string{q}
		r.Body.SetAnswer(text.MentorHeading, "- "+q, false)
		if err := writeRendered(r.Path, r.Render); err != nil {
			return err
		}
	}
	return nil
}

// sampleAssessment writes the self-assessment of day i, if it has one:
// the baseline on the first day, and, half a round before the end,
// another where most tips have come a step or two.
func sampleAssessment(s *Store, text SampleText, d Date, i, days, tips int) error {
	second := days - 1 - tips/2
	if days < 2*tips || i != 0 && i != second {
		return nil
	}
	a := NewAssessment(s.AssessmentPath(d), d)
	a.Pack, a.PackVersion = text.Pack, text.PackVersion
	a.Pulse = Pulse{Answered: 8, Averages: [PulseQuestions]float64{2.9, 3.4, 2.6}}
	for t := 1; t <= tips; t++ {
		r := 1 + t*3%4
		if i == second {
			r = min(5, r+t%3)
		}
		a.SetRating(t, r)
	}
	if i == second {
		a.Pulse = Pulse{Answered: 9, Averages: [PulseQuestions]float64{3.5, 3.6, 3.1}}
	}
	return writeRendered(a.Path, a.Render)
}

func writeRendered(path string, render func() ([]byte, error)) error {
	data, err := render()
	if err != nil {
		return err
	}
	return writeNew(path, string(data))
}

// writeNew writes a file that must not exist yet, private like every file
// of the journal.
func writeNew(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), dirPerm); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, filePerm)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
