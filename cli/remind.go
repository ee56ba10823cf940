package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"

	"tillit/config"
	"tillit/remind"
)

// notify shows the reminder; the tests put a stand-in here.
var notify = remind.Notify

// executable is the tillit program the scheduler is to run.
var executable = os.Executable

// scheduler is the reminder's installer for this system.
var scheduler = func() *remind.Installer {
	home, _ := os.UserHomeDir()
	return remind.System(xdg.ConfigHome, home, xdg.DataHome)
}

func (a *app) remindCommand() *cobra.Command {
	var status bool
	cmd := &cobra.Command{
		Use:     "remind",
		Short:   a.lang.T("cmd.remind.short"),
		Long:    a.lang.T("cmd.remind.long"),
		Example: "  tillit remind at 07:45\n  tillit remind at 15:30 --weekdays\n  tillit remind --status\n  tillit remind off",
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.remindStatus()
		},
	}
	cmd.Flags().BoolVar(&status, "status", false, a.lang.T("flag.remind_status"))

	var weekdays bool
	at := &cobra.Command{
		Use:   "at HH:MM",
		Short: a.lang.T("cmd.remind_at.short"),
		Args:  a.oneTime,
		RunE: func(cmd *cobra.Command, args []string) error {
			h, m, err := remind.ParseTime(args[0])
			if err != nil {
				return a.usage("remind.err.time", "Value", args[0])
			}
			s := remind.Schedule{Hour: h, Minute: m, Weekdays: weekdays}
			c, err := a.remindCommandLine()
			if err != nil {
				return err
			}
			got, err := scheduler().Install(c, s)
			if err != nil {
				return errors.New(a.describeRemind(err))
			}
			fmt.Fprintln(a.stdout, a.lang.T("remind.installed", "At", s.At(), "Weekdays", s.Weekdays, "How", a.how(got)))
			return config.SetRemind(a.cfg.File(), config.Remind{At: s.At(), Weekdays: s.Weekdays})
		},
	}
	at.Flags().BoolVar(&weekdays, "weekdays", false, a.lang.T("flag.remind_weekdays"))

	off := &cobra.Command{
		Use:   "off",
		Short: a.lang.T("cmd.remind_off.short"),
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := scheduler().Remove(); err != nil {
				return errors.New(a.describeRemind(err))
			}
			fmt.Fprintln(a.stdout, a.lang.T("remind.removed"))
			if a.cfg.Remind != (config.Remind{}) {
				return config.SetRemind(a.cfg.File(), config.Remind{})
			}
			return nil
		},
	}

	now := &cobra.Command{
		Use:   "now",
		Short: a.lang.T("cmd.remind_now.short"),
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			today := a.today()
			why, streak, err := remind.Decide(a.store, today, a.cfg.WeekdaysOnly)
			if err != nil {
				return err
			}
			switch why {
			case remind.CheckedIn:
				fmt.Fprintln(a.stdout, a.lang.T("remind.done"))
				return nil
			case remind.Away:
				fmt.Fprintln(a.stdout, a.lang.T("remind.away"))
				return nil
			}
			body := a.lang.T("remind.body_start")
			if streak > 0 {
				body = a.lang.N("remind.body", streak)
			}
			if err := notify(a.lang.T("remind.title"), body); err != nil {
				return errors.New(a.lang.T("remind.err.notify", "Err", err.Error()))
			}
			fmt.Fprintln(a.stdout, a.lang.T("remind.sent"))
			return nil
		},
	}
	cmd.AddCommand(at, off, now)
	return cmd
}

// remindStatus says which reminder is set, and whether the settings file
// agrees.
func (a *app) remindStatus() error {
	got, err := scheduler().Status()
	if err != nil {
		return errors.New(a.describeRemind(err))
	}
	want := a.cfg.Remind
	switch {
	case got == nil && want.At == "":
		fmt.Fprintln(a.stdout, a.lang.T("remind.none"))
	case got == nil:
		fmt.Fprintln(a.stdout, a.lang.T("remind.not_installed", "At", want.At))
	default:
		fmt.Fprintln(a.stdout, a.lang.T("remind.status", "At", got.At(), "Weekdays", got.Weekdays, "How", a.how(got)))
		if want.At != "" && (want.At != got.At() || want.Weekdays != got.Weekdays) {
			fmt.Fprintln(a.stdout, a.lang.T("remind.settings_differ", "At", want.At, "Installed", got.At()))
		}
	}
	return nil
}

func (a *app) how(got *remind.Installed) string {
	return a.lang.T("remind.how."+got.Scheduler, "Path", got.Path, "Name", got.Name)
}

func (a *app) describeRemind(err error) string {
	var te *remind.ToolError
	switch {
	case errors.Is(err, remind.ErrNoScheduler):
		return a.lang.T("remind.err.no_scheduler")
	case errors.As(err, &te):
		return a.lang.T("remind.err.tool", "Tool", te.Tool, "Detail", te.Detail)
	}
	return a.lang.Describe(err)
}

// remindCommandLine is what the scheduler runs: this tillit, with the
// journal, settings and language it was told here when they were not
// found the default way (the scheduler has no shell's environment).
func (a *app) remindCommandLine() (remind.Command, error) {
	exe, err := executable()
	if err != nil {
		return remind.Command{}, err
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	if strings.Contains(filepath.ToSlash(exe), "/go-build") {
		// go run builds into a temporary folder that is gone afterwards.
		return remind.Command{}, errors.New(a.lang.T("remind.err.go_run", "Path", exe))
	}
	var args []string
	if a.journalFlag != "" || os.Getenv("TILLIT_JOURNAL") != "" {
		root, err := filepath.Abs(a.store.Root)
		if err != nil {
			return remind.Command{}, err
		}
		args = append(args, "--journal", root)
	}
	if a.configFlag != "" {
		file, err := filepath.Abs(a.configFlag)
		if err != nil {
			return remind.Command{}, err
		}
		args = append(args, "--config", file)
	}
	if a.langFlag != "" || os.Getenv("TILLIT_LANG") != "" {
		args = append(args, "--lang", a.lang.Lang())
	}
	return remind.Command{Exe: exe, Args: append(args, "remind", "now")}, nil
}

// oneTime takes the time of day and nothing else.
func (a *app) oneTime(cmd *cobra.Command, args []string) error {
	switch {
	case len(args) == 0:
		return a.usage("remind.err.time", "Value", cmd.CommandPath())
	case len(args) > 1:
		return a.usage("err.max_args", "Cmd", cmd.CommandPath(), "N", 1, "Got", len(args))
	}
	return nil
}
