package journal

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gofrs/flock"
)

const (
	filePerm fs.FileMode = 0o600
	dirPerm  fs.FileMode = 0o700
	// AppDirName is the folder under the journal root that holds what tillit
	// owns (drafts, the lock): never entries, never beside them.
	AppDirName = ".tillit"
)

// ConflictError says a file changed on disk after tillit read it: another
// tillit, an editor or a sync tool wrote it. Nothing was written.
type ConflictError struct{ Path string }

func (e *ConflictError) Error() string {
	return e.Path + ": changed on disk since it was opened; nothing was overwritten"
}

// Store is a journal folder.
type Store struct {
	Root string
	// Cache is the folder tillit may keep the journal's index in (see
	// Summary): under the user's cache folder, never in the journal.
	// Empty, there is no index, and Summary reads the whole journal.
	Cache string
	// Clock is the clock the index goes by (to tell a file just written,
	// which it reads again, from one it may trust); nil is the system's.
	// Tests set it.
	Clock func() time.Time

	mu   sync.Mutex
	held map[string]*flock.Flock // the drafts this process has open, by path
}

// NewStore returns the journal at root. Nothing is created until a write.
func NewStore(root string) *Store { return &Store{Root: root} }

// DayPath returns where the entry of day d lives: YYYY/MM/YYYY-MM-DD.md.
func (s *Store) DayPath(d Date) string {
	return filepath.Join(s.Root, fmt.Sprintf("%04d", d.Year), fmt.Sprintf("%02d", d.Month), d.String()+".md")
}

// AppDir returns <root>/.tillit.
func (s *Store) AppDir() string { return filepath.Join(s.Root, AppDirName) }

// Load reads the entry of day d. A day without a file gives a new, empty
// entry. An unparseable file gives a *ParseError.
func (s *Store) Load(d Date) (*Entry, error) {
	path := s.DayPath(d)
	return loadDoc(s, path, func() *Entry { return NewEntry(path, d) }, ParseEntry)
}

// Save writes an entry atomically. It refuses when the file on disk is no
// longer what was loaded (a *ConflictError), so nobody's words are lost.
func (s *Store) Save(e *Entry) error {
	return saveDoc(s, e, &e.document, e.Render, ParseEntry)
}

// checkUnchangedDoc makes sure the file on disk is still what d was read
// from (or still absent), so nobody's words are written over.
func (s *Store) checkUnchangedDoc(d *document) error {
	now, err := s.readFile(d.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if d.OnDisk() {
			return &ConflictError{d.Path}
		}
		return nil
	case err != nil:
		return fmt.Errorf("read %s: %w", d.Path, err)
	case !d.OnDisk() || !bytes.Equal(now, d.raw):
		return &ConflictError{d.Path}
	}
	return nil
}

// AppendNote adds a timestamped note at the end of the day's entry, creating
// the entry if needed. Every byte already in the file stays where it is. A
// private note goes between private markers.
func (s *Store) AppendNote(d Date, at time.Time, text string, private bool) error {
	_, err := s.appendNote(d, at, text, private, false)
	return err
}

// AppendNoteOnce is AppendNote, unless the day's entry has a note with the
// same time and text already: then it writes nothing and returns false. So
// bringing the same notes in twice adds each only once.
func (s *Store) AppendNoteOnce(d Date, at time.Time, text string, private bool) (bool, error) {
	return s.appendNote(d, at, text, private, true)
}

func (s *Store) appendNote(d Date, at time.Time, text string, private, once bool) (added bool, err error) {
	text = trimBlankLines(safeText(text))
	if text == "" {
		return false, errors.New("the note is empty")
	}
	heading := at.Format("15:04")
	err = s.withLock(s.DayPath(d), func() error {
		e, err := s.Load(d)
		if err != nil {
			return err
		}
		if once {
			for _, b := range e.Body.Blocks {
				if b.IsNote() && b.Heading == heading && b.Text == text {
					return nil
				}
			}
		}
		added = true
		if !e.OnDisk() {
			e.Body.Blocks = append(e.Body.Blocks, Block{Heading: heading, Text: text, Private: private})
			e.Body.edited = true
			data, err := e.Render()
			if err != nil {
				return err
			}
			return s.write(e.Path, data)
		}
		return s.write(e.Path, appendNote(e, at, text, private))
	})
	return added && err == nil, err
}

func appendNote(e *Entry, at time.Time, text string, private bool) []byte {
	nl := "\n"
	if e.crlf {
		nl = "\r\n"
	}
	var b strings.Builder
	b.Write(e.raw)
	if len(e.raw) > 0 && !bytes.HasSuffix(e.raw, []byte("\n")) {
		b.WriteString(nl)
	}
	if f := e.Body.openFence; f != "" {
		// Close a code block left open, or the note would be inside it.
		b.WriteString(f + nl)
	}
	endsPrivate := e.Body.unclosed
	switch {
	case endsPrivate && !private:
		// The file ends inside a private part someone forgot to close.
		b.WriteString(PrivateEnd + nl)
	case !endsPrivate && private:
		b.WriteString(nl + PrivateStart + nl)
	default:
		b.WriteString(nl)
	}
	b.WriteString("## " + at.Format("15:04") + nl + nl)
	b.WriteString(strings.ReplaceAll(text, "\n", nl) + nl)
	if private {
		b.WriteString(PrivateEnd + nl)
	}
	return []byte(b.String())
}

// WriteFile puts data at path atomically, readable by the user only: for
// files outside the journal, such as exports. The folder must exist; its
// permissions are left as they are. A target that is not a regular file
// is refused (see CheckTarget).
func WriteFile(path string, data []byte) error {
	if err := CheckTarget(path); err != nil {
		return err
	}
	if err := writeAtomic(path, filepath.Dir(path), data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(path, filePerm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// readFile reads a file of the journal. A file that is a link, or lies in
// a folder of the journal that is one, is not read: tillit reads and writes
// plain files only, and never anything outside the journal.
func (s *Store) readFile(path string) ([]byte, error) {
	if err := s.checkNoLinks(path); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// checkNoLinks fails when path, or a folder between the journal's root and
// it, is a symbolic link: with a *LinkError for tillit's own files (under
// .tillit), with a *ParseError for a journal file. The root itself may be
// a link.
func (s *Store) checkNoLinks(path string) error {
	root := filepath.Clean(s.Root)
	rel, err := filepath.Rel(root, filepath.Clean(path))
	if err != nil || rel == "." || !filepath.IsLocal(rel) {
		return nil
	}
	at := root
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		at = filepath.Join(at, part)
		info, err := os.Lstat(at)
		if err != nil {
			return nil // nothing more exists below; a read or write says why
		}
		if isLink(info) {
			if s.inAppDir(path) {
				return &LinkError{Path: path, Link: at}
			}
			return linkError(path, at)
		}
	}
	return nil
}

func linkError(path, link string) *ParseError {
	return &ParseError{Path: path, Kind: ParseLink, Detail: link,
		Reason: link + " is a link; tillit reads and writes only plain files and folders in the journal"}
}

// write puts data at path atomically, the file readable by the user only
// and the folders it creates too, whatever the umask. Nothing is written
// when a folder on the way, or the temp folder, is a link.
func (s *Store) write(path string, data []byte) error {
	if err := s.checkNoLinks(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	// The temp file is made under .tillit/tmp, so that a crash in the
	// middle of a write never leaves one beside the entries. When that is
	// a link, a file of tillit's own (a draft) is still written, with its
	// temp file beside it: the text is kept, and nothing goes through the
	// link.
	tmp := s.tempDir()
	if err := s.checkNoLinks(tmp); err != nil {
		if !s.inAppDir(path) {
			return err
		}
		tmp = dir
	}
	if err := s.mkdirs(dir); err != nil {
		return writeError(path, err)
	}
	if err := s.mkdirs(tmp); err != nil {
		return writeError(path, err)
	}
	err := writeAtomic(path, tmp, data)
	if errors.Is(err, syscall.EXDEV) {
		// A folder of the journal on another file system: the temp file
		// must be beside the file.
		err = writeAtomic(path, dir, data)
	}
	if err != nil {
		return writeError(path, err)
	}
	if err := os.Chmod(path, filePerm); err != nil {
		return writeError(path, err)
	}
	return nil
}

// tempDir is where writes make their temp files: <root>/.tillit/tmp.
func (s *Store) tempDir() string { return filepath.Join(s.AppDir(), "tmp") }

// tempFileAge is how old a temp file must be before it is taken for one a
// crash left behind: no write takes that long.
const tempFileAge = time.Hour

// removeStaleTempFiles removes the temp files that writes cut short by a
// crash (a power cut, SIGKILL) left under .tillit/tmp: only plain files in
// a real folder, never anything through a link.
func (s *Store) removeStaleTempFiles(now time.Time) {
	dir := s.tempDir()
	if s.checkNoLinks(dir) != nil {
		return
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, f := range files {
		if info, err := f.Info(); err == nil && info.Mode().IsRegular() && now.Sub(info.ModTime()) > tempFileAge {
			_ = os.Remove(filepath.Join(dir, f.Name()))
		}
	}
}

// mkdirs creates dir and the folders above it that are missing, each with
// mode 0700 whatever the umask. Folders that exist are left as they are:
// tillit never changes the permissions of a folder it did not create (the
// journal may be in a shared folder, or be one); tillit doctor reports
// those that are too open. Nothing is created through a link.
func (s *Store) mkdirs(dir string) error {
	if err := s.checkNoLinks(dir); err != nil {
		return err
	}
	root := filepath.Clean(s.Root)
	dir = filepath.Clean(dir)
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if d == root || d == filepath.Dir(d) {
			break
		}
	}
	if len(missing) > 0 && missing[len(missing)-1] == root {
		// The folders that hold the journal are the user's, not the
		// journal's: made as the umask says.
		if err := os.MkdirAll(filepath.Dir(root), dirPerm); err != nil {
			return fmt.Errorf("create %s: %w", dir, err)
		}
	}
	for _, d := range slices.Backward(missing) {
		if err := os.Mkdir(d, dirPerm); err != nil {
			if errors.Is(err, fs.ErrExist) {
				continue // another tillit was quicker: its folder, its mode
			}
			return fmt.Errorf("create %s: %w", d, err)
		}
		// The umask may have taken bits off; this folder is tillit's.
		if err := os.Chmod(d, dirPerm); err != nil {
			return fmt.Errorf("set permissions of %s: %w", d, err)
		}
	}
	return nil
}

// withLock runs fn holding the journal's write lock, so two tillit processes
// never interleave a read-check-write of the same file.
//
// target is the file fn writes: a failure to take the lock (a read-only
// journal, a full disk) is told as a failure to write it.
func (s *Store) withLock(target string, fn func() error) error {
	dir := s.AppDir()
	path := filepath.Join(dir, "lock")
	if err := s.checkNoLinks(path); err != nil {
		return err
	}
	if err := faultBefore(path); err != nil {
		return writeError(target, err)
	}
	if err := s.mkdirs(dir); err != nil {
		return writeError(target, err)
	}
	lock := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR|noFollow), flock.SetPermissions(filePerm))
	if err := lock.Lock(); err != nil {
		return writeError(target, fmt.Errorf("lock %s: %w", path, err))
	}
	defer lock.Unlock()
	tightenLock(lock)
	s.removeStaleTempFiles(time.Now())
	return fn()
}

// CloseCommitment records how the commitment made on day went: the outcome
// goes into that day's own entry, with the day it was closed. commitment is
// the text the user saw: when the file says otherwise now, or the
// commitment is closed already, nothing is written (a *ConflictError). Like
// every write, it refuses a file it cannot parse.
func (s *Store) CloseCommitment(day Date, commitment string, result Followup, note string, closed Date) error {
	if !result.Valid() {
		return fmt.Errorf("%q is not one of done, partly, not", result)
	}
	return s.withLock(s.DayPath(day), func() error {
		e, err := s.Load(day)
		if err != nil {
			return err
		}
		if !e.OnDisk() || e.Commitment == "" {
			return fmt.Errorf("%s: there is no commitment to close", e.Path)
		}
		if e.Commitment != commitment || e.Outcome != "" {
			return &ConflictError{e.Path}
		}
		for _, o := range s.Read().Outcomes() {
			if o.Commitment.Date == day && !o.Open() {
				return &ConflictError{e.Path}
			}
		}
		e.Outcome, e.OutcomeNote, e.OutcomeDate = result, oneLine(note), closed
		data, err := e.Render()
		if err != nil {
			return err
		}
		return s.write(e.Path, data)
	})
}

// tightenLock gives a lock file of tillit's own mode 0600, which the umask
// may have taken bits off. A lock file that is not a plain file of one
// name is left as it is: a hard link planted there would carry the change
// to a file outside the journal.
func tightenLock(lock *flock.Flock) {
	info, err := lock.Stat() // the file opened, not whatever the name is now
	if err != nil || !info.Mode().IsRegular() || otherNames(info) || info.Mode().Perm() == filePerm {
		return
	}
	_ = os.Chmod(lock.Path(), filePerm)
}
