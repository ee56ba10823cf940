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
}

func newMarkdownRenderer() *markdownRenderer {
	return &markdownRenderer{renderers: map[rendererKey]*glamour.TermRenderer{}}
}

// render turns markdown into styled text wrapped at width.
func (r *markdownRenderer) render(md string, width int, dark bool) (string, error) {
	// Journal and pack text: Glamour drops ESC, but passes C1 controls and
	// bidi overrides to the terminal.
	md = termtext.Clean(md)
	r.mu.Lock()
	defer r.mu.Unlock()
	k := rendererKey{width, dark}
	tr, ok := r.renderers[k]
	if !ok {
		var err error
		tr, err = NewMarkdownRenderer(glamourStyle(dark), width)
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
	id    string // which page of the screen
	gen   int
	md    string
	width int
	dark  bool
}

// renderCmd renders markdown in a command, never in Update or View.
func renderCmd(r *markdownRenderer, req renderRequest) tea.Cmd {
	return func() tea.Msg {
		out, err := r.render(req.md, req.width, req.dark)
		return renderedMsg{id: req.id, gen: req.gen, out: out, err: err}
	}
}

// NewMarkdownRenderer is the one way tillit renders markdown for a
// terminal, on its screens and in its commands' output: in style, wrapped
// at width, every line break kept. Glamour reads a hard line break as a
// soft one and joins both unless told to keep them; the journal's text
// (report.Text) ends its lines in hard breaks, so lines typed stay lines
// on screen as they do in a browser. tillit's own pages (the article, the
// tips) write a paragraph on one line, so keeping breaks changes nothing
// there.
func NewMarkdownRenderer(style ansi.StyleConfig, width int) (*glamour.TermRenderer, error) {
	return glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(width), glamour.WithPreservedNewLines())
}

// MarkdownStyle is the Glamour style tillit renders with, for a dark or a
// light background; the command line uses it too.
func MarkdownStyle(dark bool) ansi.StyleConfig { return glamourStyle(dark) }

// glamourStyle is Glamour's dark or light style with tillit's accent and no
// outer margin (the screens place the text themselves). Every colour reads
// at 4.5:1 on a dark or a light terminal (the contrast test checks it):
// Glamour's greys, its light blue and pink are tillit's muted and accent,
// and code is not coloured by syntax (a journal holds little code, and the
// syntax colours are faint on one background or the other).
func glamourStyle(dark bool) ansi.StyleConfig {
	cfg := styles.LightStyleConfig
	accent, muted := "#00796B", "#6B6B6B"
	if dark {
		cfg = styles.DarkStyleConfig
		accent, muted = "#4DD0B5", "#9A9A9A"
	}
	text := *cfg.Document.Color
	cfg.Heading.Color = &accent
	cfg.LinkText.Color = &accent
	cfg.Image.Color = &accent
	cfg.ImageText.Color = &muted
	cfg.HorizontalRule.Color = &muted
	cfg.Code.Color = &text
	cfg.CodeBlock.Color = &muted
	cfg.CodeBlock.Chroma = nil
	cfg.CodeBlock.Theme = ""
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
