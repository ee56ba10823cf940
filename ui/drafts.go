package ui

import (
	"errors"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/journal"
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
	// failedSave says why the document could not be saved, while the draft
	// that keeps its text is on its way.
	failedSave string
	// tick waits for the next draft save: the context's clock.
	tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// id names the screen's own draft file: two screens on one day (in two
	// windows) keep two drafts, and saving one removes only its own.
	id string
	// offers are drafts from earlier times, newest first, waiting for
	// resume or discard; resumeOffer is the one picked.
	offers      []*journal.Draft
	pick        int
	resumeOffer *journal.Draft
	// resumedFrom is the draft the text on screen was resumed from: it is
	// removed once the screen's own draft (or the saved file) holds it.
	resumedFrom *journal.Draft
}

// newDraftState is the draft bookkeeping of a screen opening now.
func newDraftState(ctx *Context, owner string) draftState {
	return draftState{owner: owner, tick: ctx.Tick, id: journal.NewDraftID()}
}

// offer puts the drafts worth resuming on offer, the newest picked.
func (d *draftState) offer(drafts []*journal.Draft) {
	d.offers = d.offers[:0]
	for _, dr := range drafts {
		if dr != nil && dr.HasText() {
			d.offers = append(d.offers, dr)
		}
	}
	d.pickOffer(0)
}

// pickOffer picks the offer at i (kept within the list).
func (d *draftState) pickOffer(i int) {
	d.resumeOffer = nil
	if len(d.offers) == 0 {
		return
	}
	d.pick = min(max(i, 0), len(d.offers)-1)
	d.resumeOffer = d.offers[d.pick]
}

// offerKey moves the pick among several offers; it reports whether msg
// was such a move.
func (d *draftState) offerKey(k *KeyMap, msg tea.KeyPressMsg) bool {
	switch {
	case len(d.offers) < 2:
		return false
	case key.Matches(msg, k.Up):
		d.pickOffer(d.pick - 1)
	case key.Matches(msg, k.Down):
		d.pickOffer(d.pick + 1)
	default:
		return false
	}
	return true
}

// takeOffer ends the offer with the picked draft, for the screen to resume:
// the text goes into the screen's own draft, and the others stay on disk
// for later.
func (d *draftState) takeOffer() *journal.Draft {
	dr := d.resumeOffer
	d.offers, d.resumeOffer, d.resumedFrom = nil, nil, dr
	return dr
}

// dropOffer takes the picked draft off the offer, to be discarded, and
// picks the next; the offer ends with the last.
func (d *draftState) dropOffer() *journal.Draft {
	dr := d.resumeOffer
	d.offers = slices.DeleteFunc(d.offers, func(o *journal.Draft) bool { return o == dr })
	d.pickOffer(d.pick)
	return dr
}

// offerList is, when more than one draft waits, a line for each that says when it was written; the picked one is marked.
func offerList(ctx *Context, d *draftState) string {
	if len(d.offers) < 2 {
		return ""
	}
	st := ctx.Styles
	var b strings.Builder
	for i, o := range d.offers {
		line := ctx.T("draft.saved_at", "Time", draftTime(ctx, o.Updated))
		if text := firstText(o); text != "" {
			line += " · " + text
		}
		line = truncate(line, ctx.ContentWidth()-2)
		if i == d.pick {
			b.WriteString(st.Title.Render("▸ "+line) + "\n")
		} else {
			b.WriteString(st.Faint.Render("  "+line) + "\n")
		}
	}
	return b.String()
}

// draftTime says when a draft was written: the time today, else the day too.
func draftTime(ctx *Context, t time.Time) string {
	t = t.In(ctx.Now().Location())
	if journal.DateOf(t) == ctx.Today() {
		return t.Format("15:04")
	}
	return ctx.DayMonth(journal.DateOf(t)) + " " + t.Format("15:04")
}

// firstText is the first line written in a draft, to tell drafts apart.
func firstText(d *journal.Draft) string {
	for _, a := range d.Answers {
		if t := strings.TrimSpace(a.Text); t != "" {
			line, _, _ := strings.Cut(t, "\n")
			return line
		}
	}
	return strings.TrimSpace(d.Commitment)
}

// keep reports whether the screen holds changes that must outlive it as a
// draft. Nothing does while a saved draft waits for resume or discard.
func (d *draftState) keep() bool { return d.edited && d.resumeOffer == nil }

// saveDraftOf writes the draft now, in a command. Nothing is written while
// the document itself is being saved: a draft landing after the save would
// offer the same text again.
func (d *draftState) saveDraftOf(store *journal.Store, draft func() *journal.Draft) tea.Cmd {
	if !d.unsaved() || !d.keep() || d.saving {
		return nil
	}
	d.savedGen = d.changeGen
	dr := draft()
	dr.ID = d.id
	from := d.resumedFrom
	d.resumedFrom = nil
	return func() tea.Msg {
		err := store.SaveDraft(dr)
		if err == nil && from != nil {
			// Its text is in this screen's draft now.
			_ = store.RemoveDraft(from)
		}
		return draftSavedMsg{err}
	}
}

// ownDraft is the screen's draft as saved under its own name.
func (d *draftState) ownDraft(draft *journal.Draft) *journal.Draft {
	draft.ID = d.id
	return draft
}

// removeDrafts removes, once the document is saved, the screen's own draft
// and the one it was resumed from: the text is in the file.
func removeDrafts(store *journal.Store, own, from *journal.Draft) {
	_ = store.RemoveDraft(own)
	if from != nil {
		_ = store.RemoveDraft(from)
	}
}

// saveFailed is what a screen does when saving its document failed with
// err: the text goes into a draft (saveDraft), and on a conflict the file
// is read again (reload) for the screen to merge onto. It returns what the
// screen says.
func (d *draftState) saveFailed(ctx *Context, err error, saveDraft func() tea.Cmd, reload tea.Cmd) (string, tea.Cmd) {
	d.forceDraft() // keep the text as a draft, whatever happened
	status := d.notSaved(ctx, err)
	var conflict *journal.ConflictError
	if errors.As(err, &conflict) {
		return status, tea.Batch(saveDraft(), reload)
	}
	return status, d.keepAfterFailed(saveDraft())
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
	return d.tick(draftEvery, func(time.Time) tea.Msg { return draftTickMsg{owner, gen} })
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

// resumed marks the text on screen as coming from a draft on disk: the
// screen's own draft takes it at the next save.
func (d *draftState) resumed() {
	d.edited = true
	d.changeGen++
}

// due takes a tick: it reports whether a draft save is due for this screen.
func (d *draftState) due(msg draftTickMsg) bool {
	if msg.owner != d.owner {
		return false
	}
	d.draftPending = false
	return true
}

// notSaved is what a screen says when saving the document failed with err.
// The screen then saves a draft: draftSaved says whether the text is kept.
func (d *draftState) notSaved(ctx *Context, err error) string {
	var conflict *journal.ConflictError
	if errors.As(err, &conflict) {
		d.failedSave = ""
		return ctx.T("checkin.conflict")
	}
	d.failedSave = ctx.Lang.Describe(err)
	return ctx.T("checkin.not_saved", "Err", d.failedSave)
}

// keepAfterFailed passes on the draft save of a screen whose save failed.
func (d *draftState) keepAfterFailed(save tea.Cmd) tea.Cmd {
	if save == nil {
		d.failedSave = "" // no draft to wait for
	}
	return save
}

// draftSaved is what a screen says once a draft save ended with err; shown
// is what it says now. After a failed save it tells whether the text is
// kept as a draft; when neither could be written, that the text is still on
// the screen, and what happens to it on quitting.
func (d *draftState) draftSaved(ctx *Context, err error, shown string) string {
	failed := d.failedSave
	d.failedSave = ""
	switch {
	case failed != "" && err == nil:
		return ctx.T("checkin.save_failed", "Err", failed)
	case failed != "":
		return ctx.T("checkin.save_and_draft_failed", "Err", failed)
	case err != nil:
		return ctx.T("checkin.draft_failed", "Err", ctx.Lang.Describe(err))
	}
	return shown
}

// thenLeave saves the draft, then sends leave. When the draft cannot be
// written the screen stays open, with the text, and says why: leaving
// would lose it.
func thenLeave(save tea.Cmd, leave tea.Msg) tea.Cmd {
	if save == nil {
		return func() tea.Msg { return leave }
	}
	return func() tea.Msg {
		if msg, ok := save().(draftSavedMsg); ok && msg.err != nil {
			return msg
		}
		return leave
	}
}

// withStatus puts a status line (what went wrong, "saving…") below a
// screen's view, cutting the view's last lines when they would push it off
// the window: a page fills the window, and the root cuts what is below.
func withStatus(ctx *Context, view, status string) string {
	if status == "" {
		return view
	}
	room := max(1, ctx.Height-2-lipgloss.Height(status))
	if lines := strings.Split(view, "\n"); len(lines) > room {
		view = strings.Join(lines[:room], "\n")
	}
	return view + "\n" + status
}
