package coach

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tillit/content"
	"tillit/journal"
	"tillit/locale"
)

// read writes files into a journal folder and reads it.
func read(t *testing.T, files map[string]string) *journal.Journal {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return journal.NewStore(root).Read()
}

func builtin(t *testing.T) *Coach {
	t.Helper()
	lang := locale.New("nb")
	return New(lang, content.MustBuiltin("nb"), nil)
}

var friday = journal.Date{Year: 2026, Month: 11, Day: 27}

// The day's tip is the one due until the day is checked in, then the one it
// was checked in on; the questions move on with each turn on a tip.
func TestTodayIsTheTipDueThenTheOneCheckedIn(t *testing.T) {
	c := builtin(t)
	j := read(t, map[string]string{
		"2026/11/2026-11-25.md": "---\ntip: 1\nrating: 3\ncommitment: Ring Per\n---\n",
		"2026/11/2026-11-26.md": "---\ntip: 2\nrating: 4\n---\n",
		"2026/2026-W47.md":      "---\nweek: 2026-W47\nfocus_tip: 5\n---\n",
	})
	d := c.Today(j, friday)
	if d.CheckedIn || d.Tip.Number != 3 || d.TipGone {
		t.Fatalf("due: %+v", d)
	}
	tip3, _ := c.Pack.Tip(3)
	if got, want := strings.Join(d.Questions, "|"), strings.Join(tip3.QuestionsFor(0), "|"); got != want {
		t.Errorf("questions %q, want %q", got, want)
	}
	if d.Open == nil || d.Open.Commitment != "Ring Per" {
		t.Errorf("open commitment: %+v", d.Open)
	}
	if d.Focus == nil || d.Focus.Number != 5 {
		t.Errorf("focus: %+v", d.Focus)
	}
	if d.Round != 1 || d.RoundDone != 2 {
		t.Errorf("round %d, %d done", d.Round, d.RoundDone)
	}

	j = read(t, map[string]string{
		"2026/11/2026-11-20.md": "---\ntip: 9\n---\n",
		"2026/11/2026-11-27.md": "---\ntip: 9\nrating: 2\n---\n",
	})
	d = c.Today(j, friday)
	tip9, _ := c.Pack.Tip(9)
	if !d.CheckedIn || d.Tip.Number != 9 || d.Open != nil {
		t.Fatalf("checked in: %+v", d)
	}
	if got, want := strings.Join(d.Questions, "|"), strings.Join(tip9.QuestionsFor(1), "|"); got != want {
		t.Errorf("second turn on tip 9 asks %q, want %q", got, want)
	}
	if d.RoundDone != 1 {
		t.Errorf("the day's own check-in counts once made: %d done", d.RoundDone)
	}
}

// A day checked in on a pack that is gone says so: it never shows the tip
// of another pack that has the same number.
func TestTodayOnAPackThatIsGone(t *testing.T) {
	c := builtin(t)
	j := read(t, map[string]string{
		"2026/11/2026-11-27.md": "---\ntip: 4\npack: gone-pack\n---\n",
	})
	d := c.Today(j, friday)
	if !d.TipGone || d.Tip.Number != 4 || d.Tip.Title != "" || d.Questions != nil {
		t.Errorf("gone: %+v", d)
	}
	if c.PackOf("gone-pack") != nil || c.PackOf("") != c.Pack {
		t.Error("PackOf")
	}
}

// A check-in starts on the tip due, or the one chosen; editing the day's
// check-in stays on its tip and lists the questions it answered first.
func TestCheckInStartsFromTheDay(t *testing.T) {
	c := builtin(t)
	j := read(t, map[string]string{
		"2026/11/2026-11-24.md": "---\ntip: 1\ncommitment: Spør Kari\n---\n",
		"2026/11/2026-11-27.md": "---\ntip: 7\n---\n## Egen overskrift\n\nSvar.\n",
	})
	fresh := journal.NewEntry("", journal.Date{Year: 2026, Month: 11, Day: 28})
	ci := c.CheckIn(j.Entries, fresh, fresh.Date, 0)
	if ci.Editing || ci.Tip.Number != 2 || ci.Target == nil || ci.Target.Commitment != "Spør Kari" {
		t.Fatalf("new: %+v", ci)
	}
	if ci = c.CheckIn(j.Entries, fresh, fresh.Date, 11); ci.Tip.Number != 11 {
		t.Errorf("chosen tip: %d", ci.Tip.Number)
	}
	base := j.Entry(friday)
	ci = c.CheckIn(j.Entries, base, friday, 3)
	if !ci.Editing || ci.Tip.Number != 7 {
		t.Fatalf("editing: %+v", ci)
	}
	qs := ci.Questions(ci.Tip)
	if len(qs) < 2 || qs[0] != "Egen overskrift" {
		t.Errorf("questions of the edited day: %q", qs)
	}
	if last := ci.LastTime(1); last == nil || last.Date.Day != 24 {
		t.Errorf("last time on tip 1: %+v", last)
	}
	if o := ci.Around(j.Entry(journal.Date{Year: 2026, Month: 11, Day: 24})).Outcome; o == nil || !o.Open() {
		t.Errorf("outcome of an open commitment: %+v", o)
	}
}

// Every format of the export is made from one journal, and a format tillit
// does not write is an error, not an empty file.
func TestExportInEveryFormat(t *testing.T) {
	c := builtin(t)
	j := read(t, map[string]string{
		"2026/11/2026-11-26.md": "---\ntip: 2\nrating: 4\ncommitment: Ring Per\n---\n## Spørsmål\n\nSvar om Kari.\n",
	})
	o := c.ExportOptions(journal.Date{Year: 2026, Month: 11, Day: 1}, friday, false)
	for _, format := range Formats {
		data, _, err := Export(j, o, format)
		if err != nil || !strings.Contains(string(data), "Ring Per") {
			t.Errorf("%s: %v\n%s", format, err, data)
		}
	}
	if _, _, err := Export(j, o, "pdf"); err == nil {
		t.Error("pdf was not refused")
	}
	if md, _ := ExportPreview(j, o); !strings.Contains(md, "Svar om Kari.") {
		t.Errorf("preview:\n%s", md)
	}
}

// Commands of the interface ask for packs side by side.
func TestPackOfFromManyCommands(t *testing.T) {
	c := builtin(t)
	done := make(chan bool)
	for range 8 {
		go func() {
			for _, id := range []string{"", "trust", "gone", "other"} {
				c.PackOf(id)
			}
			done <- true
		}()
	}
	for range 8 {
		<-done
	}
}

// A day checked in with the built-in pack, while the user's own pack is in
// use, shows its tip in the user's context too: every pack is read in the
// context of the pack in use.
func TestAnotherPacksTipIsReadInTheSameContext(t *testing.T) {
	own, err := content.ParsePack("own.yaml", []byte("pack: own\nlanguage: nb\ntips:\n  - number: 1\n    id: a\n    title: Ett råd.\n    questions: [\"Hva?\", \"Hvem?\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := New(locale.New("nb"), own.InContext("care"), nil)
	j := read(t, map[string]string{"2026/11/2026-11-27.md": "---\ntip: 9\npack: trust\nrating: 3\n---\n"})
	d := c.Today(j, friday)
	if !d.CheckedIn || d.Tip.Number != 9 || d.Pack.ID != content.BuiltinID {
		t.Fatalf("the day: %+v", d)
	}
	if !strings.Contains(d.Tip.Try, "hos beboerne") {
		t.Errorf("tip 9 of the built-in pack, in care: %q", d.Tip.Try)
	}
}
