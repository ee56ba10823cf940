package cli

import (
	"fmt"
	"os"
	"strings"

	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"tillit/content"
	"tillit/termtext"
	"tillit/ui"
)

func (a *app) todayCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "today",
		Short: a.lang.T("cmd.today.short"),
		Long:  a.lang.T("cmd.today.long"),
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d := a.coach.Today(a.readJournal(), a.today())
			if d.TipGone {
				return fmt.Errorf("today's entry names tip %d, which the pack %q does not have", d.Tip.Number, d.Entry.Pack)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s · %s\n\n", a.lang.Heading(a.lang.LongDate(d.Date.Year, d.Date.Month, d.Date.Day)), a.lang.T("cli.tip_of", "N", d.Tip.Number, "Of", d.Pack.Count()))
			if d.CheckedIn {
				fmt.Fprintf(&b, "✓ %s\n\n", a.lang.T("today.checked_in"))
			}
			b.WriteString(tipMarkdown(a, d.Pack, d.Tip, d.Questions))
			if d.Open != nil {
				fmt.Fprintf(&b, "\n%s %s\n", a.lang.T("today.open_commitment", "Day", a.lang.DayMonth(d.Open.Date.Year, d.Open.Date.Month, d.Open.Date.Day)), a.lang.Quote(d.Open.Commitment))
			}
			return a.printMarkdown(b.String())
		},
	}
}

// tipMarkdown is a tip's page as markdown, with today's questions when given.
func tipMarkdown(a *app, p *content.Pack, t content.Tip, questions []string) string {
	return t.Page(p.Labels(a.lang.T), questions)
}

// printMarkdown writes markdown rendered for a terminal, or as it is when
// the output goes to a pipe or a file.
func (a *app) printMarkdown(md string) error {
	// The tip comes from a pack, the commitment and the week's entries from
	// the journal: none of their bytes may drive the terminal.
	md = termtext.Clean(md)
	f, ok := terminalFile(a.stdout)
	if !ok || os.Getenv("TERM") == "dumb" {
		_, err := fmt.Fprint(a.stdout, md)
		return err
	}
	// Without colour the background does not matter: nothing is asked.
	cfg := styles.NoTTYStyleConfig
	if os.Getenv("NO_COLOR") == "" {
		cfg = ui.MarkdownStyle(a.dark())
	}
	width := 80
	if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
		width = min(w, 100)
	}
	r, err := ui.NewMarkdownRenderer(cfg, width-4)
	if err != nil {
		return err
	}
	out, err := r.Render(md)
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(a.stdout, out)
	return err
}
