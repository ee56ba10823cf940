package ui

import (
	"fmt"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"

	"tillit/termtext"
)

// markdownRenderer renders markdown with Glamour off the update loop. A
// TermRenderer is not safe for concurrent use and costs a few milliseconds to
// build, so one per (width, theme) is kept and used under a lock.
type markdownRenderer struct {
	mu        sync.Mutex
	renderers map[rendererKey]*glamour.TermRenderer
}

type rendererKey struct {
	width int
	dark  bool
	lines bool
}

func newMarkdownRenderer() *markdownRenderer {
	return &markdownRenderer{renderers: map[rendererKey]*glamour.TermRenderer{}}
}

// render turns markdown into styled text wrapped at width. keepLines keeps
// the writer's line breaks, as a journal entry needs.
func (r *markdownRenderer) render(md string, width int, dark, keepLines bool) (string, error) {
	// Journal and pack text: Glamour drops ESC, but passes C1 controls and
	// bidi overrides to the terminal.
	md = termtext.Clean(md)
	r.mu.Lock()
	defer r.mu.Unlock()
	k := rendererKey{width, dark, keepLines}
	tr, ok := r.renderers[k]
	if !ok {
		opts := []glamour.TermRendererOption{glamour.WithStyles(glamourStyle(dark)), glamour.WithWordWrap(width)}
		if keepLines {
			opts = append(opts, glamour.WithPreservedNewLines())
		}
		var err error
		tr, err = glamour.NewTermRenderer(opts...)
		if err != nil {
			return "", fmt.Errorf("markdown: %w", err)
		}
		r.renderers[k] = tr
	}
	out, err := tr.Render(md)
	if err != nil {
		return "", fmt.Errorf("markdown: %w", err)
	}
	return strings.Trim(out, "\n"), nil
}

// renderedMsg carries a finished render back to the screen that asked for
// it. gen lets the screen drop results that a newer request replaced.
type renderedMsg struct {
	id  string
	gen int
	out string
	err error
}

// renderRequest is one markdown text to render for a screen.
type renderRequest struct {
	id        string // which page of the screen
	gen       int
	md        string
	width     int
	dark      bool
	keepLines bool // keep the writer's line breaks, as journal text needs
}

// renderCmd renders markdown in a command, never in Update or View.
func renderCmd(r *markdownRenderer, req renderRequest) tea.Cmd {
	return func() tea.Msg {
		out, err := r.render(req.md, req.width, req.dark, req.keepLines)
		return renderedMsg{id: req.id, gen: req.gen, out: out, err: err}
	}
}

// MarkdownStyle is the Glamour style tillit renders with, for a dark or a
// light background; the command line uses it too.
func MarkdownStyle(dark bool) ansi.StyleConfig { return glamourStyle(dark) }

// glamourStyle is Glamour's dark or light style with tillit's accent and no
// outer margin (the screens place the text themselves).
func glamourStyle(dark bool) ansi.StyleConfig {
	cfg := styles.LightStyleConfig
	accent := "#00796B"
	if dark {
		cfg = styles.DarkStyleConfig
		accent = "#4DD0B5"
	}
	zero := uint(0)
	cfg.Document.Margin = &zero
	cfg.Document.BlockPrefix = ""
	cfg.Document.BlockSuffix = ""
	cfg.H1.Prefix = ""
	cfg.H1.Suffix = ""
	cfg.H1.BackgroundColor = nil
	cfg.H1.Color = &accent
	bold := true
	cfg.H1.Bold = &bold
	cfg.H2.Color = &accent
	cfg.H2.Prefix = ""
	cfg.H3.Prefix = ""
	cfg.H4.Prefix = ""
	cfg.Link.Color = &accent
	return cfg
}
