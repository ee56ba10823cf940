package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/coach"
	"tillit/content"
	"tillit/journal"
	"tillit/termtext"
)

// todayModel is the home screen: the date, the week, the streak, today's
// tip, the open commitment and the one obvious next action.
type todayModel struct {
	ctx *Context

	day        journal.Date
	entry      *journal.Entry // today's entry, nil when none
	pack       *content.Pack  // the pack of today's tip
	tip        content.Tip
	round      int
	roundDone  int // tips covered in the round so far
	notes      int // notes in today's entry
	streak     int
	focus      *content.Tip // the focus tip chosen in last week's reflection
	assess     coach.AssessDue
	assessed   journal.Date // the day of the last self-assessment
	week       []dayMark
	open       *journal.Entry // the commitment to follow up
	draft      bool           // an unfinished check-in of today is waiting
	unreadable []error
	doctor     int // how many things tillit doctor would report
	loaded     bool
	flash      string // one line about what just happened

	// For a window with room to spare (todayroom.go).
	weekDays        []weekDay
	mentorQuestions []journal.MentorQuestion
}

// dayMark is one day of the week strip.
type dayMark int

const (
	dayFuture dayMark = iota
	dayMissed
	dayCheckedIn
	dayToday
	dayAway
	dayBefore // before the journal began: neither missed nor to come
)

func newToday(ctx *Context) todayModel { return todayModel{ctx: ctx} }

// refresh shows what a freshly loaded journal says of day d (worked out
// by coach.Today in the command that read it: of a journal from its index,
// that reads the entries whose words Today shows).
func (m *todayModel) refresh(j journalState, d coach.Day) {
	ctx := m.ctx
	m.loaded = true
	m.day = d.Date
	m.entry, m.pack, m.tip = d.Entry, d.Pack, d.Tip
	if d.TipGone {
		m.tip.Title, m.tip.Short = ctx.T("today.tip_gone"), ctx.T("today.tip_gone")
	}
	m.round, m.roundDone = d.Round, d.RoundDone
	m.open, m.focus = d.Open, d.Focus
	m.assess, m.assessed = d.Assess, d.LastAssessed
	m.notes = 0
	if m.entry != nil {
		m.notes = len(m.entry.Body.Notes())
	}
	m.streak = j.CurrentStreak(m.day)
	m.unreadable = j.Problems
	m.doctor = j.doctor
	m.draft = false
	for _, d := range j.drafts {
		if d == m.day {
			m.draft = true
		}
	}
	m.week = m.week[:0]
	monday := m.day.Monday()
	begins, started := j.Begins()
	for i := range 7 {
		d := monday.AddDays(i)
		away, _ := j.AwayOn(d)
		switch {
		case d != m.day && d.Before(m.day) && (!started || d.Before(begins)):
			m.week = append(m.week, dayBefore) // before the journal: not missed
		case j.CheckedIn(d):
			m.week = append(m.week, dayCheckedIn)
		case away:
			m.week = append(m.week, dayAway)
		case d == m.day:
			m.week = append(m.week, dayToday)
		case d.Before(m.day):
			m.week = append(m.week, dayMissed)
		default:
			m.week = append(m.week, dayFuture)
		}
	}
	m.gatherRoom(j.Journal)
}

func (m *todayModel) checkedIn() bool { return m.entry != nil && m.entry.IsCheckIn() }

func (m *todayModel) Update(msg tea.Msg) tea.Cmd {
	k := m.ctx.Keys
	if msg, ok := msg.(tea.KeyPressMsg); ok && m.loaded {
		switch {
		case key.Matches(msg, k.CheckIn):
			tip := 0 // editing: the entry's own
			if !m.checkedIn() {
				tip = m.tip.Number // the one the schedule chose
			}
			return open(openCheckin(m.ctx, m.day, tip, false))
		case key.Matches(msg, k.ChooseTip) && !m.checkedIn():
			return open(openCheckin(m.ctx, m.day, 0, true))
		case key.Matches(msg, k.Read):
			return open(newReader(m.ctx))
		case key.Matches(msg, k.Review):
			return open(newReview(m.ctx, journal.WeekOf(m.day)))
		case key.Matches(msg, k.Insights):
			return open(newInsights(m.ctx))
		case key.Matches(msg, k.Mentoring):
			return open(openMentoring(m.ctx, m.day))
		case key.Matches(msg, k.Assess):
			return open(openAssessment(m.ctx, m.day))
		case key.Matches(msg, k.Export):
			return open(newExport(m.ctx))
		case key.Matches(msg, k.Journal):
			return open(newJournal(m.ctx))
		case key.Matches(msg, k.Settings):
			return open(newSettings(m.ctx))
		}
	}
	return nil
}

// reshown says on Today what the screen that closed did: saved, or could
// not open.
func (m *todayModel) reshown(c closeMsg) {
	switch {
	case c.err != nil:
		m.flash = ""
		m.unreadable = append([]error{c.err}, m.unreadable...)
	case c.flash != "":
		m.flash = c.flash
	}
}

func (m *todayModel) help() bindings {
	k := m.ctx.Keys
	if !m.loaded {
		// Today takes no keys until the journal is read: none is offered.
		return bindings{short: []key.Binding{k.Quit}, full: [][]key.Binding{{k.Quit}}}
	}
	checkIn := k.CheckIn
	if m.checkedIn() {
		checkIn.SetHelp("enter", m.ctx.T("key.edit_checkin"))
	} else if m.draft {
		checkIn.SetHelp("enter", m.ctx.T("key.resume_checkin"))
	}
	// On a narrow window the reasons a manager opens tillit stay: the
	// check-in, the export and the note for the mentor, the week, the way
	// out, the insights.
	short, rank := []key.Binding{checkIn}, []int{0}
	if !m.checkedIn() {
		short, rank = append(short, k.ChooseTip), append(rank, 5)
	}
	short = append(short, k.Read, k.Review, k.Journal, k.Insights, k.Export, k.Mentoring, k.Quit)
	rank = append(rank, 4, 2, 4, 3, 1, 1, 2)
	return bindings{short: short, full: [][]key.Binding{append(slices.Clone(short), k.Assess, k.Settings)}}.ranked(rank...)
}

func (m *todayModel) View() string {
	ctx := m.ctx
	if !m.loaded {
		return ""
	}
	// Lay out the full screen; on a short window, first shorten the card,
	// then fold the week into one line.
	room := ctx.Height - 2
	out := m.fitted(room)
	return m.withRoom(out, room)
}

// fitted is Today laid out as fully as the room allows.
func (m *todayModel) fitted(room int) string {
	var out string
	for _, compact := range []int{0, 1, 2} {
		// The suggestion of a self-assessment shows where it fits as
		// the screen is: it never makes the rest smaller.
		for _, suggest := range []bool{true, false} {
			if out = m.layout(compact, suggest); lipgloss.Height(out) <= room {
				return out
			}
		}
	}
	return out
}

// layout draws Today; compact 1 leaves the tip's explanation out of the card,
// compact 2 also folds the week strip into one line; suggest shows the line
// that suggests a self-assessment, when one is due.
func (m *todayModel) layout(compact int, suggest bool) string {
	ctx, st := m.ctx, m.ctx.Styles
	w := ctx.Width
	inner := min(w-4, 76)
	var rows []string

	// The app's name and the date.
	name := " " + st.AppName.Render("tillit")
	date := st.Header.Render(ctx.Lang.Heading(ctx.LongDate(m.day))) + " "
	rows = append(rows, spread(name, date, w), "")

	// The week and the numbers beside it.
	if compact < 2 {
		rows = append(rows, m.viewWeek(inner))
		if compact == 0 {
			rows = append(rows, "   "+strings.Repeat(" ", 9)+st.Faint.Render(truncate(ctx.T("today.legend"), w-13)))
		}
		rows = append(rows, "")
	} else {
		_, week := m.day.ISOWeek()
		rows = append(rows, "   "+st.Faint.Render(ctx.T("today.week", "N", week)+" · "+ctx.T("today.streak")+" ")+st.Strong.Render(ctx.Lang.N("today.days", m.streak)), "")
	}

	// Today's tip, or what today's check-in said.
	rows = append(rows, lipgloss.NewStyle().MarginLeft(2).Render(m.viewCard(inner, compact)), "")

	// The commitment from last time.
	if m.open != nil && !m.checkedIn() {
		rows = append(rows,
			"   "+st.Faint.Render(truncate(ctx.T("today.open_commitment", "Day", ctx.DayMonth(m.open.Date)), w-4)),
			"   "+st.Strong.Render(ctx.Lang.Quote(truncate(termtext.Clean(m.open.Commitment), inner-4))),
			"   "+st.Faint.Render(truncate(ctx.T("today.asked_in_checkin"), w-4)), "")
	}
	if m.focus != nil {
		// The week's focus carries its theme and its practice through the
		// week, while the check-ins move on to the next tips.
		focus := fmt.Sprintf("%d · %s", m.focus.Number, m.focus.Short)
		if m.focus.ThemeName != "" {
			focus += " · " + m.focus.ThemeName
		}
		rows = append(rows, "   "+st.Faint.Render(ctx.T("today.focus")+" ")+st.Strong.Render(truncate(focus, inner-lipgloss.Width(ctx.T("today.focus"))-2)))
		if practice := m.focus.Commitment; practice != "" && compact < 2 {
			rows = append(rows, st.Faint.Width(inner).PaddingLeft(3).Render(ctx.T("today.focus_practice", "Practice", practice)))
		}
		rows = append(rows, "")
	}
	if line := m.assessLine(); line != "" && suggest {
		rows = append(rows, st.Faint.Width(inner).PaddingLeft(3).Render(line), "")
	}
	if len(m.unreadable) > 0 {
		// The count and the first file on one line, why on the next: the
		// user should see which file, and that it is left alone.
		first := ctx.Lang.Describe(m.unreadable[0])
		where, why, _ := strings.Cut(first, ": ")
		where = ctx.InJournal(where)
		rows = append(rows, "   "+st.Warning.Render(truncate("⚠ "+ctx.Lang.N("today.unreadable", len(m.unreadable), "First", where), inner)))
		if compact == 0 && why != "" {
			rows = append(rows, st.Faint.Width(inner).PaddingLeft(5).Render(why))
		}
	}
	if len(m.unreadable) == 0 && m.doctor > 0 {
		rows = append(rows, "   "+st.Warning.Render(truncate("⚠ "+ctx.Lang.N("today.doctor", m.doctor), inner)))
	}
	if m.flash != "" {
		// Wrapped, never cut: which file was written is the point.
		rows = append(rows, st.Success.Width(min(w-1, inner+4)).PaddingLeft(3).Render(m.flash))
	}
	return strings.Join(rows, "\n")
}

// assessLine suggests a self-assessment when one is due: the first, to
// start from, or again after a round of the tips, to compare.
func (m *todayModel) assessLine() string {
	switch m.assess {
	case coach.AssessFirst:
		return m.ctx.T("today.assess_first", "N", m.ctx.Pack.Count())
	case coach.AssessAgain:
		return m.ctx.T("today.assess_again", "N", m.ctx.Pack.Count(), "Day", m.ctx.DayMonth(m.assessed))
	}
	return ""
}

func (m *todayModel) viewWeek(width int) string {
	ctx, st := m.ctx, m.ctx.Styles
	_, week := m.day.ISOWeek()
	var names, marks []string
	monday := m.day.Monday()
	for i, mark := range m.week {
		d := monday.AddDays(i)
		names = append(names, fmt.Sprintf("%-2s", ctx.Lang.WeekdayShort(d.Weekday())))
		var sym string
		switch mark {
		case dayCheckedIn:
			sym = st.Highlight.Render("● ")
		case dayToday:
			sym = st.Highlight.Render("◉ ")
		case dayMissed:
			sym = st.Faint.Render("○ ")
		case dayAway:
			sym = st.Faint.Render("⌂ ")
		case dayBefore:
			sym = "  " // nothing to say: the journal had not begun
		default:
			sym = st.Faint.Render("· ")
		}
		marks = append(marks, sym)
	}
	label := fmt.Sprintf("%-9s", ctx.T("today.week", "N", week))
	left1 := "   " + st.Strong.Render(label) + st.Faint.Render(strings.Join(names, " "))
	left2 := "   " + strings.Repeat(" ", lipgloss.Width(label)) + strings.Join(marks, " ")

	streakLabel := st.Faint.Render(fmt.Sprintf("%-7s", ctx.T("today.streak")))
	roundLabel := st.Faint.Render(fmt.Sprintf("%-7s", ctx.T("today.round")))
	right1 := streakLabel + st.Strong.Render(ctx.Lang.N("today.days", m.streak))
	right2 := roundLabel + st.Strong.Render(ctx.T("today.round_value", "Round", m.round, "Done", m.roundDone, "Of", m.pack.Count()))
	if width < 66 {
		return left1 + "\n" + left2 + "\n\n   " + right1 + "\n   " + right2
	}
	pad := 4
	return left1 + strings.Repeat(" ", pad) + right1 + "\n" + left2 + strings.Repeat(" ", pad) + right2
}

// viewCard draws the tip card; compact 1 leaves out the explanation,
// compact 2 also uses the tip's short title.
func (m *todayModel) viewCard(width int, compact int) string {
	ctx, st := m.ctx, m.ctx.Styles
	card := st.Card.Width(width)
	text := width - card.GetHorizontalFrameSize()
	var b strings.Builder
	if m.checkedIn() {
		e := m.entry
		b.WriteString(st.CardTitle.Render("✓ "+ctx.T("today.checked_in")) + st.Faint.Render(fmt.Sprintf("  %s %d/%d", ctx.T("today.tip"), e.Tip, m.pack.Count())) + "\n\n")
		b.WriteString(st.Strong.Width(text).Render(m.tip.Title) + "\n")
		if e.Rating > 0 {
			b.WriteString(st.Faint.Render(ctx.T("today.rating")+" ") + ratingDots(e.Rating) + fmt.Sprintf(" %d/5", e.Rating) + "\n")
		}
		if e.Commitment != "" {
			b.WriteString(st.Faint.Render(ctx.T("today.commitment")+" ") + st.Text.Width(text-lipgloss.Width(ctx.T("today.commitment"))-1).Render(termtext.Clean(e.Commitment)) + "\n")
		}
		var extra []string
		if e.Private {
			extra = append(extra, "🔒 "+ctx.T("today.entry_private"))
		}
		if m.notes > 0 {
			extra = append(extra, "✎ "+ctx.Lang.N("today.notes", m.notes))
		}
		if len(extra) > 0 {
			b.WriteString(st.Faint.Render(strings.Join(extra, "   ")))
		}
		return card.Render(strings.TrimRight(b.String(), "\n"))
	}
	title := m.tip.Title
	gap := "\n\n"
	if compact == 2 {
		title, gap = m.tip.Short, "\n"
	}
	b.WriteString(st.CardTitle.Render(ctx.T("today.tip_of_day")) + st.Faint.Render(fmt.Sprintf("  %d/%d", m.tip.Number, m.pack.Count())) + gap)
	b.WriteString(st.Strong.Width(text).Render(title))
	if compact == 0 {
		b.WriteString("\n")
	}
	if compact == 0 {
		b.WriteString(st.Text.Width(text).Render(firstSentence(m.tip.Why)))
	}
	if m.notes > 0 && compact == 0 {
		b.WriteString("\n\n" + st.Faint.Render("✎ "+ctx.Lang.N("today.notes", m.notes)))
	}
	if m.draft {
		b.WriteString("\n\n" + st.Warning.Render("✎ "+ctx.T("today.draft_waiting")))
	}
	return card.Render(b.String())
}

// ratingDots draws a rating as filled and empty dots, readable without colour.
func ratingDots(r int) string {
	return strings.Repeat("●", r) + strings.Repeat("○", 5-r)
}

// firstSentence returns the text up to its first full stop, for a short
// preview of a tip's why.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for i, r := range s {
		if (r == '.' || r == '!' || r == '?') && i > 20 && (i+1 == len(s) || s[i+1] == ' ') {
			return s[:i+1]
		}
	}
	return s
}

// spread puts left and right text on one line of width w.
func spread(left, right string, w int) string {
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return left
	}
	return left + strings.Repeat(" ", gap) + right
}

// truncate cuts s to n cells with an ellipsis.
func truncate(s string, n int) string {
	if n < 2 || lipgloss.Width(s) <= n {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && lipgloss.Width(string(r)) > n-1 {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
