package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Kind is what a setting holds, which says how it is written in the file,
// read from the command line and edited on the Settings screen.
type Kind int

const (
	Text   Kind = iota // any text
	Path               // a folder; ~ is the home folder
	List               // names, written "Ola, Siri" outside the file
	Bool               // true or false
	Choice             // one of Key.Choices
	Clock              // a time of day before noon, "04:00"
)

// Key is one setting: its name in the file, what it holds, and the names
// that set it for one run. Every key can be set with TILLIT_<NAME> in the
// environment ("sync.auto" is TILLIT_SYNC_AUTO); some also with a flag.
// The table below is the one place that knows them: the settings file's
// checks, its template, tillit config get|set and the Settings screen all
// read it, so a new setting is one row.
type Key struct {
	Name    string
	Kind    Kind
	Choices []string // for a Choice
	Flag    string   // "--lang", when a flag sets it too
	// Default is the value when nothing sets it, as written on the Settings
	// screen; "" when it depends on the machine (the journal folder, the
	// language, the editor).
	Default string
	get     func(*Config) string
	set     func(*Config, string)
}

// Env is the environment variable that sets the key for one run.
func (k Key) Env() string {
	return "TILLIT_" + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(k.Name))
}

// Apply sets the key in c to v, a value Normalize returned.
func (k Key) Apply(c *Config, v string) { k.set(c, v) }

// Get returns the key's value in c, written as on the command line.
func (k Key) Get(c *Config) string { return k.get(c) }

// Keys is every setting, in the order the template and the Settings screen
// show them.
var Keys = []Key{
	{Name: "lang", Kind: Choice, Choices: []string{"nb", "en", "sv"}, Flag: "--lang",
		get: func(c *Config) string { return c.Lang }, set: func(c *Config, v string) { c.Lang = v }},
	{Name: "journal", Kind: Path, Flag: "--journal",
		get: func(c *Config) string { return c.Journal }, set: func(c *Config, v string) { c.Journal = v }},
	{Name: "name", Kind: Text,
		get: func(c *Config) string { return c.Name }, set: func(c *Config, v string) { c.Name = v }},
	{Name: "people", Kind: List,
		get: func(c *Config) string { return strings.Join(c.People, ", ") },
		set: func(c *Config, v string) { c.People = SplitList(v) }},
	{Name: "editor", Kind: Text,
		get: func(c *Config) string { return c.Editor }, set: func(c *Config, v string) { c.Editor = v }},
	{Name: "theme", Kind: Choice, Choices: []string{"auto", "dark", "light"}, Default: "auto",
		get: func(c *Config) string { return c.Theme }, set: func(c *Config, v string) { c.Theme = v }},
	{Name: "schedule", Kind: Choice, Choices: []string{"sequence", "focus"}, Default: "sequence",
		get: func(c *Config) string { return c.Schedule }, set: func(c *Config, v string) { c.Schedule = v }},
	{Name: "weekdays_only", Kind: Bool, Default: "false",
		get: func(c *Config) string { return boolText(c.WeekdaysOnly) },
		set: func(c *Config, v string) { c.WeekdaysOnly = v == "true" }},
	{Name: "day_starts_at", Kind: Clock, Default: "00:00",
		get: func(c *Config) string { return c.DayStartsAt }, set: func(c *Config, v string) { c.DayStartsAt = v }},
	{Name: "pack", Kind: Text, Flag: "--pack", Default: "trust",
		get: func(c *Config) string { return c.Pack }, set: func(c *Config, v string) { c.Pack = v }},
	{Name: "context", Kind: Choice, Choices: Contexts, Default: "general",
		get: func(c *Config) string { return c.Context }, set: func(c *Config, v string) { c.Context = v }},
	{Name: "accessible", Kind: Bool, Flag: "--accessible", Default: "false",
		get: func(c *Config) string { return boolText(c.Accessible) },
		set: func(c *Config, v string) { c.Accessible = v == "true" }},
	{Name: "sync.auto", Kind: Bool, Default: "false",
		get: func(c *Config) string { return boolText(c.Sync.Auto) },
		set: func(c *Config, v string) { c.Sync.Auto = v == "true" }},
}

// Contexts are where a manager can lead, for the context setting: the
// example words of the tips follow it (content.Contexts, the same list, has
// the words).
var Contexts = []string{"general", "school", "care", "nav", "municipality", "state"}

// Lookup finds a key by its name.
func Lookup(name string) (Key, bool) {
	for _, k := range Keys {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

// Names lists the keys' names.
func Names() []string {
	names := make([]string, len(Keys))
	for i, k := range Keys {
		names[i] = k.Name
	}
	return names
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// SplitList reads "Ola, Siri" as a list of names.
func SplitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Normalize checks a value typed for the key and returns it as tillit keeps
// it ("DARK" is dark, "yes" is true, "4:00" is 04:00, "bokmål" is nb). A
// value the key does not allow is a *ValueError without a source; the
// caller says where it came from.
func (k Key) Normalize(v string) (string, error) {
	v = strings.TrimSpace(v)
	bad := &ValueError{Key: k.Name, Value: v}
	switch k.Kind {
	case Choice:
		l := strings.ToLower(v)
		if k.Name == "lang" {
			l = NormalizeLang(v)
		}
		if slices.Contains(k.Choices, l) {
			return l, nil
		}
		return "", bad
	case Bool:
		switch strings.ToLower(v) {
		case "true", "yes", "on", "1", "ja", "på":
			return "true", nil
		case "false", "no", "off", "0", "nei", "nej", "av":
			return "false", nil
		}
		return "", bad
	case Clock:
		d, ok := parseClock(v)
		if !ok {
			return "", bad
		}
		return fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60), nil
	case List:
		return strings.Join(SplitList(v), ", "), nil
	}
	return v, nil
}

// parseClock reads "04:00" or "4:30" as a time from midnight, before noon:
// a day that starts in the afternoon would be a night shift's calendar,
// not the day's.
func parseClock(v string) (time.Duration, bool) {
	h, m, ok := strings.Cut(v, ":")
	if !ok {
		return 0, false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || len(m) != 2 || hh < 0 || mm < 0 || mm > 59 || hh > 12 || (hh == 12 && mm > 0) {
		return 0, false
	}
	return time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute, true
}

// NormalizeLang maps a language name or POSIX locale (nb_NO.UTF-8, no, nn,
// sv_SE, en_GB) to a language tillit speaks, or "" when it names none.
func NormalizeLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_.@-"); i >= 0 {
		s = s[:i]
	}
	switch s {
	case "nb", "nn", "no", "norsk", "bokmål", "bokmal":
		return "nb"
	case "sv", "svenska", "swedish":
		return "sv"
	case "en", "english":
		return "en"
	}
	return ""
}

// ValueError is a value a key does not allow, and where it was found: in
// the settings file (Path), in the environment (Env) or on the command line
// (Flag).
type ValueError struct {
	Path, Env, Flag string
	Key, Value      string
}

func (e *ValueError) Error() string {
	k, _ := Lookup(e.Key)
	return e.Source() + ": " + e.Key + " = " + strconv.Quote(e.Value) + ": allowed: " + k.AllowedText()
}

// Source names where the value came from: the file, the variable or the
// flag.
func (e *ValueError) Source() string {
	switch {
	case e.Flag != "":
		return e.Flag
	case e.Env != "":
		return e.Env
	}
	return e.Path
}

// AllowedText says in English what the key allows (the interface words it
// in the user's language; this is for logs and tests).
func (k Key) AllowedText() string {
	switch k.Kind {
	case Choice:
		return strings.Join(k.Choices, ", ")
	case Bool:
		return "true, false"
	case Clock:
		return "a time from 00:00 to 12:00, as 04:00"
	}
	return "any text"
}
