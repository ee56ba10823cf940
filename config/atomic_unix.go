//go:build !windows

package config

import (
	"os"

	"github.com/google/renameio/v2"
)

// writeAtomic replaces the settings file in one step, so a crash leaves
// the old settings or the new ones, never half of them.
func writeAtomic(path string, data []byte, mode os.FileMode) error {
	return renameio.WriteFile(path, data, mode)
}
