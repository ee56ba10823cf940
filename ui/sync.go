package ui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// The journal synced with git by itself (sync.auto = true in the settings):
// after each save and when tillit starts, a command runs the sync the
// command line gave (Options.Sync), and its one-line result shows at the
// right of the footer. The sync never holds up a key: it runs beside the
// screens, and the journal is read again when it has run, for what came
// from the other machine.

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

// withSyncLine puts the last sync's line at the right of the footer, when
// the window has room for both.
func (m *Model) withSyncLine(footer string) string {
	if m.syncLine == "" {
		return footer
	}
	line := m.ctx.Styles.Faint.Render(m.syncLine)
	gap := m.ctx.Width - 1 - lipgloss.Width(footer) - lipgloss.Width(line)
	if gap < 2 {
		return footer
	}
	return footer + lipgloss.NewStyle().Width(gap).Render("") + line
}
