package ui

import (
	tea "charm.land/bubbletea/v2"

	"tillit/journal"
)

// screen is one of tillit's screens: Today, the check-in, the reader, the
// review, the reflection, the insights. The root keeps them on a stack: a
// screen opens another on top (open), and closes itself (closeWith), which
// shows the one below again. The root knows nothing else of a screen: what a
// screen needs it loads in its own commands.
type screen interface {
	Update(tea.Msg) tea.Cmd
	View() string
	help() bindings
}

// What a screen may also do, when it has it.
type (
	// Init starts the screen's own work when it opens.
	starting  interface{ Init() tea.Cmd }
	typing    interface{ inText() bool }
	scrolling interface{ scrolls() bool }
	rendering interface{ rerender() tea.Cmd }
	restyling interface{ restyle() }
	// refresh gives the screen the journal as just read from disk: when
	// it opens, and again after anything changed it.
	refreshing interface {
		refresh(*journal.Journal) tea.Cmd
	}
	// reshown tells the screen that the one over it closed, and what that
	// one had to say.
	reshowing interface{ reshown(closeMsg) }
	// saving is a screen writing its document: a quit waits for it, so
	// that what is said on leaving (saved, or kept as a draft) is true.
	saving interface{ isSaving() bool }
)

// drafting is a screen that keeps what is typed as a draft: the check-in,
// the weekly reflection and the mentoring note.
type drafting interface {
	keep() bool
	draft() *journal.Draft
	saveDraft() tea.Cmd
	forceDraft()
}

// openMsg asks the root to show a screen over the one on show.
type openMsg struct{ screen screen }

// open shows s over the screen on show.
func open(s screen) tea.Cmd { return func() tea.Msg { return openMsg{s} } }

// closeMsg says a screen is done. The root takes it off the stack and hands
// what it says to the screen below (or, when the command line opened it, to
// what the command prints).
type closeMsg struct {
	from  screen // the screen closing: a late message from one already gone is dropped
	flash string // what the screen below says about it ("Saved …")
	// err is why the screen could not open or carry on (a file that
	// cannot be read): the screen below shows it.
	err error
	// saved is the file the screen wrote, if it wrote one.
	saved string
	// left says a document was left without being saved; draft is where
	// its text went, when it was kept.
	left  bool
	draft *journal.Draft
}

// closeWith closes s, saying c.
func closeWith(s screen, c closeMsg) tea.Cmd {
	c.from = s
	return func() tea.Msg { return c }
}

// readyMsg puts a screen in the place of the opening that loaded it.
type readyMsg struct {
	from   *opening
	screen screen
}

// opening stands in for a screen while what it needs is read from disk: it
// shows the screen below (or nothing, when there is none) and takes no keys.
// Once the journal is there it starts load; the message load returns goes to
// build, which makes the screen, or says why it cannot open.
type opening struct {
	load  func(*journal.Journal) tea.Cmd
	build func(tea.Msg, *journal.Journal) (screen, error)
	j     *journal.Journal
	// fromIndex says load can start from the journal as its index tells
	// it (Store.Summary), before the whole is read: it reads in full what
	// it needs.
	fromIndex bool
}

func (o *opening) refresh(j *journal.Journal) tea.Cmd {
	if o.j != nil {
		return nil // loading already
	}
	o.j = j
	return o.load(j)
}

func (o *opening) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return nil
	}
	s, err := o.build(msg, o.j)
	switch {
	case err != nil:
		return closeWith(o, closeMsg{err: err})
	case s != nil:
		return func() tea.Msg { return readyMsg{from: o, screen: s} }
	}
	return nil // not its message
}

func (o *opening) View() string   { return "" }
func (o *opening) help() bindings { return bindings{} }

// isSaving lets a quit wait for a document being saved.
func (d *draftState) isSaving() bool { return d.saving }
