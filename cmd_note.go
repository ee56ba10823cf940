package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"tillit/journal"
)

func (a *app) noteCommand() *cobra.Command {
	var (
		date    string
		private bool
	)
	cmd := &cobra.Command{
		Use:   "note [TEXT...]",
		Short: "Add a timestamped note to today's entry",
		Long: "Adds a note, stamped with the time, at the end of the day's entry, creating\n" +
			"the entry if needed. Nothing already in the file changes. Without TEXT the\n" +
			"note is read from standard input. A --private note is left out of exports.",
		Example: "  tillit note \"Kari asked for more say in the rota\"\n" +
			"  tillit note --private \"Worried about Per\"\n" +
			"  echo \"longer text\" | tillit note --date 2026-11-23",
		RunE: func(cmd *cobra.Command, args []string) error {
			day, err := a.parseDay(date)
			if err != nil {
				return err
			}
			if day.After(journal.DateOf(a.now())) {
				return usagef("--date %s is in the future", day)
			}
			text := strings.Join(args, " ")
			if len(args) == 0 {
				if f, ok := a.stdin.(*os.File); ok && isTerminal(f) {
					return usagef("write the note as an argument, or pipe it in")
				}
				data, err := io.ReadAll(a.stdin)
				if err != nil {
					return fmt.Errorf("read the note from standard input: %w", err)
				}
				text = string(data)
			}
			if strings.TrimSpace(text) == "" {
				return usagef("the note is empty")
			}
			if err := a.store.AppendNote(day, a.now(), text, private); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, a.lang.T("cli.note_added", "Path", a.store.DayPath(day)))
			return nil
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "the day of the note, as YYYY-MM-DD (default today)")
	cmd.Flags().BoolVar(&private, "private", false, "keep the note out of exports")
	return cmd
}
