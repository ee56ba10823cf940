package cli

import (
	"errors"
	"slices"

	"github.com/spf13/cobra"

	"tillit/journal"
	"tillit/termtext"
)

func (a *app) awayCommand() *cobra.Command {
	var from, to, reason string
	cmd := &cobra.Command{
		Use:     "away",
		Short:   a.lang.T("cmd.away.short"),
		Long:    a.lang.T("cmd.away.long"),
		Example: a.lang.T("cmd.away.example"),
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
