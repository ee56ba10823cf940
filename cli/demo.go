package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"tillit/journal"
	"tillit/report"
)

func (a *app) demoCommand() *cobra.Command {
	var days int
	cmd := &cobra.Command{
		Use:     a.lang.T("cmd.demo.use"),
		Short:   a.lang.T("cmd.demo.short"),
		Long:    a.lang.T("cmd.demo.long"),
		Example: "  tillit demo /tmp/tillit-demo\n  tillit --journal /tmp/tillit-demo",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return a.usage("err.demo_dir")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			// A sample never goes where a journal is: it would mix with it.
			if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
				return errors.New(a.lang.T("err.demo_not_empty", "Dir", dir))
			}
			if days < 1 || days > 36500 {
				return a.usage("err.demo_days")
			}
			today := a.today()
			text, err := report.SampleText(a.lang, a.pack)
			if err != nil {
				return err
			}
			if err := journal.Sample(journal.NewStore(dir), today.AddDays(-1), days, a.pack.Count(), text); err != nil {
				return fmt.Errorf("%s: %w", dir, err)
			}
			fmt.Fprintln(a.stdout, a.lang.T("cli.demo_written", "Days", days, "Dir", dir))
			return nil
		},
	}
	cmd.Flags().IntVar(&days, "days", 42, a.lang.T("flag.demo_days"))
	return cmd
}
