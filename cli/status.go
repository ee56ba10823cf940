package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"tillit/journal"
)

func (a *app) statusCommand() *cobra.Command {
	var quiet bool
	cmd := &cobra.Command{
		Use:     "status",
		Short:   a.lang.T("cmd.status.short"),
		Long:    a.lang.T("cmd.status.long"),
		Example: "  tillit status\n  tillit status -q || echo \"Time to check in\"",
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			today := journal.DateOf(a.now())
			// From the index: a prompt must be quick.
			j := a.store.Summary()
			j.WeekdaysOnly = a.cfg.WeekdaysOnly
			for _, err := range j.Problems {
				var pe *journal.ParseError
				if errors.As(err, &pe) && pe.Path == a.store.DayPath(today) {
					// Today's own file cannot be read: whether it is a
					// check-in cannot be told.
					return a.statusTrouble(quiet, err)
				}
			}
			streak := j.CurrentStreak(today)
			done := j.CheckedIn(today)
			if !quiet {
				line := a.lang.N("status.not_yet", streak)
				if done {
					line = a.lang.N("status.done", streak)
				}
				if len(j.Problems) > 0 {
					// A prompt shows one line, every time: the broken file
					// is named by tillit doctor, not here.
					line += " · " + a.lang.T("status.unreadable")
				}
				fmt.Fprintln(a.stdout, line)
			}
			if !done {
				return quietError{exitError}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, a.lang.T("flag.status_quiet"))
	return cmd
}

// statusTrouble ends status with exit 2, as grep does on trouble; quiet, it
// says nothing, so a shell prompt stays one line.
func (a *app) statusTrouble(quiet bool, err error) error {
	if quiet {
		return quietError{exitUsage}
	}
	return usageError{err: err}
}
