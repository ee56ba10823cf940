package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const jrnlText = `[2026-01-05 09:14] Møte med @Kari om turnusen. Hun vil ha mer ansvar.
Vi ble enige om å prøve i tre uker. #turnus

Andre avsnitt, med æøå og ÆØÅ.
[2026-01-05 16:40] Hvorfor sa ingen noe på personalmøtet? Jeg må spørre.
[2026-01-06 07:02] Kjempedag! *
[2026-01-07 08:00] * Stjerne rett etter tiden.
[2026-01-08 10:30] En tittel uten punktum
[lenke] i brødteksten er ikke en ny oppføring.
   innrykket linje

[2026-01-09 09:15 PM] Kveld på 12-timersklokke.

[2026-01-10 12:05 AM] Midnatt!? Ja.
[2026-01-11 23:59:30] Sekunder. Versjon 1.2 er ute.
`

func TestParseJrnlText(t *testing.T) {
	es, err := ParseJrnl("j.txt", []byte(jrnlText))
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		date          string
		hour, minute  int
		title, body   string
		starred       bool
		line          int
		textHasPrefix string
	}
	wants := []want{
		{"2026-01-05", 9, 14, "Møte med @Kari om turnusen.", "Hun vil ha mer ansvar.\nVi ble enige om å prøve i tre uker. #turnus\n\nAndre avsnitt, med æøå og ÆØÅ.", false, 1,
			"Møte med @Kari om turnusen. Hun vil ha mer ansvar.\nVi ble enige"},
		{"2026-01-05", 16, 40, "Hvorfor sa ingen noe på personalmøtet?", "Jeg må spørre.", false, 5, "Hvorfor sa ingen"},
		{"2026-01-06", 7, 2, "Kjempedag!", "", true, 6, "Kjempedag!"},
		{"2026-01-07", 8, 0, "Stjerne rett etter tiden.", "", true, 7, "Stjerne"},
		{"2026-01-08", 10, 30, "En tittel uten punktum", "[lenke] i brødteksten er ikke en ny oppføring.\n   innrykket linje", false, 8, "En tittel uten punktum\n[lenke]"},
		{"2026-01-09", 21, 15, "Kveld på 12-timersklokke.", "", false, 12, "Kveld"},
		{"2026-01-10", 0, 5, "Midnatt!?", "Ja.", false, 14, "Midnatt!? Ja."},
		{"2026-01-11", 23, 59, "Sekunder.", "Versjon 1.2 er ute.", false, 15, "Sekunder."},
	}
	if len(es) != len(wants) {
		t.Fatalf("got %d entries: %+v", len(es), es)
	}
	for i, w := range wants {
		e := es[i]
		if e.Date.String() != w.date || e.Hour != w.hour || e.Minute != w.minute || e.Title != w.title || e.Body != w.body ||
			e.Starred != w.starred || e.Line != w.line || !strings.HasPrefix(e.Text, w.textHasPrefix) {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, e, w)
		}
	}
	if es[2].NoteText() != "Kjempedag!\n\n#starred" || es[0].NoteText() != es[0].Text {
		t.Errorf("note texts: %q %q", es[2].NoteText(), es[0].NoteText())
	}
	// CRLF and a byte order mark read the same.
	crlf := "\ufeff" + strings.ReplaceAll(jrnlText, "\n", "\r\n")
	es2, err := ParseJrnl("j.txt", []byte(crlf))
	if err != nil || len(es2) != len(es) || es2[0].Text != es[0].Text {
		t.Fatalf("crlf: %v %+v", err, es2)
	}
}

func TestSplitTitle(t *testing.T) {
	cases := []struct{ in, title, body string }{
		{"Hei. Du.", "Hei.", "Du."},
		{"Hvorfor?! Fordi.", "Hvorfor?!", "Fordi."},
		{"«Nei!» sa hun. Så gikk hun.", "«Nei!»", "sa hun. Så gikk hun."},
		{"Versjon 1.2 er ute", "Versjon 1.2 er ute", ""},
		{"Ingen slutt\nmen en linje til.", "Ingen slutt", "men en linje til."},
		{"Å nei! 😅 Det gikk galt.", "Å nei!", "😅 Det gikk galt."},
		{"Slutt.", "Slutt.", ""},
	}
	for _, c := range cases {
		title, body := splitTitle(c.in)
		if title != c.title || body != c.body {
			t.Errorf("%q: %q / %q, want %q / %q", c.in, title, body, c.title, c.body)
		}
	}
}

func TestParseJrnlJSON(t *testing.T) {
	data := `{
  "tags": {"@kari": 1, "#turnus": 1},
  "entries": [
    {
      "title": "Møte med @Kari om turnusen.",
      "body": "Hun vil ha mer ansvar.\n\nAndre avsnitt. #turnus",
      "date": "2026-01-05",
      "time": "09:14",
      "tags": ["@kari", "#turnus"],
      "starred": false
    },
    {"title": "Hvorfor?", "body": "", "date": "2026-01-06", "time": "16:40", "tags": [], "starred": true, "uuid": "x"}
  ]
}`
	es, err := ParseJrnl("j.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 {
		t.Fatalf("%+v", es)
	}
	if e := es[0]; e.Date.String() != "2026-01-05" || e.Hour != 9 || e.Minute != 14 || e.Line != 4 ||
		e.Text != "Møte med @Kari om turnusen.\nHun vil ha mer ansvar.\n\nAndre avsnitt. #turnus" {
		t.Errorf("%+v", e)
	}
	if e := es[1]; !e.Starred || e.Text != "Hvorfor?" || e.Line != 12 || e.NoteText() != "Hvorfor?\n\n#starred" {
		t.Errorf("%+v", e)
	}
}

func TestParseJrnlErrors(t *testing.T) {
	cases := []struct {
		name, data string
		kind       string
		line       int
	}{
		{"text first", "\n\nDear diary\n[2026-01-05 09:14] x\n", JrnlNotEntry, 3},
		{"markdown", "# My notes\n\nSome text.\n", JrnlNotEntry, 1},
		{"no such day", "[2026-01-05 09:14] ok\n\n[2026-02-30 09:14] no\n", JrnlBadDate, 3},
		{"no such hour", "[2026-01-05 25:14] no\n", JrnlBadTime, 1},
		{"13 PM", "[2026-01-05 13:14 PM] no\n", JrnlBadTime, 1},
		{"binary", "gAAAA\x00\x01\x02", JrnlNotText, 1},
		{"not UTF-8", "[2026-01-05 09:14] \xff\xfe\n", JrnlNotText, 1},
		{"broken JSON", "{\n  \"entries\": [\n    {\"date\": \"2026-01-05\",\n     \"time\": 9:14}\n  ]\n}", JrnlJSON, 4},
		{"time a number", "{\n  \"entries\": [\n    {\"date\": \"2026-01-05\",\n     \"time\": 914}\n  ]\n}", JrnlWrongType, 4},
		{"short JSON", "{\"entries\": [", JrnlJSON, 1},
		{"no entries", "{\"tags\": {}}", JrnlNoEntries, 1},
		{"entries not a list", "{\"entries\": {}}", JrnlJSON, 1},
		{"no time", "{\"entries\": [\n{\"date\": \"2026-01-05\", \"title\": \"x\"},\n{\"date\": \"2026-01-05\", \"title\": \"y\"}\n]}", JrnlMissing, 2},
		{"bad JSON date", "{\"entries\": [\n  {\"date\": \"2026-01-05\", \"time\": \"09:00\", \"title\": \"x\"},\n  {\"date\": \"05.01.2026\", \"time\": \"09:00\", \"title\": \"y\"}\n]}", JrnlBadDate, 3},
		{"bad JSON time", "{\"entries\": [{\"date\": \"2026-01-05\", \"time\": \"morning\", \"title\": \"x\"}]}", JrnlBadTime, 1},
		{"JSON with more", "{\"entries\": []}\n{}", JrnlJSON, 2},
	}
	for _, c := range cases {
		_, err := ParseJrnl("j.txt", []byte(c.data))
		var je *JrnlError
		if !errors.As(err, &je) || je.Kind != c.kind || je.Line != c.line || !strings.HasPrefix(err.Error(), fmt.Sprintf("j.txt:%d: ", c.line)) {
			t.Errorf("%s: got %v (%+v), want %s at line %d", c.name, err, je, c.kind, c.line)
		}
	}
	// An empty journal has no entries, and that is no error.
	if es, err := ParseJrnl("j.txt", []byte("\n\n")); err != nil || len(es) != 0 {
		t.Errorf("empty: %v %v", es, err)
	}
}

// jrnlEntries makes n entries over a little less than a year: some days get
// two, each its own time; every fiftieth is starred.
func jrnlEntries(n int) []JrnlEntry {
	start := Date{2025, 1, 1}
	var es []JrnlEntry
	for i := range n {
		text := fmt.Sprintf("Dag %d med @Kari og #turnus – hvorfor gikk det så bra?\nLinje to, æøå ÆØÅ.\n\nAvsnitt %d.", i, i)
		title, body := splitTitle(text)
		es = append(es, JrnlEntry{Date: start.AddDays(i * 300 / n), Hour: 7 + i%12, Minute: i * 7 % 60,
			Title: title, Body: body, Text: text, Starred: i%50 == 0})
	}
	return es
}

func TestImportJrnl(t *testing.T) {
	s := writeJournal(t, map[string]string{
		// A hand-written entry on an imported day: kept byte for byte.
		"2025/01/2025-01-02.md": "---\ndate: 2025-01-02\ntip: 3\nmood: rolig\n---\n\n## Hva gikk bra?\n\nAlt.\n",
		// An entry tillit cannot parse: skipped and left alone.
		"2025/01/2025-01-03.md": "---\ntip: 3\nno closing fence\n",
	})
	hand, _ := os.ReadFile(filepath.Join(s.Root, "2025/01/2025-01-02.md"))
	broken, _ := os.ReadFile(filepath.Join(s.Root, "2025/01/2025-01-03.md"))
	es := jrnlEntries(365)
	res, err := s.ImportJrnl(es)
	if err != nil {
		t.Fatal(err)
	}
	// Entries 3 and 4 fall on 2025-01-03 (i*300/365 == 2).
	onBroken := 0
	for _, e := range es {
		if e.Date == (Date{2025, 1, 3}) {
			onBroken++
		}
	}
	if res.Added != 365-onBroken || res.Days != 299 || res.Already != 0 || res.Skipped != onBroken || len(res.Unparseable) != 1 {
		t.Fatalf("first import: %+v (%d on the broken day)", res, onBroken)
	}
	for _, e := range es {
		if e.Date == (Date{2025, 1, 3}) {
			continue
		}
		data, err := os.ReadFile(s.DayPath(e.Date))
		if err != nil {
			t.Fatal(err)
		}
		note := fmt.Sprintf("## %02d:%02d\n\n%s\n", e.Hour, e.Minute, e.NoteText())
		if !strings.Contains(string(data), note) {
			t.Fatalf("%s: no note %q in\n%s", e.Date, note, data)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(s.Root, "2025/01/2025-01-02.md")); !strings.HasPrefix(string(data), string(hand)) || len(data) == len(hand) {
		t.Errorf("the hand-written entry changed:\n%s", data)
	}
	if data, _ := os.ReadFile(filepath.Join(s.Root, "2025/01/2025-01-03.md")); string(data) != string(broken) {
		t.Errorf("the unparseable entry was written:\n%s", data)
	}
	// The notes read as notes, at their times, and a day with only notes is
	// not a check-in.
	e, err := s.Load(es[10].Date)
	if err != nil || e.IsCheckIn() || len(e.Body.Notes()) != 1 || e.Body.Notes()[0].Heading != "17:10" {
		t.Fatalf("%v %+v", err, e.Body)
	}

	// Again: nothing changes, byte for byte.
	before := snapshot(t, s.Root)
	res, err = s.ImportJrnl(es)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Days != 0 || res.Already != 365-onBroken || res.Skipped != onBroken {
		t.Fatalf("second import: %+v", res)
	}
	if after := snapshot(t, s.Root); after != before {
		t.Error("the second import changed the journal")
	}
}

// snapshot is every file under root, names and bytes, except tillit's own.
func snapshot(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == AppDirName {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, "%s\n%s\n", path, data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestAppendNoteOnceOnCRLFAndOddText(t *testing.T) {
	s := writeJournal(t, map[string]string{
		"2026/01/2026-01-05.md": "---\r\ndate: 2026-01-05\r\n---\r\n\r\nWindows.\r\n",
	})
	day := Date{2026, 1, 5}
	texts := []string{
		"Enkel tekst.",
		"## En overskrift i teksten\n<!-- private -->\nog en markør",
		"```go\nfunc main() {\n// aldri lukket",
		"  innrykk først\nog linjeskift med to mellomrom  \nher",
	}
	for round := range 2 {
		for i, text := range texts {
			added, err := s.AppendNoteOnce(day, timeAt(9, i), text, false)
			if err != nil || added != (round == 0) {
				t.Fatalf("round %d, text %d: added %v, %v", round, i, added, err)
			}
		}
	}
	// The same text at another time is another note.
	if added, err := s.AppendNoteOnce(day, timeAt(10, 0), texts[0], false); !added || err != nil {
		t.Fatalf("another time: %v %v", added, err)
	}
}

func timeAt(h, m int) time.Time { return time.Date(2026, 1, 5, h, m, 0, 0, time.UTC) }
