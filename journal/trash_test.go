package journal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTrash(t *testing.T) {
	s := writeJournal(t, map[string]string{
		"2026/11/2026-11-23.md": "---\ntip: 5\n---\nKari.\n",
		"2026/11/2026-11-24.md": "---\ntip: 6\n---\n",
	})
	now := time.Date(2026, 11, 27, 10, 15, 0, 0, time.Local)
	path := s.DayPath(d("2026-11-23"))
	dest, err := s.Trash(path, now)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(s.Root, ".tillit", "trash", "2026-11-27T101500", "2026", "11", "2026-11-23.md"); dest != want {
		t.Errorf("moved to %s, want %s", dest, want)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the file is still in the journal: %v", err)
	}
	if data, _ := os.ReadFile(dest); string(data) != "---\ntip: 5\n---\nKari.\n" {
		t.Errorf("the trash holds %q", data)
	}
	if j := s.Read(); len(j.Entries) != 1 || len(j.Problems) != 0 {
		t.Errorf("after the delete the journal has %d entries, problems %v", len(j.Entries), j.Problems)
	}
	// A second delete in the same second does not overwrite the first.
	if err := os.WriteFile(path, []byte("again"), 0o600); err != nil {
		t.Fatal(err)
	}
	dest2, err := s.Trash(path, now)
	if err != nil || dest2 == dest {
		t.Fatalf("second delete: %s, %v", dest2, err)
	}
	// Nothing outside the journal, nothing of tillit's own.
	for _, p := range []string{filepath.Join(t.TempDir(), "x.md"), filepath.Join(s.Root, ".tillit", "lock"), s.Root} {
		if _, err := s.Trash(p, now); err == nil {
			t.Errorf("Trash(%s) did not refuse", p)
		}
	}
	// Thirty days keep it; the day after, the trash is emptied.
	old := filepath.Join(s.TrashDir(), "keep-me")
	if err := os.MkdirAll(old, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := s.EmptyTrash(now.AddDate(0, 0, 30)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dest); err != nil {
		t.Errorf("emptied too early: %v", err)
	}
	if err := s.EmptyTrash(now.AddDate(0, 0, 31)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{dest, dest2} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s is still in the trash", p)
		}
	}
	if _, err := os.Stat(old); err != nil {
		t.Errorf("a folder the trash did not make was removed: %v", err)
	}
}

// A trash that cannot be made (a file where its folder should be) is an
// error at once, not a search for a free name that never ends.
func TestTrashThatCannotBeMade(t *testing.T) {
	s := writeJournal(t, map[string]string{"2026/11/2026-11-23.md": "---\ntip: 5\n---\n"})
	if err := os.MkdirAll(s.AppDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.TrashDir(), []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := s.Trash(s.DayPath(d("2026-11-23")), time.Now())
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("the delete went through")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Trash never returned")
	}
	if _, err := os.Stat(s.DayPath(d("2026-11-23"))); err != nil {
		t.Errorf("the entry is gone: %v", err)
	}
}

// A file moved to the trash comes back where it was, as it was; a day
// written again since is never overwritten by the restore.
func TestRestoreFromTrash(t *testing.T) {
	s := NewStore(t.TempDir())
	day := Date{Year: 2026, Month: 11, Day: 23}
	e := NewEntry(s.DayPath(day), day)
	e.Commitment = "Ring Per"
	if err := s.Save(e); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(e.Path)
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	dest, err := s.Trash(e.Path, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(dest, e.Path); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(e.Path)
	if err != nil || string(after) != string(before) {
		t.Fatalf("restored %q, %v; want %q", after, err, before)
	}
	if _, err := os.Lstat(dest); !os.IsNotExist(err) {
		t.Errorf("the trashed copy is still there: %v", err)
	}
	if info, _ := os.Stat(e.Path); info.Mode().Perm() != 0o600 {
		t.Errorf("restored with mode %v", info.Mode().Perm())
	}

	// Trashed again, then the day written anew: the restore refuses.
	dest, err = s.Trash(e.Path, now)
	if err != nil {
		t.Fatal(err)
	}
	fresh := NewEntry(s.DayPath(day), day)
	fresh.Commitment = "Written again"
	if err := s.Save(fresh); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(dest, e.Path); err == nil || !strings.Contains(err.Error(), e.Path) {
		t.Fatalf("restore over a new file: %v", err)
	}
	if got, _ := os.ReadFile(e.Path); !strings.Contains(string(got), "Written again") {
		t.Errorf("the new day was overwritten: %q", got)
	}
	if _, err := os.Lstat(dest); err != nil {
		t.Errorf("the trashed file was lost: %v", err)
	}
	if err := s.Restore(e.Path, e.Path); err == nil {
		t.Error("restored from outside the trash")
	}
}
