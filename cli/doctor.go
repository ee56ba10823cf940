package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"tillit/journal"
	"tillit/report"
	"tillit/termtext"
)

func (a *app) doctorCommand() *cobra.Command {
	var fix bool
	cmd := &cobra.Command{
		Use:     "doctor",
		Short:   a.lang.T("cmd.doctor.short"),
		Long:    a.lang.T("cmd.doctor.long"),
		Example: "  tillit doctor\n  tillit doctor --fix-permissions",
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// A mistyped --journal must not pass for a healthy journal.
			if _, err := os.Stat(a.store.Root); errors.Is(err, fs.ErrNotExist) {
				return errors.New(a.lang.T("err.no_journal", "Dir", a.store.Root))
			}
			c, err := a.store.Doctor(a.tipCount())
			if err != nil {
				return err
			}
			left := 0
			for _, f := range c.Findings {
				if fix && f.Kind == journal.FindPermissions {
					mode, err := a.store.FixPermissions(f)
					if err == nil {
						fmt.Fprintln(a.stdout, termtext.Clean(f.Path)+": "+a.lang.T("doctor.fixed", "Mode", fmt.Sprintf("%04o", f.Mode), "New", fmt.Sprintf("%04o", mode)))
						continue
					}
					a.warn(err)
				}
				// A finding quotes the file (a key, a line): cleaned.
				fmt.Fprintln(a.stdout, termtext.Clean(a.lang.Finding(f)))
				left++
			}
			if left > 0 {
				fmt.Fprintln(a.stderr, a.lang.N("doctor.found", left, "Files", c.Files))
				return quietError{exitError}
			}
			fmt.Fprintln(a.stdout, a.lang.N("doctor.healthy", c.Files))
			return nil
		},
	}
	cmd.Flags().BoolVar(&fix, "fix-permissions", false, a.lang.T("flag.fix_permissions"))
	return cmd
}

// tipCount says how many tips a pack has, by the id an entry gives ("" is
// the built-in pack); 0 for a pack that is not installed.
func (a *app) tipCount() func(pack string) int {
	return report.TipsIn(a.coach.PackOf)
}
