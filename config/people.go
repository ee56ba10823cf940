package config

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
)

// AddPeople adds names to the people of the settings file at path and
// returns the ones it added (a name already there, in any case, is not
// added twice). The file is the user's: only the people array changes,
// every comment, key and blank line stays where it was. The new text must
// decode to the old settings plus the names, or nothing is written. A
// missing file is created (0600, in a folder of 0700).
func AddPeople(path string, names []string) ([]string, error) {
	path, old, mode, before, err := readSettings(path, "add to people")
	if err != nil {
		return nil, err
	}
	var added []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || containsFold(before.People, n) || containsFold(added, n) {
			continue
		}
		added = append(added, n)
	}
	if len(added) == 0 {
		return nil, nil
	}
	text, err := withPeople(old, added)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot add to people: %v", path, err)
	}
	// The proof: the new file says what the old one said, and the names.
	var after Config
	want := before
	want.People = append(append([]string(nil), before.People...), added...)
	if _, err := toml.Decode(string(text), &after); err != nil || !reflect.DeepEqual(after, want) {
		return nil, fmt.Errorf("%s: cannot add to people safely; add %s by hand", path, strings.Join(added, ", "))
	}
	if err := writeSettings(path, text, mode); err != nil {
		return nil, err
	}
	return added, nil
}

func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(strings.TrimSpace(x), s) {
			return true
		}
	}
	return false
}

func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

var (
	peopleKey   = regexp.MustCompile(`(?m)^[ \t]*people[ \t]*=[ \t]*\[`)
	tableHeader = regexp.MustCompile(`(?m)^[ \t]*\[`)
)

// withPeople returns the text of a settings file with names added to its
// people array, or a people line added before the first table when it has
// none.
func withPeople(text []byte, names []string) ([]byte, error) {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = tomlString(n)
	}
	list := strings.Join(quoted, ", ")
	// The people key of the top level: before any [table].
	top := len(text)
	if loc := tableHeader.FindIndex(text); loc != nil {
		top = loc[0]
	}
	loc := peopleKey.FindIndex(text[:top])
	if loc == nil {
		line := []byte("people = [" + list + "]\n")
		head := text[:top]
		if len(head) > 0 && head[len(head)-1] != '\n' {
			line = append([]byte("\n"), line...)
		}
		var out bytes.Buffer
		out.Write(head)
		out.Write(line)
		if top < len(text) {
			out.WriteString("\n")
		}
		out.Write(text[top:])
		return out.Bytes(), nil
	}
	// Walk the array to its closing bracket, past strings and comments,
	// remembering the last value or comma: the names go right after it.
	last, closing := -1, -1
	open := loc[1] - 1
	for i := open + 1; i < len(text) && closing < 0; i++ {
		switch c := text[i]; c {
		case '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case '"', '\'':
			end := stringEnd(text, i)
			if end < 0 {
				return nil, errors.New("people holds a string that does not end")
			}
			i, last = end, end
		case ']':
			closing = i
		case ',':
			last = i
		case '[', '{':
			return nil, errors.New("people holds something other than names")
		default:
			if !unicode.IsSpace(rune(c)) {
				last = i
			}
		}
	}
	if closing < 0 {
		return nil, errors.New("the people array does not end")
	}
	var insert string
	switch {
	case last < 0:
		insert = list
	case text[last] == ',':
		insert = " " + list
	default:
		insert = ", " + list
	}
	at := last + 1
	if last < 0 {
		at = open + 1
	}
	var out bytes.Buffer
	out.Write(text[:at])
	out.WriteString(insert)
	out.Write(text[at:])
	return out.Bytes(), nil
}

// stringEnd returns the index of the quote that ends the TOML string
// starting at i ("basic" with escapes, or 'literal'), -1 when none does.
func stringEnd(text []byte, i int) int {
	q := text[i]
	if bytes.HasPrefix(text[i:], []byte{q, q, q}) {
		if end := bytes.Index(text[i+3:], []byte{q, q, q}); end >= 0 {
			return i + 3 + end + 2
		}
		return -1
	}
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			return j
		case '\n':
			return -1
		}
	}
	return -1
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
