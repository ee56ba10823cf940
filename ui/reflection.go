package ui

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/journal"
	"tillit/report"
)

// The parts of a weekly reflection. The later ones were added after the
// first four: a draft lists its parts in this order.
const (
	partWentWell = iota
	partLearned
	partFocus // why this tip: the tip itself is chosen beside it
	partMentor
	partHard    // what was hard, and what I did
	partControl // where I chose control where I could have shown trust
	partNext    // what I will try, and how I will notice it works
	parts
)

// The steps of the reflection: what went well and what I learned; what was
// hard and where I chose control; the focus; what I will try; the
// questions for the mentor; the preview.
const (
	reflectAnswers = iota
	reflectHard
	reflectFocus
	reflectNext
	reflectMentor
	reflectPreview
	reflectSteps
)

// Messages of the reflection.
type (
	reflectionReadyMsg struct {
		base   *journal.Reflection
		drafts []*journal.Draft
		err    error
	}
	reflectionSavedMsg struct {
		r   *journal.Reflection
		err error
	}
)

// reflectionModel writes the weekly reflection: what went well, what I
// learned, what was hard, where I chose control, which tip to focus on next
// week and what I will try, questions for my mentor. It is
// saved as YYYY/YYYY-Www.md; opening it again edits that file.
type reflectionModel struct {
	ctx  *Context
	week journal.Week
	base *journal.Reflection

	step  int
	field int // the focused field of the step: 0 or 1

	text     [parts]textField
	headings [parts]string // the sections' headings, as the file has them
	private  [parts]bool
	focus    int // the focus tip; 0 for none

	loadedText    [parts]string
	loadedPrivate [parts]bool

	page pager

	confirmDiscard bool
	confirmLeave   bool

	err string

	draftState
}

// loadReflection reads the week's reflection and its draft, in a command.
func loadReflection(store *journal.Store, w journal.Week) tea.Cmd {
	return func() tea.Msg {
		r, err := store.LoadReflection(w)
		if err != nil {
			return reflectionReadyMsg{err: err}
		}
		d, _, err := store.DraftsFor(&journal.Draft{Day: w.Monday(), Week: w.String()})
		if err != nil {
			return reflectionReadyMsg{err: err}
		}
		return reflectionReadyMsg{base: r, drafts: d}
	}
}

func newReflection(ctx *Context, base *journal.Reflection, drafts []*journal.Draft) *reflectionModel {
	m := &reflectionModel{ctx: ctx, week: base.Week, base: base, page: newPager(ctx)}
	m.draftState = newDraftState(ctx, "week-"+base.Week.String())
	placeholders := [parts]string{"reflection.went_well_hint", "reflection.learned_hint", "reflection.focus_hint", "reflection.mentor_hint",
		"reflection.hard_hint", "reflection.control_hint", "reflection.next_hint"}
	ids := [parts]string{"reflection.went_well", "reflection.learned", "reflection.focus", "reflection.mentor",
		"reflection.hard", "reflection.control", "reflection.next"}
	for i := range m.text {
		m.headings[i] = sectionHeading(ctx, base.Body, ids[i])
		m.text[i] = newTextArea(ctx, ctx.T(placeholders[i]))
		if a, ok := base.Body.Answer(m.headings[i]); ok {
			m.text[i].SetValue(m.fromFile(i, a.Text))
			m.private[i] = a.Private
		}
	}
	// The list in the front matter, unless the section holds the questions
	// (perhaps added by hand).
	if _, ok := base.Body.Answer(m.headings[partMentor]); !ok && len(base.MentorQuestions) > 0 {
		m.text[partMentor].SetValue(strings.Join(base.MentorQuestions, "\n"))
	}
	m.focus = base.FocusTip
	for i := range m.text {
		m.loadedText[i], m.loadedPrivate[i] = m.text[i].Value(), m.private[i]
	}
	m.offer(drafts)
	m.resize()
	return m
}

// heading is the section heading of part i, as written in the file.
func (m *reflectionModel) heading(i int) string { return m.headings[i] }

var (
	focusLine  = regexp.MustCompile(`^\d+ · [^\n]*\n*`)
	bulletLine = regexp.MustCompile(`(?m)^\s*[-*] `)
)

// fromFile turns a section's text into what its field shows: the focus
// section starts with the tip's name (written for the reader of the file),
// the mentor questions are a list.
func (m *reflectionModel) fromFile(i int, text string) string {
	switch i {
	case partFocus:
		return focusLine.ReplaceAllString(text, "")
	case partMentor:
		return bulletLine.ReplaceAllString(text, "")
	}
	return text
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
// Fields the user did not touch stay as the file had them.
func (m *reflectionModel) apply() *journal.Reflection {
	r := m.base.Clone()
	changed := func(i int) bool {
		return m.text[i].Value() != m.loadedText[i] || m.private[i] != m.loadedPrivate[i]
	}
	// A new section goes after the others: set in the order they are asked.
	for _, i := range []int{partWentWell, partLearned, partHard, partControl} {
		if changed(i) {
			r.Body.SetAnswer(m.heading(i), m.text[i].Value(), m.private[i])
		}
	}
	if changed(partFocus) || m.focus != m.base.FocusTip {
		text := strings.TrimSpace(m.text[partFocus].Value())
		if t, ok := m.ctx.Pack.Tip(m.focus); ok {
			text = strings.TrimSpace(fmt.Sprintf("%d · %s\n\n%s", t.Number, t.Title, text))
		}
		r.Body.SetAnswer(m.heading(partFocus), text, m.private[partFocus])
	}
	if changed(partNext) {
		r.Body.SetAnswer(m.heading(partNext), m.text[partNext].Value(), m.private[partNext])
	}
	r.FocusTip = m.focus
	if m.focus > 0 && !m.ctx.Pack.IsBuiltin() {
		r.Pack = m.ctx.Pack.ID
	}
	if changed(partMentor) {
		qs := m.mentorQuestions()
		var list strings.Builder
		for _, q := range qs {
			list.WriteString("- " + q + "\n")
		}
		r.Body.SetAnswer(m.heading(partMentor), list.String(), m.private[partMentor])
		// A private question stays out of the front matter, which exports read.
		r.MentorQuestions = qs
		if m.private[partMentor] {
			r.MentorQuestions = nil
		}
	}
	return r
}

// reflectionReloadedMsg carries the week's reflection read again after a
// conflict.
type reflectionReloadedMsg struct {
	r   *journal.Reflection
	err error
}

// rebase puts what the user wrote on top of the reflection as the file has
// it now: a part only one side changed takes that side's text; a part both
// changed holds both, the file's first.
func (m *reflectionModel) rebase(r *journal.Reflection) {
	if m.focus == m.base.FocusTip { // not changed here: the file's choice
		m.focus = r.FocusTip
	}
	m.base = r
	for i := range m.text {
		theirs, theirsPrivate := "", false
		if a, ok := r.Body.Answer(m.headings[i]); ok {
			theirs, theirsPrivate = m.fromFile(i, a.Text), a.Private
		} else if i == partMentor && len(r.MentorQuestions) > 0 {
			theirs = strings.Join(r.MentorQuestions, "\n")
		}
		text, private := mergePart(m.loadedText[i], m.loadedPrivate[i], m.text[i].Value(), m.private[i], theirs, theirsPrivate)
		m.text[i].SetValue(text)
		m.private[i] = private
		m.loadedText[i], m.loadedPrivate[i] = theirs, theirsPrivate
	}
	m.changeGen++ // the draft follows
}

func (m *reflectionModel) draft() *journal.Draft {
	d := &journal.Draft{Day: m.week.Monday(), Week: m.week.String(), Tip: m.focus, Step: m.step, Updated: m.ctx.Now(), ID: m.id}
	for i := range m.text {
		d.Answers = append(d.Answers, journal.DraftAnswer{Question: m.heading(i), Text: m.text[i].Value(), Private: m.private[i], Base: m.loadedText[i]})
	}
	return d
}

func (m *reflectionModel) resume(d *journal.Draft) {
	for i, a := range d.Answers {
		if i < parts {
			m.text[i].SetValue(resumedText(a, m.text[i].Value()))
			m.private[i] = a.Private
		}
	}
	m.focus = d.Tip
	m.step = min(max(d.Step, 0), reflectSteps-1)
}

func (m *reflectionModel) scrolls() bool { return m.step == reflectPreview && m.resumeOffer == nil }

func (m *reflectionModel) saveDraft() tea.Cmd { return m.saveDraftOf(m.ctx.Store, m.draft) }

func (m *reflectionModel) Init() tea.Cmd { return m.enter() }

func (m *reflectionModel) resize() {
	w := m.ctx.ContentWidth()
	for i := range m.text {
		m.text[i].SetWidth(w)
	}
	h := max(2, (m.ctx.Height-12)/2)
	for _, i := range []int{partWentWell, partLearned, partHard, partControl} {
		m.text[i].SetHeight(h)
	}
	m.text[partFocus].SetHeight(max(2, m.ctx.Height-14))
	m.text[partMentor].SetHeight(max(2, m.ctx.Height-10))
	m.text[partNext].SetHeight(max(2, m.ctx.Height-10))
	m.page.setSize(m.ctx.Width, m.ctx.Height-4)
}

func (m *reflectionModel) rerender() tea.Cmd {
	m.resize()
	return m.page.rerender()
}

func (m *reflectionModel) restyle() {
	for i := range m.text {
		m.text[i].SetStyles(m.ctx.Styles.Textarea)
	}
}

// current is the text field with the focus, or -1 (the tip chooser, the
// preview).
func (m *reflectionModel) current() int {
	switch m.step {
	case reflectAnswers:
		return partWentWell + m.field
	case reflectHard:
		return partHard + m.field
	case reflectNext:
		return partNext
	case reflectFocus:
		if m.field == 1 {
			return partFocus
		}
	case reflectMentor:
		return partMentor
	}
	return -1
}

func (m *reflectionModel) inText() bool {
	return m.resumeOffer == nil && !m.confirmLeave && m.current() >= 0
}

// enter focuses the step's field and renders the preview.
func (m *reflectionModel) enter() tea.Cmd {
	for i := range m.text {
		m.text[i].Blur()
	}
	if i := m.current(); i >= 0 {
		return m.text[i].Focus()
	}
	if m.step == reflectPreview {
		r := m.apply()
		r.Body = previewBody(m.ctx, r.Body)
		md := report.Reflection(r, reportOptions(m.ctx, true))
		return m.page.show("reflection", md, true)
	}
	return nil
}

func (m *reflectionModel) goTo(step, field int) tea.Cmd {
	if step < 0 || step >= reflectSteps {
		return nil
	}
	m.step, m.field = step, field
	m.err = ""
	m.stepped()
	return tea.Batch(m.enter(), m.saveDraft())
}

// fields is how many fields step s has.
func fieldsOf(step int) int {
	switch step {
	case reflectAnswers, reflectHard, reflectFocus:
		return 2
	case reflectMentor, reflectNext:
		return 1
	}
	return 0
}

func (m *reflectionModel) next() tea.Cmd {
	if m.field+1 < fieldsOf(m.step) {
		m.field++
		return m.enter()
	}
	return m.goTo(m.step+1, 0)
}

func (m *reflectionModel) prev() tea.Cmd {
	if m.field > 0 {
		m.field--
		return m.enter()
	}
	if m.step == 0 {
		return m.leave()
	}
	return m.goTo(m.step-1, max(0, fieldsOf(m.step-1)-1))
}

func (m *reflectionModel) leave() tea.Cmd {
	if m.keep() {
		m.confirmLeave = true
		return nil
	}
	return closeWith(m, closeMsg{left: true})
}

func (m *reflectionModel) save() tea.Cmd {
	if m.saving {
		return nil
	}
	m.saving = true
	r, store, own, from := m.apply(), m.ctx.Store, m.draft(), m.resumedFrom
	return func() tea.Msg {
		if err := store.SaveReflection(r); err != nil {
			return reflectionSavedMsg{err: err}
		}
		removeDrafts(store, own, from) // the text is in the file now
		return reflectionSavedMsg{r: r}
	}
}

func (m *reflectionModel) Update(msg tea.Msg) tea.Cmd {
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
	case reflectionSavedMsg:
		if msg.err == nil {
			return closeWith(m, closeMsg{saved: msg.r.Path, flash: m.ctx.T("review.reflection_saved", "Path", msg.r.Path)})
		}
		m.saving = false
		store, w := m.ctx.Store, m.week
		var cmd tea.Cmd
		m.err, cmd = m.saveFailed(m.ctx, msg.err, m.saveDraft, func() tea.Msg {
			r, err := store.LoadReflection(w)
			return reflectionReloadedMsg{r, err}
		})
		return cmd
	case reflectionReloadedMsg:
		if msg.err != nil {
			m.err = m.ctx.Lang.Describe(msg.err)
			return nil
		}
		// The file changed while the reflection was open: what the user
		// wrote goes on top of what is there now, and saving again works.
		m.rebase(msg.r)
		m.err = m.ctx.T("checkin.conflict")
		if m.step == reflectPreview {
			return m.enter() // the preview shows the merge
		}
		return nil
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
		if msg.field >= 0 && msg.field < parts {
			m.text[msg.field].SetValue(strings.TrimRight(msg.text, "\n"))
		}
		return m.changed()
	case tea.MouseWheelMsg:
		if m.step == reflectPreview {
			m.page.scroll(msg)
		}
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m.updateField(msg)
}

func (m *reflectionModel) key(msg tea.KeyPressMsg) tea.Cmd {
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
			return nil
		case key.Matches(msg, k.Back):
			return closeWith(m, closeMsg{left: true})
		}
		return nil
	case m.confirmLeave:
		switch {
		case key.Matches(msg, k.Yes):
			m.confirmLeave = false
			m.changeGen++
			return thenLeave(m.saveDraft(), closeMsg{from: m, left: true})
		case key.Matches(msg, k.No):
			m.confirmLeave = false
		}
		return nil
	}
	if key.Matches(msg, k.Save) {
		if m.step == reflectPreview {
			return m.save()
		}
		return m.goTo(reflectPreview, 0)
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
	if i := m.current(); i >= 0 {
		switch {
		case key.Matches(msg, k.Private):
			m.private[i] = !m.private[i]
			return m.changed()
		case key.Matches(msg, k.Editor):
			return editText(m.ctx, i, fmt.Sprintf("week-%s-%d.md", m.week, i), m.text[i].Value())
		}
		return m.updateField(msg)
	}
	switch m.step {
	case reflectFocus: // the tip chooser has the focus
		n := m.ctx.Pack.Count()
		switch {
		case key.Matches(msg, k.Left, k.Up):
			m.focus = (m.focus + n) % (n + 1)
			return m.changed()
		case key.Matches(msg, k.Right, k.Down):
			m.focus = (m.focus + 1) % (n + 1)
			return m.changed()
		case key.Matches(msg, k.NoEnergy):
			m.focus = 0
			return m.changed()
		case key.Matches(msg, k.Next):
			return m.next()
		}
	case reflectPreview:
		if key.Matches(msg, k.Next) {
			return m.save()
		}
		m.page.scroll(msg)
	}
	return nil
}

func (m *reflectionModel) updateField(msg tea.Msg) tea.Cmd {
	i := m.current()
	if i < 0 {
		return nil
	}
	before := m.text[i].Value()
	var cmd tea.Cmd
	m.text[i], cmd = m.text[i].Update(msg)
	if m.text[i].Value() != before {
		return tea.Batch(cmd, m.changed())
	}
	return cmd
}

func (m *reflectionModel) help() bindings {
	k, t := m.ctx.Keys, m.ctx.T
	as := func(b key.Binding, desc string) key.Binding {
		b.SetHelp(b.Help().Key, t(desc))
		return b
	}
	shown := func(keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, t(desc)))
	}
	one := func(short ...key.Binding) bindings { return bindings{short: short, full: [][]key.Binding{short}} }
	switch {
	case m.resumeOffer != nil && m.confirmDiscard:
		return one(as(k.Discard, "key.discard_sure"), shown("…", "key.keep_draft"))
	case m.resumeOffer != nil && len(m.offers) > 1:
		return one(shown("↑/↓", "key.pick_draft"), k.Resume, as(k.Discard, "key.discard"), as(k.Back, "key.leave"))
	case m.resumeOffer != nil:
		return one(k.Resume, as(k.Discard, "key.discard"), as(k.Back, "key.leave"))
	case m.confirmLeave:
		return one(as(k.Yes, "key.leave"), k.No)
	case m.step == reflectPreview:
		return bindings{short: []key.Binding{k.Save, k.Back}, full: [][]key.Binding{{as(k.Next, "key.save"), k.Save, k.Back}, {k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}}}
	case m.current() < 0:
		return one(shown("←/→", "key.choose_focus"), shown("-", "key.no_focus"), k.NextField, k.PrevField, as(k.Save, "key.to_preview"), k.Back)
	}
	short := []key.Binding{k.NextField, k.PrevField, k.Private, editorKey(m.ctx, m.text[m.current()]), as(k.Save, "key.to_preview"), k.Back}
	return bindings{short: short, full: [][]key.Binding{short, {shown("enter", "key.newline")}}}
}

func (m *reflectionModel) View() string {
	ctx, st := m.ctx, m.ctx.Styles
	var body string
	switch {
	case m.resumeOffer != nil:
		prompt := ctx.T("draft.resume_or_discard")
		if m.confirmDiscard {
			prompt = st.Warning.Render(ctx.T("draft.discard_confirm"))
		}
		title := st.Title.Render(ctx.T("reflection.draft_found"))
		if list := offerList(ctx, &m.draftState); list != "" {
			title = st.Title.Render(ctx.T("draft.found_many_week", "N", len(m.offers))) + "\n\n" + list
		}
		body = indent(title + "\n\n" + prompt)
	case m.step == reflectPreview:
		body = m.page.View()
	case m.step == reflectAnswers:
		body = indent(m.viewField(partWentWell, m.field == 0) + "\n\n" + m.viewField(partLearned, m.field == 1))
	case m.step == reflectHard:
		body = indent(m.viewField(partHard, m.field == 0) + "\n\n" + m.viewField(partControl, m.field == 1))
	case m.step == reflectFocus:
		body = indent(m.viewChooser() + "\n\n" + m.viewField(partFocus, m.field == 1))
	case m.step == reflectNext:
		body = indent(m.viewField(partNext, true))
	case m.step == reflectMentor:
		body = indent(m.viewField(partMentor, true) + "\n" + st.Faint.Render(ctx.T("reflection.mentor_note")))
	}
	if m.confirmLeave {
		body = dialog(ctx, ctx.T("checkin.leave_confirm"))
	}
	n, i := reflectSteps, m.step+1
	bar := strings.Repeat("▰", i) + strings.Repeat("▱", n-i)
	right := st.Progress.Render(bar) + "  " + st.Faint.Render(ctx.T("checkin.step_of", "N", i, "Of", n)) + " "
	left := " " + st.Title.Render(ctx.T("reflection.title")) + st.Faint.Render(" · "+report.WeekTitle(m.week, ctx.Lang))
	view := spread(truncate(left, ctx.Width-lipgloss.Width(right)-1), right, ctx.Width) + "\n\n" + body
	var status string
	if m.err != "" {
		status = st.Error.Width(ctx.Width - 2).Render("! " + m.err)
	} else if m.saving {
		status = st.Faint.Render(ctx.T("checkin.saving"))
	}
	return withStatus(ctx, view, status)
}

func (m *reflectionModel) viewField(i int, focused bool) string {
	st := m.ctx.Styles
	title := st.Faint
	if focused {
		title = st.Title
	}
	head := title.Width(m.ctx.ContentWidth()).Render(m.heading(i))
	if m.private[i] {
		head += "\n" + st.Private.Render("🔒 "+m.ctx.T("private.label"))
	}
	return head + "\n" + m.text[i].View()
}

func (m *reflectionModel) viewChooser() string {
	ctx, st := m.ctx, m.ctx.Styles
	title := st.Faint
	if m.field == 0 {
		title = st.Title
	}
	choice := "– " + ctx.T("reflection.no_focus")
	if t, ok := ctx.Pack.Tip(m.focus); ok {
		choice = fmt.Sprintf("%d · %s", t.Number, t.Short)
	}
	style := st.Text
	if m.field == 0 {
		style = st.Chosen
	}
	return title.Render(ctx.T("reflection.focus_choose")) + "\n\n  ‹ " + style.Render(" "+choice+" ") + " ›"
}

// indent moves every line two columns right.
func indent(s string) string { return "  " + strings.ReplaceAll(s, "\n", "\n  ") }

// editText opens a field's text in the user's editor; the answer comes back
// as an editedTextMsg for field.
func editText(ctx *Context, field int, name, text string) tea.Cmd {
	store, editor, t := ctx.Store, ctx.Editor, ctx.T
	return func() tea.Msg {
		if !editorExists(editor) {
			return editorReadyMsg{field: field, err: errors.New(t("editor.not_found", "Editor", editor))}
		}
		path, err := store.WriteScratch(name, text)
		return editorReadyMsg{field, path, err}
	}
}
