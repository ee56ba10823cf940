package ui

import (
	tea "charm.land/bubbletea/v2"

	"tillit/journal"
	"tillit/report"
)

// journalState is the journal as last loaded from disk, with the days that
// have an unfinished check-in.
type journalState struct {
	*journal.Journal
	drafts []journal.Date
	doctor int // how many things tillit doctor would report
}

// journalLoadedMsg carries the journal from disk.
type journalLoadedMsg struct{ state journalState }

// loadJournal reads the journal and the list of drafts, in a command, and
// counts what tillit doctor would report (for the warning on Today) from
// what was read.
func loadJournal(ctx *Context) tea.Cmd {
	store, weekdaysOnly := ctx.Store, ctx.Config.WeekdaysOnly
	packOf := ctx.Coach.PackOf
	return func() tea.Msg {
		j := store.Read()
		j.WeekdaysOnly = weekdaysOnly
		drafts, err := store.Drafts()
		if err == nil {
			// A link in .tillit: writes (and emptying the trash) are
			// refused, and Today says why.
			err = store.AppDirLinks()
		}
		if err != nil {
			j.Problems = append(j.Problems, err)
		}
		st := journalState{Journal: j, drafts: drafts}
		if c, err := store.DoctorOf(j, report.TipsIn(packOf)); err == nil {
			st.doctor = len(c.Findings)
		}
		return journalLoadedMsg{state: st}
	}
}

// emptyTrash removes what was deleted more than a month ago. It is
// housekeeping: when it fails, the trash is only fuller, and the next
// start tries again.
func emptyTrash(ctx *Context) tea.Cmd {
	store, now := ctx.Store, ctx.Now()
	return func() tea.Msg {
		_ = store.EmptyTrash(now)
		return nil
	}
}
