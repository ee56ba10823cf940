//go:build unix

package journal

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// outside is a folder outside the journal with bait in it: an old file and
// an old time-named folder, as temp-file cleanup and trash emptying would
// take them.
func outside(t *testing.T) (dir string, snapshot func() string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "outside")
	old := time.Now().AddDate(0, -3, 0)
	stamp := filepath.Join(dir, old.Format(trashStamp))
	for _, p := range []string{stamp} {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{filepath.Join(dir, "old.txt"), filepath.Join(stamp, "keep.md")} {
		if err := os.WriteFile(p, []byte("bait\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, func() string {
		var b strings.Builder
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				b.WriteString(err.Error())
				return nil
			}
			info, _ := d.Info()
			data, _ := os.ReadFile(path)
			b.WriteString(path + " " + info.Mode().String() + " " + info.ModTime().String() + " " + string(data) + "\n")
			return nil
		})
		return b.String()
	}
}

// linked makes a journal whose .tillit/<name> is a link to a folder outside.
func linked(t *testing.T, name string) (s *Store, snapshot func() string) {
	t.Helper()
	s = NewStore(filepath.Join(t.TempDir(), "journal"))
	day := Date{2026, 11, 20}
	if err := s.AppendNote(day, time.Now(), "first", false); err != nil {
		t.Fatal(err)
	}
	dir, snap := outside(t)
	at := filepath.Join(s.AppDir(), name)
	if err := os.RemoveAll(at); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(at), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, at); err != nil {
		t.Fatal(err)
	}
	return s, snap
}

// refused checks that err names the link, and that nothing outside changed.
func refused(t *testing.T, what string, err error, link string, before string, snap func() string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), link) {
		t.Errorf("%s: got %v, want a refusal naming %s", what, err, link)
	}
	if now := snap(); now != before {
		t.Errorf("%s changed the folder outside:\n%s\nwas\n%s", what, now, before)
	}
}

func TestNoWriteThroughALinkedTempFolder(t *testing.T) {
	s, snap := linked(t, "tmp")
	before := snap()
	day := Date{2026, 11, 21}
	e, err := s.Load(day)
	if err != nil {
		t.Fatal(err)
	}
	e.Body.Blocks = append(e.Body.Blocks, Block{Heading: "Q?", Text: "a"})
	e.Body.edited = true
	refused(t, "Save", s.Save(e), filepath.Join(s.AppDir(), "tmp"), before, snap)
	refused(t, "AppendNote", s.AppendNote(Date{2026, 11, 20}, time.Now(), "second", false), filepath.Join(s.AppDir(), "tmp"), before, snap)
	if _, err := os.Stat(s.DayPath(day)); !errors.Is(err, fs.ErrNotExist) {
		t.Error("the entry was written")
	}
}

func TestNoTrashThroughALink(t *testing.T) {
	s, snap := linked(t, "trash")
	before := snap()
	path := s.DayPath(Date{2026, 11, 20})
	_, err := s.Trash(path, time.Now())
	refused(t, "Trash", err, s.TrashDir(), before, snap)
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the entry is gone: %v", err)
	}
	refused(t, "EmptyTrash", s.EmptyTrash(time.Now()), s.TrashDir(), before, snap)
	refused(t, "TrashDraft", s.TrashDraft(&Draft{Day: Date{2026, 11, 20}}, time.Now()), s.TrashDir(), before, snap)
}

func TestNoDraftsThroughALink(t *testing.T) {
	s, snap := linked(t, "drafts")
	dir := filepath.Join(s.AppDir(), "drafts")
	// Bait that looks like a draft, outside.
	target, _ := os.Readlink(dir)
	if err := os.WriteFile(filepath.Join(target, "checkin-2026-11-20.json"), []byte(`{"day":"2026-11-20","answers":[{"question":"Q?","text":"outside"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snap()
	day := Date{2026, 11, 20}
	refused(t, "SaveDraft", s.SaveDraft(&Draft{Day: day, Answers: []DraftAnswer{{Question: "Q?", Text: "x"}}}), dir, before, snap)
	d, err := s.LoadDraft(day)
	refused(t, "LoadDraft", err, dir, before, snap)
	if d != nil {
		t.Errorf("a draft was read through the link: %+v", d)
	}
	_, err = s.Drafts()
	refused(t, "Drafts", err, dir, before, snap)
	refused(t, "RemoveDraft", s.RemoveDraft(&Draft{Day: day}), dir, before, snap)
}

// A link as .tillit itself, or as the lock, is refused as well.
func TestNoWriteThroughALinkedAppFolder(t *testing.T) {
	for _, name := range []string{"", "lock", "edit"} {
		t.Run(name, func(t *testing.T) {
			s := NewStore(filepath.Join(t.TempDir(), "journal"))
			if err := s.AppendNote(Date{2026, 11, 20}, time.Now(), "first", false); err != nil {
				t.Fatal(err)
			}
			dir, snap := outside(t)
			at := filepath.Join(s.AppDir(), name)
			target := dir
			if name == "lock" {
				target = filepath.Join(dir, "old.txt")
			}
			if err := os.RemoveAll(at); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, at); err != nil {
				t.Fatal(err)
			}
			before := snap()
			if name != "edit" {
				refused(t, "AppendNote", s.AppendNote(Date{2026, 11, 20}, time.Now(), "second", false), at, before, snap)
			}
			if name != "lock" {
				_, err := s.WriteScratch("checkin.md", "text")
				refused(t, "WriteScratch", err, at, before, snap)
			}
		})
	}
}

// Folders tillit did not create keep their mode, shared ones above all: a
// journal in /tmp must not make /tmp private.
func TestExistingFoldersKeepTheirMode(t *testing.T) {
	for _, mode := range []fs.FileMode{0o755, 0o777 | fs.ModeSticky, 0o775 | fs.ModeSetgid} {
		root := filepath.Join(t.TempDir(), "journal")
		if err := os.Mkdir(root, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(root, mode); err != nil {
			t.Fatal(err)
		}
		s := NewStore(root)
		if err := s.AppendNote(Date{2026, 11, 20}, time.Now(), "a note", false); err != nil {
			t.Fatal(err)
		}
		info, _ := os.Stat(root)
		if info.Mode()&(fs.ModePerm|fs.ModeSticky|fs.ModeSetgid) != mode {
			t.Errorf("the journal folder went from %v to %v", mode, info.Mode())
		}
		for _, d := range []string{filepath.Join(root, "2026"), filepath.Join(root, "2026", "11"), s.AppDir()} {
			if info, err := os.Stat(d); err != nil || info.Mode().Perm() != 0o700 {
				t.Errorf("%s, created by tillit: %v %v, want 0700", d, info.Mode(), err)
			}
		}
		if mode&(fs.ModeSticky|fs.ModeSetgid) == 0 {
			continue
		}
		c, err := s.Doctor(nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range c.Findings {
			if f.Kind == FindPermissions && f.Path == root {
				if _, err := s.FixPermissions(f); err == nil {
					t.Errorf("--fix-permissions changed the shared journal folder %v", mode)
				}
			}
		}
		if info, _ := os.Stat(root); info.Mode()&(fs.ModePerm|fs.ModeSticky|fs.ModeSetgid) != mode {
			t.Errorf("the shared journal folder went from %v to %v", mode, info.Mode())
		}
	}
}

// Temp files a crash left are cleared in .tillit/tmp, and nowhere else.
func TestStaleTempFilesOnlyInTheRealFolder(t *testing.T) {
	s, snap := linked(t, "tmp")
	before := snap()
	s.removeStaleTempFiles(time.Now())
	if now := snap(); now != before {
		t.Errorf("cleanup went through the link:\n%s", now)
	}
}

// With .tillit/tmp a link, an entry is not written, but a draft still is
// (its temp file beside it, in .tillit/drafts): the text is kept.
func TestDraftKeptWhenTheTempFolderIsALink(t *testing.T) {
	s, snap := linked(t, "tmp")
	before := snap()
	day := Date{2026, 11, 21}
	if err := s.SaveDraft(&Draft{Day: day, Answers: []DraftAnswer{{Question: "Q?", Text: "kept"}}}); err != nil {
		t.Fatal(err)
	}
	if d, err := s.LoadDraft(day); err != nil || d == nil || d.Answers[0].Text != "kept" {
		t.Fatalf("draft: %+v %v", d, err)
	}
	if now := snap(); now != before {
		t.Errorf("the draft went through the link:\n%s", now)
	}
}

// A file of .tillit (the write lock, a draft's lock) or of the journal
// that is a hard link to a file outside shares its permissions: tillit
// must not change them, or it changes the file outside.
func TestNoChmodThroughAHardLink(t *testing.T) {
	dir := t.TempDir()
	bait := filepath.Join(dir, "bait")
	if err := os.WriteFile(bait, []byte("bait\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(bait, 0o644); err != nil {
		t.Fatal(err)
	}
	s := NewStore(filepath.Join(dir, "journal"))
	day := Date{2026, 11, 20}
	if err := s.AppendNote(day, time.Now(), "first", false); err != nil {
		t.Fatal(err)
	}
	d := &Draft{Day: day, ID: "x1", Answers: []DraftAnswer{{Question: "Q", Text: "typed"}}}
	plant := func(path string) {
		t.Helper()
		_ = os.Remove(path)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Link(bait, path); err != nil {
			t.Skipf("no hard links here: %v", err)
		}
	}
	check := func(what string) {
		t.Helper()
		if info, err := os.Stat(bait); err != nil || info.Mode().Perm() != 0o644 {
			t.Fatalf("%s changed the mode of a file outside: %v %v", what, info.Mode(), err)
		}
		if data, _ := os.ReadFile(bait); string(data) != "bait\n" {
			t.Fatalf("%s changed a file outside: %q", what, data)
		}
	}

	plant(filepath.Join(s.AppDir(), "lock"))
	if err := s.AppendNote(day, time.Now(), "second", false); err != nil {
		t.Fatal(err)
	}
	check("a note")

	plant(lockPathOf(s.DraftPathOf(d)))
	if err := s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	s.ReleaseDraft(d)
	check("a draft")

	entry := s.DayPath(day)
	if err := os.Chmod(bait, 0o644); err != nil {
		t.Fatal(err)
	}
	plant(entry)
	c, err := s.Doctor(fourteen)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range c.Findings {
		if f.Kind != FindPermissions || f.Path != entry {
			continue
		}
		found = true
		if _, err := s.FixPermissions(f); err == nil || !strings.Contains(err.Error(), "hard link") {
			t.Errorf("fixing a hard-linked file: %v", err)
		}
	}
	if !found {
		t.Errorf("the doctor did not report the open entry: %v", c.Findings)
	}
	check("doctor --fix-permissions")
}
