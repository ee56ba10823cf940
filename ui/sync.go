package ui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// The journal synced with git by itself (sync.auto = true in the settings):
// after each save and when tillit starts, a command runs the sync the
// command line gave (Options.Sync), and its one-line result shows on the
// line above the footer, at its right. The sync never holds up a key: it
// runs beside the screens, and the journal is read again when it has run,
// for what came from the other machine.

// syncedMsg brings the result of a sync.
type syncedMsg struct{ line string }

// syncJournal is the command that syncs, or nil when the journal does not
// sync by itself.
func (m *Model) syncJournal() tea.Cmd {
	run := m.opts.Sync
	if run == nil {
		return nil
	}
	return func() tea.Msg { return syncedMsg{run()} }
}

// syncRow is the line above the footer: the last sync's line at its right,
// or nothing.
func (m *Model) syncRow() string {
	if m.syncLine == "" || m.showHelp {
		return ""
	}
	line := m.ctx.Styles.Faint.Render(truncate(m.syncLine, m.ctx.Width-2))
	return lipgloss.PlaceHorizontal(m.ctx.Width-1, lipgloss.Right, line)
}
