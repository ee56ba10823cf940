package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// helpKey scrolls a help longer than the window with the arrows; any other
// key closes it.
func (m *Model) helpKey(msg tea.KeyPressMsg) {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Down, k.PageDown):
		m.helpTop = min(m.helpTop+1, m.helpLines()-(m.ctx.Height-2))
	case key.Matches(msg, k.Up, k.PageUp):
		m.helpTop = max(0, m.helpTop-1)
	default:
		m.showHelp = false
	}
}

// helpPage is the help as lines for a body of room lines, and its footer.
func (m *Model) helpPage(room int) ([]string, string) {
	ctx, st := m.ctx, m.ctx.Styles
	lines := strings.Split(m.viewHelp(), "\n")
	footer := " " + st.Faint.Render(truncate(ctx.T("help.close"), ctx.Width-2))
	if len(lines) > room {
		lines = lines[min(m.helpTop, len(lines)-room):]
		footer = " " + st.Faint.Render(truncate(ctx.T("help.scroll"), ctx.Width-2))
	}
	// A group of keys wider than the window is cut, not wrapped.
	for i, l := range lines {
		if ansi.StringWidth(l) > ctx.Width {
			lines[i] = ansi.Truncate(l, ctx.Width-1, "…")
		}
	}
	return lines, footer
}

// currentHelp is the screen's keys plus the ones that work everywhere.
func (m *Model) currentHelp() bindings {
	b := m.top().help()
	helpKey := m.ctx.Keys.Help
	if m.inText() {
		helpKey = m.ctx.Keys.HelpInText
	}
	b.full = append(b.full, []key.Binding{helpKey, m.ctx.Keys.ForceQuit})
	b.help = helpKey
	return b
}

// footer is the short help in one line that fits the window: the keys
// are taken in the order of how much they matter (bindings.rank) while
// they fit, and shown in their own order. A key that does not fit leaves
// room only for keys that matter as much, never for ones that matter less.
// The help key is always at the end, the way to every key left out.
func (m *Model) footer() string {
	b := m.currentHelp()
	st := m.help.Styles
	item := func(k key.Binding) string {
		return st.ShortKey.Render(k.Help().Key) + " " + st.ShortDesc.Render(k.Help().Desc)
	}
	sep := st.ShortSeparator.Render(m.help.ShortSeparator)
	tail := item(b.help)
	type entry struct {
		text       string
		rank, from int
	}
	var items []entry
	for i, k := range b.short {
		if !k.Enabled() {
			continue
		}
		rank := i
		if i < len(b.rank) {
			rank = b.rank[i]
		}
		items = append(items, entry{item(k), rank, i})
	}
	byRank := slices.Clone(items)
	slices.SortStableFunc(byRank, func(a, b entry) int { return a.rank - b.rank })
	width, room := lipgloss.Width(tail), m.ctx.Width-2
	taken := map[int]bool{}
	missed := false
	for i, e := range byRank {
		if missed && e.rank > byRank[i-1].rank {
			break
		}
		if w := lipgloss.Width(e.text + sep); width+w <= room {
			width += w
			taken[e.from] = true
		} else {
			missed = true
		}
	}
	var out strings.Builder
	for _, e := range items {
		if taken[e.from] {
			out.WriteString(e.text + sep)
		}
	}
	out.WriteString(tail)
	return ansi.Truncate(out.String(), room, "…")
}

// helpLines is how tall the help is.
func (m *Model) helpLines() int { return strings.Count(m.viewHelp(), "\n") + 1 }

// viewHelp lists every key of the screen, in groups laid out in as many
// columns as the window holds.
func (m *Model) viewHelp() string {
	ctx, st := m.ctx, m.ctx.Styles
	seen := map[string]bool{}
	var blocks []string
	for _, group := range m.currentHelp().FullHelp() {
		var lines []string
		keyWidth := 0
		var keys, descs []string
		for _, b := range group {
			h := b.Help()
			if !b.Enabled() || h.Key == "" || seen[h.Key+h.Desc] {
				continue
			}
			seen[h.Key+h.Desc] = true
			keys, descs = append(keys, h.Key), append(descs, h.Desc)
			keyWidth = max(keyWidth, lipgloss.Width(h.Key))
		}
		for i := range keys {
			pad := strings.Repeat(" ", keyWidth-lipgloss.Width(keys[i]))
			lines = append(lines, st.Highlight.Render(keys[i])+pad+"  "+descs[i])
		}
		if len(lines) > 0 {
			blocks = append(blocks, strings.Join(lines, "\n"))
		}
	}
	var rows []string
	var row []string
	used := 0
	for _, b := range blocks {
		w := lipgloss.Width(b) + 4
		if used+w > ctx.Width-2 && len(row) > 0 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, used = nil, 0
		}
		row = append(row, lipgloss.NewStyle().PaddingRight(4).Render(b))
		used += w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	body := strings.Join(rows, "\n\n")
	return " " + st.Title.Render(ctx.T("help.title")) + "\n\n" + "  " + strings.ReplaceAll(body, "\n", "\n  ")
}
