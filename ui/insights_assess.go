package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"tillit/content"
	"tillit/journal"
	"tillit/report"
)

// The page of Insights that shows the self-assessments: where the manager
// stood on each tip at the first one beside the latest, and what changed;
// and the staff pulse beside it, when one was taken. a switches to it.

// assessed lays the first and the latest self-assessment of the pack in
// use side by side; nil when there is none.
func assessed(ctx *Context, j *journal.Journal) *report.Compared {
	list := j.AssessmentsOf(ctx.Pack.ID, content.BuiltinID)
	switch len(list) {
	case 0:
		return nil
	case 1:
	default:
		list = []*journal.Assessment{list[0], list[len(list)-1]}
	}
	c := report.Compare(list, ctx.Pack, ctx.Lang.Lang())
	return &c
}

// assessLines are the lines of the page: the tips, their average, the
// pulse.
func (m *insightsModel) assessLines() []string {
	ctx, st := m.ctx, m.ctx.Styles
	c := m.compared
	o := ctx.Coach.ReportOptions(true)
	head := c.Heads(o)
	// The columns of numbers: the days', as wide as the widest day, and
	// the change's, as wide as its heading.
	days := len(c.Dates)
	dayW := 4
	for _, col := range head[:days] {
		dayW = max(dayW, lipgloss.Width(col))
	}
	widths := make([]int, len(head))
	for i := range widths {
		widths[i] = dayW
	}
	if c.Changes() {
		widths[days] = max(5, lipgloss.Width(head[days]))
	}
	cellsOf := func(cells []string) string {
		var s string
		for i, cell := range cells {
			s += "  " + strings.Repeat(" ", max(0, widths[i]-lipgloss.Width(cell))) + cell
		}
		return s
	}
	themeW := 0
	for _, t := range c.Tips {
		themeW = max(themeW, lipgloss.Width(t.Theme))
	}
	if themeW > 0 {
		themeW = max(themeW, lipgloss.Width(ctx.T("insights.theme")))
	}
	fixed := 2 + 3 + 2 + lipgloss.Width(cellsOf(make([]string, len(widths))))
	if themeW > 0 && ctx.Width-fixed-themeW-2 < 14 {
		themeW = 0 // a narrow window keeps the titles readable
	}
	if themeW > 0 {
		fixed += themeW + 2
	}
	titleW := max(10, min(38, ctx.Width-fixed-1))
	row := func(n, title, theme string, cells []string) string {
		s := fmt.Sprintf("  %3s  %-*s", n, titleW, truncate(title, titleW))
		if themeW > 0 {
			s += fmt.Sprintf("  %-*s", themeW, theme)
		}
		return s + cellsOf(cells)
	}
	// wide is a row whose title takes the columns of the number, the
	// title and the theme: the average, the pulse.
	wide := func(title string, cells []string) string {
		w := titleW + 5
		if themeW > 0 {
			w += themeW + 2
		}
		return fmt.Sprintf("  %-*s", w, truncate(title, w)) + cellsOf(cells)
	}
	lines := []string{st.Faint.Render(truncate(row("#", ctx.T("assessment.tip"), ctx.T("insights.theme"), head), ctx.Width-1))}
	for _, t := range c.Tips {
		cells := c.Cells(t)
		line := row(fmt.Sprint(t.Tip), t.Short, t.Theme, cells)
		if d, ok := t.Change(); ok && d != 0 {
			// The change stands out; its sign says it without colour.
			style := st.Success
			if d < 0 {
				style = st.Warning
			}
			line = strings.TrimSuffix(line, cells[len(cells)-1]) + style.Render(cells[len(cells)-1])
		}
		lines = append(lines, line)
	}
	if label, cells, ok := c.Average(o); ok {
		lines = append(lines, st.Strong.Render(wide("     "+label, cells)))
	}
	if !c.Changes() {
		lines = append(lines, "", st.Faint.Width(ctx.Width-4).PaddingLeft(2).Render(ctx.T("insights.assess_once")))
	}
	if c.Pulse != nil {
		lines = append(lines, "", st.Faint.Render(truncate(wide(content.MustStaffPulse(ctx.Lang.Lang()).Title, head), ctx.Width-1)))
		lines = append(lines, wide(ctx.T("assessment.answered"), c.AnsweredCells()))
		for _, q := range c.Pulse {
			lines = append(lines, wide(q.Short, c.PulseCells(q, o)))
		}
	}
	return lines
}

// viewAssess draws the page, scrolled to assessTop on a short window.
func (m *insightsModel) viewAssess() string {
	lines := m.assessLines()
	// The columns' heads stay; the rows under them scroll.
	if room := m.ctx.Height - 4; room < len(lines) && room > 1 {
		top := min(m.assessTop, len(lines)-room)
		lines = append(lines[:1:1], lines[1+top:top+room]...)
	}
	return strings.Join(lines, "\n")
}
