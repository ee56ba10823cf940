//go:build !linux

package journal

import (
	"io/fs"
	"os"
)

// statIn reads the stamp of an item of the open folder dir.
func statIn(_ *os.File, item fs.DirEntry) (stamp, error) { return statOf(item) }
