package cli

import (
	"os"

	"github.com/adrg/xdg"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"tillit/ui"
)

func (a *app) checkinCommand() *cobra.Command {
	var date string
	cmd := &cobra.Command{
		Use:     "checkin",
		Short:   a.lang.T("cmd.checkin.short"),
		Long:    a.lang.T("cmd.checkin.long"),
		Example: "  tillit checkin\n  tillit checkin --date 2026-11-23",
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := a.parseDay(date)
			if err != nil {
				return err
			}
			// An entry tillit cannot parse is never written: say so now,
			// before anyone types a word into it.
			if _, err := a.store.Load(day); err != nil {
				return err
			}
			return a.runTUI(ui.Options{Start: ui.StartCheckIn, Day: day, Once: true})
		},
	}
	cmd.Flags().StringVar(&date, "date", "", a.lang.T("flag.date_checkin"))
	return cmd
}

func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }

// exportDir is where the export screen puts files: the user's documents
// folder as the system names it ($XDG_DOCUMENTS_DIR, user-dirs.dirs,
// ~/Documents; the Documents known folder on Windows and macOS), made when
// the first export is written.
func exportDir() string {
	if xdg.UserDirs.Documents != "" {
		return xdg.UserDirs.Documents
	}
	return xdg.Home
}
