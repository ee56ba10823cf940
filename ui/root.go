package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/config"
	"tillit/content"
	"tillit/journal"
	"tillit/locale"
)

// Smallest window tillit lays out; below it, it asks for a larger one.
const (
	minWidth  = 40
	minHeight = 12
)

// Options is how the command line starts the interface.
type Options struct {
	Store  *journal.Store
	Config config.Config
	Lang   *locale.Catalog
	// Pack is the prompt pack to use (nil: the built-in one); Packs are the
	// user's own packs.
	Pack   *content.Pack
	Packs  []*content.Pack
	Editor string
	Now    func() time.Time
	// CheckIn opens the check-in of CheckInDay at once and quits after it
	// is saved (tillit checkin).
	CheckIn    bool
	CheckInDay journal.Date
	// Read opens the Read screen at once and quits when it is left
	// (tillit read).
	Read bool
}

// screen is which screen the root shows.
type screen int

const (
	screenToday screen = iota
	screenCheckin
	screenRead
)

// journalState is the journal as last loaded from disk, with the days that
// have an unfinished check-in.
type journalState struct {
	*journal.Journal
	drafts []journal.Date
}

// journalLoadedMsg carries the journal from disk.
type journalLoadedMsg struct {
	state journalState
	err   error
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

// Model is the root: it owns the shared context, routes messages to the
// screen on show, and handles what is the same everywhere (size, theme,
// quit, help).
type Model struct {
	ctx  *Context
	opts Options

	screen   screen
	today    todayModel
	checkin  *checkinModel
	reader   *readerModel
	journal  journalState
	help     help.Model
	showHelp bool

	// Result is what the command line prints after the interface closes.
	Result string
	// Aborted is set when the user left a check-in started from the command
	// line without saving it.
	Aborted bool
	// Err is an error that ended a check-in started from the command line.
	Err error
}

// New builds the root model.
func New(o Options) *Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Editor == "" {
		o.Editor = defaultEditor()
	}
	if o.Pack == nil {
		o.Pack = content.MustBuiltin(o.Lang.Lang())
	}
	ctx := &Context{
		Width: 80, Height: 24, Dark: true,
		Keys:   DefaultKeyMap(o.Lang),
		Lang:   o.Lang,
		Pack:   o.Pack,
		Packs:  o.Packs,
		Store:  o.Store,
		Config: o.Config,
		Editor: o.Editor,
		Now:    o.Now,
		md:     newMarkdownRenderer(),
	}
	ctx.setTheme(true)
	m := &Model{ctx: ctx, opts: o, today: newToday(ctx), help: help.New()}
	m.help.Styles = ctx.Styles.Help
	return m
}

// Init asks the terminal for its background (without waiting for it: some
// never answer) and loads the journal.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, loadJournal(m.ctx)}
	if m.opts.Read {
		cmds = append(cmds, m.openReader())
	}
	return tea.Batch(cmds...)
}

func (m *Model) openReader() tea.Cmd {
	m.reader = newReader(m.ctx)
	m.screen = screenRead
	return m.reader.Init()
}

// loadJournal reads the journal and the list of drafts, in a command.
func loadJournal(ctx *Context) tea.Cmd {
	store, weekdaysOnly := ctx.Store, ctx.Config.WeekdaysOnly
	return func() tea.Msg {
		j := store.Read()
		j.WeekdaysOnly = weekdaysOnly
		drafts, err := store.Drafts()
		if err != nil {
			j.Problems = append(j.Problems, err)
		}
		return journalLoadedMsg{state: journalState{Journal: j, drafts: drafts}}
	}
}

// prepareCheckin reads the day's entry and its draft, in a command. A draft
// that holds nothing the entry lacks (a save already took it in) is removed
// rather than offered; one that cannot be read is set aside, not lost.
func prepareCheckin(ctx *Context, j journalState, day journal.Date, tip int, pick bool) tea.Cmd {
	store := ctx.Store
	return func() tea.Msg {
		base, err := store.Load(day)
		if err != nil {
			return draftLoadedMsg{err: err}
		}
		var notice string
		draft, err := store.LoadDraft(day)
		if err != nil {
			aside, err2 := store.SetDraftAside(day)
			if err2 != nil {
				return draftLoadedMsg{err: err2}
			}
			notice = ctx.T("draft.set_aside", "Path", aside)
			draft = nil
		}
		if draft != nil && !draft.AddsTo(base) {
			if err := store.DeleteDraft(day); err != nil {
				return draftLoadedMsg{err: err}
			}
			draft = nil
		}
		return draftLoadedMsg{setup: checkinSetup{day: day, base: base, entries: j.Entries, draft: draft, tip: tip}, pick: pick, notice: notice}
	}
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width - 2)
		return m, m.rerender()
	case tea.BackgroundColorMsg:
		if msg.IsDark() == m.ctx.Dark {
			return m, nil
		}
		m.ctx.setTheme(msg.IsDark())
		m.help.Styles = m.ctx.Styles.Help
		if m.checkin != nil {
			m.checkin.restyle()
		}
		return m, m.rerender()
	case journalLoadedMsg:
		m.journal = msg.state
		m.today.refresh(msg.state)
		if m.opts.CheckIn && m.checkin == nil && !m.Aborted && m.Result == "" {
			return m, prepareCheckin(m.ctx, m.journal, m.opts.CheckInDay, 0, false)
		}
		return m, nil
	case startReadMsg:
		return m, m.openReader()
	case leaveReaderMsg:
		m.reader = nil
		m.screen = screenToday
		if m.opts.Read {
			return m, tea.Quit
		}
		return m, nil
	case startCheckinMsg:
		return m, prepareCheckin(m.ctx, m.journal, msg.day, msg.tip, msg.pick)
	case draftLoadedMsg:
		if msg.err != nil {
			if m.opts.CheckIn {
				m.Err = msg.err
				return m, tea.Quit
			}
			m.today.flash = ""
			m.today.unreadable = append([]error{msg.err}, m.today.unreadable...)
			return m, nil
		}
		m.checkin = newCheckin(m.ctx, msg.setup)
		m.checkin.err = msg.notice
		m.checkin.picking = msg.pick && !m.checkin.editing
		m.checkin.pickIndex = m.checkin.tip.Number - 1
		m.screen = screenCheckin
		m.showHelp = false
		return m, m.checkin.Init()
	case leaveCheckinMsg:
		day := m.checkin.day
		m.checkin = nil
		m.screen = screenToday
		if m.opts.CheckIn {
			m.Aborted = true
			if msg.draftKept {
				m.Result = m.draftKeptMessage(day)
			}
			return m, tea.Quit
		}
		return m, loadJournal(m.ctx)
	case checkinSavedMsg:
		if m.checkin == nil {
			return m, nil
		}
		if msg.err != nil {
			return m, m.checkin.Update(msg)
		}
		m.checkin = nil
		m.screen = screenToday
		if m.opts.CheckIn {
			m.Result = m.ctx.T("cli.saved", "Path", msg.entry.Path)
			return m, tea.Quit
		}
		m.today.flash = flashFor(m.ctx, msg.entry, m.ctx.Now())
		return m, loadJournal(m.ctx)
	case tea.KeyPressMsg:
		if cmd, done := m.globalKey(msg); done {
			return m, cmd
		}
	}

	switch m.screen {
	case screenCheckin:
		return m, m.checkin.Update(msg)
	case screenRead:
		return m, m.reader.Update(msg)
	default:
		return m, m.today.Update(msg)
	}
}

// rerender lays out and renders the open screens again for a new size or
// theme.
func (m *Model) rerender() tea.Cmd {
	var cmds []tea.Cmd
	if m.checkin != nil {
		cmds = append(cmds, m.checkin.rerender())
	}
	if m.reader != nil {
		cmds = append(cmds, m.reader.rerender())
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
		// Any key closes the help.
		m.showHelp = false
		return nil, true
	case key.Matches(msg, k.HelpInText):
		m.showHelp = true
		return nil, true
	case key.Matches(msg, k.Help) && !m.inText():
		m.showHelp = true
		return nil, true
	case m.screen == screenToday && key.Matches(msg, k.Quit):
		return tea.Quit, true
	}
	return nil, false
}

// quit leaves at once; typed text is kept as a draft first.
func (m *Model) quit() tea.Cmd {
	if m.checkin == nil {
		return tea.Quit
	}
	m.Aborted = true
	if !m.checkin.keep() {
		return tea.Quit
	}
	m.checkin.changeGen++ // save even if the last draft is current
	m.Result = m.draftKeptMessage(m.checkin.day)
	return tea.Sequence(m.checkin.saveDraft(), tea.Quit)
}

// draftKeptMessage tells the user where their unsaved text went.
func (m *Model) draftKeptMessage(day journal.Date) string {
	if day == m.ctx.Today() {
		return m.ctx.T("cli.draft_kept_today")
	}
	return m.ctx.T("cli.draft_kept", "Day", day.String())
}

// Draft returns the check-in in progress as a draft, for the command line to
// keep when the program is stopped from outside (a closed terminal).
func (m *Model) Draft() *journal.Draft {
	if m.checkin == nil || !m.checkin.keep() {
		return nil
	}
	return m.checkin.draft()
}

// scrolls reports whether the screen shows a page the mouse wheel scrolls.
func (m *Model) scrolls() bool {
	switch m.screen {
	case screenRead:
		return true
	case screenCheckin:
		return m.checkin.resumeOffer == nil && !m.checkin.picking &&
			(m.checkin.current() == stepTip || m.checkin.current() == stepPreview)
	}
	return false
}

func (m *Model) inText() bool {
	return m.screen == screenCheckin && m.checkin.inText()
}

// currentHelp is the screen's keys plus the ones that work everywhere.
func (m *Model) currentHelp() bindings {
	var b bindings
	switch m.screen {
	case screenCheckin:
		b = m.checkin.help()
	case screenRead:
		b = m.reader.help()
	default:
		b = m.today.help()
	}
	helpKey := m.ctx.Keys.Help
	if m.inText() {
		helpKey = m.ctx.Keys.HelpInText
	}
	b.full = append(b.full, []key.Binding{helpKey, m.ctx.Keys.ForceQuit})
	b.help = helpKey
	return b
}

// footer is the short help, cut to the window, with the help key always
// at its end so the way to every other key is never cut off.
func (m *Model) footer() string {
	b := m.currentHelp()
	st := m.help.Styles
	item := func(k key.Binding) string {
		return st.ShortKey.Render(k.Help().Key) + " " + st.ShortDesc.Render(k.Help().Desc)
	}
	sep := st.ShortSeparator.Render(m.help.ShortSeparator)
	tail := item(b.help)
	room := m.ctx.Width - 2 - lipgloss.Width(sep+tail)
	var out strings.Builder
	for _, k := range b.short {
		if !k.Enabled() {
			continue
		}
		s := item(k)
		if out.Len() > 0 {
			s = sep + s
		}
		if lipgloss.Width(out.String()+s) > room {
			if lipgloss.Width(out.String()+" …") <= room {
				out.WriteString(" " + st.Ellipsis.Render("…"))
			}
			break
		}
		out.WriteString(s)
	}
	if out.Len() == 0 {
		return tail
	}
	return out.String() + sep + tail
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
	v.SetContent(m.render())
	return v
}

func (m *Model) render() string {
	ctx, st := m.ctx, m.ctx.Styles
	if ctx.Width < minWidth || ctx.Height < minHeight {
		return st.Warning.Width(ctx.Width).Render(ctx.T("app.too_small", "W", minWidth, "H", minHeight))
	}
	var body string
	switch {
	case m.showHelp:
		body = m.viewHelp()
	case m.screen == screenCheckin:
		body = m.checkin.View()
	case m.screen == screenRead:
		body = m.reader.View()
	case m.opts.CheckIn:
		// tillit checkin: nothing until the check-in is ready.
	default:
		body = m.today.View()
	}
	footer := " " + m.footer()
	if m.screen == screenToday && m.opts.CheckIn {
		footer = ""
	}
	if m.showHelp {
		footer = " " + st.Faint.Render(ctx.T("help.close"))
	}
	// The footer sits on the last line; the body is cut to fit above it.
	bodyLines := strings.Split(body, "\n")
	room := ctx.Height - 2
	if len(bodyLines) > room {
		bodyLines = bodyLines[:room]
	}
	for len(bodyLines) < room {
		bodyLines = append(bodyLines, "")
	}
	return strings.Join(bodyLines, "\n") + "\n\n" + footer
}

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
