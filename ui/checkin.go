package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/content"
	"tillit/journal"
	"tillit/report"
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

// Messages of the check-in.
type (
	checkinSavedMsg struct {
		entry *journal.Entry
		err   error
	}
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
	// baseReloadedMsg carries the day's entry read again after a conflict.
	baseReloadedMsg struct {
		entry *journal.Entry
		err   error
	}
)

// checkinSetup is everything a check-in needs to start, gathered by the root
// from the journal it has loaded.
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
	ctx     *Context
	day     journal.Date
	base    *journal.Entry
	entries []*journal.Entry
	editing bool // the day already had a check-in

	pack        *content.Pack
	lastTime    *journal.Entry // the last check-in on this tip, to look back at
	showLast    bool
	packGone    bool             // the entry's pack is no longer installed
	packEntries []*journal.Entry // the check-ins of this pack, for the rotation

	tip       content.Tip
	steps     []step
	step      int
	picking   bool // choosing another tip
	pickIndex int
	pickDigit int // the digit typed before, so "1" "3" reaches tip 13

	target       *journal.Entry // whose commitment is followed up
	followup     int            // index in followupChoices
	followNote   textinput.Model
	followOnNote bool

	questions []string
	answers   []textField
	private   []bool
	focus     int
	// What the fields held when the check-in opened: only what changed is
	// written, so the user's own formatting survives an unchanged save.
	loadedAnswers    []string
	loadedPrivate    []bool
	loadedCommitment string
	offered          string // the tip's practice, put in the commitment field
	offerFresh       bool   // and not touched since: typing replaces it
	loadedFollowNote string

	rating, energy int
	ratingRow      int // 0 rating, 1 energy

	commitment textinput.Model

	entryPrivate bool

	page pager // the tip page and the preview

	blurred    map[int]blurredView // drawings of answer fields without focus
	oneAtATime bool                // the window is too short to show every answer

	confirmDiscard bool
	confirmLeave   bool

	err string

	draftState
}

func newCheckin(ctx *Context, s checkinSetup) *checkinModel {
	m := &checkinModel{ctx: ctx, day: s.day, base: s.base, entries: s.entries, followup: len(followupChoices) - 1}
	m.draftState = newDraftState(ctx, "checkin-"+s.day.String())
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
			m.err = ctx.T("checkin.pack_gone", "Pack", s.base.Pack)
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
	m.lastTime = journal.LastOnTip(m.packEntries, m.tip.Number, m.day)
	m.followNote = newInput(m.ctx, ctx.T("checkin.followup.note_placeholder"))
	m.commitment = newInput(m.ctx, ctx.T("checkin.commitment.placeholder"))

	e := s.base
	m.rating, m.energy = e.Rating, e.Energy
	m.entryPrivate = e.Private
	m.commitment.SetValue(e.Commitment)
	m.followNote.SetValue(e.FollowupNote)
	m.loadedCommitment, m.loadedFollowNote = m.commitment.Value(), m.followNote.Value()
	for i, f := range followupChoices {
		if f != "" && f == e.Followup {
			m.followup = i
		}
	}
	m.setQuestions(m.questionsFor(m.tip))
	m.buildSteps()

	m.offer(s.drafts)
	m.resize()
	return m
}

// questionsFor returns the questions of this check-in on tip: the ones
// already answered in the day's entry, then those of the tip's next ones in
// rotation that are not among them (in whatever language they were asked).
func (m *checkinModel) questionsFor(tip content.Tip) []string {
	var qs []string
	asked := map[int]bool{}
	if m.base.Tip == tip.Number {
		for _, a := range m.base.Body.Answers() {
			qs = append(qs, a.Heading)
			asked[content.QuestionIndex(m.pack, tip.Number, a.Heading)] = true
		}
	}
	k := journal.TimesOnTip(m.packEntries, tip.Number, m.day)
	for _, q := range tip.QuestionsFor(k) {
		if !slices.Contains(qs, q) && !asked[content.QuestionIndex(m.pack, tip.Number, q)] {
			qs = append(qs, q)
		}
	}
	return qs
}

// setQuestions makes one answer field per question, filled from the day's
// entry where it has an answer.
func (m *checkinModel) setQuestions(qs []string) {
	m.questions = qs
	m.answers = make([]textField, len(qs))
	m.private = make([]bool, len(qs))
	m.loadedAnswers = make([]string, len(qs))
	m.loadedPrivate = make([]bool, len(qs))
	for i, q := range qs {
		m.answers[i] = newTextArea(m.ctx, m.ctx.T("checkin.questions.placeholder"))
		if a, ok := m.base.Body.Answer(q); ok {
			m.answers[i].SetValue(a.Text)
			m.private[i] = a.Private
		}
		m.loadedAnswers[i], m.loadedPrivate[i] = m.answers[i].Value(), m.private[i]
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
		m.answers[i].SetValue(resumedText(a, m.answers[i].Value()))
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

// checkIn gathers what has been entered. Fields the user did not touch
// carry the entry's own values, so saving leaves them as they were.
func (m *checkinModel) checkIn() journal.CheckIn {
	c := journal.CheckIn{
		Date:        m.day,
		Tip:         m.tip.Number,
		Pack:        m.pack.ID,
		PackVersion: m.pack.Version,
		Rating:      m.rating,
		Energy:      m.energy,
		Commitment:  m.base.Commitment,
		Private:     m.entryPrivate,
	}
	if v := m.commitment.Value(); v != m.loadedCommitment {
		c.Commitment = strings.TrimSpace(v)
	}
	if m.editing {
		// An edited check-in keeps the pack it was written with.
		c.Pack, c.PackVersion = "", ""
	}
	if m.target != nil {
		c.Followup = followupChoices[m.followup]
		c.FollowupOf = m.target.Date
		c.FollowupNote = m.base.FollowupNote
		if v := m.followNote.Value(); v != m.loadedFollowNote {
			c.FollowupNote = strings.TrimSpace(v)
		}
	} else {
		c.Followup, c.FollowupOf, c.FollowupNote = m.base.Followup, m.base.FollowupOf, m.base.FollowupNote
	}
	for i, q := range m.questions {
		if m.answers[i].Value() == m.loadedAnswers[i] && m.private[i] == m.loadedPrivate[i] {
			continue
		}
		c.Answers = append(c.Answers, journal.Answer{Question: q, Text: m.answers[i].Value(), Private: m.private[i]})
	}
	return c
}

// rebase puts the check-in on top of e, the day's entry as another writer
// left it: a field only they changed takes their text, a field both changed
// holds both texts (see mergedText), and what the file holds now becomes
// what the fields are compared with when saving.
func (m *checkinModel) rebase(e *journal.Entry) {
	m.base = e
	for i, q := range m.questions {
		theirs, theirsPrivate := "", false
		if a, ok := e.Body.Answer(q); ok {
			theirs, theirsPrivate = a.Text, a.Private
		}
		text, private := mergePart(m.loadedAnswers[i], m.loadedPrivate[i], m.answers[i].Value(), m.private[i], theirs, theirsPrivate)
		m.answers[i].SetValue(text)
		m.private[i] = private
		m.loadedAnswers[i], m.loadedPrivate[i] = theirs, theirsPrivate
	}
	m.commitment.SetValue(mergedText(m.loadedCommitment, m.commitment.Value(), e.Commitment, " · "))
	m.followNote.SetValue(mergedText(m.loadedFollowNote, m.followNote.Value(), e.FollowupNote, " · "))
	m.loadedCommitment, m.loadedFollowNote = e.Commitment, e.FollowupNote
	m.entryPrivate = m.entryPrivate || e.Private
	m.changeGen++ // the draft follows
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

// draft is the check-in as a draft, to keep what has been typed.
func (m *checkinModel) draft() *journal.Draft {
	d := &journal.Draft{
		Day: m.day, Tip: m.tip.Number, Step: m.step, Rating: m.rating, Energy: m.energy,
		Commitment: m.commitment.Value(), FollowupNote: m.followNote.Value(),
		Private: m.entryPrivate, Updated: m.ctx.Now(), ID: m.id,
	}
	if m.target != nil {
		day := m.target.Date
		d.FollowupOf = &day
		d.Followup = followupChoices[m.followup]
	}
	for i, q := range m.questions {
		d.Answers = append(d.Answers, journal.DraftAnswer{Question: q, Text: m.answers[i].Value(), Private: m.private[i], Base: m.loadedAnswers[i]})
	}
	return d
}

// scrolls reports whether a page the mouse wheel scrolls is on show.
func (m *checkinModel) scrolls() bool {
	return m.resumeOffer == nil && !m.picking && (m.current() == stepTip || m.current() == stepPreview)
}

// Init shows the first step; a notice set while opening (a draft set
// aside, a pack that is gone) stays on screen.
func (m *checkinModel) Init() tea.Cmd {
	notice := m.err
	cmd := m.enterStep()
	m.err = notice
	return cmd
}

// saveDraft writes the draft now, in a command.
func (m *checkinModel) saveDraft() tea.Cmd { return m.saveDraftOf(m.ctx.Store, m.draft) }

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
	h := (m.ctx.Height - fixed) / max(1, len(m.answers))
	// On a short window the questions take turns: one at a time.
	m.oneAtATime = h < 3 && len(m.answers) > 1
	if m.oneAtATime {
		longest := 0
		for _, q := range m.questions {
			longest = max(longest, lipgloss.Height(lipgloss.NewStyle().Width(w).Render(q)))
		}
		h = m.ctx.Height - 5 - longest
	}
	for i := range m.answers {
		m.answers[i].SetHeight(max(2, h))
	}
	m.followNote.SetWidth(w - 2)
	m.commitment.SetWidth(w - 2)
	// A placeholder wider than its field would spill onto the next line.
	m.followNote.Placeholder = truncate(m.ctx.T("checkin.followup.note_placeholder"), w-4)
	m.commitment.Placeholder = truncate(m.ctx.T("checkin.commitment.placeholder"), w-4)
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
		return m.page.show("tip", m.tipMarkdown(), false)
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
		m.offerPractice()
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
	m.stepped()
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
		if m.due(msg) {
			return m.saveDraft()
		}
		return nil
	case baseReloadedMsg:
		if msg.err != nil {
			m.err = msg.err.Error()
			return nil
		}
		// The file changed on disk while the check-in was open: show the
		// check-in on top of what is there now, and let the user save again.
		m.rebase(msg.entry)
		m.err = m.ctx.T("checkin.conflict")
		return m.page.show("preview", m.previewMarkdown(), true)
	case draftSavedMsg:
		m.err = m.draftSaved(m.ctx, msg.err, m.err)
		return nil
	case checkinSavedMsg:
		if msg.err == nil {
			// Still saving until closed: a quit waiting for the save
			// ends with it.
			return closeWith(m, closeMsg{saved: msg.entry.Path, flash: flashFor(m.ctx, msg.entry, m.ctx.Now())})
		}
		m.saving = false
		store, day := m.ctx.Store, m.day
		var cmd tea.Cmd
		m.err, cmd = m.saveFailed(m.ctx, msg.err, m.saveDraft, func() tea.Msg {
			e, err := store.Load(day)
			return baseReloadedMsg{e, err}
		})
		return cmd
	case editorReadyMsg, editorClosedMsg:
		cmd, status := editorStep(m.ctx, msg)
		if status != "" {
			m.err = status
		}
		return cmd
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

func (m *checkinModel) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case m.resumeOffer != nil && m.confirmDiscard:
		// Only x again discards; any other key keeps the draft.
		m.confirmDiscard = false
		if key.Matches(msg, k.Discard) {
			// Only the draft picked goes; the others stay on offer.
			store, d, now := m.ctx.Store, m.dropOffer(), m.ctx.Now()
			trash := func() tea.Msg { return draftSavedMsg{store.TrashDraft(d, now)} }
			if m.resumeOffer != nil {
				return trash
			}
			return tea.Batch(m.enterStep(), trash)
		}
		return nil
	case m.resumeOffer != nil:
		switch {
		case m.offerKey(k, msg):
		case key.Matches(msg, k.Resume):
			m.resume(m.takeOffer())
			m.resumed()
			return tea.Batch(m.enterStep(), m.saveDraft())
		case key.Matches(msg, k.Discard):
			m.confirmDiscard = true
		case key.Matches(msg, k.Back):
			// Leave; the draft stays where it is.
			return closeWith(m, closeMsg{left: true, draft: m.draft()})
		}
		return nil
	case m.confirmLeave:
		switch {
		case key.Matches(msg, k.Yes):
			m.confirmLeave = false
			m.changeGen++ // write the draft even if the last one looks current
			return thenLeave(m.saveDraft(), closeMsg{from: m, left: true, draft: m.draft()})
		case key.Matches(msg, k.No):
			m.confirmLeave = false
		}
		return nil
	case m.picking:
		return m.handlePick(msg)
	}

	if key.Matches(msg, k.Save) {
		if m.current() == stepPreview {
			return m.save()
		}
		return m.goTo(len(m.steps) - 1)
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
		case key.Matches(msg, k.LastTime) && m.lastTime != nil:
			m.showLast = !m.showLast
			if m.showLast {
				m.page.seek = m.ctx.T("checkin.last_time") // scroll to it
			}
			return m.page.show("tip", m.tipMarkdown(), false)
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
			return m.goBack()
		case key.Matches(msg, k.Editor):
			return m.editField(fieldCommitment, m.commitment.Value())
		}
	case stepPreview:
		switch {
		case key.Matches(msg, k.Next):
			return m.save()
		case key.Matches(msg, k.Back, k.PrevField):
			return m.goBack()
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
	if m.keep() {
		m.confirmLeave = true
		return nil
	}
	return closeWith(m, closeMsg{left: true})
}

func (m *checkinModel) handlePick(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	n := m.pack.Count()
	switch {
	case key.Matches(msg, k.Up):
		m.pickIndex = (m.pickIndex + n - 1) % n
	case key.Matches(msg, k.Down):
		m.pickIndex = (m.pickIndex + 1) % n
	case key.Matches(msg, k.Top):
		m.pickIndex = 0
	case key.Matches(msg, k.Bottom):
		m.pickIndex = n - 1
	case key.Matches(msg, k.Back):
		m.picking = false
	case key.Matches(msg, k.Pick):
		m.picking = false
		if t, ok := m.pack.Tip(m.pickIndex + 1); ok && t.Number != m.tip.Number {
			m.chooseTip(t)
			return tea.Batch(m.changed(), m.enterStep())
		}
	default:
		// Typing a tip's number jumps to it: "9", or "1" then "3" for 13.
		if d := msg.Text; len(d) == 1 && d[0] >= '0' && d[0] <= '9' {
			v := int(d[0] - '0')
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
		}
	}
	m.pickDigit = 0
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
	m.lastTime = journal.LastOnTip(m.packEntries, t.Number, m.day)
	m.showLast = false
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
			return m.goBack()
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
		return m.goBack()
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
		return m.goBack()
	case key.Matches(msg, k.Back):
		return m.goBack()
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
		return m.goBack()
	case key.Matches(msg, k.Next):
		return m.goTo(m.step + 1)
	case key.Matches(msg, k.Back):
		return m.goBack()
	}
	return nil
}

// goBack returns to the step before, at its last field, as shift+tab
// through the fields would.
func (m *checkinModel) goBack() tea.Cmd {
	if m.step > 0 && m.steps[m.step-1] == stepQuestions {
		m.focus = len(m.answers) - 1
	}
	if m.step > 0 && m.steps[m.step-1] == stepFollowup {
		m.followOnNote = true
	}
	return m.goTo(m.step - 1)
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
		m.typeOverPractice(msg)
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
	return editText(m.ctx, field, fmt.Sprintf("checkin-%s-%d.md", m.day, field+2), text)
}

// save writes the entry, in a command.
func (m *checkinModel) save() tea.Cmd {
	if m.saving {
		return nil
	}
	if !m.hasContent() {
		m.err = m.ctx.T("checkin.nothing_to_save")
		return nil
	}
	m.saving = true
	m.err = ""
	c, base, store := m.checkIn(), m.base, m.ctx.Store
	own, from := m.ownDraft(m.draft()), m.resumedFrom
	return func() tea.Msg {
		e := base.Clone()
		c.ApplyTo(e)
		if err := store.Save(e); err != nil {
			return checkinSavedMsg{err: err}
		}
		// The entry is safe; a draft left behind would only offer it
		// again. Only this screen's: another window's stays.
		removeDrafts(store, own, from)
		return checkinSavedMsg{entry: e}
	}
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
	var outcome *journal.Outcome
	for _, o := range journal.Outcomes(m.entries) {
		if o.Commitment == m.lastTime {
			outcome = &o
		}
	}
	return md + "\n# " + m.ctx.T("checkin.last_time") + "\n\n" + report.Entry(m.lastTime, outcome, reportOptions(m.ctx, true))
}

// previewMarkdown is the entry as it will be saved, for the preview step.
func (m *checkinModel) previewMarkdown() string {
	var all []journal.Answer
	for i, q := range m.questions {
		all = append(all, journal.Answer{Question: q, Text: previewText(m.ctx, m.answers[i].Value()), Private: m.private[i]})
	}
	return entryMarkdown(m.ctx, m.tip, m.checkIn(), all, m.target)
}

// help returns the keys that work now, and only those.
func (m *checkinModel) help() bindings {
	k, t := m.ctx.Keys, m.ctx.T
	as := func(b key.Binding, desc string) key.Binding {
		b.SetHelp(b.Help().Key, t(desc))
		return b
	}
	shown := func(keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, t(desc)))
	}
	save := as(k.Save, "key.to_preview")
	back := k.Back
	if m.step == 0 {
		back = as(k.Back, "key.leave")
	}
	scroll := []key.Binding{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}
	one := func(short ...key.Binding) bindings { return bindings{short: short, full: [][]key.Binding{short}} }
	switch {
	case m.resumeOffer != nil && m.confirmDiscard:
		return one(as(k.Discard, "key.discard_sure"), shown("…", "key.keep_draft"))
	case m.resumeOffer != nil && len(m.offers) > 1:
		return one(shown("↑/↓", "key.pick_draft"), shown("r/enter", "key.resume"), k.Discard, as(k.Back, "key.leave"))
	case m.resumeOffer != nil:
		return one(shown("r/enter", "key.resume"), k.Discard, as(k.Back, "key.leave"))
	case m.confirmLeave:
		return one(as(k.Yes, "key.leave"), shown("n/esc", "key.no"))
	case m.picking:
		short := []key.Binding{k.Up, k.Down, as(k.Pick, "key.choose"), shown(fmt.Sprintf("1–%d", m.pack.Count()), "key.pick_number"), k.Back}
		return bindings{short: short, full: [][]key.Binding{short, {k.Top, k.Bottom}}}
	}
	switch m.current() {
	case stepTip:
		short := []key.Binding{k.Next}
		if !m.editing {
			short = append(short, k.ChooseTip)
		}
		if m.lastTime != nil {
			last := k.LastTime
			if m.showLast {
				last = as(k.LastTime, "key.hide_last_time")
			}
			short = append(short, last)
		}
		short = append(short, save, back)
		return bindings{short: short, full: [][]key.Binding{short, scroll}}
	case stepFollowup:
		if m.followOnNote {
			return one(k.Next, k.PrevField, k.Editor, save, k.Back)
		}
		return one(shown("←/→", "key.choose"), shown("1–4", "key.choose"), as(k.NextField, "checkin.followup.note_short"), k.Next, save, k.Back)
	case stepQuestions:
		editor := k.Editor
		if m.focus < len(m.answers) {
			editor = editorKey(m.ctx, m.answers[m.focus])
		}
		short := []key.Binding{k.NextField, k.PrevField, k.Private, editor, save, k.Back}
		return bindings{short: short, full: [][]key.Binding{short, {shown("enter", "key.newline")}}}
	case stepRating:
		short := []key.Binding{k.Rate, shown("←/→", "key.choose"), shown("↑/↓", "key.rows")}
		if m.ratingRow == 1 {
			short = append(short, k.NoEnergy)
		}
		short = append(short, k.Next, save, k.Back)
		return bindings{short: short, full: [][]key.Binding{short, {k.NextField, k.PrevField, k.NoEnergy}}}
	case stepCommitment:
		return one(shown("enter/tab", "key.next"), k.PrevField, k.Editor, save, k.Back)
	}
	short := []key.Binding{k.Save, k.EntryPrivate, k.Back}
	return bindings{short: short, full: [][]key.Binding{{as(k.Next, "key.save"), k.Save, k.EntryPrivate, k.Back}, scroll}}
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
		body = dialog(ctx, ctx.T("checkin.leave_confirm"))
	}
	var status string
	if m.err != "" {
		status = st.Error.Width(ctx.Width - 2).Render("! " + m.err)
	} else if m.saving {
		status = st.Faint.Render(ctx.T("checkin.saving"))
	}
	return withStatus(ctx, m.viewHeader()+"\n\n"+body, status)
}

func (m *checkinModel) viewHeader() string {
	ctx, st := m.ctx, m.ctx.Styles
	n, i := len(m.steps), m.step+1
	bar := strings.Repeat("▰", i) + strings.Repeat("▱", n-i)
	right := st.Progress.Render(bar) + "  " + st.Faint.Render(ctx.T("checkin.step_of", "N", i, "Of", n)) + " "
	// The page is longer than the window: say how far down it is, if the
	// day still fits beside it (the day matters more, filling in a missed
	// one).
	if pos := m.page.position(); pos != "" && m.scrolls() {
		withPos := st.Faint.Render("↕ "+pos) + "   " + right
		long := " " + ctx.T("checkin.title") + " · " + ctx.T("checkin.tip_n", "N", m.tip.Number) + " · " + ctx.DayMonth(m.day)
		if lipgloss.Width(long)+lipgloss.Width(withPos)+1 <= ctx.Width {
			right = withPos
		}
	}
	about := ctx.T("checkin.tip_n", "N", m.tip.Number)
	if m.editing {
		about += " · " + ctx.T("checkin.editing")
	}
	// The date goes first when the window is narrow; the step count last.
	for _, withDate := range []bool{true, false} {
		left := " " + st.Title.Render(ctx.T("checkin.title")) + st.Faint.Render(" · "+about)
		if withDate {
			left += st.Faint.Render(" · " + ctx.DayMonth(m.day))
		}
		if gap := ctx.Width - lipgloss.Width(left) - lipgloss.Width(right); gap >= 1 {
			return left + strings.Repeat(" ", gap) + right
		}
	}
	return truncate(" "+ctx.T("checkin.title")+" · "+about, ctx.Width-lipgloss.Width(right)-1) + " " + right
}

func (m *checkinModel) wrap(s string) string {
	return lipgloss.NewStyle().Width(m.ctx.ContentWidth()).Render(s)
}

func (m *checkinModel) viewResume() string {
	ctx, st := m.ctx, m.ctx.Styles
	d := m.resumeOffer
	when := d.Updated.In(ctx.Now().Location()).Format("15:04")
	s := st.Title.Render(ctx.T("draft.found", "Day", ctx.DayMonth(d.Day), "Time", when)) + "\n\n"
	if list := offerList(ctx, &m.draftState); list != "" {
		s = st.Title.Render(ctx.T("draft.found_many", "N", len(m.offers), "Day", ctx.DayMonth(d.Day))) + "\n\n" + list + "\n"
	}
	for _, a := range d.Answers {
		if a.Text == "" {
			continue
		}
		s += st.Faint.Render(a.Question) + "\n" + firstLines(a.Text, 3) + "\n\n"
	}
	if m.confirmDiscard {
		s += st.Warning.Render(ctx.T("draft.discard_confirm"))
	} else {
		s += st.Text.Render(ctx.T("draft.resume_or_discard"))
	}
	return indent(m.wrap(s))
}

func (m *checkinModel) viewPicker() string {
	ctx, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(truncate(ctx.T("checkin.pick_title"), ctx.Width-3)) + "\n\n")
	due := journal.DueTip(m.packEntries, m.day, m.pack.Count())
	// On a short window the list scrolls with the choice.
	rows := max(1, ctx.Height-8)
	first := min(max(0, m.pickIndex-rows/2), max(0, len(m.pack.Tips)-rows))
	for i, t := range m.pack.Tips {
		if i < first || i >= first+rows {
			continue
		}
		marker := "  "
		style := st.Text
		if i == m.pickIndex {
			marker = "› "
			style = st.Highlight
		}
		line := truncate(fmt.Sprintf("%s%2d  %s", marker, t.Number, t.Short), ctx.Width-3)
		if dueNote := "  · " + ctx.T("checkin.pick_due"); t.Number == due && lipgloss.Width(line+dueNote) <= ctx.Width-3 {
			line += st.Faint.Render(dueNote)
		}
		b.WriteString(style.Render(line) + "\n")
	}
	return indent(b.String())
}

func (m *checkinModel) viewFollowup() string {
	ctx, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Faint.Render(ctx.T("checkin.followup.intro", "Day", ctx.DayMonth(m.target.Date))) + "\n")
	b.WriteString(st.Strong.Render(ctx.Lang.Quote(m.target.Commitment)) + "\n\n")
	b.WriteString(st.Title.Render(ctx.T("checkin.followup.question")) + "\n\n")
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
	b.WriteString(row + "\n\n")
	b.WriteString(st.Faint.Render(ctx.T("checkin.followup.note")) + "\n")
	b.WriteString(m.followNote.View())
	return indent(m.wrap(b.String()))
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
		if m.oneAtATime && i != m.focus {
			continue
		}
		title := st.Title
		if i != m.focus {
			title = st.Faint
		}
		if m.oneAtATime {
			q = fmt.Sprintf("(%d/%d) %s", i+1, len(m.questions), q)
		}
		head := title.Width(ctx.ContentWidth()).Render(q)
		if m.private[i] {
			head += "\n" + st.Private.Render("🔒 "+ctx.T("private.label"))
		}
		parts = append(parts, head+"\n"+m.answerView(i))
	}
	return indent(strings.Join(parts, "\n\n"))
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
	choice, chosen := st.Choice, st.Chosen
	if ctx.ContentWidth() < 44 {
		// Narrow: the cells lose their padding so six still fit.
		choice, chosen = choice.Padding(0), chosen.Padding(0)
	}
	row := func(value int, focused bool, withNone bool) string {
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
		if withNone {
			label := " – "
			if value == 0 {
				cells = append(cells, st.Faint.Render("["+label+"]"))
			} else {
				cells = append(cells, choice.Render(" "+label+" "))
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
	// The row with the focus is marked with › too, for eyes and terminals
	// without colour.
	mark := func(row int) string {
		if m.ratingRow == row {
			return "› "
		}
		return "  "
	}
	b.WriteString(q.Width(ctx.ContentWidth()).Render(mark(0)+m.ratingQuestion()) + "\n\n")
	b.WriteString(row(m.rating, m.ratingRow == 0, false) + "\n")
	scale := st.Faint.Render(ctx.T("checkin.rating.low"))
	high := st.Faint.Render(ctx.T("checkin.rating.high"))
	gap := "\n\n\n"
	if ctx.Height < 20 {
		gap = "\n"
	}
	b.WriteString(" " + scale + strings.Repeat(" ", max(1, 36-lipgloss.Width(scale)-lipgloss.Width(high))) + high + gap)
	b.WriteString(e.Width(ctx.ContentWidth()).Render(mark(1)+ctx.T("checkin.energy.question")) + "\n")
	if ctx.Height >= 20 {
		b.WriteString("\n")
	}
	b.WriteString(row(m.energy, m.ratingRow == 1, true) + "\n")
	return indent(b.String())
}

func (m *checkinModel) viewCommitment() string {
	ctx, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(ctx.T("checkin.commitment.question")) + "\n")
	b.WriteString(st.Faint.Render(m.commitmentHint()) + "\n\n")
	b.WriteString(m.commitment.View())
	return indent(m.wrap(b.String()))
}

// firstLines returns up to n lines of s, with an ellipsis when cut. It
// reads no further than it shows, and shortens a line longer than a few
// rows: a draft may hold a megabyte on one line.
func firstLines(s string, n int) string {
	s = strings.TrimSpace(s)
	var lines []string
	for s != "" && len(lines) < n {
		line, rest, _ := strings.Cut(s, "\n")
		if r := []rune(line[:min(len(line), 2048)]); len(r) > 300 {
			line = string(r[:300]) + " …"
		}
		lines, s = append(lines, line), rest
	}
	if s != "" {
		return strings.Join(lines, "\n") + " …"
	}
	return strings.Join(lines, "\n")
}
