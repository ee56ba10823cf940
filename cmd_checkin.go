package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
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
			return a.runTUI(ui.Options{CheckIn: true, CheckInDay: day})
		},
	}
	cmd.Flags().StringVar(&date, "date", "", a.lang.T("flag.date_checkin"))
	return cmd
}

// runTUI runs the interface; o says where it starts, the rest comes from
// the app.
func (a *app) runTUI(o ui.Options) error {
	if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
		return errors.New(a.lang.T("err.needs_terminal"))
	}
	o.Store, o.Config, o.Lang = a.store, a.cfg, a.lang
	o.Pack, o.Packs = a.pack, a.packs
	o.Editor = a.cfg.EditorCommand(os.Getenv)
	o.ExportDir = exportDir()
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
			return errors.New(a.lang.T("err.keep_draft", "Err", derr.Error()))
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

// exportDir is where the export screen puts files: $XDG_DOCUMENTS_DIR (or
// the Documents folder when it exists), else the home folder.
func exportDir() string {
	if d := os.Getenv("XDG_DOCUMENTS_DIR"); d != "" {
		return d
	}
	if info, err := os.Stat(xdg.UserDirs.Documents); err == nil && info.IsDir() {
		return xdg.UserDirs.Documents
	}
	return xdg.Home
}
