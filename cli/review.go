package cli

import (
	"os"

	"github.com/spf13/cobra"

	"tillit/journal"
	"tillit/report"
	"tillit/ui"
)

func (a *app) reviewCommand() *cobra.Command {
	var (
		weekFlag      string
		print, asJSON bool
	)
	cmd := &cobra.Command{
		Use:     "review",
		Short:   a.lang.T("cmd.review.short"),
		Long:    a.lang.T("cmd.review.long"),
		Example: "  tillit review\n  tillit review --week 2026-W48 --print\n  tillit review --week 2026-W53 --json",
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			today := a.today()
			w := journal.WeekOf(today)
			if weekFlag != "" {
				var err error
				if w, err = journal.ParseWeek(weekFlag); err != nil {
					return a.usage("err.bad_week", "Value", weekFlag, "Why", err.Error())
				}
			}
			if print && asJSON {
				return a.usage("err.print_or_json")
			}
			_, ok := terminalFile(a.stdout)
			terminal := ok && isTerminal(os.Stdin)
			if !print && !asJSON && terminal {
				return a.runTUI(ui.Options{Start: ui.StartReview, Week: w, Once: true})
			}
			j, st := a.coach.Week(a.readJournal(), w, today)
			if asJSON {
				return writeJSON(a, st.JSON())
			}
			return a.printMarkdown(report.Week(j, st, a.reportOptions(true)))
		},
	}
	cmd.Flags().StringVar(&weekFlag, "week", "", a.lang.T("flag.week"))
	cmd.Flags().BoolVar(&print, "print", false, a.lang.T("flag.print"))
	cmd.Flags().BoolVar(&asJSON, "json", false, a.lang.T("flag.review_json"))
	return cmd
}

// readJournal reads the journal from its index (what each file's numbers
// are, not their words: the commands read in full what they show, through
// coach), warning on stderr about each file that could not be read (it is
// left out, and left alone).
func (a *app) readJournal() *journal.Journal {
	j := a.store.Summary()
	j.WeekdaysOnly = a.cfg.WeekdaysOnly
	for _, p := range j.Problems {
		a.warn(p)
	}
	return j
}

func (a *app) warn(err error) {
	a.stderr.Write([]byte("tillit: warning: " + oneLine(a.lang.Describe(err)) + "\n"))
}

// reportOptions are the report settings for the user's language and packs.
func (a *app) reportOptions(private bool) report.Options {
	return a.coach.ReportOptions(private)
}
