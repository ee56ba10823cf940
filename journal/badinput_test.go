package journal

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// The files in testdata/bad are what a hand-edited, synced, many-tools
// journal holds now and then. Each is read as well as it can be, or
// reported; nothing crashes; a file that cannot be parsed is never written.
var badInput = []struct {
	file     string
	kind     string   // the ParseError's kind; "" when the file is read
	problems []string // the keys reported as problems when it is read
	crlf     bool     // written back with CRLF line endings
	bom      bool     // written back with its byte order mark
}{
	{file: "invalid-utf8.md", problems: []string{"file"}},
	{file: "invalid-utf8-front.md", kind: ParseNotUTF8},
	{file: "nul.md", kind: ParseNotText},
	{file: "crlf.md", crlf: true},
	{file: "bom.md", bom: true},
	{file: "bom-crlf.md", crlf: true, bom: true},
	{file: "no-closing-fence.md", kind: ParseNoClosingFence},
	{file: "duplicate-keys.md", kind: ParseDuplicateKey},
	{file: "invalid-yaml.md", kind: ParseInvalidYAML},
	{file: "not-mapping.md", kind: ParseNotMapping},
	{file: "wrong-types.md", problems: []string{"date", "tip", "rating", "energy", "private", "followup", "tags"}},
	{file: "unclosed-fence.md"},
	{file: "anchors.md"},
}

var badDay = Date{2026, 11, 20}

// badJournal puts a fixture in a new journal as the entry of badDay.
func badJournal(t *testing.T, file string) (*Store, string, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "bad", file))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(t.TempDir())
	path := s.DayPath(badDay)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return s, path, data
}

func TestBadInput(t *testing.T) {
	at := time.Date(2026, 11, 20, 14, 5, 0, 0, time.Local)
	for _, c := range badInput {
		t.Run(c.file, func(t *testing.T) {
			s, path, data := badJournal(t, c.file)
			j := s.Read()
			if c.kind != "" {
				unparseable(t, s, path, data, c.kind)
				return
			}
			if len(j.Problems) > 0 || len(j.Entries) != 1 {
				t.Fatalf("read: %d entries, problems %v", len(j.Entries), j.Problems)
			}
			var keys []string
			for _, p := range j.Entries[0].Problems {
				keys = append(keys, p.Key)
			}
			slices.Sort(keys)
			want := slices.Sorted(slices.Values(c.problems))
			if !slices.Equal(keys, want) {
				t.Errorf("problems %v, want %v", j.Entries[0].Problems, want)
			}

			// A note keeps every byte already there.
			if err := s.AppendNote(badDay, at, "Et notat", false); err != nil {
				t.Fatal(err)
			}
			noted, _ := os.ReadFile(path)
			if !bytes.HasPrefix(noted, data) {
				t.Fatalf("the note changed what was there:\n%q", noted)
			}
			e, err := s.Load(badDay)
			if err != nil {
				t.Fatal(err)
			}
			if n := e.Body.Notes(); len(n) == 0 || n[len(n)-1].Text != "Et notat" {
				t.Fatalf("the note reads back as %+v", n)
			}

			// A check-in saved over it reads back, in the file's own line
			// endings, with the user's other keys kept.
			CheckIn{Date: badDay, Tip: 7, Rating: 4, Commitment: "Spør Kari",
				Answers: []Answer{{Question: "Hva lærte du?", Text: "Å lytte.\nFørst."}}}.ApplyTo(e)
			if err := s.Save(e); err != nil {
				t.Fatal(err)
			}
			saved, _ := os.ReadFile(path)
			back, err := ParseEntry(path, saved)
			if err != nil {
				t.Fatalf("saved a file it cannot read: %v\n%q", err, saved)
			}
			if back.Tip != 7 || back.Rating != 4 || back.Commitment != "Spør Kari" {
				t.Errorf("saved meta %+v", back.Meta)
			}
			if a, ok := back.Body.Answer("Hva lærte du?"); !ok || a.Text != "Å lytte.\nFørst." {
				t.Errorf("saved answer %+v\n%q", a, saved)
			}
			if n := back.Body.Notes(); len(n) == 0 || n[len(n)-1].Text != "Et notat" {
				t.Errorf("the note is gone:\n%q", saved)
			}
			if got := bytes.HasPrefix(saved, []byte("\ufeff")); got != c.bom {
				t.Errorf("byte order mark kept: %v, want %v", got, c.bom)
			}
			lf := bytes.Count(saved, []byte("\n"))
			crlf := bytes.Count(saved, []byte("\r\n"))
			if c.crlf && crlf != lf || !c.crlf && crlf != 0 {
				t.Errorf("%d of %d lines end in CRLF, want all: %v\n%q", crlf, lf, c.crlf, saved)
			}
			if bytes.Contains(bytes.ReplaceAll(saved, []byte("\r\n"), []byte("\n")), []byte("\n\n\n")) {
				t.Errorf("blank lines doubled:\n%q", saved)
			}
			if bytes.Contains(data, []byte("extra: keep me")) && !bytes.Contains(saved, []byte("extra: keep me")) {
				t.Errorf("a key of the user's was lost:\n%s", saved)
			}
			noTempFiles(t, filepath.Dir(path))
		})
	}
}

// unparseable checks a file tillit cannot parse: reported with its path and
// kind, never written by any way of writing, and left byte for byte.
func unparseable(t *testing.T, s *Store, path string, data []byte, kind string) {
	t.Helper()
	j := s.Read()
	if len(j.Entries) != 0 || len(j.Problems) != 1 {
		t.Fatalf("read: %d entries, problems %v", len(j.Entries), j.Problems)
	}
	var pe *ParseError
	if !errors.As(j.Problems[0], &pe) || pe.Kind != kind || pe.Path != path {
		t.Fatalf("problem %#v, want a %s ParseError for %s", j.Problems[0], kind, path)
	}
	if _, err := s.Load(badDay); !errors.As(err, &pe) || pe.Kind != kind {
		t.Errorf("Load: %v", err)
	}
	if err := s.AppendNote(badDay, time.Now(), "note", false); !errors.As(err, &pe) {
		t.Errorf("AppendNote: %v", err)
	}
	if err := s.CloseCommitment(badDay, "x", FollowupDone, "", badDay); !errors.As(err, &pe) {
		t.Errorf("CloseCommitment: %v", err)
	}
	// A check-in begun before the file appeared must not write over it.
	e := NewEntry(path, badDay)
	CheckIn{Date: badDay, Tip: 1, Answers: []Answer{{Question: "Q?", Text: "mine"}}}.ApplyTo(e)
	var ce *ConflictError
	if err := s.Save(e); !errors.As(err, &ce) {
		t.Errorf("Save: %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, data) {
		t.Errorf("the file was written:\n%q", now)
	}
	noTempFiles(t, filepath.Dir(path))
}

// noTempFiles fails if dir holds anything but journal entries.
func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !isKind(f.Name(), KindDay) && !isKind(f.Name(), KindMentoring) {
			t.Errorf("%s left in %s", f.Name(), dir)
		}
	}
}

// Ten megabytes of text in one day: read, noted and saved in linear time.
func TestTenMegabytes(t *testing.T) {
	s := NewStore(t.TempDir())
	path := s.DayPath(badDay)
	os.MkdirAll(filepath.Dir(path), 0o700)
	line := "Dette er en ganske lang linje om ledelse og tillit, med æøå.\n"
	var b strings.Builder
	b.WriteString("---\ndate: 2026-11-20\ntip: 3\n---\n\n## Hva gikk bra?\n\n")
	for i := 0; b.Len() < 5<<20; i++ {
		b.WriteString(line)
	}
	for i := 0; b.Len() < 10<<20; i++ {
		b.WriteString("\n## 10:" + string(rune('0'+i%6)) + string(rune('0'+i%10)) + "\n\n" + line)
	}
	data := []byte(b.String())
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	j := s.Read()
	if len(j.Entries) != 1 || len(j.Problems) > 0 {
		t.Fatalf("read: %d entries, %v", len(j.Entries), j.Problems)
	}
	if err := s.AppendNote(badDay, time.Now(), "Enda et notat", false); err != nil {
		t.Fatal(err)
	}
	e, err := s.Load(badDay)
	if err != nil {
		t.Fatal(err)
	}
	CheckIn{Date: badDay, Tip: 3, Rating: 5, Answers: []Answer{{Question: "Hva lærte du?", Text: "Mye."}}}.ApplyTo(e)
	if err := s.Save(e); err != nil {
		t.Fatal(err)
	}
	saved, _ := os.ReadFile(path)
	before, after := mustParse(t, path, string(data)), mustParse(t, path, string(saved))
	was, _ := before.Body.Answer("Hva gikk bra?")
	is, _ := after.Body.Answer("Hva gikk bra?")
	notes := after.Body.Notes()
	if is.Text != was.Text || len(was.Text) < 5<<20-100 {
		t.Error("the long answer changed")
	}
	if len(notes) != len(before.Body.Notes())+1 || notes[len(notes)-1].Text != "Enda et notat" {
		t.Errorf("%d notes, want %d and the new one last", len(notes), len(before.Body.Notes())+1)
	}
	for i, n := range before.Body.Notes() {
		if notes[i].Heading != n.Heading || notes[i].Text != n.Text {
			t.Fatalf("note %d changed", i)
		}
	}
	// Quadratic work on 10 MB takes hours; linear, a second or so (more
	// with the race detector).
	if d := time.Since(start); d > time.Minute {
		t.Errorf("10 MB took %v", d)
	}
}

// Links in the journal: tillit reads and writes plain files and folders
// only, and never anything outside the journal through a link.
func TestLinksOutOfTheJournal(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.md")
	secretText := []byte("---\ntip: 1\n---\n\nNot the journal's.\n")
	os.WriteFile(secret, secretText, 0o644)
	other := filepath.Join(outside, "year")
	os.MkdirAll(filepath.Join(other, "12"), 0o755)

	s := NewStore(t.TempDir())
	// A day file that links out, and a year folder that does.
	day := s.DayPath(badDay)
	os.MkdirAll(filepath.Dir(day), 0o700)
	if err := os.Symlink(secret, day); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(other, filepath.Join(s.Root, "2027")); err != nil {
		t.Fatal(err)
	}
	linkedDay := Date{2027, 12, 1}

	j := s.Read()
	if len(j.Entries) != 0 || len(j.Problems) != 2 {
		t.Fatalf("read: %d entries, problems %v", len(j.Entries), j.Problems)
	}
	for _, p := range j.Problems {
		var pe *ParseError
		if !errors.As(p, &pe) || pe.Kind != ParseLink {
			t.Errorf("problem %v, want a link", p)
		}
	}
	for _, d := range []Date{badDay, linkedDay} {
		var pe *ParseError
		if _, err := s.Load(d); !errors.As(err, &pe) || pe.Kind != ParseLink {
			t.Errorf("Load %s: %v", d, err)
		}
		if err := s.AppendNote(d, time.Now(), "note", false); !errors.As(err, &pe) {
			t.Errorf("AppendNote %s: %v", d, err)
		}
		e := NewEntry(s.DayPath(d), d)
		CheckIn{Date: d, Tip: 1}.ApplyTo(e)
		if err := s.Save(e); !errors.As(err, &pe) {
			t.Errorf("Save %s: %v", d, err)
		}
	}
	if info, err := os.Lstat(day); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if now, _ := os.ReadFile(secret); !bytes.Equal(now, secretText) {
		t.Error("the file outside the journal was written")
	}
	if info, _ := os.Stat(secret); info.Mode().Perm() != 0o644 {
		t.Errorf("the file outside the journal got mode %v", info.Mode())
	}
	if info, _ := os.Stat(other); info.Mode().Perm() != 0o755 {
		t.Errorf("the folder outside the journal got mode %v", info.Mode())
	}
	if files, _ := os.ReadDir(filepath.Join(other, "12")); len(files) != 0 {
		t.Errorf("written outside the journal: %v", files)
	}

	// The journal's root itself may be a link (to a synced folder).
	link := filepath.Join(t.TempDir(), "journal")
	os.Symlink(t.TempDir(), link)
	viaLink := NewStore(link)
	if err := viaLink.AppendNote(badDay, time.Now(), "through a linked root", false); err != nil {
		t.Fatal(err)
	}
	if j := viaLink.Read(); len(j.Entries) != 1 || len(j.Problems) > 0 {
		t.Errorf("linked root: %d entries, %v", len(j.Entries), j.Problems)
	}
}

// Files that are not entries, in the year and month folders, are left
// alone: read past, never written, never moved.
func TestStrayFiles(t *testing.T) {
	s := NewStore(t.TempDir())
	stray := map[string]string{
		"2026/notes.txt":                "mine",
		"2026/.DS_Store":                "\x00\x00",
		"2026/W47.md":                   "---\nweek: 47\n---\n",
		"2026/2026-13":                  "",
		"2026/11/2026-11-20.md.bak":     "---\nbroken\n",
		"2026/11/2026-11-20.md~":        "backup",
		"2026/11/2026-11-31.md":         "---\ntip: 1\n---\n",
		"2026/11/2026-12-01.md":         "---\ntip: 1\n---\n",
		"2026/11/attachments/photo.jpg": "\xff\xd8\xff",
		"2026/11/.obsidian":             "{}",
		"2026/13/2026-13-01.md":         "---\ntip: 1\n---\n",
		"notes/2026-11-20.md":           "---\ntip: 1\n---\n",
	}
	for name, text := range stray {
		p := filepath.Join(s.Root, name)
		os.MkdirAll(filepath.Dir(p), 0o700)
		if text == "" {
			os.MkdirAll(p, 0o700)
			continue
		}
		os.WriteFile(p, []byte(text), 0o600)
	}
	if runtime.GOOS != "windows" {
		// Emacs marks a file being edited with a dangling link.
		os.Symlink("user@host.1234", filepath.Join(s.Root, "2026/11/.#2026-11-20.md"))
	}
	j := s.Read()
	if len(j.Entries) != 0 || len(j.Problems) != 0 {
		t.Fatalf("read %d entries, problems %v", len(j.Entries), j.Problems)
	}
	if err := s.AppendNote(badDay, time.Now(), "note", false); err != nil {
		t.Fatal(err)
	}
	e, _ := s.Load(badDay)
	CheckIn{Date: badDay, Tip: 2}.ApplyTo(e)
	if err := s.Save(e); err != nil {
		t.Fatal(err)
	}
	if j := s.Read(); len(j.Entries) != 1 || len(j.Problems) != 0 {
		t.Fatalf("read %d entries, problems %v", len(j.Entries), j.Problems)
	}
	for name, text := range stray {
		if text == "" {
			continue
		}
		if now, err := os.ReadFile(filepath.Join(s.Root, name)); err != nil || string(now) != text {
			t.Errorf("%s changed: %q %v", name, now, err)
		}
	}
}
