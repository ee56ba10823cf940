package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tillit/content"
	"tillit/journal"
	"tillit/termtext"
)

// Smallest window tillit lays out; below it, it asks for a larger one.
const (
	minWidth  = 40
	minHeight = 12
)

// Model is the root: it owns the shared context, routes messages to the
// screen on show, and handles what is the same everywhere (size, theme,
// quit, help).
type Model struct {
	ctx  *Context
	opts Options

	today   *todayModel
	stack   []screen // the screens over Today, the top one on show
	journal journalState
	// summary is the journal from its index, before the whole is read:
	// what a check-in starts from can be read from it (see opening).
	summary *journal.Journal
	// shownGen is the reading of the journal Today shows, journalGen the
	// one the other screens have: a slow reading that ends after a later
	// one is not shown.
	shownGen, journalGen int
	help                 help.Model
	showHelp             bool
	helpTop              int // the first line of the help shown, on a short window
	// quitAfterSave is set by ctrl+c while a document is being saved: the
	// program ends when the save does, saying how it went.
	quitAfterSave bool
	// syncLine is what the last sync said (see sync.go).
	syncLine string
	// typing gathers keys typed into a text field in a burst (burst.go).
	typing keysHeld

	// Result is what the command line prints after the interface closes.
	Result string
	// Aborted is set when the user left a document (a check-in, a note)
	// without saving it.
	Aborted bool
	// Err is an error that ended the screen the command line opened.
	Err error
}

// New builds the root model.
func New(o Options) *Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Tick == nil {
		o.Tick = tea.Tick
	}
	if o.Editor == "" {
		o.Editor = defaultEditor()
	}
	if o.Pack == nil {
		o.Pack = content.MustBuiltin(o.Lang.Lang())
	}
	ctx := newContext(o)
	if t := o.Config.Theme; t == "dark" || t == "light" {
		// The settings decide: the terminal is not asked.
		ctx.setTheme(t == "dark")
		ctx.fixedTheme = true
	}
	today := newToday(ctx)
	m := &Model{ctx: ctx, opts: o, today: &today, help: help.New()}
	m.help.Styles = ctx.Styles.Help
	return m
}

// Init asks the terminal for its background unless the theme setting says
// (without waiting for it: some never answer), loads the journal, and opens the screen to start on.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{loadAll(m.ctx), emptyTrash(m.ctx)}
	if !m.ctx.fixedTheme {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	cmds = append(cmds, m.syncJournal())
	if s := startScreen(m.ctx, m.opts); s != nil {
		cmds = append(cmds, m.push(s))
	}
	return tea.Batch(cmds...)
}

// top is the screen on show (or, while it is opening, about to be).
func (m *Model) top() screen {
	if len(m.stack) == 0 {
		return m.today
	}
	return m.stack[len(m.stack)-1]
}

// shown is the screen whose page is on show: the top one, or while that
// one is still opening, the one below it (nil when there is none).
func (m *Model) shown() screen {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if _, ok := m.stack[i].(*opening); !ok {
			return m.stack[i]
		}
	}
	if m.opts.Once && len(m.stack) > 0 {
		return nil // the command's own screen: nothing until it is ready
	}
	return m.today
}

// push shows a screen over the current one, and starts it.
func (m *Model) push(s screen) tea.Cmd {
	m.stack = append(m.stack, s)
	m.showHelp = false
	return m.start(s)
}

// start gives a screen just put on the stack the journal, and runs its Init.
func (m *Model) start(s screen) tea.Cmd {
	var cmds []tea.Cmd
	if r, ok := s.(refreshing); ok && m.journal.Journal != nil {
		cmds = append(cmds, r.refresh(m.journal.Journal))
	} else if o, ok := s.(*opening); ok && o.fromIndex && m.summary != nil {
		cmds = append(cmds, o.refresh(m.summary))
	}
	if i, ok := s.(starting); ok {
		cmds = append(cmds, i.Init())
	}
	return tea.Batch(cmds...)
}

// close takes the top screen off the stack and hands what it said to the
// one below. A screen the command line opened ends the program when it
// closes, and what it said becomes what the command says.
func (m *Model) close(c closeMsg) tea.Cmd {
	if len(m.stack) == 0 || c.from != m.top() {
		return nil // from a screen already gone
	}
	if d, ok := m.top().(drafting); ok {
		// Closed: another window may offer what it left now. (A file
		// lock, let go at once, so that the next offer sees it.)
		m.ctx.Store.ReleaseDraft(d.draft())
	}
	m.stack = m.stack[:len(m.stack)-1]
	m.showHelp = false
	if m.quitAfterSave {
		// ctrl+c waited for this save.
		m.quitAfterSave = false
		m.Result = m.ctx.T("cli.saved", "Path", c.saved)
		return tea.Quit
	}
	if len(m.stack) == 0 && m.opts.Once {
		switch {
		case c.err != nil:
			m.Err = c.err
		case c.saved != "":
			m.Result = m.ctx.T("cli.saved", "Path", c.saved)
		case c.left:
			m.Aborted = true
			if c.draft != nil {
				m.Result = m.draftKeptMessage(c.draft)
			}
		}
		return tea.Quit
	}
	if r, ok := m.top().(reshowing); ok {
		r.reshown(c)
	}
	if c.saved != "" {
		return tea.Batch(loadAll(m.ctx), m.syncJournal())
	}
	return loadAll(m.ctx)
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case typedMsg:
		return m, m.typed(msg)
	case typedFlushMsg:
		m.typing.due, m.typing.hold = false, false
		return m, m.flushTyped()
	case keysMsg:
		// The first key now; each next one after what the one before it
		// started (a screen closing) is done, as if pressed after it.
		_, first := m.Update(msg[0])
		cmds := []tea.Cmd{first}
		for _, k := range msg[1:] {
			cmds = append(cmds, func() tea.Msg { return k })
		}
		return m, tea.Sequence(cmds...)
	}
	// Keys gathered go in first: they were typed before this message.
	m.typing.hold = false
	typed := m.flushTyped()
	model, cmd := m.update(msg)
	if typed == nil {
		return model, cmd
	}
	return model, tea.Batch(typed, cmd)
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width - 2)
		return m, m.rerender()
	case tea.BackgroundColorMsg:
		if m.ctx.fixedTheme || msg.IsDark() == m.ctx.Dark {
			return m, nil
		}
		return m, m.restyle(msg.IsDark())
	case themeMsg:
		// The theme setting changed on the Settings screen.
		m.ctx.fixedTheme = true
		if msg.dark == m.ctx.Dark {
			return m, nil
		}
		return m, m.restyle(msg.dark)
	case todayLoadedMsg:
		return m, m.todayLoaded(msg)
	case journalLoadedMsg:
		return m, m.journalLoaded(msg)
	case reloadJournalMsg:
		return m, loadAll(m.ctx)
	case syncedMsg:
		m.syncLine = msg.line
		return m, loadAll(m.ctx)
	case openMsg:
		return m, m.push(msg.screen)
	case readyMsg:
		if len(m.stack) == 0 || m.top() != msg.from {
			return m, nil
		}
		m.stack[len(m.stack)-1] = msg.screen
		return m, m.start(msg.screen)
	case closeMsg:
		return m, m.close(msg)
	case tea.KeyPressMsg:
		if cmd, done := m.globalKey(msg); done {
			return m, cmd
		}
	}
	cmd := m.top().Update(msg)
	if m.quitAfterSave {
		if s, ok := m.top().(saving); !ok || !s.isSaving() {
			// The save the quit waited for failed: the text goes to a
			// draft now.
			m.quitAfterSave = false
			return m, m.quit()
		}
	}
	return m, cmd
}

// restyle sets every screen's colours for a dark or a light background.
func (m *Model) restyle(dark bool) tea.Cmd {
	m.ctx.setTheme(dark)
	m.help.Styles = m.ctx.Styles.Help
	for _, s := range m.stack {
		if r, ok := s.(restyling); ok {
			r.restyle()
		}
	}
	return m.rerender()
}

// reloadJournalMsg asks the root to read the journal again, after a screen
// wrote to it.
type reloadJournalMsg struct{}

// rerender lays out and renders the open screens again for a new size or
// theme.
func (m *Model) rerender() tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range m.stack {
		if r, ok := s.(rendering); ok {
			cmds = append(cmds, r.rerender())
		}
	}
	return tea.Batch(cmds...)
}

// globalKey handles the keys that mean the same on every screen.
func (m *Model) globalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.ForceQuit):
		return m.quit(), true
	case m.showHelp:
		m.helpKey(msg)
		return nil, true
	case key.Matches(msg, k.HelpInText), key.Matches(msg, k.Help) && !m.inText():
		m.showHelp, m.helpTop = true, 0
		return nil, true
	case len(m.stack) == 0 && key.Matches(msg, k.Quit):
		return tea.Quit, true
	}
	return nil, false
}

// scrolls reports whether the screen shows a page the mouse wheel scrolls.
func (m *Model) scrolls() bool {
	s, ok := m.top().(scrolling)
	return ok && s.scrolls()
}

func (m *Model) inText() bool {
	t, ok := m.top().(typing)
	return ok && t.inText()
}

func (m *Model) View() tea.View {
	var v tea.View
	v.AltScreen = true
	// The wheel scrolls pages; elsewhere the mouse is left to the terminal,
	// so text can be selected and copied.
	if m.scrolls() {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "tillit"
	// The screens clean the journal's and the packs' text where they show
	// it; this keeps anything one missed from driving the terminal: of
	// escape sequences only SGR (the screens' own styling) goes through.
	if !m.typing.hold || m.typing.frame == "" {
		m.typing.frame = termtext.KeepSGR(m.render())
	}
	v.SetContent(m.typing.frame)
	return v
}

func (m *Model) render() string {
	ctx, st := m.ctx, m.ctx.Styles
	if ctx.Width < minWidth || ctx.Height < minHeight {
		// As much of the request as the window holds.
		lines := strings.Split(st.Warning.Width(max(1, ctx.Width)).Render(ctx.T("app.too_small", "W", minWidth, "H", minHeight)), "\n")
		return strings.Join(lines[:min(len(lines), max(1, ctx.Height))], "\n")
	}
	// The footer sits on the last line; the body is cut to fit above it.
	room := ctx.Height - 2
	var bodyLines []string
	var footer string
	switch shown := m.shown(); {
	case m.showHelp:
		bodyLines, footer = m.helpPage(room)
	case shown != nil:
		bodyLines, footer = strings.Split(shown.View(), "\n"), " "+m.footer()
	default:
		bodyLines = []string{""} // nothing until the command's screen is ready
	}
	if len(bodyLines) > room {
		bodyLines = bodyLines[:room]
	}
	for len(bodyLines) < room {
		bodyLines = append(bodyLines, "")
	}
	return strings.Join(bodyLines, "\n") + "\n" + m.syncRow() + "\n" + footer
}
