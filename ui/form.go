package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/journal"
)

// A form is a document written in steps: the check-in, the weekly
// reflection, the mentoring note. It does what the three share, once: the
// steps and their fields, moving between them, the drafts (kept while the
// user types, offered when the document is opened again), the editor, a
// save that fails, the merge when the file changed meanwhile, and the
// question before leaving. Each document is a small spec: its steps, how
// its fields become the file and a draft, and its preview.
//
// A screen embeds the form and hands it itself as the document:
//
//	m.form = newForm(ctx, m, "week-2026-W48")
type form struct {
	ctx   *Context
	doc   document
	steps []*formStep
	step  int
	field int
	page  pager // a page step's page: the tip, the preview

	confirmDiscard bool // x once on a draft on offer: x again discards it
	confirmLeave   bool
	err            string

	draftState
}

// document is what a form writes.
type document interface {
	screen
	// header names the document, what it is about and its day, for the
	// form's top line.
	header() (title, about, day string)
	// toDraft is what is written so far, for a draft (the form adds where
	// the user is); fromDraft takes a draft's text back.
	toDraft() *journal.Draft
	fromDraft(*journal.Draft)
	// preview is the document as it will be saved, in markdown.
	preview() string
	// write is the saving of the document as it stands, to run in a
	// command: it writes the file and returns what was written and its
	// path. An error says why there is nothing to save.
	write() (func(*journal.Store) (any, string, error), error)
	// reread reads the file again after a conflict, in a command; the
	// function it returns lays what the user wrote over it, in Update.
	reread() func(*journal.Store) (func(), error)
	// saved is what the screen below says once the file is written.
	saved(path string) string
	// offered is the title of the offer of n drafts left unfinished.
	offered(n int, d *journal.Draft) string
}

// formStep is one screen of a form: fields, or a page (the tip, the
// preview).
type formStep struct {
	id     int // the document's name for the step
	fields []field
	// page, for a page step, is its markdown.
	page func() string
	// view draws the step when it is not its fields one under the other;
	// note is a line under them.
	view func() string
	note string
	// keys are the step's own keys, besides its fields' and the form's.
	keys func() []action
	// enter, when set, runs as the step is shown.
	enter func()
}

// action is a key and what it does. The form finds what a key does in the
// same list the help shows: the help never names a key that does nothing,
// and no key does something the help does not say.
type action struct {
	key key.Binding
	// do is what the key does; nil passes the key on to the field (enter,
	// a new line in a part).
	do func(tea.KeyPressMsg) tea.Cmd
	// more is shown in the full help only.
	more bool
	// rank is how soon the footer leaves the key out when the window is
	// narrow (bindings.rank): the form's moves and the save stay longest,
	// then the step's own keys, then the field's. 0 is unset: the form
	// gives it by where the key comes from; -1 is first of all.
	rank int
}

// Messages of a form.
type (
	// docSavedMsg says how saving the document went; doc is what was
	// written.
	docSavedMsg struct {
		doc  any
		path string
		err  error
	}
	// docRereadMsg carries the document read again after a conflict.
	docRereadMsg struct {
		rebase func()
		err    error
	}
)

func newForm(ctx *Context, doc document, owner string) form {
	return form{ctx: ctx, doc: doc, page: newPager(ctx), draftState: newDraftState(ctx, owner)}
}

// start offers the drafts left unfinished and lays the form out; the
// document's steps are set.
func (f *form) start(drafts []*journal.Draft) {
	f.offer(drafts)
	f.resize()
}

func (f *form) cur() *formStep { return f.steps[f.step] }

// formOf is the form a document's screen embeds.
func (f *form) formOf() *form { return f }

// focused is the field with the focus; nil on a page.
func (f *form) focused() field {
	if st := f.cur(); f.field < len(st.fields) {
		return st.fields[f.field]
	}
	return nil
}

func (f *form) atPreview() bool { return f.step == len(f.steps)-1 }

// Init shows the first step; a notice set while opening stays on screen.
func (f *form) Init() tea.Cmd {
	notice := f.err
	cmd := f.enter()
	f.err = notice
	return cmd
}

// enter focuses the step's field and asks for its page.
func (f *form) enter() tea.Cmd {
	f.err = ""
	for _, st := range f.steps {
		for _, fl := range st.fields {
			fl.blur()
		}
	}
	st := f.cur()
	f.field = min(f.field, max(0, len(st.fields)-1))
	if st.enter != nil {
		st.enter()
	}
	if st.page != nil {
		return f.showPage()
	}
	if fl := f.focused(); fl != nil {
		f.layoutStep(st)
		return fl.focus()
	}
	return nil
}

// toStep goes to step i, at field fi (-1: its last).
func (f *form) toStep(i, fi int) tea.Cmd {
	if i < 0 || i >= len(f.steps) || i == f.step && fi == f.field {
		return nil
	}
	f.step = i
	f.field = fi
	if fi < 0 {
		f.field = max(0, len(f.cur().fields)-1)
	}
	f.stepped()
	return tea.Batch(f.enter(), f.saveDraft())
}

// toField moves the focus within the step.
func (f *form) toField(i int) tea.Cmd {
	if i < 0 || i >= len(f.cur().fields) {
		return nil
	}
	f.focused().blur()
	f.field = i
	f.layoutStep(f.cur())
	return f.focused().focus()
}

// next is the next field, or the next step; prev the field before, or the
// step before at its last field, or leaving from the first.
func (f *form) next() tea.Cmd {
	if f.field+1 < len(f.cur().fields) {
		return f.toField(f.field + 1)
	}
	return f.toStep(f.step+1, 0)
}

func (f *form) prev() tea.Cmd {
	if f.field > 0 {
		return f.toField(f.field - 1)
	}
	return f.back()
}

// back is the step before, at its last field, as shift+tab through the
// fields would go; from the first step it is leaving.
func (f *form) back() tea.Cmd {
	if f.step == 0 {
		return f.leave()
	}
	return f.toStep(f.step-1, -1)
}

// leave closes the form, asking first when text would only live on as a
// draft.
func (f *form) leave() tea.Cmd {
	if f.keep() {
		f.confirmLeave = true
		return nil
	}
	return closeWith(f.doc, closeMsg{left: true})
}

// changed records an edit: a draft follows, and the layout (a part made
// private) and the page may change with it.
func (f *form) changed() tea.Cmd {
	return tea.Batch(f.draftState.changed(), f.showPage())
}

// showPage shows the page of a page step as it is now.
func (f *form) showPage() tea.Cmd {
	st := f.cur()
	if st.page == nil {
		return nil
	}
	return f.page.show(fmt.Sprint("step", st.id), st.page())
}

// previewStep is the last step of every form: the document as it will be
// saved, which enter saves.
func (f *form) previewStep(id int, keys ...action) *formStep {
	k, t := f.ctx.Keys, f.ctx.T
	return &formStep{id: id, page: f.doc.preview, keys: func() []action {
		return append([]action{
			{key: withDesc(k.Next, t("key.save")), do: func(tea.KeyPressMsg) tea.Cmd { return f.save() }, more: true},
			{key: k.PrevField, do: func(tea.KeyPressMsg) tea.Cmd { return f.back() }, more: true},
		}, keys...)
	}}
}

// draft is the document's draft with where the user is in it.
func (f *form) draft() *journal.Draft {
	d := f.doc.toDraft()
	d.Step, d.Field, d.Updated, d.ID = f.step, f.field, f.ctx.Now(), f.id
	return d
}

func (f *form) saveDraft() tea.Cmd { return f.saveDraftOf(f.ctx.Store, f.draft) }

func (f *form) resume(d *journal.Draft) tea.Cmd {
	f.doc.fromDraft(d)
	f.resumed()
	f.step = min(max(d.Step, 0), len(f.steps)-1)
	f.field = max(d.Field, 0)
	f.resize()
	return tea.Batch(f.enter(), f.saveDraft())
}

// save writes the document, in a command.
func (f *form) save() tea.Cmd {
	if f.saving {
		return nil
	}
	write, err := f.doc.write()
	if err != nil {
		f.err = err.Error()
		return nil
	}
	f.saving, f.err = true, ""
	store, own, from := f.ctx.Store, f.draft(), f.resumedFrom
	return func() tea.Msg {
		doc, path, err := write(store)
		if err != nil {
			return docSavedMsg{err: err}
		}
		// The text is in the file: a draft left behind would only offer
		// it again. Only this screen's: another window's stays.
		removeDrafts(store, own, from)
		return docSavedMsg{doc: doc, path: path}
	}
}

// edit opens a field's text in the user's editor.
func (f *form) edit(e editable) tea.Cmd {
	i := f.indexOf(e)
	return editText(f.ctx, i, fmt.Sprintf("%s-%d.md", f.owner, i), e.value())
}

// indexOf numbers the fields of every step, for the editor's message.
func (f *form) indexOf(target field) int {
	i := 0
	for _, st := range f.steps {
		for _, fl := range st.fields {
			if fl == target {
				return i
			}
			i++
		}
	}
	return -1
}

func (f *form) fieldAt(n int) field {
	for _, st := range f.steps {
		if n < len(st.fields) {
			return st.fields[n]
		}
		n -= len(st.fields)
	}
	return nil
}

func (f *form) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case renderedMsg:
		if err := f.page.rendered(msg); err != nil {
			f.err = err.Error()
		}
		return nil
	case draftTickMsg:
		if f.due(msg) {
			return f.saveDraft()
		}
		return nil
	case draftSavedMsg:
		f.err = f.draftSaved(f.ctx, msg.err, f.err)
		return nil
	case docSavedMsg:
		if msg.err == nil {
			// Still saving until closed: a quit waiting for the save ends
			// with it.
			return closeWith(f.doc, closeMsg{saved: msg.path, flash: f.doc.saved(msg.path)})
		}
		f.saving = false
		reread, store := f.doc.reread(), f.ctx.Store
		var cmd tea.Cmd
		f.err, cmd = f.saveFailed(f.ctx, msg.err, f.saveDraft, func() tea.Msg {
			rebase, err := reread(store)
			return docRereadMsg{rebase, err}
		})
		return cmd
	case docRereadMsg:
		if msg.err != nil {
			f.err = f.ctx.Lang.Describe(msg.err)
			return nil
		}
		// The file changed while the document was open: what the user
		// wrote goes on top of what is there now, and saving again works.
		msg.rebase()
		f.forceDraft() // the draft follows
		cmd := f.enter()
		f.err = f.ctx.T("checkin.conflict")
		return cmd
	case editorReadyMsg, editorClosedMsg:
		cmd, status := editorStep(f.ctx, msg)
		if status != "" {
			f.err = status
		}
		return cmd
	case editedTextMsg:
		if msg.err != nil {
			f.err = msg.err.Error()
			return nil
		}
		if e, ok := f.fieldAt(msg.field).(editable); ok {
			e.setText(msg.text)
		}
		return f.changed()
	case tea.MouseWheelMsg:
		if f.scrolls() {
			f.page.scroll(msg)
		}
		return nil
	case tea.KeyPressMsg:
		as := f.actions()
		f.confirmDiscard = false // any key but x again keeps the draft
		for _, a := range as {
			if key.Matches(msg, a.key) {
				if a.do == nil {
					break // the field's own
				}
				return a.do(msg)
			}
		}
		if f.resumeOffer != nil || f.confirmLeave || f.overlay() != nil {
			return nil
		}
		if fl := f.focused(); fl == nil || !fl.typing() {
			f.page.scroll(msg)
			return nil
		}
	}
	if f.overlay() != nil {
		return nil
	}
	if fl := f.focused(); fl != nil {
		cmd, changed := fl.update(msg)
		if changed {
			return tea.Batch(cmd, f.changed())
		}
		return cmd
	}
	return nil
}

// overlay is a document's own screen over the step (the check-in's list of
// tips), if one is up.
func (f *form) overlay() *overlay {
	if o, ok := f.doc.(interface{ aside() *overlay }); ok {
		return o.aside()
	}
	return nil
}

// overlay is a screen a document shows over a step, with its own keys.
type overlay struct {
	view string
	keys []action
}

// actions are the keys that work now, in the order the help shows them.
func (f *form) actions() []action {
	k, t := f.ctx.Keys, f.ctx.T
	do := func(c func() tea.Cmd) func(tea.KeyPressMsg) tea.Cmd {
		return func(tea.KeyPressMsg) tea.Cmd { return c() }
	}
	switch {
	case f.resumeOffer != nil && f.confirmDiscard:
		return []action{
			{key: withDesc(k.Discard, t("key.discard_sure")), do: do(f.discard)},
			// Only x again discards; any other key keeps the draft.
			{key: otherKey(f.ctx, t("key.keep_draft")), do: nil},
		}
	case f.resumeOffer != nil:
		var as []action
		if len(f.offers) > 1 {
			as = append(as, action{key: withDesc(k.Rows, t("key.pick_draft")), do: func(msg tea.KeyPressMsg) tea.Cmd {
				f.offerKey(k, msg)
				return nil
			}})
		}
		resume := k.Resume
		resume.SetHelp("r/enter", t("key.resume"))
		return append(as,
			action{key: resume, do: do(func() tea.Cmd { return f.resume(f.takeOffer()) })},
			action{key: k.Discard, do: do(func() tea.Cmd { f.confirmDiscard = true; return nil })},
			// Leave; the draft stays where it is.
			action{key: withDesc(k.Back, t("key.leave")), do: do(func() tea.Cmd {
				return closeWith(f.doc, closeMsg{left: true, draft: f.draft()})
			})})
	case f.confirmLeave:
		no := k.No
		no.SetHelp("n/esc", t("key.stay"))
		return []action{
			{key: withDesc(k.Yes, t("key.leave")), do: do(func() tea.Cmd {
				f.confirmLeave = false
				f.forceDraft() // written even if the last one looks current
				return thenLeave(f.saveDraft(), closeMsg{from: f.doc, left: true, draft: f.draft()})
			})},
			{key: no, do: do(func() tea.Cmd { f.confirmLeave = false; return nil })},
		}
	}
	if o := f.overlay(); o != nil {
		return o.keys
	}
	st := f.cur()
	var as []action
	if st.page == nil {
		// In a text field, or to another field of the step, tab is how to
		// get on; elsewhere enter is, and tab is in the full help.
		typing := f.focused() != nil && f.focused().typing()
		as = append(as,
			action{key: k.NextField, do: do(f.next), more: !typing && len(st.fields) < 2},
			action{key: k.PrevField, do: do(f.prev), more: true})
	}
	if fl := f.focused(); fl != nil {
		as = append(as, withRank(fl.keys(f), 3)...)
	}
	if st.keys != nil {
		as = append(as, withRank(st.keys(), 2)...)
	}
	save := withDesc(k.Save, t("key.to_preview"))
	if f.atPreview() {
		save = k.Save
	}
	back := k.Back
	if f.step == 0 {
		back = withDesc(k.Back, t("key.leave"))
	}
	as = append(as,
		action{key: save, do: do(func() tea.Cmd {
			if f.atPreview() {
				return f.save()
			}
			return f.toStep(len(f.steps)-1, 0)
		})},
		action{key: back, do: do(f.back), rank: 1})
	if st.page != nil {
		scroll := func(msg tea.KeyPressMsg) tea.Cmd { f.page.scroll(msg); return nil }
		for _, b := range []key.Binding{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom} {
			as = append(as, action{key: b, do: scroll, more: true})
		}
	}
	return as
}

// withRank gives keys a rank, for a narrow footer, unless they have one.
func withRank(as []action, rank int) []action {
	for i := range as {
		if as[i].rank == 0 {
			as[i].rank = rank
		}
	}
	return as
}

// discard throws the draft picked away; the others stay on offer.
func (f *form) discard() tea.Cmd {
	f.confirmDiscard = false
	store, d, now := f.ctx.Store, f.dropOffer(), f.ctx.Now()
	trash := func() tea.Msg { return draftSavedMsg{store.TrashDraft(d, now)} }
	if f.resumeOffer != nil {
		return trash
	}
	return tea.Batch(f.enter(), trash)
}

// help is the keys that work now, from the list the keys are found in.
func (f *form) help() bindings {
	var short, more []key.Binding
	var rank []int
	for _, a := range f.actions() {
		if a.more {
			more = append(more, a.key)
		} else {
			short, rank = append(short, a.key), append(rank, a.rank)
		}
	}
	full := [][]key.Binding{short}
	if len(more) > 0 {
		full = append(full, more)
	}
	return bindings{short: short, full: full}.ranked(rank...)
}

// inText reports whether keys go into a text field now.
func (f *form) inText() bool {
	if f.resumeOffer != nil || f.confirmLeave || f.overlay() != nil {
		return false
	}
	fl := f.focused()
	return fl != nil && fl.typing()
}

// scrolls reports whether a page the mouse wheel scrolls is on show.
func (f *form) scrolls() bool {
	return f.resumeOffer == nil && f.overlay() == nil && f.cur().page != nil
}

func (f *form) restyle() {
	for _, st := range f.steps {
		for _, fl := range st.fields {
			fl.restyle()
		}
	}
}

// rerender lays out and renders again after a resize or a theme change.
func (f *form) rerender() tea.Cmd {
	f.resize()
	return f.page.rerender()
}

func (f *form) resize() {
	f.page.setSize(f.ctx.Width, f.ctx.Height-4)
	for _, st := range f.steps {
		f.layoutStep(st)
	}
}

// layoutStep shares the window's height among the parts of a step. When
// they would get less than three lines each, they take turns: the one
// with the focus is shown alone.
func (f *form) layoutStep(st *formStep) {
	w := f.ctx.ContentWidth()
	var parts []*part
	fixed := 2 + 2 + 1 // the header and a blank line, the footer, the status
	if st.note != "" {
		fixed += lipgloss.Height(lipgloss.NewStyle().Width(w).Render(st.note))
	}
	for i, fl := range st.fields {
		if i > 0 {
			fixed++ // a blank line between fields
		}
		switch fl := fl.(type) {
		case *part:
			fl.text.SetWidth(w)
			fl.numbered = ""
			parts = append(parts, fl)
		case *line:
			fl.setWidth(w)
		}
		fixed += fl.lines()
	}
	if len(parts) == 0 {
		return
	}
	h := (f.ctx.Height - fixed) / len(parts)
	if h < 3 && len(parts) > 1 {
		longest := 0
		for i, p := range parts {
			p.numbered = fmt.Sprintf("(%d/%d) ", i+1, len(parts))
			longest = max(longest, p.lines())
		}
		h = f.ctx.Height - 5 - longest
	}
	for _, p := range parts {
		p.text.SetHeight(max(2, h))
	}
}

// View draws the step, under the header, over the status.
func (f *form) View() string {
	ctx, st := f.ctx, f.ctx.Styles
	var status string
	if f.err != "" {
		status = st.Error.Width(ctx.Width - 2).Render("! " + f.err)
	} else if f.saving {
		status = st.Faint.Render(ctx.T("checkin.saving"))
	}
	var body string
	switch o := f.overlay(); {
	case f.resumeOffer != nil:
		body = f.viewOffer(status)
	case o != nil:
		body = o.view
	case f.cur().page != nil:
		body = f.page.View()
	case f.cur().view != nil:
		body = indent(f.cur().view())
	default:
		body = indent(f.viewFields())
	}
	if f.confirmLeave {
		// The keys as the footer names them, from the same list.
		var ks []string
		for _, a := range f.actions() {
			ks = append(ks, a.key.Help().Key+" "+a.key.Help().Desc)
		}
		body = dialog(ctx, ctx.T("checkin.leave_confirm")+"\n\n"+strings.Join(ks, " · "))
	}
	return withStatus(ctx, f.viewHeader()+"\n\n"+body, status)
}

// viewFields draws a step's fields one under the other, or, while they
// take turns, the one with the focus.
func (f *form) viewFields() string {
	st := f.cur()
	var out []string
	for i, fl := range st.fields {
		if p, ok := fl.(*part); ok && p.numbered != "" && i != f.field {
			continue
		}
		out = append(out, fl.view(i == f.field))
	}
	s := strings.Join(out, "\n\n")
	if st.note != "" {
		s += "\n" + f.ctx.Styles.Faint.Width(f.ctx.ContentWidth()).Render(st.note)
	}
	return s
}

func (f *form) viewHeader() string {
	ctx, st := f.ctx, f.ctx.Styles
	title, about, day := f.doc.header()
	n, i := len(f.steps), f.step+1
	bar := strings.Repeat("▰", i) + strings.Repeat("▱", n-i)
	right := st.Progress.Render(bar) + "  " + st.Faint.Render(ctx.T("checkin.step_of", "N", i, "Of", n)) + " "
	// The page is longer than the window: say how far down it is, if the
	// day still fits beside it (the day matters more, filling in a missed
	// one).
	if pos := f.page.position(); pos != "" && f.scrolls() {
		withPos := st.Faint.Render("↕ "+pos) + "   " + right
		long := " " + title + " · " + about
		if day != "" {
			long += " · " + day
		}
		if lipgloss.Width(long)+lipgloss.Width(withPos)+1 <= ctx.Width {
			right = withPos
		}
	}
	// The day goes first when the window is narrow; the step count last.
	for _, withDay := range []bool{true, false} {
		left := " " + st.Title.Render(title) + st.Faint.Render(" · "+about)
		if withDay && day != "" {
			left += st.Faint.Render(" · " + day)
		}
		if gap := ctx.Width - lipgloss.Width(left) - lipgloss.Width(right); gap >= 1 {
			return left + strings.Repeat(" ", gap) + right
		}
	}
	return truncate(" "+title+" · "+about, ctx.Width-lipgloss.Width(right)-1) + " " + right
}

// viewOffer offers the drafts left unfinished: which, when, the beginning
// of what they hold, and what the keys do. What they hold is cut to the
// window (and the status under it), so that the question under it is
// always on screen.
func (f *form) viewOffer(status string) string {
	ctx, st := f.ctx, f.ctx.Styles
	w := ctx.ContentWidth()
	d := f.resumeOffer
	head := st.Title.Width(w).Render(f.doc.offered(len(f.offers), d)) + "\n\n"
	if list := offerList(ctx, &f.draftState); list != "" {
		head += list + "\n"
	}
	prompt := st.Text.Width(w).Render(ctx.T("draft.resume_or_discard"))
	if f.confirmDiscard {
		prompt = st.Warning.Width(w).Render(ctx.T("draft.discard_confirm"))
	}
	var text strings.Builder
	for _, a := range d.Answers {
		if strings.TrimSpace(a.Text) != "" {
			text.WriteString(st.Faint.Width(w).Render(a.Question) + "\n" + lipgloss.NewStyle().Width(w).Render(firstLines(a.Text, 3)) + "\n\n")
		}
	}
	// The window less the header and the footer (two lines each), the
	// head, the question and the status; the text's last line is the
	// question's first.
	room := ctx.Height - 2 - lipgloss.Height(head) - lipgloss.Height(prompt)
	if status != "" {
		room -= lipgloss.Height(status)
	}
	lines := strings.Split(text.String(), "\n")
	if len(lines) > room {
		lines = append(lines[:max(0, room-2)], "…", "")
	}
	return indent(head + strings.Join(lines, "\n") + prompt)
}

// indent moves every line two columns right.
func indent(s string) string { return "  " + strings.ReplaceAll(s, "\n", "\n  ") }

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
