// Package cli is tillit's command line: the root command and its global
// flags in this file, each command in the file named for it (review.go,
// export.go, …), the interface it starts in tui.go. The interface itself
// lives in ui/, the journal in journal/, the tips in content/.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"tillit/coach"
	"tillit/config"
	"tillit/content"
	"tillit/journal"
	"tillit/locale"
	"tillit/termtext"
	"tillit/ui"
)

// version is set at build time with -ldflags "-X tillit/cli.version=v1.2.3".
var version = ""

// Exit codes, as the command line promises them.
const (
	exitOK      = 0
	exitError   = 1
	exitUsage   = 2
	exitAborted = 130
)

// usageError is a mistake in how a command was called (exit 2). hint adds a
// pointer to --help, for mistakes that the help answers.
type usageError struct {
	err  error
	hint bool
}

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// abortError says the user stopped before finishing (exit 130); msg tells
// them where their text went.
type abortError struct{ msg string }

func (e abortError) Error() string { return e.msg }

// quietError has already been reported; only the exit code is left.
type quietError struct{ code int }

func (e quietError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// app is what every command shares once the global flags are read.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	journalFlag, langFlag, configFlag, packFlag string
	accessibleFlag                              bool

	// file is the settings file as written; cfg the settings of this run,
	// with the environment and the flags laid over the file.
	file  config.Config
	cfg   config.Config
	lang  *locale.Catalog
	store *journal.Store
	pack  *content.Pack   // the prompt pack in use
	packs []*content.Pack // the user's own packs
	coach *coach.Coach    // what the commands and the interface both work out
	now   func() time.Time
}

// setup reads the settings and decides the journal and the language.
func (a *app) setup(cmd *cobra.Command) error {
	file, err := config.Load(a.configPath())
	var ve *config.ValueError
	switch {
	case err != nil && isConfigCommand(cmd) && (errors.Is(err, fs.ErrNotExist) || errors.As(err, &ve)):
		// tillit config makes the file, and set mends a value: neither
		// may be stopped by what it is there to fix.
		file = config.Config{Path: a.configPath()}
	case err != nil:
		return err
	}
	a.file = file
	cfg, err := file.Layer(os.Getenv, a.flagSettings())
	if err != nil {
		var ve *config.ValueError
		if errors.As(err, &ve) && ve.Flag != "" {
			return usageError{err: err}
		}
		return err
	}
	a.cfg = cfg
	lang, err := locale.Choose("", "", cfg.Lang, os.Getenv)
	if err != nil {
		return err
	}
	a.lang = locale.New(lang)
	if err := a.choosePack(lang); err != nil {
		return err
	}
	root := cfg.JournalRoot("", "")
	if cfg.Journal == "" && os.Getenv("XDG_DATA_HOME") == "" {
		if err := a.checkHome(); err != nil {
			return err
		}
	}
	if err := a.checkJournalRoot(root); err != nil {
		return err
	}
	a.store = journal.NewStore(root)
	// The journal's index lives with the user's other caches, never in
	// the journal (it is tillit's, and made again from the files at will).
	a.store.Cache = filepath.Join(xdg.CacheHome, "tillit")
	return nil
}

// configPath is the settings file: --config, else $TILLIT_CONFIG, else the
// default ("" lets config.Load find it, where a missing file is no error).
func (a *app) configPath() string {
	if a.configFlag != "" {
		return a.configFlag
	}
	return os.Getenv("TILLIT_CONFIG")
}

// flagSettings are the settings given as flags, by key.
func (a *app) flagSettings() map[string]string {
	f := map[string]string{"journal": a.journalFlag, "lang": a.langFlag, "pack": a.packFlag}
	if a.accessibleFlag {
		f["accessible"] = "true"
	}
	return f
}

// isConfigCommand reports whether cmd is tillit config or one of its own.
func isConfigCommand(cmd *cobra.Command) bool {
	for c := cmd; c != nil; c = c.Parent() {
		if c.Name() == "config" && c.Parent() != nil && !c.Parent().HasParent() {
			return true
		}
	}
	return false
}

// today is the day it is by the clock, as the settings count days: before
// day_starts_at it is still the day before.
func (a *app) today() journal.Date { return journal.DateOf(a.cfg.Today(a.now())) }

// choosePack reads the user's packs and picks the one to use: --pack, the
// config's pack, else the built-in one, read in the user's context. A broken pack file only stops tillit
// when it is the pack asked for.
func (a *app) choosePack(lang string) error {
	packs, errs := content.LoadPacks(content.PacksDir(a.cfg.Dir()))
	a.packs = packs
	id := a.cfg.Pack
	p, err := content.Choose(id, lang, packs)
	if err != nil {
		for _, e := range errs {
			var pe *content.PackError
			if errors.As(e, &pe) && pe.ID == id {
				return e // the pack asked for is there, but broken
			}
		}
		err = errors.New(a.lang.T("err.no_pack", "Pack", id))
		if a.packFlag != "" {
			return usageError{err: err}
		}
		return err
	}
	// The tips speak of the people of the user's context.
	p = p.InContext(a.cfg.Context)
	for i := range packs {
		packs[i] = packs[i].InContext(a.cfg.Context)
	}
	a.pack = p
	a.coach = coach.New(a.lang, p, packs)
	a.coach.Schedule = journal.Schedule(a.cfg.Schedule)
	return nil
}

// checkJournalRoot refuses a journal path that is a file: nothing could be
// written there, and saying so early loses nothing.
func (a *app) checkJournalRoot(root string) error {
	info, err := os.Stat(root)
	if err == nil && !info.IsDir() {
		return errors.New(a.lang.T("err.journal_is_file", "Path", root))
	}
	return nil
}

// checkHome makes sure there is a home folder for the journal to go in:
// without one, the journal would land somewhere nobody looks (/.local when
// HOME is not set), or a home folder would be made up.
func (a *app) checkHome() error {
	home, err := os.UserHomeDir()
	if err != nil {
		return errors.New(a.lang.T("err.no_home"))
	}
	if info, err := os.Stat(home); err != nil || !info.IsDir() {
		return errors.New(a.lang.T("err.home_missing", "Home", home))
	}
	return nil
}

// earlyLang guesses the language from --lang, --config and the environment,
// ignoring mistakes (setup reports them).
func earlyLang(args []string) string {
	flag := func(name string) string {
		for i, arg := range args {
			if arg == "--" {
				break
			}
			if v, ok := strings.CutPrefix(arg, name+"="); ok {
				return v
			}
			if arg == name && i+1 < len(args) {
				return args[i+1]
			}
		}
		return ""
	}
	cfg, _ := config.Load(config.FilePath(flag("--config"), os.Getenv("TILLIT_CONFIG")))
	lang, err := locale.Choose(flag("--lang"), os.Getenv("TILLIT_LANG"), cfg.Lang, os.Getenv)
	if err != nil {
		return "en"
	}
	return lang
}

// clock is the time tillit goes by. Only the tests change it, to pin the
// day a script runs on; tillit has no flag or setting for it.
var clock = time.Now

// Run runs tillit with args (without the program name) and returns the
// exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	stdout, stderr = toTerminal(stdout), toTerminal(stderr)
	defer flush(stdout)
	defer flush(stderr)
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, now: clock}
	// The help is written before the flags are parsed, so the language is
	// guessed from the arguments first; setup decides it for real.
	a.lang = locale.New(earlyLang(args))
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)

	// Errors are caught and reported here, in one plain line.
	var failed error
	catchErrors(root, &failed)
	root.SilenceUsage, root.SilenceErrors = true, true
	root.Version = versionString()
	root.SetVersionTemplate("tillit " + a.lang.T("cli.version") + " {{.Version}}\n")
	root.SetHelpFunc(func(c *cobra.Command, _ []string) { a.writeHelp(c.OutOrStdout(), c) })
	enableVirtualTerminal(stdout, stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		err = failed
	}
	if err != nil {
		a.printError(a.stderr, err)
	}
	return exitCode(err)
}

// printError says what went wrong in one line, as the exit code promises.
func (a *app) printError(w io.Writer, err error) {
	var (
		q     quietError
		abort abortError
	)
	if errors.As(err, &q) {
		return
	}
	if errors.As(err, &abort) {
		// Not an error: the user stopped, and this says where the text
		// went.
		fmt.Fprintln(w, abort.msg)
		return
	}
	msg := oneLine(a.lang.Describe(err))
	var u usageError
	if errors.As(err, &u) && u.hint {
		msg += " " + a.lang.T("err.see_help")
	}
	var text textError
	if errors.As(err, &text) {
		// The one line says why; the text it could not keep follows.
		if !strings.HasSuffix(msg, ".") {
			msg += "."
		}
		fmt.Fprintln(w, "tillit: "+msg+" "+a.lang.T("err.text_follows"))
		fmt.Fprint(w, text.text)
		return
	}
	fmt.Fprintln(w, "tillit: "+msg)
}

// catchErrors makes c and its subcommands keep their first error in
// *failed and return none to cobra, so that it comes back to run rather
// than to fang. Once one is kept, nothing else runs.
func catchErrors(c *cobra.Command, failed *error) {
	keep := func(err error) error {
		if err != nil && *failed == nil {
			*failed = err
		}
		return nil
	}
	wrap := func(f func(*cobra.Command, []string) error) func(*cobra.Command, []string) error {
		if f == nil {
			return nil
		}
		return func(cmd *cobra.Command, args []string) error {
			if *failed != nil {
				return nil
			}
			return keep(f(cmd, args))
		}
	}
	c.PersistentPreRunE, c.PreRunE, c.RunE = wrap(c.PersistentPreRunE), wrap(c.PreRunE), wrap(c.RunE)
	if args := c.Args; args != nil {
		c.Args = func(cmd *cobra.Command, a []string) error { return keep(args(cmd, a)) }
	}
	if !c.HasParent() {
		flagErr := c.FlagErrorFunc()
		c.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return keep(flagErr(cmd, err)) })
	}
	for _, sub := range c.Commands() {
		catchErrors(sub, failed)
	}
}

func exitCode(err error) int {
	var (
		u usageError
		a abortError
		q quietError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &q):
		return q.code
	case errors.As(err, &u):
		return exitUsage
	case errors.As(err, &a):
		return exitAborted
	}
	return exitError
}

// oneLine is a message for one line of output. Messages carry text from
// outside (a key from a front matter, a line of a jrnl file, a path), so
// it is cleaned of what a terminal would act on too.
func oneLine(s string) string { return strings.Join(strings.Fields(termtext.Clean(s)), " ") }

func versionString() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "tillit",
		Short: a.lang.T("cmd.root.short"),
		Long:  a.lang.T("cmd.root.long"),
		Args:  a.noArgs,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Name() == "completion" || cmd.Name() == "man" || (cmd.Parent() != nil && cmd.Parent().Name() == "completion") {
				return nil
			}
			err := a.setup(cmd)
			if err != nil && cmd.Name() == "note" && len(args) > 0 {
				// The note is nowhere else: give it back.
				return textError{err: err, text: strings.Join(args, " ") + "\n"}
			}
			return err
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			// No journal yet: a new user, to be welcomed.
			_, err := os.Stat(a.store.Root)
			return a.runTUI(ui.Options{Welcome: errors.Is(err, fs.ErrNotExist)})
		},
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{a.flagError(c, err), true} })
	// cobra's own flags and commands, in the user's language too.
	root.PersistentFlags().BoolP("help", "h", false, a.lang.T("flag.help"))
	root.Flags().BoolP("version", "v", false, a.lang.T("flag.version"))
	root.SetHelpCommand(&cobra.Command{
		Use:   a.lang.T("cmd.help.use"),
		Short: a.lang.T("cmd.help.short"),
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				return a.unknownCommand(c.Root(), strings.Join(args, " "))
			}
			return target.Help()
		},
	})

	f := root.PersistentFlags()
	f.StringVar(&a.journalFlag, "journal", "", a.lang.T("flag.journal"))
	f.StringVar(&a.langFlag, "lang", "", a.lang.T("flag.lang"))
	f.StringVar(&a.configFlag, "config", "", a.lang.T("flag.config"))
	f.StringVar(&a.packFlag, "pack", "", a.lang.T("flag.pack"))
	f.BoolVar(&a.accessibleFlag, "accessible", false, a.lang.T("flag.accessible"))

	root.AddCommand(a.checkinCommand(), a.noteCommand(), a.todayCommand(), a.tipsCommand(), a.readCommand(), a.packsCommand(), a.reviewCommand(), a.awayCommand(), a.exportCommand(), a.teamCommand(), a.mentoringCommand(), a.assessCommand(), a.searchCommand(), a.statusCommand(), a.demoCommand(), a.configCommand(), a.manCommand())
	root.AddCommand(a.syncCommand(), a.remindCommand())
	root.AddCommand(a.doctorCommand(), a.importCommand())
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Short, c.Long = a.lang.T("cmd.completion.short"), a.lang.T("cmd.completion.long")
			for _, sh := range c.Commands() {
				sh.Short = a.lang.T("cmd.completion.shell", "Shell", sh.Name())
				sh.Long = a.lang.T("cmd.completion.shell_long", "Shell", sh.Name())
				if f := sh.Flags().Lookup("no-descriptions"); f != nil {
					f.Usage = a.lang.T("flag.no_descriptions")
				}
			}
		}
	}
	return root
}

var (
	unknownFlag  = regexp.MustCompile(`^unknown (?:shorthand )?flag: '?([^' ]+)'?(?: in (\S+))?$`)
	flagNeedsArg = regexp.MustCompile(`^flag needs an argument: '?([^' ]+)'?(?: in (\S+))?$`)
)

// flagError says a flag mistake in the user's language.
func (a *app) flagError(c *cobra.Command, err error) error {
	msg := err.Error()
	if m := unknownFlag.FindStringSubmatch(msg); m != nil {
		flag := m[1]
		if m[2] != "" {
			flag = m[2]
		}
		text := a.lang.T("err.unknown_flag", "Flag", flag)
		if near := nearFlags(c, flag); len(near) > 0 {
			text += "; " + a.lang.T("err.did_you_mean", "Names", a.lang.Either(near))
		}
		return errors.New(text)
	}
	if m := flagNeedsArg.FindStringSubmatch(msg); m != nil {
		flag := m[1]
		if m[2] != "" {
			flag = m[2]
		}
		return errors.New(a.lang.T("err.flag_needs_value", "Flag", flag))
	}
	return err
}

// unknownCommand says a command does not exist, and which it may have
// meant (tillit chekin: checkin).
func (a *app) unknownCommand(parent *cobra.Command, name string) error {
	text := a.lang.T("err.unknown_command", "Arg", a.lang.Quote(name))
	if parent.SuggestionsMinimumDistance <= 0 {
		parent.SuggestionsMinimumDistance = 2
	}
	if near := parent.SuggestionsFor(name); len(near) > 0 {
		text += "; " + a.lang.T("err.did_you_mean", "Names", a.lang.Either(near))
	}
	return usageError{errors.New(text), true}
}

// nearFlags are the flags of c whose names are closest to a mistyped one
// (--jurnal: --journal), at most two letters apart, or that begin with it.
func nearFlags(c *cobra.Command, typed string) []string {
	name := strings.TrimLeft(typed, "-")
	if name == "" || strings.HasPrefix(typed, "-") && !strings.HasPrefix(typed, "--") {
		return nil // a mistyped shorthand (-x) is one letter: nothing is near
	}
	var near []string
	best := 3
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		d := editDistance(name, f.Name)
		if len(name) >= 3 && strings.HasPrefix(f.Name, name) {
			d = 1 // the beginning of a name counts as one letter off
		}
		switch {
		case d < best:
			best, near = d, []string{"--" + f.Name}
		case d == best:
			near = append(near, "--"+f.Name)
		}
	})
	return near
}

// editDistance is the Levenshtein distance between two words: the letters
// to add, remove or change to make one the other. (cobra has one for
// commands but keeps it to itself.)
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur := make([]int, len(y)+1)
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(y)]
}

// noArgs is cobra.NoArgs as a usage error.
func (a *app) noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		if cmd.HasSubCommands() {
			return a.unknownCommand(cmd, args[0])
		}
		return a.usage("err.no_args", "Cmd", cmd.CommandPath(), "Arg", a.lang.Quote(args[0]))
	}
	return nil
}

// maxArgs is cobra.MaximumNArgs as a usage error.
func (a *app) maxArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return a.usage("err.max_args", "Cmd", cmd.CommandPath(), "N", n, "Got", len(args))
		}
		return nil
	}
}

// usage is a usage error in the user's language.
func (a *app) usage(id string, pairs ...any) error {
	return usageError{err: errors.New(a.lang.T(id, pairs...))}
}

// parseDay reads a --date flag; empty means today. A day still to come is
// refused: nobody reflects on tomorrow yet.
func (a *app) parseDay(s string) (journal.Date, error) {
	if s == "" {
		return a.today(), nil
	}
	d, err := journal.ParseDate(s)
	if err != nil {
		if len(s) == 10 && s[4] == '-' && s[7] == '-' {
			return journal.Date{}, a.usage("err.not_a_day", "Flag", "--date", "Value", s)
		}
		return journal.Date{}, a.usage("err.bad_date", "Flag", "--date", "Value", s)
	}
	if d.After(a.today()) {
		return journal.Date{}, a.usage("err.future", "Day", d.String())
	}
	return d, nil
}
