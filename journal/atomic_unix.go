//go:build !windows

package journal

import (
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// writeAtomic replaces path with data: a temp file in tmpDir (which must be
// on the same file system), fsync, rename, fsync of the folder. A reader
// sees the old file or the new one, never a mix, whatever happens in
// between; a crash before the rename leaves only the temp file behind.
func writeAtomic(path, tmpDir string, data []byte) error {
	dir := filepath.Dir(path)
	if err := faultBefore(path); err != nil {
		return err
	}
	f, err := renameio.NewPendingFile(path, renameio.WithTempDir(tmpDir), renameio.WithStaticPermissions(filePerm))
	if err != nil {
		return err
	}
	defer f.Cleanup() // removes the temp file unless it was renamed
	if err := writeData(f.File, data); err != nil {
		return err
	}
	if err := f.CloseAtomicallyReplace(); err != nil {
		return err
	}
	return syncDir(dir)
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
