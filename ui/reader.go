package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/content"
	"tillit/report"
)

// readerPart is what the Read screen shows.
type readerPart int

const (
	readIntro readerPart = iota
	readArticle
	readTips
	readTip
	readTeam // the staff meeting on the tip open
)

// readerModel is the Read screen: an introduction to the reform, the
// idebanken article, the list of tips, and each tip's page with its staff
// meeting, all in one pager.
type readerModel struct {
	ctx    *Context
	part   readerPart
	cursor int // the tip chosen in the list, 0-based
	page   pager
	err    string
}

func newReader(ctx *Context) *readerModel {
	m := &readerModel{ctx: ctx, page: newPager(ctx)}
	m.resize()
	return m
}

func (m *readerModel) Init() tea.Cmd { return m.showPart() }

func (m *readerModel) scrolls() bool { return m.part != readTips }

func (m *readerModel) resize() {
	m.page.setSize(m.ctx.Width, m.ctx.Height-4)
}

func (m *readerModel) rerender() tea.Cmd {
	m.resize()
	return m.page.rerender()
}

// showPart puts the current part in the pager.
func (m *readerModel) showPart() tea.Cmd {
	switch m.part {
	case readIntro:
		return m.page.show("intro", content.Introduction(m.ctx.Lang.Lang()))
	case readArticle:
		return m.page.show("article", content.Article(m.ctx.Lang.Lang()))
	case readTip:
		t, _ := m.ctx.Pack.Tip(m.cursor + 1)
		return m.page.show(fmt.Sprintf("tip-%d", t.Number), tipPage(m.ctx, m.ctx.Pack, t, nil))
	case readTeam:
		t, _ := m.ctx.Pack.Tip(m.cursor + 1)
		return m.page.show(fmt.Sprintf("team-%d", t.Number), report.TeamMeeting(m.ctx.Pack, t, m.ctx.Lang))
	}
	return nil
}

// switchPart goes to the next of introduction, article and tips (tab).
func (m *readerModel) switchPart() tea.Cmd {
	switch m.part {
	case readIntro:
		m.part = readArticle
	case readArticle:
		m.part = readTips
		return nil
	default:
		m.part = readIntro
	}
	return m.showPart()
}

func (m *readerModel) Update(msg tea.Msg) tea.Cmd {
	k := m.ctx.Keys
	switch msg := msg.(type) {
	case renderedMsg:
		if err := m.page.rendered(msg); err != nil {
			m.err = err.Error()
		}
		return nil
	case tea.MouseWheelMsg:
		if m.part != readTips {
			m.page.scroll(msg)
		}
		return nil
	case tea.KeyPressMsg:
		n := m.ctx.Pack.Count()
		switch m.part {
		case readTips:
			switch {
			case key.Matches(msg, k.Up):
				m.cursor = (m.cursor + n - 1) % n
			case key.Matches(msg, k.Down):
				m.cursor = (m.cursor + 1) % n
			case key.Matches(msg, k.Top):
				m.cursor = 0
			case key.Matches(msg, k.Bottom):
				m.cursor = n - 1
			case key.Matches(msg, k.Pick):
				m.part = readTip
				return m.showPart()
			case key.Matches(msg, k.Switch):
				return m.switchPart()
			case key.Matches(msg, k.Back, k.Quit):
				return closeWith(m, closeMsg{})
			}
			return nil
		case readTip, readTeam:
			switch {
			case key.Matches(msg, k.Left):
				m.cursor = (m.cursor + n - 1) % n
				return m.showPart()
			case key.Matches(msg, k.Right):
				m.cursor = (m.cursor + 1) % n
				return m.showPart()
			case key.Matches(msg, k.Team):
				m.part = map[readerPart]readerPart{readTip: readTeam, readTeam: readTip}[m.part]
				return m.showPart()
			case key.Matches(msg, k.Back) && m.part == readTeam:
				m.part = readTip
				return m.showPart()
			case key.Matches(msg, k.Back):
				m.part = readTips
				return nil
			case key.Matches(msg, k.Switch):
				return m.switchPart()
			case key.Matches(msg, k.Quit):
				return closeWith(m, closeMsg{})
			}
		case readIntro, readArticle:
			switch {
			case key.Matches(msg, k.Switch):
				return m.switchPart()
			case key.Matches(msg, k.Back, k.Quit):
				return closeWith(m, closeMsg{})
			}
		}
		m.page.scroll(msg)
	}
	return nil
}

func (m *readerModel) help() bindings {
	k := m.ctx.Keys
	scroll := []key.Binding{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}
	var short []key.Binding
	var rank []int
	sw := withDesc(k.Switch, m.ctx.T("key.to_intro"))
	switch m.part {
	case readIntro:
		short = []key.Binding{k.Down, k.PageDown, withDesc(k.Switch, m.ctx.T("key.to_article")), k.Back}
		rank = []int{2, 1, 0, 0}
	case readArticle:
		short = []key.Binding{k.Down, k.PageDown, withDesc(k.Switch, m.ctx.T("key.to_tips")), k.Back}
		rank = []int{2, 1, 0, 0}
	case readTips:
		short = []key.Binding{k.Up, k.Down, k.Pick, sw, k.Back}
		rank = []int{1, 1, 0, 2, 0}
		scroll = []key.Binding{k.Up, k.Down, k.Top, k.Bottom}
	case readTip, readTeam:
		prev, next := withDesc(k.Left, m.ctx.T("key.prev_tip")), withDesc(k.Right, m.ctx.T("key.next_tip"))
		team := k.Team
		if m.part == readTeam {
			team = withDesc(k.Team, m.ctx.T("key.to_tip"))
		}
		short = []key.Binding{k.Down, prev, next, team, k.Back, sw}
		rank = []int{2, 0, 0, 1, 0, 1}
	}
	return bindings{short: short, full: [][]key.Binding{short, scroll, {k.Quit}}}.ranked(rank...)
}

func (m *readerModel) View() string {
	ctx, st := m.ctx, m.ctx.Styles
	tabs := []string{ctx.T("reader.intro"), ctx.T("reader.article"), ctx.T("reader.tips")}
	active := min(int(m.part), 2)
	for i, t := range tabs {
		if i == active {
			tabs[i] = st.Highlight.Render("▸ " + t)
		} else {
			tabs[i] = st.Faint.Render("  " + t)
		}
	}
	left := " " + st.Title.Render(ctx.T("reader.title")) + "   " + strings.Join(tabs, "  ")
	right := ""
	if m.part != readTips {
		right = st.Faint.Render(m.page.position()) + " "
	}
	lines := []string{spread(left, right, ctx.Width), ""}
	if m.part == readTips {
		lines = append(lines, m.viewList())
	} else {
		lines = append(lines, m.page.View())
	}
	if m.err != "" {
		lines = append(lines, st.Error.Render("! "+m.err))
	}
	return strings.Join(lines, "\n")
}

func (m *readerModel) viewList() string {
	ctx, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString("  " + st.Faint.Render(m.ctx.Pack.Name) + "\n\n")
	room := ctx.Height - 6
	first := 0
	if m.cursor >= room {
		first = m.cursor - room + 1
	}
	for i, t := range ctx.Pack.Tips {
		if i < first || i >= first+room {
			continue
		}
		marker, style := "   ", st.Text
		if i == m.cursor {
			marker, style = " › ", st.Highlight
		}
		// The whole title when it fits, else the short one made for lists.
		title := t.Title
		if lipgloss.Width(title) > ctx.Width-9 {
			title = t.Short
		}
		b.WriteString(style.Render(fmt.Sprintf("%s%2d  %s", marker, t.Number, truncate(title, ctx.Width-9))) + "\n")
	}
	return b.String()
}
