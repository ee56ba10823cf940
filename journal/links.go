package journal

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// LinkError says tillit refused to go through a symbolic link on the way
// to a file of its own, under <root>/.tillit: a link there could make a
// write, a delete or a change of permissions land outside the journal.
// Nothing was done.
type LinkError struct {
	Path string // what was to be read, written or removed
	Link string // the link found on the way (perhaps Path itself)
}

func (e *LinkError) Error() string {
	return e.Link + " is a symbolic link: tillit reads, writes and deletes nothing through a link in its own folder " + AppDirName + "; replace the link with a folder of its own"
}

// inAppDir reports whether path lies in <root>/.tillit, or is it.
func (s *Store) inAppDir(path string) bool {
	rel, err := filepath.Rel(filepath.Clean(s.Root), filepath.Clean(path))
	return err == nil && (rel == AppDirName || strings.HasPrefix(rel, AppDirName+string(filepath.Separator)))
}

// openNoFollow opens a file of the journal for reading, refusing a link
// anywhere from below the root down to the file itself.
func (s *Store) openNoFollow(path string) (*os.File, error) {
	if err := s.checkNoLinks(path); err != nil {
		return nil, err
	}
	// A pipe would block the open: only a plain file is opened.
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a plain file", path)
	}
	return os.OpenFile(path, os.O_RDONLY|noFollow, 0)
}

// readNoFollow reads a file of tillit's own (a draft, a scratch file) with
// no link followed.
func (s *Store) readNoFollow(path string) ([]byte, error) {
	f, err := s.openNoFollow(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// removeNoFollow removes a file of tillit's own, unless a folder on the way
// is a link; a missing file is no error.
func (s *Store) removeNoFollow(path string) error {
	if err := s.checkNoLinks(filepath.Dir(path)); err != nil {
		return err
	}
	// os.Remove does not follow a link in the last part: a planted link is
	// removed, never what it points at.
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("remove %s: %w", path, err)
	}
	return nil
}

// renameNoFollow moves a file of tillit's own within the journal, unless a
// folder on the way from or to it is a link.
func (s *Store) renameNoFollow(from, to string) error {
	if err := s.checkNoLinks(filepath.Dir(from)); err != nil {
		return err
	}
	if err := s.checkNoLinks(to); err != nil {
		return err
	}
	return os.Rename(from, to)
}

// isLink reports whether info is that of a symbolic link.
func isLink(info fs.FileInfo) bool { return info.Mode()&fs.ModeSymlink != 0 }

// AppDirLinks returns a *LinkError when .tillit, or a folder or the lock in
// it, is a symbolic link: tillit then refuses to write, and the user should
// hear why before typing.
func (s *Store) AppDirLinks() error {
	for _, name := range []string{"", "drafts", "edit", "lock", "tmp", "trash"} {
		path := filepath.Join(s.AppDir(), name)
		if err := s.checkNoLinks(path); err != nil {
			return err
		}
	}
	return nil
}
