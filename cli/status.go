package cli

import (
	"errors"
	"fmt"
	"strings"
	"text/template"

	"github.com/spf13/cobra"

	"tillit/journal"
	"tillit/termtext"
)

func (a *app) statusCommand() *cobra.Command {
	var quiet bool
	var format string
	cmd := &cobra.Command{
		Use:     "status",
		Short:   a.lang.T("cmd.status.short"),
		Long:    a.lang.T("cmd.status.long"),
		Example: a.lang.T("cmd.status.example"),
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var tmpl *template.Template
			if format != "" {
				t, err := template.New("status").Option("missingkey=error").Parse(format)
				if err != nil {
					return a.usage("status.bad_format", "Err", err.Error())
				}
				tmpl = t
			}
			today := a.today()
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
			if tmpl != nil && !quiet {
				if err := a.statusLine(tmpl, j, today); err != nil {
					return a.usage("status.bad_format", "Err", err.Error())
				}
				quiet = true // the template said it all
			}
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
	cmd.Flags().StringVar(&format, "format", "", a.lang.T("flag.status_format"))
	return cmd
}

// StatusLine is what a --format template can show.
type StatusLine struct {
	Done       bool   // today has a check-in
	Streak     int    // days in a row, days away stepped over
	Tip        int    // today's tip, once checked in; 0 before
	Away       bool   // today is a day away
	Unreadable bool   // a file of the streak cannot be read (tillit doctor)
	Date       string // today, as 2026-11-27
}

// statusLine writes the status through the user's template, on a line.
func (a *app) statusLine(tmpl *template.Template, j *journal.Journal, today journal.Date) error {
	line := StatusLine{Done: j.CheckedIn(today), Streak: j.CurrentStreak(today), Unreadable: len(j.Problems) > 0, Date: today.String()}
	if e := j.Entry(today); e != nil && e.IsCheckIn() {
		line.Tip = e.Tip
	}
	line.Away, _ = j.AwayOn(today)
	var b strings.Builder
	if err := tmpl.Execute(&b, line); err != nil {
		return err
	}
	// What the template makes goes to a prompt: cleaned of what a terminal
	// would act on, on one line.
	fmt.Fprintln(a.stdout, strings.TrimRight(termtext.Clean(b.String()), "\n"))
	return nil
}

// statusTrouble ends status with exit 2, as grep does on trouble; quiet, it
// says nothing, so a shell prompt stays one line.
func (a *app) statusTrouble(quiet bool, err error) error {
	if quiet {
		return quietError{exitUsage}
	}
	return usageError{err: err}
}
