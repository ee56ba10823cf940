package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/adrg/xdg"

	"tillit/journal"
	"tillit/locale"
)

// fakeUI stands in for the interface: it runs until told to quit, and
// panics where a test asks it to.
type fakeUI struct {
	init   tea.Cmd
	update func(tea.Msg) tea.Cmd
}

func (f fakeUI) Init() tea.Cmd { return f.init }

func (f fakeUI) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if f.update != nil {
		return f, f.update(msg)
	}
	return f, nil
}

func (f fakeUI) View() tea.View { return tea.NewView("typing…") }

type boomMsg struct{}

// testApp is an app on a fresh journal, with the log in a fresh state
// folder, speaking lang.
func testApp(t *testing.T, lang string) (*app, *bytes.Buffer) {
	t.Helper()
	t.Setenv("XDG_STATE_HOME", filepath.Join(t.TempDir(), "state"))
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	var out bytes.Buffer
	return &app{
		stdout: &out, stderr: &out,
		lang:  locale.New(lang),
		store: journal.NewStore(t.TempDir()),
		now:   time.Now,
	}, &out
}

var typed = &journal.Draft{Day: journal.Date{Year: 2026, Month: 11, Day: 27}, Tip: 3,
	Answers: []journal.DraftAnswer{{Question: "Hva lærte du?", Text: "Noe jeg ikke vil miste."}}}

// runFake runs model as the interface would run, with no terminal, and
// returns the error and what reached the real standard error meanwhile.
func runFake(t *testing.T, a *app, model tea.Model, draft *journal.Draft) (error, string) {
	t.Helper()
	in, feed := io.Pipe()
	defer feed.Close()
	stderr, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	real := os.Stderr
	os.Stderr = stderr
	done := make(chan error, 1)
	go func() {
		_, err := a.runProgram(model, func() *journal.Draft { return draft },
			tea.WithInput(in), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
		done <- err
	}()
	var runErr error
	select {
	case runErr = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the program never ended")
	}
	os.Stderr = real
	stderr.Close()
	leaked, _ := os.ReadFile(stderr.Name())
	return runErr, string(leaked)
}

// A panic anywhere in the interface: the terminal is restored (Bubble Tea's
// Kill), the draft saved, the stack written to the log, one line printed.
func TestPanicIsLoggedAndTheDraftKept(t *testing.T) {
	panics := map[string]fakeUI{
		"in update": {
			init: func() tea.Msg { return boomMsg{} },
			update: func(msg tea.Msg) tea.Cmd {
				if _, ok := msg.(boomMsg); ok {
					panic("boom in update")
				}
				return nil
			},
		},
		"in a command": {init: func() tea.Msg { panic("boom in a command") }},
		"in a batched command": {
			init: tea.Batch(func() tea.Msg { return nil }, func() tea.Msg { panic("boom in a batch") }),
		},
		"in a sequence in a batch": {
			init: tea.Batch(tea.Sequence(func() tea.Msg { return nil }, func() tea.Msg { panic("boom in a sequence") })),
		},
		"in view": {},
	}
	for name, model := range panics {
		t.Run(name, func(t *testing.T) {
			a, _ := testApp(t, "en")
			var m tea.Model = model
			if name == "in view" {
				m = panicView{}
			}
			err, leaked := runFake(t, a, m, typed)
			if err == nil {
				t.Fatal("no error after a panic")
			}
			if leaked != "" {
				t.Errorf("printed on standard error:\n%s", leaked)
			}
			msg := oneLine(a.lang.Describe(err))
			log := logPath()
			if err.Error() != msg || !strings.Contains(msg, log) || !strings.Contains(msg, "kept as a draft") {
				t.Errorf("the line: %q", err)
			}
			data, rerr := os.ReadFile(log)
			if rerr != nil {
				t.Fatal(rerr)
			}
			if !strings.Contains(string(data), "boom") || !strings.Contains(string(data), "goroutine") {
				t.Errorf("the log lacks the panic and its stack:\n%s", data)
			}
			if runtime.GOOS != "windows" {
				assertPerm(t, log, 0o600)
				assertPerm(t, filepath.Dir(log), 0o700)
			}
			d, derr := a.store.LoadDraft(typed.Day)
			if derr != nil || d == nil || d.Answers[0].Text != typed.Answers[0].Text {
				t.Errorf("the draft: %+v %v", d, derr)
			}
		})
	}
}

type panicView struct{}

func (panicView) Init() tea.Cmd                       { return nil }
func (panicView) Update(tea.Msg) (tea.Model, tea.Cmd) { return panicView{}, nil }
func (panicView) View() tea.View                      { panic("boom in view") }

// The line is in the user's language; a second panic appends to the log.
func TestPanicLineIsTranslated(t *testing.T) {
	a, _ := testApp(t, "nb")
	boom := fakeUI{init: func() tea.Msg { panic("boom") }}
	runFake(t, a, boom, nil)
	err, _ := runFake(t, a, boom, nil)
	if !strings.Contains(err.Error(), "noe gikk galt") || strings.Contains(err.Error(), "utkast") {
		t.Errorf("the line: %q", err)
	}
	data, _ := os.ReadFile(logPath())
	if n := strings.Count(string(data), "panic: boom"); n != 2 {
		t.Errorf("%d panics in the log, want 2", n)
	}
}

// With no room for the log, the line says so; nothing is printed but it.
func TestPanicWithNoRoomForTheLog(t *testing.T) {
	a, _ := testApp(t, "en")
	file := filepath.Join(t.TempDir(), "state")
	os.WriteFile(file, nil, 0o600)
	t.Setenv("XDG_STATE_HOME", file) // a file: no folder can be made in it
	xdg.Reload()
	err, leaked := runFake(t, a, fakeUI{init: func() tea.Msg { panic("boom") }}, typed)
	if err == nil || !strings.Contains(err.Error(), "could not be written down") || leaked != "" {
		t.Errorf("the line: %v; leaked %q", err, leaked)
	}
}

// When the draft cannot be written (a full disk), the text comes back to be
// printed on standard error, after one line that says why.
func TestUnsavedTextIsPrinted(t *testing.T) {
	a, _ := testApp(t, "en")
	journal.SimulateWriteFault(syscall.ENOSPC)
	defer journal.SimulateWriteFault(nil)
	quit := fakeUI{init: tea.Quit}
	err, _ := runFake(t, a, quit, typed)
	var te textError
	if !errors.As(err, &te) || !strings.Contains(te.text, "Noe jeg ikke vil miste.") || !strings.Contains(te.text, "## Hva lærte du?") {
		t.Fatalf("%#v", err)
	}
	if msg := a.lang.Describe(err); !strings.Contains(msg, "the disk is full") {
		t.Errorf("the line: %q", msg)
	}

	// And after a panic too.
	err, _ = runFake(t, a, fakeUI{init: func() tea.Msg { panic("boom") }}, typed)
	if !errors.As(err, &te) || !strings.Contains(te.text, "Noe jeg ikke vil miste.") {
		t.Fatalf("%#v", err)
	}
	if msg := a.lang.Describe(err); !strings.Contains(msg, "something went wrong") || !strings.Contains(msg, "the disk is full") || strings.Contains(msg, "kept as a draft") {
		t.Errorf("the line: %q", msg)
	}
}

func assertPerm(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != want {
		t.Errorf("%s: mode %v, want %v", path, info.Mode().Perm(), want)
	}
}
