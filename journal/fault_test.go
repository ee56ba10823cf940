package journal

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// simulate makes the journal's writes fail with err for the rest of the test.
func simulate(t *testing.T, err error) {
	t.Helper()
	SimulateWriteFault(err)
	t.Cleanup(func() { SimulateWriteFault(nil) })
}

// A full disk or a read-only journal: every way of writing fails with a
// *WriteError that names the file and the cause, the file is as it was,
// and no part of a new file is left behind.
func TestWritesFailCleanly(t *testing.T) {
	for _, fault := range []error{syscall.ENOSPC, syscall.EROFS, syscall.EACCES} {
		t.Run(fault.Error(), func(t *testing.T) {
			s := NewStore(t.TempDir())
			day := Date{2026, 11, 20}
			if err := s.AppendNote(day, time.Now(), "before", false); err != nil {
				t.Fatal(err)
			}
			path := s.DayPath(day)
			before, _ := os.ReadFile(path)
			e, err := s.Load(day)
			if err != nil {
				t.Fatal(err)
			}
			r, _ := s.LoadReflection(WeekOf(day))
			r.FocusTip = 3
			m, _ := s.LoadMentoring(day)
			m.Mentor = "Kari"

			simulate(t, fault)
			CheckIn{Date: day, Tip: 1, Answers: []Answer{{Question: "Q?", Text: "mine"}}}.ApplyTo(e)
			for what, write := range map[string]func() error{
				"Save":       func() error { return s.Save(e) },
				"AppendNote": func() error { return s.AppendNote(day, time.Now(), "after", false) },
				"SaveDraft": func() error {
					return s.SaveDraft(&Draft{Day: day, Answers: []DraftAnswer{{Question: "Q?", Text: "mine"}}})
				},
				"SaveReflection": func() error { return s.SaveReflection(r) },
				"SaveMentoring":  func() error { return s.SaveMentoring(m) },
				"AddAway":        func() error { return s.AddAway(Away{From: day, To: day}) },
			} {
				err := write()
				var we *WriteError
				if !errors.As(err, &we) || !errors.Is(err, fault) {
					t.Errorf("%s: %v, want a WriteError for %v", what, err, fault)
					continue
				}
				if we.Path == "" || filepath.Dir(we.Path) == s.Root && what != "AddAway" {
					t.Errorf("%s: the error names %q", what, we.Path)
				}
			}
			SimulateWriteFault(nil)
			if now, _ := os.ReadFile(path); !bytes.Equal(now, before) {
				t.Errorf("the entry changed:\n%s", now)
			}
			for _, p := range []string{s.DraftPath(day), s.ReflectionPath(WeekOf(day)), s.MentoringPath(day), s.AwayPath()} {
				if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("%s was written", p)
				}
			}
			onlyWhatWasThere(t, s.Root)
			// The disk has room again: the same entry saves.
			if err := s.Save(e); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// onlyWhatWasThere fails if a temporary file is left anywhere in the
// journal.
func onlyWhatWasThere(t *testing.T, root string) {
	t.Helper()
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := d.Name()
		if !isKind(name, KindDay) && name != "lock" {
			t.Errorf("left behind: %s", path)
		}
		return nil
	})
}

// A real read-only folder (as root, permissions do not stop a write, so
// this runs for other users only): the write fails and tillit does not give
// the folder its write permission back.
func TestReadOnlyFolderStaysReadOnly(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("permissions do not stop root, and work otherwise on Windows")
	}
	s := NewStore(t.TempDir())
	day := Date{2026, 11, 20}
	if err := s.AppendNote(day, time.Now(), "before", false); err != nil {
		t.Fatal(err)
	}
	month := filepath.Dir(s.DayPath(day))
	if err := os.Chmod(month, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(month, 0o700) })
	err := s.AppendNote(day, time.Now(), "after", false)
	var we *WriteError
	if !errors.As(err, &we) || !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("want a permission WriteError, got %v", err)
	}
	if info, _ := os.Stat(month); info.Mode().Perm() != 0o500 {
		t.Errorf("the folder is %v now", info.Mode())
	}
}

// A journal whose path runs through a file: a clear error, not a crash.
func TestJournalThroughAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "journal")
	os.WriteFile(file, []byte("not a folder"), 0o600)
	for _, root := range []string{file, filepath.Join(file, "inside")} {
		s := NewStore(root)
		j := s.Read()
		if len(j.Entries) != 0 {
			t.Errorf("%s: entries from a file", root)
		}
		err := s.AppendNote(Date{2026, 11, 20}, time.Now(), "x", false)
		var we *WriteError
		if !errors.As(err, &we) || !errors.Is(err, syscall.ENOTDIR) && !errors.Is(err, fs.ErrExist) {
			t.Errorf("%s: %v", root, err)
		}
		if data, _ := os.ReadFile(file); string(data) != "not a folder" {
			t.Errorf("the file was written")
		}
	}
}
