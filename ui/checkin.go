package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/coach"
	"tillit/content"
	"tillit/journal"
	"tillit/report"
)

// step is one screen of the check-in.
type step int

const (
	stepTip step = iota
	stepFollowup
	stepQuestions
	stepRating
	stepCommitment
	stepPreview
)

// The choices of the follow-up step; the last leaves the commitment open.
var followupChoices = []journal.Followup{journal.FollowupDone, journal.FollowupPartly, journal.FollowupNot, ""}

// Messages the check-in shares with the screens that take text.
type (
	draftSavedMsg struct{ err error }
	// editorReadyMsg says the scratch file for the external editor is written.
	editorReadyMsg struct {
		field int
		path  string
		err   error
	}
	editorClosedMsg struct {
		field int
		path  string
		err   error
	}
	editedTextMsg struct {
		field int
		text  string
		err   error
	}
)

// checkinSetup is everything a check-in needs to start, read from disk
// before it opens.
type checkinSetup struct {
	day     journal.Date
	base    *journal.Entry // the day's entry as on disk, or a new one
	entries []*journal.Entry
	drafts  []*journal.Draft // unfinished check-ins of the same day, newest first
	tip     int              // a tip chosen on Today; 0 for the due one
}

// checkinModel is the guided check-in: tip, follow-up, questions, rating,
// commitment, preview.
type checkinModel struct {
	form
	day     journal.Date
	base    *journal.Entry
	plan    *coach.CheckIn // what the check-in starts from
	editing bool           // the day already had a check-in

	pack     *content.Pack
	tip      content.Tip
	lastTime *journal.Entry // the last check-in on this tip, to look back at
	showLast bool

	picking   bool // choosing another tip
	pickIndex int
	pickDigit int // the digit typed before, so "1" "3" reaches tip 13

	target     *journal.Entry // whose commitment is followed up
	followup   int            // index in followupChoices
	followNote *line

	questions []string
	answers   []*part

	rating, energy int
	commitment     *line
	entryPrivate   bool
}

func newCheckin(ctx *Context, s checkinSetup) *checkinModel {
	plan := ctx.Coach.CheckIn(s.entries, s.base, s.day, s.tip)
	m := &checkinModel{day: s.day, base: s.base, plan: plan, editing: plan.Editing, pack: plan.Pack, tip: plan.Tip, target: plan.Target}
	m.form = newForm(ctx, m, "checkin-"+s.day.String())
	if plan.PackGone {
		m.err = ctx.T("checkin.pack_gone", "Pack", s.base.Pack)
	}
	m.lastTime = plan.LastTime(m.tip.Number)
	e := s.base
	m.followup = len(followupChoices) - 1
	for i, f := range followupChoices {
		if f != "" && f == e.Followup {
			m.followup = i
		}
	}
	m.followNote = newLine(ctx, ctx.T("checkin.followup.note"), "", ctx.T("checkin.followup.note_placeholder"), e.FollowupNote)
	m.commitment = newLine(ctx, ctx.T("checkin.commitment.question"), ctx.T("checkin.commitment.hint"), ctx.T("checkin.commitment.placeholder"), e.Commitment)
	m.commitment.hintOffered = ctx.T("checkin.commitment.hint_practice")
	m.rating, m.energy, m.entryPrivate = e.Rating, e.Energy, e.Private
	m.setQuestions(plan.Questions(m.tip))
	m.start(s.drafts)
	return m
}

// setQuestions makes one answer field per question, filled from the day's
// entry where it has an answer, and lays out the steps again.
func (m *checkinModel) setQuestions(qs []string) {
	m.questions = qs
	m.answers = make([]*part, len(qs))
	for i, q := range qs {
		m.answers[i] = newPart(m.ctx, q, m.ctx.T("checkin.questions.placeholder"))
		m.answers[i].load(m.base.Body)
	}
	m.buildSteps()
}

func (m *checkinModel) buildSteps() {
	ctx, k := m.ctx, m.ctx.Keys
	tip := &formStep{id: int(stepTip), page: m.tipMarkdown, keys: m.tipKeys}
	m.steps = []*formStep{tip}
	if m.target != nil {
		choose := &choice{ctx: ctx, value: &m.followup, hi: len(followupChoices) - 1, round: true,
			digit: digits(len(followupChoices), ctx.T("key.choose")), digitValue: func(d int) int { return d - 1 }, rows: "checkin.followup.note_short", draw: m.viewFollowup,
			ask: func() string { return ctx.T("checkin.followup.question") },
			label: func(v int) string {
				return report.Symbol(followupChoices[v]) + " " + followupLabel(ctx, followupChoices[v])
			}}
		m.steps = append(m.steps, &formStep{id: int(stepFollowup), fields: []field{choose, m.followNote}, view: m.viewFollowupStep})
	}
	answers := make([]field, len(m.answers))
	for i, a := range m.answers {
		answers[i] = a
	}
	noEnergy := k.NoEnergy
	m.steps = append(m.steps,
		&formStep{id: int(stepQuestions), fields: answers},
		&formStep{id: int(stepRating), fields: []field{
			&choice{ctx: ctx, value: &m.rating, lo: 1, hi: 5, digit: k.Rate, digitValue: func(d int) int { return d }, rows: "key.rows", draw: m.viewRating(0),
				ask: m.ratingQuestion, label: m.ratingLabel},
			&choice{ctx: ctx, value: &m.energy, lo: 1, hi: 5, digit: k.Rate, digitValue: func(d int) int { return d }, none: &noEnergy, rows: "key.rows", draw: m.viewRating(1),
				ask: func() string { return ctx.T("checkin.energy.question") }, label: m.ratingLabel},
		}},
		&formStep{id: int(stepCommitment), fields: []field{m.commitment}, enter: m.offerPractice},
		m.previewStep(int(stepPreview), action{key: k.EntryPrivate, do: func(tea.KeyPressMsg) tea.Cmd {
			m.entryPrivate = !m.entryPrivate
			return m.changed()
		}}),
	)
	m.step = min(m.step, len(m.steps)-1)
}

// current is the step on show.
func (m *checkinModel) current() step { return step(m.cur().id) }

func (m *checkinModel) tipKeys() []action {
	k, t := m.ctx.Keys, m.ctx.T
	next := key.NewBinding(key.WithKeys("enter", "right", "l", "tab"), key.WithHelp("enter", t("key.next")))
	// On the tip, enter is how to go on: it stays in the narrowest footer.
	as := []action{{key: next, do: func(tea.KeyPressMsg) tea.Cmd { return m.toStep(m.step+1, 0) }, rank: -1}}
	if !m.editing {
		as = append(as, action{key: k.ChooseTip, do: func(tea.KeyPressMsg) tea.Cmd {
			m.picking, m.pickIndex = true, m.tip.Number-1
			return nil
		}})
	}
	if m.lastTime != nil {
		last := k.LastTime
		if m.showLast {
			last = withDesc(k.LastTime, t("key.hide_last_time"))
		}
		as = append(as, action{key: last, do: func(tea.KeyPressMsg) tea.Cmd {
			m.showLast = !m.showLast
			if m.showLast {
				m.page.seek = t("checkin.last_time") // scroll to it
			}
			return m.showPage()
		}})
	}
	return as
}

// fromDraft fills the check-in from a draft.
func (m *checkinModel) fromDraft(d *journal.Draft) {
	if t, ok := m.pack.Tip(d.Tip); ok && (!m.editing || d.Tip == m.base.Tip) {
		m.tip = t
		m.lastTime = m.plan.LastTime(t.Number)
	}
	qs := make([]string, len(d.Answers))
	for i, a := range d.Answers {
		qs[i] = a.Question
	}
	m.setQuestions(qs)
	for i, a := range d.Answers {
		m.answers[i].resume(a)
	}
	m.rating, m.energy = d.Rating, d.Energy
	m.commitment.input.SetValue(d.Commitment)
	m.followNote.input.SetValue(d.FollowupNote)
	m.followup = len(followupChoices) - 1
	for i, f := range followupChoices {
		if f != "" && f == d.Followup {
			m.followup = i
		}
	}
	m.entryPrivate = d.Private
}

// toDraft is the check-in as a draft, to keep what has been typed.
func (m *checkinModel) toDraft() *journal.Draft {
	d := &journal.Draft{Day: m.day, Tip: m.tip.Number, Rating: m.rating, Energy: m.energy,
		Commitment: m.commitment.Value(), FollowupNote: m.followNote.Value(), Private: m.entryPrivate}
	if m.target != nil {
		day := m.target.Date
		d.FollowupOf = &day
		d.Followup = followupChoices[m.followup]
	}
	for _, a := range m.answers {
		d.Answers = append(d.Answers, a.draft())
	}
	return d
}

// checkIn gathers what has been entered. Fields the user did not touch
// carry the entry's own values, so saving leaves them as they were.
func (m *checkinModel) checkIn() journal.CheckIn {
	c := journal.CheckIn{
		Date: m.day, Tip: m.tip.Number, Pack: m.pack.ID, PackVersion: m.pack.Version,
		Rating: m.rating, Energy: m.energy, Commitment: m.base.Commitment, Private: m.entryPrivate,
	}
	if m.commitment.changed() {
		c.Commitment = strings.TrimSpace(m.commitment.Value())
	}
	if m.editing {
		// An edited check-in keeps the pack it was written with.
		c.Pack, c.PackVersion = "", ""
	}
	c.Followup, c.FollowupOf, c.FollowupNote = m.base.Followup, m.base.FollowupOf, m.base.FollowupNote
	if m.target != nil {
		c.Followup, c.FollowupOf = followupChoices[m.followup], m.target.Date
		if m.followNote.changed() {
			c.FollowupNote = strings.TrimSpace(m.followNote.Value())
		}
	}
	for _, a := range m.answers {
		if a.changed() {
			c.Answers = append(c.Answers, journal.Answer{Question: a.heading, Text: a.Value(), Private: a.private})
		}
	}
	return c
}

// rebase puts the check-in on top of e, the day's entry as another writer
// left it: a field only they changed takes their text, a field both changed
// holds both texts, and what the file holds now becomes what the fields
// are compared with when saving.
func (m *checkinModel) rebase(e *journal.Entry) {
	m.base = e
	for _, a := range m.answers {
		theirs, _ := e.Body.Answer(a.heading)
		a.merge(theirs.Text, theirs.Private)
	}
	m.commitment.merge(e.Commitment)
	m.followNote.merge(e.FollowupNote)
	m.entryPrivate = m.entryPrivate || e.Private
}

// hasContent reports whether the check-in holds anything worth saving.
func (m *checkinModel) hasContent() bool {
	if m.rating > 0 || strings.TrimSpace(m.commitment.Value()) != "" || m.target != nil && followupChoices[m.followup] != "" {
		return true
	}
	for _, a := range m.answers {
		if strings.TrimSpace(a.Value()) != "" {
			return true
		}
	}
	return false
}

func (m *checkinModel) write() (func(*journal.Store) (any, string, error), error) {
	if !m.hasContent() {
		return nil, errors.New(m.ctx.T("checkin.nothing_to_save"))
	}
	c, base := m.checkIn(), m.base
	return func(store *journal.Store) (any, string, error) {
		e := base.Clone()
		c.ApplyTo(e)
		return e, e.Path, store.Save(e)
	}, nil
}

func (m *checkinModel) reread() func(*journal.Store) (func(), error) {
	day := m.day
	return func(store *journal.Store) (func(), error) {
		e, err := store.Load(day)
		return func() { m.rebase(e) }, err
	}
}

func (m *checkinModel) saved(path string) string {
	return m.ctx.T("today.saved", "Time", m.ctx.Now().Format("15:04"), "Path", m.ctx.InJournal(path))
}

func (m *checkinModel) offered(n int, d *journal.Draft) string {
	ctx := m.ctx
	if n > 1 {
		return ctx.T("draft.found_many", "N", n, "Day", ctx.DayMonth(d.Day))
	}
	return ctx.T("draft.found", "Day", ctx.DayMonth(d.Day), "Time", d.Updated.In(ctx.Now().Location()).Format("15:04"))
}

func (m *checkinModel) header() (string, string, string) {
	about := m.ctx.T("checkin.tip_n", "N", m.tip.Number)
	if m.editing {
		about += " · " + m.ctx.T("checkin.editing")
	}
	return m.ctx.T("checkin.title"), about, m.ctx.DayMonth(m.day)
}

// aside is the list of tips over the step, while the user picks another.
func (m *checkinModel) aside() *overlay {
	if !m.picking {
		return nil
	}
	k, t := m.ctx.Keys, m.ctx.T
	n := m.pack.Count()
	move := func(to func(int) int) func(tea.KeyPressMsg) tea.Cmd {
		return func(tea.KeyPressMsg) tea.Cmd { m.pickIndex, m.pickDigit = to(m.pickIndex), 0; return nil }
	}
	return &overlay{view: m.viewPicker(), keys: []action{
		{key: k.Up, do: move(func(i int) int { return (i + n - 1) % n })},
		{key: k.Down, do: move(func(i int) int { return (i + 1) % n })},
		{key: withDesc(k.Pick, t("key.choose")), do: func(tea.KeyPressMsg) tea.Cmd {
			m.picking = false
			if tip, ok := m.pack.Tip(m.pickIndex + 1); ok && tip.Number != m.tip.Number {
				m.chooseTip(tip)
				return m.changed()
			}
			return nil
		}},
		// Typing a tip's number goes to it: "9", or "1" then "3" for 13.
		{key: key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp(fmt.Sprintf("1–%d", n), t("key.pick_number"))),
			do: func(msg tea.KeyPressMsg) tea.Cmd {
				v := int(msg.Text[0] - '0')
				if m.pickDigit == 1 && 10+v <= n {
					v += 10
					m.pickDigit = 0
				} else {
					m.pickDigit = v
				}
				if v >= 1 && v <= n {
					m.pickIndex = v - 1
				}
				return nil
			}},
		{key: k.Back, do: func(tea.KeyPressMsg) tea.Cmd { m.picking = false; return nil }},
		{key: k.Top, do: move(func(int) int { return 0 }), more: true},
		{key: k.Bottom, do: move(func(int) int { return n - 1 }), more: true},
	}}
}

// chooseTip switches the check-in to another tip; what was typed for the
// old tip's questions is kept under the new ones only if the questions
// match.
func (m *checkinModel) chooseTip(t content.Tip) {
	old := map[string]*part{}
	for _, a := range m.answers {
		old[a.heading] = a
	}
	m.tip = t
	m.lastTime = m.plan.LastTime(t.Number)
	m.showLast = false
	m.setQuestions(m.plan.Questions(t))
	for i, a := range m.answers {
		if was, ok := old[a.heading]; ok {
			m.answers[i] = was
		}
	}
	m.buildSteps()
	m.resize()
}

// tipMarkdown is the tip's page with today's questions, and, unfolded, what
// the manager wrote the last time they reflected on the tip.
func (m *checkinModel) tipMarkdown() string {
	md := tipPage(m.ctx, m.pack, m.tip, m.questions)
	if m.lastTime == nil {
		return md
	}
	if !m.showLast {
		return md + "\n*" + m.ctx.T("checkin.last_time_hint", "Day", m.ctx.DayMonth(m.lastTime.Date)) + "*\n"
	}
	return md + "\n# " + m.ctx.T("checkin.last_time") + "\n\n" + report.Entry(m.lastTime, m.plan.Around(m.lastTime), m.ctx.Coach.ReportOptions(true))
}

// preview is the entry as it will be saved, written as every other view
// of an entry is (the journal, the review, the export): what the preview
// shows is what the mentor gets.
func (m *checkinModel) preview() string {
	e := m.base.Clone()
	c := m.checkIn()
	c.ApplyTo(e)
	e.Body = previewBody(m.ctx, e.Body)
	around := m.plan.Around(m.base)
	if m.target != nil && c.Followup != "" {
		around.FollowedUp = &journal.Outcome{Commitment: m.target, Result: c.Followup, Note: c.FollowupNote, RecordedIn: e}
	}
	return report.Entry(e, around, m.ctx.Coach.ReportOptions(true))
}

func (m *checkinModel) viewPicker() string {
	ctx, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(truncate(ctx.T("checkin.pick_title"), ctx.Width-3)) + "\n\n")
	due := m.plan.DueTip()
	// On a short window the list scrolls with the choice.
	rows := max(1, ctx.Height-8)
	first := min(max(0, m.pickIndex-rows/2), max(0, len(m.pack.Tips)-rows))
	for i, t := range m.pack.Tips {
		if i < first || i >= first+rows {
			continue
		}
		marker, style := "  ", st.Text
		if i == m.pickIndex {
			marker, style = "› ", st.Highlight
		}
		line := truncate(fmt.Sprintf("%s%2d  %s", marker, t.Number, t.Short), ctx.Width-3)
		if dueNote := "  · " + ctx.T("checkin.pick_due"); t.Number == due && lipgloss.Width(line+dueNote) <= ctx.Width-3 {
			line += st.Faint.Render(dueNote)
		}
		b.WriteString(style.Render(line) + "\n")
	}
	return indent(b.String())
}

// viewFollowupStep is the commitment followed up, how it went, and a note.
func (m *checkinModel) viewFollowupStep() string {
	ctx, st := m.ctx, m.ctx.Styles
	w := lipgloss.NewStyle().Width(ctx.ContentWidth())
	return w.Render(st.Faint.Render(ctx.T("checkin.followup.intro", "Day", ctx.DayMonth(m.target.Date)))+"\n"+
		st.Strong.Render(ctx.Lang.Quote(m.target.Commitment))) + "\n\n" +
		st.Title.Render(ctx.T("checkin.followup.question")) + "\n\n" +
		m.steps[m.step].fields[0].view(m.field == 0) + "\n\n" + m.followNote.view(m.field == 1)
}

func (m *checkinModel) viewFollowup(bool) string {
	ctx, st := m.ctx, m.ctx.Styles
	var opts []string
	for i, f := range followupChoices {
		label := report.Symbol(f) + " " + followupLabel(ctx, f)
		if i == m.followup {
			opts = append(opts, st.Chosen.Render("["+label+"]"))
		} else {
			opts = append(opts, st.Choice.Render(" "+label+" "))
		}
	}
	row := strings.Join(opts, " ")
	if lipgloss.Width(row) > ctx.ContentWidth() {
		// Two by two on a narrow window.
		row = lipgloss.JoinHorizontal(lipgloss.Top, opts[0]+"\n"+opts[2], " ", opts[1]+"\n"+opts[3])
	}
	return row
}

func followupLabel(ctx *Context, f journal.Followup) string {
	if f == "" {
		return ctx.T("followup.open")
	}
	return ctx.T("followup." + string(f))
}

// ratingLabel says a value of the rating or the energy in words.
func (m *checkinModel) ratingLabel(v int) string {
	switch v {
	case 0:
		return "–"
	case 1:
		return "1 (" + m.ctx.T("checkin.rating.low") + ")"
	case 5:
		return "5 (" + m.ctx.T("checkin.rating.high") + ")"
	}
	return fmt.Sprint(v)
}

// viewRating draws row 0 (how well the tip was lived) or row 1 (energy,
// which may be left out).
func (m *checkinModel) viewRating(row int) func(bool) string {
	return func(focused bool) string {
		ctx, st := m.ctx, m.ctx.Styles
		choice, chosen := st.Choice, st.Chosen
		if ctx.ContentWidth() < 44 {
			// Narrow: the cells lose their padding so six still fit.
			choice, chosen = choice.Padding(0), chosen.Padding(0)
		}
		value, question := m.rating, m.ratingQuestion()
		if row == 1 {
			value, question = m.energy, ctx.T("checkin.energy.question")
		}
		var cells []string
		for v := 1; v <= 5; v++ {
			label := fmt.Sprintf(" %d ", v)
			switch {
			case v == value && focused:
				cells = append(cells, chosen.Render("["+label+"]"))
			case v == value:
				cells = append(cells, st.Highlight.Render("["+label+"]"))
			default:
				cells = append(cells, choice.Render(" "+label+" "))
			}
		}
		if row == 1 {
			if value == 0 {
				cells = append(cells, st.Faint.Render("[ – ]"))
			} else {
				cells = append(cells, choice.Render("  –  "))
			}
		}
		// The row with the focus is marked with › too, for eyes and
		// terminals without colour.
		title, mark := st.Faint, "  "
		if focused {
			title, mark = st.Title, "› "
		}
		s := title.Width(ctx.ContentWidth()).Render(mark+question) + "\n\n" + strings.Join(cells, " ")
		if row == 0 {
			s += "\n" + m.ratingLabels(cells)
		}
		return s
	}
}

// ratingLabels puts what 1 and 5 mean under them, each label centred on
// its number, however wide the cells are drawn.
func (m *checkinModel) ratingLabels(cells []string) string {
	st := m.ctx.Styles
	low, high := m.ctx.T("checkin.rating.low"), m.ctx.T("checkin.rating.high")
	first := lipgloss.Width(cells[0]) / 2 // the middle of the cell of 1
	last := 0                             // and of the cell of 5
	for _, c := range cells[:4] {
		last += lipgloss.Width(c) + 1
	}
	last += lipgloss.Width(cells[4]) / 2
	at := max(0, first-lipgloss.Width(low)/2)
	gap := max(1, last-lipgloss.Width(high)/2-at-lipgloss.Width(low))
	return strings.Repeat(" ", at) + st.Faint.Render(low) + strings.Repeat(" ", gap) + st.Faint.Render(high)
}
