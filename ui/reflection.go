package ui

import (
	"fmt"
	"regexp"
	"strings"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
	"tillit/report"
)

// The parts of a weekly reflection.
const (
	partWentWell = iota
	partLearned
	partHard    // what was hard, and what I did
	partControl // where I chose control where I could have shown trust
	partFocus   // why this tip: the tip itself is chosen beside it
	partNext    // what I will try, and how I will notice it works
	partMentor
	partExtra // the week's extra question (extraOf), asked with what was hard
	parts
)

// extras are questions the reflection asks besides its own, one a week in
// turn, so that no week asks more than eight: each is saved under its own
// heading.
var extras = []string{"reflection.surprised", "reflection.promise"}

// extraOf is the extra question of week w (its message id): the next one
// each week, across the turn of a year too.
func extraOf(w journal.Week) string {
	monday := journal.Date{Year: 2024, Month: 1, Day: 1} // a Monday: week 0
	n := len(extras)
	return extras[(monday.DaysUntil(w.Monday())/7%n+n)%n]
}

// reflectionModel writes the weekly reflection: what went well, what I
// learned, what was hard, where I chose control, this week's extra
// question, which tip to focus on next week, what I will try, questions for
// my mentor. It is saved as YYYY/YYYY-Www.md; opening it again edits that
// file.
type reflectionModel struct {
	form
	week  journal.Week
	base  *journal.Reflection
	text  [parts]*part
	focus int // the focus tip; 0 for none
}

// reflectionReadyMsg carries the week's reflection and its drafts, read
// before the screen opens.
type reflectionReadyMsg struct {
	base   *journal.Reflection
	drafts []*journal.Draft
	err    error
}

// loadReflection reads the week's reflection and its drafts, in a command.
func loadReflection(store *journal.Store, w journal.Week) tea.Cmd {
	return func() tea.Msg {
		r, err := store.LoadReflection(w)
		if err != nil {
			return reflectionReadyMsg{err: err}
		}
		d, _, err := store.DraftsFor(&journal.Draft{Day: w.Monday(), Week: w.String()})
		return reflectionReadyMsg{base: r, drafts: d, err: err}
	}
}

func newReflection(ctx *Context, base *journal.Reflection, drafts []*journal.Draft) *reflectionModel {
	m := &reflectionModel{week: base.Week, base: base, focus: base.FocusTip}
	m.form = newForm(ctx, m, "week-"+base.Week.String())
	ids := [parts]string{"reflection.went_well", "reflection.learned", "reflection.hard", "reflection.control",
		"reflection.focus", "reflection.next", "reflection.mentor", extraOf(base.Week)}
	for i, id := range ids {
		m.text[i] = newPart(ctx, sectionHeading(ctx, base.Body, id), ctx.T(id+"_hint"))
		m.text[i].loadText(m.fromFile(base, i))
	}
	k := ctx.Keys
	noFocus := withDesc(k.NoEnergy, ctx.T("key.no_focus"))
	chooser := &choice{ctx: ctx, value: &m.focus, hi: ctx.Pack.Count(), round: true, none: &noFocus, draw: m.viewChooser,
		ask: func() string { return ctx.T("reflection.focus_choose") }, label: m.focusLabel}
	m.steps = []*formStep{
		{fields: []field{m.text[partWentWell], m.text[partLearned]}},
		{fields: []field{m.text[partHard], m.text[partControl], m.text[partExtra]}},
		{fields: []field{chooser, m.text[partFocus]}},
		{fields: []field{m.text[partNext]}},
		{fields: []field{m.text[partMentor]}, note: ctx.T("reflection.mentor_note")},
	}
	m.steps = append(m.steps, m.previewStep(len(m.steps)))
	m.start(drafts)
	return m
}

// heading is the section heading of part i, as written in the file.
func (m *reflectionModel) heading(i int) string { return m.text[i].heading }

var (
	focusLine  = regexp.MustCompile(`^\d+ · [^\n]*\n*`)
	bulletLine = regexp.MustCompile(`(?m)^\s*[-*] `)
)

// fromFile is part i of r as its field shows it: the focus section starts
// with the tip's name (written for the reader of the file), the mentor
// questions are a list (or, added by hand, only in the front matter).
func (m *reflectionModel) fromFile(r *journal.Reflection, i int) (string, bool) {
	a, ok := r.Body.Answer(m.text[i].heading)
	switch {
	case i == partFocus:
		return focusLine.ReplaceAllString(a.Text, ""), a.Private
	case i == partMentor && ok:
		return bulletLine.ReplaceAllString(a.Text, ""), a.Private
	case i == partMentor:
		return strings.Join(r.MentorQuestions, "\n"), false
	}
	return a.Text, a.Private
}

// mentorQuestions are the lines of the mentor field, one question each.
func (m *reflectionModel) mentorQuestions() []string {
	var qs []string
	for _, l := range strings.Split(m.text[partMentor].Value(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			qs = append(qs, l)
		}
	}
	return qs
}

// apply writes what was entered into a copy of the reflection as read.
// Parts the user did not touch stay as the file has them.
func (m *reflectionModel) apply() *journal.Reflection {
	r := m.base.Clone()
	// A new section goes after the others: they are set in the order
	// they are asked.
	for _, i := range []int{partWentWell, partLearned, partHard, partControl, partExtra} {
		m.text[i].writeTo(&r.Body)
	}
	if f := m.text[partFocus]; f.changed() || m.focus != m.base.FocusTip {
		text := strings.TrimSpace(f.Value())
		if t, ok := m.ctx.Pack.Tip(m.focus); ok {
			text = strings.TrimSpace(fmt.Sprintf("%d · %s\n\n%s", t.Number, t.Title, text))
		}
		r.Body.SetAnswer(f.heading, text, f.private)
	}
	m.text[partNext].writeTo(&r.Body)
	r.FocusTip = m.focus
	if m.focus > 0 && !m.ctx.Pack.IsBuiltin() {
		r.Pack = m.ctx.Pack.ID
	}
	if q := m.text[partMentor]; q.changed() {
		var list strings.Builder
		for _, line := range m.mentorQuestions() {
			list.WriteString("- " + line + "\n")
		}
		r.Body.SetAnswer(q.heading, list.String(), q.private)
		// A private question stays out of the front matter, which exports
		// read.
		r.MentorQuestions = m.mentorQuestions()
		if q.private {
			r.MentorQuestions = nil
		}
	}
	return r
}

// rebase puts what the user wrote on top of the reflection as the file has
// it now.
func (m *reflectionModel) rebase(r *journal.Reflection) {
	if m.focus == m.base.FocusTip { // not changed here: the file's choice
		m.focus = r.FocusTip
	}
	m.base = r
	for i, p := range m.text {
		p.merge(m.fromFile(r, i))
	}
}

func (m *reflectionModel) toDraft() *journal.Draft {
	d := &journal.Draft{Day: m.week.Monday(), Week: m.week.String(), Tip: m.focus}
	for _, p := range m.text {
		d.Answers = append(d.Answers, p.draft())
	}
	return d
}

func (m *reflectionModel) fromDraft(d *journal.Draft) {
	resumeParts(m.text[:], d.Answers)
	m.focus = d.Tip
}

func (m *reflectionModel) write() (func(*journal.Store) (any, string, error), error) {
	r := m.apply()
	return func(store *journal.Store) (any, string, error) { return r, r.Path, store.SaveReflection(r) }, nil
}

func (m *reflectionModel) reread() func(*journal.Store) (func(), error) {
	w := m.week
	return func(store *journal.Store) (func(), error) {
		r, err := store.LoadReflection(w)
		return func() { m.rebase(r) }, err
	}
}

func (m *reflectionModel) saved(path string) string {
	return m.ctx.T("review.reflection_saved", "Path", m.ctx.InJournal(path))
}

func (m *reflectionModel) offered(n int, _ *journal.Draft) string {
	if n > 1 {
		return m.ctx.T("draft.found_many_week", "N", n)
	}
	return m.ctx.T("reflection.draft_found")
}

func (m *reflectionModel) header() (string, string, string) {
	return m.ctx.T("reflection.title"), report.WeekTitle(m.week, m.ctx.Lang), ""
}

func (m *reflectionModel) preview() string {
	r := m.apply()
	r.Body = previewBody(m.ctx, r.Body)
	return report.Reflection(r, m.ctx.Coach.ReportOptions(true))
}

func (m *reflectionModel) viewChooser(focused bool) string {
	ctx, st := m.ctx, m.ctx.Styles
	title, style := st.Faint, st.Text
	if focused {
		title, style = st.Title, st.Chosen
	}
	return title.Render(ctx.T("reflection.focus_choose")) + "\n\n  ‹ " + style.Render(" "+m.focusLabel(m.focus)+" ") + " ›"
}

// focusLabel names focus tip v, or says there is none.
func (m *reflectionModel) focusLabel(v int) string {
	if t, ok := m.ctx.Pack.Tip(v); ok {
		return fmt.Sprintf("%d · %s", t.Number, t.Short)
	}
	return "– " + m.ctx.T("reflection.no_focus")
}
