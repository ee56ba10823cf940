package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// UnknownKeyError is a key tillit has no setting for.
type UnknownKeyError struct{ Key string }

func (e *UnknownKeyError) Error() string { return fmt.Sprintf("no setting %q", e.Key) }

// Set writes one key into the settings file at path and returns the value
// as written. Only that key's value changes: comments, blank lines, the
// order and the keys tillit does not know stay as they were; a key not yet
// in the file takes the place of its commented-out line in the template,
// else goes at the end of the top level. The new text must decode to the
// old settings with the one key changed, or nothing is written. A missing
// file is created from the template (0600, in a folder of 0700).
func Set(path, name, value string, template []byte) (string, error) {
	k, ok := Lookup(name)
	if !ok {
		return "", &UnknownKeyError{Key: name}
	}
	v, err := k.Normalize(value)
	if err != nil {
		return "", &ValueError{Path: path, Key: k.Name, Value: value}
	}
	path = resolved(path)
	old, mode, err := readText(path)
	if err != nil {
		return "", err
	}
	if old == nil {
		old = template
	}
	before, undecoded, err := decodeRaw(old)
	if err != nil {
		return "", fmt.Errorf("%s: cannot change %s: %v", path, k.Name, err)
	}
	text, err := withValue(old, k.Name, literal(k, v))
	if err != nil {
		return "", fmt.Errorf("%s: cannot change %s: %v", path, k.Name, err)
	}
	// The proof: the new file says what the old one said, but the key.
	want := before
	k.set(&want, v)
	after, afterUndecoded, err := decodeRaw(text)
	if err != nil || !reflect.DeepEqual(after, want) || !slices.Equal(undecoded, afterUndecoded) {
		return "", fmt.Errorf("%s: cannot change %s safely; write %s = %s by hand", path, k.Name, k.Name, literal(k, v))
	}
	if err := writeSettings(path, text, mode); err != nil {
		return "", err
	}
	return v, nil
}

// Create writes the template to path unless a file is there already; it
// reports whether it wrote one.
func Create(path string, template []byte) (bool, error) {
	if _, err := os.Lstat(path); err == nil {
		return false, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return false, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	if err := writeAtomic(path, template, 0o600); err != nil {
		return false, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	return true, nil
}

// readText reads the file and its mode; nil text when there is none.
func readText(path string) ([]byte, fs.FileMode, error) {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, 0o600, nil
	case err != nil:
		return nil, 0, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	mode := fs.FileMode(0o600)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	return data, mode, nil
}

// decodeRaw decodes settings without checking their values, and lists the
// keys it did not know.
func decodeRaw(text []byte) (Config, []string, error) {
	var c Config
	md, err := toml.Decode(string(text), &c)
	if err != nil {
		return Config{}, nil, errors.New(oneLine(err))
	}
	var unknown []string
	for _, u := range md.Undecoded() {
		unknown = append(unknown, u.String())
	}
	return c, unknown, nil
}

// literal writes a value as TOML.
func literal(k Key, v string) string {
	switch k.Kind {
	case Bool:
		return v
	case List:
		names := SplitList(v)
		quoted := make([]string, len(names))
		for i, n := range names {
			quoted[i] = tomlString(n)
		}
		return "[" + strings.Join(quoted, ", ") + "]"
	}
	return tomlString(v)
}

// Literal is how the key's value is written in the file.
func (k Key) Literal(v string) string { return literal(k, v) }

// withValue returns the text with name = lit: the value of the key's line
// replaced, or its commented-out line taken, or a new line.
func withValue(text []byte, name, lit string) ([]byte, error) {
	table, key, dotted := strings.Cut(name, ".")
	if !dotted {
		key, table = name, ""
	}
	sections := sectionsOf(text)
	// Where the key may stand: at the top level as name, or in its table.
	type place struct {
		start, end int
		key        string
	}
	places := []place{{sections[0].start, sections[0].end, name}}
	var tableAt *section
	for i, s := range sections[1:] {
		if dotted && s.name == table {
			tableAt = &sections[i+1]
			places = append(places, place{s.start, s.end, key})
		}
	}
	for _, p := range places {
		if loc := assignment(p.key).FindIndex(text[p.start:p.end]); loc != nil {
			at := p.start + loc[1]
			for at < len(text) && (text[at] == ' ' || text[at] == '\t') {
				at++
			}
			end, err := valueEnd(text, at)
			if err != nil {
				return nil, err
			}
			return splice(text, at, end, lit), nil
		}
	}
	for _, p := range places {
		if loc := commented(p.key).FindIndex(text[p.start:p.end]); loc != nil {
			return splice(text, p.start+loc[0], p.start+loc[1], p.key+" = "+lit), nil
		}
	}
	if tableAt != nil {
		// Right under the [table] line.
		eol := bytes.IndexByte(text[tableAt.start:], '\n')
		if eol < 0 {
			return append(append(slices.Clone(text), '\n'), []byte(key+" = "+lit+"\n")...), nil
		}
		at := tableAt.start + eol + 1
		return splice(text, at, at, key+" = "+lit+"\n"), nil
	}
	// After the last line of the top level that is not blank.
	at := sections[0].end
	for at >= 2 && text[at-1] == '\n' && text[at-2] == '\n' {
		at--
	}
	line := name + " = " + lit + "\n"
	if at > 0 && text[at-1] != '\n' {
		line = "\n" + line
	}
	return splice(text, at, at, line), nil
}

func splice(text []byte, from, to int, s string) []byte {
	var out bytes.Buffer
	out.Write(text[:from])
	out.WriteString(s)
	out.Write(text[to:])
	return out.Bytes()
}

// section is the top level (name "") or one [table] of the file.
type section struct {
	name       string
	start, end int
}

var tableLine = regexp.MustCompile(`(?m)^[ \t]*\[\[?[ \t]*([^\]\s]+)[ \t]*\]`)

// sectionsOf splits the text at its table headers; the first section is
// the top level.
func sectionsOf(text []byte) []section {
	out := []section{{start: 0, end: len(text)}}
	for _, m := range tableLine.FindAllSubmatchIndex(text, -1) {
		out[len(out)-1].end = m[0]
		out = append(out, section{name: string(text[m[2]:m[3]]), start: m[0], end: len(text)})
	}
	return out
}

// assignment matches the start of "key =" on a line, up to the =.
func assignment(key string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^[ \t]*` + regexp.QuoteMeta(key) + `[ \t]*=`)
}

// commented matches a whole commented-out "# key = …" line.
func commented(key string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^[ \t]*#[ \t]*` + regexp.QuoteMeta(key) + `[ \t]*=[^\n]*`)
}

// valueEnd returns where the TOML value starting at i ends: past its
// closing quote or bracket, or before the comment or the end of the line.
func valueEnd(text []byte, i int) (int, error) {
	if i >= len(text) {
		return i, nil
	}
	switch text[i] {
	case '"', '\'':
		end := stringEnd(text, i)
		if end < 0 {
			return 0, errors.New("a string that does not end")
		}
		return end + 1, nil
	case '[', '{':
		depth := 0
		for j := i; j < len(text); j++ {
			switch text[j] {
			case '#':
				for j < len(text) && text[j] != '\n' {
					j++
				}
			case '"', '\'':
				end := stringEnd(text, j)
				if end < 0 {
					return 0, errors.New("a string that does not end")
				}
				j = end
			case '[', '{':
				depth++
			case ']', '}':
				depth--
				if depth == 0 {
					return j + 1, nil
				}
			}
		}
		return 0, errors.New("an array that does not end")
	}
	j := i
	for j < len(text) && text[j] != '\n' && text[j] != '#' {
		j++
	}
	for j > i && (text[j-1] == ' ' || text[j-1] == '\t' || text[j-1] == '\r') {
		j--
	}
	return j, nil
}

// Template is a settings file with every key commented out: about says
// what a key does, example gives the value shown; header opens the file.
func Template(header string, about, example func(Key) string) []byte {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
	}
	for _, k := range Keys {
		b.WriteString("\n")
		for _, line := range strings.Split(strings.TrimRight(about(k), "\n"), "\n") {
			b.WriteString("# " + line + "\n")
		}
		b.WriteString("# " + k.Name + " = " + literal(k, example(k)) + "\n")
	}
	return []byte(b.String())
}
