package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// pager shows rendered markdown in a scrollable viewport. It asks for the
// render in a command, shows the plain text until the render arrives, and
// drops renders that a newer request (a resize, a theme change, another
// page) has replaced.
type pager struct {
	ctx *Context
	vp  viewport.Model

	id     string // which page is shown
	source string // its markdown
	gen    int
	ready  bool
	// seek is text to scroll to once the page is rendered.
	seek string
}

func newPager(ctx *Context) pager {
	vp := viewport.New()
	vp.SoftWrap = true
	vp.MouseWheelEnabled = true
	vp.Style = lipgloss.NewStyle().PaddingLeft(2)
	// The pager's keys come from the shared key map, so help tells the truth.
	vp.KeyMap = viewport.KeyMap{}
	return pager{ctx: ctx, vp: vp}
}

// show puts a page in the pager and starts its render; showing the page
// that is already there does nothing.
func (p *pager) show(id, md string) tea.Cmd {
	if p.id == id && p.source == md && p.ready {
		return nil
	}
	p.id, p.source = id, md
	// The markdown itself, soft-wrapped, until the render arrives: a screen
	// is never empty, and wrapping it costs less than a keystroke may.
	p.vp.SoftWrap = true
	p.vp.SetContent(placeholder(md, p.ctx.Width, p.ctx.Height))
	p.vp.GotoTop()
	return p.render()
}

// placeholder is the beginning of md, as much as fills a window of w×h,
// its long lines cut into rows of w: the viewport wraps every line it
// holds on every View, a long line at a cost that grows with its square (a
// megabyte on one line took minutes).
func placeholder(md string, w, h int) string {
	w, h = max(1, w), max(1, h)
	var rows []string
	for len(rows) < h && md != "" {
		line, rest, _ := strings.Cut(md, "\n")
		md = rest
		if len(line) <= w {
			rows = append(rows, line)
			continue
		}
		r := []rune(line[:min(len(line), 4*w*(h-len(rows)))])
		for len(r) > w && len(rows) < h {
			rows, r = append(rows, string(r[:w])), r[w:]
		}
		if len(rows) < h {
			rows = append(rows, string(r))
		}
	}
	return strings.Join(rows, "\n")
}

// rerender renders the page again for a new width or theme.
func (p *pager) rerender() tea.Cmd {
	if p.id == "" {
		return nil
	}
	return p.render()
}

func (p *pager) render() tea.Cmd {
	p.gen = p.ctx.nextRender()
	p.ready = false
	return renderCmd(p.ctx.md, renderRequest{
		id: p.id, gen: p.gen, md: p.source,
		width: p.ctx.ContentWidth(), dark: p.ctx.Dark,
	})
}

func (p *pager) setSize(w, h int) {
	p.vp.SetWidth(w)
	p.vp.SetHeight(max(1, h))
}

// rendered takes a finished render if it is the one the pager waits for.
func (p *pager) rendered(msg renderedMsg) error {
	if msg.id != p.id || msg.gen != p.gen {
		return nil
	}
	if msg.err != nil {
		return msg.err
	}
	offset := p.vp.YOffset()
	// A render whose lines all fit is not soft-wrapped: wrapping, the
	// viewport measures every line on every View to find the window's first
	// (80 ms a frame over an answer of 15,000 lines).
	p.vp.SoftWrap = lipgloss.Width(msg.out) > p.vp.Width()-p.vp.Style.GetHorizontalFrameSize()
	p.vp.SetContent(msg.out)
	p.vp.SetYOffset(offset) // a resize keeps the reader's place
	p.ready = true
	if p.seek != "" {
		for i, line := range strings.Split(ansi.Strip(msg.out), "\n") {
			if strings.Contains(line, p.seek) {
				p.vp.SetYOffset(i)
				break
			}
		}
		p.seek = ""
	}
	return nil
}

// scroll handles the scrolling keys and the mouse wheel; it reports whether
// the message was one of them.
func (p *pager) scroll(msg tea.Msg) bool {
	k := p.ctx.Keys
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		p.vp, _ = p.vp.Update(msg)
		return true
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			p.vp.ScrollUp(1)
		case key.Matches(msg, k.Down):
			p.vp.ScrollDown(1)
		case key.Matches(msg, k.PageUp):
			p.vp.PageUp()
		case key.Matches(msg, k.PageDown):
			p.vp.PageDown()
		case key.Matches(msg, k.Top):
			p.vp.GotoTop()
		case key.Matches(msg, k.Bottom):
			p.vp.GotoBottom()
		default:
			return false
		}
		return true
	}
	return false
}

// position says how far down the page the reader is.
func (p *pager) position() string {
	if p.vp.TotalLineCount() <= p.vp.Height() {
		return ""
	}
	return fmt.Sprintf("%d%%", int(p.vp.ScrollPercent()*100+0.5))
}

func (p *pager) View() string { return p.vp.View() }
