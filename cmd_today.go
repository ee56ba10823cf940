package main

import (
	"fmt"
	"os"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"tillit/content"
	"tillit/journal"
	"tillit/locale"
)

func (a *app) todayCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "today",
		Short: "Print today's tip and questions",
		Long:  "Prints today's tip, its questions and the commitment to follow up.\nPlain markdown when the output is not a terminal.",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			entries, problems := a.store.Entries()
			for _, p := range problems {
				fmt.Fprintln(a.stderr, "tillit: warning: "+oneLine(p.Error()))
			}
			day := journal.DateOf(a.now())
			tipNo := journal.DueTip(entries, day, a.tips.Count())
			done := false
			if e := journal.ByDate(entries, day); e != nil && e.IsCheckIn() {
				tipNo, done = e.Tip, true
			}
			tip, _ := a.tips.Tip(tipNo)
			questions := tip.QuestionsFor(journal.TimesOnTip(entries, tip.Number, day))

			var b strings.Builder
			fmt.Fprintf(&b, "%s · %s\n\n", a.lang.LongDate(day.Year, day.Month, day.Day), a.lang.T("cli.tip_of", "N", tip.Number, "Of", a.tips.Count()))
			if done {
				fmt.Fprintf(&b, "✓ %s\n\n", a.lang.T("today.checked_in"))
			}
			b.WriteString(tipMarkdown(a, tip, questions))
			if open := journal.CommitmentToFollowUp(entries, day); open != nil && !done {
				fmt.Fprintf(&b, "\n%s «%s»\n", a.lang.T("today.open_commitment", "Day", a.lang.DayMonth(open.Date.Year, open.Date.Month, open.Date.Day)), open.Commitment)
			}
			return a.printMarkdown(b.String())
		},
	}
}

// tipMarkdown is a tip's page as markdown, with today's questions when given.
func tipMarkdown(a *app, t content.Tip, questions []string) string {
	return t.Page(pageLabels(a.lang), questions)
}

// pageLabels are the headings of a tip's page in the catalog's language.
func pageLabels(c *locale.Catalog) content.PageLabels {
	return content.PageLabels{
		Why:            c.T("tip.why"),
		Try:            c.T("tip.try"),
		Questions:      c.T("tip.questions"),
		QuestionsToday: c.T("tip.questions_today"),
		Source:         c.T("tip.source", "Author", content.SourceAuthor, "Site", content.SourceSite),
	}
}

// printMarkdown writes markdown rendered for a terminal, or as it is when
// the output goes to a pipe or a file.
func (a *app) printMarkdown(md string) error {
	f, ok := a.stdout.(*os.File)
	if !ok || !isTerminal(f) || os.Getenv("TERM") == "dumb" {
		_, err := fmt.Fprint(a.stdout, md)
		return err
	}
	cfg := styles.LightStyleConfig
	if lipgloss.HasDarkBackground(os.Stdin, f) {
		cfg = styles.DarkStyleConfig
	}
	if os.Getenv("NO_COLOR") != "" {
		cfg = styles.NoTTYStyleConfig
	}
	width := 80
	if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
		width = min(w, 100)
	}
	r, err := glamour.NewTermRenderer(glamour.WithStyles(cfg), glamour.WithWordWrap(width-4))
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
