package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"tillit/journal"
	"tillit/termtext"
)

// What Today shows on a window with room to spare: the week's check-ins
// in words, and the questions the last weekly reflection saved for the
// mentor. On a wide window they stand beside the card, on a tall one under
// it; where there is no room, Today is as it was.

// weekDay is a check-in of the week, as Today lists it.
type weekDay struct {
	day     journal.Date
	tip     int
	title   string // the tip's short title
	rating  int
	private bool
}

// gatherRoom takes from the journal what the room shows.
func (m *todayModel) gatherRoom(j *journal.Journal) {
	m.weekDays = m.weekDays[:0]
	m.mentorQuestions = m.mentorQuestions[:0]
	if j == nil {
		return
	}
	st := j.Week(journal.WeekOf(m.day), m.day)
	for _, d := range st.Days {
		if !d.CheckIn {
			continue
		}
		e := d.Entry
		wd := weekDay{day: d.Date, tip: e.Tip, rating: e.Rating, private: e.Private}
		if t, ok := m.ctx.Coach.TipOf(e.Pack, e.Tip); ok {
			wd.title = t.Short
		}
		m.weekDays = append(m.weekDays, wd)
	}
	// A question asked in more than one week is listed once.
	seen := map[string]bool{}
	for _, q := range j.OpenMentorQuestions(journal.WeekOf(m.day)) {
		if k := strings.ToLower(strings.TrimSpace(q.Text)); !seen[k] {
			seen[k] = true
			m.mentorQuestions = append(m.mentorQuestions, q)
		}
	}
}

// viewRoom is the sections of the room, each a title and its lines, in a
// column width wide; "" when there is nothing to show.
func (m *todayModel) viewRoom(width int) string {
	ctx, st := m.ctx, m.ctx.Styles
	var sections []string
	if len(m.weekDays) > 0 {
		lines := []string{st.Title.Render(ctx.T("today.this_week"))}
		for _, d := range m.weekDays {
			day := ctx.Lang.WeekdayShort(d.day.Weekday()) + fmt.Sprintf(" %d.", d.day.Day)
			line := st.Highlight.Render("● ") + st.Strong.Render(fmt.Sprintf("%-6s", day)) + " " + ctx.T("checkin.tip_n", "N", d.tip)
			if d.title != "" {
				line += " " + d.title
			}
			if d.rating > 0 {
				line += st.Faint.Render(" · " + ctx.T("today.rating_of", "N", d.rating))
			}
			if d.private {
				line += " 🔒"
			}
			lines = append(lines, truncate(line, width))
		}
		sections = append(sections, strings.Join(lines, "\n"))
	}
	if len(m.mentorQuestions) > 0 {
		lines := []string{st.Title.Render(ctx.T("today.mentor_questions"))}
		for _, q := range m.mentorQuestions {
			text := "– " + termtext.Clean(q.Text)
			if q.Private {
				text += " 🔒"
			}
			lines = append(lines, st.Text.Width(width).Render(text))
		}
		sections = append(sections, strings.Join(lines, "\n"))
	}
	return strings.Join(sections, "\n\n")
}

// withRoom puts the room beside the screen drawn (out), when the window is
// wide enough, else under it, when it is tall enough; room is the lines
// the screen may take.
func (m *todayModel) withRoom(out string, room int) string {
	w := m.ctx.Width
	// The app's name and the date span the window; the rest is a column.
	lines := strings.SplitN(out, "\n", 3)
	if len(lines) < 3 {
		return out
	}
	head, rest := lines[0]+"\n"+lines[1], lines[2]
	// The column starts past the card and the legend, in the same place
	// whatever the line under the card says.
	main := max(lipgloss.Width(rest), min(w-4, 76)+8)
	if side := w - main - 6; side >= 40 {
		col := m.viewRoom(min(side, 72))
		if col == "" {
			return out
		}
		if lines := strings.Split(col, "\n"); len(lines) > room-2 {
			col = strings.Join(lines[:max(0, room-2)], "\n")
		}
		return head + "\n" + lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(main+4).Render(rest), col)
	}
	below := m.viewRoom(min(w-6, 76))
	if below == "" || lipgloss.Height(out)+1+lipgloss.Height(below) > room {
		return out
	}
	return strings.TrimRight(out, "\n") + "\n\n" + indent3(below)
}

// indent3 moves every line three columns right, as Today's rows stand.
func indent3(s string) string { return "   " + strings.ReplaceAll(s, "\n", "\n   ") }
