package ui

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/content"
	"tillit/journal"
	"tillit/report"
)

// assessmentModel is the self-assessment: where the manager stands on each
// tip today, 1–5, a step per theme of the pack; then, if they asked it in
// a staff meeting, what the staff answered to the pulse's three questions;
// a note; the preview. It is saved as YYYY/MM/YYYY-MM-DD-assessment.md;
// opening the day's again edits that file.
type assessmentModel struct {
	form
	day  journal.Date
	base *journal.Assessment
	pack *content.Pack // the pack whose tips are rated
	// ratings[n-1] is tip n's rating; 0 for a tip left out.
	ratings  []int
	pulse    *content.Pulse
	answered *line
	averages [journal.PulseQuestions]*line
	note     *part
	private  bool
}

// assessmentReadyMsg carries the day's assessment and its drafts, read
// before the screen opens.
type assessmentReadyMsg struct {
	base   *journal.Assessment
	drafts []*journal.Draft
	err    error
}

// loadAssessment reads the day's assessment and its drafts, in a command.
func loadAssessment(store *journal.Store, day journal.Date) tea.Cmd {
	return func() tea.Msg {
		a, err := store.LoadAssessment(day)
		if err != nil {
			return assessmentReadyMsg{err: err}
		}
		d, _, err := store.DraftsFor(&journal.Draft{Day: day, Kind: "assessment"})
		return assessmentReadyMsg{base: a, drafts: d, err: err}
	}
}

func newAssessment(ctx *Context, base *journal.Assessment, drafts []*journal.Draft) *assessmentModel {
	m := &assessmentModel{day: base.Date, base: base, pack: ctx.Pack, private: base.Private,
		pulse: content.MustStaffPulse(ctx.Lang.Lang())}
	m.form = newForm(ctx, m, "assessment-"+base.Date.String())
	if base.OnDisk() && base.Pack != "" {
		// An assessment is read with the pack it rated.
		if p := ctx.Coach.PackOf(base.Pack); p != nil {
			m.pack = p
		} else {
			m.err = ctx.T("assessment.pack_gone", "Pack", base.Pack)
		}
	}
	m.ratings = make([]int, max(m.pack.Count(), base.HighestTip()))
	for i := range m.ratings {
		m.ratings[i] = base.Rating(i + 1)
	}
	m.answered = newLine(ctx, ctx.T("assessment.answered_question"), "", ctx.T("assessment.answered_placeholder"), count(base.Pulse.Answered))
	m.answered.noEditor = true
	m.answered.check = func(s string) string {
		if _, ok := parseAnswered(s); !ok {
			return ctx.T("assessment.bad_answered", "Quoted", ctx.Lang.Quote(s))
		}
		return ""
	}
	for i := range m.averages {
		q := m.pulse.Questions[i]
		l := newLine(ctx, fmt.Sprintf("%d · %s", i+1, q.Short), "", ctx.T("assessment.average_placeholder"), decimal(ctx, base.Pulse.Averages[i]))
		l.noEditor = true
		l.check = func(s string) string {
			if _, ok := parseAverage(s); !ok {
				return ctx.T("assessment.bad_average", "Quoted", ctx.Lang.Quote(s))
			}
			return ""
		}
		m.averages[i] = l
	}
	m.note = newPart(ctx, sectionHeading(ctx, base.Body, "assessment.note"), ctx.T("assessment.note_hint"))
	m.note.load(base.Body)
	m.buildSteps()
	m.start(drafts)
	return m
}

// count writes a whole number for a field, "" for none.
func count(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// decimal writes an average for a field the language's way, "" for none.
func decimal(ctx *Context, v float64) string {
	if v == 0 {
		return ""
	}
	return ctx.Coach.ReportOptions(false).Exact(v)
}

// parseAnswered reads how many answered: a whole number, 1 or more.
func parseAnswered(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil && n >= 1 && n <= 9999
}

// parseAverage reads an average from 1 to 5, with a decimal point or
// comma (3,6 or 3.6), kept to two decimals.
func parseAverage(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64)
	if err != nil || math.IsNaN(v) || v < 1 || v > 5 {
		return 0, false
	}
	return math.Round(v*100) / 100, true
}

// buildSteps lays out the steps: the tips of each theme, the pulse (what
// to ask, then what was said), the note, the preview.
func (m *assessmentModel) buildSteps() {
	ctx, k := m.ctx, m.ctx.Keys
	skip := withDesc(k.NoEnergy, ctx.T("key.skip_tip"))
	m.steps = nil
	for _, g := range report.ThemeGroups(m.pack, len(m.ratings)) {
		var fields []field
		for _, n := range g.Tips {
			fields = append(fields, &choice{ctx: ctx, value: &m.ratings[n-1], lo: 1, hi: 5, none: &skip,
				digit: k.Rate, digitValue: func(d int) int { return d }, advance: true, rows: "key.assess_rows",
				draw:  m.viewRating(n),
				ask:   func() string { return fmt.Sprintf("%d · %s", n, m.tipShort(n)) },
				label: m.ratingLabel})
		}
		name := g.Name
		if name == "" {
			name = ctx.T("assessment.other_tips")
		}
		// The note is what the accessible way says before the step's
		// fields; the screen draws its own heading.
		st := &formStep{id: len(m.steps), fields: fields, note: name + ". " + ctx.T("assessment.question") + " " + ctx.T("assessment.scale")}
		st.view = func() string { return m.viewTheme(st, name) }
		m.steps = append(m.steps, st)
	}
	next := key.NewBinding(key.WithKeys("enter", "right", "l", "tab"), key.WithHelp("enter", ctx.T("key.next")))
	m.steps = append(m.steps,
		&formStep{id: len(m.steps), page: m.pulsePage, keys: func() []action {
			return []action{{key: next, do: func(tea.KeyPressMsg) tea.Cmd { return m.toStep(m.step+1, 0) }}}
		}},
		&formStep{id: len(m.steps) + 1, fields: []field{m.answered, m.averages[0], m.averages[1], m.averages[2]},
			note: ctx.T("assessment.pulse_note")},
		&formStep{id: len(m.steps) + 2, fields: []field{m.note}},
	)
	m.steps = append(m.steps, m.previewStep(len(m.steps), action{key: withDesc(k.EntryPrivate, ctx.T("key.assessment_private")), do: func(tea.KeyPressMsg) tea.Cmd {
		m.private = !m.private
		return m.changed()
	}}))
}

// tipShort is the short title of tip n of the pack, "" when it has none.
func (m *assessmentModel) tipShort(n int) string {
	if t, ok := m.pack.Tip(n); ok {
		return t.Short
	}
	return ""
}

// ratingLabel says a rating in words, for the accessible way.
func (m *assessmentModel) ratingLabel(v int) string {
	switch v {
	case 0:
		return "– " + m.ctx.T("assessment.skipped")
	case 1:
		return "1 (" + m.ctx.T("assessment.low") + ")"
	case 5:
		return "5 (" + m.ctx.T("assessment.high") + ")"
	}
	return fmt.Sprint(v)
}

// viewTheme draws a theme's step: its name, the question and the scale,
// and a row per tip.
func (m *assessmentModel) viewTheme(st *formStep, name string) string {
	ctx, s := m.ctx, m.ctx.Styles
	w := ctx.ContentWidth()
	var b strings.Builder
	b.WriteString(s.Title.Width(w).Render(name) + "\n")
	b.WriteString(s.Faint.Width(w).Render(ctx.T("assessment.question")+" "+ctx.T("assessment.scale")) + "\n\n")
	for i, fl := range st.fields {
		b.WriteString(fl.view(i == m.field) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// viewRating draws tip n's row: its number and title, and the five
// values, the one chosen in brackets; the row with the focus is marked
// with › too, for eyes and terminals without colour.
func (m *assessmentModel) viewRating(n int) func(bool) string {
	return func(focused bool) string {
		ctx, st := m.ctx, m.ctx.Styles
		value := m.ratings[n-1]
		var cells []string
		for v := 1; v <= 5; v++ {
			switch {
			case v == value && focused:
				cells = append(cells, st.Chosen.Padding(0).Render(fmt.Sprintf("[%d]", v)))
			case v == value:
				cells = append(cells, st.Highlight.Render(fmt.Sprintf("[%d]", v)))
			default:
				cells = append(cells, st.Faint.Render(fmt.Sprintf(" %d ", v)))
			}
		}
		row := strings.Join(cells, " ")
		if value == 0 {
			row += st.Faint.Render("  –")
		} else {
			row += "   "
		}
		mark, title := "  ", st.Text
		if focused {
			mark, title = "› ", st.Title
		}
		label := fmt.Sprintf("%2d  %s", n, m.tipShort(n))
		room := max(8, ctx.ContentWidth()-lipgloss.Width(row)-4)
		label = truncate(label, room)
		return mark + title.Render(label) + strings.Repeat(" ", max(1, room-lipgloss.Width(label)+2)) + row
	}
}

// pulsePage is the pulse to ask in a staff meeting: how, the questions,
// and what to write down on the next step.
func (m *assessmentModel) pulsePage() string {
	p := m.pulse
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", p.Title, strings.TrimSpace(p.How))
	for i, q := range p.Questions {
		fmt.Fprintf(&b, "%d. **%s**\n", i+1, q.Text)
	}
	fmt.Fprintf(&b, "\n*%s*\n\n%s\n\n%s\n", p.Scale, p.FollowUp, m.ctx.T("assessment.pulse_later", "Day", m.day.String()))
	return b.String()
}

// heading is the section heading of the note, as written in the file.
func (m *assessmentModel) heading() string { return m.note.heading }

// pulse reads the pulse's fields; an error says what is wrong.
func (m *assessmentModel) readPulse() (journal.Pulse, error) {
	var p journal.Pulse
	if f := m.answered; f.problem() != "" {
		return p, errors.New(f.problem())
	} else if v := strings.TrimSpace(f.Value()); v != "" {
		p.Answered, _ = parseAnswered(v)
	}
	for i, f := range m.averages {
		if f.problem() != "" {
			return p, errors.New(f.label + ": " + f.problem())
		}
		if v := strings.TrimSpace(f.Value()); v != "" {
			p.Averages[i], _ = parseAverage(v)
		}
	}
	if p.Answered == 0 && p.Averages != [journal.PulseQuestions]float64{} {
		return p, errors.New(m.ctx.T("assessment.need_answered"))
	}
	return p, nil
}

// apply writes what was chosen into a copy of the assessment as read;
// what the user did not touch stays as the file has it.
func (m *assessmentModel) apply() (*journal.Assessment, error) {
	a := m.base.Clone()
	if a.Pack == "" {
		a.Pack, a.PackVersion = m.pack.ID, m.pack.Version
	}
	for i, r := range m.ratings {
		a.SetRating(i+1, r)
	}
	p, err := m.readPulse()
	if err != nil {
		return a, err
	}
	// A field left as it was read keeps the file's own number.
	if m.answered.changed() {
		a.Pulse.Answered = p.Answered
	}
	for i, f := range m.averages {
		if f.changed() {
			a.Pulse.Averages[i] = p.Averages[i]
		}
	}
	m.note.writeTo(&a.Body)
	a.Private = m.private
	return a, nil
}

// hasContent reports whether the assessment holds anything worth saving.
func (m *assessmentModel) hasContent(a *journal.Assessment) bool {
	if a.Rated() > 0 || a.Pulse.Recorded() || strings.TrimSpace(m.note.Value()) != "" {
		return true
	}
	return a.OnDisk() // emptied on purpose: that is saved too
}

func (m *assessmentModel) write() (func(*journal.Store) (any, string, error), error) {
	a, err := m.apply()
	if err != nil {
		return nil, err
	}
	if !m.hasContent(a) {
		return nil, errors.New(m.ctx.T("assessment.nothing_to_save"))
	}
	return func(store *journal.Store) (any, string, error) { return a, a.Path, store.SaveAssessment(a) }, nil
}

// rebase puts what the user chose on top of the assessment as the file
// has it now: a rating or a number changed here wins, the others take
// the file's.
func (m *assessmentModel) rebase(n *journal.Assessment) {
	for i := range m.ratings {
		if m.ratings[i] == m.base.Rating(i+1) {
			m.ratings[i] = n.Rating(i + 1)
		}
	}
	if extra := n.HighestTip() - len(m.ratings); extra > 0 {
		for i := len(m.ratings); i < n.HighestTip(); i++ {
			m.ratings = append(m.ratings, n.Rating(i+1))
		}
	}
	take := func(l *line, theirs string) {
		if !l.changed() {
			l.input.SetValue(theirs)
		}
		l.loaded = theirs
	}
	take(m.answered, count(n.Pulse.Answered))
	for i, l := range m.averages {
		take(l, decimal(m.ctx, n.Pulse.Averages[i]))
	}
	theirs, _ := n.Body.Answer(m.note.heading)
	m.note.merge(theirs.Text, theirs.Private)
	m.private = m.private || n.Private
	m.base = n
	m.buildSteps()
	m.resize()
}

func (m *assessmentModel) toDraft() *journal.Draft {
	d := &journal.Draft{Day: m.day, Kind: "assessment", Ratings: append([]int(nil), m.ratings...), Private: m.private,
		Answers: []journal.DraftAnswer{m.note.draft()}}
	d.Pulse = []string{m.answered.Value()}
	for _, l := range m.averages {
		d.Pulse = append(d.Pulse, l.Value())
	}
	return d
}

func (m *assessmentModel) fromDraft(d *journal.Draft) {
	for i := range m.ratings {
		m.ratings[i] = 0
		if i < len(d.Ratings) {
			m.ratings[i] = d.Ratings[i]
		}
	}
	fields := append([]*line{m.answered}, m.averages[:]...)
	for i, l := range fields {
		if i < len(d.Pulse) {
			l.input.SetValue(d.Pulse[i])
		}
	}
	resumeParts([]*part{m.note}, d.Answers)
	m.private = d.Private
}

func (m *assessmentModel) reread() func(*journal.Store) (func(), error) {
	day := m.day
	return func(store *journal.Store) (func(), error) {
		n, err := store.LoadAssessment(day)
		return func() { m.rebase(n) }, err
	}
}

func (m *assessmentModel) saved(path string) string {
	return m.ctx.T("today.saved_assessment", "Time", m.ctx.Now().Format("15:04"), "Path", m.ctx.InJournal(path))
}

func (m *assessmentModel) offered(n int, _ *journal.Draft) string {
	if n > 1 {
		return m.ctx.T("draft.found_many_assessment", "N", n)
	}
	return m.ctx.T("assessment.draft_found")
}

func (m *assessmentModel) header() (string, string, string) {
	return m.ctx.T("assessment.title"), m.ctx.DayMonth(m.day), ""
}

func (m *assessmentModel) preview() string {
	a, err := m.apply()
	var b strings.Builder
	if err != nil {
		// Said above the page too: what is wrong, before saving fails.
		fmt.Fprintf(&b, "> ! %s\n\n", err)
	}
	a.Body = previewBody(m.ctx, a.Body)
	b.WriteString(report.AssessmentPage(a, m.pack, m.ctx.Coach.ReportOptions(true)))
	return b.String()
}
