package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"tillit/config"
	"tillit/content"
	"tillit/journal"
	"tillit/locale"
)

// Options is how the command line starts the interface.
type Options struct {
	Store  *journal.Store
	Config config.Config
	// File is the settings file as written, Overrides what sets a key over
	// it for this run ("--lang", "TILLIT_THEME"), by key: the Settings
	// screen shows both.
	File      config.Config
	Overrides map[string]string
	Lang      *locale.Catalog
	// Pack is the prompt pack to use (nil: the built-in one); Packs are the
	// user's own packs.
	Pack   *content.Pack
	Packs  []*content.Pack
	Editor string
	// ExportDir is the folder the export screen offers.
	ExportDir string
	// Light starts the interface in the light theme: the environment says
	// the background is light ($COLORFGBG). The terminal's own answer,
	// when it gives one, decides after.
	Light bool
	Now   func() time.Time
	// Tick waits before a message (tea.Tick when nil), and SteadyCursor
	// stops the cursor's blink: tests settle screens with ticks they can
	// tell from work (see Context).
	Tick         func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	SteadyCursor bool
	// Start is the screen shown first, over Today: the check-in, the
	// mentoring note or the self-assessment of Day, the review or the reflection of Week, the
	// reader. With Once the
	// program ends when that screen closes (tillit checkin, tillit read).
	Start Start
	Day   journal.Date
	Week  journal.Week
	Once  bool
	// Welcome greets a new user (there is no journal yet) before Today.
	Welcome bool
	// Sync syncs the journal and says how it went, in a line shown
	// above the footer: run at the start and after each save. nil when
	// the journal does not sync by itself.
	Sync func() string
}

// Start names the screen the interface starts on.
type Start int

const (
	StartToday Start = iota
	StartCheckIn
	StartRead
	StartReview
	StartMentoring
	StartReflection
	StartAssessment
)

// startScreen is the screen Options.Start names, if not Today.
func startScreen(ctx *Context, o Options) screen {
	switch o.Start {
	case StartToday:
		if o.Welcome {
			return newWelcome(ctx)
		}
	case StartCheckIn:
		return openCheckin(ctx, o.Day, 0, false)
	case StartRead:
		return newReader(ctx)
	case StartReview:
		return newReview(ctx, o.Week)
	case StartMentoring:
		return openMentoring(ctx, o.Day)
	case StartReflection:
		return openReflection(ctx, o.Week)
	case StartAssessment:
		return openAssessment(ctx, o.Day)
	}
	return nil
}
