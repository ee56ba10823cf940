package ui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
	"tillit/report"
)

// The parts of a mentoring note.
const (
	partDiscussed = iota
	partSuggested
	partTakeaways
	mentoringParts
)

// mentoringModel records what a meeting with the mentor brought: what was
// discussed, what the mentor suggested, what the manager takes along, and
// which of their questions for the mentor were answered. It is saved as
// YYYY/MM/YYYY-MM-DD-mentoring.md; the next review and export show it.
type mentoringModel struct {
	form
	day      journal.Date
	base     *journal.Mentoring
	text     [mentoringParts]*part
	mentor   *line
	open     []journal.MentorQuestion // the questions still open, to tick
	answered []bool
}

// mentoringReadyMsg carries the day's mentoring note and its drafts, read
// before the screen opens.
type mentoringReadyMsg struct {
	base   *journal.Mentoring
	drafts []*journal.Draft
	err    error
}

// loadMentoring reads the day's mentoring note and its drafts, in a command.
func loadMentoring(store *journal.Store, day journal.Date) tea.Cmd {
	return func() tea.Msg {
		m, err := store.LoadMentoring(day)
		if err != nil {
			return mentoringReadyMsg{err: err}
		}
		d, _, err := store.DraftsFor(&journal.Draft{Day: day, Kind: "mentoring"})
		return mentoringReadyMsg{base: m, drafts: d, err: err}
	}
}

func newMentoring(ctx *Context, j *journal.Journal, base *journal.Mentoring, drafts []*journal.Draft) *mentoringModel {
	m := &mentoringModel{day: base.Date, base: base}
	m.form = newForm(ctx, m, "mentoring-"+base.Date.String())
	for i, id := range [mentoringParts]string{"mentoring.discussed", "mentoring.suggested", "mentoring.takeaways"} {
		m.text[i] = newPart(ctx, sectionHeading(ctx, base.Body, id), ctx.T(id+"_hint"))
		m.text[i].load(base.Body)
	}
	m.mentor = newLine(ctx, ctx.T("mentoring.mentor"), "", ctx.T("mentoring.mentor_hint"), base.Mentor)
	m.mentor.noEditor = true
	// The questions to tick: those still open, and those this note
	// answered already (when it is opened again).
	if j != nil {
		m.open = j.OpenMentorQuestions(journal.WeekOf(base.Date))
	}
	m.tickFrom(base.Answered)
	for i, q := range m.open {
		m.answered[i] = slices.Contains(base.Answered, q.Text)
	}
	m.buildSteps()
	m.start(drafts)
	return m
}

// tickFrom puts the questions a note answered on the list, ticked, when
// they are not there.
func (m *mentoringModel) tickFrom(answered []string) {
	m.answered = append(m.answered, make([]bool, len(m.open)-len(m.answered))...)
	for _, a := range answered {
		if !slices.ContainsFunc(m.open, func(q journal.MentorQuestion) bool { return q.Text == a }) {
			m.open = append(m.open, journal.MentorQuestion{Text: a})
			m.answered = append(m.answered, true)
		}
	}
}

// buildSteps lays out the steps: what was said, what to take along (and
// who the mentor is), which questions were answered (when there are any),
// the preview.
func (m *mentoringModel) buildSteps() {
	m.steps = []*formStep{
		{fields: []field{m.text[partDiscussed], m.text[partSuggested]}},
		{fields: []field{m.text[partTakeaways], m.mentor}},
	}
	if len(m.open) > 0 {
		m.steps = append(m.steps, &formStep{fields: []field{&checklist{ctx: m.ctx, title: m.ctx.T("mentoring.answered_question"), ticked: &m.answered,
			row: func(i int) (string, string) {
				if w := m.open[i].Week; w.Number > 0 {
					return m.open[i].Text, m.ctx.T("export.week_n", "N", w.Number)
				}
				return m.open[i].Text, ""
			}}}})
	}
	m.steps = append(m.steps, m.previewStep(len(m.steps)))
}

func (m *mentoringModel) heading(i int) string { return m.text[i].heading }

// rebase puts what the user wrote on top of the note as the file has it
// now. Each tick three ways: one changed here wins, otherwise the file's
// says; a question the file ticked that is not on the list (it came after
// this note was opened) joins the list, ticked.
func (m *mentoringModel) rebase(n *journal.Mentoring) {
	for _, p := range m.text {
		theirs, _ := n.Body.Answer(p.heading)
		p.merge(theirs.Text, theirs.Private)
	}
	if strings.TrimSpace(m.mentor.Value()) == m.base.Mentor {
		m.mentor.input.SetValue(n.Mentor)
	}
	for i, q := range m.open {
		if m.answered[i] == slices.Contains(m.base.Answered, q.Text) {
			m.answered[i] = slices.Contains(n.Answered, q.Text)
		}
	}
	m.tickFrom(n.Answered)
	m.base = n
	m.buildSteps()
	m.resize()
}

// apply writes what was entered into a copy of the note as read; untouched
// parts stay as the file has them.
func (m *mentoringModel) apply() *journal.Mentoring {
	n := m.base.Clone()
	for _, p := range m.text {
		p.writeTo(&n.Body)
	}
	n.Mentor = strings.TrimSpace(m.mentor.Value())
	n.Answered = nil
	for i, q := range m.open {
		if m.answered[i] {
			n.Answered = append(n.Answered, q.Text)
		}
	}
	return n
}

func (m *mentoringModel) toDraft() *journal.Draft {
	d := &journal.Draft{Day: m.day, Kind: "mentoring", Commitment: m.mentor.Value()}
	for _, p := range m.text {
		d.Answers = append(d.Answers, p.draft())
	}
	return d
}

func (m *mentoringModel) fromDraft(d *journal.Draft) {
	resumeParts(m.text[:], d.Answers)
	m.mentor.input.SetValue(d.Commitment)
}

func (m *mentoringModel) write() (func(*journal.Store) (any, string, error), error) {
	n := m.apply()
	return func(store *journal.Store) (any, string, error) { return n, n.Path, store.SaveMentoring(n) }, nil
}

func (m *mentoringModel) reread() func(*journal.Store) (func(), error) {
	day := m.day
	return func(store *journal.Store) (func(), error) {
		n, err := store.LoadMentoring(day)
		return func() { m.rebase(n) }, err
	}
}

func (m *mentoringModel) saved(path string) string {
	return m.ctx.T("today.saved_mentoring", "Time", m.ctx.Now().Format("15:04"), "Path", m.ctx.InJournal(path))
}

func (m *mentoringModel) offered(n int, _ *journal.Draft) string {
	if n > 1 {
		return m.ctx.T("draft.found_many_mentoring", "N", n)
	}
	return m.ctx.T("mentoring.draft_found")
}

func (m *mentoringModel) header() (string, string, string) {
	return m.ctx.T("mentoring.title"), m.ctx.DayMonth(m.day), ""
}

func (m *mentoringModel) preview() string {
	n := m.apply()
	n.Body = previewBody(m.ctx, n.Body)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", m.ctx.T("export.mentoring", "Day", m.ctx.LongDate(m.day)))
	if n.Mentor != "" {
		fmt.Fprintf(&b, "%s: %s\n\n", m.ctx.T("export.mentor"), n.Mentor)
	}
	b.WriteString(report.Body(n.Body, m.ctx.Coach.ReportOptions(true)))
	if len(n.Answered) > 0 {
		fmt.Fprintf(&b, "## %s\n\n", m.ctx.T("mentoring.answered"))
		for _, q := range n.Answered {
			fmt.Fprintf(&b, "- ✓ %s\n", q)
		}
	}
	return b.String()
}
