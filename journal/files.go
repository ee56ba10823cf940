package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofrs/flock"
)

// FileKind says what a file of the journal holds.
type FileKind int

// The kinds of file in a journal.
const (
	OtherFile      FileKind = iota // not one tillit reads
	DayFile                        // YYYY/MM/YYYY-MM-DD.md
	ReflectionFile                 // YYYY/YYYY-Www.md
	MentoringFile                  // YYYY/MM/YYYY-MM-DD-mentoring.md
	AwayList                       // away.md
	AssessmentFile                 // YYYY/MM/YYYY-MM-DD-assessment.md
)

// JournalFile is what a path in the journal names: its kind, and the day
// or week it is for.
type JournalFile struct {
	Kind FileKind
	Day  Date // DayFile, MentoringFile, AssessmentFile
	Week Week // ReflectionFile
}

// Identify tells what the path rel (from the journal's root, with / or the
// system's separator) names, by the table of the kinds of journal file. A
// file in the wrong folder (2026/11/2026-12-01.md) is an OtherFile: tillit
// does not read it there.
func Identify(rel string) JournalFile {
	parts := strings.Split(filepath.ToSlash(filepath.Clean(rel)), "/")
	n, ok := nameOf(parts[len(parts)-1])
	var year, month string
	switch len(parts) {
	case 1:
	case 2:
		year = parts[0]
	case 3:
		year, month = parts[0], parts[1]
	default:
		ok = false
	}
	if !ok || !n.real || !n.in(year, month) {
		return JournalFile{Kind: OtherFile}
	}
	switch n.kind {
	case KindDay:
		return JournalFile{Kind: DayFile, Day: n.day}
	case KindMentoring:
		return JournalFile{Kind: MentoringFile, Day: n.day}
	case KindAssessment:
		return JournalFile{Kind: AssessmentFile, Day: n.day}
	case KindWeek:
		return JournalFile{Kind: ReflectionFile, Week: n.week}
	}
	return JournalFile{Kind: AwayList}
}

// EnsureRoot makes the journal's folder (mode 0700) when it is missing.
func (s *Store) EnsureRoot() error {
	if err := s.mkdirs(s.Root); err != nil {
		return writeError(s.Root, err)
	}
	return nil
}

// Put writes a whole file of the journal at path, as every write does:
// atomically, mode 0600 in folders of mode 0700, through no link. It is
// for a file made elsewhere (a merge of two versions); entries are saved
// with Save, which first checks that nobody changed them.
func (s *Store) Put(path string, data []byte) error {
	if !within(s.Root, path) {
		return fmt.Errorf("%s: not in the journal %s", path, s.Root)
	}
	return s.write(path, data)
}

// WithWriteLock runs fn holding the journal's write lock, which every
// save takes: no tillit writes a file of the journal meanwhile.
func (s *Store) WithWriteLock(fn func() error) error {
	return s.withLock(s.Root, fn)
}

// Hold takes the lock file <root>/.tillit/<name>.lock, waiting for another
// process that holds it, and returns the function that lets it go. It
// keeps two tillit processes from doing one job at once (two syncs).
func (s *Store) Hold(name string) (release func(), err error) {
	dir := s.AppDir()
	path := filepath.Join(dir, name+".lock")
	if err := s.checkNoLinks(path); err != nil {
		return nil, err
	}
	if err := s.mkdirs(dir); err != nil {
		return nil, writeError(path, err)
	}
	lock := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR|noFollow), flock.SetPermissions(filePerm))
	if err := lock.Lock(); err != nil {
		return nil, writeError(path, fmt.Errorf("lock %s: %w", path, err))
	}
	tightenLock(lock)
	return func() { _ = lock.Unlock() }, nil
}

// ReadOwn reads a file of tillit's own under <root>/.tillit, following no
// link; a missing file gives an error that errors.Is fs.ErrNotExist.
func (s *Store) ReadOwn(name string) ([]byte, error) {
	path := filepath.Join(s.AppDir(), name)
	data, err := s.readNoFollow(path)
	var le *LinkError
	if err != nil && !errors.As(err, &le) {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, err
}

// WriteOwn writes a file of tillit's own under <root>/.tillit.
func (s *Store) WriteOwn(name string, data []byte) error {
	return s.write(filepath.Join(s.AppDir(), name), data)
}

// RemoveOwn removes a file of tillit's own under <root>/.tillit; a missing
// one is no error.
func (s *Store) RemoveOwn(name string) error {
	return s.removeNoFollow(filepath.Join(s.AppDir(), name))
}
