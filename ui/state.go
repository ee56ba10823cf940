package ui

import (
	tea "charm.land/bubbletea/v2"

	"tillit/coach"
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

// journalLoadedMsg carries the journal from disk, read in full, and what
// Today shows of it.
type journalLoadedMsg struct {
	state journalState
	day   coach.Day
	gen   int
}

// todayLoadedMsg carries what Today shows, from the journal's index: it
// comes long before the whole journal is read, for the first frame.
type todayLoadedMsg struct {
	state journalState
	day   coach.Day
	gen   int
}

// loadAll reads Today from the journal's index, then the whole journal,
// in commands: Today is shown as soon as it is known, and the other
// screens get the journal when it is read.
func loadAll(ctx *Context) tea.Cmd {
	ctx.loads++
	return tea.Sequence(loadToday(ctx, ctx.loads), loadWhole(ctx, ctx.loads))
}

// loadJournal reads the whole journal, in a command.
func loadJournal(ctx *Context) tea.Cmd {
	ctx.loads++
	return loadWhole(ctx, ctx.loads)
}

// loadToday reads the journal from its index (Store.Summary), and what
// Today shows: the few entries whose words it shows are read in full.
func loadToday(ctx *Context, gen int) tea.Cmd {
	store, weekdaysOnly, c, today := ctx.Store, ctx.Config.WeekdaysOnly, ctx.Coach, ctx.Today()
	return func() tea.Msg {
		j := store.Summary()
		j.WeekdaysOnly = weekdaysOnly
		return todayLoadedMsg{state: readState(store, j), day: c.Today(j, today), gen: gen}
	}
}

// loadWhole reads the whole journal and the list of drafts, and counts
// what tillit doctor would report (for the warning on Today) from what
// was read.
func loadWhole(ctx *Context, gen int) tea.Cmd {
	store, weekdaysOnly, c, today := ctx.Store, ctx.Config.WeekdaysOnly, ctx.Coach, ctx.Today()
	packOf := ctx.Coach.PackOf
	return func() tea.Msg {
		j := store.Read()
		j.WeekdaysOnly = weekdaysOnly
		st := readState(store, j)
		if c, err := store.DoctorOf(j, report.TipsIn(packOf)); err == nil {
			st.doctor = len(c.Findings)
		}
		return journalLoadedMsg{state: st, day: c.Today(j, today), gen: gen}
	}
}

// readState is j with the days that have an unfinished check-in.
func readState(store *journal.Store, j *journal.Journal) journalState {
	drafts, err := store.Drafts()
	if err == nil {
		// A link in .tillit: writes (and emptying the trash) are
		// refused, and Today says why.
		err = store.AppDirLinks()
	}
	if err != nil {
		j.Problems = append(j.Problems, err)
	}
	return journalState{Journal: j, drafts: drafts}
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

// todayLoaded shows Today from the journal's index, before the whole
// journal is read; a document opening from the index starts from it too.
func (m *Model) todayLoaded(msg todayLoadedMsg) tea.Cmd {
	if msg.gen <= m.shownGen {
		return nil // the whole journal of this reading, or a later one, is shown already
	}
	m.shownGen = msg.gen
	m.today.refresh(msg.state, msg.day)
	m.summary = msg.state.Journal
	var cmds []tea.Cmd
	for _, s := range m.stack {
		if o, ok := s.(*opening); ok && o.fromIndex {
			cmds = append(cmds, o.refresh(msg.state.Journal))
		}
	}
	return tea.Batch(cmds...)
}

// journalLoaded hands the whole journal, as just read, to Today and every
// open screen.
func (m *Model) journalLoaded(msg journalLoadedMsg) tea.Cmd {
	if msg.gen < m.journalGen {
		return nil
	}
	m.journal, m.journalGen = msg.state, msg.gen
	if msg.gen >= m.shownGen {
		m.shownGen = msg.gen
		m.today.refresh(msg.state, msg.day)
	}
	var cmds []tea.Cmd
	for _, s := range m.stack {
		if r, ok := s.(refreshing); ok {
			cmds = append(cmds, r.refresh(msg.state.Journal))
		}
	}
	return tea.Batch(cmds...)
}
