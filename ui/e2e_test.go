package ui

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"

	"tillit/journal"
	"tillit/locale"
)

// screen feeds the program's output through a terminal emulator, so tests
// read what a person would see rather than the raw byte stream.
type terminal struct {
	t   *testing.T
	out io.Reader
	emu *vt.SafeEmulator
}

func newTerminal(t *testing.T, tm *teatest.TestModel, w, h int) *terminal {
	emu := vt.NewSafeEmulator(w, h)
	// The emulator answers the program's queries on its own output; nobody
	// reads them here, and an unread answer would block the emulator.
	go io.Copy(io.Discard, emu)
	return &terminal{t: t, out: tm.Output(), emu: emu}
}

// waitFor polls until text is on the screen.
func (s *terminal) waitFor(text string) {
	s.t.Helper()
	if !s.until(func(screen string) bool { return strings.Contains(screen, text) }) {
		s.t.Fatalf("%q never showed; the screen was:\n%s", text, s.emu.String())
	}
}

// waitGone polls until text is no longer on the screen.
func (s *terminal) waitGone(text string) {
	s.t.Helper()
	if !s.until(func(screen string) bool { return !strings.Contains(screen, text) }) {
		s.t.Fatalf("%q never went away; the screen was:\n%s", text, s.emu.String())
	}
}

// until polls the screen until done says so; false when it never did.
func (s *terminal) until(done func(screen string) bool) bool {
	deadline := time.Now().Add(20 * time.Second) // only a failing test waits this long
	for time.Now().Before(deadline) {
		if b, _ := io.ReadAll(s.out); len(b) > 0 {
			// Without a terminal on its input, Bubble Tea leaves newline
			// translation to the terminal driver (onlcr); the emulator has
			// none, so do it here.
			s.emu.Write(bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")))
		}
		if done(s.emu.String()) {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

func TestEndToEndCheckin(t *testing.T) {
	root := t.TempDir()
	store := journal.NewStore(root)
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	m := New(Options{
		Store:  store,
		Lang:   locale.New("nb"),
		Editor: "true",
		Now:    func() time.Time { return testNow },
		Start:  StartCheckIn,
		Day:    day,
		Once:   true,
	})
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	scr := newTerminal(t, tm, 100, 30)

	scr.waitFor("Rydd opp og rens ut unødvendige mål")
	scr.waitFor("1 av 5")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	scr.waitFor("2 av 5")
	tm.Type("Ukesrapporten tar en time.")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.Type("Ingen leser den – æøå.")
	tm.Send(tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl})
	scr.waitFor("🔒 privat")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Type("Bare lederteamet.")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	// The first check-in on a tip asks where one stands, not how well one did.
	scr.waitFor("Første gang med dette rådet: hvor står dere i dag?")
	tm.Type("4")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	scr.waitFor("Én liten forpliktelse")
	// The tip's practice is offered; typing replaces it.
	scr.waitFor("«Hva skjer hvis vi slutter med dette?»")
	scr.waitFor("Forslaget er øvelsen fra tipset")
	tm.Type("Spør Kari")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	scr.waitFor("5 av 5")
	scr.waitFor("Forpliktelse: Spør Kari")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})

	final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(*Model)
	if final.Aborted || !strings.Contains(final.Result, "2026-11-23.md") {
		t.Fatalf("result %q aborted=%v", final.Result, final.Aborted)
	}
	data, err := os.ReadFile(store.DayPath(day))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{"tip: 1\n", "rating: 4\n", "commitment: Spør Kari\n", "<!-- private -->", "Ingen leser den – æøå.\n<!-- /private -->", "Bare lederteamet."} {
		if !strings.Contains(s, want) {
			t.Errorf("file lacks %q:\n%s", want, s)
		}
	}
}

func TestTodayScreen(t *testing.T) {
	root := t.TempDir()
	store := journal.NewStore(root)
	for i, d := range []int{23, 24, 26} {
		e := journal.NewEntry(store.DayPath(journal.Date{Year: 2026, Month: 11, Day: d}), journal.Date{Year: 2026, Month: 11, Day: d})
		journal.CheckIn{Date: e.Date, Tip: i + 1, Rating: 4, Commitment: "Spør Kari"}.ApplyTo(e)
		if err := store.Save(e); err != nil {
			t.Fatal(err)
		}
	}
	m := New(Options{Store: store, Lang: locale.New("nb"), Editor: "true", Now: func() time.Time { return testNow }})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	scr := newTerminal(t, tm, 80, 24)
	for _, want := range []string{"Fredag 27. november 2026", "Uke 48", "●  ●  ○  ●  ◉", "Rekke  1 dag", "Runde  1 · 3 av 14 tips", "Sørg for lett tilgang", "«Spør Kari»", "enter sjekk inn"} {
		scr.waitFor(want)
	}
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
}
