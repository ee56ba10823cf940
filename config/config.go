// Package config reads tillit's settings file
// ($XDG_CONFIG_HOME/tillit/config.toml, or --config FILE) and decides where
// the journal lives. The file belongs to the user: the one change tillit
// makes to it is adding names to people (AddPeople), keeping the rest as
// it was.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"
)

// Config is what the settings file may say. Every key is optional.
type Config struct {
	Journal string `toml:"journal"` // the journal folder
	Lang    string `toml:"lang"`    // nb, en or sv
	Editor  string `toml:"editor"`  // the editor command
	Pack    string `toml:"pack"`    // the prompt pack to use
	Name    string `toml:"name"`    // the author named in exports
	// People are names to replace with stand-ins in an export with
	// --pseudonymize (as well as every @Name and the common given names).
	People []string `toml:"people"`
	// WeekdaysOnly treats every weekend as days away: they neither break
	// nor extend a streak.
	WeekdaysOnly bool `toml:"weekdays_only"`
	// Sync is how the journal is synced with git; Remind the daily
	// reminder (see sync.go).
	Sync   Sync   `toml:"sync"`
	Remind Remind `toml:"remind"`

	// Path is the file the settings came from; empty when there was none.
	Path string `toml:"-"`
}

// DefaultPath is where the settings file lives unless --config says
// otherwise.
func DefaultPath() string {
	return filepath.Join(xdg.ConfigHome, "tillit", "config.toml")
}

// Load reads the settings. A missing default file means no settings; a
// missing file named with --config, a file that is not valid TOML, or an
// unknown key is an error naming the file.
func Load(path string) (Config, error) {
	explicit := path != ""
	if !explicit {
		path = DefaultPath()
	}
	var c Config
	md, err := toml.DecodeFile(path, &c)
	// A home folder that is a file has no settings file in it either.
	if (errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)) && !explicit {
		return Config{}, nil
	}
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return Config{}, fmt.Errorf("%s: line %d: %s", path, perr.Position.Line, perr.Message)
		}
		return Config{}, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		return Config{}, fmt.Errorf("%s: unknown setting %q", path, undecoded[0].String())
	}
	c.Path = path
	return c, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// JournalRoot decides where the journal lives: --journal, then
// $TILLIT_JOURNAL, then the settings file, then
// $XDG_DATA_HOME/tillit/journal.
func (c Config) JournalRoot(flag, env string) string {
	for _, p := range []string{flag, env, c.Journal} {
		if p != "" {
			return expandHome(p)
		}
	}
	return filepath.Join(xdg.DataHome, "tillit", "journal")
}

// EditorCommand returns the command that edits a file: $TILLIT_EDITOR, the
// settings file's editor, $VISUAL, $EDITOR, as git does it; empty when none
// is set.
func (c Config) EditorCommand(getenv func(string) string) string {
	for _, e := range []string{getenv("TILLIT_EDITOR"), c.Editor, getenv("VISUAL"), getenv("EDITOR")} {
		if strings.TrimSpace(e) != "" {
			return e
		}
	}
	return ""
}

func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	return p
}

// Dir is the folder of the settings file in use, where the user's own
// prompt packs live too (Dir/packs).
func (c Config) Dir() string {
	if c.Path != "" {
		return filepath.Dir(c.Path)
	}
	return filepath.Dir(DefaultPath())
}

// File is the settings file in use, or where it would be: the one to add
// to when there is none yet.
func (c Config) File() string {
	if c.Path != "" {
		return c.Path
	}
	return DefaultPath()
}
