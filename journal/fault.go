package journal

import (
	"errors"
	"io/fs"
	"os"
	"sync"
	"syscall"
)

// WriteError says a file of the journal could not be written; the file is
// as it was (a write is atomic: all of it or nothing). Err says why: a full
// disk (syscall.ENOSPC), a read-only folder (syscall.EROFS,
// fs.ErrPermission), a path through a file (syscall.ENOTDIR)…
type WriteError struct {
	Path string // the file tillit meant to write
	Err  error
}

func (e *WriteError) Error() string { return "cannot write " + e.Path + ": " + e.Err.Error() }

func (e *WriteError) Unwrap() error { return e.Err }

// writeError wraps err as a *WriteError for path, unless it says something
// else already (a file that cannot be parsed, changed on disk, a write
// error of its own).
func writeError(path string, err error) error {
	var (
		we *WriteError
		pe *ParseError
		ce *ConflictError
	)
	if err == nil || errors.As(err, &we) || errors.As(err, &pe) || errors.As(err, &ce) {
		return err
	}
	return &WriteError{Path: path, Err: err}
}

// IsNoSpace reports whether err says the disk (or the user's quota) is
// full.
func IsNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG)
}

var (
	faultMu sync.Mutex
	fault   error
)

// SimulateWriteFault makes every later write to a journal fail with err,
// until it is called with nil: a full disk (syscall.ENOSPC) fails after half
// of the new file is written, as a real one does; any other error (a
// read-only file system, syscall.EROFS) fails before anything is written.
// It is for tests that check what the user sees then.
func SimulateWriteFault(err error) {
	faultMu.Lock()
	fault = err
	faultMu.Unlock()
}

func simulatedFault() error {
	faultMu.Lock()
	defer faultMu.Unlock()
	return fault
}

// faultBefore returns the simulated error that stops a write before it
// begins, if any.
func faultBefore(path string) error {
	if err := simulatedFault(); err != nil && !IsNoSpace(err) {
		return &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return nil
}

// writeData writes data to the new file f, or, with a full disk simulated,
// half of it before failing.
func writeData(f *os.File, data []byte) error {
	if err := simulatedFault(); err != nil && IsNoSpace(err) {
		_, _ = f.Write(data[:len(data)/2])
		return &fs.PathError{Op: "write", Path: f.Name(), Err: err}
	}
	_, err := f.Write(data)
	return err
}
