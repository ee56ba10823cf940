package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/adrg/xdg"

	"tillit/config"
	"tillit/journal"
	"tillit/ui"
)

// runTUI runs the interface; o says where it starts, the rest comes from
// the app.
func (a *app) runTUI(o ui.Options) error {
	if a.cfg.Accessible {
		// Asked a line at a time instead, as a screen reader follows it.
		return a.accessible(o)
	}
	if os.Getenv("TERM") == "dumb" {
		// A terminal that cannot move the cursor (an editor's shell)
		// would show the screens as a mess of escape codes.
		return errors.New(a.lang.T("err.dumb_terminal"))
	}
	if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
		return errors.New(a.lang.T("err.needs_terminal"))
	}
	o.Store, o.Config, o.Lang = a.store, a.cfg, a.lang
	o.File, o.Overrides = a.file, map[string]string{}
	if o.File.Path == "" {
		o.File.Path = a.settingsFile() // where Settings writes it
	}
	for _, k := range config.Keys {
		if from := a.overridden(k); from != "" {
			o.Overrides[k.Name] = from
		}
	}
	o.Pack, o.Packs = a.pack, a.packs
	o.Editor = a.cfg.EditorCommand(os.Getenv)
	o.Now = a.now // the interface goes by the same clock as the commands
	o.ExportDir = exportDir()
	sync, waitSync := a.autoSync()
	o.Sync = sync
	// Dark until the terminal says otherwise, unless COLORFGBG says so
	// first (as it does for the commands' output): some terminals, and
	// tmux, never answer the question.
	if dark, ok := colorFGBG(os.Getenv("COLORFGBG")); ok {
		o.Light = !dark
	}
	m := ui.New(o)
	// Keys typed in a burst go into a text field together (ui/burst.go).
	kept, err := a.runProgram(m, m.Draft, tea.WithFilter(m.Filter))
	// A sync under way finishes its local part; a fetch or push stops.
	waitSync()
	if err != nil {
		return err
	}
	if m.Err != nil {
		return m.Err
	}
	if kept != nil && m.Result == "" {
		// Stopped from outside (SIGTERM, a closed terminal) while text was
		// being typed: as with ctrl+c, say where the text went.
		m.Aborted, m.Result = true, m.DraftKeptMessage(kept)
	}
	if m.Aborted {
		if m.Result != "" {
			return abortError{m.Result}
		}
		return quietError{exitAborted}
	}
	if m.Result != "" {
		fmt.Fprintln(a.stdout, m.Result)
		if o.Once && sync != nil {
			// The command's own screen saved and ended the program
			// before the interface could sync: sync now.
			if line := a.syncNow(); line != "" {
				fmt.Fprintln(a.stdout, line)
			}
		}
	}
	return nil
}

// runProgram runs model until it quits, and makes sure that whatever way it
// ends, the text being typed (draft) survives:
//
//   - ctrl+c, SIGTERM and SIGHUP (a closed terminal) end the program the
//     normal way, and the draft is saved;
//   - a panic anywhere in the interface restores the terminal, saves the
//     draft, writes the stack to the log file and says so in one line;
//   - when the draft cannot be saved (a full disk), the text is printed on
//     standard error, so that it is not lost.
//
// It returns the draft it saved, if any.
func (a *app) runProgram(model tea.Model, draft func() *journal.Draft, opts ...tea.ProgramOption) (*journal.Draft, error) {
	p := tea.NewProgram(guard{model}, append([]tea.ProgramOption{tea.WithoutCatchPanics()}, opts...)...)

	// Bubble Tea turns SIGTERM into a normal quit, but not while an editor
	// runs, and not SIGHUP: catch both here too.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGHUP, syscall.SIGTERM)
	done := make(chan struct{})
	defer func() {
		signal.Stop(signals)
		close(done)
	}()
	go func() {
		select {
		case <-signals:
			p.Send(tea.QuitMsg{})
		case <-done:
		}
	}()

	crash, err := runGuarded(p)
	d, keepErr := a.keepDraft(draft)
	if crash != nil {
		return nil, a.crashed(crash, d, keepErr)
	}
	if keepErr != nil {
		return nil, keepErr
	}
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return d, err
	}
	return d, nil
}

// crashReport is a panic caught in the interface.
type crashReport struct {
	value any
	stack []byte
}

// runGuarded runs the program; a panic in it comes back as a crashReport,
// with the terminal restored.
func runGuarded(p *tea.Program) (crash *crashReport, err error) {
	defer func() {
		if r := recover(); r != nil {
			crash = &crashReport{value: r, stack: debug.Stack()}
			p.Kill() // restores the terminal
		}
	}()
	_, err = p.Run()
	return nil, err
}

// keepDraft saves the text being typed, if any. When it cannot be saved,
// the error carries the text, to be printed.
func (a *app) keepDraft(draft func() *journal.Draft) (d *journal.Draft, err error) {
	defer func() {
		// After a panic the model may be in pieces: a draft that cannot
		// even be taken is no worse than none.
		if r := recover(); r != nil {
			d, err = nil, nil
		}
	}()
	d = draft()
	if d == nil {
		return nil, nil
	}
	if err := a.store.SaveDraft(d); err != nil {
		return d, textError{
			err:  errors.New(a.lang.T("err.keep_draft", "Err", a.lang.Describe(err))),
			text: d.Markdown(),
		}
	}
	return d, nil
}

// crashed writes what a panic left to the log and returns the one line
// that says so; the unsaved text follows it when no draft could hold it.
func (a *app) crashed(c *crashReport, d *journal.Draft, keepErr error) error {
	text := fmt.Sprintf("%s tillit %s\npanic: %v\n\n%s\n", time.Now().Format(time.RFC3339), versionString(), c.value, c.stack)
	path, logErr := writeLog(text)
	var msg string
	if logErr != nil {
		msg = a.lang.T("err.crashed_no_log", "Draft", d != nil && keepErr == nil, "Err", logErr.Error())
	} else {
		msg = a.lang.T("err.crashed", "Draft", d != nil && keepErr == nil, "Log", path)
	}
	var te textError
	if errors.As(keepErr, &te) {
		te.err = errors.New(msg + " " + te.err.Error())
		return te
	}
	return errors.New(msg)
}

// logPath is tillit's log file: $XDG_STATE_HOME/tillit/tillit.log.
func logPath() string { return filepath.Join(xdg.StateHome, "tillit", "tillit.log") }

// writeLog appends text to the log file, readable only by the user, and
// returns its path.
func writeLog(text string) (string, error) {
	path := logPath()
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return path, err
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return path, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return path, err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return path, err
	}
	if _, err := f.WriteString(text + "\n"); err != nil {
		f.Close()
		return path, err
	}
	return path, f.Close()
}

// textError is an error after which the user's unsaved text is printed, so
// that it is not lost.
type textError struct {
	err  error
	text string
}

func (e textError) Error() string { return e.err.Error() }
func (e textError) Unwrap() error { return e.err }

// guard wraps the interface so that a panic in a command, which Bubble Tea
// runs on a goroutine of its own, comes back to the event loop and ends the
// program through run like any other panic.
type guard struct{ tea.Model }

// commandPanic carries a panic from a command to the event loop.
type commandPanic struct {
	value any
	stack []byte
}

func (g guard) Init() tea.Cmd { return guarded(g.Model.Init()) }

func (g guard) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if p, ok := msg.(commandPanic); ok {
		panic(fmt.Sprintf("%v\n\nin a command:\n%s", p.value, p.stack))
	}
	m, cmd := g.Model.Update(msg)
	return guard{m}, guarded(cmd)
}

// guarded wraps cmd, and the commands it batches or sequences, to recover
// their panics.
func guarded(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = commandPanic{r, debug.Stack()}
			}
		}()
		msg = cmd()
		switch m := msg.(type) {
		case tea.BatchMsg:
			out := make(tea.BatchMsg, len(m))
			for i, c := range m {
				out[i] = guarded(c)
			}
			return out
		}
		if cmds, ok := sequenced(msg); ok {
			for i, c := range cmds {
				cmds[i] = guarded(c)
			}
			if seq := tea.Sequence(cmds...); seq != nil {
				return seq()
			}
			return nil
		}
		return msg
	}
}

// sequenced opens the message of tea.Sequence, whose type is unexported: a
// slice of commands.
func sequenced(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}
