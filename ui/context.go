// Package ui is tillit's terminal interface, built with Bubble Tea: a root
// model that routes between screens (one file each), a shared context with
// size, theme, keys, clock and settings, and the commands that do the I/O.
// Update and View never touch the disk and never render markdown: commands
// do, and report back with messages.
package ui

import (
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"tillit/coach"
	"tillit/config"
	"tillit/content"
	"tillit/journal"
	"tillit/locale"
)

// Context is what every screen shares, by pointer: the root keeps it current.
type Context struct {
	Width, Height int
	Dark          bool
	// fixedTheme is set when the theme setting says dark or light: the
	// terminal's background is then neither asked nor followed.
	fixedTheme bool

	Styles *Styles
	Keys   *KeyMap
	Lang   *locale.Catalog
	// Pack is the prompt pack in use; Packs are the user's own, for entries
	// written with another pack.
	Pack  *content.Pack
	Packs []*content.Pack
	// Coach works out what the command line works out too: today's tip,
	// what a check-in starts from, the pack of an entry, the export.
	Coach *coach.Coach
	Store *journal.Store
	// Config is the settings of this run; File the settings file as
	// written, and Overrides the flag or variable that sets a key over it
	// for this run, by key.
	Config    config.Config
	File      config.Config
	Overrides map[string]string
	// Editor is the command that edits a file, empty for the platform's
	// default.
	Editor string
	// ExportDir is where exports go unless the user says otherwise.
	ExportDir string
	// Tick makes the command that waits d, then brings fn's message (a
	// draft's second): tea.Tick in the app. Tests make ticks they can tell
	// from work, to settle a screen without waiting on a clock.
	Tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	// SteadyCursor keeps the cursor of text fields from blinking. A blink
	// is a tick the fields make on their own, out of Tick's reach, so tests
	// turn it off; a steady cursor looks as a blinking one does until its
	// first blink.
	SteadyCursor bool
	// Now is the clock; tests pin it.
	Now func() time.Time
	md  *markdownRenderer
	// renders numbers every render request, across screens, so a result
	// meant for an earlier screen is never taken for a current one.
	renders int
	// loads numbers the readings of the journal, so that Today from the
	// index never takes the place of a later reading.
	loads int
}

func (c *Context) nextRender() int {
	c.renders++
	return c.renders
}

// Today returns today's date by the clock, as the settings count days:
// before day_starts_at it is still the day before.
func (c *Context) Today() journal.Date { return journal.DateOf(c.Config.Today(c.Now())) }

// LongDate writes a day the user's way: "fredag 27. november 2026".
func (c *Context) LongDate(d journal.Date) string { return c.Lang.LongDate(d.Year, d.Month, d.Day) }

// DayMonth writes a day without the year: "fredag 27. november".
func (c *Context) DayMonth(d journal.Date) string { return c.Lang.DayMonth(d.Year, d.Month, d.Day) }

// T is a shortcut to the catalog.
func (c *Context) T(id string, pairs ...any) string { return c.Lang.T(id, pairs...) }

// InJournal writes a path as the user finds it from the journal folder
// (2026/11/2026-11-23.md); a path outside it stays whole.
func (c *Context) InJournal(path string) string {
	if r, err := filepath.Rel(c.Store.Root, path); err == nil && r != "." && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

// ContentWidth is the width for reading text: the window less a margin, at
// most a comfortable line length.
func (c *Context) ContentWidth() int {
	return max(20, min(c.Width-4, 96))
}

// setTheme rebuilds the styles for a dark or a light background. Text
// fields take their cursor's blink from them.
func (c *Context) setTheme(dark bool) {
	c.Dark = dark
	c.Styles = NewStyles(dark)
	if c.SteadyCursor {
		c.Styles.Textarea.Cursor.Blink = false
		c.Styles.TextInput.Cursor.Blink = false
	}
}

// newContext is the context of an interface started with o, dark until the
// terminal says otherwise.
func newContext(o Options) *Context {
	ctx := &Context{
		Width: 80, Height: 24, Dark: true,
		Keys:      DefaultKeyMap(o.Lang),
		Lang:      o.Lang,
		Pack:      o.Pack,
		Packs:     o.Packs,
		Store:     o.Store,
		Config:    o.Config,
		File:      o.File,
		Overrides: o.Overrides,
		Editor:    o.Editor,
		ExportDir: o.ExportDir,
		Now:       o.Now,
		md:        newMarkdownRenderer(),

		Tick:         o.Tick,
		SteadyCursor: o.SteadyCursor,
	}
	ctx.readIn(o.Config.Context)
	ctx.setTheme(!o.Light)
	return ctx
}

// readIn reads the packs with the example words of context (the settings'
// context: whom the tips speak of), and coaches with them.
func (c *Context) readIn(context string) {
	c.Pack = c.Pack.InContext(context)
	packs := make([]*content.Pack, len(c.Packs))
	for i, p := range c.Packs {
		packs[i] = p.InContext(context)
	}
	c.Packs = packs
	c.Coach = coach.New(c.Lang, c.Pack, c.Packs)
	c.Coach.Schedule = journal.Schedule(c.Config.Schedule)
}
