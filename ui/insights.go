package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/journal"
	"tillit/report"
)

// calendarWeeks is how far back the check-in calendar reaches.
const calendarWeeks = 26

// insightsModel shows the pattern: each tip with how often it was reflected
// on, the last rating and the ratings over time; and a calendar of check-in
// days. Every mark has a symbol, so it reads without colour too.
type insightsModel struct {
	ctx      *Context
	tips     []journal.TipStat
	calendar [][7]journal.CalendarDay
	gridTop  int // the first tip shown, on a short window
	// onCalendar shows the calendar instead of the grid, on a window too
	// small for both.
	onCalendar bool
	// compared is the first and the latest self-assessment; onAssess
	// shows them instead of the grid (insights_assess.go).
	compared  *report.Compared
	onAssess  bool
	assessTop int
}

func newInsights(ctx *Context) *insightsModel { return &insightsModel{ctx: ctx} }

func (m *insightsModel) refresh(j *journal.Journal) tea.Cmd {
	m.tips = journal.TipStats(m.ctx.Coach.InPack(j.Entries), m.ctx.Pack.Count())
	m.calendar = j.Calendar(m.ctx.Today(), calendarWeeks)
	m.compared = assessed(m.ctx, j)
	m.onAssess = m.onAssess && m.compared != nil
	return nil
}

func (m *insightsModel) Update(msg tea.Msg) tea.Cmd {
	k := m.ctx.Keys
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, k.Assess) && m.compared != nil:
			m.onAssess = !m.onAssess
		case m.onAssess && key.Matches(msg, k.Down):
			m.assessTop = min(m.assessTop+1, max(0, len(m.assessLines())-(m.ctx.Height-4)))
		case m.onAssess && key.Matches(msg, k.Up):
			m.assessTop = max(0, m.assessTop-1)
		case m.onAssess && key.Matches(msg, k.Back):
			m.onAssess = false
		case key.Matches(msg, k.Switch) && m.layout() == layoutOne:
			m.onCalendar = !m.onCalendar
		case key.Matches(msg, k.Down):
			m.gridTop = min(m.gridTop+1, max(0, len(m.tips)-(m.ctx.Height-5)))
		case key.Matches(msg, k.Up):
			m.gridTop = max(0, m.gridTop-1)
		case key.Matches(msg, k.Back, k.Quit, k.Insights):
			return closeWith(m, closeMsg{})
		}
	}
	return nil
}

func (m *insightsModel) help() bindings {
	k := m.ctx.Keys
	if m.onAssess {
		short := []key.Binding{withDesc(k.Assess, m.ctx.T("key.insights_grid")), k.Back}
		if m.ctx.Height-4 < len(m.assessLines()) {
			short = append([]key.Binding{k.Up, k.Down}, short...)
		}
		return bindings{short: short, full: [][]key.Binding{short}}
	}
	short := []key.Binding{k.Back}
	if m.compared != nil {
		short = []key.Binding{withDesc(k.Assess, m.ctx.T("key.insights_assess")), k.Back}
	}
	if m.layout() == layoutOne {
		sw := k.Switch
		sw.SetHelp(sw.Help().Key, m.ctx.T("key.grid_calendar"))
		short = append([]key.Binding{sw}, short...)
	}
	rank := make([]int, len(short)) // the way back and the switch first
	if m.ctx.Height-5 < len(m.tips) && !m.onCalendar {
		rows := k.Rows
		rows.SetHelp("↑/↓", m.ctx.T("key.scroll"))
		short, rank = append([]key.Binding{rows}, short...), append([]int{1}, rank...)
	}
	return bindings{short: short, full: [][]key.Binding{short}}.ranked(rank...)
}

// How the grid and the calendar share the window.
const (
	layoutStacked = iota // one above the other
	layoutSide           // side by side
	layoutOne            // one at a time, tab switches
)

func (m *insightsModel) layout() int {
	grid, cal := m.viewGrid(), m.viewCalendar()
	switch {
	case m.ctx.Height-2 >= 2+lipgloss.Height(grid)+1+lipgloss.Height(cal):
		return layoutStacked
	case m.ctx.Width >= lipgloss.Width(grid)+lipgloss.Width(cal)+4:
		return layoutSide
	}
	return layoutOne
}

func (m *insightsModel) View() string {
	ctx, st := m.ctx, m.ctx.Styles
	header := " " + st.Title.Render(ctx.T("insights.title")) + st.Faint.Render(" · "+ctx.Pack.Name)
	if m.onAssess {
		header = " " + st.Title.Render(ctx.T("insights.title")) + st.Faint.Render(" · "+ctx.T("assessment.title"))
		return truncate(header, ctx.Width) + "\n\n" + m.viewAssess()
	}
	lines := []string{truncate(header, ctx.Width), ""}
	grid, cal := m.viewGrid(), m.viewCalendar()
	switch m.layout() {
	case layoutStacked:
		lines = append(lines, grid, "", cal)
	case layoutSide:
		lines = append(lines, lipgloss.JoinHorizontal(lipgloss.Top, grid, "    ", cal))
	case layoutOne:
		if !m.onCalendar {
			lines = append(lines, grid)
			break
		}
		lines = append(lines, cal)
	}
	return strings.Join(lines, "\n")
}

// viewGrid is one row per tip: number, title, theme, times, last rating,
// trend.
func (m *insightsModel) viewGrid() string {
	ctx, st := m.ctx, m.ctx.Styles
	// The columns are as wide as their headings; the title takes what is
	// left, and the trend's heading is cut to its column. A pack without
	// themes, or a narrow window, has no theme column. The last rating is
	// named in full where the window has room.
	last := ctx.T("insights.last")
	if ctx.Width >= 80 {
		last = ctx.T("insights.last_rating")
	}
	timesW := max(3, lipgloss.Width(ctx.T("insights.times")))
	lastW := max(2, lipgloss.Width(last))
	themeW := 0
	for _, th := range ctx.Pack.Themes {
		themeW = max(themeW, lipgloss.Width(th.Short), lipgloss.Width(ctx.T("insights.theme")))
	}
	trendW := 10
	themeGap := 0
	switch {
	case ctx.Width-2-3-2-themeW-2-timesW-2-lastW-2-trendW-2 < 14:
		themeW = 0 // a narrow window keeps the titles readable
	case themeW > 0:
		themeGap = 2
	}
	titleW := max(10, min(38, ctx.Width-2-3-2-themeW-themeGap-timesW-2-lastW-2-trendW-2))
	row := func(n, title, theme, times, last, trend string) string {
		if themeW > 0 {
			title = fmt.Sprintf("%-*s  %-*s", titleW, truncate(title, titleW), themeW, theme)
		} else {
			title = fmt.Sprintf("%-*s", titleW, truncate(title, titleW))
		}
		return fmt.Sprintf("  %3s  %s  %*s  %*s  %s", n, title, timesW, times, lastW, last, trend)
	}
	var b strings.Builder
	b.WriteString(st.Faint.Render(truncate(row("#", ctx.T("insights.tip"), ctx.T("insights.theme"), ctx.T("insights.times"), last, ctx.T("insights.trend")), ctx.Width-1)) + "\n")
	tips := m.tips
	// On a short window the grid scrolls (↑/↓).
	if room := ctx.Height - 5; room < len(tips) && room > 0 {
		top := min(m.gridTop, len(tips)-room)
		tips = tips[top : top+room]
	}
	for _, s := range tips {
		t, _ := ctx.Pack.Tip(s.Tip)
		last := "–"
		if r := s.LastRating(); r > 0 {
			last = fmt.Sprint(r)
		}
		theme := ""
		if th, ok := ctx.Pack.Theme(t.Theme); ok {
			theme = th.Short
		}
		times := fmt.Sprint(s.Count)
		line := row(fmt.Sprint(s.Tip), t.Short, theme, times, last, sparkline(s.Ratings, 10))
		if s.Count == 0 {
			line = st.Faint.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// sparkBars draw ratings 1–5 as bars of rising height.
var sparkBars = []rune{'▁', '▂', '▄', '▆', '█'}

// sparkline draws the last n ratings, oldest first.
func sparkline(ratings []int, n int) string {
	if len(ratings) > n {
		ratings = ratings[len(ratings)-n:]
	}
	var b strings.Builder
	for _, r := range ratings {
		if r >= 1 && r <= 5 {
			b.WriteRune(sparkBars[r-1])
		}
	}
	return b.String()
}

// viewCalendar is the last 26 weeks, a column per week and a row per
// weekday, GitHub style; the mark's shape says how the day went.
func (m *insightsModel) viewCalendar() string {
	ctx, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	// The weeks drawn, which a narrow window makes fewer.
	b.WriteString(st.Faint.Render("  "+ctx.T("insights.calendar", "N", len(m.weeks()))) + "\n")
	// Month names over the week each month begins in.
	months := []rune(strings.Repeat(" ", 5+2*len(m.weeks())))
	last := time.Month(0)
	for c, col := range m.weeks() {
		mo := col[0].Date.Month
		if mo == last {
			continue
		}
		last = mo
		name := []rune(ctx.Lang.Month(mo))
		if len(name) > 3 {
			name = name[:3]
		}
		at := 5 + 2*c
		if at+len(name) <= len(months) && (at < 1 || months[at-1] == ' ') {
			copy(months[at:], name)
		}
	}
	b.WriteString(st.Faint.Render(strings.TrimRight(string(months), " ")) + "\n")
	for day := range 7 {
		wd := m.weekday(day)
		b.WriteString(st.Faint.Render(fmt.Sprintf("  %-2s ", ctx.Lang.WeekdayShort(wd))))
		for _, col := range m.weeks() {
			b.WriteString(m.cell(col[day]) + " ")
		}
		b.WriteString("\n")
	}
	b.WriteString(st.Faint.Width(ctx.Width - 1).Render("  " + ctx.T("insights.legend")))
	return b.String()
}

// weeks are the calendar's columns that fit the window, the newest kept.
func (m *insightsModel) weeks() [][7]journal.CalendarDay {
	fit := max(4, (m.ctx.Width-6)/2)
	if len(m.calendar) > fit {
		return m.calendar[len(m.calendar)-fit:]
	}
	return m.calendar
}

// weekday is row day of the calendar: Monday first.
func (m *insightsModel) weekday(day int) time.Weekday { return time.Weekday((day + 1) % 7) }

// cell marks one day: nothing, away, or a check-in shaded by its rating.
func (m *insightsModel) cell(d journal.CalendarDay) string {
	st := m.ctx.Styles
	switch {
	case d.Future:
		return " "
	case d.CheckIn:
		shade, level := "▪", 0
		switch {
		case d.Rating >= 4:
			shade, level = "█", 3
		case d.Rating == 3:
			shade, level = "▓", 2
		case d.Rating > 0:
			shade, level = "▒", 1
		}
		return st.Heat[level].Render(shade)
	case d.Away:
		return st.Faint.Render("⌂")
	}
	return st.Faint.Render("·")
}
