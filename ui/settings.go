package ui

import (
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"tillit/config"
	"tillit/journal"
)

// settingsModel is the Settings screen: every key of the settings file, one
// a row, from config.Keys. A choice or a yes/no changes with enter (or ←/→)
// and is written at once; text opens a field. Each change is written into
// the file by config.Set, which keeps the rest of the file as it was.
type settingsModel struct {
	ctx    *Context
	file   config.Config // the settings file as written
	index  int
	input  textinput.Model
	typing bool
	saving bool
	status string // what the last change did
	err    string
}

// settingSavedMsg says how writing a key went.
type settingSavedMsg struct {
	key, value string
	err        error
}

func newSettings(ctx *Context) *settingsModel {
	return &settingsModel{ctx: ctx, file: ctx.File, input: newInput(ctx, "")}
}

func (m *settingsModel) key() config.Key { return config.Keys[m.index] }

// shown is the value a row shows: the file's, else the run's, else the
// default.
func (m *settingsModel) shown(k config.Key) (string, bool) {
	if v := k.Get(&m.file); v != "" {
		return v, true
	}
	if v := k.Get(&m.ctx.Config); v != "" {
		return v, false
	}
	// What the machine decides when nothing in tillit's settings does.
	switch k.Name {
	case "lang":
		return m.ctx.Lang.Lang(), false
	case "journal":
		return m.ctx.Store.Root, false
	case "editor":
		return m.ctx.Editor, false
	}
	return k.Default, false
}

func (m *settingsModel) inText() bool { return m.typing }

func (m *settingsModel) restyle() { m.input.SetStyles(m.ctx.Styles.TextInput) }

func (m *settingsModel) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case settingSavedMsg:
		m.saving = false
		if msg.err != nil {
			m.err, m.status = oneLineText(m.ctx.Lang.Describe(msg.err)), ""
			return nil
		}
		m.err = ""
		k, _ := config.Lookup(msg.key)
		k.Apply(&m.file, msg.value)
		m.status = m.ctx.T("settings.saved", "Key", k.Name, "Value", k.Literal(msg.value), "Path", m.ctx.File.File())
		if src := m.ctx.Overrides[k.Name]; src != "" {
			m.status += " " + m.ctx.T("settings.overridden", "Key", k.Name, "Source", src)
			return nil
		}
		return m.apply(k, msg.value)
	case tea.KeyPressMsg:
		if m.saving {
			return nil
		}
		if m.typing {
			return m.typingKey(msg)
		}
		return m.listKey(msg)
	}
	if m.typing {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return cmd
	}
	return nil
}

func (m *settingsModel) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Back):
		return closeWith(m, closeMsg{})
	case key.Matches(msg, k.Up):
		m.index = (m.index + len(config.Keys) - 1) % len(config.Keys)
		m.status, m.err = "", ""
	case key.Matches(msg, k.Down):
		m.index = (m.index + 1) % len(config.Keys)
		m.status, m.err = "", ""
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right), key.Matches(msg, k.Pick), key.Matches(msg, k.Toggle):
		ck := m.key()
		if choices := choicesOf(ck); choices != nil {
			step := 1
			if key.Matches(msg, k.Left) {
				step = -1
			}
			cur, _ := m.shown(ck)
			i := max(0, indexOf(choices, cur))
			return m.save(ck.Name, choices[(i+step+len(choices))%len(choices)])
		}
		if key.Matches(msg, k.Pick) {
			cur, _ := m.shown(ck)
			if ck.Kind != config.Clock && ck.Get(&m.file) == "" {
				cur = ck.Get(&m.file) // start from empty rather than a default
			}
			m.input.SetValue(cur)
			m.input.CursorEnd()
			m.typing = true
			m.status, m.err = "", ""
			return m.input.Focus()
		}
	}
	return nil
}

func (m *settingsModel) typingKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.typing = false
		m.input.Blur()
		return nil
	case "enter":
		m.typing = false
		m.input.Blur()
		return m.save(m.key().Name, m.input.Value())
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// save writes a key into the settings file, in a command.
func (m *settingsModel) save(name, value string) tea.Cmd {
	m.saving = true
	path, template := m.ctx.File.File(), m.ctx.Lang.SettingsTemplate()
	return func() tea.Msg {
		v, err := config.Set(path, name, value, template)
		return settingSavedMsg{key: name, value: v, err: err}
	}
}

// apply makes a change count at once where it can: the colours, who you
// are, the days, the words of the tips and the tips of the journal (read
// again when the screen closes). The language, the journal folder, the pack and the screen
// reader mode take effect at the next start, and the screen says so.
func (m *settingsModel) apply(k config.Key, v string) tea.Cmd {
	ctx := m.ctx
	k.Apply(&ctx.Config, v)
	ctx.Coach.Schedule = journal.Schedule(ctx.Config.Schedule)
	switch k.Name {
	case "theme":
		switch v {
		case "dark", "light":
			ctx.fixedTheme = false // let the message through
			return func() tea.Msg { return themeMsg{dark: v == "dark"} }
		}
		ctx.fixedTheme = false
		return tea.RequestBackgroundColor
	case "context":
		ctx.readIn(v)
	case "editor":
		ctx.Editor = ctx.Config.EditorCommand(os.Getenv)
		if ctx.Editor == "" {
			ctx.Editor = defaultEditor()
		}
	case "lang", "journal", "pack", "accessible":
		m.status += " " + ctx.T("settings.next_start")
	}
	return nil
}

// themeMsg sets the colours as the theme setting says, from then on.
type themeMsg struct{ dark bool }

func choicesOf(k config.Key) []string {
	switch k.Kind {
	case config.Choice:
		return k.Choices
	case config.Bool:
		return []string{"false", "true"}
	}
	return nil
}

func indexOf(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return -1
}

func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }

func (m *settingsModel) help() bindings {
	k := m.ctx.Keys
	if m.typing {
		short := []key.Binding{withDesc(k.Save, m.ctx.T("key.save")), k.Back}
		short[0].SetHelp("enter", m.ctx.T("key.save"))
		return bindings{short: short, full: [][]key.Binding{short}}
	}
	change := withDesc(k.Pick, m.ctx.T("key.change"))
	short := []key.Binding{k.Up, k.Down, change, k.Back}
	return bindings{short: short, full: [][]key.Binding{short, {k.Left, k.Right}}}
}

func (m *settingsModel) View() string {
	ctx, st := m.ctx, m.ctx.Styles
	w := ctx.ContentWidth()
	var b strings.Builder
	b.WriteString(st.Title.Render(ctx.T("settings.title")) + "\n")
	b.WriteString(st.Faint.Render(truncate(ctx.T("settings.file", "Path", ctx.File.File()), w)) + "\n\n")
	labelWidth := 0
	for _, k := range config.Keys {
		labelWidth = max(labelWidth, lipgloss.Width(ctx.T("settings.label."+k.Name)))
	}
	for i, k := range config.Keys {
		marker, style := "  ", st.Text
		if i == m.index {
			marker, style = "› ", st.Highlight
		}
		label := ctx.T("settings.label." + k.Name)
		label += strings.Repeat(" ", labelWidth-lipgloss.Width(label))
		v, inFile := m.shown(k)
		var value string
		switch {
		case i == m.index && m.typing:
			value = m.input.View()
		case v == "":
			value = st.Faint.Render("(" + ctx.T("settings.not_set") + ")")
		case inFile:
			value = st.Strong.Render(v)
		default:
			value = st.Faint.Render(v + " (" + ctx.T("settings.from_default") + ")")
		}
		if src := ctx.Overrides[k.Name]; src != "" && !(i == m.index && m.typing) {
			value += st.Faint.Render("  · " + ctx.T("settings.overridden_short", "Source", src))
		}
		line := style.Render(marker+label) + "  " + value
		b.WriteString(truncateStyled(line, w) + "\n")
	}
	k := m.key()
	b.WriteString("\n" + st.Strong.Render(k.Name) + st.Faint.Render(" · "+ctx.Lang.Allowed(k.Name)) + "\n")
	b.WriteString(st.Text.Width(w).Render(strings.ReplaceAll(ctx.T("settings.about."+k.Name), "\n", " ")) + "\n")
	if k.Kind == config.List {
		b.WriteString(st.Faint.Render(ctx.T("settings.hint_list_items")) + "\n")
	}
	if len(m.file.Unknown) > 0 {
		b.WriteString("\n" + st.Faint.Width(w).Render(ctx.T("settings.unknown_keys", "Keys", strings.Join(m.file.Unknown, ", "))) + "\n")
	}
	switch {
	case m.err != "":
		b.WriteString("\n" + st.Warning.Width(w).Render("⚠ "+m.err))
	case m.status != "":
		b.WriteString("\n" + st.Success.Width(w).Render(m.status))
	}
	return indent(b.String())
}

// truncateStyled cuts a styled line to n cells.
func truncateStyled(s string, n int) string {
	if lipgloss.Width(s) <= n {
		return s
	}
	return ansi.Truncate(s, n-1, "…")
}
