package cli

import (
	"github.com/spf13/cobra"

	"tillit/ui"
)

func (a *app) assessCommand() *cobra.Command {
	var date string
	cmd := &cobra.Command{
		Use:     "assess",
		Short:   a.lang.T("cmd.assess.short"),
		Long:    a.lang.T("cmd.assess.long"),
		Example: "  tillit assess\n  tillit assess --date 2026-11-20",
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := a.parseDay(date)
			if err != nil {
				return err
			}
			// An assessment tillit cannot parse is never written: say so
			// before any choosing.
			if _, err := a.store.LoadAssessment(day); err != nil {
				return err
			}
			return a.runTUI(ui.Options{Start: ui.StartAssessment, Day: day, Once: true})
		},
	}
	cmd.Flags().StringVar(&date, "date", "", a.lang.T("flag.date_assess"))
	return cmd
}
