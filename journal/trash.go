package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// TrashDays is how long a deleted file stays in the trash.
const TrashDays = 30

// trashStamp names a folder of the trash after the moment of deleting:
// sortable, and readable by someone restoring a file by hand.
const trashStamp = "2006-01-02T150405"

// TrashDir returns <root>/.tillit/trash.
func (s *Store) TrashDir() string { return filepath.Join(s.AppDir(), "trash") }

// Trash moves a file of the journal into the trash, under a folder named for
// the moment, at the same place it had in the journal — to restore it, move
// it back. It returns where the file went.
func (s *Store) Trash(path string, now time.Time) (string, error) {
	rel, err := filepath.Rel(s.Root, path)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") || strings.HasPrefix(rel, AppDirName) {
		return "", fmt.Errorf("%s: not a file of the journal in %s", path, s.Root)
	}
	var dest string
	err = s.withLock(path, func() error {
		if err := s.movable("delete", path, s.TrashDir()); err != nil {
			return err
		}
		dest = filepath.Join(s.TrashDir(), now.Format(trashStamp), rel)
		for n := 2; ; n++ {
			_, err := os.Lstat(dest)
			if errors.Is(err, fs.ErrNotExist) {
				break
			}
			if err != nil {
				// Not "taken" but broken (the trash is a file, say):
				// another name would fail the same way.
				return fmt.Errorf("delete %s: %w", path, err)
			}
			dest = filepath.Join(s.TrashDir(), fmt.Sprintf("%s-%d", now.Format(trashStamp), n), rel)
		}
		if err := s.mkdirs(filepath.Dir(dest)); err != nil {
			return err
		}
		if err := s.renameNoFollow(path, dest); err != nil {
			return fmt.Errorf("delete %s: %w", path, err)
		}
		return nil
	})
	return dest, err
}

// EmptyTrash removes what went into the trash more than TrashDays before
// now. Folders it does not recognise are left alone, and so is a trash
// that is a link, or lies in a .tillit that is one: nothing is removed
// outside the journal.
func (s *Store) EmptyTrash(now time.Time) error {
	if err := s.checkNoLinks(s.TrashDir()); err != nil {
		return err
	}
	dirs, err := os.ReadDir(s.TrashDir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", s.TrashDir(), err)
	}
	cutoff := now.AddDate(0, 0, -TrashDays)
	for _, d := range dirs {
		stamp := d.Name()
		if len(stamp) > len(trashStamp) {
			stamp = stamp[:len(trashStamp)] // "…-2" for a second delete that second
		}
		when, err := time.ParseInLocation(trashStamp, stamp, now.Location())
		if err != nil || !d.IsDir() || !when.Before(cutoff) {
			continue
		}
		path := filepath.Join(s.TrashDir(), d.Name())
		// A folder swapped for a link since it was read is not followed:
		// os.RemoveAll removes a link itself, never what it points at.
		if err := s.checkNoLinks(path); err != nil {
			return err
		}
		if err := os.RemoveAll(path); err != nil {
			return fmt.Errorf("empty %s: %w", path, err)
		}
	}
	return nil
}

// Restore moves a file back from the trash (dest, as Trash returned it) to
// path, where it was. It never overwrites: when a file is at path again
// (written since), the trashed one stays where it is and the error says so.
func (s *Store) Restore(dest, path string) error {
	rel, err := filepath.Rel(s.TrashDir(), dest)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return fmt.Errorf("%s: not in the trash %s", dest, s.TrashDir())
	}
	back, err := filepath.Rel(s.Root, path)
	if err != nil || back == "." || strings.HasPrefix(back, "..") || strings.HasPrefix(back, AppDirName) {
		return fmt.Errorf("%s: not a file of the journal in %s", path, s.Root)
	}
	return s.withLock(path, func() error {
		if err := s.movable("restore", dest, path); err != nil {
			return err
		}
		if err := s.mkdirs(filepath.Dir(path)); err != nil {
			return err
		}
		// A hard link cannot replace a file that is there: a day written
		// again since the delete is never overwritten. Then the trashed
		// name goes, leaving the file with one name, as before.
		if err := os.Link(dest, path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("restore %s: %s is there again; the trashed file stays in %s", dest, path, filepath.Dir(dest))
			}
			// A file system without hard links: with the lock held, a
			// check and a rename.
			if _, lerr := os.Lstat(path); !errors.Is(lerr, fs.ErrNotExist) {
				return fmt.Errorf("restore %s: %s is there again; the trashed file stays in %s", dest, path, filepath.Dir(dest))
			}
			if err := os.Rename(dest, path); err != nil {
				return fmt.Errorf("restore %s: %w", dest, err)
			}
			return nil
		}
		if err := os.Remove(dest); err != nil {
			return fmt.Errorf("restore %s: %w", dest, err)
		}
		return nil
	})
}

// movable checks, before a file is moved, that neither it nor where it
// goes lies behind a link, and that it is a plain file; verb names the
// move in the error.
func (s *Store) movable(verb, from, to string) error {
	for _, p := range []string{from, to} {
		if err := s.checkNoLinks(p); err != nil {
			return err
		}
	}
	info, err := os.Lstat(from)
	if err != nil {
		return fmt.Errorf("%s %s: %w", verb, from, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s %s: not a regular file", verb, from)
	}
	return nil
}
