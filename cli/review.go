package cli

import (
	"errors"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"tillit/journal"
	"tillit/report"
	"tillit/termtext"
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
			today := journal.DateOf(a.now())
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
				return a.runTUI(ui.Options{Review: true, ReviewWeek: w})
			}
			j := a.readJournal()
			st := j.Week(w, today)
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

// readJournal reads the whole journal, warning on stderr about each file
// that could not be read (it is left out, and left alone).
func (a *app) readJournal() *journal.Journal {
	j := a.store.Read()
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
	return report.Options{Lang: a.lang, Private: private, PackOf: report.Packs(a.lang.Lang(), a.pack, a.packs)}
}

func (a *app) awayCommand() *cobra.Command {
	var from, to, reason string
	cmd := &cobra.Command{
		Use:     "away",
		Short:   a.lang.T("cmd.away.short"),
		Long:    a.lang.T("cmd.away.long"),
		Example: "  tillit away --from 2026-12-21 --to 2027-01-01 --reason \"juleferie\"\n  tillit away --from 2026-11-30\n  tillit away",
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if from == "" && to == "" {
				// No days given: list the days away.
				j := a.readJournal()
				away := slices.Clone(j.Away)
				slices.SortFunc(away, func(x, y journal.Away) int { return x.From.Compare(y.From) })
				for _, p := range away {
					a.stdout.Write([]byte(termtext.Clean(p.String()) + "\n")) // the reason is the user's
				}
				if j.WeekdaysOnly {
					a.stdout.Write([]byte(a.lang.T("cli.weekends_away") + "\n"))
				}
				return nil
			}
			if from == "" {
				return a.usage("err.away_from")
			}
			f, err := journal.ParseDate(from)
			if err != nil {
				return a.usage("err.bad_date", "Flag", "--from", "Value", from)
			}
			t := f
			if to != "" {
				if t, err = journal.ParseDate(to); err != nil {
					return a.usage("err.bad_date", "Flag", "--to", "Value", to)
				}
			}
			if t.Before(f) {
				return a.usage("err.away_order")
			}
			if t.DaysUntil(f) < -366 {
				return a.usage("err.away_long")
			}
			for _, p := range a.readJournal().Away {
				if p.From == f && p.To == t {
					return errors.New(a.lang.T("err.away_known", "Days", p.String()))
				}
			}
			if err := a.store.AddAway(journal.Away{From: f, To: t, Reason: reason}); err != nil {
				return err
			}
			a.stdout.Write([]byte(a.lang.N("cli.away_added", f.DaysUntil(t)+1, "Path", a.store.AwayPath()) + "\n"))
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", a.lang.T("flag.away_from"))
	cmd.Flags().StringVar(&to, "to", "", a.lang.T("flag.away_to"))
	cmd.Flags().StringVar(&reason, "reason", "", a.lang.T("flag.away_reason"))
	return cmd
}

func (a *app) mentoringCommand() *cobra.Command {
	var date string
	cmd := &cobra.Command{
		Use:     "mentoring",
		Short:   a.lang.T("cmd.mentoring.short"),
		Long:    a.lang.T("cmd.mentoring.long"),
		Example: "  tillit mentoring\n  tillit mentoring --date 2026-11-20",
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := a.parseDay(date)
			if err != nil {
				return err
			}
			// A note tillit cannot parse is never written: say so before any
			// typing.
			if _, err := a.store.LoadMentoring(day); err != nil {
				return err
			}
			return a.runTUI(ui.Options{Mentoring: true, MentoringDay: day})
		},
	}
	cmd.Flags().StringVar(&date, "date", "", a.lang.T("flag.date_mentoring"))
	return cmd
}
