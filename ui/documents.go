package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
)

// The documents written in steps open through an opening: what is on disk
// (the file, the drafts other windows left) is read first, in a command.

// openCheckin opens the check-in of day; tip is one chosen on Today (0 for
// the due one), pick opens the tip chooser first.
func openCheckin(ctx *Context, day journal.Date, tip int, pick bool) *opening {
	return &opening{
		fromIndex: true,
		load:      func(j *journal.Journal) tea.Cmd { return prepareCheckin(ctx, j, day, tip, pick) },
		build: func(msg tea.Msg, _ *journal.Journal) (screen, error) {
			d, ok := msg.(draftLoadedMsg)
			switch {
			case !ok:
				return nil, nil
			case d.err != nil:
				return nil, d.err
			}
			c := newCheckin(ctx, d.setup)
			c.err = d.notice
			c.picking = d.pick && !c.editing
			c.pickIndex = c.tip.Number - 1
			return c, nil
		},
	}
}

// openReflection opens the weekly reflection of w.
func openReflection(ctx *Context, w journal.Week) *opening {
	return &opening{
		load: func(*journal.Journal) tea.Cmd { return loadReflection(ctx.Store, w) },
		build: func(msg tea.Msg, _ *journal.Journal) (screen, error) {
			r, ok := msg.(reflectionReadyMsg)
			switch {
			case !ok:
				return nil, nil
			case r.err != nil:
				return nil, r.err
			}
			return newReflection(ctx, r.base, r.drafts), nil
		},
	}
}

// openMentoring opens the mentoring note of day.
func openMentoring(ctx *Context, day journal.Date) *opening {
	return &opening{
		load: func(*journal.Journal) tea.Cmd { return loadMentoring(ctx.Store, day) },
		build: func(msg tea.Msg, j *journal.Journal) (screen, error) {
			n, ok := msg.(mentoringReadyMsg)
			switch {
			case !ok:
				return nil, nil
			case n.err != nil:
				return nil, n.err
			}
			return newMentoring(ctx, j, n.base, n.drafts), nil
		},
	}
}

// openAssessment opens the self-assessment of day.
func openAssessment(ctx *Context, day journal.Date) *opening {
	return &opening{
		load: func(*journal.Journal) tea.Cmd { return loadAssessment(ctx.Store, day) },
		build: func(msg tea.Msg, _ *journal.Journal) (screen, error) {
			a, ok := msg.(assessmentReadyMsg)
			switch {
			case !ok:
				return nil, nil
			case a.err != nil:
				return nil, a.err
			}
			return newAssessment(ctx, a.base, a.drafts), nil
		},
	}
}

// draftLoadedMsg carries the draft of a check-in about to start.
type draftLoadedMsg struct {
	setup checkinSetup
	pick  bool
	// notice says something happened to the draft on the way (it could not
	// be read and was set aside).
	notice string
	err    error
}

// prepareCheckin reads the day's entry and its drafts (one per window that
// left a check-in of the day unfinished), in a command. A draft that holds
// nothing the entry lacks (a save already took it in) is removed rather
// than offered; one that cannot be read is set aside, not lost.
func prepareCheckin(ctx *Context, j *journal.Journal, day journal.Date, tip int, pick bool) tea.Cmd {
	store := ctx.Store
	return func() tea.Msg {
		base, err := store.Load(day)
		if err != nil {
			return draftLoadedMsg{err: err}
		}
		var notice string
		all, aside, err := store.DraftsFor(&journal.Draft{Day: day})
		if err != nil {
			return draftLoadedMsg{err: err}
		}
		if len(aside) > 0 {
			notice = ctx.T("draft.set_aside", "Path", strings.Join(aside, ", "))
		}
		var drafts []*journal.Draft
		for _, d := range all {
			if d.AddsTo(base) {
				drafts = append(drafts, d)
			} else if err := store.RemoveDraft(d); err != nil {
				return draftLoadedMsg{err: err}
			}
		}
		entries := ctx.Coach.CheckInJournal(j, day).Entries
		return draftLoadedMsg{setup: checkinSetup{day: day, base: base, entries: entries, drafts: drafts, tip: tip}, pick: pick, notice: notice}
	}
}
