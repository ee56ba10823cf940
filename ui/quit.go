package ui

import (
	tea "charm.land/bubbletea/v2"

	"tillit/journal"
)

// Leaving: what ctrl+c, a closed terminal and a screen closed unsaved do
// with the text being typed.

// writer is the open screen that holds typed text, if any.
func (m *Model) writer() (drafting, bool) {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if d, ok := m.stack[i].(drafting); ok {
			return d, true
		}
	}
	return nil, false
}

// quit leaves at once; typed text is kept as a draft first. While a
// document is being saved it waits for the save, so that what it says on
// leaving (saved, or kept as a draft) is true; a second ctrl+c leaves anyway.
func (m *Model) quit() tea.Cmd {
	if s, ok := m.top().(saving); ok && s.isSaving() && !m.quitAfterSave {
		m.quitAfterSave = true
		return nil
	}
	if m.quitAfterSave {
		// The save is still under way: the draft is kept, the entry may
		// be written too.
		m.quitAfterSave = false
		if d, ok := m.writer(); ok && d.keep() {
			m.Aborted = true
			d.forceDraft()
			m.Result = m.ctx.T("cli.save_under_way")
			return tea.Sequence(d.saveDraft(), tea.Quit)
		}
	}
	// Leaving a document unsaved (one open, or the command's own still
	// opening) is stopping it.
	for _, s := range m.stack {
		switch s.(type) {
		case drafting, *opening:
			m.Aborted = true
		}
	}
	d, ok := m.writer()
	if !ok || !d.keep() {
		return tea.Quit
	}
	m.Aborted = true
	d.forceDraft()
	m.Result = m.draftKeptMessage(d.draft())
	return tea.Sequence(d.saveDraft(), tea.Quit)
}

// draftKeptMessage tells the user where their unsaved text went.
func (m *Model) draftKeptMessage(d *journal.Draft) string { return draftKept(m.ctx, d) }

// draftKept says where a document's unsaved text went.
func draftKept(ctx *Context, d *journal.Draft) string {
	switch {
	case d.Week != "":
		return ctx.T("cli.week_draft_kept", "Week", d.Week)
	case d.Kind == "mentoring":
		return ctx.T("cli.mentoring_draft_kept", "Day", d.Day.String())
	case d.Kind == "assessment":
		return ctx.T("cli.assessment_draft_kept", "Day", d.Day.String())
	case d.Day == ctx.Today():
		return ctx.T("cli.draft_kept_today")
	}
	return ctx.T("cli.draft_kept", "Day", d.Day.String())
}

// DraftKeptMessage tells the user where their unsaved text went, for the
// command line to say when the program was stopped from outside.
func (m *Model) DraftKeptMessage(d *journal.Draft) string { return m.draftKeptMessage(d) }

// Draft returns the text being written as a draft, for the command line to
// keep when the program is stopped from outside (a closed terminal).
func (m *Model) Draft() *journal.Draft {
	d, ok := m.writer()
	if !ok || !d.keep() {
		return nil
	}
	return d.draft()
}
