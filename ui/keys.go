package ui

import (
	"charm.land/bubbles/v2/key"

	"tillit/locale"
)

// KeyMap is every key tillit answers to. Screens enable and disable bindings
// by state, so the help shown is always the truth.
type KeyMap struct {
	// Everywhere.
	Quit       key.Binding
	ForceQuit  key.Binding
	Help       key.Binding // outside text fields
	HelpInText key.Binding // inside text fields, where ? is a character

	// Today.
	CheckIn   key.Binding
	ChooseTip key.Binding
	Read      key.Binding

	Review key.Binding

	Mentoring key.Binding
	Assess    key.Binding // the self-assessment; on Insights, its comparison
	Export    key.Binding
	Journal   key.Binding
	Settings  key.Binding

	// Journal.
	Filter    key.Binding
	ArrowUp   key.Binding // up, in a list under a text field
	ArrowDown key.Binding
	Edit      key.Binding
	Delete    key.Binding
	Undo      key.Binding

	// Export.
	AddPeople key.Binding // the names the export kept, into people

	// Check-in.
	LastTime key.Binding
	Toggle   key.Binding

	// Read.
	Switch key.Binding
	Team   key.Binding // a tip's staff meeting

	// Review.
	ThisWeek    key.Binding
	Reflect     key.Binding
	Commitments key.Binding
	Insights    key.Binding

	// Check-in.
	Next         key.Binding
	Back         key.Binding
	NextField    key.Binding
	PrevField    key.Binding
	Private      key.Binding
	Editor       key.Binding
	Save         key.Binding
	Pick         key.Binding
	Left         key.Binding
	Right        key.Binding
	Up           key.Binding
	Down         key.Binding
	Choose       key.Binding // ← or →, among choices
	Rows         key.Binding // ↑ or ↓, among rows of choices
	PageUp       key.Binding
	PageDown     key.Binding
	Top          key.Binding
	Bottom       key.Binding
	Rate         key.Binding
	NoEnergy     key.Binding
	EntryPrivate key.Binding
	Resume       key.Binding
	Discard      key.Binding
	Yes          key.Binding
	No           key.Binding
}

// DefaultKeyMap returns the keys with help in the catalog's language.
func DefaultKeyMap(t *locale.Catalog) *KeyMap {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], t.T(help)))
	}
	k := &KeyMap{
		Quit:       b("key.quit", "q"),
		ForceQuit:  b("key.force_quit", "ctrl+c"),
		Help:       b("key.help", "?"),
		HelpInText: b("key.help", "f1"),

		CheckIn:   b("key.checkin", "enter"),
		ChooseTip: b("key.choose_tip", "t"),
		Read:      b("key.read", "l"),

		Review: b("key.review", "u"),

		AddPeople: b("key.add_people", "a"),

		LastTime:  b("key.last_time", "o"),
		Toggle:    b("key.toggle", "space", "x"),
		Mentoring: b("key.mentoring", "m"),
		Assess:    b("key.assess", "a"),
		Export:    b("key.export", "e"),
		Journal:   b("key.journal", "j"),
		Settings:  b("key.settings", "s"),

		Filter:    b("key.filter", "/"),
		ArrowUp:   b("key.up", "up"),
		ArrowDown: b("key.down", "down"),
		Edit:      b("key.edit_file", "e"),
		Delete:    b("key.delete", "d"),
		Undo:      b("key.undo", "u"),

		Switch: b("key.switch", "tab"),
		Team:   b("key.team", "m"),

		ThisWeek:    b("key.this_week", "t"),
		Reflect:     b("key.reflect", "r"),
		Commitments: b("key.commitments", "c"),
		Insights:    b("key.insights", "i"),

		Next:         b("key.next", "enter"),
		Back:         b("key.back", "esc"),
		NextField:    b("key.next_field", "tab"),
		PrevField:    b("key.prev_field", "shift+tab"),
		Private:      b("key.private", "ctrl+p"),
		Editor:       b("key.editor", "ctrl+e"),
		Save:         b("key.save", "ctrl+s"),
		Pick:         b("key.pick", "enter"),
		Left:         b("key.left", "left", "h"),
		Right:        b("key.right", "right", "l"),
		Up:           b("key.up", "up", "k"),
		Choose:       b("key.choose", "left", "h", "right", "l"),
		Rows:         b("key.rows", "up", "k", "down", "j"),
		Down:         b("key.down", "down", "j"),
		PageUp:       b("key.page_up", "pgup", "b"),
		PageDown:     b("key.page_down", "pgdown", "space", "f"),
		Top:          b("key.top", "g", "home"),
		Bottom:       b("key.bottom", "G", "end"),
		Rate:         b("key.rate", "1", "2", "3", "4", "5"),
		NoEnergy:     b("key.no_energy", "-", "0", "backspace"),
		EntryPrivate: b("key.entry_private", "p", "ctrl+p"),
		Resume:       b("key.resume", "r", "enter"),
		// x, and x again to be sure: a letter words rarely hold, so typing
		// on this screen by mistake throws nothing away.
		Discard: b("key.discard", "x"),
		Yes:     b("key.yes", "y"),
		No:      b("key.no", "n", "esc"),
	}
	k.Left.SetHelp("←/h", t.T("key.left"))
	k.Right.SetHelp("→/l", t.T("key.right"))
	k.Up.SetHelp("↑/k", t.T("key.up"))
	k.Choose.SetHelp("←/→", t.T("key.choose"))
	k.Rows.SetHelp("↑/↓", t.T("key.rows"))
	k.Down.SetHelp("↓/j", t.T("key.down"))
	k.Rate.SetHelp("1–5", t.T("key.rate"))
	k.NoEnergy.SetHelp("-", t.T("key.no_energy"))
	k.Resume.SetHelp("r", t.T("key.resume"))
	if t.Lang() != "en" {
		// ja: Norwegian and Swedish say yes with j. In English j only
		// moves down, and must never confirm a delete by chance.
		k.Yes = b("key.yes", "j", "y")
		k.Yes.SetHelp("j/y", t.T("key.yes"))
	}
	k.No.SetHelp("n", t.T("key.no"))
	return k
}

// TodayKeys are the keys of Today and those that work on every screen, for
// the manual page.
func TodayKeys(t *locale.Catalog) []key.Binding {
	k := DefaultKeyMap(t)
	return []key.Binding{k.CheckIn, k.ChooseTip, k.Read, k.Review, k.Insights, k.Journal, k.Mentoring, k.Assess, k.Export, k.Settings, k.Help, k.ForceQuit, k.Quit}
}

// bindings is a help.KeyMap made of the bindings a screen offers now.
type bindings struct {
	short []key.Binding
	full  [][]key.Binding
	help  key.Binding // the key that opens the help here, added by the root
	// rank says how much each of short matters, 0 the most: a footer too
	// narrow for all of them leaves out the highest ranks first (among
	// equals, the later), and keeps the rest in their order. Without it a
	// key matters as much as its place in short says.
	rank []int
}

// ranked gives short keys their ranks (see bindings.rank).
func (b bindings) ranked(rank ...int) bindings {
	b.rank = rank
	return b
}

func (b bindings) ShortHelp() []key.Binding  { return b.short }
func (b bindings) FullHelp() [][]key.Binding { return b.full }

// withDesc returns b with its keys and another description.
func withDesc(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// otherKey is a help line for what every other key does (keeps, cancels):
// it names no key of its own, so it never matches one.
func otherKey(ctx *Context, desc string) key.Binding {
	return key.NewBinding(key.WithKeys("\x00other"), key.WithHelp(ctx.T("key.any_other"), desc))
}
