package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/content"
	"tillit/journal"
)

// step is one screen of the check-in flow.
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

// draftEvery is the longest a change waits before it is saved as a draft: a
// hard crash costs at most this much typing.
const draftEvery = time.Second

// Messages of the check-in.
type (
	checkinSavedMsg struct {
		entry *journal.Entry
		err   error
	}
	draftTickMsg  struct{ gen int }
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
	// leaveCheckinMsg asks the root to close the check-in.
	leaveCheckinMsg struct{}
)

// checkinSetup is everything a check-in needs to start, gathered by the root
// from the journal it has loaded.
type checkinSetup struct {
	day     journal.Date
	base    *journal.Entry // the day's entry as on disk, or a new one
	entries []*journal.Entry
	draft   *journal.Draft // an unfinished check-in of the same day, if any
	tip     int            // a tip chosen on Today; 0 for the due one
}

// checkinModel is the guided check-in: tip, follow-up, questions, rating,
// commitment, preview.
type checkinModel struct {
	ctx     *Context
	day     journal.Date
	base    *journal.Entry
	entries []*journal.Entry
	editing bool // the day already had a check-in

	pack        *content.Pack
	packGone    bool             // the entry's pack is no longer installed
	packEntries []*journal.Entry // the check-ins of this pack, for the rotation

	tip       content.Tip
	steps     []step
	step      int
	picking   bool // choosing another tip
	pickIndex int

	target       *journal.Entry // whose commitment is followed up
	followup     int            // index in followupChoices
	followNote   textinput.Model
	followOnNote bool

	questions []string
	answers   []textarea.Model
	private   []bool
	focus     int

	rating, energy int
	ratingRow      int // 0 rating, 1 energy

	commitment textinput.Model

	entryPrivate bool

	page pager // the tip page and the preview

	blurred map[int]blurredView // drawings of answer fields without focus

	resumeOffer  *journal.Draft // a draft waiting for resume or discard
	confirmLeave bool
	saving       bool
	status       string
	err          string

	changeGen      int  // counts changes, to know when a draft is current
	savedGen       int  // the change count the last draft holds
	draftPending   bool // a draft save is scheduled
	leaveAfterSave bool
}

func newCheckin(ctx *Context, s checkinSetup) *checkinModel {
	m := &checkinModel{ctx: ctx, day: s.day, base: s.base, entries: s.entries, followup: len(followupChoices) - 1}
	m.page = newPager(ctx)
	m.editing = s.base.IsCheckIn()

	// A check-in being edited keeps the pack it was written with.
	m.pack = ctx.Pack
	tipNo := s.tip
	if m.editing {
		tipNo = s.base.Tip
		if p := ctx.packOf(s.base); p != nil {
			m.pack = p
		} else {
			m.packGone = true
		}
	}
	m.packEntries = journal.OfPack(s.entries, m.pack.ID, content.BuiltinID)
	if tipNo == 0 {
		tipNo = journal.DueTip(m.packEntries, s.day, m.pack.Count())
	}
	m.tip, _ = m.pack.Tip(tipNo)
	if m.tip.Number == 0 {
		m.tip = m.pack.Tips[0]
	}

	m.target = journal.CommitmentToFollowUp(s.entries, s.day)
	m.followNote = m.newInput(ctx.T("checkin.followup.note_placeholder"))
	m.commitment = m.newInput(ctx.T("checkin.commitment.placeholder"))

	e := s.base
	m.rating, m.energy = e.Rating, e.Energy
	m.entryPrivate = e.Private
	m.commitment.SetValue(e.Commitment)
	m.followNote.SetValue(e.FollowupNote)
	for i, f := range followupChoices {
		if f != "" && f == e.Followup {
			m.followup = i
		}
	}
	m.setQuestions(m.questionsFor(m.tip))
	m.buildSteps()

	if s.draft != nil && s.draft.HasText() {
		m.resumeOffer = s.draft
	}
	m.resize()
	return m
}

func (m *checkinModel) newInput(placeholder string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = "┃ "
	ti.Placeholder = placeholder
	ti.CharLimit = 0
	ti.SetStyles(m.ctx.Styles.TextInput)
	return ti
}

func (m *checkinModel) newAnswer() textarea.Model {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	ta.CharLimit = 0
	ta.MaxHeight = 0
	ta.MaxWidth = 0
	ta.Placeholder = m.ctx.T("checkin.questions.placeholder")
	// ctrl+p and ctrl+e belong to tillit here (private, editor).
	ta.KeyMap.LinePrevious = key.NewBinding(key.WithKeys("up"))
	ta.KeyMap.LineEnd = key.NewBinding(key.WithKeys("end"))
	ta.KeyMap.LineNext = key.NewBinding(key.WithKeys("down"))
	ta.SetStyles(m.ctx.Styles.Textarea)
	return ta
}

// questionsFor returns the questions of this check-in on tip: the ones
// already answered in the day's entry, then the tip's next ones in rotation.
func (m *checkinModel) questionsFor(tip content.Tip) []string {
	var qs []string
	if m.base.Tip == tip.Number {
		for _, a := range m.base.Body.Answers() {
			qs = append(qs, a.Heading)
		}
	}
	k := journal.TimesOnTip(m.packEntries, tip.Number, m.day)
	for _, q := range tip.QuestionsFor(k) {
		if !contains(qs, q) {
			qs = append(qs, q)
		}
	}
	return qs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// setQuestions makes one answer field per question, filled from the day's
// entry where it has an answer.
func (m *checkinModel) setQuestions(qs []string) {
	m.questions = qs
	m.answers = make([]textarea.Model, len(qs))
	m.private = make([]bool, len(qs))
	for i, q := range qs {
		m.answers[i] = m.newAnswer()
		if a, ok := m.base.Body.Answer(q); ok {
			m.answers[i].SetValue(a.Text)
			m.private[i] = a.Private
		}
	}
	m.focus = 0
	m.resize()
}

func (m *checkinModel) buildSteps() {
	m.steps = []step{stepTip}
	if m.target != nil {
		m.steps = append(m.steps, stepFollowup)
	}
	m.steps = append(m.steps, stepQuestions, stepRating, stepCommitment, stepPreview)
}

func (m *checkinModel) current() step { return m.steps[m.step] }

// resume fills the check-in from a draft.
func (m *checkinModel) resume(d *journal.Draft) {
	if t, ok := m.pack.Tip(d.Tip); ok && (!m.editing || d.Tip == m.base.Tip) {
		m.tip = t
	}
	qs := make([]string, len(d.Answers))
	for i, a := range d.Answers {
		qs[i] = a.Question
	}
	m.setQuestions(qs)
	for i, a := range d.Answers {
		m.answers[i].SetValue(a.Text)
		m.private[i] = a.Private
	}
	m.rating, m.energy = d.Rating, d.Energy
	m.commitment.SetValue(d.Commitment)
	m.followNote.SetValue(d.FollowupNote)
	m.followup = len(followupChoices) - 1
	for i, f := range followupChoices {
		if f != "" && f == d.Followup {
			m.followup = i
		}
	}
	m.entryPrivate = d.Private
	m.step = min(max(d.Step, 0), len(m.steps)-1)
}

// checkIn gathers what has been entered.
func (m *checkinModel) checkIn() journal.CheckIn {
	c := journal.CheckIn{
		Date:        m.day,
		Tip:         m.tip.Number,
		Pack:        m.pack.ID,
		PackVersion: m.pack.Version,
		Rating:      m.rating,
		Energy:      m.energy,
		Commitment:  strings.TrimSpace(m.commitment.Value()),
		Private:     m.entryPrivate,
	}
	if m.packGone {
		c.Pack, c.PackVersion = "", ""
	}
	if m.target != nil {
		c.Followup = followupChoices[m.followup]
		c.FollowupOf = m.target.Date
		c.FollowupNote = strings.TrimSpace(m.followNote.Value())
	}
	for i, q := range m.questions {
		c.Answers = append(c.Answers, journal.Answer{Question: q, Text: m.answers[i].Value(), Private: m.private[i]})
	}
	return c
}

// draft is the check-in as a draft, to keep what has been typed.
func (m *checkinModel) draft() *journal.Draft {
	c := m.checkIn()
	d := &journal.Draft{
		Day: m.day, Tip: c.Tip, Step: m.step, Rating: c.Rating, Energy: c.Energy,
		Commitment: m.commitment.Value(), Followup: c.Followup, FollowupNote: m.followNote.Value(),
		Private: c.Private, Updated: m.ctx.Now(),
	}
	if m.target != nil {
		day := m.target.Date
		d.FollowupOf = &day
	}
	for _, a := range c.Answers {
		d.Answers = append(d.Answers, journal.DraftAnswer{Question: a.Question, Text: a.Text, Private: a.Private})
	}
	return d
}

// unsaved reports whether there is typed text that is not yet in a draft.
func (m *checkinModel) unsaved() bool { return m.changeGen != m.savedGen }

// hasText reports whether anything has been written in this check-in.
func (m *checkinModel) hasText() bool { return m.draft().HasText() || m.changeGen > 0 }

func (m *checkinModel) Init() tea.Cmd { return m.enterStep() }

// changed records an edit and makes sure a draft save is on its way.
func (m *checkinModel) changed() tea.Cmd {
	m.changeGen++
	if m.draftPending {
		return nil
	}
	m.draftPending = true
	gen := m.changeGen
	return tea.Tick(draftEvery, func(time.Time) tea.Msg { return draftTickMsg{gen} })
}

// saveDraft writes the draft now, in a command.
func (m *checkinModel) saveDraft() tea.Cmd {
	if !m.unsaved() {
		return nil
	}
	m.savedGen = m.changeGen
	d, store := m.draft(), m.ctx.Store
	return func() tea.Msg { return draftSavedMsg{store.SaveDraft(d)} }
}

// resize lays out the fields for the window size.
func (m *checkinModel) resize() {
	w := m.ctx.ContentWidth()
	for i := range m.answers {
		m.answers[i].SetWidth(w)
	}
	// The answers share the height left after the header, the footer and
	// the questions themselves.
	fixed := 5
	for i, q := range m.questions {
		fixed += lipgloss.Height(lipgloss.NewStyle().Width(w).Render(q)) + 1
		if m.private[i] {
			fixed++
		}
	}
	h := max(2, (m.ctx.Height-fixed)/max(1, len(m.answers)))
	for i := range m.answers {
		m.answers[i].SetHeight(h)
	}
	m.followNote.SetWidth(w - 2)
	m.commitment.SetWidth(w - 2)
	m.page.setSize(m.ctx.Width, m.ctx.Height-4)
}

// enterStep focuses the step's first field and asks for what it shows.
func (m *checkinModel) enterStep() tea.Cmd {
	for i := range m.answers {
		m.answers[i].Blur()
	}
	m.followNote.Blur()
	m.commitment.Blur()
	m.err = ""
	switch m.current() {
	case stepTip:
		return m.page.show("tip", tipPage(m.ctx, m.pack, m.tip, m.questions), false)
	case stepFollowup:
		if m.followOnNote {
			return m.followNote.Focus()
		}
	case stepQuestions:
		m.focus = min(m.focus, len(m.answers)-1)
		if len(m.answers) > 0 {
			return m.answers[m.focus].Focus()
		}
	case stepCommitment:
		return m.commitment.Focus()
	case stepPreview:
		return m.page.show("preview", m.previewMarkdown(), true)
	}
	return nil
}

// rerender lays out and renders again after a resize or a theme change.
func (m *checkinModel) rerender() tea.Cmd {
	m.resize()
	return m.page.rerender()
}

func (m *checkinModel) restyle() {
	for i := range m.answers {
		m.answers[i].SetStyles(m.ctx.Styles.Textarea)
	}
	m.followNote.SetStyles(m.ctx.Styles.TextInput)
	m.commitment.SetStyles(m.ctx.Styles.TextInput)
}

func (m *checkinModel) goTo(i int) tea.Cmd {
	if i < 0 || i >= len(m.steps) || i == m.step {
		return nil
	}
	m.step = i
	m.changeGen++ // the step is part of the draft
	return tea.Batch(m.enterStep(), m.saveDraft())
}

// inText reports whether keys are going to a text field now.
func (m *checkinModel) inText() bool {
	if m.resumeOffer != nil || m.confirmLeave || m.picking {
		return false
	}
	switch m.current() {
	case stepQuestions, stepCommitment:
		return true
	case stepFollowup:
		return m.followOnNote
	}
	return false
}

func (m *checkinModel) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case renderedMsg:
		if err := m.page.rendered(msg); err != nil {
			m.err = err.Error()
		}
		return nil
	case draftTickMsg:
		m.draftPending = false
		return m.saveDraft()
	case draftSavedMsg:
		if msg.err != nil {
			m.err = m.ctx.T("checkin.draft_failed", "Err", msg.err.Error())
		}
		return nil
	case checkinSavedMsg:
		m.saving = false
		if msg.err != nil {
			m.err = saveError(m.ctx, msg.err)
			return m.saveDraft()
		}
		return nil // the root takes it from here
	case editorReadyMsg:
		if msg.err != nil {
			m.err = msg.err.Error()
			return nil
		}
		return openEditor(m.ctx, msg.path, func(err error) tea.Msg { return editorClosedMsg{msg.field, msg.path, err} })
	case editorClosedMsg:
		if msg.err != nil {
			m.err = m.ctx.T("editor.failed", "Err", msg.err.Error())
		}
		store, field, path := m.ctx.Store, msg.field, msg.path
		return func() tea.Msg {
			text, err := store.ReadScratch(path)
			return editedTextMsg{field, text, err}
		}
	case editedTextMsg:
		if msg.err != nil {
			m.err = msg.err.Error()
			return nil
		}
		m.setField(msg.field, strings.TrimRight(msg.text, "\n"))
		return m.changed()
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		return m.updateField(msg)
	case tea.MouseWheelMsg:
		if m.current() == stepTip || m.current() == stepPreview {
			m.page.scroll(msg)
			return nil
		}
	}
	return m.updateField(msg)
}

func saveError(ctx *Context, err error) string {
	if _, ok := err.(*journal.ConflictError); ok {
		return ctx.T("checkin.conflict", "Err", err.Error())
	}
	return ctx.T("checkin.save_failed", "Err", err.Error())
}

func (m *checkinModel) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case m.resumeOffer != nil:
		switch {
		case key.Matches(msg, k.Resume):
			d := m.resumeOffer
			m.resumeOffer = nil
			m.resume(d)
			m.changeGen++
			m.savedGen = m.changeGen // what is on screen is the draft
			return m.enterStep()
		case key.Matches(msg, k.Discard):
			m.resumeOffer = nil
			store, day := m.ctx.Store, m.day
			return tea.Batch(m.enterStep(), func() tea.Msg { return draftSavedMsg{store.DeleteDraft(day)} })
		}
		return nil
	case m.confirmLeave:
		switch {
		case key.Matches(msg, k.Yes):
			m.confirmLeave = false
			m.changeGen++ // write the draft even if the last one looks current
			return tea.Sequence(m.saveDraft(), func() tea.Msg { return leaveCheckinMsg{} })
		case key.Matches(msg, k.No):
			m.confirmLeave = false
		}
		return nil
	case m.picking:
		return m.handlePick(msg)
	}

	if key.Matches(msg, k.Save) {
		return m.save()
	}
	switch m.current() {
	case stepTip:
		switch {
		case key.Matches(msg, k.Next, k.Right, k.NextField):
			return m.goTo(m.step + 1)
		case key.Matches(msg, k.Back):
			return m.leave()
		case key.Matches(msg, k.ChooseTip) && !m.editing:
			m.picking = true
			m.pickIndex = m.tip.Number - 1
			return nil
		}
		m.page.scroll(msg)
		return nil
	case stepFollowup:
		return m.handleFollowupKey(msg)
	case stepQuestions:
		return m.handleQuestionsKey(msg)
	case stepRating:
		return m.handleRatingKey(msg)
	case stepCommitment:
		switch {
		case key.Matches(msg, k.Next, k.NextField):
			return m.goTo(m.step + 1)
		case key.Matches(msg, k.Back, k.PrevField):
			return m.goTo(m.step - 1)
		case key.Matches(msg, k.Editor):
			return m.editField(fieldCommitment, m.commitment.Value())
		}
	case stepPreview:
		switch {
		case key.Matches(msg, k.Next):
			return m.save()
		case key.Matches(msg, k.Back, k.PrevField):
			return m.goTo(m.step - 1)
		case key.Matches(msg, k.EntryPrivate):
			m.entryPrivate = !m.entryPrivate
			return tea.Batch(m.changed(), m.page.show("preview", m.previewMarkdown(), true))
		}
		m.page.scroll(msg)
		return nil
	}
	return m.updateField(msg)
}

// leave closes the check-in, asking first when text would only live on as a
// draft.
func (m *checkinModel) leave() tea.Cmd {
	if m.hasText() {
		m.confirmLeave = true
		return nil
	}
	return func() tea.Msg { return leaveCheckinMsg{} }
}

func (m *checkinModel) handlePick(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	n := m.pack.Count()
	switch {
	case key.Matches(msg, k.Up):
		m.pickIndex = (m.pickIndex + n - 1) % n
	case key.Matches(msg, k.Down):
		m.pickIndex = (m.pickIndex + 1) % n
	case key.Matches(msg, k.Back):
		m.picking = false
	case key.Matches(msg, k.Pick):
		m.picking = false
		if t, ok := m.pack.Tip(m.pickIndex + 1); ok && t.Number != m.tip.Number {
			m.chooseTip(t)
			return tea.Batch(m.changed(), m.enterStep())
		}
	default:
		// Typing a tip's number jumps to it.
		if d := msg.Text; len(d) == 1 && d[0] >= '0' && d[0] <= '9' {
			v := int(d[0] - '0')
			if m.pickIndex+1 == 1 && v <= 4 && v >= 0 {
				v += 10 // "1" then "3" gives 13
			}
			if v >= 1 && v <= n {
				m.pickIndex = v - 1
			}
		}
	}
	return nil
}

// chooseTip switches the check-in to another tip; what was typed for the
// old tip's questions is kept under the new ones only if the questions match.
func (m *checkinModel) chooseTip(t content.Tip) {
	old := map[string]int{}
	for i, q := range m.questions {
		old[q] = i
	}
	prevAnswers, prevPrivate := m.answers, m.private
	m.tip = t
	m.setQuestions(m.questionsFor(t))
	for i, q := range m.questions {
		if j, ok := old[q]; ok {
			m.answers[i] = prevAnswers[j]
			m.private[i] = prevPrivate[j]
		}
	}
	m.resize()
}

func (m *checkinModel) handleFollowupKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	if m.followOnNote {
		switch {
		case key.Matches(msg, k.Next, k.NextField):
			return m.goTo(m.step + 1)
		case key.Matches(msg, k.PrevField):
			m.followOnNote = false
			m.followNote.Blur()
			return nil
		case key.Matches(msg, k.Back):
			return m.goTo(m.step - 1)
		case key.Matches(msg, k.Editor):
			return m.editField(fieldFollowNote, m.followNote.Value())
		}
		return m.updateField(msg)
	}
	switch {
	case key.Matches(msg, k.Left):
		m.followup = (m.followup + len(followupChoices) - 1) % len(followupChoices)
		return m.changed()
	case key.Matches(msg, k.Right):
		m.followup = (m.followup + 1) % len(followupChoices)
		return m.changed()
	case msg.Text >= "1" && msg.Text <= "4" && len(msg.Text) == 1:
		m.followup = int(msg.Text[0] - '1')
		return m.changed()
	case key.Matches(msg, k.NextField, k.Down):
		m.followOnNote = true
		return m.followNote.Focus()
	case key.Matches(msg, k.Next):
		return m.goTo(m.step + 1)
	case key.Matches(msg, k.Back, k.PrevField):
		return m.goTo(m.step - 1)
	}
	return nil
}

func (m *checkinModel) handleQuestionsKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.NextField):
		if m.focus+1 < len(m.answers) {
			m.answers[m.focus].Blur()
			m.focus++
			return m.answers[m.focus].Focus()
		}
		return m.goTo(m.step + 1)
	case key.Matches(msg, k.PrevField):
		if m.focus > 0 {
			m.answers[m.focus].Blur()
			m.focus--
			return m.answers[m.focus].Focus()
		}
		return m.goTo(m.step - 1)
	case key.Matches(msg, k.Back):
		return m.goTo(m.step - 1)
	case key.Matches(msg, k.Private):
		m.private[m.focus] = !m.private[m.focus]
		m.resize()
		return m.changed()
	case key.Matches(msg, k.Editor):
		return m.editField(m.focus, m.answers[m.focus].Value())
	}
	return m.updateField(msg)
}

func (m *checkinModel) handleRatingKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	val := &m.rating
	if m.ratingRow == 1 {
		val = &m.energy
	}
	switch {
	case key.Matches(msg, k.Rate):
		*val = int(msg.Text[0] - '0')
		return m.changed()
	case key.Matches(msg, k.Left):
		*val = max(1, *val-1)
		return m.changed()
	case key.Matches(msg, k.Right):
		*val = min(5, max(1, *val+1))
		return m.changed()
	case m.ratingRow == 1 && key.Matches(msg, k.NoEnergy):
		m.energy = 0
		return m.changed()
	case key.Matches(msg, k.Up):
		m.ratingRow = 0
	case key.Matches(msg, k.Down):
		m.ratingRow = 1
	case key.Matches(msg, k.NextField):
		if m.ratingRow == 0 {
			m.ratingRow = 1
			return nil
		}
		return m.goTo(m.step + 1)
	case key.Matches(msg, k.PrevField):
		if m.ratingRow == 1 {
			m.ratingRow = 0
			return nil
		}
		return m.goTo(m.step - 1)
	case key.Matches(msg, k.Next):
		return m.goTo(m.step + 1)
	case key.Matches(msg, k.Back):
		return m.goTo(m.step - 1)
	}
	return nil
}

// updateField passes a message to the focused text field.
func (m *checkinModel) updateField(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m.current() {
	case stepQuestions:
		if len(m.answers) == 0 {
			return nil
		}
		before := m.answers[m.focus].Value()
		m.answers[m.focus], cmd = m.answers[m.focus].Update(msg)
		if m.answers[m.focus].Value() != before {
			return tea.Batch(cmd, m.changed())
		}
	case stepCommitment:
		before := m.commitment.Value()
		m.commitment, cmd = m.commitment.Update(msg)
		if m.commitment.Value() != before {
			return tea.Batch(cmd, m.changed())
		}
	case stepFollowup:
		if !m.followOnNote {
			return nil
		}
		before := m.followNote.Value()
		m.followNote, cmd = m.followNote.Update(msg)
		if m.followNote.Value() != before {
			return tea.Batch(cmd, m.changed())
		}
	}
	return cmd
}

// Fields that are not answers, for the external editor.
const (
	fieldCommitment = -1
	fieldFollowNote = -2
)

func (m *checkinModel) setField(field int, text string) {
	switch field {
	case fieldCommitment:
		m.commitment.SetValue(strings.Join(strings.Fields(text), " "))
	case fieldFollowNote:
		m.followNote.SetValue(strings.Join(strings.Fields(text), " "))
	default:
		if field >= 0 && field < len(m.answers) {
			m.answers[field].SetValue(text)
		}
	}
}

// editField opens the text of a field in the user's editor.
func (m *checkinModel) editField(field int, text string) tea.Cmd {
	store := m.ctx.Store
	name := fmt.Sprintf("checkin-%s-%d.md", m.day, field+2)
	return func() tea.Msg {
		path, err := store.WriteScratch(name, text)
		return editorReadyMsg{field, path, err}
	}
}

// save writes the entry, in a command.
func (m *checkinModel) save() tea.Cmd {
	if m.saving {
		return nil
	}
	m.saving = true
	m.err = ""
	c, base, store := m.checkIn(), m.base, m.ctx.Store
	return func() tea.Msg {
		e := base.Clone()
		c.ApplyTo(e)
		if err := store.Save(e); err != nil {
			return checkinSavedMsg{err: err}
		}
		// The entry is safe; a draft left behind would only offer it again.
		_ = store.DeleteDraft(c.Date)
		return checkinSavedMsg{entry: e}
	}
}

// previewMarkdown is the entry as it will be saved, for the preview step.
func (m *checkinModel) previewMarkdown() string {
	return entryMarkdown(m.ctx, m.tip, m.checkIn(), m.target)
}

// help returns the keys that work now.
func (m *checkinModel) help() bindings {
	k := m.ctx.Keys
	switch {
	case m.resumeOffer != nil:
		return bindings{short: []key.Binding{k.Resume, k.Discard}}
	case m.confirmLeave:
		return bindings{short: []key.Binding{k.Yes, k.No}}
	case m.picking:
		return bindings{short: []key.Binding{k.Up, k.Down, k.Pick, k.Back}}
	}
	helpKey := k.Help
	if m.inText() {
		helpKey = k.HelpInText
	}
	var short []key.Binding
	switch m.current() {
	case stepTip:
		short = []key.Binding{k.Next, k.Down}
		if !m.editing {
			short = append(short, k.ChooseTip)
		}
		short = append(short, k.Back)
	case stepFollowup:
		if m.followOnNote {
			short = []key.Binding{k.Next, k.PrevField, k.Editor, k.Back}
		} else {
			short = []key.Binding{k.Left, k.Right, k.NextField, k.Next, k.Back}
		}
	case stepQuestions:
		short = []key.Binding{k.NextField, k.Private, k.Editor, k.Save, k.Back}
	case stepRating:
		short = []key.Binding{k.Rate, k.Left, k.Right, k.Down, k.Next, k.Back}
		if m.ratingRow == 1 {
			short = append(short, k.NoEnergy)
		}
	case stepCommitment:
		short = []key.Binding{k.Next, k.Editor, k.Save, k.Back}
	case stepPreview:
		short = []key.Binding{k.Save, k.EntryPrivate, k.Down, k.Back}
	}
	short = append(short, helpKey)
	full := [][]key.Binding{
		short[:len(short)-1],
		{k.Next, k.Back, k.NextField, k.PrevField, k.Save},
		{k.Private, k.EntryPrivate, k.Editor, k.ChooseTip},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Rate, k.NoEnergy, helpKey, k.ForceQuit},
	}
	return bindings{short: short, full: full}
}

// View draws the current step.
func (m *checkinModel) View() string {
	ctx, st := m.ctx, m.ctx.Styles
	var body string
	switch {
	case m.resumeOffer != nil:
		body = m.viewResume()
	case m.picking:
		body = m.viewPicker()
	default:
		switch m.current() {
		case stepTip, stepPreview:
			body = m.page.View()
		case stepFollowup:
			body = m.viewFollowup()
		case stepQuestions:
			body = m.viewQuestions()
		case stepRating:
			body = m.viewRating()
		case stepCommitment:
			body = m.viewCommitment()
		}
	}
	if m.confirmLeave {
		body = st.Dialog.Render(ctx.T("checkin.leave_confirm"))
	}
	lines := []string{m.viewHeader(), ""}
	lines = append(lines, body)
	if m.err != "" {
		lines = append(lines, st.Error.Render("! "+m.err))
	} else if m.saving {
		lines = append(lines, st.Faint.Render(ctx.T("checkin.saving")))
	}
	return strings.Join(lines, "\n")
}

func (m *checkinModel) viewHeader() string {
	ctx, st := m.ctx, m.ctx.Styles
	left := " " + st.Title.Render(ctx.T("checkin.title")) + st.Faint.Render(" · "+ctx.T("checkin.tip_n", "N", m.tip.Number)+" · "+ctx.DayMonth(m.day))
	n, i := len(m.steps), m.step+1
	bar := strings.Repeat("▰", i) + strings.Repeat("▱", n-i)
	right := st.Progress.Render(bar) + "  " + st.Faint.Render(ctx.T("checkin.step_of", "N", i, "Of", n)) + " "
	gap := ctx.Width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return left
	}
	return left + strings.Repeat(" ", gap) + right
}

// indent moves every line two columns right. Plain prefixing: a Lip Gloss
// render of a whole screen costs more than a keystroke may.
func (m *checkinModel) indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

func (m *checkinModel) wrap(s string) string {
	return lipgloss.NewStyle().Width(m.ctx.ContentWidth()).Render(s)
}

func (m *checkinModel) viewResume() string {
	ctx, st := m.ctx, m.ctx.Styles
	d := m.resumeOffer
	when := d.Updated.In(ctx.Now().Location()).Format("15:04")
	s := st.Title.Render(ctx.T("draft.found", "Day", ctx.DayMonth(d.Day), "Time", when)) + "\n\n"
	for _, a := range d.Answers {
		if a.Text == "" {
			continue
		}
		s += st.Faint.Render(a.Question) + "\n" + firstLines(a.Text, 3) + "\n\n"
	}
	s += st.Text.Render(ctx.T("draft.resume_or_discard"))
	return m.indent(m.wrap(s))
}

func (m *checkinModel) viewPicker() string {
	ctx, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(ctx.T("checkin.pick_title")) + "\n\n")
	due := journal.DueTip(m.packEntries, m.day, m.pack.Count())
	for i, t := range m.pack.Tips {
		marker := "  "
		style := st.Text
		if i == m.pickIndex {
			marker = "› "
			style = st.Highlight
		}
		line := fmt.Sprintf("%s%2d  %s", marker, t.Number, t.Short)
		if t.Number == due {
			line += st.Faint.Render("  · " + ctx.T("checkin.pick_due"))
		}
		b.WriteString(style.Render(line) + "\n")
	}
	return m.indent(b.String())
}

func (m *checkinModel) viewFollowup() string {
	ctx, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Faint.Render(ctx.T("checkin.followup.intro", "Day", ctx.DayMonth(m.target.Date))) + "\n")
	b.WriteString(st.Strong.Render("«"+m.target.Commitment+"»") + "\n\n")
	b.WriteString(st.Title.Render(ctx.T("checkin.followup.question")) + "\n\n")
	var opts []string
	for i, f := range followupChoices {
		label := followupSymbol(f) + " " + followupLabel(ctx, f)
		if i == m.followup {
			opts = append(opts, st.Chosen.Render("["+label+"]"))
		} else {
			opts = append(opts, st.Choice.Render(" "+label+" "))
		}
	}
	b.WriteString(strings.Join(opts, " ") + "\n\n")
	b.WriteString(st.Faint.Render(ctx.T("checkin.followup.note")) + "\n")
	b.WriteString(m.followNote.View())
	return m.indent(m.wrap(b.String()))
}

func followupSymbol(f journal.Followup) string {
	switch f {
	case journal.FollowupDone:
		return "✓"
	case journal.FollowupPartly:
		return "◐"
	case journal.FollowupNot:
		return "✗"
	}
	return "…"
}

func followupLabel(ctx *Context, f journal.Followup) string {
	if f == "" {
		return ctx.T("followup.open")
	}
	return ctx.T("followup." + string(f))
}

func (m *checkinModel) viewQuestions() string {
	ctx, st := m.ctx, m.ctx.Styles
	var parts []string
	for i, q := range m.questions {
		title := st.Title
		if i != m.focus {
			title = st.Faint
		}
		head := title.Width(ctx.ContentWidth()).Render(q)
		if m.private[i] {
			head += "\n" + st.Private.Render("🔒 "+ctx.T("private.label"))
		}
		parts = append(parts, head+"\n"+m.answerView(i))
	}
	return m.indent(strings.Join(parts, "\n\n"))
}

// answerView draws answer field i. A field without focus does not change
// while the user types in another, so its drawing is kept.
func (m *checkinModel) answerView(i int) string {
	if i == m.focus && m.answers[i].Focused() {
		return m.answers[i].View()
	}
	k := blurredKey{m.answers[i].Value(), m.answers[i].Width(), m.answers[i].Height(), m.ctx.Dark}
	if c, ok := m.blurred[i]; ok && c.key == k {
		return c.view
	}
	v := m.answers[i].View()
	if m.blurred == nil {
		m.blurred = map[int]blurredView{}
	}
	m.blurred[i] = blurredView{k, v}
	return v
}

type blurredKey struct {
	value         string
	width, height int
	dark          bool
}

type blurredView struct {
	key  blurredKey
	view string
}

func (m *checkinModel) viewRating() string {
	ctx, st := m.ctx, m.ctx.Styles
	row := func(value int, focused bool, withNone bool) string {
		var cells []string
		for v := 1; v <= 5; v++ {
			label := fmt.Sprintf(" %d ", v)
			switch {
			case v == value && focused:
				cells = append(cells, st.Chosen.Render("["+label+"]"))
			case v == value:
				cells = append(cells, st.Highlight.Render("["+label+"]"))
			default:
				cells = append(cells, st.Choice.Render(" "+label+" "))
			}
		}
		if withNone {
			label := " – "
			if value == 0 {
				cells = append(cells, st.Faint.Render("["+label+"]"))
			} else {
				cells = append(cells, st.Choice.Render(" "+label+" "))
			}
		}
		return strings.Join(cells, " ")
	}
	q := st.Title
	e := st.Faint
	if m.ratingRow == 1 {
		q, e = st.Faint, st.Title
	}
	var b strings.Builder
	b.WriteString(q.Render(ctx.T("checkin.rating.question")) + "\n\n")
	b.WriteString(row(m.rating, m.ratingRow == 0, false) + "\n")
	scale := st.Faint.Render(ctx.T("checkin.rating.low"))
	high := st.Faint.Render(ctx.T("checkin.rating.high"))
	b.WriteString(" " + scale + strings.Repeat(" ", max(1, 36-lipgloss.Width(scale)-lipgloss.Width(high))) + high + "\n\n\n")
	b.WriteString(e.Render(ctx.T("checkin.energy.question")) + "\n\n")
	b.WriteString(row(m.energy, m.ratingRow == 1, true) + "\n")
	return m.indent(b.String())
}

func (m *checkinModel) viewCommitment() string {
	ctx, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(ctx.T("checkin.commitment.question")) + "\n")
	b.WriteString(st.Faint.Render(ctx.T("checkin.commitment.hint")) + "\n\n")
	b.WriteString(m.commitment.View())
	return m.indent(m.wrap(b.String()))
}

// firstLines returns up to n lines of s, with an ellipsis when cut.
func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:n], "\n") + " …"
}
