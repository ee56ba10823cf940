//go:build windows

package journal

import (
	"os"
	"path/filepath"
)

// writeAtomic replaces path with data through a temp file in tmpDir (on the
// same volume); os.Rename replaces the target atomically on NTFS.
func writeAtomic(path, tmpDir string, data []byte) error {
	if err := faultBefore(path); err != nil {
		return err
	}
	f, err := os.CreateTemp(tmpDir, "."+filepath.Base(path)+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op once renamed
	if err := writeData(f, data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
