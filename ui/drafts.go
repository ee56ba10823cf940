package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// draftEvery is the longest a change waits before it is saved as a draft: a
// hard crash costs at most this much typing.
const draftEvery = time.Second

// draftState follows what is typed against what is kept as a draft. The
// screens that take text (the check-in, the reflection, the mentoring note)
// embed it.
type draftState struct {
	owner        string // whose draft: a tick for another screen is not ours
	edited       bool   // the user has changed something since the screen opened
	changeGen    int    // counts changes, to know when a draft is current
	savedGen     int    // the change count the last draft holds
	draftPending bool   // a draft save is scheduled
	saving       bool   // the document itself is being saved: no drafts now
}

// draftTickMsg says a draft is due.
type draftTickMsg struct {
	owner string
	gen   int
}

// changed records an edit and makes sure a draft save is on its way.
func (d *draftState) changed() tea.Cmd {
	d.edited = true
	d.changeGen++
	if d.draftPending {
		return nil
	}
	d.draftPending = true
	owner, gen := d.owner, d.changeGen
	return tea.Tick(draftEvery, func(time.Time) tea.Msg { return draftTickMsg{owner, gen} })
}

// unsaved reports whether there is a change no draft holds yet.
func (d *draftState) unsaved() bool { return d.changeGen != d.savedGen }

// forceDraft makes the next draft save write, even if the last looks current.
func (d *draftState) forceDraft() { d.changeGen++ }

// stepped records a move between steps, which the draft remembers too.
func (d *draftState) stepped() {
	if d.edited {
		d.changeGen++
	}
}

// resumed marks the text on screen as coming from the draft on disk.
func (d *draftState) resumed() {
	d.edited = true
	d.changeGen++
	d.savedGen = d.changeGen
}

// due takes a tick: it reports whether a draft save is due for this screen.
func (d *draftState) due(msg draftTickMsg) bool {
	if msg.owner != d.owner {
		return false
	}
	d.draftPending = false
	return true
}
