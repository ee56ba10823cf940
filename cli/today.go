package cli

import (
	"fmt"
	"os"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"tillit/content"
	"tillit/journal"
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
			entries, problems := a.store.Entries()
			for _, p := range problems {
				fmt.Fprintln(a.stderr, "tillit: warning: "+oneLine(a.lang.Describe(p)))
			}
			day := a.today()
			inPack := journal.OfPack(entries, a.pack.ID, content.BuiltinID)
			pack := a.pack
			tipNo := journal.Schedule(a.cfg.Schedule).Due(inPack, day, pack.Count())
			done := false
			if e := journal.ByDate(entries, day); e != nil && e.IsCheckIn() {
				tipNo, done = e.Tip, true
				if p, err := content.Choose(packID(e), a.lang.Lang(), a.packs); err == nil {
					pack = p
				}
				inPack = journal.OfPack(entries, pack.ID, content.BuiltinID)
			}
			tip, ok := pack.Tip(tipNo)
			if !ok {
				return fmt.Errorf("today's entry names tip %d, which the pack %q does not have", tipNo, pack.ID)
			}
			questions := tip.QuestionsFor(journal.TimesOnTip(inPack, tip.Number, day))

			var b strings.Builder
			fmt.Fprintf(&b, "%s · %s\n\n", a.lang.LongDate(day.Year, day.Month, day.Day), a.lang.T("cli.tip_of", "N", tip.Number, "Of", pack.Count()))
			if done {
				fmt.Fprintf(&b, "✓ %s\n\n", a.lang.T("today.checked_in"))
			}
			b.WriteString(tipMarkdown(a, pack, tip, questions))
			if open := journal.CommitmentToFollowUp(entries, day); open != nil && !done {
				fmt.Fprintf(&b, "\n%s %s\n", a.lang.T("today.open_commitment", "Day", a.lang.DayMonth(open.Date.Year, open.Date.Month, open.Date.Day)), a.lang.Quote(open.Commitment))
			}
			return a.printMarkdown(b.String())
		},
	}
}

// tipMarkdown is a tip's page as markdown, with today's questions when given.
func tipMarkdown(a *app, p *content.Pack, t content.Tip, questions []string) string {
	return t.Page(p.Labels(a.lang.T), questions)
}

// packID is the pack an entry was written with.
func packID(e *journal.Entry) string {
	if e.Pack == "" {
		return content.BuiltinID
	}
	return e.Pack
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
