package config

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"
)

// The settings file belongs to the user: tillit changes a key or two in
// it the way they would by hand, and proves the change by reading the new
// text back before writing it (AddPeople, SetRemind).

// readSettings reads the settings file at path for a change: the file a
// link there points to (a settings file kept with the user's dotfiles stays
// a link), its text (none when missing), its mode (0600 for a new one),
// and what it says. what names the change, for the error.
func readSettings(path, what string) (real string, text []byte, mode fs.FileMode, c Config, err error) {
	real = resolved(path)
	if text, mode, err = readText(real); err != nil {
		return real, nil, mode, c, err
	}
	if _, err := toml.Decode(string(text), &c); err != nil {
		return real, nil, mode, c, fmt.Errorf("%s: cannot %s: %v", real, what, oneLine(err))
	}
	return real, text, mode, c, nil
}

// resolved is the file a settings path names: a settings file kept
// elsewhere (with the user's dotfiles) and linked here stays a link, and
// the file it points to is the one written.
func resolved(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return path
}

// writeSettings writes the new text, making the folder (0700) when the
// file is new.
func writeSettings(path string, text []byte, mode fs.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	if err := writeAtomic(path, text, mode); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	return nil
}
