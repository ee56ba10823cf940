package main

import (
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
			// Only the days of the streak are read: a prompt must be quick.
			j, err := a.store.Recent(today, a.cfg.WeekdaysOnly)
			if err != nil {
				return usageError{err: err} // as grep: 2 is trouble, 1 is "no"
			}
			streak := j.CurrentStreak(today)
			done := j.CheckedIn(today)
			if !quiet {
				line := a.lang.N("status.not_yet", streak)
				if done {
					line = a.lang.N("status.done", streak)
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
