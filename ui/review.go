package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/journal"
	"tillit/report"
	"tillit/termtext"
)

// reviewModel is the weekly review: one ISO week at a time, its strip of
// days, its numbers, and its entries in a pager; and the list of open
// commitments, each of which can be closed.
type reviewModel struct {
	ctx   *Context
	j     *journal.Journal
	week  journal.Week
	stats journal.WeekStats
	page  pager

	// The list of open commitments.
	listing bool
	open    []journal.Outcome
	cursor  int
	closing journal.Followup // the outcome chosen for the one being closed
	note    textinput.Model
	saving  bool

	flash string
	err   string
}

// Messages of the review.
type (
	commitmentClosedMsg struct {
		day journal.Date
		err error
	}
)

func newReview(ctx *Context, w journal.Week) *reviewModel {
	m := &reviewModel{ctx: ctx, week: w, page: newPager(ctx)}
	m.note = textinput.New()
	m.note.Prompt = "┃ "
	m.note.SetStyles(ctx.Styles.TextInput)
	m.resize()
	return m
}

// refresh takes a freshly read journal and shows the week from it.
func (m *reviewModel) refresh(j *journal.Journal) tea.Cmd {
	m.j = j
	m.open = j.OpenCommitments()
	m.cursor = min(m.cursor, max(0, len(m.open)-1))
	return m.show()
}

// show computes the week's numbers and renders its entries.
func (m *reviewModel) show() tea.Cmd {
	if m.j == nil {
		return nil
	}
	m.stats = m.j.Week(m.week, m.ctx.Today())
	md := report.WeekEntries(m.j, m.stats, m.ctx.Coach.ReportOptions(true))
	m.resize()
	return m.page.show("week-"+m.week.String(), md)
}

// resize fits the page under the header, which is taller on a narrow
// window (the strip in two rows, the numbers wrapped) and shorter on a low
// one (no legend), and over the status.
func (m *reviewModel) resize() {
	h := m.ctx.Height - m.headerLines() - 2
	if st := m.status(); st != "" {
		h -= lipgloss.Height(st)
	}
	m.page.setSize(m.ctx.Width, max(1, h))
	m.note.SetWidth(m.ctx.ContentWidth() - 4)
}

func (m *reviewModel) restyle() { m.note.SetStyles(m.ctx.Styles.TextInput) }

func (m *reviewModel) rerender() tea.Cmd {
	m.resize()
	return m.page.rerender()
}

func (m *reviewModel) inText() bool { return m.listing && m.closing != "" }

func (m *reviewModel) scrolls() bool { return !m.listing }

// headerLines is how tall the header is, with the rule under it.
func (m *reviewModel) headerLines() int {
	if m.j == nil {
		return 7
	}
	return lipgloss.Height(m.viewHeader()) + 1
}

func (m *reviewModel) Update(msg tea.Msg) tea.Cmd {
	cmd := m.update(msg)
	m.resize() // the header and the status change with the week
	return cmd
}

func (m *reviewModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case renderedMsg:
		if err := m.page.rendered(msg); err != nil {
			m.err = err.Error()
		}
		return nil
	case commitmentClosedMsg:
		m.saving = false
		if msg.err != nil {
			m.err = m.ctx.Lang.Describe(msg.err)
			return nil
		}
		m.closing, m.err = "", ""
		m.note.Reset()
		m.flash = m.ctx.T("review.closed", "Day", m.ctx.DayMonth(msg.day))
		return func() tea.Msg { return reloadJournalMsg{} }
	case tea.MouseWheelMsg:
		if !m.listing {
			m.page.scroll(msg)
		}
		return nil
	case tea.KeyPressMsg:
		if m.listing {
			return m.listKey(msg)
		}
		return m.mainKey(msg)
	}
	if m.inText() {
		var cmd tea.Cmd
		m.note, cmd = m.note.Update(msg)
		return cmd
	}
	return nil
}

func (m *reviewModel) mainKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Left):
		m.week = m.week.Add(-1)
		m.flash, m.err = "", ""
		return m.show()
	case key.Matches(msg, k.Right):
		m.week = m.week.Add(1)
		m.flash, m.err = "", ""
		return m.show()
	case key.Matches(msg, k.ThisWeek):
		m.week = journal.WeekOf(m.ctx.Today())
		return m.show()
	case key.Matches(msg, k.Reflect):
		return open(openReflection(m.ctx, m.week))
	case key.Matches(msg, k.Commitments):
		m.listing, m.flash, m.err = true, "", ""
		return nil
	case key.Matches(msg, k.Insights):
		return open(newInsights(m.ctx))
	case key.Matches(msg, k.Mentoring):
		return open(openMentoring(m.ctx, m.ctx.Today()))
	case key.Matches(msg, k.Export):
		return open(newExport(m.ctx))
	case key.Matches(msg, k.Back, k.Quit):
		return closeWith(m, closeMsg{})
	}
	m.page.scroll(msg)
	return nil
}

func (m *reviewModel) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	if m.closing != "" {
		switch {
		case key.Matches(msg, k.Back):
			m.closing = ""
			m.note.Blur()
			return nil
		case key.Matches(msg, k.Next):
			if m.saving || m.cursor >= len(m.open) {
				return nil
			}
			m.saving = true
			c := m.open[m.cursor].Commitment
			store, day, text, result, note, today := m.ctx.Store, c.Date, c.Commitment, m.closing, m.note.Value(), m.ctx.Today()
			return func() tea.Msg {
				return commitmentClosedMsg{day, store.CloseCommitment(day, text, result, note, today)}
			}
		}
		var cmd tea.Cmd
		m.note, cmd = m.note.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(msg, k.Down):
		m.cursor = min(max(0, len(m.open)-1), m.cursor+1)
	case len(m.open) > 0 && (msg.Text == "1" || msg.Text == "2" || msg.Text == "3"):
		m.closing = followupChoices[msg.Text[0]-'1']
		m.flash = ""
		return m.note.Focus()
	case key.Matches(msg, k.Back, k.Commitments):
		m.listing = false
	}
	return nil
}

// reshown says on the review what the screen that closed did: the
// reflection saved, or a document that could not open.
func (m *reviewModel) reshown(c closeMsg) {
	switch {
	case c.err != nil:
		m.err = m.ctx.Lang.Describe(c.err)
	case c.flash != "":
		m.flash = c.flash
	}
}

func (m *reviewModel) help() bindings {
	k := m.ctx.Keys
	shown := func(keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, m.ctx.T(desc)))
	}
	if m.listing {
		if m.closing != "" {
			save := k.Next
			save.SetHelp("enter", m.ctx.T("key.save"))
			return bindings{short: []key.Binding{save, k.Back}, full: [][]key.Binding{{save, k.Back}}}
		}
		short := []key.Binding{k.Back}
		if len(m.open) > 0 {
			short = []key.Binding{k.Up, k.Down, shown("1/2/3", "key.close_commitment"), k.Back}
			return bindings{short: short, full: [][]key.Binding{short}}.ranked(2, 2, 0, 1)
		}
		return bindings{short: short, full: [][]key.Binding{short}}
	}
	prev, next := k.Left, k.Right
	prev.SetHelp("←/h", m.ctx.T("key.prev_week"))
	next.SetHelp("→/l", m.ctx.T("key.next_week"))
	back := k.Back
	back.SetHelp("esc/q", m.ctx.T("key.back"))
	short := []key.Binding{prev, next, k.Reflect, k.Commitments, k.Insights, back}
	full := [][]key.Binding{{prev, next, k.ThisWeek, k.Reflect, k.Commitments, k.Insights, k.Export, k.Mentoring, back},
		{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}}
	// The arrows are named at the top right too.
	return bindings{short: short, full: full}.ranked(1, 1, 0, 2, 3, 0)
}

func (m *reviewModel) View() string {
	ctx, st := m.ctx, m.ctx.Styles
	if m.j == nil {
		return "" // the journal is still being read
	}
	lines := []string{m.viewHeader()}
	if m.listing {
		lines = append(lines, "", m.viewCommitments())
	} else {
		lines = append(lines, st.Faint.Render("  "+strings.Repeat("─", max(0, min(ctx.Width-4, 90)))))
		lines = append(lines, m.page.View())
	}
	return withStatus(ctx, strings.Join(lines, "\n"), m.status())
}

// status is what just happened, or what went wrong.
func (m *reviewModel) status() string {
	ctx, st := m.ctx, m.ctx.Styles
	switch {
	case m.err != "":
		return st.Error.Width(ctx.Width - 2).Render("! " + m.err)
	case m.flash != "":
		return st.Success.Width(ctx.Width - 1).PaddingLeft(1).Render(m.flash)
	}
	return ""
}

// viewHeader is the lines above the week's entries: the week, its strip
// of days (and, where there is room, what its marks mean), its numbers
// and its commitments, in words.
func (m *reviewModel) viewHeader() string {
	ctx, st := m.ctx, m.ctx.Styles
	title := st.Title.Render(ctx.T("review.title")) + st.Faint.Render(" · "+report.WeekTitle(m.week, ctx.Lang))
	if m.week == journal.WeekOf(ctx.Today()) {
		title += st.Faint.Render(" · " + ctx.T("review.this_week"))
	}
	right := st.Faint.Render(ctx.T("review.nav"))
	if pos := m.page.position(); pos != "" && !m.listing {
		right = st.Faint.Render("↕ "+pos) + "   " + right
	}
	lines := []string{spread(" "+truncate(title, ctx.Width-lipgloss.Width(right)-3), right+" ", ctx.Width)}
	lines = append(lines, "", m.viewStrip())
	if ctx.Height >= 24 {
		lines = append(lines, st.Faint.Width(ctx.Width-1).PaddingLeft(3).Render(ctx.T("review.legend")))
	}
	s := m.stats
	avg := "–"
	if s.AverageRating != nil {
		avg = ctx.Lang.Decimal(*s.AverageRating, 1)
	}
	numbers := ctx.T("review.numbers", "CheckIns", s.CheckIns, "Average", avg, "Streak", s.CurrentStreak, "Longest", s.LongestStreak, "Tips", report.TipList(s.Tips))
	lines = append(lines, st.Text.Width(ctx.Width-3).PaddingLeft(3).Render(numbers))
	commits := report.Commitments(s.Commitments, ctx.Lang)
	refl := st.Faint.Render(ctx.T("review.no_reflection"))
	if s.Reflection != nil {
		refl = st.Success.Render("✓ " + ctx.T("review.reflection_written"))
	}
	if lipgloss.Width(commits)+lipgloss.Width(refl)+2 <= min(ctx.Width-4, 90) {
		lines = append(lines, "   "+spread(commits, refl, min(ctx.Width-4, 90)))
	} else {
		lines = append(lines, st.Text.Width(ctx.Width-3).PaddingLeft(3).Render(commits), "   "+refl)
	}
	return strings.Join(lines, "\n")
}

// viewStrip draws Monday to Sunday: a symbol, the tip and the rating.
func (m *reviewModel) viewStrip() string {
	ctx, st := m.ctx, m.ctx.Styles
	today := ctx.Today()
	begins, started := m.j.Begins()
	var cells []string
	for _, d := range m.stats.Days {
		name := fmt.Sprintf("%-2s", ctx.Lang.WeekdayShort(d.Date.Weekday()))
		var cell string
		switch {
		case d.CheckIn:
			r := "–"
			if d.Entry.Rating > 0 {
				r = fmt.Sprint(d.Entry.Rating)
			}
			cell = st.Highlight.Render(fmt.Sprintf("●%d", d.Entry.Tip)) + " " + r
			if d.Entry.Private {
				cell += "🔒"
			}
		case d.Away:
			cell = st.Faint.Render("⌂")
		case d.Date == today:
			cell = st.Highlight.Render("◉")
		case d.Date.Before(today) && started && !d.Date.Before(begins):
			cell = st.Faint.Render("○")
		case d.Date.Before(today):
			cell = " " // before the journal began: nothing to say
		default:
			cell = st.Faint.Render("·")
		}
		cells = append(cells, name+" "+cell)
	}
	// Two rows on a narrow window.
	line := strings.Join(cells, "   ")
	if lipgloss.Width(line)+3 <= ctx.Width {
		return "   " + line
	}
	return "   " + strings.Join(cells[:4], "  ") + "\n   " + strings.Join(cells[4:], "  ")
}

func (m *reviewModel) viewCommitments() string {
	ctx, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString("  " + st.Title.Render(ctx.T("review.open_title", "N", len(m.open))) + "\n\n")
	if len(m.open) == 0 {
		b.WriteString("  " + st.Faint.Render(ctx.T("review.none_open")) + "\n")
		return b.String()
	}
	room := max(1, ctx.Height-m.headerLines()-8)
	first := max(0, m.cursor-room+1)
	for i, o := range m.open {
		if i < first || i >= first+room {
			continue
		}
		marker, style := "   ", st.Text
		if i == m.cursor {
			marker, style = " › ", st.Highlight
		}
		d := o.Commitment.Date
		line := fmt.Sprintf("%s%s  %s", marker, ctx.Lang.ShortDate(d.Year, d.Month, d.Day), termtext.Clean(o.Commitment.Commitment))
		b.WriteString(style.Render(truncate(line, ctx.Width-4)) + "\n")
	}
	b.WriteString("\n")
	if m.closing != "" {
		b.WriteString("  " + st.Strong.Render(report.Symbol(m.closing)+" "+followupLabel(ctx, m.closing)) + "  " + st.Faint.Render(ctx.T("review.close_note")) + "\n  " + m.note.View())
	} else {
		b.WriteString("  " + st.Faint.Render(ctx.T("review.close_hint")))
	}
	return b.String()
}
