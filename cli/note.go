package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

func (a *app) noteCommand() *cobra.Command {
	var (
		date    string
		private bool
	)
	cmd := &cobra.Command{
		Use:     a.lang.T("cmd.note.use"),
		Short:   a.lang.T("cmd.note.short"),
		Long:    a.lang.T("cmd.note.long"),
		Example: a.lang.T("cmd.note.example"),
		RunE: func(cmd *cobra.Command, args []string) error {
			day, err := a.parseDay(date)
			if err != nil {
				return err
			}
			text := strings.Join(args, " ")
			if len(args) == 0 && a.cfg.Accessible {
				// Asked line by line, as a screen reader follows it.
				if text, private, err = a.accessibleNote(a.prompter(), private); err != nil {
					return a.usage("err.note_empty")
				}
			} else if len(args) == 0 {
				if f, ok := a.stdin.(*os.File); ok && isTerminal(f) {
					return a.usage("err.note_how")
				}
				data, err := io.ReadAll(a.stdin)
				if err != nil {
					return fmt.Errorf("read the note from standard input: %w", err)
				}
				text = string(data)
			}
			if strings.TrimSpace(text) == "" {
				return a.usage("err.note_empty")
			}
			if err := a.store.AppendNote(day, a.now(), text, private); err != nil {
				// The note is nowhere else: give it back.
				return textError{err: err, text: strings.TrimRight(text, "\n") + "\n"}
			}
			fmt.Fprintln(a.stdout, a.lang.T("cli.note_added", "Path", a.store.DayPath(day)))
			if line := a.syncNow(); line != "" {
				fmt.Fprintln(a.stdout, line)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&date, "date", "", a.lang.T("flag.date_note"))
	cmd.Flags().BoolVar(&private, "private", false, a.lang.T("flag.private"))
	return cmd
}
