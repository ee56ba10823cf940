package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"tillit/journal"
	"tillit/ui"
)

func (a *app) checkinCommand() *cobra.Command {
	var date string
	cmd := &cobra.Command{
		Use:   "checkin",
		Short: "Go straight to today's check-in (or a missed day's, with --date)",
		Long: "Opens the check-in: the tip, how your last commitment went, two questions,\n" +
			"a rating, one commitment, a preview, save. Checking in again on a day that\n" +
			"has an entry edits it.",
		Example: "  tillit checkin\n  tillit checkin --date 2026-11-23",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := a.parseDay(date)
			if err != nil {
				return err
			}
			if day.After(journal.DateOf(a.now())) {
				return usagef("--date %s is in the future", day)
			}
			// An entry tillit cannot parse is never written: say so now,
			// before anyone types a word into it.
			if _, err := a.store.Load(day); err != nil {
				return err
			}
			return a.runTUI(ui.Options{CheckIn: true, CheckInDay: day})
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "the day to check in for, as YYYY-MM-DD (default today)")
	return cmd
}

// runTUI runs the interface; o says where it starts, the rest comes from
// the app.
func (a *app) runTUI(o ui.Options) error {
	if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
		return errors.New("tillit needs a terminal here; for plain text try: tillit today")
	}
	o.Store, o.Config, o.Lang = a.store, a.cfg, a.lang
	o.Pack, o.Packs = a.pack, a.packs
	o.Editor = a.cfg.EditorCommand(os.Getenv)
	m := ui.New(o)
	p := tea.NewProgram(m)

	// A closed terminal sends SIGHUP: end the program the normal way so the
	// text being typed is kept as a draft below.
	hangup := make(chan os.Signal, 1)
	signal.Notify(hangup, syscall.SIGHUP)
	defer signal.Stop(hangup)
	go func() {
		if _, ok := <-hangup; ok {
			p.Send(tea.QuitMsg{})
		}
	}()

	_, err := p.Run()
	if d := m.Draft(); d != nil {
		if derr := a.store.SaveDraft(d); derr != nil {
			return fmt.Errorf("could not keep your text as a draft: %w", derr)
		}
		if m.Result == "" {
			m.Result = a.lang.T("cli.draft_kept", "Day", d.Day.String())
		}
	}
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return err
	}
	if m.Err != nil {
		return m.Err
	}
	if m.Aborted {
		if m.Result != "" {
			return abortError{m.Result}
		}
		return quietError{exitAborted}
	}
	if m.Result != "" {
		fmt.Fprintln(a.stdout, m.Result)
	}
	return nil
}

func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }
