package config

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"

	"github.com/BurntSushi/toml"
)

// Sync is the [sync] table: sync.auto = true syncs the journal with git
// after each save and when tillit starts (tillit sync init sets it up).
type Sync struct {
	Auto bool `toml:"auto"`
}

// Remind is the [remind] table: the daily reminder tillit remind at
// installed, as a time of day ("07:45"), on weekdays only or every day.
type Remind struct {
	At       string `toml:"at"`
	Weekdays bool   `toml:"weekdays"`
}

var (
	remindHeader = regexp.MustCompile(`(?m)^[ \t]*\[[ \t]*remind[ \t]*\][ \t]*(#.*)?$`)
	remindKey    = regexp.MustCompile(`(?m)^[ \t]*(at|weekdays)[ \t]*=.*$\n?`)
	dottedRemind = regexp.MustCompile(`(?m)^[ \t]*remind\.(at|weekdays)[ \t]*=.*$\n?`)
)

// SetRemind writes the [remind] table of the settings file at path: r, or
// no reminder when r is zero. Like AddPeople, it changes only those keys,
// proves that the new file says what the old one did but for them, and
// otherwise writes nothing.
func SetRemind(path string, r Remind) error {
	path, old, mode, before, err := readSettings(path, "set the reminder")
	if err != nil {
		return err
	}
	if before.Remind == r {
		return nil
	}
	text := withRemind(old, r)
	var after Config
	want := before
	want.Remind = r
	if _, err := toml.Decode(string(text), &after); err != nil || !reflect.DeepEqual(after, want) {
		return fmt.Errorf("%s: cannot set the reminder safely; write [remind] at = %q by hand", path, r.At)
	}
	return writeSettings(path, text, mode)
}

// withRemind is the text with the reminder's keys in the [remind] table
// (made at the end when missing), or without them for none.
func withRemind(text []byte, r Remind) []byte {
	text = dottedRemind.ReplaceAll(text, nil)
	var lines []byte
	if r.At != "" {
		lines = fmt.Appendf(nil, "at = %s\nweekdays = %t\n", tomlString(r.At), r.Weekdays)
	}
	loc := remindHeader.FindIndex(text)
	if loc == nil {
		if lines == nil {
			return text
		}
		if len(text) > 0 && !bytes.HasSuffix(text, []byte("\n")) {
			text = append(text, '\n')
		}
		if len(text) > 0 {
			text = append(text, '\n')
		}
		text = append(text, "[remind]\n"...)
		return append(text, lines...)
	}
	start := loc[1]
	if start < len(text) && text[start] == '\n' {
		start++
	}
	end := len(text)
	if next := tableHeader.FindIndex(text[start:]); next != nil {
		end = start + next[0]
	}
	table := remindKey.ReplaceAll(text[start:end], nil)
	var out bytes.Buffer
	out.Write(text[:start])
	out.Write(lines)
	out.Write(table)
	out.Write(text[end:])
	return out.Bytes()
}
