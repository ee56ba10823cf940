// Package config reads tillit's settings file
// ($XDG_CONFIG_HOME/tillit/config.toml, $TILLIT_CONFIG or --config FILE),
// lays the environment and the flags over it, and decides where the journal
// lives. The file belongs to the user: tillit changes one key at a time
// (Set, AddPeople), keeping every comment, blank line and key it does not
// know where it was.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

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
	// Theme is auto (ask the terminal), dark or light.
	Theme string `toml:"theme"`
	// Schedule is how today's tip is chosen: sequence (in order) or focus
	// (the weakest, longest unvisited).
	Schedule string `toml:"schedule"`
	// Context is where the user leads (school, care, nav, municipality,
	// state): it chooses the example words of the tips. general, or
	// nothing, is the general wording.
	Context string `toml:"context"`
	// DayStartsAt is when a new day begins ("04:00"): a check-in before it
	// belongs to the day before.
	DayStartsAt string `toml:"day_starts_at"`
	// Accessible asks plain line-by-line prompts instead of screens.
	Accessible bool `toml:"accessible"`
	// Sync is how the journal is synced with git; Remind the daily
	// reminder (see sync.go).
	Sync   Sync   `toml:"sync"`
	Remind Remind `toml:"remind"`

	// Path is the file the settings came from; empty when there was none.
	Path string `toml:"-"`
	// Unknown are the keys of the file that tillit does not know: kept in
	// the file, and named by tillit config and the Settings screen.
	Unknown []string `toml:"-"`
}

// DefaultPath is where the settings file lives unless --config says
// otherwise.
func DefaultPath() string {
	return filepath.Join(xdg.ConfigHome, "tillit", "config.toml")
}

// FilePath is the settings file to read: --config (flag), else
// $TILLIT_CONFIG (env), else the default.
func FilePath(flag, env string) string {
	switch {
	case flag != "":
		return flag
	case env != "":
		return env
	}
	return DefaultPath()
}

// Load reads the settings. A missing default file means no settings; a
// missing file named with --config or TILLIT_CONFIG, a file that is not
// valid TOML, or a value a key does not allow is an error naming the file.
// Keys tillit does not know are kept in Unknown: the file may come from a
// newer tillit, or carry the user's own notes.
func Load(path string) (Config, error) {
	explicit := path != ""
	if !explicit {
		path = DefaultPath()
	}
	data, err := os.ReadFile(path)
	// A home folder that is a file has no settings file in it either.
	if (errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)) && !explicit {
		return Config{}, nil
	}
	if err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	c, err := parse(path, data)
	if err != nil {
		return Config{}, err
	}
	c.Path = path
	return c, nil
}

// parse decodes the text of the settings file at path and checks every
// value it sets.
func parse(path string, data []byte) (Config, error) {
	var c Config
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return Config{}, fmt.Errorf("%s: line %d: %s", path, perr.Position.Line, perr.Message)
		}
		if m := wrongType.FindStringSubmatch(err.Error()); m != nil {
			// theme = 3, people = "Ola": the right key, the wrong kind of value.
			if k, ok := Lookup(m[2]); ok {
				line, _ := strconv.Atoi(m[1])
				return Config{}, &ValueError{Path: path, Key: k.Name, Value: valueOnLine(data, line)}
			}
		}
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	for _, u := range md.Undecoded() {
		c.Unknown = append(c.Unknown, u.String())
	}
	for _, k := range Keys {
		if !md.IsDefined(strings.Split(k.Name, ".")...) || k.Kind == Bool || k.Kind == List {
			continue // TOML's own types check booleans and arrays
		}
		v := k.Get(&c)
		n, err := k.Normalize(v)
		if err != nil {
			return Config{}, &ValueError{Path: path, Key: k.Name, Value: v}
		}
		k.set(&c, n)
	}
	return c, nil
}

// wrongType is how the TOML decoder says a key holds the wrong kind of value.
var wrongType = regexp.MustCompile(`line (\d+) \(last key "([^"]+)"\): incompatible types`)

// valueOnLine is what stands after the = on line n (1-based), for an error
// that quotes it.
func valueOnLine(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	_, v, _ := strings.Cut(lines[n-1], "=")
	return strings.TrimSpace(v)
}

// Layer returns the settings of this run: the file's, with each key that
// $TILLIT_<KEY> sets taken from the environment, and each key a flag sets
// (flags, by key name) from the flag. A value a key does not allow is a
// *ValueError naming the variable or the flag.
func (c Config) Layer(getenv func(string) string, flags map[string]string) (Config, error) {
	out := c
	out.People = slices.Clone(c.People)
	for _, k := range Keys {
		if v := getenv(k.Env()); v != "" {
			n, err := k.Normalize(v)
			if err != nil {
				return Config{}, &ValueError{Env: k.Env(), Key: k.Name, Value: v}
			}
			k.set(&out, n)
		}
		if v, ok := flags[k.Name]; ok && v != "" {
			n, err := k.Normalize(v)
			if err != nil {
				return Config{}, &ValueError{Flag: k.Flag, Key: k.Name, Value: v}
			}
			k.set(&out, n)
		}
	}
	return out, nil
}

// DayStart is how long after midnight a new day begins (day_starts_at).
func (c Config) DayStart() time.Duration {
	d, _ := parseClock(c.DayStartsAt)
	return d
}

// Today is the calendar day a moment belongs to: before day_starts_at it
// is still the day before.
func (c Config) Today(now time.Time) time.Time { return now.Add(-c.DayStart()) }

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

func expandHome(p string) string { return ExpandHome(p) }

// ExpandHome reads ~ at the start of a path as the home folder: "~/x", and
// on Windows "~\x" too.
func ExpandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") || (filepath.Separator == '\\' && strings.HasPrefix(p, `~\`)) {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[1:])
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
