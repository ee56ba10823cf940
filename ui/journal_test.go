package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"tillit/journal"
	"tillit/locale"
)

// A journal as people keep it: entries written by tillit and by hand, in
// Obsidian style (keys tillit does not know, wiki links, a table, code), a
// weekly reflection, a mentoring note, and a file that cannot be read.
var mixedJournal = map[string]string{
	"2026/11/2026-11-23.md":           "---\ndate: 2026-11-23\npack: trust\npack_version: 1\ntip: 5\nrating: 4\ncommitment: Spør Kari om turnusen\n---\n\n## Hva gjorde du?\n\nJeg ga Åse ansvaret for vaktlista.\n",
	"2026/11/2026-11-24.md":           "---\ntip: 6\nmood: god # my own key\naliases: [tirsdag]\ntags: [økonomi]\n---\nEt fritt avsnitt med en [[wiki-lenke]].\n\n## Møte\n\n| Hva | Hvem |\n| --- | --- |\n| Budsjett | Per |\n\n```yaml\n---\ntip: 99\n---\n## ikke en overskrift\n```\n",
	"2026/11/2026-11-25.md":           "---\ndate: 2026-11-25\n---\n## 14:05\n\nKort prat med Kari. #turnus\n",
	"2026/2026-W47.md":                "---\nweek: 2026-W47\n---\n## Hva gikk bra?\n\nPersonalmøtet.\n",
	"2026/11/2026-11-20-mentoring.md": "---\ndate: 2026-11-20\n---\n## Hva snakket vi om?\n\nDelegering.\n",
	"2026/11/2026-11-19.md":           "---\ntip: 4\nrating: [oops\n---\nBroken.\n",
}

func writeFiles(t *testing.T, files map[string]string) *journal.Store {
	t.Helper()
	root := t.TempDir()
	if err := os.Chmod(root, 0o700); err != nil { // as tillit makes it
		t.Fatal(err)
	}
	for name, text := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return journal.NewStore(root)
}

// editorScript writes a shell script that stands in for the user's editor.
func editorScript(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

func startJournal(t *testing.T, store *journal.Store, editor string) (*teatest.TestModel, *terminal) {
	t.Helper()
	m := newTestModel(Options{Store: store, Lang: locale.New("en"), Editor: editor, Now: func() time.Time { return testNow }})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	scr := newTerminal(t, tm, 100, 30)
	scr.waitFor("check in")
	tm.Type("j")
	scr.waitFor("to filter")
	return tm, scr
}

func TestJournalListsFiltersAndOpens(t *testing.T) {
	store := writeFiles(t, mixedJournal)
	tm, scr := startJournal(t, store, "true")
	for _, want := range []string{
		"Journal · 5 entries",
		"⚠ 2026/11/2026-11-19.md — the front matter is not valid YAML",
		"We 25 Nov 2026   · notes",
		"Tu 24 Nov 2026   ●  6",
		"Mo 23 Nov 2026   ●  5",
		"Su 22 Nov 2026   ✎ week 47 reflection",
		"Fr 20 Nov 2026   ◆ mentoring",
		"Jeg ga Åse ansvaret",
	} {
		scr.waitFor(want)
	}

	// The filter narrows as it is typed: a word of the text, a tag, a date.
	tm.Type("/kar")
	scr.waitFor("1/3") // the broken file, and the two that mention Kari
	tm.Type("i 23 nov")
	scr.waitFor("1/2")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	scr.waitFor("1/6")
	tm.Type("/wiki")
	scr.waitFor("1/2")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter}) // keep the filter
	tm.Send(tea.KeyPressMsg{Code: tea.KeyDown})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter}) // open

	// Rendered: the table drawn, the code kept as code, the tag listed.
	for _, want := range []string{"Tuesday 24 November 2026 · tip 6", "Budsjett", "│", "tip: 99", "## ikke en overskrift", "Tags: #økonomi"} {
		scr.waitFor(want)
	}
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	scr.waitFor("1/2")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	scr.waitFor("to filter")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	scr.waitFor("check in")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
}

func TestJournalEditAndTrash(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in editor is a shell script")
	}
	store := writeFiles(t, mixedJournal)
	day := store.DayPath(journal.Date{Year: 2026, Month: 11, Day: 23})

	// An editor that adds a line: the change shows when it returns.
	tm, scr := startJournal(t, store, editorScript(t, `printf '\nLagt til i editoren.\n' >> "$1"`))
	tm.Type("/vaktlista")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyDown})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	scr.waitFor("Monday 23 November 2026")
	tm.Type("e")
	scr.waitFor("Saved in the editor: 2026/11/2026-11-23.md")
	scr.waitFor("Lagt til i editoren.")
	tm.Type("q")
	scr.waitFor("/ vaktlista")
	tm.Type("q")
	scr.waitFor("check in")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))

	// An editor that breaks the front matter: a clear message, the file as
	// the editor left it, and the file listed as one to mend.
	tm, scr = startJournal(t, store, editorScript(t, `sed -i.bak 's/^tip: 5$/tip: [5/' "$1" && rm -f "$1.bak"`))
	tm.Type("/vaktlista")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyDown})
	tm.Type("e")
	scr.waitFor("The edit left a file tillit cannot read")
	scr.waitFor("⚠ 2026/11/2026-11-23.md")
	data, err := os.ReadFile(day)
	if err != nil || !strings.Contains(string(data), "tip: [5\n") || !strings.Contains(string(data), "Lagt til i editoren.") {
		t.Fatalf("the file is not as the editor left it (%v):\n%s", err, data)
	}

	// The cursor stayed on it. d asks first; any other key keeps the file
	// (j and y too: j moves down, and is yes in Norwegian), d again moves it
	// to the trash, and u brings it back.
	for _, other := range []string{"n", "j", "y"} {
		tm.Type("d")
		scr.waitFor("Move 2026/11/2026-11-23.md to the trash? d again moves it, any other key keeps it")
		scr.waitFor("d move to the trash • other key keeps it")
		tm.Type(other)
		scr.waitGone("Move 2026/11/2026-11-23.md to the trash?")
		if _, err := os.Stat(day); err != nil {
			t.Fatalf("%s deleted the file", other)
		}
	}
	tm.Type("d")
	scr.waitFor("Move 2026/11/2026-11-23.md to the trash?")
	tm.Type("d")
	scr.waitFor("2026/11/2026-11-23.md is in the trash: .tillit/trash/")
	scr.waitFor("u undo the delete")
	tm.Type("u")
	scr.waitFor("2026/11/2026-11-23.md is back from the trash")
	if got, err := os.ReadFile(day); err != nil || string(got) != string(data) {
		t.Fatalf("restored %q (%v), want %q", got, err, data)
	}
	tm.Type("dd")
	scr.waitFor("2026/11/2026-11-23.md is in the trash: .tillit/trash/")
	tm.Type("q")
	scr.waitFor("check in")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
	if _, err := os.Stat(day); !os.IsNotExist(err) {
		t.Errorf("the file is still in the journal: %v", err)
	}
	moved, _ := filepath.Glob(filepath.Join(store.TrashDir(), "*", "2026", "11", "2026-11-23.md"))
	if len(moved) != 1 {
		t.Fatalf("the trash holds %v", moved)
	}
	if got, _ := os.ReadFile(moved[0]); string(got) != string(data) {
		t.Errorf("the trash changed the file:\n%s", got)
	}
}

func TestTodayWarnsWhatTheDoctorFinds(t *testing.T) {
	store := writeFiles(t, map[string]string{
		"2026/11/2026-11-23.md": "---\ntip: 1\n---\n",
		"2026/11/notes.txt":     "not a journal file",
	})
	m := newTestModel(Options{Store: store, Lang: locale.New("en"), Editor: "true", Now: func() time.Time { return testNow }})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	scr := newTerminal(t, tm, 100, 30)
	scr.waitFor("⚠ tillit doctor finds 1 thing to look at in the journal folder")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
}

// journalScreen opens the Journal screen on store, its rows built.
func journalScreen(t *testing.T, store *journal.Store) *journalModel {
	t.Helper()
	ctx := testContext(t, "en")
	ctx.Store = store
	m := newJournal(ctx)
	m.Update(m.refresh(store.Read())())
	return m
}

// A paste into the filter narrows the list like typing does.
func TestJournalFilterTakesAPaste(t *testing.T) {
	m := journalScreen(t, writeFiles(t, mixedJournal))
	all := len(m.shown)
	m.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	m.Update(tea.PasteMsg{Content: "vaktlista"})
	if len(m.shown) >= all || len(m.shown) == 0 {
		t.Errorf("after the paste %d of %d rows are shown", len(m.shown), all)
	}
}

// The yes moves the file that was asked about, even when the list changed
// under the cursor meanwhile; when that file is gone, the question is off.
func TestJournalTrashesTheFileAskedAbout(t *testing.T) {
	store := writeFiles(t, mixedJournal)
	m := journalScreen(t, store)
	m.follow(store.DayPath(journal.Date{Year: 2026, Month: 11, Day: 24}))
	m.Update(tea.KeyPressMsg{Code: 'd', Text: "d"})
	asked := m.confirm
	m.move(1) // the cursor moves on: a reload, a sync
	cmd := m.Update(tea.KeyPressMsg{Code: 'd', Text: "d"})
	msg := cmd().(trashedMsg)
	if msg.err != nil || msg.path != asked {
		t.Fatalf("trashed %s (%v), asked about %s", msg.path, msg.err, asked)
	}

	// Asked about a file that then goes away: the yes does nothing.
	m = journalScreen(t, store)
	m.follow(store.DayPath(journal.Date{Year: 2026, Month: 11, Day: 23}))
	m.Update(tea.KeyPressMsg{Code: 'd', Text: "d"})
	if err := os.Remove(m.confirm); err != nil {
		t.Fatal(err)
	}
	m.Update(m.refresh(store.Read())())
	if m.confirm != "" {
		t.Errorf("still asking about a file that is gone: %s", m.confirm)
	}
	if cmd := m.Update(tea.KeyPressMsg{Code: 'd', Text: "d"}); cmd != nil && m.confirm == "" {
		t.Errorf("d after the question was called off did something: %#v", cmd())
	}
}

// A symbolic link is listed with why, and neither read nor edited.
func TestJournalLeavesLinksAlone(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	store := writeFiles(t, map[string]string{"2026/11/2026-11-23.md": "---\ntip: 1\n---\n"})
	if err := os.Symlink("/dev/zero", filepath.Join(store.Root, "2026", "11", "2026-11-24.md")); err != nil {
		t.Fatal(err)
	}
	m := journalScreen(t, store)
	r := m.current()
	if r == nil || !r.link {
		t.Fatalf("the link is not the first row: %+v", r)
	}
	if cmd := m.Update(tea.KeyPressMsg{Code: 'e', Text: "e"}); cmd != nil || !strings.Contains(m.err, "symbolic link") {
		t.Errorf("e on a link: %q, %v", m.err, cmd != nil)
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if !m.open || !strings.Contains(m.page.source, "link") {
		t.Errorf("enter on a link shows %q", m.page.source)
	}
}

// Until the list shows a file moved to the trash or back, keys wait: a d
// typed in between never asks about, or moves, the row the cursor was on
// before the list changed.
func TestNoKeyLandsOnTheWrongRowAfterATrashOrUndo(t *testing.T) {
	store := writeFiles(t, mixedJournal)
	m := journalScreen(t, store)
	first := m.current().path
	m.Update(press("d"))
	trashed := runAll(m.Update(press("d")))
	if len(trashed) == 0 {
		t.Fatal("d, d moved nothing")
	}
	m.Update(trashed[0]) // moved; the list not yet read again
	m.Update(press("d"))
	if m.confirm != "" {
		t.Fatalf("asked about %s before the list showed the trash's work", m.confirm)
	}
	m.Update(m.refresh(store.Read())())
	if m.flash == "" || m.busy {
		t.Fatalf("after the list came: flash %q, busy %v", m.flash, m.busy)
	}
	restored := runAll(m.Update(press("u")))
	m.Update(restored[0])
	m.Update(press("d"))
	if m.confirm != "" {
		t.Fatalf("asked about %s before the list showed the file back", m.confirm)
	}
	m.Update(m.refresh(store.Read())())
	if m.current().path != first {
		t.Errorf("after the undo the cursor is on %s, not the file brought back (%s)", m.current().path, first)
	}
}
