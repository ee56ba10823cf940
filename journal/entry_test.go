package journal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const handWritten = `---
date: 2026-11-20
tip: 4
rating: 3
aliases: [fredag]
cssclasses:
  - journal # keep me
mood: rolig
---

Fri tekst før første seksjon, med en [[wikilenke]].

## Hva gjorde det lettere?

Kari og Per fikk ordnet turnusen selv. æøå ÆØÅ.

| hvem | hva |
| ---- | --- |
| Kari | turnus |

` + "```go\n## not a heading\n```\n" + `
Avsluttende avsnitt uten overskrift.
`

func mustParse(t *testing.T, path, text string) *Entry {
	t.Helper()
	e, err := ParseEntry(path, []byte(text))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return e
}

func TestParseHandWritten(t *testing.T) {
	e := mustParse(t, "2026/11/2026-11-20.md", handWritten)
	if e.Date != (Date{2026, 11, 20}) || e.Tip != 4 || e.Rating != 3 {
		t.Fatalf("meta = %+v", e.Meta)
	}
	if len(e.Problems) != 0 {
		t.Fatalf("problems: %v", e.Problems)
	}
	answers := e.Body.Answers()
	if len(answers) != 1 || answers[0].Heading != "Hva gjorde det lettere?" {
		t.Fatalf("answers = %+v", answers)
	}
	// A heading inside the code block is text.
	if !strings.Contains(answers[0].Text, "## not a heading") || answers[0].Private {
		t.Fatalf("code block split the section: %q", answers[0].Text)
	}
}

// A code fence someone forgot to close must not make private text public:
// private markers count even inside a code block.
func TestPrivateMarkersCountInsideCodeFences(t *testing.T) {
	e := mustParse(t, "2026/11/2026-11-20.md", "---\ntip: 1\n---\n## Q1\n\n```\nunclosed code\n\n<!-- private -->\n## Q2\n\nsecret\n<!-- /private -->\n")
	if pub := e.Body.PublicText(); strings.Contains(pub, "secret") {
		t.Errorf("private text is public:\n%s", pub)
	}
}

func TestUnclosedFenceInAnswerIsClosed(t *testing.T) {
	e := NewEntry("x/2026-11-20.md", Date{2026, 11, 20})
	CheckIn{Date: e.Date, Tip: 1, Answers: []Answer{{Question: "Q1?", Text: "```\ncode never closed"}, {Question: "Q2?", Text: "secret", Private: true}}}.ApplyTo(e)
	out, _ := e.Render()
	back := mustParse(t, "x/2026-11-20.md", string(out))
	if n := len(back.Body.Answers()); n != 2 {
		t.Fatalf("%d answers after the unclosed fence:\n%s", n, out)
	}
	if strings.Contains(back.Body.PublicText(), "secret") {
		t.Errorf("private answer public:\n%s", out)
	}
}

func TestNewAnswerKeepsTheRestOfTheLastSection(t *testing.T) {
	text := "---\ntip: 1\n---\n## Q1\n\npublic\n<!-- private -->\nsecret\n<!-- /private -->\nmore of Q1\n"
	e := mustParse(t, "2026/11/2026-11-20.md", text)
	e.Body.SetAnswer("Q2", "new answer", false)
	out, _ := e.Render()
	if !strings.HasSuffix(string(out), "more of Q1\n\n## Q2\n\nnew answer\n") {
		t.Errorf("the new answer split Q1:\n%s", out)
	}
}

func TestApplyUnchangedKeepsBytes(t *testing.T) {
	text := "---\ndate: 2026-11-20\ntip: 1\ncommitment: |\n  Spør Kari\n  om turnus\n---\n\n## Q1\n\n# Big idea\n\tindented\n"
	e := mustParse(t, "2026/11/2026-11-20.md", text)
	CheckIn{Date: e.Date, Tip: 1, Commitment: e.Commitment}.ApplyTo(e)
	out, _ := e.Render()
	if string(out) != text {
		t.Errorf("unchanged check-in rewrote the file:\n%s", out)
	}
}

func TestUntouchedEntryRendersByteForByte(t *testing.T) {
	for _, text := range []string{handWritten, "---\ndate: 2026-11-20\n---\n", "---\ndate: 2026-11-20\n---\n<!-- private -->\nnever closed\n", strings.ReplaceAll(handWritten, "\n", "\r\n")} {
		e := mustParse(t, "2026/11/2026-11-20.md", text)
		got, err := e.Render()
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != text {
			t.Errorf("render changed an untouched file:\n--- want\n%s\n--- got\n%s", text, got)
		}
	}
}

func TestRewriteKeepsUnknownKeysAndText(t *testing.T) {
	e := mustParse(t, "2026/11/2026-11-20.md", handWritten)
	CheckIn{
		Date: e.Date, Tip: 4, Rating: 5, Commitment: "Spør Ingrid: hva trenger du?",
		Answers: []Answer{
			{Question: "Hva vil du gjøre annerledes?", Text: "Hemmelig svar", Private: true},
			{Question: "Hva lærte du?", Text: "Ny tekst med æøå.\nTo linjer."},
		},
	}.ApplyTo(e)
	out, err := e.Render()
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		"aliases: [fredag]", "  - journal # keep me", "mood: rolig", "rating: 5",
		"Kari og Per fikk ordnet turnusen selv. æøå ÆØÅ.",
		"commitment: 'Spør Ingrid: hva trenger du?'",
		"Fri tekst før første seksjon, med en [[wikilenke]].",
		"| Kari | turnus |", "Avsluttende avsnitt uten overskrift.",
		"Ny tekst med æøå.\nTo linjer.",
		"<!-- private -->\n## Hva vil du gjøre annerledes?\n\nHemmelig svar\n<!-- /private -->",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in:\n%s", want, s)
		}
	}
	if !strings.HasSuffix(s, "## Hva lærte du?\n\nNy tekst med æøå.\nTo linjer.\n") {
		t.Errorf("new answers should follow the last answer:\n%s", s)
	}
	// And it reads back the same.
	back := mustParse(t, "2026/11/2026-11-20.md", s)
	if back.Rating != 5 || back.Commitment != "Spør Ingrid: hva trenger du?" {
		t.Errorf("meta after round trip: %+v", back.Meta)
	}
	a, ok := back.Body.Answer("Hva vil du gjøre annerledes?")
	if !ok || !a.Private || a.Text != "Hemmelig svar" {
		t.Errorf("private answer after round trip: %+v %v", a, ok)
	}
	if pub := back.Body.PublicText(); strings.Contains(pub, "Hemmelig") {
		t.Errorf("public text leaks the private answer:\n%s", pub)
	}
}

func TestCheckInOnFileWithoutFrontMatter(t *testing.T) {
	e := mustParse(t, "2026/11/2026-11-20.md", "Skrevet for hånd.\n")
	CheckIn{Date: e.Date, Tip: 2}.ApplyTo(e)
	out, _ := e.Render()
	if want := "---\ndate: 2026-11-20\ntip: 2\n---\nSkrevet for hånd.\n"; string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestNoteAfterUnclosedPrivatePartIsPublic(t *testing.T) {
	s := NewStore(t.TempDir())
	day := Date{2026, 11, 20}
	os.MkdirAll(filepath.Dir(s.DayPath(day)), 0o700)
	text := "---\ntip: 1\n---\n<!-- private -->\nnever closed\n"
	os.WriteFile(s.DayPath(day), []byte(text), 0o600)
	if err := s.AppendNote(day, time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local), "public", false); err != nil {
		t.Fatal(err)
	}
	e, _ := s.Load(day)
	notes := e.Body.Notes()
	if len(notes) != 1 || notes[0].Private {
		t.Errorf("note after an unclosed private part: %+v", notes)
	}
}

func TestNewEntryFormat(t *testing.T) {
	e := NewEntry("2026/11/2026-11-23.md", Date{2026, 11, 23})
	CheckIn{
		Date: e.Date, Tip: 1, Rating: 4, Energy: 3, Commitment: "Spør Kari",
		Followup: FollowupDone, FollowupOf: Date{2026, 11, 20}, FollowupNote: "Det gikk fint",
		Answers: []Answer{{Question: "Q1?", Text: "A1"}, {Question: "Q2?", Text: "A2", Private: true}, {Question: "Q3?", Text: "  "}},
	}.ApplyTo(e)
	out, err := e.Render()
	if err != nil {
		t.Fatal(err)
	}
	want := `---
date: 2026-11-23
tip: 1
rating: 4
energy: 3
commitment: Spør Kari
followup: done
followup_of: 2026-11-20
followup_note: Det gikk fint
---

## Q1?

A1

<!-- private -->
## Q2?

A2
<!-- /private -->
`
	if string(out) != want {
		t.Errorf("new entry:\n%s\nwant:\n%s", out, want)
	}
}

func TestUnparseable(t *testing.T) {
	cases := map[string]struct{ text, reason string }{
		"no closing fence": {"---\ndate: 2026-11-20\ntip: 1\n\n## Q\n\ntext\n", "no closing ---"},
		"duplicate key":    {"---\nrating: 3\ntip: 1\nrating: 4\n---\n", `"rating" twice (lines 2 and 4)`},
		"nested duplicate": {"---\nx:\n  a: 1\n  a: 2\n---\n", `"a" twice`},
		"invalid yaml":     {"---\ntip: [1\n---\n", "not valid YAML"},
		"not a mapping":    {"---\n- a\n- b\n---\n", "not a list of key: value"},
		"nul byte":         {"---\ntip: 1\n---\n\x00", "NUL"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParseEntry("/j/2026/11/2026-11-20.md", []byte(c.text))
			if !IsParseError(err) {
				t.Fatalf("want a parse error, got %v", err)
			}
			if !strings.Contains(err.Error(), c.reason) || !strings.HasPrefix(err.Error(), "/j/2026/11/2026-11-20.md: ") {
				t.Errorf("error %q should name the file and say %q", err, c.reason)
			}
		})
	}
}

func TestWrongTypesAreProblemsNotErrors(t *testing.T) {
	e := mustParse(t, "2026/11/2026-11-20.md", "---\ndate: 2026-11-21\ntip: [1]\nrating: \"four\"\nenergy: 9\nfollowup: maybe\nprivate: kanskje\n---\nText\n")
	keys := map[string]bool{}
	for _, p := range e.Problems {
		keys[p.Key] = true
	}
	for _, k := range []string{"date", "tip", "rating", "energy", "followup", "private"} {
		if !keys[k] {
			t.Errorf("no problem reported for %s: %v", k, e.Problems)
		}
	}
	if e.Tip != 0 || e.Rating != 0 || e.Energy != 0 || e.Date != (Date{2026, 11, 20}) {
		t.Errorf("bad values should be ignored and the date taken from the file name: %+v", e.Meta)
	}
}

func TestParseDateRejectsImpossibleDays(t *testing.T) {
	if _, err := ParseDate("2026-02-30"); err == nil {
		t.Error("2026-02-30 accepted")
	}
	if d, err := ParseDate("2024-02-29"); err != nil || d != (Date{2024, 2, 29}) {
		t.Errorf("2024-02-29: %v %v", d, err)
	}
}

func TestSafeTextKeepsStructure(t *testing.T) {
	e := NewEntry("x/2026-11-20.md", Date{2026, 11, 20})
	e.Body.SetAnswer("Q?", "# Overskrift\n## Under\n<!-- /private -->\n```\n## kode\n```", false)
	out, _ := e.Render()
	back := mustParse(t, "x/2026-11-20.md", string(out))
	if n := len(back.Body.Answers()); n != 1 {
		t.Fatalf("answer text split the entry into %d sections:\n%s", n, out)
	}
	if !strings.Contains(string(out), "### Overskrift") || !strings.Contains(string(out), "## kode") {
		t.Errorf("headings not demoted or code changed:\n%s", out)
	}
}

func TestStoreSaveAndNotes(t *testing.T) {
	root := t.TempDir()
	s := NewStore(root)
	day := Date{2026, 11, 20}
	path := s.DayPath(day)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(handWritten), 0o644); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 20, 14, 5, 0, 0, time.Local)
	if err := s.AppendNote(day, at, "Første notat", false); err != nil {
		t.Fatal(err)
	}
	if err := s.AppendNote(day, at.Add(time.Hour), "Hemmelig notat", true); err != nil {
		t.Fatal(err)
	}
	if err := s.AppendNote(day, at.Add(2*time.Hour), "Offentlig igjen", false); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), handWritten) {
		t.Fatalf("notes changed existing bytes:\n%s", data)
	}
	tail := strings.TrimPrefix(string(data), handWritten)
	want := "\n## 14:05\n\nFørste notat\n\n<!-- private -->\n## 15:05\n\nHemmelig notat\n<!-- /private -->\n\n## 16:05\n\nOffentlig igjen\n"
	if tail != want {
		t.Errorf("notes:\n%q\nwant\n%q", tail, want)
	}
	e, err := s.Load(day)
	if err != nil {
		t.Fatal(err)
	}
	notes := e.Body.Notes()
	if len(notes) != 3 || notes[0].Private || !notes[1].Private || notes[2].Private {
		t.Errorf("notes read back: %+v", notes)
	}
	assertMode(t, path, 0o600)
	// Folders tillit did not create keep their mode: they are the user's.
	for _, d := range []string{filepath.Dir(path), filepath.Dir(filepath.Dir(path))} {
		assertMode(t, d, 0o755|os.ModeDir)
	}
}

func TestNoteOnUnparseableFileLeavesItAlone(t *testing.T) {
	s := NewStore(t.TempDir())
	day := Date{2026, 11, 21}
	path := s.DayPath(day)
	os.MkdirAll(filepath.Dir(path), 0o700)
	broken := "---\ndate: 2026-11-21\ntip: 2\n\nno closing fence\n"
	os.WriteFile(path, []byte(broken), 0o600)
	err := s.AppendNote(day, time.Now(), "note", false)
	if !IsParseError(err) {
		t.Fatalf("want parse error, got %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != broken {
		t.Errorf("file changed")
	}
}

func TestNoteOnWrongTypesKeepsEveryLine(t *testing.T) {
	s := NewStore(t.TempDir())
	day := Date{2026, 11, 21}
	path := s.DayPath(day)
	os.MkdirAll(filepath.Dir(path), 0o700)
	text := "---\nrating: \"four\"\n---\nTekst\n"
	os.WriteFile(path, []byte(text), 0o600)
	if err := s.AppendNote(day, time.Now(), "note", false); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); !strings.HasPrefix(string(data), text) {
		t.Errorf("lines lost:\n%s", data)
	}
}

func TestSaveRefusesWhenFileChangedOnDisk(t *testing.T) {
	s := NewStore(t.TempDir())
	day := Date{2026, 11, 22}
	e, _ := s.Load(day)
	// Another writer creates the file after we loaded the (absent) entry.
	if err := s.AppendNote(day, time.Now(), "from elsewhere", false); err != nil {
		t.Fatal(err)
	}
	CheckIn{Date: day, Tip: 1, Answers: []Answer{{Question: "Q?", Text: "mine"}}}.ApplyTo(e)
	err := s.Save(e)
	if _, ok := err.(*ConflictError); !ok {
		t.Fatalf("want a conflict, got %v", err)
	}
	data, _ := os.ReadFile(s.DayPath(day))
	if !strings.Contains(string(data), "from elsewhere") {
		t.Error("the other writer's text was lost")
	}
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode() != want {
		t.Errorf("%s: mode %v, want %v", path, info.Mode(), want)
	}
}
