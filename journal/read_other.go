//go:build !linux

package journal

import (
	"errors"
	"io"
	"os"
)

// readJournalFile reads a file of the journal, and its stamp. (On Linux it
// does so with fewer calls to the system: read_linux.go.)
func readJournalFile(path string) ([]byte, stamp, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, stamp{}, err
	}
	if !info.Mode().IsRegular() {
		return nil, stamp{}, errors.New("not a plain file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, stamp{}, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, stamp{}, err
	}
	data, err := io.ReadAll(f)
	return data, stampOf(info), err
}
