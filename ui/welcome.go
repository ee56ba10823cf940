package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// welcomeModel greets a new user before the first check-in: what tillit
// is, where the journal will live, which language it speaks and how to
// change both, that nothing leaves the machine, and tillit demo for a look
// around. It shows while there is no journal yet, so once the first
// check-in is saved it is not shown again.
type welcomeModel struct{ ctx *Context }

func newWelcome(ctx *Context) *welcomeModel { return &welcomeModel{ctx: ctx} }

func (m *welcomeModel) Update(msg tea.Msg) tea.Cmd {
	k := m.ctx.Keys
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, k.CheckIn):
			// The first check-in takes the welcome's place.
			return tea.Sequence(closeWith(m, closeMsg{}), open(openCheckin(m.ctx, m.ctx.Today(), 0, false)))
		case key.Matches(msg, k.Settings):
			return open(newSettings(m.ctx))
		case key.Matches(msg, k.Back):
			return closeWith(m, closeMsg{})
		case key.Matches(msg, k.Quit):
			return tea.Quit
		}
	}
	return nil
}

func (m *welcomeModel) help() bindings {
	k := m.ctx.Keys
	short := []key.Binding{withDesc(k.CheckIn, m.ctx.T("welcome.first_checkin")), k.Settings, withDesc(k.Back, m.ctx.T("welcome.to_today")), k.Quit}
	return bindings{short: short, full: [][]key.Binding{short}}
}

func (m *welcomeModel) View() string {
	ctx, st := m.ctx, m.ctx.Styles
	w := ctx.ContentWidth()
	para := func(s string) string { return st.Text.Width(w).Render(s) }
	hint := func(s string) string { return st.Faint.Width(w).Render(s) }
	parts := []string{
		st.Title.Render(ctx.T("welcome.title")),
		para(ctx.T("welcome.what")),
		st.Strong.Render(ctx.T("welcome.journal")) + "\n" + st.Highlight.Render("  "+ctx.Store.Root) + "\n" +
			hint(ctx.T("welcome.journal_change")),
		st.Strong.Render(ctx.T("welcome.lang", "Lang", ctx.T("lang.name"))) + "\n" + hint(ctx.T("welcome.lang_change")),
		para("🔒 " + ctx.T("welcome.private")),
		para(ctx.T("welcome.demo")) + "\n" + st.Highlight.Render("  tillit demo ~/tillit-demo\n  tillit --journal ~/tillit-demo"),
		st.Highlight.Render("⏎ " + ctx.T("welcome.start")),
	}
	return indent("\n" + strings.Join(parts, "\n\n"))
}
