package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"tillit/config"
	"tillit/content"
	"tillit/journal"
	"tillit/locale"
	"tillit/report"
	"tillit/termtext"
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
	// ExportDir is the folder the export screen offers.
	ExportDir string
	Now       func() time.Time
	// Tick waits before a message (tea.Tick when nil), and SteadyCursor
	// stops the cursor's blink: tests settle screens with ticks they can
	// tell from work (see Context).
	Tick         func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	SteadyCursor bool
	// Start is the screen shown first, over Today: the check-in or the
	// mentoring note of Day, the review of Week, the reader. With Once the
	// program ends when that screen closes (tillit checkin, tillit read).
	Start Start
	Day   journal.Date
	Week  journal.Week
	Once  bool
}

// Start names the screen the interface starts on.
type Start int

const (
	StartToday Start = iota
	StartCheckIn
	StartRead
	StartReview
	StartMentoring
)

// startScreen is the screen Options.Start names, if not Today.
func startScreen(ctx *Context, o Options) screen {
	switch o.Start {
	case StartCheckIn:
		return openCheckin(ctx, o.Day, 0, false)
	case StartRead:
		return newReader(ctx)
	case StartReview:
		return newReview(ctx, o.Week)
	case StartMentoring:
		return openMentoring(ctx, o.Day)
	}
	return nil
}

// journalState is the journal as last loaded from disk, with the days that
// have an unfinished check-in.
type journalState struct {
	*journal.Journal
	drafts []journal.Date
	doctor int // how many things tillit doctor would report
}

// journalLoadedMsg carries the journal from disk.
type journalLoadedMsg struct{ state journalState }

// Model is the root: it owns the shared context, routes messages to the
// screen on show, and handles what is the same everywhere (size, theme,
// quit, help).
type Model struct {
	ctx  *Context
	opts Options

	today    *todayModel
	stack    []screen // the screens over Today, the top one on show
	journal  journalState
	help     help.Model
	showHelp bool
	helpTop  int // the first line of the help shown, on a short window
	// quitAfterSave is set by ctrl+c while a check-in is being saved: the
	// program ends when the save does, saying how it went.
	quitAfterSave bool

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
	if o.Tick == nil {
		o.Tick = tea.Tick
	}
	if o.Editor == "" {
		o.Editor = defaultEditor()
	}
	if o.Pack == nil {
		o.Pack = content.MustBuiltin(o.Lang.Lang())
	}
	ctx := &Context{
		Width: 80, Height: 24, Dark: true,
		Keys:      DefaultKeyMap(o.Lang),
		Lang:      o.Lang,
		Pack:      o.Pack,
		Packs:     o.Packs,
		Store:     o.Store,
		Config:    o.Config,
		Editor:    o.Editor,
		ExportDir: o.ExportDir,
		Now:       o.Now,
		md:        newMarkdownRenderer(),

		Tick:         o.Tick,
		SteadyCursor: o.SteadyCursor,
	}
	ctx.setTheme(true)
	today := newToday(ctx)
	m := &Model{ctx: ctx, opts: o, today: &today, help: help.New()}
	m.help.Styles = ctx.Styles.Help
	return m
}

// Init asks the terminal for its background (without waiting for it: some
// never answer), loads the journal, and opens the screen to start on.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, loadJournal(m.ctx), emptyTrash(m.ctx)}
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
	return loadJournal(m.ctx)
}

// find returns the open screen of type T, if any.
func find[T screen](m *Model) (T, bool) {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if s, ok := m.stack[i].(T); ok {
			return s, true
		}
	}
	var zero T
	return zero, false
}

// loadJournal reads the journal and the list of drafts, in a command, and
// counts what tillit doctor would report (for the warning on Today) from
// what was read.
func loadJournal(ctx *Context) tea.Cmd {
	store, weekdaysOnly := ctx.Store, ctx.Config.WeekdaysOnly
	packOf := report.Packs(ctx.Lang.Lang(), ctx.Pack, ctx.Packs)
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
		for _, s := range m.stack {
			if r, ok := s.(restyling); ok {
				r.restyle()
			}
		}
		return m, m.rerender()
	case journalLoadedMsg:
		m.journal = msg.state
		m.today.refresh(msg.state)
		var cmds []tea.Cmd
		for _, s := range m.stack {
			if r, ok := s.(refreshing); ok {
				cmds = append(cmds, r.refresh(msg.state.Journal))
			}
		}
		return m, tea.Batch(cmds...)
	case reloadJournalMsg:
		return m, loadJournal(m.ctx)
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
		// The arrows scroll a help longer than the window; any other key
		// closes it.
		switch {
		case key.Matches(msg, k.Down, k.PageDown):
			m.helpTop = min(m.helpTop+1, m.helpLines()-(m.ctx.Height-2))
		case key.Matches(msg, k.Up, k.PageUp):
			m.helpTop = max(0, m.helpTop-1)
		default:
			m.showHelp = false
		}
		return nil, true
	case key.Matches(msg, k.HelpInText), key.Matches(msg, k.Help) && !m.inText():
		m.showHelp, m.helpTop = true, 0
		return nil, true
	case len(m.stack) == 0 && key.Matches(msg, k.Quit):
		return tea.Quit, true
	}
	return nil, false
}

// writer is the open screen that holds typed text, if any.
func (m *Model) writer() (drafting, bool) {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if d, ok := m.stack[i].(drafting); ok {
			return d, true
		}
	}
	return nil, false
}

// quit leaves at once; typed text is kept as a draft first. While a
// document is being saved it waits for the save, so that what it says on
// leaving (saved, or kept as a draft) is true; a second ctrl+c leaves anyway.
func (m *Model) quit() tea.Cmd {
	if s, ok := m.top().(saving); ok && s.isSaving() && !m.quitAfterSave {
		m.quitAfterSave = true
		return nil
	}
	if m.quitAfterSave {
		// The save is still under way: the draft is kept, the entry may
		// be written too.
		m.quitAfterSave = false
		if d, ok := m.writer(); ok && d.keep() {
			m.Aborted = true
			d.forceDraft()
			m.Result = m.ctx.T("cli.save_under_way")
			return tea.Sequence(d.saveDraft(), tea.Quit)
		}
	}
	// Leaving a document unsaved (one open, or the command's own still
	// opening) is stopping it.
	for _, s := range m.stack {
		switch s.(type) {
		case drafting, *opening:
			m.Aborted = true
		}
	}
	d, ok := m.writer()
	if !ok || !d.keep() {
		return tea.Quit
	}
	m.Aborted = true
	d.forceDraft()
	m.Result = m.draftKeptMessage(d.draft())
	return tea.Sequence(d.saveDraft(), tea.Quit)
}

// draftKeptMessage tells the user where their unsaved text went.
func (m *Model) draftKeptMessage(d *journal.Draft) string {
	switch {
	case d.Week != "":
		return m.ctx.T("cli.week_draft_kept", "Week", d.Week)
	case d.Kind == "mentoring":
		return m.ctx.T("cli.mentoring_draft_kept", "Day", d.Day.String())
	case d.Day == m.ctx.Today():
		return m.ctx.T("cli.draft_kept_today")
	}
	return m.ctx.T("cli.draft_kept", "Day", d.Day.String())
}

// DraftKeptMessage tells the user where their unsaved text went, for the
// command line to say when the program was stopped from outside.
func (m *Model) DraftKeptMessage(d *journal.Draft) string { return m.draftKeptMessage(d) }

// Draft returns the text being written as a draft, for the command line to
// keep when the program is stopped from outside (a closed terminal).
func (m *Model) Draft() *journal.Draft {
	d, ok := m.writer()
	if !ok || !d.keep() {
		return nil
	}
	return d.draft()
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
	// The screens clean the journal's and the packs' text where they show
	// it; this keeps anything one missed from driving the terminal: of
	// escape sequences only SGR (the screens' own styling) goes through.
	v.SetContent(termtext.KeepSGR(m.render()))
	return v
}

func (m *Model) render() string {
	ctx, st := m.ctx, m.ctx.Styles
	if ctx.Width < minWidth || ctx.Height < minHeight {
		// As much of the request as the window holds.
		lines := strings.Split(st.Warning.Width(max(1, ctx.Width)).Render(ctx.T("app.too_small", "W", minWidth, "H", minHeight)), "\n")
		return strings.Join(lines[:min(len(lines), max(1, ctx.Height))], "\n")
	}
	var body string
	shown := m.shown()
	switch {
	case m.showHelp:
		body = m.viewHelp()
	case shown != nil:
		body = shown.View()
	}
	footer := " " + m.footer()
	if shown == nil {
		footer = "" // nothing until the command's screen is ready
	}
	// The footer sits on the last line; the body is cut to fit above it.
	bodyLines := strings.Split(body, "\n")
	room := ctx.Height - 2
	if m.showHelp {
		footer = " " + st.Faint.Render(truncate(ctx.T("help.close"), ctx.Width-2))
		if len(bodyLines) > room {
			bodyLines = bodyLines[min(m.helpTop, len(bodyLines)-room):]
			footer = " " + st.Faint.Render(truncate(ctx.T("help.scroll"), ctx.Width-2))
		}
		// A group of keys wider than the window is cut, not wrapped.
		for i, l := range bodyLines {
			if ansi.StringWidth(l) > ctx.Width {
				bodyLines[i] = ansi.Truncate(l, ctx.Width-1, "…")
			}
		}
	}
	if len(bodyLines) > room {
		bodyLines = bodyLines[:room]
	}
	for len(bodyLines) < room {
		bodyLines = append(bodyLines, "")
	}
	return strings.Join(bodyLines, "\n") + "\n\n" + footer
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
