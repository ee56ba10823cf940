package cli

import (
	"github.com/spf13/cobra"

	"tillit/ui"
)

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
			return a.runTUI(ui.Options{Start: ui.StartMentoring, Day: day, Once: true})
		},
	}
	cmd.Flags().StringVar(&date, "date", "", a.lang.T("flag.date_mentoring"))
	return cmd
}
