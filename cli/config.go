package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"tillit/config"
	"tillit/ui"
)

func (a *app) configCommand() *cobra.Command {
	var path bool
	cmd := &cobra.Command{
		Use:   "config",
		Short: a.lang.T("cmd.config.short"),
		Long:  a.lang.T("cmd.config.long"),
		Example: "  tillit config\n  tillit config --path\n  tillit config get\n  tillit config set theme light\n" +
			"  tillit config set people \"Ola, Siri\"",
		Args: a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			file := a.settingsFile()
			if path {
				fmt.Fprintln(a.stdout, file)
				return nil
			}
			if a.cfg.Accessible {
				return a.accessibleSettings(a.prompter())
			}
			if _, err := config.Create(file, a.settingsTemplate()); err != nil {
				return err
			}
			if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
				return errors.New(a.lang.T("err.config_needs_terminal", "Path", file))
			}
			edit := ui.EditorCommand(a.cfg.EditorCommand(os.Getenv), file)
			edit.Stdin, edit.Stdout, edit.Stderr = os.Stdin, os.Stdout, os.Stderr
			if err := edit.Run(); err != nil {
				return errors.New(a.lang.T("editor.failed", "Err", err.Error()))
			}
			// Say at once when what was written is not what tillit can read.
			if _, err := config.Load(file); err != nil {
				return err
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&path, "path", false, a.lang.T("flag.config_path"))
	cmd.AddCommand(a.configGetCommand(), a.configSetCommand())
	return cmd
}

func (a *app) configGetCommand() *cobra.Command {
	return &cobra.Command{
		Use:               a.lang.T("cmd.config.get.use"),
		Short:             a.lang.T("cmd.config.get.short"),
		Long:              a.lang.T("cmd.config.get.long"),
		Args:              a.maxArgs(1),
		ValidArgsFunction: keyCompletion,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				k, ok := config.Lookup(args[0])
				if !ok {
					return usageError{err: &config.UnknownKeyError{Key: args[0]}}
				}
				fmt.Fprintln(a.stdout, a.effective(k))
				return nil
			}
			width := 0
			for _, k := range config.Keys {
				width = max(width, len(k.Name))
			}
			for _, k := range config.Keys {
				v := a.effective(k)
				if v == "" {
					v = "(" + a.lang.T("settings.not_set") + ")"
				}
				line := fmt.Sprintf("%-*s  %s", width, k.Name, v)
				if from := a.source(k); from != "" {
					line += "  (" + from + ")"
				}
				fmt.Fprintln(a.stdout, strings.TrimRight(line, " "))
			}
			for _, u := range a.file.Unknown {
				fmt.Fprintln(a.stderr, "tillit: "+a.lang.T("settings.unknown_in_file", "Key", a.lang.Quote(u), "Path", a.settingsFile()))
			}
			return nil
		},
	}
}

func (a *app) configSetCommand() *cobra.Command {
	return &cobra.Command{
		Use:               a.lang.T("cmd.config.set.use"),
		Short:             a.lang.T("cmd.config.set.short"),
		Long:              a.lang.T("cmd.config.set.long"),
		ValidArgsFunction: keyCompletion,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return a.usage("err.config_set_args")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			file := a.settingsFile()
			if _, ok := config.Lookup(args[0]); !ok {
				return usageError{err: &config.UnknownKeyError{Key: args[0]}}
			}
			v, err := config.Set(file, args[0], args[1], a.settingsTemplate())
			if err != nil {
				return err
			}
			k, _ := config.Lookup(args[0])
			fmt.Fprintln(a.stdout, a.lang.T("settings.saved", "Key", k.Name, "Value", k.Literal(v), "Path", file))
			if from := a.overridden(k); from != "" {
				fmt.Fprintln(a.stderr, "tillit: "+a.lang.T("settings.overridden", "Key", k.Name, "Source", from))
			}
			return nil
		},
	}
}

// keyCompletion offers the settings' names to the shell.
func keyCompletion(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return config.Names(), cobra.ShellCompDirectiveNoFileComp
	}
	if k, ok := config.Lookup(args[0]); ok && len(args) == 1 {
		return k.Choices, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveNoFileComp
}

// settingsFile is the settings file in use, or where it would be.
func (a *app) settingsFile() string {
	if p := a.configPath(); p != "" {
		return p
	}
	return config.DefaultPath()
}

// effective is the value a key has in this run, as tillit uses it: what
// sets it, else what the machine says, else the default.
func (a *app) effective(k config.Key) string {
	switch k.Name {
	case "journal":
		return a.store.Root
	case "lang":
		return a.lang.Lang()
	case "editor":
		if e := a.cfg.EditorCommand(os.Getenv); e != "" {
			return e
		}
		return ui.DefaultEditor()
	case "pack":
		return a.pack.ID
	}
	if v := k.Get(&a.cfg); v != "" {
		return v
	}
	return k.Default
}

// source says what sets a key in this run when it is not the settings
// file: a flag, a variable, or the environment the system gives.
func (a *app) source(k config.Key) string {
	if from := a.overridden(k); from != "" {
		return from
	}
	if k.Get(&a.file) != "" {
		return ""
	}
	switch k.Name {
	case "journal":
		return a.lang.T("settings.from_default")
	case "lang":
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if os.Getenv(v) != "" {
				return v
			}
		}
	case "editor":
		for _, v := range []string{"VISUAL", "EDITOR"} {
			if os.Getenv(v) != "" {
				return v
			}
		}
	}
	if k.Default == "" {
		return ""
	}
	return a.lang.T("settings.from_default")
}

// overridden names the flag or variable that sets k for this run, over the
// settings file.
func (a *app) overridden(k config.Key) string {
	if v, ok := a.flagSettings()[k.Name]; ok && v != "" {
		return k.Flag
	}
	if os.Getenv(k.Env()) != "" {
		return k.Env()
	}
	return ""
}

// settingsTemplate is a new settings file in the user's language.
func (a *app) settingsTemplate() []byte { return a.lang.SettingsTemplate() }
