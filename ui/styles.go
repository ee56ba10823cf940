package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles is every look tillit uses, built for a dark or a light terminal.
// Colour never carries a meaning alone: each state also has a symbol or a
// word, so NO_COLOR and colour-blind users lose nothing.
type Styles struct {
	Dark bool

	Accent color.Color
	Muted  color.Color

	AppName   lipgloss.Style
	Header    lipgloss.Style
	Title     lipgloss.Style
	Text      lipgloss.Style
	Faint     lipgloss.Style
	Strong    lipgloss.Style
	Highlight lipgloss.Style
	Card      lipgloss.Style
	CardTitle lipgloss.Style
	Error     lipgloss.Style
	Warning   lipgloss.Style
	Success   lipgloss.Style
	Private   lipgloss.Style
	Progress  lipgloss.Style
	Choice    lipgloss.Style
	Chosen    lipgloss.Style
	Dialog    lipgloss.Style
	// Heat shades a day of the calendar by its rating, weakest first; the
	// symbol drawn says the same, so the colour only helps.
	Heat [4]lipgloss.Style

	Help      help.Styles
	Textarea  textarea.Styles
	TextInput textinput.Styles
}

// NewStyles returns the styles for a dark or a light background.
func NewStyles(dark bool) *Styles {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#00796B"), lipgloss.Color("#4DD0B5"))
	muted := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#9A9A9A"))
	warn := ld(lipgloss.Color("#9A5B00"), lipgloss.Color("#E6B450"))
	bad := ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF8A80"))

	s := &Styles{Dark: dark, Accent: accent, Muted: muted}
	s.AppName = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Header = lipgloss.NewStyle().Foreground(muted)
	s.Title = lipgloss.NewStyle().Bold(true)
	s.Text = lipgloss.NewStyle()
	s.Faint = lipgloss.NewStyle().Foreground(muted)
	s.Strong = lipgloss.NewStyle().Bold(true)
	s.Highlight = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Card = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)
	s.CardTitle = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Error = lipgloss.NewStyle().Foreground(bad).Bold(true)
	s.Warning = lipgloss.NewStyle().Foreground(warn)
	s.Success = lipgloss.NewStyle().Foreground(accent)
	s.Private = lipgloss.NewStyle().Foreground(warn)
	s.Progress = lipgloss.NewStyle().Foreground(accent)
	s.Choice = lipgloss.NewStyle().Padding(0, 1)
	s.Chosen = lipgloss.NewStyle().Padding(0, 1).Foreground(accent).Bold(true).Reverse(true)
	s.Dialog = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(warn).Padding(1, 2)

	// The stock help greys are ~2:1 on their background: every word of
	// the footer and the help is muted at least, which reads at 4.5:1.
	heat := [4]color.Color{
		ld(lipgloss.Color("#4F8F81"), lipgloss.Color("#3F8F7E")),
		ld(lipgloss.Color("#2F7F70"), lipgloss.Color("#3A9A84")),
		ld(lipgloss.Color("#00796B"), lipgloss.Color("#4DD0B5")),
		ld(lipgloss.Color("#004D40"), lipgloss.Color("#7FF0D6")),
	}
	for i, c := range heat {
		s.Heat[i] = lipgloss.NewStyle().Foreground(c)
	}

	s.Help = help.DefaultStyles(dark)
	s.Help.ShortKey = lipgloss.NewStyle().Foreground(accent)
	s.Help.FullKey = lipgloss.NewStyle().Foreground(accent)
	s.Help.ShortDesc = lipgloss.NewStyle().Foreground(muted)
	s.Help.FullDesc = lipgloss.NewStyle().Foreground(muted)
	s.Help.ShortSeparator = lipgloss.NewStyle().Foreground(muted)
	s.Help.FullSeparator = lipgloss.NewStyle().Foreground(muted)
	s.Help.Ellipsis = lipgloss.NewStyle().Foreground(muted)

	ta := textarea.DefaultStyles(dark)
	ta.Focused.Prompt = lipgloss.NewStyle().Foreground(accent)
	ta.Focused.CursorLine = lipgloss.NewStyle()
	ta.Focused.Placeholder = lipgloss.NewStyle().Foreground(muted)
	ta.Blurred.Prompt = lipgloss.NewStyle().Foreground(muted)
	ta.Blurred.Text = lipgloss.NewStyle().Foreground(muted)
	ta.Blurred.CursorLine = lipgloss.NewStyle().Foreground(muted)
	ta.Blurred.Placeholder = lipgloss.NewStyle().Foreground(muted)
	for _, st := range []*textarea.StyleState{&ta.Focused, &ta.Blurred} {
		st.LineNumber = lipgloss.NewStyle().Foreground(muted)
		st.CursorLineNumber = lipgloss.NewStyle().Foreground(muted)
		st.EndOfBuffer = lipgloss.NewStyle().Foreground(muted)
	}
	ta.Cursor.Color = accent
	s.Textarea = ta

	ti := textinput.DefaultStyles(dark)
	ti.Focused.Prompt = lipgloss.NewStyle().Foreground(accent)
	ti.Focused.Placeholder = lipgloss.NewStyle().Foreground(muted)
	ti.Blurred.Prompt = lipgloss.NewStyle().Foreground(muted)
	ti.Blurred.Placeholder = lipgloss.NewStyle().Foreground(muted)
	ti.Blurred.Text = lipgloss.NewStyle().Foreground(muted)
	ti.Focused.Suggestion = lipgloss.NewStyle().Foreground(muted)
	ti.Blurred.Suggestion = lipgloss.NewStyle().Foreground(muted)
	ti.Cursor.Color = accent
	s.TextInput = ti
	return s
}
