package journal

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func fourteen(pack string) int {
	if pack == "" {
		return 14
	}
	if pack == "mine" {
		return 5
	}
	return 0
}

// A journal with one of each problem the doctor knows, and a few things that
// are fine and must not be reported.
var sickJournal = map[string]string{
	// Fine.
	"2026/11/2026-11-20.md":           "---\ndate: 2026-11-20\ntip: 14\nrating: 5\nenergy: 1\nfollowup: done\n---\n",
	"2026/11/2026-11-21-mentoring.md": "---\ndate: 2026-11-21\n---\n## Hva snakket dere om?\n\nTillit.\n",
	"2026/2026-W47.md":                "---\nweek: 2026-W47\nfocus_tip: 3\n---\n",
	"2026/2026-W53.md":                "---\nweek: 2026-W53\n---\n",
	"away.md":                         "---\naway:\n  - from: 2026-12-21\n    to: 2027-01-01\n---\n",
	"2026/11/2026-11-25.md":           "---\npack: mine\ntip: 5\n---\n",
	"2026/11/2026-11-26.md":           "---\npack: somebody-elses\ntip: 40\n---\n",
	// Unparseable.
	"2026/11/2026-11-01.md": "---\ndate: 2026-11-01\ntip: 2\n\nNo closing fence.\n",
	"2026/11/2026-11-02.md": "---\ntip: [1, 2\n---\n",
	"2026/11/2026-11-03.md": "---\nrating: 3\nrating: 4\n---\n",
	// Values.
	"2026/11/2026-11-04.md":                         "---\ndate: 2026-11-05\n---\n",
	"2026/11/2026-11-06.md":                         "---\ntip: 15\n---\n",
	"2026/11/2026-11-07.md":                         "---\nrating: 6\nenergy: 0\n---\n",
	"2026/11/2026-11-08.md":                         "---\nfollowup: maybe\n---\n",
	"2026/11/2026-11-09.md":                         "---\npack: mine\ntip: 6\n---\n",
	"2026/11/2026-11-10-mentoring.md":               "---\ndate: 2026-11-11\n---\n",
	"2026/2026-W48.md":                              "---\nweek: 2026-W49\nfocus_tip: 20\n---\n",
	"away.sync-conflict-20261124-101010-ABCDEFG.md": "---\naway: []\n---\n",
	// Strays.
	"2026/11/notes.txt":     "mine\n",
	"2026/11/2026-12-01.md": "---\n---\n",
	"2026/11/2026-02-30.md": "---\n---\n",
	"2026/2026-11-12.md":    "---\n---\n",
	"2026/2025-W10.md":      "---\n---\n",
	"2026/2026-W54.md":      "---\n---\n",
	"2026/13/2026-13-01.md": "---\n---\n",
	"README.md":             "my journal\n",
	"attachments/photo.jpg": "jpg",
	"2026/11/2026-11-23.sync-conflict-20261124-101010-ABCDEFG.md": "---\ntip: 3\n---\n",
	"2026/11/2026-11-24.sync-conflict-20261124-101010-ABCDEFG.md": "---\ntip: 3\n---\n",
	"2026/11/2026-11-23.md": "---\ntip: 3\n---\n",
	// Hidden: never looked at.
	".git/config":                    "[core]\n",
	".obsidian/workspace.json":       "{",
	".stfolder/junk":                 "x",
	".tillit/drafts/2026-11-27.json": "{}",
	"2026/11/.2026-11-20.md.swp":     "\x00swap",
	".hidden-notes.md":               "---\nno fence\n",
}

// writePrivateJournal is writeJournal with the root folder as tillit makes it.
func writePrivateJournal(t *testing.T, files map[string]string) *Store {
	t.Helper()
	s := writeJournal(t, files)
	if err := os.Chmod(s.Root, 0o700); err != nil {
		t.Fatal(err)
	}
	return s
}

func findings(t *testing.T, s *Store) map[string][]Finding {
	t.Helper()
	c, err := s.Doctor(fourteen)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string][]Finding{}
	for _, f := range c.Findings {
		rel, err := filepath.Rel(s.Root, f.Path)
		if err != nil {
			t.Fatal(err)
		}
		by[filepath.ToSlash(rel)] = append(by[filepath.ToSlash(rel)], f)
	}
	return by
}

func TestDoctorFindsEachProblem(t *testing.T) {
	s := writePrivateJournal(t, sickJournal)
	got := findings(t, s)
	type want struct{ kind, detail string }
	cases := map[string][]want{
		"2026/11/2026-11-01.md":                         {{FindUnparseable, "closing ---"}},
		"2026/11/2026-11-02.md":                         {{FindUnparseable, "not valid YAML"}},
		"2026/11/2026-11-03.md":                         {{FindUnparseable, `"rating" twice`}},
		"2026/11/2026-11-04.md":                         {{FindValue, "date: 2026-11-05 differs from the file name (2026-11-04)"}},
		"2026/11/2026-11-06.md":                         {{FindValue, "tip: 15 is outside 1–14"}},
		"2026/11/2026-11-07.md":                         {{FindValue, "rating: 6 is outside 1–5"}, {FindValue, "energy: 0 is outside 1–5"}},
		"2026/11/2026-11-08.md":                         {{FindValue, `followup: "maybe" is not one of done, partly, not`}},
		"2026/11/2026-11-09.md":                         {{FindValue, "tip: 6 is outside 1–5"}},
		"2026/11/2026-11-10-mentoring.md":               {{FindValue, "date: 2026-11-11 differs"}},
		"2026/2026-W48.md":                              {{FindValue, "week: 2026-W49 differs from the file name (2026-W48)"}, {FindValue, "focus_tip: 20 is outside 1–14"}},
		"away.sync-conflict-20261124-101010-ABCDEFG.md": {{FindConflict, "conflict copy of away.md: merge"}},
		"2026/11/notes.txt":                             {{FindStray, "not a journal file"}},
		"2026/11/2026-12-01.md":                         {{FindMisplaced, "belongs in 2026/12/"}},
		"2026/11/2026-02-30.md":                         {{FindNoSuchDay, "no such day"}},
		"2026/2026-W54.md":                              {{FindNoSuchDay, "no such week"}},
		"2026/2026-11-12.md":                            {{FindMisplaced, "belongs in 2026/11/"}},
		"2026/2025-W10.md":                              {{FindMisplaced, "belongs in 2025/"}},
		"2026/13":                                       {{FindStray, "a folder tillit does not use"}},
		"README.md":                                     {{FindStray, "not a journal file"}},
		"attachments":                                   {{FindStray, "a folder"}},
		"2026/11/2026-11-23.sync-conflict-20261124-101010-ABCDEFG.md": {{FindConflict, "conflict copy of 2026-11-23.md: merge"}},
		"2026/11/2026-11-24.sync-conflict-20261124-101010-ABCDEFG.md": {{FindConflict, "which is missing: rename the copy to 2026-11-24.md"}},
	}
	for path, wants := range cases {
		fs := got[path]
		if len(fs) != len(wants) {
			t.Errorf("%s: got %d findings, want %d: %v", path, len(fs), len(wants), fs)
			continue
		}
		for i, w := range wants {
			if fs[i].Kind != w.kind || !strings.Contains(fs[i].Detail, w.detail) {
				t.Errorf("%s: got %s %q, want %s %q", path, fs[i].Kind, fs[i].Detail, w.kind, w.detail)
			}
		}
		delete(got, path)
	}
	for path, fs := range got {
		t.Errorf("%s: not expected: %v", path, fs)
	}
	// The parse errors keep their kind, for a translated message.
	for _, f := range findings(t, s)["2026/11/2026-11-03.md"] {
		var pe *ParseError
		if !asParseError(f.Err, &pe) || pe.Kind != ParseDuplicateKey {
			t.Errorf("want a duplicate key ParseError, got %#v", f.Err)
		}
	}
}

func asParseError(err error, pe **ParseError) bool {
	p, ok := err.(*ParseError)
	*pe = p
	return ok
}

func TestDoctorOnHealthyJournal(t *testing.T) {
	files := map[string]string{
		".git/HEAD":                       "ref: refs/heads/main\n",
		".git/objects/ab/cdef":            "\x00\x01binary",
		".obsidian/app.json":              "{not json",
		".obsidian/plugins/x.md":          "---\nbroken\n",
		".tillit/lock":                    "",
		"2026/.DS_Store":                  "\x00",
		"2026/11/2026-11-20.md":           "---\ndate: 2026-11-20\ntip: 1\n---\n",
		"2026/11/2026-11-20-mentoring.md": "---\ndate: 2026-11-20\n---\n",
		"2026/2026-W47.md":                "---\nweek: 2026-W47\n---\n",
		"away.md":                         "---\naway: []\n---\n",
	}
	s := writePrivateJournal(t, files)
	// Hidden folders may be as open as their tools like.
	if err := os.Chmod(filepath.Join(s.Root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := s.Doctor(fourteen)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Findings) != 0 || c.Files != 4 {
		t.Fatalf("files %d, findings %v", c.Files, c.Findings)
	}
	// A journal that does not exist yet is healthy too.
	c, err = NewStore(filepath.Join(t.TempDir(), "none")).Doctor(fourteen)
	if err != nil || len(c.Findings) != 0 || c.Files != 0 {
		t.Fatalf("%+v %v", c, err)
	}
}

func TestDoctorPermissionsAndFix(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes are a unix thing")
	}
	s := writeJournal(t, map[string]string{
		"2026/11/2026-11-20.md": "---\ntip: 1\n---\nText\n",
		"2026/11/2026-11-21.md": "---\ntip: 2\n---\nMore\n",
		"2026/10/2026-10-01.md": "---\ntip: 3\n---\n",
	})
	root := s.Root
	chmod := func(rel string, m fs.FileMode) {
		if err := os.Chmod(filepath.Join(root, rel), m); err != nil {
			t.Fatal(err)
		}
	}
	chmod("2026/11/2026-11-20.md", 0o644)
	chmod("2026/11/2026-11-21.md", 0o400) // narrower: fine
	chmod("2026/11", 0o755)
	chmod(".", 0o750)
	before, _ := os.ReadFile(filepath.Join(root, "2026/11/2026-11-20.md"))
	got := findings(t, s)
	want := map[string]string{
		".":                     "permissions 0750 are wider than 0700",
		"2026/11":               "permissions 0755 are wider than 0700",
		"2026/11/2026-11-20.md": "permissions 0644 are wider than 0600",
	}
	if len(got) != len(want) {
		t.Errorf("got %v", got)
	}
	for path, detail := range want {
		if fs := got[path]; len(fs) != 1 || fs[0].Kind != FindPermissions || !strings.Contains(fs[0].Detail, detail) {
			t.Errorf("%s: got %v, want %q", path, fs, detail)
		}
	}
	c, _ := s.Doctor(fourteen)
	for _, f := range c.Findings {
		if _, err := s.FixPermissions(f); err != nil {
			t.Fatal(err)
		}
	}
	assertMode(t, filepath.Join(root, "2026/11/2026-11-20.md"), 0o600)
	assertMode(t, filepath.Join(root, "2026/11/2026-11-21.md"), 0o400)
	assertMode(t, filepath.Join(root, "2026/11"), fs.ModeDir|0o700)
	assertMode(t, root, fs.ModeDir|0o700)
	after, _ := os.ReadFile(filepath.Join(root, "2026/11/2026-11-20.md"))
	if string(before) != string(after) {
		t.Error("fixing permissions changed the file")
	}
	if _, err := os.Stat(filepath.Join(root, AppDirName)); err == nil {
		t.Error("the doctor created .tillit")
	}
	if c, _ := s.Doctor(fourteen); len(c.Findings) != 0 {
		t.Errorf("after the fix: %v", c.Findings)
	}
}

func TestDoctorSymlinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.md")
	if err := os.WriteFile(secret, []byte("---\nbroken\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := writePrivateJournal(t, map[string]string{"2026/11/2026-11-20.md": "---\ntip: 1\n---\n"})
	link := func(target, rel string) {
		if err := os.Symlink(target, filepath.Join(s.Root, rel)); err != nil {
			t.Fatal(err)
		}
	}
	link(secret, "2026/11/2026-11-21.md")
	link(outside, "2025")
	link("2026-11-20.md", "2026/11/2026-11-22.md")
	link("nowhere.md", "2026/11/2026-11-23.md")
	got := findings(t, s)
	want := map[string]string{
		"2026/11/2026-11-21.md": "outside the journal: not followed",
		"2025":                  "outside the journal: not followed",
		"2026/11/2026-11-22.md": "a symbolic link to 2026-11-20.md: tillit reads only plain files",
		"2026/11/2026-11-23.md": "which does not exist",
	}
	for path, detail := range want {
		if fs := got[path]; len(fs) != 1 || fs[0].Kind != FindSymlink || !strings.Contains(fs[0].Detail, detail) {
			t.Errorf("%s: got %v, want %q", path, fs, detail)
		}
		delete(got, path)
	}
	if len(got) != 0 {
		t.Errorf("not expected: %v", got)
	}
	// The journal itself may be reached through a link.
	linked := filepath.Join(t.TempDir(), "journal")
	if err := os.Symlink(s.Root, linked); err != nil {
		t.Fatal(err)
	}
	c, err := NewStore(linked).Doctor(fourteen)
	if err != nil || c.Files != 1 || len(c.Findings) != 4 {
		t.Fatalf("through a link: %+v %v", c, err)
	}
}

func TestConflictOf(t *testing.T) {
	cases := map[string]string{
		"2026-11-23.sync-conflict-20261124-101010-ABCDEFG.md": "2026-11-23.md",
		"away.sync-conflict-20261124-101010.md":               "away.md",
		"2026.sync-conflict-20261124-101010-ABCDEFG":          "2026",
	}
	for name, want := range cases {
		if got, ok := conflictOf(name); !ok || got != want {
			t.Errorf("%s: %q %v", name, got, ok)
		}
	}
	if _, ok := conflictOf("2026-11-23.md"); ok {
		t.Error("not a conflict")
	}
}

// What tillit writes itself is healthy: entries, reflections, mentoring
// notes, days away, notes, drafts.
func TestDoctorOnWrittenJournal(t *testing.T) {
	root := t.TempDir()
	// A journal folder of the user's own: tillit leaves a folder it did
	// not create as it is, and doctor would report a 0755 one.
	if err := os.Chmod(root, 0o700); err != nil {
		t.Fatal(err)
	}
	GenerateJournal(t, root, d("2026-11-27"), 120)
	s := NewStore(root)
	if err := s.AppendNote(d("2026-11-27"), timeAt(9, 5), "Et notat.", true); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAway(Away{From: d("2026-12-21"), To: d("2027-01-01"), Reason: "jul"}); err != nil {
		t.Fatal(err)
	}
	m := NewMentoring(s.MentoringPath(d("2026-11-20")), d("2026-11-20"))
	m.Mentor = "Ingrid"
	if err := s.SaveMentoring(m); err != nil {
		t.Fatal(err)
	}
	c, err := s.Doctor(fourteen)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Findings) != 0 || c.Files < 120 {
		t.Fatalf("files %d: %v", c.Files, c.Findings)
	}
}

// DoctorOf reports what Doctor reports, from a journal already read.
func TestDoctorOfAJournalAlreadyRead(t *testing.T) {
	for name, files := range map[string]map[string]string{"sick": sickJournal, "hand": handJournal} {
		s := writePrivateJournal(t, files)
		whole, err := s.Doctor(fourteen)
		if err != nil {
			t.Fatal(err)
		}
		of, err := s.DoctorOf(s.Read(), fourteen)
		if err != nil {
			t.Fatal(err)
		}
		if len(whole.Findings) == 0 && name == "sick" {
			t.Fatal("the sick journal is healthy")
		}
		if len(of.Findings) != len(whole.Findings) || of.Files != whole.Files {
			t.Fatalf("%s: DoctorOf found %d in %d files, Doctor %d in %d", name, len(of.Findings), of.Files, len(whole.Findings), whole.Files)
		}
		for i := range whole.Findings {
			if of.Findings[i].String() != whole.Findings[i].String() {
				t.Errorf("%s: %s\nwant %s", name, of.Findings[i], whole.Findings[i])
			}
		}
	}
}
