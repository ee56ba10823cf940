package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

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

// The steps of a mentoring note: what was said, what to take along (and
// who the mentor is), which questions were answered, the preview.
const (
	mentorTalk = iota
	mentorTakeaways
	mentorAnswered
	mentorPreview
)

// Messages of the mentoring note.
type (
	mentoringReadyMsg struct {
		base   *journal.Mentoring
		drafts []*journal.Draft
		err    error
	}
	mentoringSavedMsg struct {
		m   *journal.Mentoring
		err error
	}
)

// mentoringModel records what a meeting with the mentor brought: what was
// discussed, what the mentor suggested, what the manager takes along, and
// which of their questions for the mentor were answered. It is saved as
// YYYY/MM/YYYY-MM-DD-mentoring.md; the next review and export show it.
type mentoringModel struct {
	ctx  *Context
	day  journal.Date
	base *journal.Mentoring

	steps []int
	step  int
	field int

	text     [mentoringParts]textField
	headings [mentoringParts]string // the sections' headings, as the file has them
	private  [mentoringParts]bool
	mentor   textinput.Model
	open     []journal.MentorQuestion // the questions still open, to tick
	answered []bool
	cursor   int

	loadedText    [mentoringParts]string
	loadedPrivate [mentoringParts]bool

	page pager

	confirmDiscard bool
	confirmLeave   bool
	err            string

	draftState
}

// loadMentoring reads the day's mentoring note and its draft, in a command.
func loadMentoring(store *journal.Store, day journal.Date) tea.Cmd {
	return func() tea.Msg {
		m, err := store.LoadMentoring(day)
		if err != nil {
			return mentoringReadyMsg{err: err}
		}
		d, _, err := store.DraftsFor(&journal.Draft{Day: day, Kind: "mentoring"})
		if err != nil {
			return mentoringReadyMsg{err: err}
		}
		return mentoringReadyMsg{base: m, drafts: d}
	}
}

func newMentoring(ctx *Context, j *journal.Journal, base *journal.Mentoring, drafts []*journal.Draft) *mentoringModel {
	m := &mentoringModel{ctx: ctx, day: base.Date, base: base, page: newPager(ctx)}
	m.draftState = newDraftState(ctx, "mentoring-"+base.Date.String())
	hints := [mentoringParts]string{"mentoring.discussed_hint", "mentoring.suggested_hint", "mentoring.takeaways_hint"}
	ids := [mentoringParts]string{"mentoring.discussed", "mentoring.suggested", "mentoring.takeaways"}
	for i := range m.text {
		m.headings[i] = sectionHeading(ctx, base.Body, ids[i])
		m.text[i] = newTextArea(ctx, ctx.T(hints[i]))
		if a, ok := base.Body.Answer(m.headings[i]); ok {
			m.text[i].SetValue(a.Text)
			m.private[i] = a.Private
		}
		m.loadedText[i], m.loadedPrivate[i] = m.text[i].Value(), m.private[i]
	}
	m.mentor = newInput(ctx, ctx.T("mentoring.mentor_hint"))
	m.mentor.SetValue(base.Mentor)
	// The questions to tick: those still open, and those this note
	// answered already (when it is opened again).
	if j != nil {
		for _, q := range j.OpenMentorQuestions(journal.WeekOf(base.Date)) {
			m.open = append(m.open, q)
		}
	}
	for _, a := range base.Answered {
		if !slices.ContainsFunc(m.open, func(q journal.MentorQuestion) bool { return q.Text == a }) {
			m.open = append(m.open, journal.MentorQuestion{Text: a})
		}
	}
	m.answered = make([]bool, len(m.open))
	for i, q := range m.open {
		m.answered[i] = slices.Contains(base.Answered, q.Text)
	}
	m.steps = []int{mentorTalk, mentorTakeaways}
	if len(m.open) > 0 {
		m.steps = append(m.steps, mentorAnswered)
	}
	m.steps = append(m.steps, mentorPreview)
	m.offer(drafts)
	m.resize()
	return m
}

func (m *mentoringModel) heading(i int) string { return m.headings[i] }

// mentoringReloadedMsg carries the day's mentoring note read again after a
// conflict.
type mentoringReloadedMsg struct {
	n   *journal.Mentoring
	err error
}

// rebase puts what the user wrote on top of the note as the file has it
// now: a part only one side changed takes that side's text; a part both
// changed holds both, the file's first.
func (m *mentoringModel) rebase(n *journal.Mentoring) {
	for i := range m.text {
		theirs, theirsPrivate := "", false
		if a, ok := n.Body.Answer(m.headings[i]); ok {
			theirs, theirsPrivate = a.Text, a.Private
		}
		text, private := mergePart(m.loadedText[i], m.loadedPrivate[i], m.text[i].Value(), m.private[i], theirs, theirsPrivate)
		m.text[i].SetValue(text)
		m.private[i] = private
		m.loadedText[i], m.loadedPrivate[i] = theirs, theirsPrivate
	}
	if strings.TrimSpace(m.mentor.Value()) == m.base.Mentor {
		m.mentor.SetValue(n.Mentor)
	}
	// Each question three ways: a tick changed here wins; otherwise the
	// file's says. A question the file ticked that is not on the list (it
	// came after this note was opened) joins the list, ticked.
	for i, q := range m.open {
		if m.answered[i] == slices.Contains(m.base.Answered, q.Text) {
			m.answered[i] = slices.Contains(n.Answered, q.Text)
		}
	}
	for _, a := range n.Answered {
		if !slices.ContainsFunc(m.open, func(q journal.MentorQuestion) bool { return q.Text == a }) {
			m.open = append(m.open, journal.MentorQuestion{Text: a})
			m.answered = append(m.answered, true)
		}
	}
	if len(m.open) > 0 && !slices.Contains(m.steps, mentorAnswered) {
		m.steps = slices.Insert(m.steps, len(m.steps)-1, mentorAnswered)
	}
	m.base = n
	m.changeGen++ // the draft follows
}

func (m *mentoringModel) current() int { return m.steps[m.step] }

// apply writes what was entered into a copy of the note as read; untouched
// fields stay as the file had them.
func (m *mentoringModel) apply() *journal.Mentoring {
	n := m.base.Clone()
	for i := range m.text {
		if m.text[i].Value() != m.loadedText[i] || m.private[i] != m.loadedPrivate[i] {
			n.Body.SetAnswer(m.heading(i), m.text[i].Value(), m.private[i])
		}
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

func (m *mentoringModel) draft() *journal.Draft {
	d := &journal.Draft{Day: m.day, Kind: "mentoring", Step: m.step, Commitment: m.mentor.Value(), Updated: m.ctx.Now(), ID: m.id}
	for i := range m.text {
		d.Answers = append(d.Answers, journal.DraftAnswer{Question: m.heading(i), Text: m.text[i].Value(), Private: m.private[i], Base: m.loadedText[i]})
	}
	return d
}

func (m *mentoringModel) resume(d *journal.Draft) {
	for i, a := range d.Answers {
		if i < mentoringParts {
			m.text[i].SetValue(resumedText(a, m.text[i].Value()))
			m.private[i] = a.Private
		}
	}
	m.mentor.SetValue(d.Commitment)
	m.step = min(max(d.Step, 0), len(m.steps)-1)
}

func (m *mentoringModel) saveDraft() tea.Cmd { return m.saveDraftOf(m.ctx.Store, m.draft) }

func (m *mentoringModel) Init() tea.Cmd { return m.enter() }

func (m *mentoringModel) resize() {
	w := m.ctx.ContentWidth()
	for i := range m.text {
		m.text[i].SetWidth(w)
		m.text[i].SetHeight(max(2, (m.ctx.Height-12)/2))
	}
	m.mentor.SetWidth(w - 2)
	m.page.setSize(m.ctx.Width, m.ctx.Height-4)
}

func (m *mentoringModel) rerender() tea.Cmd {
	m.resize()
	return m.page.rerender()
}

func (m *mentoringModel) restyle() {
	for i := range m.text {
		m.text[i].SetStyles(m.ctx.Styles.Textarea)
	}
	m.mentor.SetStyles(m.ctx.Styles.TextInput)
}

func (m *mentoringModel) scrolls() bool { return m.current() == mentorPreview && m.resumeOffer == nil }

// focused is the text field with the focus, -1 for the mentor's name or
// none.
func (m *mentoringModel) focused() int {
	switch m.current() {
	case mentorTalk:
		return partDiscussed + m.field
	case mentorTakeaways:
		if m.field == 0 {
			return partTakeaways
		}
	}
	return -1
}

func (m *mentoringModel) inText() bool {
	if m.resumeOffer != nil || m.confirmLeave {
		return false
	}
	return m.focused() >= 0 || m.current() == mentorTakeaways && m.field == 1
}

func (m *mentoringModel) enter() tea.Cmd {
	for i := range m.text {
		m.text[i].Blur()
	}
	m.mentor.Blur()
	if i := m.focused(); i >= 0 {
		return m.text[i].Focus()
	}
	switch m.current() {
	case mentorTakeaways:
		return m.mentor.Focus()
	case mentorPreview:
		return m.page.show("mentoring", m.previewMarkdown(), true)
	}
	return nil
}

func (m *mentoringModel) previewMarkdown() string {
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

// fields is how many fields step i has.
func (m *mentoringModel) fields(i int) int {
	switch m.steps[i] {
	case mentorTalk, mentorTakeaways:
		return 2
	}
	return 1
}

func (m *mentoringModel) goTo(step, field int) tea.Cmd {
	if step < 0 || step >= len(m.steps) {
		return nil
	}
	m.step, m.field, m.err = step, field, ""
	m.stepped()
	return tea.Batch(m.enter(), m.saveDraft())
}

func (m *mentoringModel) next() tea.Cmd {
	if m.field+1 < m.fields(m.step) {
		m.field++
		return m.enter()
	}
	return m.goTo(m.step+1, 0)
}

func (m *mentoringModel) prev() tea.Cmd {
	if m.field > 0 {
		m.field--
		return m.enter()
	}
	if m.step == 0 {
		return m.leave()
	}
	return m.goTo(m.step-1, m.fields(m.step-1)-1)
}

func (m *mentoringModel) leave() tea.Cmd {
	if m.keep() {
		m.confirmLeave = true
		return nil
	}
	return closeWith(m, closeMsg{left: true})
}

// leftWithDraft closes the note unsaved, its text kept as a draft (when
// there is any).
func (m *mentoringModel) leftWithDraft() closeMsg {
	c := closeMsg{left: true}
	if m.keep() {
		c.draft = m.draft()
	}
	return c
}

func (m *mentoringModel) save() tea.Cmd {
	if m.saving {
		return nil
	}
	m.saving = true
	n, store, own, from := m.apply(), m.ctx.Store, m.draft(), m.resumedFrom
	return func() tea.Msg {
		if err := store.SaveMentoring(n); err != nil {
			return mentoringSavedMsg{err: err}
		}
		removeDrafts(store, own, from) // the text is in the file now
		return mentoringSavedMsg{m: n}
	}
}

func (m *mentoringModel) Update(msg tea.Msg) tea.Cmd {
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
	case draftSavedMsg:
		m.err = m.draftSaved(m.ctx, msg.err, m.err)
		return nil
	case mentoringSavedMsg:
		if msg.err == nil {
			return closeWith(m, closeMsg{saved: msg.m.Path, flash: m.ctx.T("today.saved", "Time", m.ctx.Now().Format("15:04"), "Path", msg.m.Path)})
		}
		m.saving = false
		store, day := m.ctx.Store, m.day
		var cmd tea.Cmd
		m.err, cmd = m.saveFailed(m.ctx, msg.err, m.saveDraft, func() tea.Msg {
			n, err := store.LoadMentoring(day)
			return mentoringReloadedMsg{n, err}
		})
		return cmd
	case mentoringReloadedMsg:
		if msg.err != nil {
			m.err = m.ctx.Lang.Describe(msg.err)
			return nil
		}
		// The file changed while the note was open: what the user wrote
		// goes on top of what is there now, and saving again works.
		m.rebase(msg.n)
		m.err = m.ctx.T("checkin.conflict")
		return m.enter()
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
		if msg.field >= 0 && msg.field < mentoringParts {
			m.text[msg.field].SetValue(strings.TrimRight(msg.text, "\n"))
		}
		return m.changed()
	case tea.MouseWheelMsg:
		if m.scrolls() {
			m.page.scroll(msg)
		}
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m.updateField(msg)
}

func (m *mentoringModel) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case m.resumeOffer != nil:
		discarding := m.confirmDiscard
		m.confirmDiscard = false // any key but x keeps the draft
		switch {
		case !discarding && m.offerKey(k, msg):
		case key.Matches(msg, k.Resume) && !discarding:
			m.resume(m.takeOffer())
			m.resumed()
			return tea.Batch(m.enter(), m.saveDraft())
		case key.Matches(msg, k.Discard) && discarding:
			// Only the draft picked goes; the others stay on offer.
			store, d, now := m.ctx.Store, m.dropOffer(), m.ctx.Now()
			trash := func() tea.Msg { return draftSavedMsg{store.TrashDraft(d, now)} }
			if m.resumeOffer != nil {
				return trash
			}
			return tea.Batch(m.enter(), trash)
		case key.Matches(msg, k.Discard):
			m.confirmDiscard = true
		case key.Matches(msg, k.Back):
			return closeWith(m, m.leftWithDraft())
		}
		return nil
	case m.confirmLeave:
		switch {
		case key.Matches(msg, k.Yes):
			m.confirmLeave = false
			m.forceDraft()
			c := m.leftWithDraft()
			c.from = m
			return thenLeave(m.saveDraft(), c)
		case key.Matches(msg, k.No):
			m.confirmLeave = false
		}
		return nil
	}
	if key.Matches(msg, k.Save) {
		if m.current() == mentorPreview {
			return m.save()
		}
		return m.goTo(len(m.steps)-1, 0)
	}
	switch {
	case key.Matches(msg, k.NextField):
		return m.next()
	case key.Matches(msg, k.PrevField):
		return m.prev()
	case key.Matches(msg, k.Back):
		if m.step == 0 {
			return m.leave()
		}
		return m.goTo(m.step-1, 0)
	}
	if i := m.focused(); i >= 0 {
		switch {
		case key.Matches(msg, k.Private):
			m.private[i] = !m.private[i]
			return m.changed()
		case key.Matches(msg, k.Editor):
			return editText(m.ctx, i, fmt.Sprintf("mentoring-%s-%d.md", m.day, i), m.text[i].Value())
		}
		return m.updateField(msg)
	}
	switch m.current() {
	case mentorTakeaways: // the mentor's name
		if key.Matches(msg, k.Next) {
			return m.next()
		}
		return m.updateField(msg)
	case mentorAnswered:
		switch {
		case key.Matches(msg, k.Up):
			m.cursor = max(0, m.cursor-1)
		case key.Matches(msg, k.Down):
			m.cursor = min(len(m.open)-1, m.cursor+1)
		case key.Matches(msg, k.Toggle):
			m.answered[m.cursor] = !m.answered[m.cursor]
			return m.changed()
		case key.Matches(msg, k.Next):
			return m.next()
		}
	case mentorPreview:
		if key.Matches(msg, k.Next) {
			return m.save()
		}
		m.page.scroll(msg)
	}
	return nil
}

func (m *mentoringModel) updateField(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if i := m.focused(); i >= 0 {
		before := m.text[i].Value()
		m.text[i], cmd = m.text[i].Update(msg)
		if m.text[i].Value() != before {
			return tea.Batch(cmd, m.changed())
		}
		return cmd
	}
	if m.current() == mentorTakeaways {
		before := m.mentor.Value()
		m.mentor, cmd = m.mentor.Update(msg)
		if m.mentor.Value() != before {
			return tea.Batch(cmd, m.changed())
		}
	}
	return cmd
}

func (m *mentoringModel) help() bindings {
	k, t := m.ctx.Keys, m.ctx.T
	as := func(b key.Binding, desc string) key.Binding {
		b.SetHelp(b.Help().Key, t(desc))
		return b
	}
	shown := func(keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, t(desc)))
	}
	one := func(short ...key.Binding) bindings { return bindings{short: short, full: [][]key.Binding{short}} }
	save := as(k.Save, "key.to_preview")
	switch {
	case m.resumeOffer != nil && m.confirmDiscard:
		return one(as(k.Discard, "key.discard_sure"), shown("…", "key.keep_draft"))
	case m.resumeOffer != nil && len(m.offers) > 1:
		return one(shown("↑/↓", "key.pick_draft"), shown("r/enter", "key.resume"), k.Discard, as(k.Back, "key.leave"))
	case m.resumeOffer != nil:
		return one(shown("r/enter", "key.resume"), k.Discard, as(k.Back, "key.leave"))
	case m.confirmLeave:
		return one(as(k.Yes, "key.leave"), shown("n/esc", "key.no"))
	case m.current() == mentorPreview:
		return bindings{short: []key.Binding{k.Save, k.Back}, full: [][]key.Binding{{as(k.Next, "key.save"), k.Save, k.Back}, {k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}}}
	case m.current() == mentorAnswered:
		return one(k.Up, k.Down, k.Toggle, k.NextField, k.PrevField, save, k.Back)
	case m.focused() < 0:
		return one(k.NextField, k.PrevField, save, k.Back)
	}
	short := []key.Binding{k.NextField, k.PrevField, k.Private, editorKey(m.ctx, m.text[m.focused()]), save, k.Back}
	return bindings{short: short, full: [][]key.Binding{short, {shown("enter", "key.newline")}}}
}

func (m *mentoringModel) View() string {
	ctx, st := m.ctx, m.ctx.Styles
	var body string
	field := func(i int, focused bool) string {
		title := st.Faint
		if focused {
			title = st.Title
		}
		head := title.Width(ctx.ContentWidth()).Render(m.heading(i))
		if m.private[i] {
			head += "\n" + st.Private.Render("🔒 "+ctx.T("private.label"))
		}
		return head + "\n" + m.text[i].View()
	}
	switch {
	case m.resumeOffer != nil:
		prompt := ctx.T("draft.resume_or_discard")
		if m.confirmDiscard {
			prompt = st.Warning.Render(ctx.T("draft.discard_confirm"))
		}
		title := st.Title.Render(ctx.T("mentoring.draft_found"))
		if list := offerList(ctx, &m.draftState); list != "" {
			title = st.Title.Render(ctx.T("draft.found_many_mentoring", "N", len(m.offers))) + "\n\n" + list
		}
		body = indent(title + "\n\n" + prompt)
	case m.current() == mentorTalk:
		body = indent(field(partDiscussed, m.field == 0) + "\n\n" + field(partSuggested, m.field == 1))
	case m.current() == mentorTakeaways:
		name := st.Faint
		if m.field == 1 {
			name = st.Title
		}
		body = indent(field(partTakeaways, m.field == 0) + "\n\n" + name.Render(ctx.T("mentoring.mentor")) + "\n" + m.mentor.View())
	case m.current() == mentorAnswered:
		body = indent(m.viewAnswered())
	default:
		body = m.page.View()
	}
	if m.confirmLeave {
		body = dialog(ctx, ctx.T("checkin.leave_confirm"))
	}
	n, i := len(m.steps), m.step+1
	bar := strings.Repeat("▰", i) + strings.Repeat("▱", n-i)
	right := st.Progress.Render(bar) + "  " + st.Faint.Render(ctx.T("checkin.step_of", "N", i, "Of", n)) + " "
	left := " " + st.Title.Render(ctx.T("mentoring.title")) + st.Faint.Render(" · "+ctx.DayMonth(m.day))
	view := spread(truncate(left, ctx.Width-lipgloss.Width(right)-1), right, ctx.Width) + "\n\n" + body
	var status string
	if m.err != "" {
		status = st.Error.Width(ctx.Width - 2).Render("! " + m.err)
	} else if m.saving {
		status = st.Faint.Render(ctx.T("checkin.saving"))
	}
	return withStatus(ctx, view, status)
}

func (m *mentoringModel) viewAnswered() string {
	ctx, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(ctx.T("mentoring.answered_question")) + "\n\n")
	for i, q := range m.open {
		box := "[ ]"
		if m.answered[i] {
			box = "[✓]"
		}
		marker, style := "  ", st.Text
		if i == m.cursor {
			marker, style = "› ", st.Highlight
		}
		line := marker + box + " " + q.Text
		if q.Week.Number > 0 {
			line += st.Faint.Render("  (" + ctx.T("export.week_n", "N", q.Week.Number) + ")")
		}
		b.WriteString(style.Render(truncate(line, ctx.ContentWidth())) + "\n")
	}
	return b.String()
}
